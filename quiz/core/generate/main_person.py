"""The one person a report is about (老党员张秀菊, named again and again, with no office).

A report about one person should ask who it is, once; the other prompts then name them
freely (the learner meets the name everywhere, as a teacher would print it). A person
without an office scores below the point where a printed answer is allowed, so the
report's own person was never asked: it is lifted to MAIN_AT, and selection lets other
prompts print the name (select.py counts it once against the leak budget).
"""
from __future__ import annotations

import re
from collections import Counter

from quiz.core.generate import score as S
from quiz.core.generate.facts import Fact

MAIN_AT = 0.75   # above LEAK_AT: asked even though other prompts print the name
_LEAST = 3       # named at least this often (许大爷 counts for 许道贵), in at least two sentences:
                 # a name given twice is one of the people of a ceremony, not what it is about
_MOST = 300     # names looked up
_ADDRESS = re.compile(r"([\u4e00-\u9fff])(?:大爷|奶奶|大妈|爷爷|阿姨|老(?![人党师年]))")   # 许大爷, 许老: the family name and a word of address


def main_person(facts: list[Fact], texts: list[str]) -> str:
    """The name of the person without an office the body (`texts`, its sentences) names most:
    three times or more, in two sentences or more, more often than anyone else; '' when
    there is none."""
    people = list(dict.fromkeys(f.person for f in facts if f.kind == "person" and f.person
                                and len(f.person) >= 2))[:_MOST]
    if not people:
        return ""
    body = "\n".join(texts)   # one search of the text per name (at most _MOST of them)
    # 许大爷: one pass finds every word of address; it counts for each name of that family name
    address = Counter(m.group(1) for m in _ADDRESS.finditer(body))
    counts = {p: body.count(p) + address[p[0]] for p in people}
    best = max(counts.values())
    top = [p for p, n in counts.items() if n == best]
    if best < _LEAST or len(top) != 1 or sum(1 for t in texts if top[0] in t) < 2:
        return ""
    # an official is asked with the office already (0.85): only an untitled person needs the lift
    titled = any(f.kind == "person" and f.person == top[0] and f.role and not S.generic_role(f.role)
                 for f in facts)
    return "" if titled else top[0]
