"""Hints: the source passage with the answer masked, as the learner may ask for before answering."""
from __future__ import annotations

from quiz.core.model import Question
from quiz.core.qtype import answer_facts
from quiz.core.textsafe import clean

MASK = "＿"


def masked(sentence: str, facts: list[str]) -> str:
    """`sentence` with each fact replaced by blanks (2 to 8 of them)."""
    text = clean(sentence)
    for fact in sorted({clean(f) for f in facts if f and f.strip()}, key=len, reverse=True):
        text = text.replace(fact, MASK * max(2, min(len(fact), 8)))
    return text


def hint_for(question: Question) -> str:
    """The hint of `question` ("" when it has none): its own `hint`, else its source with the
    answer masked."""
    if question.hint:
        return question.hint
    return masked(question.source, answer_facts(question)) if question.source else ""
