"""Keep the best candidates: few per sentence, no answer shown by another prompt.

Candidates are taken best first. One is kept when its fact has no question yet,
its sentence has given fewer than its share (one question; up to three when
the sentence holds several important facts of different kinds), no kept prompt
prints its answer and its prompt prints no kept answer (a narrower prompt is
tried first; an important fact may spend a small leak budget). Every candidate
that is not kept gets a reason, for the teacher's report.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from quiz.core.generate.candidates import Candidate
from quiz.core.generate.chars import shows_in
from quiz.core.generate.kinds import same_body
from quiz.core.generate.score import SELECT_AT
from quiz.core.qtype import QuestionType as QT

PER_SENTENCE = 3
SAME_KIND_AT = 0.8   # two quoted slogans of one sentence are two facts: both may be asked
SECOND_AT = 0.55     # a second or third question from one sentence needs this score
SAME_AT = 0.6        # ... and this one when a kept question of that sentence asks a fact of its kind
# An important fact may still be asked when its answer is printed elsewhere, within a budget:
# at most this share of the kept questions (the issue allows 20%), only from this score up.
LEAK_SHARE = 0.18
LEAK_BASE = 12
LEAK_SMALL = 6      # a bank of a few questions may still show one answer
LEAK_AT = 0.65
FLOOR = 12          # a bank smaller than this takes minor facts too (from FLOOR_AT)
FLOOR_AT = 0.4      # (a minor count, 清扫卫生死角20余处, is in; stock figures of speech and small counts stay out)
MAX_KEPT = 500      # by default never more questions than this (a 10 MB text is no article)
MAX_ALL = 5000       # --all: never more than this many questions (bounded output)

REASONS = {
    "boundary": "answer is not whole words",
    "subject": "answer is the article's own subject",
    "context": "needs an earlier sentence to make sense",
    "low": "minor fact (score below the cut)",
    "sentence": "its sentence already has its questions",
    "fact": "its fact is already asked",
    "leak": "its answer is printed in a kept prompt (or the reverse)",
    "max": "beyond --max",
}


@dataclass(frozen=True, slots=True)
class Choice:
    kept: tuple[Candidate, ...]
    dropped: tuple[tuple[Candidate, str], ...]   # (candidate, reason key)


def fold(s: str) -> str:
    """What the leak test compares: width-folded, without spaces or quotes."""
    return re.sub(r"[\s“”‘’\"'《》]", "", unicodedata.normalize("NFKC", s))


def _narrow_kept(kept: list[Candidate], prompts: list[str], answers: list[str],
                 shown: dict[int, set[str]], free: set[str] | frozenset[str] = frozenset()) -> bool:
    """Replace the kept prompts that print one of `answers` by a narrow form that does not (nor
    any other kept answer), when each of them has one; False (nothing changed) otherwise."""
    hits = [i for i, p in enumerate(prompts) if any(shows_in(a, p) for a in answers)]
    narrow = {}
    for i in hits:
        # (a narrow form may print what the prompt it replaces already prints, nothing more)
        already = _printed(prompts[i], shown)
        n = next((x for x in kept[i].narrow if not any(shows_in(a, fold(x)) for a in answers)
                  and not _printed(fold(x), shown) - free - already), None)
        if n is None:
            return False
        narrow[i] = n
    for i, n in narrow.items():
        kept[i] = replace(kept[i], question=replace(kept[i].question, prompt=n), narrow=())
        prompts[i] = fold(n)
    return True


def _printed(prompt: str, shown: dict[int, set[str]]) -> set[str]:
    """The kept answers the prompt prints (a set lookup per substring of each answer length)."""
    out = set()
    for n, answers in shown.items():
        for i in range(len(prompt) - n + 1):
            piece = prompt[i:i + n]
            if piece in answers and shows_in(piece, prompt[max(0, i - 1):i + n + 1]):
                out.add(piece)
    return out


def _costs(cands: list[Candidate]) -> dict[int, float]:
    """A prompt that prints the answers of other good facts of its sentence ranks a little
    lower per fact (keeping it would rule them out: an answer is never shown twice).
    id(candidate) -> cost; the recorded score and the thresholds are not moved."""
    answers: dict[int, dict[tuple, list[str]]] = defaultdict(lambda: defaultdict(list))
    for c in cands:
        if not c.drop and c.score >= SELECT_AT:
            answers[c.sentence][c.fact].extend(fold(a) for a in c.shows if len(fold(a)) >= 2)
    out = {}
    for c in cands:
        others = answers.get(c.sentence, {})
        p = fold(c.question.prompt)
        n = sum(1 for fact, shown in others.items() if fact != c.fact and any(shows_in(a, p) for a in shown))
        out[id(c)] = min(0.03 * n, 0.15)
    return out


def rank(cands: list[Candidate], costs: dict[int, float] | None = None) -> list[Candidate]:
    """Best first; ties in reading order, then by id (deterministic)."""
    costs = costs or {}
    return sorted(cands, key=lambda c: (-round(c.score - costs.get(id(c), 0.0), 2), c.sentence, c.start,
                                        c.question.id))


def _keep(ranked: list[Candidate], size: int) -> tuple[list[Candidate], list[tuple[Candidate, str]]]:
    """One greedy pass over the ranked candidates; `size` is how many questions the leak
    budget is a share of (at least: it grows with the kept ones). A short article whose
    pass keeps fewer than FLOOR questions takes more from the minor facts (from FLOOR_AT:
    a teacher asks about ten facts of any report), the best of them first."""
    kept, dropped = _pass(ranked, size, SELECT_AT, ())
    if len(kept) >= FLOOR:
        return kept, dropped
    minor = [c for c, why in dropped if why == "low" and c.score >= FLOOR_AT and c.question.type is not QT.TRUEFALSE]
    if not minor:
        return kept, dropped
    return _pass(ranked, size, FLOOR_AT, frozenset(id(c) for c in minor), FLOOR)


def _pass(ranked: list[Candidate], size: int, cut: float, minor, most: int = MAX_KEPT
          ) -> tuple[list[Candidate], list[tuple[Candidate, str]]]:
    """The greedy pass: candidates from `cut` up (below SELECT_AT only those in `minor`, and
    only while fewer than `most` are kept)."""
    dropped: list[tuple[Candidate, str]] = []
    kept: list[Candidate] = []
    facts: set[tuple] = set()
    per_sentence: Counter = Counter()
    kinds_of: dict[int, set[str]] = defaultdict(set)
    shown: dict[int, set[str]] = defaultdict(set)   # folded answers of kept questions, by length
    prompts: list[str] = []                         # folded prompts of kept questions
    joined = ""                                     # the same, joined: one search per answer
    owner: dict[str, set[int]] = defaultdict(set)   # a kept answer -> the kept questions that ask it
    leaked: set[int] = set()                        # kept questions whose answer another kept prompt prints
    asked: set[str] = set()                         # folded main answers of kept questions
    free: set[str] = set()                          # the report's one person, once asked: any prompt may name them
    bodies: list[str] = []                          # the asked bodies and places (县离退休干部党工委 …)
    for i, c in enumerate(ranked):
        if len(kept) >= MAX_KEPT:
            dropped += [(d, d.drop or "max") for d in ranked[i:]]
            break
        if c.drop:
            dropped.append((c, c.drop))
            continue
        low = c.score < SELECT_AT
        if low and (c.score < cut or id(c) not in minor or len(kept) >= most):
            dropped.append((c, "low"))
            continue
        if c.fact in facts or any(a in facts for a in c.also):
            dropped.append((c, "fact"))
            continue
        answer = fold(c.question.answer)
        if answer in asked or c.kind in ("org", "place") and any(same_body(answer, a) for a in bodies):
            dropped.append((c, "fact"))   # the same answer twice: the second question teaches nothing new
            continue
        n = per_sentence[c.sentence]
        same = c.kind in kinds_of[c.sentence] and not (c.kind in ("slogan", "name") and c.score >= SAME_KIND_AT)
        if n >= PER_SENTENCE or (n and not low and (c.score < SECOND_AT or same and c.score < SAME_AT)):
            dropped.append((c, "sentence"))
            continue
        mine = [fold(a) for a in c.shows if len(fold(a)) >= 2]
        me_leaked = False
        if any(a in joined and shows_in(a, joined) for a in mine):
            # a kept prompt prints this answer: narrow that prompt to its own clause if that hides it
            if _narrow_kept(kept, prompts, mine, shown, free):
                joined = "\x00".join(prompts)
            else:
                me_leaked = True
        forms = [c.question.prompt, *c.narrow]
        printed = [_printed(fold(x), shown) for x in forms]
        best = min(range(len(forms)), key=lambda k: (len(printed[k] - free), k))
        p = fold(forms[best])
        if p in prompts:
            dropped.append((c, "fact"))   # the same prompt as a kept question (its narrow form)
            continue
        # the budget counts questions whose answer is shown elsewhere: this one, and the kept ones it shows
        others = set().union(*(owner[a] for a in printed[best])) - leaked
        # the report's one person is asked once; other prompts then name them freely (counted once)
        mains = {k for k in others if kept[k].main}
        others -= mains
        cost = len(others) + (me_leaked and not c.main)   # the report's one person is asked whatever prints them
        budget = LEAK_SHARE * max(len(kept) + 1, size) - len(leaked)
        # a prompt that prints a kept answer takes a fact away from the learner: never, but for a name
        # the article names again and again (百姓宣讲团: the learner meets it everywhere); a question
        # whose own answer a kept prompt prints still asks its fact (within the budget)
        if any(not kept[k].common for k in others) or cost and (c.score < LEAK_AT or cost > budget):
            dropped.append((c, "leak"))
            continue
        leaked |= others | mains
        if me_leaked:
            leaked.add(len(kept))
        if best:
            c = replace(c, question=replace(c.question, prompt=forms[best]))
        for a in mine:
            owner[a].add(len(kept))
            shown[len(a)].add(a)
            if c.main:
                free.add(a)
        kept.append(c)
        facts.add(c.fact)
        facts.update(c.also)
        asked.add(answer)
        if c.kind in ("org", "place"):
            bodies.append(answer)
        per_sentence[c.sentence] += 1
        kinds_of[c.sentence].add(c.kind)
        prompts.append(p)
        joined += "\x00" + p
    return kept, dropped


def select(cands: list[Candidate], *, keep_all: bool = False, most: int | None = None) -> Choice:
    dropped: list[tuple[Candidate, str]] = []
    if keep_all:
        ranked = rank([c for c in cands if not c.drop])
        dropped = [(c, c.drop) for c in cands if c.drop]
        dropped += [(c, "max") for c in ranked[MAX_ALL:]]
        return Choice(tuple(ranked[:MAX_ALL]), tuple(dropped))
    ranked = rank(cands, _costs(cands))
    # the budget is a share of the bank: a first pass tells how big it is, then the second spends it
    first, _ = _keep(ranked, LEAK_BASE)
    kept, dropped = _keep(ranked, max(len(first), LEAK_SMALL))
    if most is not None and len(kept) > most:
        dropped += [(c, "max") for c in kept[most:]]
        kept = kept[:most]
    kept.sort(key=lambda c: (c.sentence, c.start, c.question.id))
    return Choice(tuple(kept), tuple(dropped))
