"""Believable wrong options: same kind, unit and surface form; never true in the article."""
from __future__ import annotations

import re
from collections import defaultdict

from quiz.core.generate import dates, numbers
from quiz.core.generate.facts import Fact
from quiz.core.generate.ids import seed_of

_PLACE_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{2,5}?(?:自治区|省|市|州|县))+|^(?:自治区|区|市|县)")


class Pools:
    """Everything true in the article that distractors must avoid, and the
    same-kind values they are drawn from. Built once; lookups are bounded."""

    def __init__(self, facts: list[Fact]):
        self.figure_values: dict[str, set[float]] = defaultdict(set)
        self.date_keys: set[tuple] = set()
        self.by_kind: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.list_items: dict[int, list[str]] = defaultdict(list)
        seen: set[tuple] = set()
        seen_items: set[str] = set()
        for f in facts:
            if f.kind == "figure":
                for fig in f.form:
                    self.figure_values[fig.unit].add(fig.value)
            elif f.kind == "date":
                self.date_keys.add(f.form.key())
            elif f.items:
                for it in f.items:
                    if it not in seen_items:
                        seen_items.add(it)
                        self.list_items[len(it)].append(it)
            else:
                k = (f.kind, f.norm_text)
                if k not in seen:
                    seen.add(k)
                    self.by_kind[f.kind][len(f.norm_text)].append(f.norm_text)

    def nearby(self, kind: str, answer: str, seed: int, ok, count: int = 3, cap: int = 60) -> list[str]:
        """Same-kind values of similar length, chosen deterministically."""
        buckets = self.list_items if kind == "item" else self.by_kind.get(kind, {})
        if not buckets:
            return []
        n = len(answer)
        ranked = []
        looked = 0
        for d in range(0, 12):
            for L in {n - d, n + d}:
                for c in buckets.get(L, ()):
                    looked += 1
                    if c != answer and ok(c):
                        ranked.append((d, seed_of(str(seed), c), c))
                    if looked > cap:
                        break
            if len(ranked) >= count * 3 or looked > cap:
                break
        ranked.sort()
        return [c for _, _, c in ranked[:count]]


def _org_core(s: str) -> str:
    return _PLACE_PREFIX.sub("", s) or s


def for_fact(f: Fact, pools: Pools, seed: int, count: int = 3) -> list[str]:
    """Up to `count` distractors for a single-answer fact (may be fewer)."""
    norm = f.sentence.norm
    answer = f.norm_text
    if f.kind == "figure":
        figs = f.form
        base_len = sum(len(x.text()) for x in figs)
        suffix = answer[base_len:]
        per = []
        for i, fig in enumerate(figs):
            per.append(numbers.perturb(fig, seed + i, {fig.text()}, pools.figure_values[fig.unit], count + 2))
        k = min(len(p) for p in per)
        outs = []
        for j in range(k):
            text = "".join(p[(j + i) % k] if len(per) > 1 else p[j] for i, p in enumerate(per)) + suffix
            if text != answer and text not in outs and text not in norm:
                outs.append(text)
        return outs[:count]
    if f.kind == "date":
        outs = dates.shifts(f.form, seed, pools.date_keys, {answer}, count + 2)
        return [o for o in outs if o not in norm][:count]

    def ok(c: str) -> bool:
        if c in norm or c in answer or answer in c:
            return False
        if f.kind == "org" and _org_core(c) == _org_core(answer):
            return False
        if f.kind == "slogan" and ("、" in c) != ("、" in answer):
            return False
        return True

    return pools.nearby(f.kind, answer, seed, ok, count)


def for_items(f: Fact, pools: Pools, seed: int, count: int = 3) -> list[str]:
    norm = f.sentence.norm
    items = set(f.items)
    n = sum(len(x) for x in f.items) // max(len(f.items), 1)

    def ok(c: str) -> bool:
        return c not in items and c not in norm and not any(c in x or x in c for x in items)

    return pools.nearby("item", "x" * n, seed, ok, count)
