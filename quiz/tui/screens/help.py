"""? : every key, in the current language. Rows wrap under their description (a hanging key column), so
no line is cut at 80 columns or any other width."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content

from quiz.tui.base import QuizModal, screen_css
from quiz.tui.i18n import t
from quiz.tui.safe import Label
from quiz.tui.widgets.wrapped import Wrapped

SECTIONS = [
    ("help.title", [("s", "action.study"), ("e", "action.exam"), ("c", "action.challenge"),
                    ("m", "action.missed"), ("f", "action.flashcards"), ("t", "action.stats"),
                    ("L", "action.leeches"), ("a", "action.study_ahead"), ("o", "action.settings"),
                    ("l", "action.lang"), ("q / ctrl+q", "action.quit")]),
    ("session.type.choice", [("1-9 a-z ↑↓ ⏎", "session.keys.choice")]),
    ("session.type.multi", [("space ⏎", "session.keys.multi")]),
    ("session.type.truefalse", [("y n", "session.keys.truefalse")]),
    ("session.type.order", [("shift+↑↓ [ ]", "session.keys.order")]),
    ("session.type.fill", [("⏎", "session.keys.fill")]),
    ("session.type.card", [("space 1-4", "session.keys.card")]),
    ("help.global", [("h / ctrl+t", "action.hint"), ("ctrl+z", "help.undo"), ("esc", "action.leave"),
                     ("?", "action.help"), ("ctrl+p", "help.palette"), ("ctrl+p", "help.theme")]),
]


class HelpScreen(QuizModal[None]):
    DEFAULT_CSS = screen_css(__file__)

    BINDINGS = [Binding("escape,question_mark,q,enter", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            for title, rows in SECTIONS:
                yield Label(t(title), classes="section")
                for key, what in rows:
                    yield Wrapped(Content(t(what)), label=Content.assemble((f"{key:>14}", "bold"), "  "),
                                  classes="help-row")
