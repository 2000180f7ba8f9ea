"""Is this answer right? One entry point, `check(question, response)`, that never raises."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quiz.core.model import Question
from quiz.core.answers.normalize import normalize, numeric_form
from quiz.core.answers.pinyin import looks_like_pinyin, pinyin_matches
from quiz.core.answers.quantity import same_quantity

__all__ = ["Check", "check", "check_text", "normalize", "parse_bool"]

_TRUE = {"true", "t", "y", "yes", "1", "对", "是", "正确", "√", "✓"}
_FALSE = {"false", "f", "n", "no", "0", "2", "错", "否", "错误", "×", "✗"}


@dataclass(frozen=True, slots=True)
class Check:
    correct: bool
    expected: str  # the right answer, for display
    matched: str | None = None  # which accepted answer matched (for pinyin: the characters)
    wrong: tuple[str, ...] = ()  # multi: chosen but not right
    missing: tuple[str, ...] = ()  # multi: right but not chosen
    misplaced: int | None = None  # order: index of the first item out of place
    via: str = ""  # exact | accept | number | pinyin | ""


def parse_bool(value) -> bool | None:
    if isinstance(value, bool):
        return value
    if not isinstance(value, str):
        return None
    v = normalize(value) or value.strip()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    return None


def check_text(answers: tuple[str, ...], typed: str, *, pinyin: bool = True) -> Check:
    """A typed answer against every accepted text."""
    expected = answers[0] if answers else ""
    if not isinstance(typed, str):
        return Check(False, expected)
    t = normalize(typed)
    if not t:
        return Check(False, expected)
    for i, a in enumerate(answers):
        if normalize(a) == t:
            return Check(True, expected, a, via="exact" if i == 0 else "accept")
    tn = numeric_form(typed)
    for a in answers:
        if same_quantity(numeric_form(a), tn):
            return Check(True, expected, a, via="number")
    if pinyin and looks_like_pinyin(typed):
        for a in answers:
            if pinyin_matches(a, typed):
                return Check(True, expected, a, via="pinyin")
    return Check(False, expected)


def _texts(response) -> list[str]:
    if isinstance(response, str):
        return [response]
    if isinstance(response, Iterable):
        return [r for r in response if isinstance(r, str)]
    return []


def check(question: Question, response, *, pinyin: bool = True) -> Check:
    """Check `response` against `question`. Never raises.

    choice: option text (typed text is checked like fill); multi: option texts;
    truefalse: bool (or 对/错, y/n, true/false); fill and card: typed text;
    order: item texts in the chosen order.
    """
    q = question
    try:
        if q.type in ("fill", "card"):
            return check_text(q.answers, response, pinyin=pinyin)
        if q.type == "choice":
            if response in q.choices:
                ok = response in q.answers
                return Check(ok, q.answer, response if ok else None, via="exact" if ok else "")
            return check_text(q.answers, response, pinyin=pinyin)
        if q.type == "multi":
            chosen = set(_texts(response))
            right = set(q.answers)
            wrong = tuple(c for c in q.choices if c in chosen and c not in right)
            wrong += tuple(sorted(c for c in chosen if c not in q.choices))
            missing = tuple(a for a in q.answers if a not in chosen)
            ok = not wrong and not missing
            return Check(ok, "、".join(q.answers), None, wrong, missing, via="exact" if ok else "")
        if q.type == "truefalse":
            b = parse_bool(response)
            ok = b is not None and ("true" if b else "false") == q.answer
            return Check(ok, q.answer, via="exact" if ok else "")
        if q.type == "order":
            given = _texts(response)
            misplaced = next((i for i, (a, g) in enumerate(zip(q.answers, given)) if a != g), None)
            if misplaced is None and len(given) != len(q.answers):
                misplaced = min(len(given), len(q.answers))
            ok = misplaced is None
            return Check(ok, " → ".join(q.answers), misplaced=misplaced, via="exact" if ok else "")
    except Exception:  # a checker bug must never cost the learner a crash
        pass
    return Check(False, q.answer if q.answers else "")
