"""Snapshots of the key screens at 80x24 and 120x40, with Chinese text (pytest-textual-snapshot).

Update after an intended change with: .venv/bin/pytest tests/tui/test_snapshots.py --snapshot-update
"""
from __future__ import annotations

import pytest
from support.tui import only, right_key, wrong_key

RIGHT, WRONG = right_key, wrong_key

SIZES = [(80, 24), (120, 40)]


def _app(make, bank, *ids):
    app = make(banks=[only(bank, *ids)] if ids else [bank], lang="zh")
    app.animation_level = "none"
    return app


def keys(*names):
    """run_before for snap_compare: press each key and let the app settle after each. A name may be a
    function of the app (options are shuffled: RIGHT and WRONG are the keys of a right and a wrong option)."""

    async def run(pilot) -> None:
        await pilot.pause()
        for name in names:
            await pilot.press(name(pilot.app) if callable(name) else name)
            await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, make, bank, size):
    assert snap_compare(_app(make, bank), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("qid", ["secretary", "media", "memorial", "slogan", "slogans", "anniversary"])
def test_question(snap_compare, make, bank, qid, size):
    assert snap_compare(_app(make, bank, qid), run_before=keys(*["s"]), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_feedback_right(snap_compare, make, bank, size):
    assert snap_compare(_app(make, bank, "secretary"), run_before=keys("s", RIGHT), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_feedback_wrong_multi(snap_compare, make, bank, size):
    assert snap_compare(_app(make, bank, "media"), run_before=keys("s", RIGHT, WRONG, "enter"),
                        terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_card_flipped(snap_compare, make, bank, size):
    assert snap_compare(_app(make, bank, "anniversary"), run_before=keys(*["s", "space"]), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_results(snap_compare, make, bank, size):
    presses = ["s", RIGHT, "enter", WRONG, "enter", "escape"]  # right, then wrong on the multi, then leave
    assert snap_compare(_app(make, bank, "secretary", "media"), run_before=keys(*presses), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_stats(snap_compare, make, bank, size):
    presses = ["s", RIGHT, "enter", "y", "enter", "escape", "escape", "t"]
    assert snap_compare(_app(make, bank, "secretary", "memorial"), run_before=keys(*presses), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, make, bank, size):
    assert snap_compare(_app(make, bank), run_before=keys(*["question_mark"]), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_leeches(snap_compare, make, bank, store, size):
    from support.tui import make_leech

    make_leech(store, bank, "secretary", 9)
    make_leech(store, bank, "memorial", 8)
    assert snap_compare(_app(make, bank), run_before=keys("L"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_home_with_a_broken_bank(snap_compare, make, bank, size, monkeypatch):
    from pathlib import Path

    monkeypatch.chdir(Path(__file__).resolve().parent)  # the row shows this relative path, the same everywhere
    app = make(banks=[bank], bank_paths=[Path("data/broken/broken.yaml")], lang="zh")
    app.animation_level = "none"

    async def settle(pilot) -> None:
        await pilot.pause()
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()

    assert snap_compare(app, run_before=settle, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_settings(snap_compare, make, bank, size):
    assert snap_compare(_app(make, bank), run_before=keys("o"), terminal_size=size)
