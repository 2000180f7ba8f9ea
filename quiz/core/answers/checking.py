"""Is this answer right? `check(question, response)` decides; `check_guarded` is what the
session calls, so that a bug in the checker costs the learner one question, never a crash."""
from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from quiz.core.answers.normalize import normalize, numeric_form
from quiz.core.answers.pinyin import looks_like_pinyin, pinyin_matches
from quiz.core.answers.qualifiers import without_qualifiers
from quiz.core.answers.quantity import same_quantity
from quiz.core.model import Question
from quiz.core.qtype import QuestionType, bool_answer, expected_text, parse_bool

__all__ = ["Verdict", "check", "check_guarded", "check_text", "normalize", "parse_bool"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The checker's judgement of one response."""

    correct: bool
    expected: str  # the right answer, for display
    matched: str | None = None  # which accepted answer matched (for pinyin: the characters)
    wrong: tuple[str, ...] = ()  # multi: chosen but not right
    missing: tuple[str, ...] = ()  # multi: right but not chosen
    misplaced: int | None = None  # order: index of the first item out of place
    via: str = ""  # exact | accept | qualifier | number | pinyin | ""


def check_text(answers: tuple[str, ...], typed: Any, *, pinyin: bool = True) -> Verdict:
    """A typed answer against every accepted text; each may leave out its qualifiers (期间,
    上午, 左右 ...: quiz.core.answers.qualifiers), in every way of matching."""
    expected = answers[0] if answers else ""
    if not isinstance(typed, str):
        return Verdict(False, expected)
    t = normalize(typed)
    if not t:
        return Verdict(False, expected)
    for i, a in enumerate(answers):
        if normalize(a) == t:
            return Verdict(True, expected, a, via="exact" if i == 0 else "accept")
    shortened = without_qualifiers(answers)
    for short, a in shortened:
        if normalize(short) == t:
            return Verdict(True, expected, a, via="qualifier")
    tn = numeric_form(typed)
    for form, a in [(a, a) for a in answers] + shortened:
        if same_quantity(numeric_form(form), tn):
            return Verdict(True, expected, a, via="number")
    if pinyin and looks_like_pinyin(typed):
        for form, a in [(a, a) for a in answers] + shortened:
            if pinyin_matches(form, typed):
                return Verdict(True, expected, a, via="pinyin")
    return Verdict(False, expected)


def _texts(response: Any) -> list[str]:
    if isinstance(response, str):
        return [response]
    if isinstance(response, Iterable):
        return [r for r in response if isinstance(r, str)]
    return []


def check(question: Question, response: Any, *, pinyin: bool = True) -> Verdict:
    """Check `response` against `question`.

    choice: option text (typed text is checked like fill); multi: option texts;
    truefalse: bool (or 对/错, y/n, true/false); fill and card: typed text;
    order: item texts in the chosen order. Any response value is judged (wrong when it
    makes no sense for the type); an exception here is a bug.
    """
    q = question
    qt = q.type
    if qt in (QuestionType.FILL, QuestionType.CARD):
        return check_text(q.answers, response, pinyin=pinyin)
    if qt is QuestionType.CHOICE:
        if isinstance(response, str) and response in q.choices:
            ok = response in q.answers
            return Verdict(ok, q.answer, response if ok else None, via="exact" if ok else "")
        return check_text(q.answers, response, pinyin=pinyin)
    if qt is QuestionType.MULTI:
        chosen = set(_texts(response))
        right = set(q.answers)
        wrong = tuple(c for c in q.choices if c in chosen and c not in right)
        wrong += tuple(sorted(c for c in chosen if c not in q.choices))
        missing = tuple(a for a in q.answers if a not in chosen)
        ok = not wrong and not missing
        return Verdict(ok, expected_text(q), None, wrong, missing, via="exact" if ok else "")
    if qt is QuestionType.TRUEFALSE:
        b = parse_bool(response)
        ok = b is not None and bool_answer(b) == q.answer
        return Verdict(ok, q.answer, via="exact" if ok else "")
    # order
    given = _texts(response)
    misplaced = next((i for i, (a, g) in enumerate(zip(q.answers, given)) if a != g), None)
    if misplaced is None and len(given) != len(q.answers):
        misplaced = min(len(given), len(q.answers))
    ok = misplaced is None
    return Verdict(ok, expected_text(q), misplaced=misplaced, via="exact" if ok else "")


def check_guarded(question: Question, response: Any, *, pinyin: bool = True) -> Verdict:
    """`check`, but a checker bug is logged and judged wrong instead of ending the session."""
    try:
        return check(question, response, pinyin=pinyin)
    except Exception:  # the one guard: a checker bug must never cost the learner a crash
        log.exception("checking question %r failed", question.id)
        return Verdict(False, question.answer)
