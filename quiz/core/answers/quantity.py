"""Numbers with units as learners type them: 2万 = 20000 = 两万 = 2万余 (when the fact is 2万余)."""
from __future__ import annotations

import re
from functools import lru_cache

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_NUM = re.compile(rf"(\d+(?:\.\d+)?|[{_CN_DIGITS}]+(?:点[零〇一二三四五六七八九]+)?)([万亿]?)(余|多|几)?")
_NUM_START = re.compile(rf"[\d{_CN_DIGITS}]")
_PREFIXES = ("大约", "将近", "超过", "约", "近", "达", "逾", "共", "计", "仅", "第")
_SUFFIXES = ("左右", "以上", "上下")
_UNIT_SYNONYMS = {"号": "日"}
_SIMPLE_CN = {c: i for i, c in enumerate("零一二三四五六七八九")}


@lru_cache(maxsize=4096)
def _cn_value(text: str) -> float | None:
    if text.isdigit() or re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    if "点" in text:
        whole, _, frac = text.partition("点")
        w = _cn_value(whole) if whole else 0.0
        digits = "".join(str(_SIMPLE_CN.get(c, "")) for c in frac.replace("〇", "零"))
        if w is None or len(digits) != len(frac):
            return None
        return float(f"{int(w)}.{digits}")
    try:
        import cn2an  # lazy: ~70 ms to import
        return float(cn2an.cn2an(text, "smart"))
    except Exception:
        return None


def quantities(s: str) -> tuple[tuple[float, str], ...] | None:
    """(value, unit) pairs when `s` is made only of numbers with units, e.g.
    '13类40项122条' -> ((13, '类'), (40, '项'), (122, '条')); otherwise None."""
    s = s.strip()
    for p in _PREFIXES:
        if s.startswith(p) and len(s) > len(p):
            s = s[len(p):]
            break
    for suf in _SUFFIXES:
        if s.endswith(suf):
            s = s[: -len(suf)]
    if not s or not _NUM_START.match(s):
        return None
    out: list[tuple[float, str]] = []
    pos = 0
    while pos < len(s):
        m = _NUM.match(s, pos)
        if not m or not m.group(1):
            return None
        value = _cn_value(m.group(1))
        if value is None:
            return None
        if m.group(2) == "万":
            value *= 10_000
        elif m.group(2) == "亿":
            value *= 100_000_000
        pos = m.end()
        nxt = _NUM_START.search(s, pos)
        end = nxt.start() if nxt else len(s)
        unit = s[pos:end]
        pos = end
        out.append((round(value, 6), _UNIT_SYNONYMS.get(unit, unit)))
    return tuple(out)


# Units a learner may leave out ("2万" for 2万余名). A unit that names a thing (四个意识,
# 五聚焦, 第一书记) must be typed: "4" is not an answer to 四个意识.
MEASURES = frozenset("""个 名 人 位 次 人次 场 场次 期 批 届 元 万元 亿元 吨 千克 公斤 米 千米 公里 平方米 平方公里 亩 公顷
周年 年 月 日 号 天 周 小时 分钟 秒 户 家 所 座 件 条 项 类 种 篇 本 张 部 台 辆 套 处 棵 株 头 只 册 份 栋 间 层 倍 岁
支 组 队 个月 多个 余个 余名 余人 余次 余场 余家 余户 余条 余项 余件""".split())
_TIME_OF_DAY = ("上午", "下午", "晚上", "早上", "中午", "凌晨", "傍晚", "夜间")
_MAX_LEN = 40  # longer text is never read as a number (and cn2an's cost grows fast with length)


def _droppable(unit: str, typed: str, arabic: bool) -> bool:
    """May a learner type `typed` (a start of `unit`) for the expected `unit`? A count written
    in digits may drop a measure and its noun (726 for 726个会场: the noun is in the prompt);
    Chinese numerals in names (四个意识) only a bare measure."""
    if typed == unit:
        return True
    if not unit.startswith(typed):
        return False
    rest = unit
    for tod in _TIME_OF_DAY:  # 2月21日上午: "2月21日" is the same day
        if rest.endswith(tod):
            rest = rest[: -len(tod)]
            break
    if typed == rest:
        return True
    rest = rest.lstrip("余多")
    if rest in MEASURES or rest == "":
        return True
    return arabic and (typed == "" or typed in MEASURES) and any(rest.startswith(m) for m in MEASURES)


def same_quantity(expected: str, typed: str) -> bool:
    """True when `typed` states the same numbers as `expected`. Each unit typed must be
    the expected one or its start, and only a measure (名, 人次, 平方米, 日上午 ...) may be
    left out: 2万 for 2万余名, 2月21日 for 2月21日上午, but not 4 for 四个意识."""
    if len(expected) > _MAX_LEN or len(typed) > _MAX_LEN:
        return False
    e, t = quantities(expected), quantities(typed)
    if not e or not t or len(e) != len(t):
        return False
    arabic = any(c in "0123456789" for c in expected)
    for (ev, eu), (tv, tu) in zip(e, t):
        if ev != tv or not _droppable(eu, tu, arabic):
            return False
    return True
