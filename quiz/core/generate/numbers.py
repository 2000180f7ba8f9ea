"""Figures: surface forms of numbers with units, and plausible perturbations."""
from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = sorted("""个百分点 百分点 平方公里 平方米 公顷 亩 千米 公里 米 千克 公斤 吨 克 万元 亿元 元
人次 场次 架次 车次 周年 余年 年 个月 天 小时 分钟 秒 岁 倍 % ％ 家 条 项 类 件 批 户 所 座 辆 台 套 本 册
场 次 期 名 人 位 个 组 处 栋 间 张 份 篇 部 首 支 村 乡 镇 县 种 棵 株 头 只 匹 千瓦 度 斤 公斤 立方米 床 间 门 堂
节 课 轮 届 场 班 队 所 家庭 单位 余人 块 幅 枚 面 盏 根 副 双 箱 袋 桶 辆次 架 艘 条次 万元 人份
户次 件次 批次 台次 门次 班次 组次 期次 站次 方面 个多小时 个半小时 个小时""".split(),
               key=len, reverse=True)
UNITS = [u for u in dict.fromkeys(UNITS) if u not in ("余人", "余年")]
CLASSIFIERS = set("个家名位所座支批组户")  # may take their noun into the answer
# one numeral counts the parts of a plan (分为两个阶段, 三支小分队, 四项具体目标, 六方面学习内容): a figure
SMALL_NUMERALS = "两三四五六七八九"
PART_UNITS = frozenset("个 项 支 方面 类 批 条 种 组 队".split())
# how long the work took (经过三个多小时的劳动, 用五分钟时间讲清楚): a minor fact a short report asks
WORK_SPANS = frozenset("个多小时 个半小时 个小时 小时 分钟".split())

_U = "|".join(re.escape(u) for u in UNITS)
# Every run of numerals is bounded (a figure never has more than 12 integer digits or
# numeral characters): on a long run of them (200 KB of 一, or of digits) a match attempt
# then costs a bounded amount at each position, so extraction stays linear.
MAX_RUN = 12
CN_NUMERALS = "一二两三四五六七八九十百千万零〇"
_NUM = rf"\d{{1,{MAX_RUN}}}(?:,\d{{3}}){{0,4}}(?:\.\d{{1,6}})?"
_CN = rf"[{CN_NUMERALS}]{{1,{MAX_RUN}}}"
FIGURE_RE = re.compile(
    rf"(?<![\d.,A-Za-z])(?:(?P<num>{_NUM})|(?P<cn>{_CN}))(?P<mag>万亿|万|亿)?(?P<approx>余|多)?"
    rf"(?P<mag2>万|亿)?(?P<unit>{_U})"
    rf"|(?P<vague>[数几])(?P<vmag>十|百|千|万|十万|百万)(?P<vapprox>余|多)?(?P<vunit>{_U})", re.ASCII)
_MAGS = {"": 1, "万": 10_000, "亿": 100_000_000, "万亿": 10**12}
_VAGUE = ("十", "百", "千", "万")


@dataclass(frozen=True, slots=True)
class Figure:
    digits: str        # as written: '1.2', '726', '1,300', or Chinese '三千' ('' for vague)
    chinese: bool
    mag: str           # 万 / 亿 / ''
    approx: str        # 余 / 多 / ''
    mag_after: bool    # '2余万' style (approx before mag)
    unit: str
    vague: str = ""    # 数 / 几 for 数千人
    vmag: str = ""

    @property
    def value(self) -> float:
        if self.vague:
            return -float({"十": 10, "百": 100, "千": 1000, "万": 10_000}.get(self.vmag, 0))
        return _num_value(self.digits, self.chinese) * _MAGS.get(self.mag, 1)

    def with_digits(self, digits: str) -> str:
        if self.vague:
            return f"{self.vague}{digits}{self.approx}{self.unit}"
        mid = f"{self.approx}{self.mag}" if self.mag_after else f"{self.mag}{self.approx}"
        return f"{digits}{mid}{self.unit}"

    def text(self) -> str:
        return self.with_digits(self.vmag if self.vague else self.digits)


def _num_value(digits: str, chinese: bool) -> float:
    if chinese:
        import cn2an  # lazily: only articles with Chinese numerals pay for it
        try:
            return float(cn2an.cn2an(digits, "smart"))
        except (ValueError, KeyError, IndexError):
            return float("nan")
    return float(digits.replace(",", ""))


def parse_match(m: re.Match) -> Figure | None:
    if m.group("vague"):
        return Figure("", False, "", m.group("vapprox") or "", False, m.group("vunit"),
                      m.group("vague"), m.group("vmag"))
    cn = m.group("cn")
    if cn:
        # 〇 writes digit by digit (二〇二一年: a year, read by dates.py); never a figure
        if len(cn) == 1 and cn in SMALL_NUMERALS and m.group("unit") in PART_UNITS | WORK_SPANS \
                and not m.group("approx") \
                and not (m.group("mag") or m.group("mag2")):
            return Figure(cn, True, "", "", False, m.group("unit"))   # 三支小分队, 四项具体目标: how many parts
        if len(cn) < 2 or cn[0] in "万百千" or cn in ("一一",) or "〇" in cn:
            return None
        if not any(c in "十百千万" for c in cn):
            return None   # 六七场, 三五个: two numerals side by side say "six or seven", no figure
    digits = m.group("num") or cn
    mag = m.group("mag") or m.group("mag2") or ""
    return Figure(digits, bool(cn), mag, m.group("approx") or "",
                  bool(m.group("mag2") and not m.group("mag")), m.group("unit"))


# Ratios a test-wise learner spots: options that are simple multiples of one value give it away.
SIMPLE_RATIOS = (0.25, 0.4, 0.5, 0.6, 2 / 3, 0.75, 0.8, 5 / 6, 1.2, 1.25, 4 / 3, 1.5, 2.0, 2.5, 3.0, 4.0)


def ratio_tell(values: list[float], answer: float, ties: bool = True) -> bool:
    """Could picking the option that the others are simple multiples of find the answer?
    (Also when it only ties with another: a test-wise learner then wins every other time.)"""
    def hits(v: float) -> int:
        return sum(1 for w in values if w != v and v and any(abs(w / v - r) <= 0.02 * r for r in SIMPLE_RATIOS))
    score = {v: hits(v) for v in values}
    best = max(score.values())
    if best == 0 or score.get(answer, -1) != best:
        return False
    return ties or sum(1 for x in score.values() if x == best) == 1


def _tell_odds(values: list[float], answer: float) -> float:
    """How often the ratio pick finds the answer: 1 / the number of options tied with it at the top."""
    def hits(v: float) -> int:
        return sum(1 for w in values if w != v and v and any(abs(w / v - r) <= 0.02 * r for r in SIMPLE_RATIOS))
    score = {v: hits(v) for v in values}
    best = max(score.values())
    if best == 0 or score[answer] != best:
        return 0.0
    return 1 / sum(1 for x in score.values() if x == best)


_SPANS = frozenset({"周年", "年", "岁", "天", "个月", "小时", "分钟", "届", "个多小时", "个半小时", "个小时"})


def _ladders(base: int, tz: int, seed: int, percent: bool = False, small: bool = False):
    """Candidate (step, rank) pairs: four evenly spaced values with the answer at a rank
    chosen by the seed, the step a tenth to a quarter of the value (never a multiple of it,
    so no option is a simple ratio of the others), kept as round as the answer."""
    q = 10 ** tz
    if base < 10:
        steps = [1, 2]
    elif base < 40:
        steps = [max(q, round(base * r / q) * q) for r in (0.1, 0.15, 0.2)]
    elif tz == 0 and base % 5 == 0:
        steps = [5, 10]   # 100周年, 60年: round spans move by five or ten
    elif small:
        steps = [1, 2, 3, 5]   # 毛泽东同志诞辰127周年, 71岁: an anniversary or an age moves by a few
    else:
        steps = [max(q, int(round(base * r / q)) * q) for r in (0.12, 0.1, 0.15, 0.2, 0.25, 0.08)]
    finer: list[int] = []
    if tz >= 2 and base >= 40 and len(set(steps)) == 1:   # 100余分钟: one step of 100 leaves the answer at an end
        f = q // 10
        finer = [max(f, int(round(base * r / f)) * f) for r in (0.1, 0.2, 0.15, 0.25)]
    if percent:
        steps = [s for s in (1, 2, 3, 5, 10) if s < base] + steps
    steps = list(dict.fromkeys(steps))
    order = rotated(steps, seed >> 3) + rotated([x for x in dict.fromkeys(finer) if x not in steps], seed >> 3)
    for k in rotated(range(4), seed):   # the seeded rank first, whatever the step
        for step in order:
            yield step, k


def perturb(fig: Figure, seed: int, taken: set[str], forbidden: set[float], count: int = 3,
            below: float | None = None) -> list[str]:
    """Up to `count` wrong surface forms of `fig`: same unit, 余/多, 万 and decimals.

    The options form an even ladder with the answer at a seeded rank, so neither the
    ratio of the options nor the answer's rank among them tells which one is right.
    `forbidden` holds the values true elsewhere in the article for this unit; `taken`
    the texts already used (the answer is in it); `below` a total stated in the same
    sentence that a part cannot reach."""
    if fig.vague:
        out: list[str] = []
        for v in rotated([v for v in _VAGUE if v != fig.vmag], seed):
            text = fig.with_digits(v)
            if text not in taken and len(out) < count:
                taken.add(text)
                out.append(text)
        return out
    if fig.chinese and len(fig.digits) == 1:
        return _parts(fig, seed, taken, forbidden, count)
    mag = _MAGS.get(fig.mag, 1)
    if fig.chinese:
        import cn2an
        base_v = fig.value
        if base_v != base_v or base_v <= 0 or base_v != int(base_v / mag) * mag:
            return []
        base, decimals, thousands = int(base_v / mag), 0, False
        write = lambda v: fig.with_digits("两" if v == 2 and not fig.mag else cn2an.an2cn(v))   # noqa: E731 (两个, not 二个)
    else:
        digits = fig.digits.replace(",", "")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        base = int(digits.replace(".", ""))
        thousands = "," in fig.digits
        write = lambda v: fig.with_digits(_format_int(v, decimals, thousands))   # noqa: E731
    scale = mag / (10 ** decimals)
    tz = 0
    b = base
    while b and b % 10 == 0 and tz < len(str(base)) - 1:
        tz += 1
        b //= 10
    if base <= 0:
        return []
    percent = fig.unit in ("%", "％", "百分点", "个百分点")
    if fig.unit in _SPANS and not fig.mag and not fig.approx:
        tz = 0   # 100周年 -> 95/105周年, never 400周年: a span of time moves by years, not by hundreds
    best: tuple[float, list[str]] | None = None   # the ladder that tells least, when every one tells
    for strict in (True, False):   # a ladder whose ratios tell nothing; else the one that tells least
        for step, k in _ladders(base, tz, seed, percent and base * scale > 60, fig.unit in ("周年", "岁")):
            values = [base + (i - k) * step for i in range(4)]
            if values[0] <= 0:
                continue
            wrong = [v for v in values if v != base]
            if percent and any(v * scale > 100 for v in wrong) and base * scale <= 100:
                continue
            if below is not None and any(v * scale >= below for v in wrong):
                continue
            if fig.mag == "万" and base * scale < 1e8 <= max(values) * scale:
                continue   # 9000万元 -> never 11000万元 (that is 1.1亿元)
            if decimals and base % 10 and any(v % 10 == 0 for v in wrong):
                continue   # 1.2万 -> never 1.0万
            if any(v * scale in forbidden for v in wrong):
                continue
            texts = [write(v) for v in wrong]
            if any(t in taken for t in texts) or len(set(texts)) < len(texts):
                continue
            if strict and _tell_odds(values, base) <= 1 / 3:   # at worst a three-way tie at the top
                taken.update(texts)
                return texts[:count]
            tell = _tell_odds(values, base)
            if not strict and (best is None or tell < best[0]):
                best = (tell, texts)
    if best is not None:
        taken.update(best[1])
        return best[1][:count]
    return []


def _format_int(n: int, decimals: int, thousands: bool) -> str:
    if decimals:
        s = str(n).rjust(decimals + 1, "0")
        whole = f"{int(s[:-decimals]):,}" if thousands else s[:-decimals]
        return f"{whole}.{s[-decimals:]}"
    return f"{n:,}" if thousands else str(n)


def rotated(seq, seed: int) -> list:
    """A deterministic shuffle of seq driven by seed (no global random state)."""
    items = list(seq)
    out = []
    s = seed & 0xFFFFFFFF or 1
    while items:
        s = (1103515245 * s + 12345) & 0x7FFFFFFF
        out.append(items.pop(s % len(items)))
    return out


# every ratio a test-wise learner might see between small counts (1/4 … 4, thirds and fifths too)
_SMALL_RATIOS = (0.25, 1 / 3, 0.4, 0.5, 0.6, 2 / 3, 0.75, 0.8, 5 / 6, 1.2, 1.25, 4 / 3, 1.5, 5 / 3, 2.0, 2.5, 3.0, 4.0)


def _parts(fig: Figure, seed: int, taken: set[str], forbidden: set[float], count: int) -> list[str]:
    """Options for one numeral counting parts (三支小分队): four values in a row from 1 to 10, the
    window chosen by the seed among those where the answer is not the one value the others are
    simple multiples of (small counts are full of simple ratios: 1, 3, 5, 7 gives 3 away)."""
    import cn2an
    n = int(fig.value)

    def hits(v: int, values: list[int]) -> int:
        return sum(1 for w in values if w != v and any(abs(w / v - r) <= 0.01 * r for r in _SMALL_RATIOS))

    def safe(values: list[int]) -> bool:
        score = {v: hits(v, values) for v in values}
        best = max(score.values())
        return score[n] < best or sum(1 for x in score.values() if x == best) >= 3

    windows = [list(range(lo, lo + 4)) for lo in range(max(1, n - 3), n + 1) if lo + 3 <= 10]
    windows = [w for w in windows if not any(v != n and v in forbidden for v in w)] or windows
    good = [w for w in windows if safe(w)] or windows
    out: list[str] = []
    for v in rotated(good, seed)[0] if good else []:
        text = fig.with_digits("两" if v == 2 else cn2an.an2cn(v))
        if v != n and text not in taken and len(out) < count:
            taken.add(text)
            out.append(text)
    return out
