"""Every question the facts allow (over-generation), each with its score and,
when it can never be kept, the reason why.

A fact gives one main question (a choice when three distractors of the same
kind exist, else a fill cloze) and a true/false alternative that changes one
value of the same kind; a list gives a multi (wrong items of its category), an
order question (only for fixed formulas: parallel phrases such as 学史明理、
学史增信…) or a fill on one item. Selection (select.py) then keeps the best.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from quiz.core.generate import distractors, who
from quiz.core.generate import prompt as P
from quiz.core.generate import score as S
from quiz.core.generate.chars import shows_in
from quiz.core.generate.context import Context, refer, short_form, short_in_title
from quiz.core.generate.extract_basic import is_session
from quiz.core.generate.facts import Fact
from quiz.core.generate.ids import fact_id, seed_of
from quiz.core.generate.main_person import MAIN_AT, main_person
from quiz.core.generate.segment import VERBISH, Words, words
from quiz.core.model import Question
from quiz.core.qtype import FALSE, TRUE
from quiz.core.qtype import QuestionType as QT

BLANK = P.BLANK
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j"})
_PLACE_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}?(?:(?:维吾尔|壮族|回族)?自治区|省|自治州|市|州|盟|地区|县|旗))+")


@dataclass(frozen=True, slots=True)
class Candidate:
    question: Question          # its id is the base id (made unique at the end)
    kind: str
    sentence: int               # index of the source sentence
    start: int                  # where the fact starts in it (reading order)
    fact: tuple                 # one question per fact
    score: float
    shows: tuple[str, ...]      # the answers the learner must find (never shown by another prompt)
    drop: str = ""              # why it can never be selected ('' when it can)
    narrow: tuple[str, ...] = ()   # shorter prompts (the blank's own clause…), tried when the prompt shows another answer
    common: bool = False        # its answer recurs in other sentences: other prompts may print it
    also: tuple = ()            # more facts it asks (a group of people: each of them)
    main: bool = False          # asks who the report's one person is: other prompts may print the name


@dataclass
class Builder:
    facts: list[Fact]
    ctx: Context
    out: list[Candidate] = field(default_factory=list)
    prompts: set[str] = field(default_factory=set)
    penalty: float = 0.0        # of the last prompt made: 今年 with no year known
    base_penalty: float = 0.0   # of the fact: a name the segmenter misreads here

    def __post_init__(self) -> None:
        self.pools = distractors.Pools(self.facts)
        self.named, self.names = who.people(self.facts)
        self.recurring = _recurring(self.facts)
        self.main = main_person(self.facts, self.ctx.texts)
        # names the title holds, but for one that only stands inside a longer one (百姓宣讲 of 百姓宣讲团)
        held = {f.text for f in self.facts if f.kind in _HEADLINE_KINDS and len(f.norm_text) >= 2
                and f.text in self.ctx.title and S.importance(f) >= 0.6}
        self.headlines = {t for t in held if not any(t != u and t in u for u in held)}
        self.roles: dict[str, str] = {}
        for f in self.facts:
            if f.kind == "role" and f.person not in self.roles:
                self.roles[f.person] = f.role

    # ------------------------------------------------------------------ helpers
    def prompt_for(self, f: Fact, a: int, b: int, fill: str, target: int = P.TARGET,
                   framed: bool | str = True, rightwards: bool = True, lead_in: bool = False) -> tuple[str, str]:
        """(prompt, drop reason) for the clause around norm[a:b] with `fill` in place."""
        s = f.sentence
        lo, hi, frame = P.window(s.norm, a, b, target, framed, rightwards, lead_in)
        text = P.render(s.text, s.norm, a, b, fill, lo, hi, frame)
        told, extra = refer(text, s.index, self.ctx, f.text)
        self.penalty = self.base_penalty + extra
        if told is None:
            return text, "context"
        return told, ""

    def refer(self, text: str, f: Fact) -> str | None:
        """The prompt with the referents it needs written in (None when the article lacks one)."""
        told, _ = refer(text, f.sentence.index, self.ctx, f.text)
        return told

    def narrow_forms(self, f: Fact, a: int, b: int, prefix: str = "") -> tuple[str, ...]:
        """Shorter prompts, best first: the blank's clause with the frame, without it, and
        grown a little (a form that leaves under four characters to go on is not offered)."""
        keep = self.penalty
        out = []
        # what comes before the blank first (仪式…，____出席会议 without the next clause's person),
        # then the blank's own clause with its frame, without it, grown a little
        # a clause without a subject of its own shows the sentence's (张秀菊老人……____正式入党) when
        # the first clause would print another answer (张秀菊老人今年已经95岁高龄)
        for target, framed, right, lead in ((P.TARGET, True, False, False), (0, True, True, False),
                                            (0, "subject", True, False), (0, True, True, True),
                                            (0, False, True, False), (P.NARROW, "subject", True, False),
                                            (P.NARROW, False, True, False)):
            text, why = self.prompt_for(f, a, b, BLANK, target, framed, right, lead)
            if not why and not P.thin(text) and prefix + text not in out:
                out.append(prefix + text)
        self.penalty = keep
        return tuple(out)

    def emit(self, f: Fact, base: str, qtype: QT, prompt: str, answers, choices=(), *, score: float,
              explanation: str, shows=(), drop: str = "", extra_tags=(), kind: str | None = None,
              fact: tuple | None = None, narrow: tuple[str, ...] = (), also: tuple = (),
              common: bool | None = None) -> None:
        if drop == "context" and narrow and qtype is not QT.TRUEFALSE:
            prompt, narrow, drop = narrow[0], narrow[1:], ""   # the clause alone needs no earlier sentence
        if qtype is not QT.TRUEFALSE and _prints(prompt, shows):
            # the sentence names the answer twice (开展“我为群众办实事”…“我为群众办实事”暨…): a form
            # without the other occurrence, or no question
            forms = [n for n in narrow if not _prints(n, shows)]
            if not forms:
                return
            prompt, narrow = forms[0], tuple(forms[1:])
        if prompt in self.prompts:
            return   # the same statement from two facts of one clause: asked once
        self.prompts.add(prompt)
        kind = kind or f.kind
        tags = (kind, *extra_tags) + ((f.sentence.heading,) if f.sentence.heading else ())
        q = Question(id=base, type=qtype, prompt=prompt, answers=tuple(answers), choices=tuple(choices),
                     explanation=explanation, source=f.sentence.text, tags=tuple(dict.fromkeys(tags)))
        if common is None:
            common = bool(shows) and all(a in self.recurring for a in shows)
        main = kind == "person" and f.person == self.main and qtype is not QT.TRUEFALSE
        if main:
            score = max(score, MAIN_AT + self.penalty)   # who the report is about: asked once, even when printed
        self.out.append(Candidate(q, _sort(kind, f), f.sentence.index, f.start, fact or fact_key(f),
                                  round(max(0.0, min(score - self.penalty, 1.0)), 2), tuple(shows), drop,
                                  tuple(n for n in narrow if n != prompt), common, also, main))

    # ------------------------------------------------------------------ single facts
    def single(self, f: Fact) -> None:
        self.penalty = self.base_penalty = 0.0
        tail = cut = ""
        key = fact_key(f)   # the fact as read, whatever part of it the answer takes
        if f.kind in ("date", "figure"):
            f, tail = _snapped(f)
        if f.kind == "figure" and not tail:
            whole_f, cut = f, ""
            f, cut = _trimmed(f)
        drop = self._well_formed(f)
        if f.kind == "person" and not words(f.sentence.text).whole(f.start, f.end):
            self.base_penalty = 0.1   # the segmenter misreads the name here (王明|华在): ask it where it reads it whole
        if not drop and f.kind in ("place", "org") and (f.norm_text in self.ctx.subject
                                                        or f.kind == "org" and _in_title(f.norm_text, self.ctx.title)
                                                        or f.kind == "place" and short_in_title(f.norm_text, self.ctx.title)):
            drop = "subject"   # the body or place the article is about (named in its title)
        base = fact_id(f.kind, f.norm_text, f.sentence.norm)
        seed = seed_of(base)
        if tail:   # 5月6日起, 85台次: the options carry the same ending
            bare = replace(f, text=f.text[:-len(tail)], end=f.end - len(tail))
            wrong = [w + tail for w in distractors.for_fact(bare, self.pools, seed)]
        elif cut:   # 42|名思政课教师: the number alone is asked, its classifier stays in the prompt
            wrong = [w[:-len(cut)] for w in distractors.for_fact(whole_f, self.pools, seed) if w.endswith(cut)]
        else:
            wrong = distractors.for_fact(f, self.pools, seed)
        weight = S.importance(f) + self.headline(f)
        # the feedback already shows the answer and its whole source sentence: an explanation that
        # said "机构：X。" again adds nothing; where in the article it stands does
        expl = found_at(f)
        prompt, why = self.prompt_for(f, f.start, f.end, BLANK)
        drop = drop or why
        accept = _accept(f)
        narrow = self.narrow_forms(f, f.start, f.end)
        if f.kind in ("slogan", "name") and len(f.norm_text) <= 2 or f.kind == "name" and is_session(f.norm_text):
            wrong = []   # “七一”, “走心”: two characters have no believable options of their shape
        if len(wrong) >= 3:
            choices = shuffled([f.text, *wrong[:3]], seed)
            # a choice ranks above a fill, but never lifts a minor fact over the cut
            self.emit(f, base, QT.CHOICE, prompt, (f.text,), choices,
                      score=weight + 0.05 if weight >= S.SELECT_AT else weight,
                       explanation=expl, shows=(f.text,), drop=drop, narrow=narrow, fact=key)
        elif (half := P.first_half(f)) is not None:
            # “重温百年党史，传承红色基因”: a slogan of two halves is asked by its first, the second shown
            # (fourteen characters and a comma are hard to type exactly; the half is the slogan's theme)
            b = f.start + len(half)
            prompt, why = self.prompt_for(f, f.start, b, BLANK)
            self.emit(f, base, QT.FILL, prompt, (f.text[:len(half)],), score=weight, explanation=expl,
                       shows=(f.text, f.text[:len(half)]), drop=drop or why,
                       narrow=self.narrow_forms(f, f.start, b), fact=key)
        else:   # a long answer is hard to type: a fill on it ranks lower
            long = 0.1 if len(f.norm_text) > 12 else 0.0
            self.emit(f, base, QT.FILL, prompt, (f.text, *accept), score=weight - long, explanation=expl,
                       shows=(f.text,), drop=drop, narrow=narrow, fact=key)
        if wrong:
            false = (seed >> 12) % 3 != 0   # two false statements for one true: a claim to judge
            stated = wrong[0] if false else f.text
            tf, why = self.prompt_for(f, f.start, f.end, stated)
            expl_tf = (f"错。原文是“{f.text}”，不是“{wrong[0]}”。{where_of(f)}" if false else f"对。{expl}")
            self.emit(f, base + "-tf", QT.TRUEFALSE, tf, (FALSE if false else TRUE,), score=weight - 0.2,
                       explanation=expl_tf, shows=(f.text,) if not false else (), drop=drop or why, fact=key)

    def headline(self, f: Fact) -> float:
        """A name the title holds (银杏街道“红马甲”党员志愿服务队成立: 红马甲) is what the report is
        about: it ranks above the names of its body text."""
        return 0.1 if f.text in self.headlines else 0.0

    def _well_formed(self, f: Fact) -> str:
        """'' when the answer is whole words of its sentence (and no verb for a name)."""
        ws = words(f.sentence.text)
        if f.kind == "person":
            return ""   # names found after a title word: the rule knows better than the segmenter's guess
        if not ws.whole(f.start, f.end):
            return "boundary"
        if f.kind in ("org", "place", "role"):
            first, last = _edge(ws, f.start, f.end)
            if first in VERBISH or last in VERBISH or first in ("p", "c", "u", "uj"):
                return "boundary"
            alone = words(f.text)
            if alone.tokens and (alone.tokens[0][2] in VERBISH or alone.tokens[-1][2] in VERBISH):
                return "boundary"
        if f.kind == "place" and f.norm_text.endswith("旗"):
            s, e, tag = ws.inside(f.start, f.end)[-1]
            if tag not in _NAME_TAGS and not re.search("[盟市]", f.norm_text[:-1]):
                return "boundary"   # 服务队授旗: a word that happens to end in a banner's 旗
        return ""

    def role(self, f: Fact) -> None:
        self.penalty = self.base_penalty = 0.0
        base = fact_id("role", f.norm_text, f.sentence.norm)
        seed = seed_of(base)
        drop = "" if words(f.sentence.text).whole(f.start, f.end) else "boundary"
        others = [r for p, r in self.roles.items() if p != f.person and r not in f.role and f.role not in r]
        expl = f"{f.person}：{f.role}{where_of(f)}。"
        weight = S.importance(f)
        if len(others) >= 3:
            choices = shuffled([f.role, *others[:3]], seed)
            self.emit(f, base, QT.CHOICE, f"原文中，{f.person}的身份是？", (f.role,), choices, score=weight,
                       explanation=expl, shows=(f.role,), drop=drop, fact=("person", f.person))
        elif others:
            self.emit(f, base, QT.TRUEFALSE, f"原文中，{f.person}的身份是“{others[0]}”。", (FALSE,),
                       score=weight - 0.2, explanation=f"错。{expl}", drop=drop, fact=("person", f.person))
        prompt, why = self.prompt_for(f, f.start, f.end, BLANK)
        self.emit(f, base + "-fill", QT.FILL, prompt, (f.role,), score=weight - 0.05, explanation=expl,
                   shows=(f.role,), drop=drop or why, narrow=self.narrow_forms(f, f.start, f.end), fact=("person", f.person))

    # ------------------------------------------------------------------ lists
    def listing(self, f: Fact, quoted: set[str]) -> None:
        self.penalty = self.base_penalty = 0.0
        base = fact_id("list", "、".join(f.items), f.sentence.norm)
        seed = seed_of(base)
        ws = words(f.sentence.text)
        drop = "" if ws.whole(f.start, f.end) else "boundary"
        expl = f"原文列举：{'、'.join(f.items)}{where_of(f)}。"
        kind = "slogan" if f.parallel or f.norm_text in quoted else "list"
        weight = S.importance(f) + (0.05 if kind == "slogan" and not f.parallel else 0)
        prompt, why = self.prompt_for(f, f.start, f.end, BLANK)
        drop = drop or why
        wrong = [] if f.parallel else distractors.for_items(f, self.pools, seed, 3)
        if len(wrong) >= 2:
            choices = shuffled([*f.items, *wrong], seed)
            answers = [c for c in choices if c in f.items]
            lead = "横线处原文列举了哪些？（多选）"
            self.emit(f, base, QT.MULTI, lead + prompt, answers, choices,
                       score=weight + 0.05, explanation=expl, shows=tuple(f.items), drop=drop, kind=kind,
                       extra_tags=("list",) if kind != "list" else (), narrow=self.narrow_forms(f, f.start, f.end, lead))
        if f.parallel or kind == "slogan":   # (examples before 等: no order to learn, below the cut)
            lead = "按原文顺序排列横线处的各项："
            self.emit(f, base + "-order", QT.ORDER, lead + prompt, f.items, f.items,
                       score=S.NOT_ASKED if f.sentence.norm.startswith("等", f.end) else weight + 0.05, explanation=expl, shows=tuple(f.items), drop=drop, kind=kind,
                       extra_tags=("list",), narrow=self.narrow_forms(f, f.start, f.end, lead))
        # a fill on one item: a whole word that occurs once in the sentence
        for step in range(len(f.items)):
            i = (seed + step) % len(f.items)
            item = f.items[i]
            off = f.sentence.text.find(item, f.start)   # 、 or ”“ between items: found, not counted
            if f.sentence.text.count(item) != 1 or not ws.whole(off, off + len(item)):
                continue
            p, why2 = self.prompt_for(f, off, off + len(item), BLANK)
            self.emit(f, base + "-item", QT.FILL, p, (item,), score=weight - 0.05, explanation=expl, shows=(item,),
                       drop=drop or why2, kind=kind, narrow=self.narrow_forms(f, off, off + len(item)))
            break


_PEOPLE_UNITS = frozenset("人 名 人次 位 户 余人".split())
_EVENT_UNITS = frozenset("场 场次 次 期 届 轮 批 项 件 条 类".split())
_MONEY_UNITS = frozenset("元 万元 亿元".split())


def _prints(prompt: str, shows) -> bool:
    """Does the prompt print one of its own answers (outside the blank; a number only as a whole
    number, as the leak test reads it: 12名 is not in 112名)?"""
    return any(len(a) >= 2 and shows_in(a, prompt) for a in shows)


def _sort(kind: str, f: Fact) -> str:
    """The kind a sentence's questions must differ in: figures count people, events, money or
    things; each person named is a fact of its own kind (两位领导出席: both may be asked)."""
    if kind == "person":
        return f"person:{f.norm_text}"
    if kind != "figure" or not f.figures:
        return kind
    unit = f.figures[-1].unit
    for name, units in (("people", _PEOPLE_UNITS), ("events", _EVENT_UNITS), ("money", _MONEY_UNITS)):
        if unit in units:
            return f"figure:{name}"
    return "figure"


_WORD_ENDS = frozenset("次起止前后许冬春夏秋初底末")   # 台次, 日起, 日前, 年冬: endings of the figure or date


def _snapped(f: Fact) -> tuple[Fact, str]:
    """A date or figure that ends inside a word (5月6日|起 read as 日起, 85台|次) takes the
    rest of that word when it is one or two characters: (the fact, the characters taken)."""
    ws = words(f.sentence.text)
    if ws.whole(f.start, f.end) or f.start not in ws.bounds:
        return f, ""
    end = ws.snap_end(f.end, 1)
    if end is None or end == f.end or f.sentence.norm[f.end:end] not in _WORD_ENDS:
        return f, ""   # 45所|省管高校: the word goes on into a noun; the figure is not whole
    tail = f.sentence.text[f.end:end]
    return replace(f, text=f.text + tail, end=end), tail


def _trimmed(f: Fact) -> tuple[Fact, str]:
    """A count whose classifier the segmenter glues to the noun after it (42名思政课教师 read as
    42|名思政课, 64个嘎查 as 64|个嘎查): the number alone, when it is a word of its own, and the
    classifier left out of the answer ('' when the figure is whole or is no such count)."""
    ws = words(f.sentence.text)
    figs = f.figures
    if ws.whole(f.start, f.end) or len(figs) != 1:
        return f, ""
    fig = figs[0]
    unit = f.norm_text[len(fig.digits):]
    if fig.mag or fig.approx or fig.vague or fig.chinese or unit not in _GLUED or not ws.whole(f.start, f.end - 1):
        return f, ""
    return replace(f, text=f.text[:-1], end=f.end - 1), f.text[-1:]


_GLUED = frozenset("个名位所座支家户")   # classifiers the segmenter may read with the next noun (个村, 名思政课)
_HEADLINE_KINDS = ("slogan", "name", "org", "person")
_RECURRING_MOST = 300   # names looked up (each a search of the text)


def _recurring(facts: list[Fact]) -> set[str]:
    """The names and slogans the body prints more than once (百姓宣讲团 in four sentences, 百姓宣讲
    inside it): the learner meets them everywhere, so other prompts may print them."""
    body = "\n".join(dict.fromkeys(f.sentence.text for f in facts))
    names = list(dict.fromkeys(f.text for f in facts if f.kind in _HEADLINE_KINDS and not f.items
                               and len(f.text) >= 2))[:_RECURRING_MOST]
    out = set()
    for name in names:
        i = body.find(name)
        if i >= 0 and body.find(name, i + len(name)) >= 0:
            out.add(name)
    return out


def _in_title(org: str, title: str) -> bool:
    """Does the title name this body, whole or without the places before it (四川省巴中市通河县
    融媒体中心 of 通河县融媒体中心推出…), or by the generic short form the report calls it by
    (供电公司 of 某某供电公司)?"""
    return any(org[k:] in title for k in range(len(org) - 4) if k == 0 or org[k - 1] in "省市县区州旗盟") \
        or len(org) >= 4 and short_form("某" + org) == org and org in title[1:]


def fact_key(f: Fact) -> tuple:
    if f.kind in ("figure", "date", "list") or f.items:
        return (f.kind, f.norm_text, f.sentence.index)
    return (f.kind, f.norm_text)


def _edge(ws: Words, a: int, b: int) -> tuple[str, str]:
    inner = ws.inside(a, b)
    return (inner[0][2], inner[-1][2]) if inner else ("", "")


def _accept(f: Fact) -> tuple[str, ...]:
    """Forms a learner may fairly type for a name: the unit without its administrative prefix
    (普松村 for 尼木县普松村, 民政局 is too generic: the prefix is kept when the rest is short)."""
    if f.kind not in ("place", "org"):
        return ()
    m = _PLACE_PREFIX.match(f.text)
    if not m or m.end() >= len(f.text):
        return ()
    rest = f.text[m.end():]
    if rest[:1] in ("委", "政"):   # 云川省委教育工委: the province's 委 (省委…), not 委教育工委
        rest = f.text[m.end() - 1:]
    if len(rest) < 3 or (f.kind == "org" and len(rest) < 4):
        return ()
    ws = words(rest)
    if not ws.tokens or ws.tokens[0][2] in VERBISH or ws.tokens[-1][2] in VERBISH:
        return ()
    return (rest,)


def shuffled(items: list[str], seed: int) -> list[str]:
    return sorted(items, key=lambda x: seed_of(str(seed), x))


def found_at(f: Fact) -> str:
    """Where in the article the fact stands: its section and its paragraph of the body."""
    h = f.sentence.heading
    n = f.sentence.paragraph + 1
    return f"出自「{h}」部分，正文第{n}段。" if h else f"出自正文第{n}段。"


def where_of(f: Fact) -> str:
    h = f.sentence.heading
    return f"（见「{h}」部分）" if h else ""

