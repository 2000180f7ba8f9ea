"""Generator speed: the seed article as a whole `quiz generate` process vs `python -c pass`,
time per 10 KB of a synthetic corpus at 250 KB, 500 KB and 1 MB (should stay flat: linear),
and of degenerate corpora (one run of Chinese numerals or digits, a line without full stops)
at 250 KB and 1 MB, as a ratio of the normal corpus' rate (these were quadratic once)."""
from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

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


def _median_run(cmd: list[str], n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def run() -> Iterable[str]:
    quiz = str(QUIZ) if QUIZ.exists() else None
    base = _median_run([sys.executable, "-c", "pass"], 7)
    yield f"python -c pass (baseline): median {base * 1000:.0f} ms (7 runs)"
    if quiz:
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "b.yaml")
            seed = _median_run([quiz, "generate", str(SEED), "-o", out], 7)
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
