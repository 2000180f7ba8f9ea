"""Digit-like keys on option lists: ① and ² pick nothing (no crash), full-width １ picks option 1."""
from __future__ import annotations

from support.tui import only, screen_text

from quiz.tui.screens.session import SessionScreen
from quiz.tui.widgets.options import key_index


def test_key_index_of_digit_like_keys():
    assert key_index("1", 4) == 0 and key_index("１", 4) == 0 and key_index("４", 4) == 3
    for key in ("①", "²", "³", "¹", "0", "０", "5", "⑤"):
        assert key_index(key, 4) is None, key


async def _start(pilot):
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionScreen)
    return pilot.app.screen


async def test_circled_and_superscript_keys_on_a_choice_question(make, bank, store):
    app = make(banks=[only(bank, "secretary")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _start(pilot)
        await pilot.press("①", "²")
        await pilot.pause()
        assert not screen.answered and "✓" not in screen_text(app) and "✗" not in screen_text(app)
        right = screen.input_widget.items.index("吴英杰") + 1   # options are shuffled
        await pilot.press(chr(ord("０") + right))                # its full-width digit
        await pilot.pause()
        assert "✓ Right" in screen_text(app)


async def test_circled_and_superscript_keys_on_a_multi_question(make, bank, store):
    app = make(banks=[only(bank, "media")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _start(pilot)
        await pilot.press("①", "²", "２")
        await pilot.pause()
        assert screen.input_widget.chosen == {1}
