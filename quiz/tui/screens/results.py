"""After a session: score, accuracy, time, per tag, the missed questions, one key to review them."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer

from quiz.core.textsafe import one_line
from quiz.tui.base import QuizScreen, screen_css
from quiz.tui.i18n import t
from quiz.tui.keys import localize_tree
from quiz.tui.safe import Label
from quiz.tui.safe_table import DataTable
from quiz.tui.widgets.feedback import answer_text
from quiz.tui.widgets.header import clock_text
from quiz.tui.widgets.wrapped import Wrapped


class ResultsScreen(QuizScreen[None]):
    DEFAULT_CSS = screen_css(__file__)

    BINDINGS = [
        Binding("r", "review", "action.review_now"),
        Binding("escape,enter,q", "back", "action.back"),
    ]

    def __init__(self, summary, session=None) -> None:
        super().__init__()
        self.summary = summary
        self.session = session

    def compose(self) -> ComposeResult:
        s = self.summary
        with VerticalScroll(id="results"):
            yield Label(t("results.title"), classes="title")
            acc = f"{s.accuracy * 100:.0f}%" if s.answered else "–"
            facts = [
                (t("results.score"), str(s.points)),
                (t("results.answered"), str(s.answered)),  # answers given and right ones, each on its own
                (t("results.right"), str(s.correct)),
                (t("results.accuracy"), acc),
                (t("results.time"), clock_text(s.seconds)),
                (t("results.best_streak"), str(s.best_streak)),
            ]
            yield Label(Content("   ".join(f"{k} {v}" for k, v in facts)), id="results-facts")
            if s.answered > s.questions > 0:  # misses came back: answers outnumber questions
                yield Label(t("results.questions", n=s.questions), id="results-questions")
            if s.held_back:
                mode = str(getattr(s.mode, "value", s.mode))
                key = "results.held_back_study" if mode in ("study", "flashcards") else "results.held_back"
                yield Wrapped(Content(t(key, n=s.held_back)), id="results-held")
            challenge = str(getattr(s.mode, "value", s.mode)) == "challenge"
            best = self.app.challenge_best(getattr(self.session, "bank_ids", None)) if challenge else None
            if best is not None:
                yield Label(t("results.challenge_best", n=best), id="results-best")
            if s.per_tag:
                yield Label(t("results.per_tag"), classes="section")
                yield DataTable(id="results-tags", cursor_type="none", zebra_stripes=True)
            yield Label(t("results.missed"), classes="section")
            if not s.missed:
                yield Label(t("results.none_missed"), id="results-none")
            for i, q in enumerate(s.missed, 1):
                yield Wrapped(Content(one_line(q.prompt)), label=f"{i}. ", classes="missed-prompt")
                yield Wrapped(Content(answer_text(q)).stylize("bold"),
                              label="   → ", classes="missed-answer")
        yield Footer()

    def on_mount(self) -> None:
        localize_tree(self)
        if self.summary.per_tag:
            table = self.query_one("#results-tags", DataTable)
            table.add_columns(t("results.tag"), t("results.right"), t("results.accuracy"))
            for tag, (right, answered) in sorted(self.summary.per_tag.items()):
                pct = f"{right / answered * 100:.0f}%" if answered else "–"
                table.add_row(Text(one_line(tag)), f"{right}/{answered}", pct)

    def action_review(self) -> None:
        if not self.summary.missed:
            self.notify(t("home.no_missed"), markup=False)
            return
        banks = getattr(self.session, "banks", None) or self.app.selected_banks()
        self.app.start_session(banks, "missed", replace=True)

    def action_back(self) -> None:
        self.app.pop_screen()
