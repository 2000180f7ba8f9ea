import random
from datetime import UTC, datetime, timedelta

from quiz.cli import main
from quiz.core.model import Bank, Question
from quiz.core.session import Mode, Session
from quiz.core.store import Store


def _history(data, answers):
    now = [datetime(2024, 1, 1, 12, tzinfo=UTC)]
    bank = Bank(id="b", title="B", questions=tuple(
        Question(id=f"q{i}", type="fill", prompt=f"题{i}", answers=("x",)) for i in range(60)))
    rng = random.Random(3)
    n = 0
    with Store.open(data, clock=lambda: now[0], backup=False) as store:
        while n < answers:
            s = Session(store, [bank], Mode.STUDY, clock=lambda: now[0], rng=rng, new_limit=10, fuzz=False)
            while n < answers and (q := s.next()) is not None:
                s.grade(q, rng.choice([1, 2, 3, 3, 3, 3, 4]), elapsed=3)
                now[0] += timedelta(seconds=30)
                n += 1
            now[0] += timedelta(days=1)


def test_too_few_reviews(capsys, tmp_path):
    _history(tmp_path, 50)
    assert main(["optimize", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "at least 400" in err and "50" in err


def test_no_history(capsys, tmp_path):
    assert main(["optimize", "--data-dir", str(tmp_path / "none")]) == 1
    assert "nothing to optimize" in capsys.readouterr().err


def test_optimize_saves_parameters_the_scheduler_uses(capsys, tmp_path):
    _history(tmp_path, 450)
    assert main(["optimize", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "predicted recall, old parameters" in out and "predicted recall, new parameters" in out
    with Store.open(tmp_path, clock=lambda: datetime.now(UTC), backup=False) as store:
        saved = store.get_setting("fsrs_parameters")
        assert len(saved) == 21
        assert list(store.scheduler().parameters) == saved
    assert main(["optimize", "--reset", "--data-dir", str(tmp_path)]) == 0
    with Store.open(tmp_path, clock=lambda: datetime.now(UTC), backup=False) as store:
        assert store.get_setting("fsrs_parameters") is None


def test_reset_with_dry_run_changes_nothing(capsys, tmp_path):
    _history(tmp_path, 5)
    with Store.open(tmp_path, clock=lambda: datetime(2024, 2, 1, tzinfo=UTC), backup=False) as store:
        store.set_setting("fsrs_parameters", [0.5] * 21)
    assert main(["optimize", "--reset", "--dry-run", "--data-dir", str(tmp_path)]) == 0
    assert "dry run: not saved" in capsys.readouterr().out
    with Store.open(tmp_path, clock=lambda: datetime(2024, 2, 1, tzinfo=UTC), backup=False) as store:
        assert store.get_setting("fsrs_parameters") == [0.5] * 21
    assert main(["optimize", "--reset", "--data-dir", str(tmp_path)]) == 0
    with Store.open(tmp_path, clock=lambda: datetime(2024, 2, 1, tzinfo=UTC), backup=False) as store:
        assert store.get_setting("fsrs_parameters") is None
