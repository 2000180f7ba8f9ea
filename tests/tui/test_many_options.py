"""Option letters skip keys bound to actions (h: hint), in the labels and the key handling alike."""
from __future__ import annotations

import dataclasses

from support.tui import screen_text
from textual.binding import Binding

from quiz.tui.screens.session import SessionScreen
from quiz.tui.widgets import options
from quiz.tui.widgets.options import ChoiceList, MultiList, OrderList, key_index, letter

CHOICES = tuple(f"第{i}个选项" for i in range(10))


def ten(bank, kind="choice"):
    q = bank.question("secretary")
    answers = (CHOICES[8],) if kind == "choice" else (CHOICES[7], CHOICES[9])
    q = dataclasses.replace(q, id="ten", type=kind, choices=CHOICES, answers=answers,
                            source="会上，第8个选项是对的。", hint=None, shuffle=False)  # labels in a known order
    return dataclasses.replace(bank, id="ten", questions=(q,))


def test_letters_never_use_a_bound_action_key():
    bound = set()
    for cls in (SessionScreen, ChoiceList, MultiList, OrderList):
        for b in cls.BINDINGS:
            keys = b.key if isinstance(b, Binding) else b[0]
            bound |= {k.strip() for k in keys.split(",")}
    letters = {k for k in bound if len(k) == 1 and k.isalpha()}
    assert letters and letters <= options.ACTION_LETTERS
    assert not set(options.LETTERS) & letters
    assert [letter(i) for i in range(10)] == list("ABCDEFGIJK")
    assert key_index("h", 10) is None and key_index("i", 10) == 7 and key_index("k", 10) == 9
    assert key_index("k", 9) is None and key_index("9", 10) == 8


async def test_h_shows_the_hint_and_letters_past_g_pick_the_labelled_option(make, bank, store):
    app = make(banks=[ten(bank)])
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        text = screen_text(app)
        assert "I. 第7个选项" in text and "J. 第8个选项" in text and "H. " not in text
        await pilot.press("h")
        await pilot.pause()
        assert app.screen.query_one("#hint").display            # the hint, not an option
        assert store.query("SELECT count(*) FROM reviews")[0][0] == 0
        await pilot.press("j")                                   # the label J: 第8个选项, the right one
        await pilot.pause()
        assert "✓ Right" in screen_text(app)
        assert store.query("SELECT rating, correct FROM reviews") == [(2, 1)]   # hint used: Hard


async def test_multi_with_ten_options_h_is_the_hint_not_a_toggle(make, bank, store):
    app = make(banks=[ten(bank, "multi")])
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        widget = app.screen.input_widget
        await pilot.press("h")
        await pilot.pause()
        assert widget.chosen == set() and app.screen.query_one("#hint").display
        await pilot.press("i", "k", "enter")                     # I = 第7个, K = 第9个
        await pilot.pause()
        assert widget.chosen == {7, 9}
        assert "✓ Right" in screen_text(app)
