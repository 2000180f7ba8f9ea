"""What sort of place or body a name is, so that options fit the slot.

A blank that a county fills is offered other counties, not a village or the
region; a blank before 队长 is offered other 队; a body that ran a campaign is
offered other organs, not a museum.
"""
from __future__ import annotations

PLACE_LEVELS = (("province", ("自治区", "省")), ("city", ("自治州", "地区", "市", "州", "盟")),
                ("county", ("自治县", "县", "区", "旗")), ("township", ("街道", "乡", "镇")),
                ("village", ("社区", "村", "居", "嘎查")))
ORG_CLASSES = (("institution", ("中心", "馆", "院", "校", "所", "学", "园", "基地")),
               ("unit", ("队", "团", "连", "营", "班")),
               ("company", ("公司", "集团", "银行", "合作社", "厂", "店")),
               ("organ", ("委员会", "委", "部", "厅", "局", "办", "府", "组", "处", "科", "署", "会", "站", "室",
                          "部门", "党组", "工委", "支部")))


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
    return not glued or option[-1:] == answer[-1:]
