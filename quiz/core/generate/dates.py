"""Dates and times: 2月21日上午, 3月份, 清明节期间, 4月1日至4月15日, 2021年, 二〇二一年;
and their shifts."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from quiz.core.generate.numbers import rotated

PARTS = "上午|下午|晚上|晚间|早上|凌晨|中午|傍晚|夜间|晚"
FESTIVALS = ("春节", "元旦", "元宵节", "清明节", "劳动节", "端午节", "建党节", "中秋节", "国庆节",
             "藏历新年", "雪顿节", "重阳节", "植树节", "五一", "七一", "十一", "五四青年节", "青年节", "妇女节",
             "儿童节", "建军节", "教师节", "三八妇女节", "六一儿童节", "八一建军节")
_FEST = "|".join(sorted(FESTIVALS, key=len, reverse=True))
_CN_DIGITS = "〇零一二三四五六七八九"
_CN_RUN = _CN_DIGITS + "两十百千万"
DATE_RE = re.compile(
    rf"(?P<range>(?:(?P<ry>\d{{4}})年)?(?P<rm1>\d{{1,2}})月(?P<rd1>\d{{1,2}})日(?P<rsep>至|到|—|-|~|～)"
    rf"(?:(?P<rm2>\d{{1,2}})月)?(?P<rd2>\d{{1,2}})日)"
    rf"|(?P<full>(?:(?P<y>\d{{4}})年)?(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})(?P<dw>日|号)(?![电讯楼院])(?P<part>{PARTS})?)"
    rf"|(?P<month>(?:(?P<my>\d{{4}})年)?(?P<mm>\d{{1,2}})月(?P<msuf>份|上旬|中旬|下旬|初|底|中旬|末)?(?![\d日]))"
    rf"|(?P<year>(?<!\d)(?P<yy>(?:19|20)\d{{2}})年(?![代\d]))"
    # a year written digit by digit in Chinese numerals is taken whole, never a fragment
    rf"|(?P<cyear>(?<![{_CN_RUN}])(?P<cy>(?:一九|二[〇零])[{_CN_DIGITS}]{{2}})年(?!代))"
    rf"|(?P<fest>(?P<fname>{_FEST})(?P<fsuf>期间|前夕|当天|假期|前后|之际)?)", re.ASCII)


@dataclass(frozen=True, slots=True)
class DateForm:
    kind: str            # range, full, month, year, fest
    year: int | None
    month: int
    day: int
    part: str = ""       # 上午 / 份 / 期间 ...
    month2: int | None = None
    day2: int = 0
    year_written: bool = False
    month2_written: bool = False
    zero: str = ""       # a year in Chinese numerals (二〇二一年): its zero, 〇 or 零
    day_word: str = "日"  # 7月22号 is written with 号

    def key(self) -> tuple:
        return (self.kind, self.year if self.year_written else None, self.month, self.day, self.month2, self.day2, self.part)


def parse(m: re.Match) -> DateForm | None:
    g = m.group
    try:
        if g("range"):
            m1, d1, d2 = int(g("rm1")), int(g("rd1")), int(g("rd2"))
            m2 = int(g("rm2")) if g("rm2") else m1
            if not (1 <= m1 <= 12 and 1 <= m2 <= 12 and 1 <= d1 <= 31 and 1 <= d2 <= 31):
                return None
            return DateForm("range", int(g("ry")) if g("ry") else None, m1, d1, g("rsep"), m2, d2,
                            bool(g("ry")), bool(g("rm2")))
        if g("full"):
            mo, d = int(g("m")), int(g("d"))
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                return None
            return DateForm("full", int(g("y")) if g("y") else None, mo, d, g("part") or "", None, 0, bool(g("y")),
                            day_word=g("dw"))
        if g("month"):
            mo = int(g("mm"))
            if not 1 <= mo <= 12:
                return None
            return DateForm("month", int(g("my")) if g("my") else None, mo, 0, g("msuf") or "", None, 0, bool(g("my")))
        if g("year"):
            return DateForm("year", int(g("yy")), 0, 0, "", None, 0, True)
        if g("cyear"):
            cy = g("cy")
            zero = "零" if "零" in cy else "〇"
            year = int("".join(str(_CN_DIGITS.index(c) - 1 if c not in "〇零" else 0) for c in cy))
            return DateForm("year", year, 0, 0, "", None, 0, True, zero=zero)
        if g("fest"):
            return DateForm("fest", None, FESTIVALS.index(g("fname")), 0, g("fsuf") or "")
    except ValueError:
        return None
    return None


def render(f: DateForm) -> str:
    y = f"{f.year}年" if f.year_written and f.year else ""
    if f.kind == "range":
        m2 = f"{f.month2}月" if f.month2_written else ""
        return f"{y}{f.month}月{f.day}日{f.part}{m2}{f.day2}日"
    if f.kind == "full":
        return f"{y}{f.month}月{f.day}{f.day_word}{f.part}"
    if f.kind == "month":
        return f"{y}{f.month}月{f.part}"
    if f.kind == "year":
        if f.zero:
            return "".join(f.zero if c == "0" else _CN_DIGITS[int(c) + 1] for c in str(f.year)) + "年"
        return f"{f.year}年"
    return f"{FESTIVALS[f.month]}{f.part}"


def _shift(f: DateForm, days: int) -> DateForm | None:
    year = f.year or 2021
    try:
        a = dt.date(year, f.month, f.day) + dt.timedelta(days=days)
    except ValueError:
        return None
    if f.year and a.year != f.year or (not f.year and a.year != 2021):
        return None
    if f.kind == "range":
        try:
            b = dt.date(year, f.month2 or f.month, f.day2) + dt.timedelta(days=days)
        except ValueError:
            return None
        m2w = f.month2_written or b.month != a.month
        return DateForm("range", f.year, a.month, a.day, f.part, b.month, b.day, f.year_written, m2w)
    return DateForm(f.kind, f.year, a.month, a.day, f.part, None, 0, f.year_written, day_word=f.day_word)


_DAYS = (-7, -3, -2, -1, 1, 2, 3, 4, 5, 7, 10, -5, -4, 6)
_UNITS = (1, 2, 1, 3, 7)   # days between the options of a day: consecutive days, every other day, weeks


def _ranked(seed: int, unit: int) -> list[int]:
    """Three shifts that put the answer at a seeded rank among four evenly spaced options (0: the
    earliest … 3: the latest), so neither the middle, an end nor a gap gives it away (9月6日, 7日,
    8日 and the answer 11日 singled it out): r shifts back and 3 - r forward, `unit` days apart."""
    rank = (seed >> 3) % 4
    return [-unit * k for k in range(1, rank + 1)] + [unit * k for k in range(1, 4 - rank)]


_NUMBERED_FEST = ("五四青年节", "三八妇女节", "六一儿童节", "八一建军节")
_BARE_FEST = ("五一", "七一", "十一")
_FEST_CYCLE = ("春节", "元旦", "清明节", "劳动节", "端午节", "中秋节", "国庆节", "元宵节", "重阳节", "青年节",
               "儿童节", "建军节", "教师节")


def shifts(f: DateForm, seed: int, forbidden: set[tuple], taken: set[str], count: int = 3) -> list[str]:
    """Up to `count` wrong dates in the same surface form, none true in the article."""
    out: list[str] = []

    def take(g: DateForm | None) -> None:
        if g is None or len(out) >= count:
            return
        text = render(g)
        if text in taken or g.key() in forbidden:
            return
        taken.add(text)
        out.append(text)

    if f.kind in ("full", "range"):
        for d in _ranked(seed, _UNITS[seed % len(_UNITS)]) + list(_DAYS):
            take(_shift(f, d))
    elif f.kind == "month":
        for d in _ranked(seed, 1) + [-1, 1, 2, -2, 3, -3, 4, -4, 5, -5]:
            mo = f.month + d
            if 1 <= mo <= 12:
                take(DateForm("month", f.year, mo, 0, f.part, None, 0, f.year_written))
    elif f.kind == "year" and f.year is not None:
        # four years in a row with the answer at a seeded rank: neither end nor middle tells
        for d in _ranked(seed, 1) + [-1, 1, 2, -2, 3, -3, 4, -4]:
            take(DateForm("year", f.year + d, 0, 0, "", None, 0, True, zero=f.zero))
    elif f.kind == "fest":
        numbered = FESTIVALS[f.month][:1] in "一二三四五六七八九十"   # 五四青年节: offer 三八妇女节, 六一儿童节…
        pool: tuple[str, ...] = _FEST_CYCLE
        if numbered:   # 七一 alone is offered 五一 and 十一, not 三八妇女节 (too few: a fill)
            pool = _BARE_FEST if FESTIVALS[f.month] in _BARE_FEST else _NUMBERED_FEST
        for name in rotated(pool, seed):
            take(DateForm("fest", None, FESTIVALS.index(name), 0, f.part))
    return out
