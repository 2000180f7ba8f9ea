"""Enumerations (广播、电视、报刊、网络新媒体) and parallel slogan lists (学史明理、学史增信…)."""
from __future__ import annotations

import re

from quiz.core.generate.categories import category_of, pool
from quiz.core.generate.facts import Fact

_COMMON_NOUNS = frozenset(pool("people") + pool("media") + pool("activity") + pool("venue"))

_CLAUSE = re.compile(r"[^，。；：！？（）“”‘’《》「」\s,;:!?()\"']+")
_LEAD = ("通过", "围绕", "深入", "走进", "包括", "采取", "解决好", "解决", "开展", "聚焦", "涵盖", "坚持", "推进", "加强",
         "突出", "做到", "实现", "提供", "组织", "举办", "推动", "增强", "发扬", "弘扬", "落实", "深化",
         "在", "的", "等", "对", "以", "是", "有", "同", "和", "与", "把", "为", "将", "从", "如", "了", "到")
_TAIL_CUT = re.compile(r"等|的|和|及|与|方面|以及|相结合|结合起来")
_ITEM = re.compile(r"^[\u4e00-\u9fff·]{2,12}$")


def _first_item(part: str, ref: str, others: list[str]) -> str | None:
    """The first item of an enumeration: the tail of the clause before the first 、."""
    L = len(ref)
    # a shared opening (发扬…、发扬…; 学史…、学史…)
    for k in (2, 1):
        p = ref[:k]
        if len(p) == k and all(o.startswith(p) for o in others):
            pos = part.rfind(p)
            if pos >= 0 and abs(len(part) - pos - L) <= 2:
                return part[pos:]
    best = None
    for w in _LEAD:
        pos = part.rfind(w)
        if pos < 0:
            continue
        cand = part[pos + len(w):]
        lo, hi = (L - 3, L + 4) if len(w) > 1 else (L - 1, L + 2)
        if cand and max(lo, 1) <= len(cand) <= hi and (best is None or len(cand) < len(best)):
            best = cand
    if best:
        return best
    if part[:1] in "在对从把向以为于将" and len(part) > 3:
        part = part[1:]   # 在新民主主义革命时期: the preposition is not part of the first item
    return part if len(part) <= L + 1 else None


def _without_verb(first: str, lengths: list[int]) -> str:
    """走进机关、企业、乡村: the first item without the verb that leads the list, when the rest is
    as long as the other items."""
    from quiz.core.generate.segment import VERBISH, words
    tokens = words(first).tokens
    if len(tokens) >= 2 and tokens[0][2] in VERBISH and lengths and \
            min(lengths) <= len(first) - tokens[0][1] <= max(lengths):
        return first[tokens[0][1]:]
    return first


def _last_item(part: str, longest: int) -> str | None:
    m = _TAIL_CUT.search(part, 1)
    if m:
        part = part[:m.start()]
    if part and len(part) > longest + 3:
        # 社区开展巡回宣讲活动: the last item ends where the verb that follows the list starts
        from quiz.core.generate.segment import VERBISH, words
        verb = next((s for s, _e, tag in words(part).tokens if s and tag in VERBISH), 0)
        if verb and verb <= longest + 1:
            part = part[:verb]
    return part if part and len(part) <= longest + 3 else None


_DIRECTIONS = frozenset("到上进入出回过下向往给至")


def _shared_frame(items: list[str]) -> bool:
    """Is the shared first character a frame (学史|明理, 边|摸排, 进|机关) rather than one verb with a
    different direction each time (带到江畔、带上竹筏、带进田间地头: a figure of speech, no order
    to learn)?"""
    seconds = [x[1:2] for x in items]
    return not (all(c in _DIRECTIONS for c in seconds) and len(set(seconds)) == len(items))


def _parallel(items: list[str]) -> bool:
    """A fixed formula: items of one shape (学史明理、学史增信…; 边摸排、边梳理…), or three-character
    verb-object phrases (学党史、悟思想、办实事、开新局; 听党话、感党恩、跟党走) that are no nouns of a category."""
    if len({len(x) for x in items}) != 1 and not all(len(x) >= 3 for x in items):
        return False
    if max(len(x) for x in items) > 2 * min(len(x) for x in items):
        return False   # 进机关、进社区、进企业进农村: a missing 、, not a formula to order
    from quiz.core.generate.segment import words
    if sum(1 for x in items if words(x).tokens[:1] and words(x).tokens[0][2].startswith("nr")) * 2 >= len(items):
        return False   # 毛泽东、周恩来、叶剑英、习仲勋: people have no order to learn
    same_place = any(len({x[k] for x in items}) == 1 for k in range(min(len(x) for x in items)))
    if all(len(x) == 3 for x in items) and category_of(tuple(items), "") is None \
            and not any(x in _COMMON_NOUNS for x in items) and (len(items) >= 4 or same_place):
        return True   # 学党史、悟思想、办实事、开新局; 听党话、感党恩、跟党走 (not 接地气、能落实、可操作)
    if len({x[0] for x in items}) == 1 and _shared_frame(items):
        # (a shared character that opens different words is no frame: 带到江畔、带上竹筏、带进田间地头
        # is a figure of speech with no order to learn)
        return True   # a shared opening: 学史明理、学史增信…, 边摸排、边梳理… (a shared ending is a
    #                   kind of thing: 理事会、评议会、议事会 are bodies with no order of their own)
    first = items[0]
    grams = {first[i:i + 2] for i in range(len(first) - 1)}
    # an ending every item shares names a kind of thing (党员先锋服务队、平安巡逻服务队…), no formula
    n = 0
    while n < min(len(x) for x in items) and len({x[-1 - n] for x in items}) == 1:
        n += 1
    suffix = first[len(first) - n:] if n else ""
    return any(all(g in x for x in items) and g not in suffix for g in grams)


# quoted names side by side, then how many parts they are: “星火初燃”“浴血坚守”“血脉相承”“奋进新程”4个展厅
_QUOTE_RUN = re.compile(r"(?:“[^“”，。]{2,12}”){3,8}")
_PARTS_AFTER = re.compile(r"等?[0-9一二三四五六七八九十两]{1,2}(?:个|大)?(?:展厅|展区|部分|篇章|单元|板块|版块|章节|主题|阶段|方面)")


def quoted_sequences(sent) -> list[Fact]:
    """The parts of a whole named in quotes, in their order (a museum's halls, a book's chapters):
    a sequence, asked as an order question."""
    out = []
    norm = sent.norm
    for m in _QUOTE_RUN.finditer(norm):
        if not _PARTS_AFTER.match(norm, m.end()):
            continue
        items = tuple(sent.text[a + 1:b - 1] for a, b in _spans(m.start(), m.group()))
        start, end = m.start() + 1, m.end() - 1
        out.append(Fact("slogan", sent.text[start:end], start, end, sent, items=items, parallel=True,
                        key=("list",) + items))
    return out


def _spans(offset: int, run: str) -> list[tuple[int, int]]:
    spans, i = [], 0
    while i < len(run):
        j = run.index("”", i)
        spans.append((offset + i, offset + j + 1))
        i = j + 1
    return spans


# the word before a list's last item (侦察、爆破和战场救护; 机关、学校、企业及社区)
_JOIN = re.compile(r"以及|和|及|与")


def _joined(parts: list[str]) -> tuple[list[str], str]:
    """The clause's parts with the last one split at 和/及/以及/与 when it joins the last item
    (侦察、爆破和战场救护 -> 侦察, 爆破, 战场救护), and the joining word ('' when none)."""
    m = _JOIN.search(parts[-1], 1)
    if not m or m.end() >= len(parts[-1]) or _JOIN.search(parts[-1], m.end()):
        return parts, ""   # (宣传部和县文化和旅游局: which 和 joins the list is not clear)
    return parts[:-1] + [parts[-1][:m.start()], parts[-1][m.end():]], m.group()


def extract_lists(sent) -> list[Fact]:
    facts = quoted_sequences(sent)
    norm = sent.norm
    for cm in _CLAUSE.finditer(norm):
        clause = cm.group()
        if "、" not in clause:
            continue
        before_quote = cm.end() < len(norm) and norm[cm.end()] in "“‘《"
        parts, joiner = _joined(clause.split("、")) if not before_quote else (clause.split("、"), "")
        if len(parts) < 3:
            continue
        mids = parts[1:-1]
        first = _first_item(parts[0], parts[1], parts[1:-1] or parts[1:])
        longest = max(len(x) for x in mids)
        last = None if before_quote else _last_item(parts[-1], longest)
        if joiner and (last is None or not _alike([*mids, last])):
            continue   # 县文化和旅游局: a 和 inside a name, not before a list's last item
        if first:
            first = _without_verb(first, [len(x) for x in mids])
        if last and len(last) >= 3 and last[-1] in "中里内" and first and "在" in parts[0][:-len(first)][-4:] \
                and not any(x.endswith(last[-1]) for x in [first, *mids]):
            last = last[:-1]   # 在党员微信群、学生群、家长群中开展: 在…中 frames the list, 中 is no part of its item
        items = ([first] if first else []) + mids + ([last] if last else [])
        if len(items) < 3 or len(set(items)) != len(items) or not all(_ITEM.match(x) for x in items):
            continue
        seps = ["、"] * (len(items) - 1)
        if joiner and last:
            seps[-1] = joiner
        written = items[0] + "".join(sep + x for sep, x in zip(seps, items[1:]))
        # span: from the first item to the end of the last item
        start = cm.start() + (len(parts[0]) - len(first) if first else len(parts[0]) + 1)
        end = start + len(written)
        if norm[start:end] != written:
            continue
        parallel = _parallel(items)
        at, spans = start, []
        for x, sep in zip(items, [*seps, ""]):
            spans.append(sent.text[at:at + len(x)])
            at += len(x) + len(sep)
        facts.append(Fact("slogan" if parallel else "list", sent.text[start:end], start, end, sent,
                          items=tuple(spans), parallel=parallel, key=("list",) + tuple(items)))
    return facts


def _alike(items: list[str]) -> bool:
    """Items of about one length (the last item after 和 is one of them, not half a name)."""
    lengths = [len(x) for x in items]
    return max(lengths) <= 3 * min(lengths) and max(lengths) - min(lengths) <= 4
