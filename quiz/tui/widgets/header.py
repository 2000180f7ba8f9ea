"""The always-visible line above a question: mode, n of total, a bar, score, streak, timer."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import ProgressBar

from quiz.tui.i18n import t
from quiz.tui.safe import Label


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class ProgressHeader(HorizontalGroup):
    def compose(self) -> ComposeResult:
        yield Label("", id="hdr-mode")
        yield Label("", id="hdr-count")
        yield ProgressBar(total=1, show_eta=False, show_percentage=False, id="hdr-bar")
        yield Label("", id="hdr-score")
        yield Label("", id="hdr-streak")
        yield Label("", id="hdr-timer")

    def show(self, *, mode: str, done: int, total: int, points: int, streak: int, answering: bool = True) -> None:
        self.query_one("#hdr-mode", Label).update(t(f"session.mode.{mode}"))
        self.query_one("#hdr-count", Label).update(t("session.progress", done=min(done + int(answering), max(total, 1)), total=total))
        bar = self.query_one("#hdr-bar", ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        self.query_one("#hdr-score", Label).update(t("session.score", points=points))
        self.query_one("#hdr-streak", Label).update(t("session.streak", streak=streak))

    def timer(self, seconds: float | None) -> None:
        label = self.query_one("#hdr-timer", Label)
        label.display = seconds is not None
        if seconds is not None:
            label.update(t("session.timer", seconds=clock_text(seconds)))
