"""Quiz (exam) settings: how many questions, which tags, time limits, scheduling or not."""
from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input

from quiz.core.textsafe import one_line
from quiz.tui.base import QuizModal, screen_css
from quiz.tui.i18n import t
from quiz.tui.keys import localize_tree
from quiz.tui.safe import Label


def parse_options(count: str, tags: str, per_question: str, total_minutes: str,
                  schedule: bool, available: int) -> dict | None:
    """The session options from the form's text, or None when a number is not a number."""
    try:
        n = int(count.strip() or "20")
        limit = float(per_question.strip() or "0")
        total = float(total_minutes.strip() or "0")
    except ValueError:
        return None
    if n <= 0 or limit < 0 or total < 0:
        return None
    chosen = [x.strip() for x in tags.replace("，", ",").split(",") if x.strip()]
    opts: dict = {"count": min(n, max(available, 1)), "schedule": schedule}
    if chosen:
        opts["tags"] = chosen
    if limit:
        opts["question_limit"] = limit
    if total:
        opts["total_limit"] = total * 60
        opts["time_limit"] = total * 60
    return opts


class ExamSetup(QuizModal[dict | None]):
    DEFAULT_CSS = screen_css(__file__)

    BINDINGS = [Binding("escape", "cancel", "action.cancel")]

    def __init__(self, banks, *, schedule: bool = False) -> None:
        super().__init__()
        self.banks = banks
        self.schedule = schedule  # the checkbox's first value: --schedule/--no-schedule, else the mode's rule
        self.available = sum(len(b.questions) for b in banks)
        tags = sorted({tag for b in banks for q in b.questions for tag in q.tags})
        self.tag_list = tags

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="exam"):
            yield Label(t("exam.title"), classes="title")
            yield Label(t("exam.count"))
            yield Input(str(min(20, self.available)), id="exam-count", type="integer")
            yield Label(t("exam.tags"))
            yield Input("", id="exam-tags", placeholder=one_line(", ".join(self.tag_list[:8])))
            yield Label(t("exam.limit"))
            yield Input("0", id="exam-limit", type="number")
            yield Label(t("exam.total"))
            yield Input("0", id="exam-total", type="number")
            yield Checkbox(t("exam.schedule"), self.schedule, id="exam-schedule")
            with Horizontal(id="exam-buttons"):
                yield Button(t("action.start"), variant="primary", id="exam-start")
                yield Button(t("action.cancel"), id="exam-cancel")

    def on_mount(self) -> None:
        localize_tree(self)
        self.query_one("#exam-count", Input).focus()

    def _value(self, wid: str) -> str:
        return self.query_one(wid, Input).value

    def start(self) -> None:
        opts = parse_options(self._value("#exam-count"), self._value("#exam-tags"), self._value("#exam-limit"),
                             self._value("#exam-total"), self.query_one("#exam-schedule", Checkbox).value,
                             self.available)
        if opts is None:
            self.notify(t("exam.bad_number"), severity="error", markup=False)
            return
        self.dismiss(opts)

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.start()

    @on(Button.Pressed, "#exam-start")
    def _start(self) -> None:
        self.start()

    @on(Button.Pressed, "#exam-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
