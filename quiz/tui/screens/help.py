"""? : every key, in the current language."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content

from quiz.tui.base import QuizModal
from quiz.tui.i18n import t
from quiz.tui.safe import Label

SECTIONS = [
    ("help.title", [("s", "action.study"), ("e", "action.exam"), ("c", "action.challenge"),
                    ("m", "action.missed"), ("f", "action.flashcards"), ("t", "action.stats"),
                    ("L", "action.leeches"), ("l", "action.lang"), ("ctrl+q", "action.quit")]),
    ("session.type.choice", [("1-9 a-z ↑↓ ⏎", "session.keys.choice")]),
    ("session.type.multi", [("space ⏎", "session.keys.multi")]),
    ("session.type.truefalse", [("y n", "session.keys.truefalse")]),
    ("session.type.order", [("shift+↑↓ [ ]", "session.keys.order")]),
    ("session.type.fill", [("⏎", "session.keys.fill")]),
    ("session.type.card", [("space 1-4", "session.keys.card")]),
    ("help.global", [("h / ctrl+t", "action.hint"), ("ctrl+z", "action.undo"), ("esc", "action.leave"),
                     ("?", "action.help"), ("ctrl+p", "help.palette"), ("ctrl+p", "help.theme")]),
]


class HelpScreen(QuizModal[None]):
    BINDINGS = [Binding("escape,question_mark,q,enter", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            for title, rows in SECTIONS:
                yield Label(t(title), classes="section")
                for key, what in rows:
                    yield Label(Content.assemble((f"{key:>14}", "bold"), "  ", t(what)), classes="help-row")
