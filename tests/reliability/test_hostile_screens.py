"""Every screen of the app built from a bank whose every text field, id, tag and title holds markup
(`[@click=…]` actions, links, unbalanced tags), ANSI/OSC sequences and bidi overrides: the text is
shown literally, no rendered span carries an action or a link, no control or bidi character is
painted, and clicking the text runs nothing (no file written, the app keeps running).

Screens: home (with a broken bank and a conflicting one: the errors panel), help, the quiz (exam)
settings dialog, a session in each mode (study, exam, challenge, missed, flashcards) through every
question type with hint and feedback, results, stats, leeches, and the toasts on the way."""
from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from support.clock import Clock
from support.hostile import LITERALS, hostile_bank_yaml, unsafe
from support.tui import make_leech

from quiz.core.banks.loader import load_path
from quiz.core.store import Store
from quiz.tui.app import make_app
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.screens.session import SessionScreen
from quiz.tui.widgets.card import CardView
from quiz.tui.widgets.feedback import FeedbackPanel
from quiz.tui.widgets.options import MultiList

pytestmark = pytest.mark.tui
# Textual's own span actions: a scrollbar's grip and arrows. Any other action on a span is the bank's.
OURS = {("@mouse.down", a) for a in ("grab", "scroll_up", "scroll_down", "scroll_left", "scroll_right")}


class Seen:
    """What the checks found over all screens."""

    def __init__(self) -> None:
        self.screens: list[str] = []
        self.spans = 0
        self.problems: list[str] = []

    def check(self, app, where: str, *, literal: bool = True) -> str:
        """Render the current screen; record action/link spans, painted controls, missing literals."""
        text_lines = []
        for strip in app.screen._compositor.render_strips():
            line = []
            for seg in strip:
                self.spans += 1
                line.append(seg.text)
                style = seg.style
                if style is None:
                    continue
                actions = {k: v for k, v in style.meta.items() if k.startswith("@") and (k, v) not in OURS}
                if actions or style.link:
                    self.problems.append(f"{where}: {seg.text!r} carries {actions or style.link}")
            text_lines.append("".join(line))
        text = "\n".join(text_lines)
        if bad := unsafe(text):
            self.problems.append(f"{where}: painted {bad}")
        if literal and not any(lit in text for lit in LITERALS):
            self.problems.append(f"{where}: no hostile text shown literally\n{text}")
        self.screens.append(where)
        return text


async def answer_all(pilot, app, seen: Seen, mode: str) -> None:
    """Answer every question of the session on screen (any type), checking each step."""
    for step in range(8):  # every type comes once; a study session may bring missed ones back: leave then
        screen = app.screen
        if not isinstance(screen, SessionScreen):
            break
        seen.check(app, f"{mode} #{step}: question")
        await pilot.press("ctrl+t")  # the hint
        await pilot.pause()
        seen.check(app, f"{mode} #{step}: hint")
        widget = screen.input_widget
        if isinstance(widget, CardView):
            await pilot.press("space")
            await pilot.pause()
            seen.check(app, f"{mode} #{step}: card back")
            await pilot.press("1")
        elif isinstance(widget, MultiList):
            await pilot.press("space", "enter")
        elif widget is not None and widget.__class__.__name__ == "Input":
            await pilot.press("x", "enter")
        else:
            await pilot.press("enter")
        await pilot.pause()
        if isinstance(app.screen, SessionScreen) and app.screen.query_one(FeedbackPanel).display:
            seen.check(app, f"{mode} #{step}: feedback")
            await pilot.press("enter")
            await pilot.pause()
    if isinstance(app.screen, SessionScreen):
        await pilot.press("escape")  # leave: what was answered is kept, the results show
        await pilot.pause()
    if isinstance(app.screen, ResultsScreen):
        seen.check(app, f"{mode}: results", literal=bool(app.screen.summary.missed))
        await pilot.press("escape")
        await pilot.pause()


async def test_every_screen_shows_hostile_bank_text_literally(tmp_path, figures):
    target = tmp_path / "target"
    target.mkdir()
    victim = target / "victim.svg"
    victim.write_text("precious", encoding="utf-8")
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "a-hostile.yaml").write_text(hostile_bank_yaml(str(target)), encoding="utf-8")
    (banks / "b-copy.yaml").write_text(hostile_bank_yaml(str(target)), encoding="utf-8")  # same id: a conflict
    (banks / "c-broken.yaml").write_text(  # an error quoting hostile text: the errors panel
        hostile_bank_yaml(str(target)).replace("type: choice", 'type: "\\e]0;X\\a[@click=app.quit]退出[/]"'),
        encoding="utf-8")
    bank = load_path(banks / "a-hostile.yaml").bank
    assert bank is not None
    clock = Clock(datetime(2025, 6, 15, 9, 0, tzinfo=UTC))
    store = Store.open(tmp_path / "data", clock=clock)
    make_leech(store, bank, bank.questions[0].id, 9)
    app = make_app(store, clock, random.Random(3), bank_paths=sorted(banks.iterdir()), lang="zh",
                   session_options={"fuzz": False})
    seen = Seen()
    try:
        async with app.run_test(size=(160, 60)) as pilot:
            await pilot.pause()
            seen.check(app, "home")
            for _ in range(2):  # the conflicting copy, then the broken file: the errors panel
                await pilot.press("down")
                await pilot.pause()
                seen.check(app, "home: errors panel")
            await pilot.press("home")
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            seen.check(app, "help", literal=False)
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            seen.check(app, "exam settings")
            await pilot.press("enter")
            await pilot.pause()
            await answer_all(pilot, app, seen, "exam")
            for key, mode in (("s", "study"), ("c", "challenge"), ("m", "missed"), ("f", "flashcards")):
                await pilot.press(key)
                await pilot.pause()
                await answer_all(pilot, app, seen, mode)
            await pilot.press("t")
            await pilot.pause()
            seen.check(app, "stats")
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("L")
            await pilot.pause()
            seen.check(app, "leeches")
            # click where a live link would be (the bank title after "难题 · "), and on the table
            await pilot.click(".title", offset=(10, 0))
            await pilot.click(".title", offset=(40, 0))
            await pilot.click("#leeches-table", offset=(5, 1))
            await pilot.pause()
            seen.check(app, "leeches after clicks")
            await pilot.press("u")  # a toast quotes the prompt
            await pilot.pause()
            seen.check(app, "leeches: toast")
            # the action itself, as a link would run it: it writes nothing
            await app.run_action(f"app.screenshot('victim.svg','{target}')")
            await pilot.pause()
            alive = app.is_running
    finally:
        store.close()
    assert seen.problems == [], "\n".join(seen.problems[:10])
    assert alive, "a click quit the app"
    assert victim.read_text(encoding="utf-8") == "precious" and sorted(p.name for p in target.iterdir()) == [
        "victim.svg"], "a click wrote a file"
    modes = {w.split()[0].rstrip(":") for w in seen.screens}
    assert {"home", "help", "exam", "study", "challenge", "missed", "flashcards", "stats", "leeches"} <= modes
    figures.add("hostile-screens", trials=len(seen.screens),
                note=f"{len(seen.screens)} screens and steps (home, errors panel, help, quiz settings, 5 modes × "
                     f"6 types with hint/feedback, results, stats, leeches, toasts), {seen.spans} spans: 0 actions "
                     "or links, 0 controls painted; clicks ran nothing")
