"""A flashcard: the front, space shows the back, 1-4 grades (Again/Hard/Good/Easy), each with the
interval it would give, as on Anki's buttons."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.content import Content
from textual.message import Message
from textual.reactive import var

from quiz.core.scheduler import interval_parts
from quiz.tui.i18n import t
from quiz.tui.safe import Label
from quiz.tui.widgets.wrapped import Wrapped


def grades_text(intervals: Mapping[int, timedelta] | None) -> str:
    """"1 重来 · 1分钟   2 困难 · 6分钟 ...": the grades, with their next intervals when known."""
    parts = []
    for rating in range(1, 5):
        part = f"{rating} {t(f'grade.{rating}')}"
        if intervals and rating in intervals:
            unit, n = interval_parts(intervals[rating])
            part += " · " + t(f"interval.{unit}", n=n)
        parts.append(part)
    return "   ".join(parts)


class CardView(VerticalGroup, can_focus=True):
    BINDINGS = [Binding("space", "flip", "action.flip")]

    class Graded(Message):
        def __init__(self, rating: int) -> None:
            super().__init__()
            self.rating = rating

    flipped: var[bool] = var(False)  # the back and the grades show when flipped (watch_flipped)

    def __init__(self, back: Content, id: str | None = None,
                 intervals: Mapping[int, timedelta] | None = None) -> None:
        super().__init__(id=id)
        self._back = back
        self._intervals = intervals  # each grade's next interval (None: answers do not move the schedule)

    def compose(self) -> ComposeResult:
        yield Wrapped(self._back, id="card-back")
        yield Label(Content(grades_text(self._intervals)), id="card-grades")

    def on_mount(self) -> None:
        self._show(self.flipped)

    def watch_flipped(self, flipped: bool) -> None:
        if self.is_mounted:
            self._show(flipped)

    def _show(self, flipped: bool) -> None:
        self.query_one("#card-back").display = flipped
        self.query_one("#card-grades").display = flipped

    def action_flip(self) -> None:
        self.flipped = not self.flipped

    def on_key(self, event: events.Key) -> None:
        if event.key in ("1", "2", "3", "4"):
            event.stop()
            if not self.flipped:
                self.action_flip()
                return
            self.post_message(self.Graded(int(event.key)))
        elif event.key == "enter":
            event.stop()
            if not self.flipped:
                self.action_flip()
            else:
                self.post_message(self.Graded(3))
