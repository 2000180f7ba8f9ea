"""Quoted slogans and names, dates, figures."""
from __future__ import annotations

import re

from quiz.core.generate import dates, numbers, speech
from quiz.core.generate.chars import han, han_count
from quiz.core.generate.facts import Fact

_QUOTE_PAIRS = {"“": "”", "《": "》", "「": "」", "『": "』"}
_SPEECH = set("。！？，：；")


def quote_spans(norm: str) -> list[tuple[int, int, str]]:
    """Top-level quotes as (start, end, opener); end is past the closing mark."""
    out = []
    i, n = 0, len(norm)
    while i < n:
        op = norm[i]
        if op in _QUOTE_PAIRS:
            cl = _QUOTE_PAIRS[op]
            depth, j = 1, i + 1
            while j < n:
                if norm[j] == op:
                    depth += 1
                elif norm[j] == cl:
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j < n:
                out.append((i, j + 1, op))
                i = j + 1
                continue
        i += 1
    return out


def _inner_quotes(sent, a: int, b: int) -> list[Fact]:
    """Short ‘…’ terms inside a quoted speech: slogans (the speech itself is not one)."""
    norm, out = sent.norm, []
    i = norm.find("‘", a, b)
    while 0 <= i < b:
        j = norm.find("’", i + 1, b)
        if j < 0:
            break
        content = norm[i + 1:j]
        if 2 <= han_count(content) and len(content) <= 15 and not any(c in _SPEECH for c in content) \
                and not re.search(r"[0-9A-Za-z{}]", content):
            out.append(Fact("slogan", sent.text[i + 1:j], i + 1, j, sent, key=("slogan", content)))
        i = norm.find("‘", j + 1, b)
    return out




def extract_quotes(sent) -> tuple[list[Fact], list[tuple[int, int]]]:
    """Slogans / named things in quotes, and the spans to hide from other extractors."""
    facts, masked = [], []
    norm = sent.norm
    for a, b, op in quote_spans(norm):
        content = norm[a + 1:b - 1]
        if not content.strip() or not _slogan_like(norm, a, content):
            if op == "“":
                facts += _inner_quotes(sent, a + 1, b - 1)   # '要深化‘我为群众办实事’实践活动。'
            continue
        masked.append((a, b))
        if (han_count(content) < 2 and not _FORMULA.match(content)) or "{" in content or "}" in content:
            continue
        body = "、" not in content and len(content) >= 5 and content.endswith(_ORG_NAME_END)
        named = op == "《" or bool(re.search(r"[0-9A-Za-z]", content)) or body
        kind = "name" if named else "slogan"
        facts.append(Fact(kind, sent.text[a + 1:b - 1], a + 1, b - 1, sent, key=(kind, content)))
    return facts, masked


_SPEAKS = re.compile(rf"(?:{speech.alternation(speech.SAYS)})[，：,:]")
_FORMULA = re.compile(r"^[0-9A-Za-z]{1,3}(?:[+＋][0-9A-Za-z]{1,3}){1,4}$")   # “1+6+N”宣讲体系
_SPEECH_BEFORE = re.compile(rf"(?:{speech.alternation(speech.SAYS, speech.WRITES)})[^，。]{{0,4}}[：，]?$")
_ORG_NAME_END = ("队", "中心", "站", "馆", "团", "社", "会", "室", "所", "院", "校", "班", "组", "部", "厅", "局")


def _slogan_like(norm: str, a: int, content: str) -> bool:
    """A quote that names something (a slogan, a banner, a campaign) rather than reports a
    speech: short, no full stop, and when it has commas (“我为群众办实事，志愿服务暖人心”)
    short parts and no speaker or colon before it."""
    if len(content) > 30 or any(c in "。！？：；" for c in content):
        return False
    if "，" not in content:
        return True
    if max(len(p) for p in content.split("，")) > 12:
        return False
    before = norm[max(0, a - 8):a]
    if _SPEAKS.search(norm, 0, a):
        return False   # …何静说，很多老人…，“这些故事再不记下来，就真的来不及了”: a speech, not a banner
    return not before.endswith("：") and not _SPEECH_BEFORE.search(before)


def _free(a: int, b: int, masked: list[tuple[int, int]]) -> bool:
    return all(b <= x or a >= y for x, y in masked)


def extract_dates(sent, masked) -> list[Fact]:
    facts = []
    for m in dates.DATE_RE.finditer(sent.norm):
        a, b = m.span()
        if not _free(a, b, masked):
            continue
        form = dates.parse(m)
        if form is None:
            continue
        masked.append((a, b))
        facts.append(Fact("date", sent.text[a:b], a, b, sent, key=form.key(), form=form))
    return facts


# what follows one numeral and a classifier in the names of formulas (两个确立, 四个全面, 两个一百年)
_FORMULA_AFTER = tuple("一 二 两 三 四 五 六 七 八 九 十 代表 意识 自信 维护 确立 全面 务必 结合 必须 伟大 服务 、".split())


def _is_cjk(norm: str, i: int) -> bool:
    return i < len(norm) and han(norm[i])


_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff]{1,5}(?=[，。；！？]|$)")
_NOUN_CLASSIFIERS = set("个支家所座")
_VERBISH = set("参加入深开展行走到来去看做办建成设立举进出达是有为被把将在")


# a class of a school named by its grade and number (高一18班, 初二3班, 七年级5班): a name, not a count; its
# options are the other classes of the article (a class number alone, 18班 with 22班 beside it, is no fact)
_CLASS = re.compile(r"(?:[高初][一二三]|[一二三四五六七八九]年级)(?:[（(]\d{1,2}[）)]|\d{1,2})班"
                    # a company or battalion of an army unit (修理二连, 勤务保障营): its number is part of the name
                    r"|(?<![\u4e00-\u9fff])?(?:修理|炮兵|步兵|工兵|通信|侦察|警卫|特战|装甲|导弹|防空|运输|汽车|勤务|新兵|教导|"
                    r"机关|后勤|保障|卫生|直属|特勤|机动)[\u4e00-\u9fff]{0,2}?(?:[一二三四五六七八九十]{1,2}连|营)(?![长部])")


# a plenary session of the Central Committee (党的十九届六中全会, 十八届三中全会): one name, not a count of
# 届; asked as a fill (the options a program could make, 十九届五中全会…, give the answer away by their
# shared parts)
_SESSION = re.compile(r"(?:十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?)届"
                      r"(?:中央委员会)?(?:[一二三四五六七八九]中全会|[一二三四五六七八九]次全体会议)")


def is_session(norm_text: str) -> bool:
    return _SESSION.fullmatch(norm_text) is not None


def extract_sessions(sent, masked: list[tuple[int, int]]) -> list[Fact]:
    """Plenary sessions as name facts (each masks its span from the figures)."""
    out = []
    for m in _SESSION.finditer(sent.norm):
        a, b = m.span()
        if _free(a, b, masked):
            masked.append((a, b))
            out.append(Fact("name", sent.text[a:b], a, b, sent, key=("name", m.group())))
    return out


def extract_classes(sent, masked: list[tuple[int, int]]) -> list[Fact]:
    """School classes and army companies as org facts (a class masks its span from the figures; a
    company is left to the office it may belong to: 修理二连分队长杨林)."""
    out = []
    for m in _CLASS.finditer(sent.norm):
        a, b = m.span()
        if _free(a, b, masked):
            if m.group().endswith("班"):
                masked.append((a, b))
            out.append(Fact("org", sent.text[a:b], a, b, sent, key=("org", m.group())))
    return out


def unit_before(norm: str, i: int) -> int | None:
    """Where a class or an army unit that ends at i starts (修理二连|分队长), if one does."""
    for m in _CLASS.finditer(norm, max(0, i - 14), i):
        if m.end() == i:
            return m.start()
    return None


def extract_figures(sent, masked) -> list[Fact]:
    norm = sent.norm
    spans: list[tuple[int, int, numbers.Figure]] = []
    for m in numbers.FIGURE_RE.finditer(norm):
        a, b = m.span()
        if not _free(a, b, masked):
            continue
        if a and norm[a - 1] == "第":
            continue
        if m.group("cn") and a and norm[a - 1] in numbers.CN_NUMERALS:   # never a fragment of a run
            continue
        fig = numbers.parse_match(m)
        if fig is None or fig.value != fig.value:
            continue
        if fig.unit == "个" and norm[b:b + 1] in "多半":
            continue   # 1个多小时, 两个半月: a span of time, not a count of things
        q = b + (norm[b:b + 1] in "“‘")   # 三个“百人团” counts; 两个“维护” names a formula
        if fig.chinese and len(fig.digits) == 1 and (norm.startswith(_FORMULA_AFTER, q) or not _is_cjk(norm, q)):
            continue   # 两个维护, 四个意识, 四个一: a formula's name, not a count
        spans.append((a, b, fig))
    # merge composite counts written back to back: 13类40项122条
    groups: list[list[tuple[int, int, numbers.Figure]]] = []
    for sp in spans:
        if groups and groups[-1][-1][1] == sp[0]:
            groups[-1].append(sp)
        else:
            groups.append([sp])
    facts = []
    for g in groups:
        a, b = g[0][0], g[-1][1]
        figs = tuple(f for _, _, f in g)
        if len(g) == 1 and figs[0].unit in _NOUN_CLASSIFIERS:
            tail = _NOUN_AFTER.match(norm, b)
            if tail and _free(b, tail.end(), masked) and not any(c in _VERBISH for c in tail.group()):
                b = tail.end()
        masked.append((a, b))
        key = ("figure",) + tuple((f.unit, f.value) for f in figs)
        facts.append(Fact("figure", sent.text[a:b], a, b, sent, key=key, form=figs))
    return facts
