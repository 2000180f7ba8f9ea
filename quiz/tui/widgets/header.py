"""The always-visible line above a question: mode, n of total, a bar, questions coming back, score, streak,
timer; and the stopwatch the timers read, which stops while another screen (help, the command
palette, a dialog) covers the session."""
from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import ProgressBar

from quiz.tui.i18n import t
from quiz.tui.safe import Label


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class Stopwatch:
    """Seconds since `restart()`, not counting the time between `pause()` and `resume()`.
    `now` gives seconds (the app's injected clock, so tests move time by hand)."""

    def __init__(self, now: Callable[[], float]) -> None:
        self.now = now
        self.started = now()
        self.paused_at: float | None = None
        self.paused_for = 0.0

    def restart(self) -> None:
        self.started = self.now()
        self.paused_for = 0.0
        if self.paused_at is not None:
            self.paused_at = self.started

    def pause(self) -> None:
        if self.paused_at is None:
            self.paused_at = self.now()

    def resume(self) -> None:
        if self.paused_at is not None:
            self.paused_for += self.now() - self.paused_at
            self.paused_at = None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    def elapsed(self) -> float:
        end = self.paused_at if self.paused_at is not None else self.now()
        return max(end - self.started - self.paused_for, 0.0)


class ProgressHeader(HorizontalGroup):
    def compose(self) -> ComposeResult:
        yield Label("", id="hdr-mode")
        yield Label("", id="hdr-count")
        yield ProgressBar(total=1, show_eta=False, show_percentage=False, id="hdr-bar")
        yield Label("", id="hdr-again")
        yield Label("", id="hdr-score")
        yield Label("", id="hdr-streak")
        yield Label("", id="hdr-timer")

    def show(self, *, mode: str, done: int, total: int, points: int, streak: int, answering: bool = True,
             again: int = 0, repeat: bool = False) -> None:
        """`done` of `total` questions; the one being answered counts as the next unless it is a `repeat`
        (a miss coming back), which the `again` count shows instead."""
        self.query_one("#hdr-mode", Label).update(t(f"session.mode.{mode}"))
        current = done + int(answering and not repeat)
        self.query_one("#hdr-count", Label).update(t("session.progress", done=min(max(current, 1), max(total, 1)),
                                                     total=total))
        bar = self.query_one("#hdr-bar", ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        again_label = self.query_one("#hdr-again", Label)
        again_label.display = again > 0
        again_label.update(t("session.again", n=again))
        self.query_one("#hdr-score", Label).update(t("session.score", points=points))
        self.query_one("#hdr-streak", Label).update(t("session.streak", streak=streak))

    def timer(self, seconds: float | None, paused: bool = False) -> None:
        label = self.query_one("#hdr-timer", Label)
        label.display = seconds is not None
        if seconds is not None:
            label.update(t("session.timer_paused" if paused else "session.timer", seconds=clock_text(seconds)))
