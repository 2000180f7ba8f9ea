"""One session: a question at a time, feedback at once, progress always visible.

The per-question and total timers run on the app's clock and stop while another screen covers
this one (help, the command palette, any dialog). A question whose time runs out is recorded as
not answered and says so; its untouched widget is not judged. A quiz or a challenge has no undo."""
from __future__ import annotations

import dataclasses

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input

from quiz.core import qtype
from quiz.core.answers.checking import Verdict
from quiz.core.hints import hint_for
from quiz.core.qtype import QuestionType
from quiz.core.store.db import StoreError
from quiz.core.textsafe import clean, one_line
from quiz.tui.base import QuizScreen, screen_css
from quiz.tui.i18n import t
from quiz.tui.keys import localize, localize_tree
from quiz.tui.safe import Label
from quiz.tui.widgets import feedback
from quiz.tui.widgets.card import CardView
from quiz.tui.widgets.header import ProgressHeader, Stopwatch
from quiz.tui.widgets.options import ChoiceList, MultiList, OptionPicker, OrderList, TrueFalseList, letter
from quiz.tui.widgets.wrapped import Wrapped


class Body(VerticalScroll, can_focus=False):
    """The question area: scrolls (page keys, mouse) but never takes focus from the answer."""


class SessionScreen(QuizScreen[None]):
    DEFAULT_CSS = screen_css(__file__)

    BINDINGS = [
        Binding("escape", "leave", "action.leave"),
        Binding("ctrl+z", "undo", "action.undo", priority=True),
        Binding("h", "hint", "action.hint"),
        Binding("ctrl+t", "hint", "Hint", show=False, priority=True),
        Binding("pageup", "scroll_body(-1)", show=False),
        Binding("pagedown", "scroll_body(1)", show=False),
    ]

    def __init__(self, session, *, mode: str, question_limit: float | None = None,
                 total_limit: float | None = None, on_done=None) -> None:
        super().__init__()
        self.session = session
        self.mode = str(getattr(mode, "value", mode))
        self.question_limit = question_limit or None
        self.total_limit = total_limit or None
        self.question = None
        self.used_hint = False
        self.answered = False
        self.timed_out = False
        self.finished = False
        self.on_done = on_done
        self.input_widget = None
        self.question_watch: Stopwatch | None = None   # this question's time (made on mount: the app's clock)
        self.total_watch: Stopwatch | None = None

    def compose(self) -> ComposeResult:
        yield ProgressHeader(id="header")
        with Body(id="body"):
            yield Label("", id="qtype")
            yield Wrapped("", id="prompt")
            yield VerticalGroup(id="answer")
            yield Wrapped("", id="hint")
            yield Wrapped("", id="store-error")
            yield Label("", id="keys")
            yield feedback.FeedbackPanel(id="feedback")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#hint").display = False
        self.query_one("#store-error").display = False
        self.query_one("#feedback").display = False
        localize_tree(self)
        self.question_watch = Stopwatch(self._now)
        self.total_watch = Stopwatch(self._now)
        self.set_interval(0.5, self._tick)
        self.advance()

    def _now(self) -> float:
        return self.app.clock().timestamp()

    # timers stop while another screen covers this one -------------------------
    def on_screen_suspend(self, _event: events.ScreenSuspend) -> None:
        for watch in (self.question_watch, self.total_watch):
            if watch is not None:
                watch.pause()
        self._tick()

    def on_screen_resume(self, _event: events.ScreenResume) -> None:
        for watch in (self.question_watch, self.total_watch):
            if watch is not None:
                watch.resume()
        self._tick()

    def _total_left(self) -> float | None:
        if not self.total_limit or self.total_watch is None:
            return None
        return self.total_limit - self.total_watch.elapsed()

    # flow -------------------------------------------------------------
    def advance(self) -> None:
        left = self._total_left()
        if left is not None and left <= 0:
            self.notify(t("session.time_up"), markup=False)
            self.finish()
            return
        question = self.session.next()
        if question is None:
            self.finish()
        else:
            self.show(question)

    def finish(self) -> None:
        if self.finished:
            return
        self.finished = True
        summary = self.session.summary()
        from quiz.tui.screens.results import ResultsScreen

        self.app.switch_screen(ResultsScreen(summary, self.session))

    def _refresh_header(self) -> None:
        done, total = self.session.progress
        repeat = self.question is not None and not self.answered and self.session.is_repeat(self.question)
        self.query_one(ProgressHeader).show(mode=self.mode, done=done, total=total,
                                            points=self.session.points, streak=self.session.streak,
                                            answering=not self.answered, again=self.session.again, repeat=repeat)

    def show(self, question) -> None:
        self.question = question
        self.answered = False
        self.timed_out = False
        self.used_hint = False
        if self.question_watch is not None:
            self.question_watch.restart()
        self._refresh_header()
        as_card = question.type.self_graded or self.mode == "flashcards"
        kind = QuestionType.CARD.value if as_card else question.type.value
        self.query_one("#qtype", Label).update(t(f"session.type.{kind}"))
        self.query_one("#prompt", Wrapped).update(question.prompt)
        self.query_one("#hint").display = False
        self.query_one("#store-error").display = False
        self.query_one("#feedback").display = False
        keys = self.query_one("#keys", Label)
        keys.update(t(f"session.keys.{kind}"))
        keys.display = True
        area = self.query_one("#answer", VerticalGroup)
        if self.input_widget is not None:
            self.input_widget.remove()
        widget = self._answer_widget(question, as_card)
        self.input_widget = widget
        widget.add_class("answer-input")
        localize(widget)
        area.mount(widget)
        widget.focus()
        self.query_one("#body").scroll_home(animate=False)
        self._tick()

    def _answer_widget(self, q, as_card: bool):
        if as_card:
            back = Content(feedback.answer_text(q))
            if q.explanation:
                back = back + Content("\n") + Content(clean(q.explanation)).stylize("dim")
            if options := qtype.shown_options(q):
                self.query_one("#prompt", Wrapped).update(
                    clean(q.prompt) + "\n" + "\n".join(f"{letter(i)}. {clean(c)}" for i, c in enumerate(options)))
            return CardView(back, intervals=self.session.intervals(q))
        if q.type is QuestionType.CHOICE:  # a fresh order each time (unless the bank says shuffle: false)
            return ChoiceList(qtype.option_order(q, self.app.rng))
        if q.type is QuestionType.MULTI:
            return MultiList(qtype.option_order(q, self.app.rng))
        if q.type is QuestionType.TRUEFALSE:
            return TrueFalseList(t("session.true"), t("session.false"))
        if q.type is QuestionType.ORDER:
            return OrderList(qtype.shuffled_items(q.choices or q.answers, self.app.rng))
        field = Input(placeholder=t("session.answer_here"))
        field.cursor_blink = not self.app.is_headless  # a steady cursor in tests and snapshots
        return field

    # answers ----------------------------------------------------------
    def elapsed(self) -> float:
        return self.question_watch.elapsed() if self.question_watch is not None else 0.0

    def submit(self, response, shown: str | None) -> None:
        if self.answered or self.question is None:
            return
        q = self.question
        try:
            outcome = self.session.answer(q, response, elapsed=self.elapsed(), used_hint=self.used_hint)
        except StoreError as e:
            self.store_failed(e)
            return
        self.store_ok()
        self.answered = True
        self._show_feedback(q, outcome, shown)

    def store_failed(self, error: Exception) -> None:
        """The answer was not stored (disk full, read-only, damaged): say so, keep the question open.
        Earlier answers are committed; the learner may answer again or leave."""
        message = t("session.not_saved", why=one_line(error))
        self.notify(message, title=t("session.not_saved_title"), severity="error", timeout=10, markup=False)
        line = self.query_one("#store-error", Wrapped)
        line.update(Content(message + " " + t("session.retry_or_leave")))
        line.display = True
        if self.input_widget is not None:
            self.input_widget.focus()

    def store_ok(self) -> None:
        self.query_one("#store-error").display = False

    def _show_feedback(self, q, outcome, shown: str | None) -> None:
        self._refresh_header()
        widget = self.input_widget
        if isinstance(widget, OptionPicker):
            if self.timed_out:  # nothing was picked: show the right options, judge nothing
                widget.mark(set() if isinstance(widget, OrderList) else qtype.right_options(q, widget.items), set())
            else:
                right = qtype.right_options(q, widget.items)
                wrong = qtype.wrong_options(q, widget.items, widget.picked())
                widget.mark(right, wrong if not outcome.correct else set())
        elif isinstance(widget, Input):
            widget.disabled = True
        panel = self.query_one("#feedback", feedback.FeedbackPanel)
        if self.timed_out:
            unjudged = dataclasses.replace(outcome, check=Verdict(False, qtype.expected_text(q)))
            rows = feedback.lines(q, unjudged, response_text=None, used_hint=self.used_hint)
            rows[0] = ("fb-wrong", Content(t("session.timed_out")))
        else:
            rows = feedback.lines(q, outcome, response_text=shown, used_hint=self.used_hint)
        panel.show(rows)
        self.query_one("#keys", Label).display = False
        panel.focus()
        self.call_after_refresh(panel.scroll_visible)
        if self.mode == "challenge" and not outcome.correct:
            self.notify(t("session.challenge_over", n=self.session.best_streak), markup=False)

    @on(OptionPicker.Submitted)
    def _picked(self, message: OptionPicker.Submitted) -> None:
        q = self.question
        if q is None:
            return
        r = message.response
        self.submit(r, qtype.response_text(q, r, t("session.true"), t("session.false")))

    @on(Input.Submitted)
    def _typed(self, message: Input.Submitted) -> None:
        message.stop()
        self.submit(message.value, message.value)

    @on(CardView.Graded)
    def _graded(self, message: CardView.Graded) -> None:
        if self.question is None or self.answered:
            return
        try:
            self.session.grade(self.question, message.rating, elapsed=self.elapsed())
        except StoreError as e:
            self.store_failed(e)
            return
        self.answered = True
        self.advance()

    @on(feedback.FeedbackPanel.GoOn)
    def _go_on(self) -> None:
        self.advance()

    # actions ----------------------------------------------------------
    def action_hint(self) -> None:
        q = self.question
        if q is None or self.answered:
            return
        text = hint_for(q)
        hint = self.query_one("#hint", Wrapped)
        hint.update(t("session.hint", hint=clean(text)) if text else t("session.no_hint"))
        hint.display = True
        if text and not q.type.self_graded:
            self.used_hint = True

    def action_scroll_body(self, direction: int) -> None:
        body = self.query_one(Body)
        body.scroll_page_down() if direction > 0 else body.scroll_page_up()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo" and not self.session.can_undo:
            return False  # a quiz or a challenge: no undo (and none in the footer)
        return True

    def action_undo(self) -> None:
        if not self.session.can_undo:
            self.notify(t("session.no_undo"), markup=False)
            return
        try:
            question = self.session.undo()
        except StoreError as e:
            self.notify(t("session.undo_failed", why=one_line(e)), severity="error", markup=False)
            return
        if question is None:
            self.notify(t("session.nothing_to_undo"), markup=False)
            return
        self.notify(t("session.undone"), markup=False)
        self.show(question)

    def action_leave(self) -> None:
        if self.session.progress[0] > 0 or self.session.summary().answered:
            self.notify(t("session.saved"), markup=False)
            self.finish()
        else:
            self.app.pop_screen()

    def _tick(self) -> None:
        if not self.is_mounted or self.question_watch is None:
            return
        header = self.query_one(ProgressHeader)
        paused = self.question_watch.paused
        total_left = self._total_left()
        if self.question_limit:
            left = self.question_limit - self.elapsed()
            header.timer(left if not self.answered else None, paused)
        else:
            left = None
            header.timer(total_left, paused)
        if paused or self.question is None:
            return
        if total_left is not None and total_left <= 0:  # the whole quiz is over: an open question is not recorded
            self.notify(t("session.time_up"), markup=False)
            self.finish()
        elif left is not None and left <= 0 and not self.answered:
            self.notify(t("session.time_up"), markup=False)
            self._time_out()

    def _time_out(self) -> None:
        """The question's time ran out: recorded as not answered (Again), said so, its widget unjudged."""
        q = self.question
        if q is None or self.answered:
            return
        if q.type.self_graded or self.mode == "flashcards":
            self._graded(CardView.Graded(1))
            return
        self.timed_out = True
        self.submit(None, None)
