"""What a lifted clause needs from the rest of the article.

A sentence lifted alone may lean on what came before: 他 (who?), 该局 (which
bureau?), 今年 (which year?). The referent is written in brackets after the
word when the article gives it (他（石角）, 今年（2021年）); otherwise the
question is not selected. The article's own subject (the region or city the
whole report is about, named in its title) is never asked: every sentence is
about it, so the blank gives nothing to learn.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from quiz.core.generate.extract_names import find_places
from quiz.core.generate.segment import words

_YEAR = re.compile(r"((?:19|20)\d{2})年")
_REL_YEAR = re.compile(r"今年|去年|明年|当年")
_PRONOUN = re.compile(r"(?<![\u4e00-\u9fff])(他们|她们|他|她)(?![们人])|(该|这支|这个|此)(队伍|街道|社区|局|厅|委|部|队|团|馆|院|校|所|中心|县|市|区|镇|乡|村|公司|单位|活动)")
_THIS_YEAR = re.compile(r"今年以来[，,]?|今年的?[，,]?")
_REL_DAY = re.compile(r"当天|当日|同日|次日")
_DAY = re.compile(r"\d{1,2}月\d{1,2}[日号]")
_SUFFIX_OF: dict[str, str | tuple[str, ...]] = {"局": "局", "厅": "厅", "委": "委", "部": "部", "队": ("队", "队伍"), "队伍": ("队", "队伍"), "团": "团", "馆": "馆", "院": "院",
              "校": ("校", "中学", "小学", "大学", "学院"), "所": "所", "街道": "街道", "社区": "社区", "中心": "中心", "县": "县", "市": "市", "区": "区", "镇": "镇", "乡": "乡",
              "村": "村"}


@dataclass
class Context:
    year: int | None = None
    subject: set[str] = field(default_factory=set)
    title: str = ""
    people: dict[int, list[tuple[int, str]]] = field(default_factory=dict)   # sentence -> (where, name) named in it
    texts: list[str] = field(default_factory=list)            # the sentences' text, to find a pronoun in
    names: list[tuple[int, str, str]] = field(default_factory=list)   # (sentence, kind, name) of orgs/places
    days: list[tuple[int, str]] = field(default_factory=list)          # (sentence, 4月9日) of dated events


def article_year(title: str, date: str | None, text_years: list[str]) -> int | None:
    for s in (date or "", title):
        m = re.search(r"(?:19|20)\d{2}", s)
        if m:
            return int(m.group())
    return int(text_years[0]) if text_years else None


_UNIT = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:(?:维吾尔|壮族|回族)?自治区|自治州|自治县|省|市|州|盟|县|区|旗)")


def subject_names(title: str) -> set[str]:
    """Places named in the title, whole and unit by unit, with their short forms
    (崇左市大新县: 崇左市, 大新县, 大新; 西藏自治区: 西藏)."""
    out = set()
    for a, b in find_places(title):
        chain = title[a:b]
        out.add(chain)
        for m in _UNIT.finditer(chain):
            unit = m.group()
            out.add(unit)
            short = re.sub(r"(?:维吾尔|壮族|回族)?自治区$|自治州$|自治县$|省$|市$|州$|盟$|县$|区$|旗$", "", unit)
            if len(short) >= 2:
                out.add(short)
    return out


def main_place(facts, texts: list[str]) -> set[str]:
    """The place the body names most when no title names one: in a quarter or more of the
    sentences and at least three of them (two of a short article of eight or fewer, one of them
    its first sentence). Every sentence that prints the name counts, not only where it was read
    as a place."""
    names = list(dict.fromkeys(f.text for f in facts if f.kind == "place" and len(f.text) >= 2))[:50]
    if not names:
        return set()
    where = {n: sum(1 for t in texts if n in t) for n in names}
    name = max(names, key=lambda n: (where[n], len(n), n))
    count = where[name]
    short = len(texts) <= 8 and count >= 2 and texts and name in texts[0]
    if (count >= 3 and count * 4 >= len(texts)) or short:
        return subject_names(name)
    return set()


_BODY_END = re.compile(r"(支队|大队|中队|局|厅|委|院|校|中学|小学|大学|馆|中心|公司|所|站)$")


def main_body(facts, texts: list[str]) -> set[str]:
    """The body an untitled report is about: one its first paragraph names that the report then
    names again, in full or as 该局, 该支队 (华池县教育局组织开展了… 华池县教育局党组…). Never
    asked: every sentence is about it."""
    out: set[str] = set()
    for f in facts:
        if f.sentence.paragraph > 0 or f.sentence.index >= 8:
            break
        if f.kind != "org" or len(f.text) < 4:
            continue   # (a body of four, 地控学院, is the subject only as the first sentence's holder)
        rest = "\n".join(texts[f.sentence.index + 1:60])
        m = _BODY_END.search(f.text)
        again = rest.count(f.text)
        referred = rest.count("该" + m.group()) if m else 0
        # the report names it again by its generic short form (某某供电公司: 公司, 供电公司; 某某学院: 学院)
        short = short_form(f.text)
        named_short = rest.count(short) - again if short else 0
        if len(f.text) >= 5 and again + referred + named_short >= 2 or _holds(f, texts):
            out.add(f.text)
            if len(short) >= 4:
                out.add(short)   # 供电公司 of 乐亭供电公司 is the same body
    return out


_SHORT = re.compile(r"(?:供电|电力|烟草|邮政)?(?:分公司|公司)$|(?:人民)?医院$|学院$|大学$|中学$|小学$|"
                    r"(?:党工委|党委|工会|总工会)$")
# a first sentence that opens on the body and says it held the event (某某医院党史学习教育读书会
#开班式在…举行, 某某学院召开…动员会): the report is about that body
_HELD = re.compile(r"举行|召开|举办|开班|启动|开展|组织")
_LEAD_TIME = re.compile(r"^(?:[^，。]{0,12}(?:日|近日|近期|日前|近期以来|连日来|上午|下午|晚)[，,]?)?")


def short_form(name: str) -> str:
    """The generic short form a report calls a body by once it is named (供电公司, 学院, 医院)."""
    m = _SHORT.search(name)
    return m.group() if m and len(m.group()) < len(name) else ""


def _holds(f, texts: list[str]) -> bool:
    """Is the body the first sentence's subject, holding its event (某某学院召开动员会)?"""
    if f.sentence.index != 0 or len(texts) < 3:
        return False   # (a line or two is a notice, not a report about the body)
    lead = _LEAD_TIME.match(f.sentence.text)
    return lead is not None and f.start == lead.end() and bool(_HELD.search(f.sentence.text, f.end))


def refer(prompt: str, sentence: int, ctx: Context, answer: str = "") -> tuple[str | None, float]:
    """(the prompt with the referents it needs written in, a score penalty); None when a
    person, body, year or day it points back to is missing. 今年 of an article that names no
    year is left out (the clause is true without it)."""
    out = prompt
    penalty = 0.0
    m = _REL_YEAR.search(out)
    if m and not _YEAR.search(out):
        if ctx.year is None:
            if m.group() != "今年":
                return None, 0.0   # 去年 of which year? the article does not say
            # 今年 of an article that names no year: the clause is true without it
            out = _THIS_YEAR.sub("", out).lstrip("，,")
            if out.startswith(("是", "为")):
                return None, 0.0   # 今年是…62周年: without the year the clause says nothing
            if _REL_YEAR.search(out):
                return None, 0.0
        else:
            delta = {"今年": 0, "当年": 0, "去年": -1, "明年": 1}[m.group()]
            out = out[:m.end()] + f"（{ctx.year + delta}年）" + out[m.end():]
    m = _REL_DAY.search(out)
    if m and not _DAY.search(out):
        day = _last_day(sentence, ctx)
        if day is None or m.group() == "次日":
            return None, 0.0
        out = out[:m.end()] + f"（{day}）" + out[m.end():]
    m = _PRONOUN.search(out)
    if m:
        if m.group(1):
            if m.group(1).endswith("们"):
                return None, 0.0
            who = _last_person(sentence, m.group(1), ctx)
            if who is None:
                return None, 0.0
            if who == answer or who in out:
                return out, penalty   # the referent is the blank itself, or already in sight
            return out[:m.start()] + who + out[m.end():], penalty   # 她结合… -> 周美玲结合…: said outright
        name = _last_named(sentence, m.group(3), ctx, m.group())
        if name is None or name == answer:
            return None, 0.0
        return out[:m.start()] + name + out[m.end():], penalty   # 该县 -> 萨嘎县: said outright
    return out, penalty


def _last_day(sentence: int, ctx: Context) -> str | None:
    for k, day in reversed(ctx.days[-10:]):
        if k <= sentence:
            return day
    return None


def _last_person(sentence: int, pronoun: str, ctx: Context) -> str | None:
    """The person 他 or 她 stands for: the last one named before it in its sentence, else the
    last one named in the three sentences before (a name named again bare counts: 周美玲作了…)."""
    text = ctx.texts[sentence] if sentence < len(ctx.texts) else ""
    at = text.find(pronoun)
    before = [name for where, name in ctx.people.get(sentence, ()) if at < 0 or where < at]
    if before:
        return before[-1]
    for k in range(sentence - 1, max(-1, sentence - 4), -1):
        if ctx.people.get(k):
            return ctx.people[k][-1][1]
    return None


def mentions(texts: list[str], names: list[str]) -> dict[int, list[tuple[int, str]]]:
    """Where each sentence names one of the article's people (one pass per sentence)."""
    names = sorted({n for n in names if len(n) >= 2}, key=len, reverse=True)[:200]
    if not names:
        return {}
    pattern = re.compile("|".join(map(re.escape, names)))
    out: dict[int, list[tuple[int, str]]] = {}
    for i, t in enumerate(texts):
        found = [(m.start(), m.group()) for m in pattern.finditer(t)]
        if found:
            out[i] = found
    return out


def _last_named(sentence: int, suffix: str, ctx: Context, word: str = "") -> str | None:
    """The last body or place with this ending named in the three sentences before (该校: a
    school, 中学 or 小学 too), else the one the title names (该社区 of 南湖社区：…); for 这支队伍 /
    该队, the last team the sentence before names (组建了一支由…组成的技术服务队。这支队伍…)."""
    ends = _SUFFIX_OF.get(suffix)
    if ends is None:
        return None
    text = ctx.texts[sentence] if sentence < len(ctx.texts) else ""
    at = text.find(word) if word else -1
    k0 = bisect.bisect_left(ctx.names, (sentence,))
    k1 = bisect.bisect_left(ctx.names, (sentence + 1,))
    # 建湖县举行…，标志着该县…: a name before the word in its own sentence, then the sentences before
    here = [name for _k, _kind, name in ctx.names[k0:k1] if name.endswith(ends) and 0 <= text.find(name) < at]
    if here:
        return here[-1]
    for k, _kind, name in reversed(ctx.names[max(0, k0 - 30):k0]):
        if sentence - k <= 3:
            if name.endswith(ends):
                return name
            place = _place_of(name, suffix)
            if place:
                return place
    if suffix not in _TITLE_UNITS:
        # further back, the one body of its kind the article has named so far (该馆 of 青峰岭革命纪念馆
        # six sentences on); two of them leave it open
        bodies = {name for _k, kind, name in ctx.names[:k0] if kind == "org" and name.endswith(ends)}
        if len(bodies) == 1:
            return bodies.pop()
    if suffix in _TITLE_UNITS:
        # further back, the one town (county, village…) the article has named so far is the one
        # meant (宝塔镇党委 in the lead, 该镇 five sentences on); two of them leave it open
        # (a unit inside a longer name counts too: 白沙镇芦溪村 names a second town)
        named = {name[:m.end()] for _k, _kind, name in ctx.names[:k0]
                 for m in re.finditer(suffix, name) if m.start() >= 2}
        if len(named) == 1:
            return named.pop()
    if suffix in ("队", "队伍"):
        for k in range(sentence - 1, max(-1, sentence - 3), -1):
            team = last_team(ctx.texts[k]) if k < len(ctx.texts) else None
            if team:
                return team
        return None
    if suffix in _TITLE_UNITS:   # 南湖社区：…, never 第一书记变身村|支书 (a cut word)
        ws = words(ctx.title)
        for m in re.finditer(rf"[\u4e00-\u9fff]{{2,4}}{suffix}", ctx.title):
            for a in range(m.start(), m.end() - len(suffix) - 1):
                if ws.whole(a, m.end()):
                    return ctx.title[a:m.end()]
    return None


_TITLE_UNITS = ("社区", "街道", "村", "镇", "乡", "县", "市", "区")
# what follows a place's name in the name of its party or government body (宝塔镇党委, 东坪村党支部)
_BODY_OF_PLACE = ("党委", "党工委", "党支部", "党总支", "党组", "人民政府", "政府", "纪委", "团委", "妇联")


def _place_of(name: str, suffix: str) -> str | None:
    """The place a body of the place is named after (建湖县宝塔镇党委 -> 建湖县宝塔镇), for 该镇,
    该村…: the unit must end the place and a party or government body follow it."""
    if suffix not in _TITLE_UNITS:
        return None
    i = name.rfind(suffix)
    j = i + len(suffix)
    if i >= 2 and name.startswith(_BODY_OF_PLACE, j) and name[j:] in _BODY_OF_PLACE:
        return name[:j]
    return None
_TEAM = re.compile(r"(?:“[^“”]{2,12}”)?[\u4e00-\u9fff]{0,8}?(?:队伍|队)(?![长员伍列])")
_TEAM_STOP = "的了支个由和成建在是为把对从与及"


def last_team(text: str) -> str | None:
    """The last team a sentence names: 技术服务队, 护边员队伍, “红色保洁队”, “红色电管家”党员服务队."""
    found = None
    for m in _TEAM.finditer(text):
        span = m.group()
        quoted = span.startswith("“")
        body = span[span.index("”") + 1:] if quoted else span
        cut = max(body.rfind(c) for c in _TEAM_STOP)
        if cut >= 0:
            quoted, body = False, body[cut + 1:]
        name = (span[:span.index("”") + 1] if quoted else "") + body
        if len(name.strip("“”")) >= 3 and name not in ("队伍", "支队伍"):
            found = name
    return found


_UNIT_END = re.compile(r"(?:市|县|区|省|州|旗|盟)$")


def short_in_title(place: str, title: str) -> bool:
    """Does the title name this city or county by its short name (济宁一基地入选 of 济宁市)?"""
    short = _UNIT_END.sub("", place)
    return short != place and len(short) >= 2 and short in title
