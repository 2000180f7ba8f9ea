"""The leeches screen: the bank's suspended leeches (prompt, answer, lapses); u brings one back."""
from __future__ import annotations

from support.tui import make_leech, screen_text

from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.leeches import LeechesScreen


def suspended(store, bank, qid):
    return store.query("SELECT suspended FROM cards WHERE bank_id = ? AND question_id = ?", (bank.id, qid))[0][0]


async def test_leeches_are_listed_and_one_is_unsuspended(make, bank, store):
    make_leech(store, bank, "secretary", 9)
    make_leech(store, bank, "memorial", 8)
    app = make(banks=[bank])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#banks")
        assert table.get_row_at(0)[5] == 2                      # home: two leeches
        await pilot.press("L")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LeechesScreen)
        text = screen_text(app)
        assert "吴英杰" in text and "Lapses" in text and "suspended" in text
        first = screen.cards[0]
        assert first.question_id == "secretary" and first.st.lapses == 9   # most lapses first
        await pilot.press("u")
        await pilot.pause()
        assert suspended(store, bank, "secretary") == 0 and suspended(store, bank, "memorial") == 1
        assert "back in study" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert table.get_row_at(0)[5] == 1                      # counts follow
        await app.run_action("leeches")                         # the palette's action
        await pilot.pause()
        assert isinstance(app.screen, LeechesScreen)
        assert app.screen.cards[0].question_id == "memorial"    # still suspended: listed first
        await pilot.press("u")                                  # the other one: back in study
        await pilot.pause()
        assert suspended(store, bank, "memorial") == 0
        await pilot.press("u")                                  # and suspended again
        await pilot.pause()
        assert suspended(store, bank, "memorial") == 1


async def test_a_bank_without_leeches_says_so(make, bank):
    app = make(banks=[bank], lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        assert "这个题库没有难题。" in screen_text(app)
        await pilot.press("u")                                  # nothing selected: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, LeechesScreen)
