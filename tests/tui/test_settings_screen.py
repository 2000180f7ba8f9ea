"""The settings screen (home `o`, the palette), the grades' intervals on a flashcard, each mode's
scheduling in the app as in plain mode, and the warning for a stored setting that cannot be used."""
from __future__ import annotations

import sqlite3

from support.tui import only, screen_text

from quiz.core.settings import SETTINGS
from quiz.tui.screens.exam import ExamSetup
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.session import SessionScreen
from quiz.tui.screens.settings import SettingsScreen
from quiz.tui.widgets.card import CardView


async def _until(pilot, test, tries: int = 50) -> None:
    """Let the app settle until `test()` holds (no timing guesses)."""
    for _ in range(tries):
        if test():
            return
        await pilot.pause()
    assert test()


def _settings_shown(app) -> bool:
    return isinstance(app.screen, SettingsScreen) and bool(app.screen.query("#settings-buttons"))


async def test_settings_are_changed_and_saved_from_home(make, store):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await _until(pilot, lambda: _settings_shown(app))
        text = screen_text(app)
        for s in SETTINGS.values():
            assert str(app.screen.query_one(f"#set-{s.key}").value) == s.text(s.default)
        assert "Desired retention" in text and "0.7–0.99" in text
        app.screen.query_one("#set-desired_retention").value = "85%"
        app.screen.query_one("#set-new_cards_per_day").value = "５"   # a full-width digit from an IME
        await pilot.press("ctrl+s")
        await _until(pilot, lambda: isinstance(app.screen, HomeScreen))
    assert store.prefs.desired_retention == 0.85 and store.prefs.new_cards_per_day == 5
    assert store.get_setting("desired_retention") == 0.85
    assert store.scheduler().desired_retention == 0.85


async def test_a_wrong_value_is_marked_and_nothing_is_saved(make, store):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.run_action("settings")   # the palette's action
        await _until(pilot, lambda: _settings_shown(app))
        app.screen.query_one("#set-desired_retention").value = "0.8"
        app.screen.query_one("#set-day_start_hour").value = "24"
        app.screen.query_one("#set-leech_threshold").value = "[b]x[/b]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#err-day_start_hour").display
        text = screen_text(app)
        assert "must be in the range 0–23, not “24”" in text
        assert "not “[b]x[/b]”" in text   # typed text is shown as typed, never as markup
        assert not app.screen.query_one("#err-desired_retention").display
        await pilot.press("escape")
        await _until(pilot, lambda: isinstance(app.screen, HomeScreen))
    assert store.prefs.desired_retention == 0.9 and store.get_setting("desired_retention") is None


async def test_the_palette_offers_the_settings(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"settings")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await _until(pilot, lambda: _settings_shown(app))


async def test_flashcard_grades_show_each_next_interval(make, bank):
    app = make(banks=[only(bank, "secretary")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await _until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await pilot.press("space")
        await pilot.pause()
        grades = str(app.screen.query_one(CardView).query_one("#card-grades").render())
        assert grades.startswith("1 Again · 1m   2 Hard · 6m   3 Good · 10m   4 Easy · ")
        assert grades.endswith("d")


async def test_challenge_and_exam_do_not_schedule_unless_asked(make, bank, store):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await _until(pilot, lambda: isinstance(app.screen, SessionScreen))
        assert app.screen.session.schedule is False
        await pilot.press("escape")
        await _until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("e")
        await _until(pilot, lambda: isinstance(app.screen, ExamSetup))
        assert app.screen.query_one("#exam-schedule").value is False
    app = make(session_options={"fuzz": False, "schedule": True})   # quiz study BANK --schedule
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await _until(pilot, lambda: isinstance(app.screen, SessionScreen))
        assert app.screen.session.schedule is True
        await pilot.press("escape")
        await _until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("e")
        await _until(pilot, lambda: isinstance(app.screen, ExamSetup))
        assert app.screen.query_one("#exam-schedule").value is True


async def test_a_bad_stored_setting_is_a_warning_not_a_crash(make, store):
    with sqlite3.connect(store.path) as c:
        c.execute("INSERT INTO settings(key, value) VALUES ('day_start_hour', 'NaN')")
    store.prefs = store.load_prefs()
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("day_start_hour = NaN" in str(n.message) and "default 4" in str(n.message)
                   for n in app._notifications)
        await pilot.press("o")
        await _until(pilot, lambda: _settings_shown(app))
        assert app.screen.query_one("#set-day_start_hour").value == "4"
