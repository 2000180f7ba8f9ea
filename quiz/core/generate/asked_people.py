"""Questions on people: who did it (an office and a name asked together) and who did it
together (people named side by side for one act, in one multiple choice). See who.py for
the options."""
from __future__ import annotations

from quiz.core.generate import score as S
from quiz.core.generate import who
from quiz.core.generate.candidates import BLANK, Builder, shuffled, where_of
from quiz.core.generate.facts import Fact
from quiz.core.generate.ids import fact_id, seed_of
from quiz.core.generate.segment import words
from quiz.core.qtype import QuestionType as QT


def person_role(b: Builder, f: Fact) -> None:
    """One question on a person and their office together (____宣布…: 街道党工委书记王明华),
    when the article names enough people for options; it asks both facts at once."""
    me = who.named(f)
    if me is None or not who.reads_as_name(me.text) or not who.has_clause(f.sentence.norm, me.start, f.end):
        return
    b.penalty = b.base_penalty = 0.0
    base = fact_id("who", me.text, f.sentence.norm)
    seed = seed_of(base)
    wrong = who.options(me, b.named, b.names, seed, f.sentence.text)
    ws = words(f.sentence.text)
    # 由厅党组书记、厅长李振海任组长: the segmenter reads 由厅 as one word; the office starts after 由
    whole = ws.in_bounds(me.start) or f.sentence.norm[me.start - 1:me.start] in who.BEFORE_OFFICE
    drop = "" if whole else "boundary"
    prompt, why = b.prompt_for(f, me.start, f.end, BLANK)
    expl = f"{me.name}：{me.role}{where_of(f)}。"
    weight = S.importance(f) + b.headline(f)
    if len(wrong) >= 3:
        choices = shuffled([me.text, *wrong], seed)
        b.emit(f, base, QT.CHOICE, prompt, (me.text,), choices, score=weight + 0.1, explanation=expl,
               shows=(me.text, me.name), drop=drop or why, extra_tags=("role",),
               narrow=b.narrow_forms(f, me.start, f.end), common=me.name in b.recurring)
    else:   # too few people for options: the learner types who it was (the name alone will do)
        b.emit(f, base, QT.FILL, prompt, (me.text, me.name), score=weight + 0.05, explanation=expl,
               shows=(me.text, me.name), drop=drop or why, extra_tags=("role",),
               narrow=b.narrow_forms(f, me.start, f.end), common=me.name in b.recurring)


def people_group(b: Builder, run: list) -> None:
    """One multiple choice for people named side by side for one act (____先后发言): the
    learner picks every office-and-name of the blank; it asks each of them at once."""
    f0, first = run[0]
    last_fact = run[-1][0]
    members = [n for _, n in run]
    norm = f0.sentence.norm
    if not all(who.reads_as_name(m.text) for m in members) or \
            not who.has_clause(norm, first.start, last_fact.end) and not _attend(norm, len(members), last_fact.end):
        return   # (…，市政府秘书长王品木；: a list of those present with nothing said of them)
    b.penalty = b.base_penalty = 0.0
    base = fact_id("who", "、".join(m.text for m in members), f0.sentence.norm)
    seed = seed_of(base)
    wrong = who.group_options(members, b.named, seed, f0.sentence.text)
    if len(wrong) < 2:
        return
    ws = words(f0.sentence.text)
    drop = "" if ws.in_bounds(first.start) else "boundary"
    prompt, why = b.prompt_for(f0, first.start, last_fact.end, BLANK)
    lead = "横线处是原文中的哪几位？（多选）"
    choices = shuffled([m.text for m in members] + wrong, seed)
    answers = [c for c in choices if c in {m.text for m in members}]
    expl = "；".join(f"{m.name}：{m.role}" for m in members) + f"{where_of(f0)}。"
    b.emit(f0, base, QT.MULTI, lead + prompt, answers, choices, score=S.importance(f0) + 0.12,
               explanation=expl, shows=tuple(m.text for m in members) + tuple(m.name for m in members),
               drop=drop or why, kind="person", extra_tags=("role",), fact=("person", first.name),
               also=tuple(("person", m.name) for m in members[1:]),
               narrow=b.narrow_forms(f0, first.start, last_fact.end, lead))


_ATTEND = ("参加", "出席", "参观", "观看", "陪同", "见证")


def _attend(norm: str, n: int, end: int) -> bool:
    """Three people or more listed as who attended (…主任王永刚，副主任高赞娃，…副主席张具虎，各部门负责人
    共120余人参加揭牌仪式): the sentence goes on to the act, so the list is its subject."""
    stop = norm.find("。", end)
    rest = norm[end:stop if stop >= 0 else len(norm)]
    return n >= 3 and any(w in rest for w in _ATTEND)
