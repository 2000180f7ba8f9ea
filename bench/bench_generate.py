"""Generator speed and quality.

Speed: the seed article as a whole `quiz generate` process vs `python -c pass`, time per 10 KB
of a synthetic corpus at 250 KB, 500 KB and 1 MB (should stay flat: linear; past 8000 facts the
rest of a text is not read), of degenerate corpora (one run of Chinese numerals or digits, a
line without full stops) at 250 KB and 1 MB, and one 300 KB sentence (bounded bank).
Quality, per article with a facts file (tests/data/articles/facts/): recall of the teacher's
facts by kept questions, answers printed in another prompt, the most questions from one
sentence, and how often the ratio pick finds a number answer (chance 0.25)."""
from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from bench.bench_formats import median_run

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "xizang-dangshi-2021.txt"
QUIZ = ROOT / ".venv" / "bin" / "quiz"

_PLACES = ["青禾县", "白石县", "云岭市", "海滨市", "北川县", "东林乡", "南坪镇", "望潮村"]
_ORGS = ["民政局", "农业农村厅", "文化和旅游局", "科学技术协会", "融媒体中心", "交通运输局"]
_SLOGANS = ["学思想、强本领", "红色故事进万家", "暖心敲门", "科技下乡", "我为群众办实事", "百年征程"]
_TEMPLATES = [
    "{m}月{d}日上午，{p}{o}召开专题会议，部署“{s}”活动，设分会场{n1}个，{n2}余名党员干部参加。",
    "截至目前，{p}已开展宣讲活动{n3}余场次，覆盖群众{f}万余人次。",
    "{p}{o}组建{n4}支服务队，深入基层开展走访、调研、宣讲等活动，投入资金{f}亿元。",
    "“要把学习成果转化为实际行动。”{p}{o}局长王{c}说。",
    "{m}月份，{p}新修道路{f}公里，新建冷库{n4}座，走访困难家庭{n3}余户。",
]


def corpus(size: int, seed: int = 0) -> str:
    """A synthetic article of about `size` bytes, varied so facts do not repeat."""
    rng = random.Random(seed)
    parts, total, i = [], 0, 0
    while total < size:
        if i % 12 == 0:
            parts.append(f"\n第{i // 12 + 1}部分\n")
        t = rng.choice(_TEMPLATES).format(
            m=rng.randint(1, 12), d=rng.randint(1, 28), p=rng.choice(_PLACES), o=rng.choice(_ORGS),
            s=rng.choice(_SLOGANS), n1=rng.randint(10, 999), n2=rng.randint(2, 99) * 100,
            n3=rng.randint(100, 9999), n4=rng.randint(2, 60), f=f"{rng.randint(10, 999) / 10:.1f}",
            c=rng.choice("明华军芳强伟"))
        line = "　　" + t + "\n"
        parts.append(line)
        total += len(line.encode("utf-8"))
        i += 1
    return "".join(parts)


def run() -> Iterable[str]:
    quiz = str(QUIZ) if QUIZ.exists() else None
    base = median_run([sys.executable, "-c", "pass"], 7)
    yield f"python -c pass (baseline): median {base * 1000:.0f} ms (7 runs)"
    if quiz:
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "b.yaml")
            seed = median_run([quiz, "generate", str(SEED), "-o", out], 7)
        yield (f"quiz generate seed article (whole process): median {seed * 1000:.0f} ms (7 runs), "
               f"{seed / base:.1f}x baseline, goal <= 1000 ms: {'ok' if seed <= 1.0 else 'SLOW'}")
    from quiz.core.generate import generate
    rates = []
    for kb in (250, 500, 1000):
        text = corpus(kb * 1000)
        times = []
        for _ in range(3):
            t = time.perf_counter()
            r = generate(text, bank_id="bench")
            times.append(time.perf_counter() - t)
        med = statistics.median(times)
        per10 = med / (len(text.encode("utf-8")) / 10_000)
        rates.append(per10)
        yield (f"synthetic {kb:>4} KB: median {med:.2f} s, {per10 * 1000:.1f} ms per 10 KB "
               f"({len(r.bank.questions)} questions), {per10 / rates[0]:.2f}x the 250 KB rate")
    yield f"linearity: 1 MB rate / 250 KB rate = {rates[-1] / rates[0]:.2f} (1.0 = linear)"
    for name, make in DEGENERATE:
        drates = []
        for kb in (250, 1000):
            text = make(kb * 1000)
            med = statistics.median(_timed(lambda: generate(text, bank_id="bench"), 3))
            per10 = med / (len(text.encode("utf-8")) / 10_000)
            drates.append(per10)
            yield (f"{name} {kb:>4} KB: median {med:.2f} s, {per10 * 1000:.1f} ms per 10 KB, "
                   f"{per10 / rates[0]:.2f}x the normal 250 KB rate")
        yield f"{name}: 1 MB rate / 250 KB rate = {drates[-1] / drates[0]:.2f} (1.0 = linear)"
    body = SEED.read_text(encoding="utf-8").replace("。", "，").replace("\n", "")
    one = (body * (300_000 // len(body) + 1))[:300_000] + "。"
    t = time.perf_counter()
    r = generate(one, bank_id="bench")
    from quiz.core.exchange.yaml_out import dump_bank
    size = len(dump_bank(r.bank).encode("utf-8"))
    yield (f"one 300 KB sentence: {time.perf_counter() - t:.2f} s, {len(r.bank.questions)} questions, "
           f"bank {size / 1000:.0f} KB (bounded)")
    yield from quality()


def quality() -> Iterable[str]:
    """One line per article of the dev set (a cheap stand-in for the shared yardsticks)."""
    import re
    import unicodedata
    from collections import Counter

    import yaml

    from quiz.core.generate import generate

    def fold(x: str) -> str:
        return re.sub(r"[\s“”‘’\"'《》]", "", unicodedata.normalize("NFKC", x))

    for facts in sorted((ROOT / "tests" / "data" / "articles" / "facts").glob("*.yaml")):
        gold = yaml.safe_load(facts.read_text(encoding="utf-8"))
        qs = generate((ROOT / gold["article"]).read_text(encoding="utf-8"), bank_id="q").bank.questions
        asked = [q for q in qs if q.type != "truefalse"]
        hit = sum(any((not f.get("near") or fold(f["near"]) in fold(q.prompt + (q.source or "")))
                      and any(fold(k) in fold(a) for a in q.answers for k in f["any"]) for q in asked)
                  for f in gold["facts"])
        single = [q for q in qs if q.type in ("fill", "choice") and len(fold(q.answer)) >= 2]
        leak = sum(any(o is not q and fold(q.answer) in fold(o.prompt) for o in qs) for q in single)
        most = max(Counter(q.source for q in qs).values(), default=0)
        tries = hits = 0
        for q in qs:
            if q.type == "choice" and q.tags[0] == "figure":
                vals = [re.search(r"\d+(?:\.\d+)?", fold(c).replace(",", "")) for c in q.choices]
                if None in vals:
                    continue
                v = [float(m.group()) for m in vals]
                if 0 in v:
                    continue
                score = [sum(1 for w in v if w != x and any(abs(w / x - r) <= 0.02 * r for r in _SIMPLE)) for x in v]
                tries += 1
                hits += v.index(v[score.index(max(score))]) == q.choices.index(q.answer)
        yield (f"quality {facts.stem:<24} recall {hit / len(gold['facts']):.2f}  leak {leak / max(len(single), 1):.2f}  "
               f"per-sentence max {most}  ratio pick {hits}/{tries}  ({len(qs)} questions)")


_SIMPLE = (0.25, 0.4, 0.5, 0.6, 2 / 3, 0.75, 0.8, 1.2, 1.25, 4 / 3, 1.5, 2, 2.5, 3)


def _timed(fn, n: int) -> list[float]:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: "标题\n\n　　" + unit * (size // len(unit.encode("utf-8"))) + "\n"


DEGENERATE = (
    ("numeral run (一一一…)", _repeat("一")),
    ("digit run (111…)", _repeat("1")),
    ("no full stops (书记张三说，2月1日，…)", _repeat("书记张三说，2月1日，青海省西宁市民政局，")),
)
