"""Who did it: one question on a person and their role together.

A report names people with their office (街道党工委书记王明华宣布…). Asked apart,
the person's question prints the role and the role's question prints the name,
so a bank could keep only one of them without showing the other's answer. Asked
together, the blank takes the office and the name (____宣布…), and the options are
office-and-name pairs: other people of the article as they are named, or, when
it names too few, a square of two offices and two names (街道党工委书记王明华,
街道党工委书记陈丽萍, 宣传委员王明华, 宣传委员陈丽萍) in which every option shares its
office with one other and its name with another, so the shape of the options
tells nothing. A sibling office (书记 / 副书记, 局长 / 副局长) stands in for a
second office when the article's others are of another sort altogether.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.core.generate.facts import Fact
from quiz.core.generate.ids import seed_of
from quiz.core.generate.score import generic_role
from quiz.core.generate.segment import VERBISH, words

# offices that have a deputy (a 副 form): the sibling of one is the other
_DEPUTY = re.compile(r"(副?)(书记|部长|厅长|局长|处长|科长|县长|市长|州长|乡长|镇长|主任|队长|大队长|组长|团长|院长|"
                     r"校长|所长|站长|馆长|总经理|董事长|会长|秘书长|理事长|主席|省长|区长|旗长|社长|检察长|行长|厂长)$")


@dataclass(frozen=True, slots=True)
class Named:
    """A person as the article names them: the office (its verbatim text) and the name."""
    role: str
    name: str
    start: int      # where the office starts in the sentence

    @property
    def text(self) -> str:
        return self.role + self.name


def named(f: Fact) -> Named | None:
    """The office-and-name span of a person fact, when the office stands right before the
    name and is an office (not 志愿者, 村民: a word for many people)."""
    role = f.role
    if f.kind != "person" or len(role) < 2 or generic_role(role):
        return None
    start = f.start - len(role)
    if start < 0 or f.sentence.text[start:f.start] != role:
        return None
    if len(role) >= 2 and role[0] == role[1] and role[0] in "队组团部局处科站":
        return None   # 实践|队队长: the office was cut from its body; ask the name with the office shown
    return Named(role, f.text, start)


def reads_as_name(text: str) -> bool:
    """Does an office-and-name read as a name on its own (no verb at either end: 宣讲员陈刚 starts
    with the verb 宣讲, and a learner would see a cut phrase)?"""
    tokens = words(text).tokens
    return bool(tokens) and tokens[0][2] not in VERBISH and tokens[-1][2] not in VERBISH


def has_clause(norm: str, a: int, b: int) -> bool:
    """Does the clause around norm[a:b] say something besides it (____主持, 仪式由____主持)? In a
    list of officials (…副书记，省教育厅党组书记、厅长邓云锋，省委…) a blank would stand alone."""
    lo = max((norm.rfind(c, 0, a) for c in "，。；：！？"), default=-1) + 1
    hi = min((i for i in (norm.find(c, b) for c in "，。；：！？") if i >= 0), default=len(norm))
    before = sum("\u4e00" <= c <= "\u9fff" for c in norm[lo:a])
    after = sum("\u4e00" <= c <= "\u9fff" for c in norm[b:hi])
    return after >= 1 or before >= 2   # ____说 will do


def people(facts: list[Fact]) -> tuple[list[Named], list[str]]:
    """The article's named people with an office (first mention of each), and every name."""
    out: list[Named] = []
    names: list[str] = []
    for f in facts:
        if f.kind != "person":
            continue
        if f.text not in names:
            names.append(f.text)
        n = named(f)
        if n and all(x.name != n.name for x in out):
            out.append(n)
    return out, names


def sibling(role: str) -> str | None:
    """The office one step away: 党委书记 -> 党委副书记, 副局长 -> 局长 (None: no such office)."""
    m = _DEPUTY.search(role)
    if not m or "、" in role[m.start():]:
        return None
    head = role[:m.start()]
    if m.group(1):
        return head + m.group(2)
    if m.group(2) == "书记" and head.endswith("第一"):
        return None
    return head + "副" + m.group(2)


def options(me: Named, others: list[Named], names: list[str], seed: int, sentence: str = "") -> list[str]:
    """Three wrong office-and-name pairs for `me` (fewer when the article names too few people);
    never a person its own sentence names (the prompt would show them beside the blank)."""
    def near(n: Named) -> tuple:
        return abs(len(n.role) - len(me.role)), seed_of(str(seed), n.text)

    rivals = sorted((n for n in others if n.name != me.name and n.role not in me.role and me.role not in n.role
                     and n.name not in sentence), key=near)
    if len(rivals) >= 3:
        return [n.text for n in rivals[:3]]
    other_names = [x for x in names if x != me.name and x not in me.text and x not in sentence]
    if not other_names:
        return []
    mine = sibling(me.role)
    if rivals:
        rival = rivals[0]
        if abs(len(rival.role) - len(me.role)) <= 4:   # offices alike: a square of two offices, two names
            return _distinct(me, [rival.role + me.name, me.role + rival.name, rival.text])
        # offices of another sort: two pairs of twins, each person with the office one step away
        theirs = sibling(rival.role)
        if mine:
            return _distinct(me, [mine + me.name, rival.text, (theirs or mine) + rival.name])
        if theirs:
            return _distinct(me, [rival.text, theirs + rival.name, me.role + rival.name])
        return []
    name = min(other_names, key=lambda x: (abs(len(x) - len(me.name)), seed_of(str(seed), x)))
    if mine is None:
        return []
    return _distinct(me, [mine + me.name, me.role + name, mine + name])


def _distinct(me: Named, wrong: list[str]) -> list[str]:
    """The options when they are three and none is the answer."""
    return wrong if len(set(wrong)) == 3 and me.text not in wrong else []


_JOIN = "、，,和与及"
BEFORE_OFFICE = frozenset("由在对向经据和与及为")   # a preposition the segmenter may glue to an office


def groups(facts: list[Fact]) -> list[list[tuple[Fact, Named]]]:
    """People of one sentence named side by side for one act (刘振东、方晓燕为…颁发证书; 周美玲，
    方德厚先后发言): office-and-name spans with only a 、 (or a comma, 和, 与) between them."""
    out: list[list[tuple[Fact, Named]]] = []
    run: list[tuple[Fact, Named]] = []
    for f in facts:
        n = named(f) if f.kind == "person" else None
        if n is None:
            continue
        if run and run[-1][0].sentence is f.sentence and f.sentence.text[run[-1][0].end:n.start] in _JOIN \
                and n.start > run[-1][0].end:
            run.append((f, n))
            continue
        if len(run) >= 2:
            out.append(run)
        run = [(f, n)]
    if len(run) >= 2:
        out.append(run)
    return out


def group_options(members: list[Named], others: list[Named], seed: int, sentence: str, most: int = 3) -> list[str]:
    """Wrong pairs for a group: its members' offices and names crossed (who was which?), then
    other people of the article, then a member with the office one step away."""
    names = {m.name for m in members}
    texts = {m.text for m in members}
    out: list[str] = []
    for a in members:
        for b in members:
            if a is not b and a.role != b.role and a.role not in b.role and b.role not in a.role:
                out.append(a.role + b.name)
    out.sort(key=lambda t: seed_of(str(seed), t))
    rest = sorted((n.text for n in others if n.name not in names and n.name not in sentence),
                  key=lambda t: seed_of(str(seed), t))
    sib = [s + m.name for m in members if (s := sibling(m.role))]
    picked: list[str] = []
    for t in out[:2] + rest + sib + out[2:]:
        if t not in texts and t not in picked:
            picked.append(t)
    return picked[:most]
