"""`quiz optimize`: a fit at a bound is saved (clamped after fsrs-rs's 32-bit floats), new parameters
are saved only when they predict the held-out later answers better (both figures printed), and
`--reschedule` recomputes due dates with them."""
from __future__ import annotations

import struct
from datetime import UTC, datetime

import fsrs
import pytest
from support.history import simulate

from quiz.cli import main
from quiz.core import optimizer
from quiz.core.optimizer import bounds, clamp
from quiz.core.scheduler import CardState, Scheduler, from_ms
from quiz.core.store import Store

DEFAULTS = list(fsrs.scheduler.DEFAULT_PARAMETERS)


def f32(x: float) -> float:
    """`x` as fsrs-rs returns it: through a 32-bit float."""
    return struct.unpack("f", struct.pack("f", x))[0]


def at_bounds() -> list[float]:
    """The default memory model with w9 and w19 at their upper bound, 0.8."""
    p = list(DEFAULTS)
    p[9] = p[19] = 0.8
    return p


# parameters that expect every new card to be remembered for months: far too hopeful for anyone
HOPEFUL = [100.0] * 4 + DEFAULTS[4:]


def _store(data):
    return Store.open(data, clock=lambda: datetime.now(UTC), backup=False)


def _saved_before(data, params) -> None:
    with _store(data) as store:
        store.set_setting("fsrs_parameters", list(params))


def test_too_few_reviews(capsys, tmp_path):
    simulate(tmp_path, 50)
    assert main(["optimize", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "at least 400" in err and "50" in err


def test_no_history(capsys, tmp_path):
    assert main(["optimize", "--data-dir", str(tmp_path / "none")]) == 1
    assert "nothing to optimize" in capsys.readouterr().err


@pytest.mark.parametrize("index", range(21))
def test_a_fit_at_either_bound_is_clamped_and_accepted(index):
    low, high = bounds()
    for bound in (low[index], high[index]):
        for raw in (f32(bound), bound * (1 + 1e-6) + 1e-9, bound * (1 - 1e-6) - 1e-9):
            params = list(DEFAULTS)
            params[index] = raw
            fitted = clamp(params)
            assert low[index] <= fitted[index] <= high[index]
            assert fitted[index] == min(max(raw, low[index]), high[index])
            Scheduler(fitted)  # py-fsrs accepts it (it refused 0.800000011920929 for 0.8)
    assert f32(0.8) > 0.8  # the case of the issue: 0.8 comes back as 0.800000011920929


def test_clamp_refuses_what_is_not_a_fit():
    with pytest.raises(ValueError):
        clamp([float("nan")] + DEFAULTS[1:])
    with pytest.raises(ValueError):
        clamp(DEFAULTS[:20])


def test_a_fit_at_the_upper_bound_is_saved(capsys, tmp_path, monkeypatch):
    """fsrs-rs found w19 = 0.8 (its upper bound), returned as 0.800000011920929: before, py-fsrs
    refused it ("out of range ... nothing saved", exit 1) though it predicted far better."""
    truth = at_bounds()
    simulate(tmp_path, 600, true_params=truth)
    _saved_before(tmp_path, HOPEFUL)
    monkeypatch.setattr(optimizer, "compute", lambda items, old: [f32(x) for x in truth])
    assert main(["optimize", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "saved: the scheduler uses these parameters" in out
    with _store(tmp_path) as store:
        saved = store.get_setting("fsrs_parameters")
        assert saved[9] == saved[19] == 0.8 and list(store.scheduler().parameters) == saved


def test_new_parameters_are_saved_only_when_they_predict_better(capsys, tmp_path, monkeypatch):
    simulate(tmp_path, 600)  # a learner just as the defaults assume
    monkeypatch.setattr(optimizer, "compute", lambda items, old: HOPEFUL)
    assert main(["optimize", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "current parameters: predicted recall" in out and "new parameters:     predicted recall" in out
    assert "log loss" in out and "RMSE" in out and "judged on the" in out
    assert "not saved: they do not predict your later answers better" in out
    with _store(tmp_path) as store:
        assert store.get_setting("fsrs_parameters") is None


def test_optimize_fits_better_parameters_and_saves_them(capsys, tmp_path):
    simulate(tmp_path, 800)
    _saved_before(tmp_path, HOPEFUL)
    with _store(tmp_path) as store:
        result = optimizer.fit(store, store.scheduler(fuzz=False).parameters)
    assert result.better and result.new_log_loss < result.old_log_loss and result.tested > 0
    assert main(["optimize", "--data-dir", str(tmp_path)]) == 0
    with _store(tmp_path) as store:
        saved = store.get_setting("fsrs_parameters")
        assert len(saved) == 21
        assert list(store.scheduler().parameters) == saved
    assert main(["optimize", "--reset", "--dry-run", "--data-dir", str(tmp_path)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    with _store(tmp_path) as store:   # issue 12 item 12: --reset --dry-run reset them
        assert store.get_setting("fsrs_parameters") == saved
    assert main(["optimize", "--reset", "--data-dir", str(tmp_path)]) == 0
    with _store(tmp_path) as store:
        assert store.get_setting("fsrs_parameters") is None


def test_the_held_out_part_is_the_latest_answers(tmp_path):
    simulate(tmp_path, 500)
    with _store(tmp_path) as store:
        hist = optimizer.histories(store)
        split = optimizer.split_time(hist)
        times = sorted(at for h in hist for at, _r, _d in h)
    later = sum(at >= split for at in times)
    assert 0.15 * len(times) <= later <= 0.25 * len(times)


def test_reschedule_moves_due_dates_to_the_new_parameters(capsys, tmp_path):
    simulate(tmp_path, 800)
    _saved_before(tmp_path, HOPEFUL)
    with _store(tmp_path) as store:
        before = {c.id: c.st for c in store.all_cards()}
    assert main(["optimize", "--reschedule", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("rescheduled:"))
    moved = int(line.split(";")[1].split()[0])
    assert moved > 0
    with _store(tmp_path) as store:
        after = {c.id: c.st for c in store.all_cards()}
        changed = sum(1 for k in after if after[k].due != before[k].due)
        assert changed >= moved
        # each card is where replaying its answers with the saved parameters puts it (fuzz aside)
        plain = Scheduler(store.get_setting("fsrs_parameters"), fuzz=False, tz=store.tz)
        for card_id, at_rating in _answers(store).items():
            st = CardState()
            for at, rating in at_rating:
                st = plain.review(card_id, st, rating, from_ms(at))
            got = after[card_id]
            assert (got.state, got.stability, got.difficulty, got.lapses) == \
                (st.state, st.stability, st.difficulty, before[card_id].lapses)


def test_reschedule_without_better_parameters_changes_nothing(capsys, tmp_path, monkeypatch):
    simulate(tmp_path, 500)
    monkeypatch.setattr(optimizer, "compute", lambda items, old: list(old))
    with _store(tmp_path) as store:
        before = store.all_cards()
    assert main(["optimize", "--reschedule", "--data-dir", str(tmp_path)]) == 0
    assert "nothing rescheduled" in capsys.readouterr().out
    with _store(tmp_path) as store:
        assert store.all_cards() == before


def _answers(store):
    out: dict[int, list[tuple[int, int]]] = {}
    for card_id, at, rating in store.scheduled_answers():
        out.setdefault(card_id, []).append((at, rating))
    return out
