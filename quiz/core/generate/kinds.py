"""What sort of place or body a name is, so that options fit the slot.

A blank that a county fills is offered other counties, not a village or the
region; a blank before 队长 is offered other 队; a body that ran a campaign is
offered other organs, not a museum; a party committee is offered other committees
of its level (西藏自治区党委: other regions' committees, not 日喀则市民政局).
"""
from __future__ import annotations

import re

PLACE_LEVELS = (("province", ("自治区", "省")), ("city", ("自治州", "地区", "市", "州", "盟")),
                ("county", ("自治县", "县", "区", "旗")), ("township", ("街道", "乡", "镇")),
                ("village", ("社区", "村", "居", "嘎查")))
ORG_CLASSES = (("institution", ("中心", "馆", "院", "校", "所", "学", "园", "基地")),
               ("unit", ("队", "团", "连", "营", "班")),
               ("company", ("公司", "集团", "银行", "合作社", "厂", "店")),
               ("organ", ("委员会", "委", "部", "厅", "局", "办", "府", "组", "处", "科", "署", "会", "站", "室",
                          "部门", "党组", "工委", "支部")))


# An organ that leads (a party committee, a government) or one of its departments (部, 局, 办…).
_LEADING = ("党委", "党工委", "工委", "委员会", "党组", "人民政府", "政府", "党支部", "党总支", "支部", "总支",
            "纪委", "监委", "省委", "市委", "州委", "县委", "区委", "旗委")
# the place a body's name opens with (西藏自治区党委, 日喀则市民政局): three characters at least, so
# that 全区 (the whole region) or 区党委 (the region's committee, by its short name) give no level
PLACE_SUFFIXES = ("自治区", "自治州", "自治县", "地区", "街道", "社区", "省", "市", "州", "盟", "县", "区", "乡", "镇", "村", "旗")
_UNITS = "|".join(PLACE_SUFFIXES)
_ONE_CHAR_UNITS = "".join(s for s in PLACE_SUFFIXES if len(s) == 1)
_PLACE_HEAD = re.compile(rf"^(?![全各本该我])[\u4e00-\u9fff]{{2,8}}?(?:{_UNITS})")
_ANY_PLACE = re.compile(rf"[\u4e00-\u9fff]{{0,8}}?(?:{_UNITS})")


def organ_sort(name: str) -> str:
    """"leading" for a committee or government, "department" for one of its offices."""
    return "leading" if name.endswith(_LEADING) else "department"


def org_level(name: str) -> str | None:
    """The level of the place a body belongs to, when its name opens with one (None: unknown)."""
    m = _PLACE_HEAD.match(name)
    return place_level(m.group()) if m else None


def place_level(name: str) -> str | None:
    for level, ends in PLACE_LEVELS:
        if name.endswith(ends):
            return level
    return None


def org_class(name: str) -> str | None:
    for cls, ends in ORG_CLASSES:
        if name.endswith(ends):
            return cls
    return None


def sort_of(kind: str, name: str) -> str | None:
    """The level of a place or the class of a body (None: of no known sort)."""
    if kind == "place":
        return place_level(name)
    if kind == "org":
        return org_class(name)
    return None


def fits(kind: str, answer: str, option: str, glued: bool) -> bool:
    """May `option` stand where `answer` stands? Same sort; and when the word goes on right
    after the blank (____队长), the same last character."""
    if kind not in ("place", "org"):
        return True
    sa = sort_of(kind, answer)
    if sa is None or sort_of(kind, option) != sa:
        return False
    if sa == "organ":
        if organ_sort(answer) != organ_sort(option):
            return False
        level = org_level(answer)
        if level is not None and org_level(option) != level:
            return False
    return not glued or option[-1:] == answer[-1:]


def same_body(a: str, b: str) -> bool:
    """One body named with and without its place (县离退休干部党工委, 离退休干部党工委): the longer
    is the shorter with a place in front."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    if len(short) < 3 or long == short or not long.endswith(short):
        return False
    head = long[:len(long) - len(short)]
    # (高唐 + 县委老干部局, 西藏自治 + 区党委: the short name opens with the unit of the place cut off)
    return _ANY_PLACE.fullmatch(head) is not None or short[0] in _ONE_CHAR_UNITS and 2 <= len(head) <= 6
