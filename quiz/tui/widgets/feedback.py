"""What the learner sees right after answering: built as Content, never markup."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.content import Content
from textual.message import Message

from quiz.core import qtype
from quiz.core.textsafe import clean
from quiz.tui.i18n import t
from quiz.tui.widgets.wrapped import Wrapped

STYLED = ("right", "wrong", "yours", "note", "source", "continue")  # line kinds with a style in app.tcss
GAP_BEFORE = {"fb-explanation", "fb-source", "fb-continue"}  # a blank line before the longer parts

HIGHLIGHT = "bold reverse"


def highlight(sentence: str, facts: list[str], style: str = HIGHLIGHT) -> Content:
    """`sentence` as Content with every occurrence of each fact styled."""
    content = Content(clean(sentence))
    plain = content.plain
    for fact in sorted({clean(f) for f in facts if f and f.strip()}, key=len, reverse=True):
        start = plain.find(fact)
        while start != -1:
            content = content.stylize(style, start, start + len(fact))
            start = plain.find(fact, start + len(fact))
    return content


def answer_text(question) -> str:
    """The right answer for display, in the learner's language."""
    return clean(qtype.expected_text(question, t("session.true"), t("session.false")))


def lines(question, outcome, *, response_text: str | None, used_hint: bool) -> list[tuple[str, Content]]:
    """(css class, content) lines of the feedback panel."""
    out: list[tuple[str, Content]] = []
    check = outcome.check
    if check is None:  # a card: self-graded
        out.append(("fb-back", Content(t("fb.back")) + Content(clean(question.answer))))
    else:
        out.append(("fb-right" if outcome.correct else "fb-wrong",
                    Content(t("fb.right") if outcome.correct else t("fb.wrong"))
                    + (Content("  " + t("fb.points", points=outcome.points)) if outcome.points else Content(""))))
        out.append(("fb-answer", Content(t("fb.answer")) + Content(answer_text(question)).stylize("bold")))
        if check.matched and check.via == "pinyin":
            out.append(("fb-note", Content(t("fb.pinyin", chars=clean(check.matched)))))
        if not outcome.correct and response_text:
            out.append(("fb-yours", Content(t("fb.yours")) + Content(clean(response_text))))
        if check.wrong:
            out.append(("fb-yours", Content(t("fb.wrong_picks")) + Content(qtype.MULTI_JOIN.join(map(clean, check.wrong)))))
        if check.missing:
            out.append(("fb-yours", Content(t("fb.missing")) + Content(qtype.MULTI_JOIN.join(map(clean, check.missing)))))
        if check.misplaced is not None and not outcome.correct:
            out.append(("fb-yours", Content(t("fb.misplaced", n=check.misplaced + 1))))
        if used_hint and outcome.correct:
            out.append(("fb-note", Content(t("fb.hard"))))
    if question.explanation:
        out.append(("fb-explanation", Content(t("fb.explanation")) + Content(clean(question.explanation))))
    if question.source:
        out.append(("fb-source", Content(t("fb.source")) + highlight(question.source, qtype.answer_facts(question))))
    out.append(("fb-continue", Content(t("fb.continue"))))
    return out


class FeedbackPanel(VerticalGroup, can_focus=True):
    """Shown after an answer; enter or space goes on. One text widget, updated in place (fast);
    each kind of line is styled by a component class in app.tcss (fb--right, fb--wrong, ...)."""

    BINDINGS = [Binding("enter,space", "go_on", "action.next")]
    COMPONENT_CLASSES = {f"fb--{kind}" for kind in STYLED}

    class GoOn(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Wrapped("", id="feedback-text")

    def show(self, rows: list[tuple[str, Content]]) -> None:
        self.rows = rows
        styles = {f"fb-{kind}": self._line_style(kind) for kind in STYLED}
        parts: list[Content] = []
        for i, (cls, content) in enumerate(rows):
            if i and cls in GAP_BEFORE:
                parts.append(Content(""))
            style = styles.get(cls)
            parts.append(content.stylize_before(style) if style else content)
        self.query_one("#feedback-text", Wrapped).update(Content("\n").join(parts))
        self.display = True

    def _line_style(self, kind: str) -> str:
        """The colour and weight of a kind of line, from its component class (resolved against the
        panel, so that a translucent colour such as $text-muted is blended as the CSS means)."""
        full = self.get_visual_style(f"fb--{kind}")
        foreground = full.foreground if full.background is None or full.foreground is None \
            else full.background + full.foreground  # a translucent colour, as painted on the panel
        return " ".join(filter(None, (foreground.hex if foreground is not None else "", "bold" if full.bold else "")))

    def action_go_on(self) -> None:
        self.post_message(self.GoOn())
