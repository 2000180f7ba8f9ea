"""Believable wrong options: same kind, unit and surface form; never true in the article."""
from __future__ import annotations

import re
from collections import defaultdict

from quiz.core.generate import categories, dates, kinds, numbers
from quiz.core.generate.categories import category_of
from quiz.core.generate.facts import Fact
from quiz.core.generate.ids import seed_of
from quiz.core.generate.score import STOCK
from quiz.core.generate.segment import VERBISH, words
from quiz.core.generate.text import in_width_of

_PLACE_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{2,5}?(?:自治区|省|市|州|县))+|^(?:自治区|区|市|县)")


class Pools:
    """Everything true in the article that distractors must avoid, and the
    same-kind values they are drawn from. Built once; lookups are bounded."""

    def __init__(self, facts: list[Fact]):
        self.figure_values: dict[str, set[float]] = defaultdict(set)
        self.date_keys: set[tuple] = set()
        self.by_kind: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.list_items: dict[tuple, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.surface: dict[str, str] = {}   # normalized text -> as first written (digit width)
        self.books: set[str] = set()         # names written in 《》 (works, documents): offered only each other
        self.roles: dict[str, str] = {}      # quoted slogan -> what it names by its slot (story, honour…)
        seen: set[tuple] = set()
        seen_items: set[tuple] = set()
        # a quoted slogan that is itself a list (“甲、乙、丙”) is asked item by item: never as one option
        listed = {f.norm_text for f in facts if f.items}
        for f in facts:
            if f.kind == "slogan" and not f.items and (f.norm_text in listed or f.norm_text in STOCK):
                continue   # (a figure of speech is no believable name of an activity either)
            if f.kind == "figure":
                for fig in f.figures:
                    self.figure_values[fig.unit].add(fig.value)
            elif f.kind == "date":
                self.date_keys.add(f.date.key())
            elif f.items:
                if f.parallel:
                    continue   # slogans: never options of a list of things
                cls, tail, cat = list_kind(f)
                for key in ((cls, tail),) if cls == "phrase" else ((cls, cat),):
                    if key[1] is None or (cls == "phrase" and tail not in _NAMING):
                        continue
                    for it in f.items:
                        if (key, it) not in seen_items and len(self.list_items[key][len(it)]) < 200:
                            seen_items.add((key, it))
                            self.list_items[key][len(it)].append(it)
            else:
                k = (f.kind, f.norm_text)
                if f.kind in ("org", "place") and not _whole_name(f):
                    continue   # 列入省委, 谋划省教育厅: a cut name is never offered as an option
                if f.kind == "name" and f.sentence.norm[f.start - 1:f.start] == "《":
                    self.books.add(f.norm_text)
                if f.kind == "slogan":
                    self.roles.setdefault(f.norm_text, slot_role(f))
                if k not in seen:
                    seen.add(k)
                    self.surface.setdefault(f.norm_text, f.text)
                    self.by_kind[f.kind][len(f.norm_text)].append(f.norm_text)

    def nearby(self, kind, answer: str, seed: int, ok, count: int = 3, cap: int = 60, spread: int = 12) -> list[str]:
        """Same-kind values of similar length, chosen deterministically."""
        buckets = self.list_items.get(kind, {}) if isinstance(kind, tuple) else self.by_kind.get(kind, {})
        if not buckets:
            return []
        n = len(answer)
        ranked = []
        looked = 0
        for d in range(0, spread):
            for L in {n - d, n + d}:
                for c in buckets.get(L, ()):
                    looked += 1
                    if c != answer and ok(c):
                        ranked.append((d, seed_of(str(seed), c), c))
                    if looked > cap:
                        break
            if len(ranked) >= count * 3 or looked > cap:
                break
        ranked.sort()
        return [c for _, _, c in ranked[:count]]


def _whole_name(f: Fact) -> bool:
    ws = words(f.sentence.text)
    if not ws.whole(f.start, f.end):
        return False
    inner = ws.inside(f.start, f.end)
    return bool(inner) and inner[0][2] not in VERBISH and inner[-1][2] not in VERBISH


def _org_core(s: str) -> str:
    return _PLACE_PREFIX.sub("", s) or s


def for_fact(f: Fact, pools: Pools, seed: int, count: int = 3) -> list[str]:
    """Up to `count` distractors for a single-answer fact (may be fewer), written with
    the answer's digit width (２０２１年 -> ２０２０年, １．５万 -> ２．０万)."""
    return [in_width_of(o, f.text) for o in _for_fact(f, pools, seed, count)]


def _for_fact(f: Fact, pools: Pools, seed: int, count: int) -> list[str]:
    """The distractors in the normalized (ASCII-digit) view; taken from other facts,
    they keep their own width unless the answer has digits."""
    norm = f.sentence.norm
    answer = f.norm_text
    if f.kind == "figure":
        figs = f.figures
        base_len = sum(len(x.text()) for x in figs)
        suffix = answer[base_len:]
        per = []
        below = _total_above(f) if len(figs) == 1 else None
        for fig in figs:
            per.append(numbers.perturb(fig, seed, {fig.text()}, pools.figure_values[fig.unit], count, below))
        k = min(len(p) for p in per)
        outs = []
        for j in range(k):
            text = "".join(p[j] for p in per) + suffix
            if text != answer and text not in outs and text not in norm:
                outs.append(text)
        return outs[:count]
    if f.kind == "date":
        outs = dates.shifts(f.date, seed, pools.date_keys, {answer}, count + 2)
        return [o for o in outs if o not in norm][:count]

    glued = norm[f.end:f.end + 1] == answer[-1:]   # 护边队队长: the option must be a 队 too

    def ok(c: str) -> bool:
        if c in norm or c in answer or answer in c:
            return False
        if f.kind == "org" and _org_core(c) == _org_core(answer):
            return False
        if not kinds.fits(f.kind, answer, c, glued):
            return False
        if f.kind in ("slogan", "name") and any((m in c) != (m in answer) for m in "、，· —"):
            return False   # one shape: a pair of phrases is offered pairs, a banner with a comma banners
        if f.kind == "name" and (c in pools.books) != (answer in pools.books):
            return False   # 《论中国共产党历史》 is offered works, not a team's quoted name
        if f.kind == "slogan" and pools.roles.get(c, "thing") != slot_role(f):
            return False   # 讲述“____”的故事 is offered stories, not the names of activities
        return True

    outs = pools.nearby(f.kind, answer, seed, ok, count)
    if any(c.isdigit() for c in answer):
        return outs
    return [in_width_of(c, pools.surface.get(c, c)) for c in outs]


_MEDIA = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:公众号|客户端|平台|网站|APP|App|app|视频号|抖音号|微博|小程序|专栏|栏目|频道)")
_STORY = re.compile(r"的?(?:故事|事迹|传说)")
_HONOUR_AFTER = re.compile(r"(?:称号|荣誉|光荣称号|奖|标兵)")
_HONOUR_BEFORE = re.compile(r"(?:评选出?|评为|授予|荣获|获评|被评为|表彰为)$")
_PEOPLE_ENDS = ("干部", "队员", "村官", "党员", "代表", "群众", "志愿者", "教师", "学生", "书记", "老兵", "讲解员", "宣讲员")


def slot_role(f: Fact) -> str:
    """What a quoted slogan names, read from its slot: a medium (“柳川发布”微信公众号), a story
    (讲“彝海结盟”的故事), an honour (评选出“党史学习之星”), one of a list of people (乌兰牧骑队员、
    “老支书”、驻村干部), else a thing done or set up (an activity, a campaign, a team)."""
    norm = f.sentence.norm
    after = f.end + 1 if norm[f.end:f.end + 1] in "”’\"'" else f.end
    before = f.start - 1 if f.start and norm[f.start - 1] in "“‘\"'" else f.start
    if _MEDIA.match(norm, after):
        return "media"
    if _STORY.match(norm, after):
        return "story"
    if _HONOUR_AFTER.match(norm, after) or _HONOUR_BEFORE.search(norm, max(0, before - 6), before):
        return "honour"
    nxt = norm[after + 1:after + 8].split("、")[0] if norm[after:after + 1] == "、" else ""
    prev = norm[max(0, before - 8):before - 1].split("、")[-1] if norm[before - 1:before] == "、" else ""
    if (nxt or prev) and any(x.endswith(_PEOPLE_ENDS) for x in (nxt, prev) if x):
        return "people"
    return "thing"


_TOTAL_BEFORE = ("共", "总", "全", "累计", "合计", "总计", "达")


def _total_above(f: Fact) -> float | None:
    """A total stated earlier in the sentence for the same unit (共5个…其中3个, 12项中…10项): a
    part's options stay below it."""
    norm = f.sentence.norm
    fig = f.figures[0]
    for m in numbers.FIGURE_RE.finditer(norm, 0, f.start):
        other = numbers.parse_match(m)
        if other is None or other.unit != fig.unit or not other.value > fig.value:
            continue
        before = norm[max(0, m.start() - 2):m.start()]
        if any(before.endswith(w) for w in _TOTAL_BEFORE) or "其中" in norm[m.end():f.start] \
                or norm[m.end():m.end() + 1] == "中":   # 12项中已完成10项: the 12 is the whole
            return other.value
    return None


# words after 等 that name what a list of phrases enumerates (方面, 工作 name nothing)
_NAMING = frozenset("形式 方式 活动 渠道 平台 措施 举措 项目 课程 服务 产业 作物 设施 技术 载体 主题".split())


def list_kind(f: Fact) -> tuple[str, str, str | None]:
    """(shape, the word after the list, category): shape 'short' (nouns of 2-3 characters) or 'phrase'."""
    norm = f.sentence.norm
    tail = ""
    if norm[f.end:f.end + 1] == "等":
        tail = "".join(c for c in norm[f.end + 1:f.end + 3] if "\u4e00" <= c <= "\u9fff")
    avg = sum(len(x) for x in f.items) / max(len(f.items), 1)
    return ("short" if avg <= 3.5 else "phrase"), tail, category_of(f.items, tail)


def for_items(f: Fact, pools: Pools, seed: int, count: int = 3) -> list[str]:
    """Wrong items of the same kind: the category's pool (and other lists of that category), or
    for phrases the article's other lists named by the same word after 等 (…等形式). None when
    no believable ones exist: the caller then asks an order or fill question."""
    norm = f.sentence.norm
    items = set(f.items)
    n = round(sum(len(x) for x in f.items) / max(len(f.items), 1))

    def ok(c: str) -> bool:
        return c not in items and c not in norm and not any(c in x or x in c for x in items)

    cls, tail, cat = list_kind(f)
    out: list[str] = []
    if cat:
        ranked = sorted((abs(len(c) - n), seed_of(str(seed), c), c) for c in categories.pool(cat)
                        if ok(c) and abs(len(c) - n) <= 2)
        out = [c for _, _, c in ranked[:count]]
        more = pools.nearby((cls, cat), "x" * n, seed, lambda c: ok(c) and c not in out, count, spread=3)
        out = (more[:1] + out)[:count] if more else out
    elif cls == "phrase" and tail in _NAMING:
        out = pools.nearby((cls, tail), "x" * n, seed, ok, count, spread=3)
    return out[:count]
