"""A store error while answering (disk full, read-only, damaged) never crashes the app nor loses answers."""
from __future__ import annotations

import dataclasses
import random

from support.tui import screen_text

from quiz.core.store import DiskFull, NotWritable
from quiz.tui.app import make_app
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.screens.session import SessionScreen


class FlakyStore:
    """The real store, except that `record` (and `undo`) raise `fail` while it is set."""

    def __init__(self, store) -> None:
        self._store = store
        self.fail: Exception | None = None

    def __getattr__(self, name):
        return getattr(self._store, name)

    def record(self, *args, **kw):
        if self.fail is not None:
            raise self.fail
        return self._store.record(*args, **kw)

    def undo(self, *args, **kw):
        if self.fail is not None:
            raise self.fail
        return self._store.undo(*args, **kw)


def three(bank):
    q = bank.question("secretary")
    # three independent copies (distinct sources: not siblings), options as written (right: A)
    return dataclasses.replace(bank, id="three", questions=tuple(
        dataclasses.replace(q, id=f"s{i}", source=f"{q.source}（{i}）", shuffle=False) for i in range(3)))


def count(store):
    return store.query("SELECT count(*) FROM reviews")[0][0]


async def test_a_full_disk_shows_a_message_keeps_the_question_and_a_retry_stores_it(store, clock, bank):
    flaky = FlakyStore(store)
    app = make_app(flaky, clock, random.Random(7), banks=[three(bank)], lang="en",
                   session_options={"fuzz": False})
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("a")
        await pilot.pause()
        assert "✓ Right" in screen_text(app) and count(store) == 1
        await pilot.press("enter")
        await pilot.pause()

        flaky.fail = DiskFull("the disk is full: /data/quiz.db")
        await pilot.press("a")
        await pilot.pause()
        text = screen_text(app)
        assert "This answer was not saved: the disk is full" in text       # the line on the question screen
        assert "Answer again, or press Esc" in text
        assert "✓ Right" not in text and not screen.query_one("#feedback").display
        assert any("not saved" in str(n.message) for n in app._notifications)
        assert count(store) == 1 and screen.session.progress[0] == 1
        await pilot.press("ctrl+z")                                          # undo fails too: no crash
        await pilot.pause()
        assert count(store) == 1

        flaky.fail = None                                                    # space freed: retry
        await pilot.press("a")
        await pilot.pause()
        text = screen_text(app)
        assert "✓ Right" in text and "not saved" not in text
        assert count(store) == 2


async def test_leaving_after_a_read_only_store_keeps_earlier_answers(store, clock, bank):
    flaky = FlakyStore(store)
    app = make_app(flaky, clock, random.Random(7), banks=[three(bank)], lang="zh",
                   session_options={"fuzz": False})
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("b", "enter")             # wrong, stored
        await pilot.pause()
        flaky.fail = NotWritable("[b]read-only[/b] data dir")
        await pilot.press("a")
        await pilot.pause()
        text = screen_text(app)
        assert "这个答案没有保存：[b]read-only[/b] data dir" in text     # data, not markup
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.summary.answered == 1
        assert store.query("SELECT correct FROM reviews") == [(0,)]
