"""Numbers with units as learners type them: 2万 = 20000 = 两万 = 2万余 (when the fact is 2万余)."""
from __future__ import annotations

import re
from functools import lru_cache

from quiz.core.answers.qualifiers import strip_qualifiers

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CN_PLAIN = "零〇一二两三四五六七八九"  # digits, without the multipliers 十百千
# A number as written: arabic digits, Chinese numerals, and both mixed around 万/亿 (1.2万,
# 一万二千, 1万2千, 两万一千, 3亿5000万); then 余/多/几 ("2万余"). 万 and 亿 sit inside the run.
_NUM = re.compile(rf"((?:\d+(?:\.\d+)?|[{_CN_DIGITS}])(?:\d+(?:\.\d+)?|[{_CN_DIGITS}万亿]|点(?=[{_CN_PLAIN}]))*)"
                  r"(余|多|几)?")
_NUM_START = re.compile(rf"[\d{_CN_DIGITS}]")
_PREFIXES = ("大约", "将近", "超过", "约", "近", "达", "逾", "共", "计", "仅", "第")
_SUFFIXES = ("左右", "以上", "上下")
_UNIT_SYNONYMS = {"号": "日"}
_SIMPLE_CN = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000}
_BIG = (("亿", 100_000_000), ("万", 10_000))
_TOKEN = re.compile(r"\d+(?:\.\d+)?|.")


def _section(text: str) -> float | None:
    """A number below 10 000 as written: 726, 七百二十六, 2千5百, 二千五 (2500), 1.5千, 一点五."""
    if not text:
        return None
    if "点" in text:  # 一点五: Chinese decimals, digit by digit after 点
        whole, _, frac = text.partition("点")
        w = _section(whole) if whole else 0.0
        if w is None or not frac or any(c not in _SIMPLE_CN for c in frac):
            return None
        return float(f"{int(w)}." + "".join(str(_SIMPLE_CN[c]) for c in frac))
    total, cur, last_mult, zero_seen = 0.0, None, None, False
    for tok in _TOKEN.findall(text):
        if tok in _MULTIPLIERS:
            m = _MULTIPLIERS[tok]
            if last_mult is not None and m >= last_mult:
                return None  # 十百, 千千: not a number
            if cur is None and last_mult is not None:
                return None
            total += (1 if cur is None else cur) * m
            cur, last_mult, zero_seen = None, m, False
        elif tok in _SIMPLE_CN:
            if cur is not None:
                if _SIMPLE_CN[tok] == 0 and cur == 0:
                    continue
                return None  # 二三: two digits in a row is a list, not a number
            if _SIMPLE_CN[tok] == 0:
                zero_seen = True
                continue
            cur = float(_SIMPLE_CN[tok])
        elif tok[0].isdigit():
            if cur is not None:
                return None
            cur = float(tok)
        else:
            return None
    if cur is not None:
        if last_mult is not None and not zero_seen and cur < 10 and cur == int(cur) and last_mult >= 100:
            cur *= last_mult // 10  # 二千五 is 2500, 三百五 is 350 (spoken short forms)
        total += cur
    elif last_mult is None:
        return 0.0 if zero_seen else None
    return total


@lru_cache(maxsize=4096)
def _cn_value(text: str) -> float | None:
    """The value of a number run: sections joined by 亿 and 万, each section below the unit before it."""
    if text.isdigit() or re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    for unit, size in _BIG:
        if unit in text:
            head, _, tail = text.partition(unit)
            high = _cn_value(head) if head else None
            if high is None:
                return None
            if not tail:
                return high * size
            low = _tail(tail, size)
            return None if low is None else high * size + low
    return _section(text)


def _tail(text: str, size: int) -> float | None:
    """What follows 万 or 亿: a smaller number (一万二千, 1万2000), or one bare digit that names
    the next place down (一万二 is 12000, as said aloud)."""
    if len(text) == 1 and text in _SIMPLE_CN or (len(text) == 1 and text.isdigit()):
        digit = _SIMPLE_CN.get(text, int(text) if text.isdigit() else 0)
        return float(digit * size // 10)
    value = _cn_value(text.lstrip("零〇"))
    if value is None or value >= size:
        return None
    return value


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
_MAX_LEN = 40  # longer text is never read as a number (and cn2an's cost grows fast with length)


def _droppable(unit: str, typed: str, arabic: bool) -> bool:
    """May a learner type `typed` (a start of `unit`) for the expected `unit`? A count written
    in digits may drop a measure and its noun (726 for 726个会场: the noun is in the prompt);
    Chinese numerals in names (四个意识) only a bare measure."""
    if typed == unit:
        return True
    if not unit.startswith(typed):
        return False
    rest = strip_qualifiers(unit)  # 2月21日上午: "2月21日" is the same day
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
