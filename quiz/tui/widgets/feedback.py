"""What the learner sees right after answering: built as Content, never markup."""
from __future__ import annotations

from textual.content import Content

from quiz.core import qtype
from quiz.core.textsafe import clean
from quiz.tui.i18n import t

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


from textual.binding import Binding  # noqa: E402
from textual.containers import VerticalGroup  # noqa: E402
from textual.message import Message  # noqa: E402

from quiz.tui.widgets.wrapped import Wrapped  # noqa: E402


ROW_STYLE = {
    "fb-right": "bold $success", "fb-wrong": "bold $error", "fb-yours": "$error", "fb-note": "$warning",
    "fb-source": "$text-muted", "fb-continue": "$text-muted",
}
GAP_BEFORE = {"fb-explanation", "fb-source", "fb-continue"}


def compose_rows(rows: list[tuple[str, Content]]) -> Content:
    """One Content for the whole panel: a row per line, a blank line before the longer parts."""
    parts: list[Content] = []
    for i, (cls, content) in enumerate(rows):
        if i and cls in GAP_BEFORE:
            parts.append(Content(""))
        style = ROW_STYLE.get(cls)
        parts.append(content.stylize_before(style) if style else content)
    return Content("\n").join(parts)


class FeedbackPanel(VerticalGroup, can_focus=True):
    """Shown after an answer; enter or space goes on. One text widget, updated in place (fast)."""

    BINDINGS = [Binding("enter,space", "go_on", "action.next")]

    class GoOn(Message):
        pass

    def compose(self):
        yield Wrapped("", id="feedback-text")

    def show(self, rows: list[tuple[str, Content]]) -> None:
        self.rows = rows
        self.query_one("#feedback-text", Wrapped).update(compose_rows(rows))
        self.display = True

    def action_go_on(self) -> None:
        self.post_message(self.GoOn())
