"""Person questions the gate (gate.py) repairs or drops: a bare name with no occasion to recall it
by (老党员____讲道。), and 同志 typed as part of the answer (局长王某同志). Kept apart from gate.py so
each module stays small; the predicates are pure and share the gate's property tests.
"""
from __future__ import annotations

from dataclasses import replace

from quiz.core.generate.candidates import Candidate
from quiz.core.generate.chars import han_count
from quiz.core.qtype import QuestionType as QT

# a bare name to type needs this many characters of its own around the blank: 老党员____讲道。
# says nothing of the occasion, the learner has nothing to recall the name by
PERSON_CONTEXT = 6
MULTI_LEAD = "横线处是原文中的哪几位？（多选）"


def thin(prompt: str) -> bool:
    """Has the prompt of a bare name to type too few words of its own to say what the person
    did where (老党员____讲道。)? No office in the answer tells the learner who is meant (a
    choice of offices and names, ____致词。, does). 同志 and the multi lead are no context."""
    body = prompt.removeprefix(MULTI_LEAD).replace("____", "").replace("同志", "")
    return han_count(body) < PERSON_CONTEXT


def comrade(c: Candidate) -> Candidate:
    """A person fill whose answer ends in 同志 (局长王某同志) asked without it: 同志 is how the report
    addresses the person, no part of the name to type; it stays in the prompt."""
    q = c.question
    kind = q.tags[0] if q.tags else c.kind
    if kind != "person" or q.type is not QT.FILL or not q.answer.endswith("同志") or "____" not in q.prompt:
        return c
    bare = q.answer.removesuffix("同志")
    prompt = q.prompt.replace("____", "____同志", 1)
    answers = tuple(dict.fromkeys(a.removesuffix("同志") for a in q.answers))
    shows = tuple(dict.fromkeys((bare, *(x for x in c.shows if x != q.answer))))
    return replace(c, question=replace(q, prompt=prompt, answers=answers), shows=shows,
                   narrow=tuple(n.replace("____", "____同志", 1) for n in c.narrow))
