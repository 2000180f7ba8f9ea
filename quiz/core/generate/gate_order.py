"""Order questions only where the order is a fact: fixed formulas and real sequences.

A teacher keeps 学史明理、学史增信、学史崇德、学史力行 as an order question, and a numbered
一是…二是… or a run of dates; a generic parallel list (思想上、干部上、组织上; a list of prize
winners; 乱堆放、乱搭建) has no order to learn. These predicates are pure (items -> bool) so the
gate (gate.py) and its property tests share them.
"""
from __future__ import annotations

import re

from quiz.core.generate.chars import han, han_count

ORDER_LEAD = "按原文顺序排列横线处的各项："
# fixed formulas of the genre that share no characters (学党史、悟思想、办实事、开新局)
FORMULAS = (
    ("学党史", "悟思想", "办实事", "开新局"),
    ("奉献", "友爱", "互助", "进步"),
    ("听党话", "感党恩", "跟党走"),
    ("富强", "民主", "文明", "和谐"),
    ("自由", "平等", "公正", "法治"),
    ("爱国", "敬业", "诚信", "友善"),
)
# a frame of one character that makes no formula: a localizer or suffix (思想上, 荣誉感), a
# count (第一、第五), a vice (乱堆放、乱搭建), a feeling (爱党、爱国、爱家乡)
_WEAK_FRAME = frozenset("上下中里内外感性化的者们等第乱各爱进最")
# a frame of a verb of going (进机关、进企业、进校园; 深入群众、深入基层): the places a campaign
# goes to, in no order; nor has a superlative (最盼、最急、最忧) one
_GOING = ("深入", "走进", "走入", "进入", "走访", "送到")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]|首先|其次|然后|最后|\d+[.、])")
_NUMERAL = re.compile(r"\d+")
_MEASURED = re.compile(r"^[一两几]([\u4e00-\u9fff])\1")   # 一张张, 一件件: a reduplicated measure word
_DATE_ITEM = re.compile(r"^(?:\d{4}年)?\d{1,2}月|^\d{4}年")

def _frame(items: tuple[str, ...]) -> int:
    """How many characters every item shares at its start, at its end, and (items of one
    length) at the same inner place: 学史X (2), 下X功夫 (3), 学党史/感党恩 (党: 1)."""
    pre = 0
    while all(len(it) > pre for it in items) and len({it[pre] for it in items}) == 1:
        pre += 1
    suf = 0
    while all(len(it) > suf + pre for it in items) and len({it[-1 - suf] for it in items}) == 1:
        suf += 1
    weak = (pre + suf == 1 and (items[0][0] if pre else items[0][-1]) in _WEAK_FRAME)
    mid = 0
    if len({len(it) for it in items}) == 1:
        n = len(items[0])
        mid = sum(1 for k in range(pre, n - suf) if len({it[k] for it in items}) == 1)
    return 0 if weak and not mid else pre + suf + mid


def ordered(items: tuple[str, ...]) -> bool:
    """Has the list an order to learn: a fixed formula, a shared frame (学史明理、学史增信…),
    numbered items (一是…) or dates? A plain parallel list (思想上、干部上; 乱堆放、乱搭建) has none."""
    if len(items) < 2:
        return False
    # a formula may have one item of its own (学理论、悟思想、办实事、开新局)
    if any(set(f) == set(items) or len(items) >= 3 and len(set(items) & set(f)) >= len(items) - 1
           for f in FORMULAS):
        return True
    if all(it.startswith("第") for it in items):   # 第一、第五、第六支部: ranks, no sequence unless they run on
        nums = ["一二三四五六七八九十".find(it[1:2]) for it in items]
        return min(nums) >= 0 and nums == list(range(nums[0], nums[0] + len(nums)))
    if len({_NUMERAL.sub("", it) for it in items}) == 1:   # 高一5班、高一17班: a set of units, no sequence
        nums = [int(m.group()) if (m := re.search(r"\d+", it)) else -1 for it in items]
        return min(nums) >= 0 and nums == list(range(nums[0], nums[0] + len(nums)))
    if all(_NUMBERED.match(it) for it in items) or all(_DATE_ITEM.match(it) for it in items):
        return True
    if all(_MEASURED.match(it) for it in items):
        return False   # 一段段文字、一张张照片、一件件实物: what an exhibit shows, in no order
    if len({it[:2] for it in items}) == 1 and items[0][:2] in _GOING:
        return False   # 深入群众、深入基层、深入人心: where a campaign goes, in no order
    return _frame(items) >= 1 or bool(_shared_pair(items))


def _shared_pair(items: tuple[str, ...]) -> set[str]:
    """The two-character pieces every item holds, wherever (政治标准要更高、党性要求要更严: 要更)."""
    pairs = [{it[k:k + 2] for k in range(len(it) - 1)} for it in items]
    common = set.intersection(*pairs) if pairs else set()
    return {p for p in common if all(han(ch) for ch in p)}


def theme(items: tuple[str, ...], prompt: str) -> bool:
    """Is the list a quoted theme of short phrases of one length (“学党史、办实事、献爱心、送清凉”,
    “面向群众、坚守信念…”)? Its words are the name of the thing: their order is learnt with it."""
    return ("“____”" in prompt or '"____"' in prompt) and len(items) >= 3 and len({len(it) for it in items}) == 1 and len(items[0]) <= 4


def framed(prompt: str) -> bool:
    """Does an order prompt keep words around the blank (not just 按原文顺序排列横线处的各项：____。)?"""
    body = prompt.removeprefix(ORDER_LEAD).replace("____", "")
    return han_count(body) >= 4
