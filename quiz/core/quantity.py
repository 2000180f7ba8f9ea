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


def same_quantity(expected: str, typed: str) -> bool:
    """True when `typed` states the same numbers as `expected`. Each unit typed must
    begin the expected one ('日' for '日上午', '' for '名'); the last may be left out."""
    e, t = quantities(expected), quantities(typed)
    if not e or not t or len(e) != len(t):
        return False
    for (ev, eu), (tv, tu) in zip(e, t):
        if ev != tv or not eu.startswith(tu):
            return False
    return True
