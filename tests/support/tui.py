"""Helpers shared by the TUI tests."""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tui" / "data"  # the TUI tests' banks


def screen_text(app) -> str:
    """What the terminal shows now, as plain text."""
    return "\n".join(s.text.rstrip() for s in app.screen._compositor.render_strips())


def only(bank, *ids):
    """`bank` with just the questions `ids` (in that order)."""
    import dataclasses

    return dataclasses.replace(bank, questions=tuple(bank.question(i) for i in ids))


async def put_in_order(pilot, widget, target) -> None:
    """Press keys on an OrderList until its items are in `target` order."""
    for i, item in enumerate(target):
        j = widget.items.index(item)
        while widget.cursor < j:
            await pilot.press("down")
        while widget.cursor > j:
            await pilot.press("up")
        for _ in range(j - i):
            await pilot.press("left_square_bracket")


def make_leech(store, bank, qid: str, lapses: int) -> None:
    """Make question `qid` of `bank` a suspended leech with `lapses` lapses."""
    store.sync_bank(bank)
    with store.transaction() as c:
        c.execute("UPDATE cards SET leech = 1, suspended = 1, lapses = ?, state = 2, stability = 1.5, "
                  "difficulty = 8.0, due = 0, last_review = 0, reps = ? WHERE bank_id = ? AND question_id = ?",
                  (lapses, lapses + 1, bank.id, qid))


def option_key(app, text: str) -> str:
    """The key that picks the option `text` on the current question (options are shuffled)."""
    from quiz.tui.widgets.options import LETTERS, OptionPicker

    picker = app.screen.query_one(OptionPicker)
    return LETTERS[picker.items.index(text)]


def right_key(app) -> str:
    """The key of the (first) right option of the current choice or multi question."""
    question = app.screen.question
    return option_key(app, next(c for c in question.choices if c in question.answers))


def wrong_key(app) -> str:
    """The key of a wrong option of the current choice or multi question."""
    question = app.screen.question
    return option_key(app, next(c for c in question.choices if c not in question.answers))


async def start(pilot, key="s"):
    """Press `key` on home (s: study, f: flashcards …) and return the session screen it opens."""
    from quiz.tui.screens.session import SessionScreen

    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionScreen)
    return pilot.app.screen
