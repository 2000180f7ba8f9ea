"""`quiz lint`: what a careful editor would flag in a valid bank, as located warnings.

Checks (each a Problem with severity "warning"):
  same prompt twice; options that differ only in punctuation or width; the answer of a
  fill/choice visible in its prompt; a choice whose right answer is much longer than the
  others; neither source nor explanation; a prompt over 200 characters; a multi where every
  option is right; a slogan split one way in one question and another way elsewhere.
"""
from __future__ import annotations

from quiz.core.answers.normalize import normalize
from quiz.core.banks.loader import Positions, load_path
from quiz.core.model import Bank, Problem, Question
from quiz.core.qtype import BLANK, QuestionType

MAX_PROMPT = 200


def _pos(positions: dict, q: Question, name: str = "", index: int | None = None) -> tuple[int, int]:
    p = positions.get(q.id, {})
    if index is not None:
        items = p.get(name + "[]")
        if isinstance(items, list) and index < len(items):
            return items[index]
    got = p.get(name) or (p.get("prompt") if name == "answer" else None) or p.get("")
    if got:
        return got
    return (q.line or 1, 1)


def _texts(q: Question) -> tuple[str, tuple[str, ...]]:
    """(field name, texts) of the options a learner compares: choices, items, or ()."""
    if q.type.picks_options:
        return "choices", q.choices
    if q.type is QuestionType.ORDER:
        return "items", q.choices
    return "", ()


def _prompt_field(q: Question) -> str:
    return "front" if q.type is QuestionType.CARD else "prompt"


def lint_bank(bank: Bank, positions: Positions | None = None) -> list[Problem]:
    """The warnings of a loaded bank; `positions` (recorded by the loader) place them on fields."""
    positions = positions or {}
    path = bank.path or "<bank>"
    found: list[tuple[tuple[int, int], str]] = []

    def warn(pos: tuple[int, int], msg: str) -> None:
        found.append((pos, msg))

    prompts: dict[str, Question] = {}
    for q in bank.questions:
        label = f"question '{q.id}'"
        pf = _prompt_field(q)
        key = normalize(q.prompt.replace(BLANK, "\x00")) + "|" + q.type.value
        if key in prompts and normalize(q.prompt):
            first = prompts[key]
            warn(_pos(positions, q, pf), f"{label} has the same prompt as '{first.id}' (line {first.line})")
        else:
            prompts[key] = q
        field, opts = _texts(q)
        seen: dict[str, int] = {}
        for i, o in enumerate(opts):
            n = normalize(o)
            if n in seen:
                j = seen[n]
                warn(_pos(positions, q, field, i), f"{label}: '{o}' and '{opts[j]}' differ only in punctuation, spaces or width")
            else:
                seen[n] = i
        if q.type in (QuestionType.FILL, QuestionType.CHOICE):
            body = normalize(q.prompt.replace(BLANK, " "))
            for a in q.answers[:1]:
                na = normalize(a)
                if len(na) >= 2 and na in body:
                    warn(_pos(positions, q, pf), f"{label}: the answer '{a}' can be read in the prompt")
        if q.type is QuestionType.CHOICE and len(q.choices) >= 2:
            others = [len(c) for c in q.choices if c != q.answer]
            longest = max(others)
            if len(q.answer) >= 2 * longest and len(q.answer) - longest >= 4:
                warn(_pos(positions, q, "answer"), f"{label}: the right answer ({len(q.answer)} characters) is much "
                     f"longer than the other choices (at most {longest}): it gives itself away")
        if not q.source and not q.explanation:
            warn(_pos(positions, q, "key:id"), f"{label} has neither 'source' nor 'explanation': "
                 "a learner who gets it wrong learns nothing more")
        if len(q.prompt) > MAX_PROMPT:
            warn(_pos(positions, q, pf), f"{label}: the prompt has {len(q.prompt)} characters (over {MAX_PROMPT}); "
                 "split it or move the detail to 'explanation'")
        if q.type is QuestionType.MULTI and len(q.answers) == len(q.choices):
            warn(_pos(positions, q, "answer"), f"{label}: every option is right; add options that are wrong")
    found += _slogans(bank, positions)
    found.sort(key=lambda t: t[0])
    return [Problem(path, line, col, msg, severity="warning") for (line, col), msg in found]


def _pieces(q: Question) -> list[tuple[str, str, int | None]]:
    """(text, field, index) of the short texts a question is made of: options, items, answers."""
    out: list[tuple[str, str, int | None]] = []
    field, opts = _texts(q)
    out += [(o, field, i) for i, o in enumerate(opts)]
    if q.type is QuestionType.FILL:  # (a card's back is free text: not a piece)
        out.append((q.answer, "answer", None))
    return out


def _split(word: str, atoms: set[str]) -> list[str] | None:
    """`word` as two or more atoms in a row (the fewest), or None."""
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        for j in range(i + 2, n + 1):
            part = word[i:j]
            there = best[j]
            if part in atoms and part != word and (there is None or len(there) > len(here) + 1):
                best[j] = here + [part]
    got = best[n]
    return got if got and len(got) >= 2 else None


def _slogans(bank: Bank, positions) -> list[tuple[tuple[int, int], str]]:
    """A text that is two or more texts used on their own elsewhere ('学史明理、学史增信' vs '学史明理')."""
    atoms: dict[str, str] = {}
    for q in bank.questions:
        for t, _, _ in _pieces(q):
            n = normalize(t)
            if 2 <= len(n) <= 40:
                atoms.setdefault(n, t)
    if len(atoms) > 20000:
        return []
    keys = set(atoms)
    out = []
    for q in bank.questions:
        for t, field, index in _pieces(q):
            n = normalize(t)
            if len(n) < 4 or len(n) > 80:
                continue
            parts = _split(n, keys)
            if parts:
                shown = "', '".join(atoms[p] for p in parts)
                out.append((_pos(positions, q, field, index),
                            f"question '{q.id}': '{t}' joins '{shown}', which other questions use apart: "
                            "split slogans the same way everywhere"))
    return out


def lint_path(path: str):
    """(LoadResult, warnings) of a bank file; warnings only when it loads."""
    positions: Positions = {}
    result = load_path(path, positions=positions)  # one read: the loader notes where each field is
    if not result.ok or result.bank is None:
        return result, []
    return result, lint_bank(result.bank, positions)
