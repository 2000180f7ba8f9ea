"""Number options of `make quality`: the values of choice options, the test-wise attacks on them
(ratio: pick the option the others are simple multiples of; rank: pick the median or an extreme
option) scored against chance, and totals stated in the sentence that a part cannot exceed.

An attack that cannot tell options apart picks at random among its best candidates, so its
expected hit is the share of the answer among them: ties count as chance, not as a hit."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction

import cn2an

from bench.quality_text import norm

_ARABIC = re.compile(r"(\d+(?:\.\d+)?)(万|亿|千)?")
_CHINESE = re.compile(r"[零〇一二两三四五六七八九十百千万亿]{1,12}")
_DATEISH = re.compile(r"\d\s*(年|月|日|号|时)")
_SCALE = {"万": 10_000, "千": 1_000, "亿": 100_000_000, None: 1}

_BASE = [Fraction(1, 4), Fraction(1, 3), Fraction(2, 5), Fraction(1, 2), Fraction(3, 5), Fraction(2, 3),
         Fraction(3, 4), Fraction(4, 5), Fraction(5, 6)]
SIMPLE_RATIOS = tuple(sorted({float(r) for r in _BASE} | {float(1 / r) for r in _BASE}))


def numbers_in(text: str) -> list[float]:
    """Every number in `text`, in order: 1.2万 -> 12000.0, 一千二百 -> 1200.0."""
    t = norm(text)
    out: list[tuple[int, float]] = []
    for m in _ARABIC.finditer(t):
        out.append((m.start(), float(m.group(1)) * _SCALE[m.group(2)]))
    for m in _CHINESE.finditer(t):
        run = m.group()
        if run in ("万", "亿", "千", "百", "十") or (m.start() and t[m.start() - 1].isdigit()):
            continue
        try:
            out.append((m.start(), float(cn2an.cn2an(run, "smart"))))
        except (ValueError, KeyError, TypeError, IndexError):
            continue
    return [v for _, v in sorted(out)]


def option_values(options: list[str]) -> list[float] | None:
    """One value per option when the options differ in exactly one number (2月21日/2月23日 by the
    day, 800余场次/600余场次 by the count); None when they are not number options."""
    nums = [numbers_in(o) for o in options]
    if len(options) < 2 or not nums[0] or any(len(n) != len(nums[0]) for n in nums):
        return None
    varying = [i for i in range(len(nums[0])) if len({n[i] for n in nums}) > 1]
    if len(varying) != 1:
        return None
    vals = [n[varying[0]] for n in nums]
    return vals if len(set(vals)) == len(vals) else None


def is_dateish(options: list[str]) -> bool:
    return any(_DATEISH.search(norm(o)) for o in options)


def _simple(a: float, b: float) -> bool:
    r = a / b
    return any(abs(r - s) <= 0.01 * s for s in SIMPLE_RATIOS)


def ratio_candidates(vals: list[float]) -> list[int]:
    """The options the most others are simple multiples of (all of them when none relate)."""
    if any(v <= 0 for v in vals):
        return list(range(len(vals)))
    score = [sum(1 for j, w in enumerate(vals) if j != i and _simple(w, v)) for i, v in enumerate(vals)]
    best = max(score)
    return [i for i, s in enumerate(score) if s == best]


def ratio_gives_away(vals: list[float], answer: int) -> bool:
    """The answer is the one option that at least two others are simple multiples of."""
    if any(v <= 0 for v in vals):
        return False
    score = [sum(1 for j, w in enumerate(vals) if j != i and _simple(w, v)) for i, v in enumerate(vals)]
    best = max(score)
    return best >= 2 and score.count(best) == 1 and score[answer] == best


def rank_hits(vals: list[float], answer: int) -> tuple[float, float]:
    """Expected hits of (pick a middle option, pick the smallest or largest option)."""
    n = len(vals)
    order = sorted(range(n), key=lambda i: vals[i])
    r = order.index(answer)
    middle = [n // 2] if n % 2 else [n // 2 - 1, n // 2]
    return (1 / len(middle) if r in middle else 0.0), (0.5 if r in (0, n - 1) else 0.0)


@dataclass
class Attacks:
    """Running totals of the attacks over many questions."""
    ratio_tries: int = 0
    ratio_hits: float = 0.0
    ratio_chance: float = 0.0
    rank_tries: int = 0
    median_hits: float = 0.0
    extreme_hits: float = 0.0
    rank_chance: float = 0.0
    guessed: list[str] = field(default_factory=list)  # ids the ratio attack gives away

    def add(self, qid: str, options: list[str], answer: str) -> None:
        vals = option_values(options)
        if vals is None or answer not in options:
            return
        a = options.index(answer)
        n = len(options)
        self.rank_tries += 1
        self.rank_chance += 1 / n
        med, ext = rank_hits(vals, a)
        self.median_hits += med
        self.extreme_hits += ext
        if is_dateish(options):
            return
        best = ratio_candidates(vals)
        self.ratio_tries += 1
        self.ratio_chance += 1 / n
        self.ratio_hits += (1 / len(best)) if a in best else 0.0
        if ratio_gives_away(vals, a):
            self.guessed.append(qid)

    def merge(self, other: "Attacks") -> None:
        for k in ("ratio_tries", "ratio_hits", "ratio_chance", "rank_tries", "median_hits", "extreme_hits",
                  "rank_chance"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def summary(self) -> dict:
        def rate(x: float, n: int) -> float | None:
            return round(x / n, 3) if n else None
        rank = max(self.median_hits, self.extreme_hits)
        return {"ratio": rate(self.ratio_hits, self.ratio_tries), "ratio_chance": rate(self.ratio_chance, self.ratio_tries),
                "ratio_n": self.ratio_tries, "rank": rate(rank, self.rank_tries),
                "rank_by": ("median" if self.median_hits >= self.extreme_hits else "extreme") if self.rank_tries else None,
                "rank_chance": rate(self.rank_chance, self.rank_tries), "rank_n": self.rank_tries}


# ---- totals stated in the sentence -----------------------------------------------------------

_COUNT = re.compile(r"(\d+(?:\.\d+)?)(万|千|亿)?(余|多)?([^\d\s，。、；：,.;:余多万千亿])")
_TOTAL_BEFORE = re.compile(r"(共|总计|合计|累计|共计)(有|计|达)?$")


def _counts(text: str) -> list[tuple[int, float, str]]:
    """(offset, value, classifier) of each digit count in `text` (8个, 1.2万余人)."""
    return [(m.start(), float(m.group(1)) * _SCALE[m.group(2)], m.group(4)) for m in _COUNT.finditer(text)]


def stated_total(source: str, answer: str) -> float | None:
    """The total a part-answer cannot exceed: a count with the answer's classifier that comes
    right after 共/总计/合计/累计, or before a 其中 that comes before the answer."""
    src, ans = norm(source), norm(answer)
    mine = _counts(ans)
    pos = src.find(ans)
    if len(mine) != 1 or pos < 0:
        return None
    unit = mine[0][2]
    totals = []
    split = src.rfind("其中", 0, pos)
    for off, val, cls in _counts(src):
        if cls != unit or off == pos + mine[0][0]:
            continue
        if _TOTAL_BEFORE.search(src[max(0, off - 4):off]) or (0 <= split and off < split):
            totals.append(val)
    return max(totals) if totals else None


def options_above_total(source: str, answer: str, options: list[str]) -> list[str]:
    """Options larger than a total stated in the sentence, when the answer itself is below it."""
    total = stated_total(source, answer)
    if total is None:
        return []
    mine = _counts(norm(answer))
    if not mine or mine[0][1] >= total:
        return []
    out = []
    for o in options:
        c = _counts(norm(o))
        if len(c) == 1 and c[0][1] > total:
            out.append(o)
    return out
