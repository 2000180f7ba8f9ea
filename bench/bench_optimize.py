"""Optimizer benchmark: `quiz optimize` on a 10k-answer history (target < 2 s, python startup
measured as a baseline), and rescheduling every studied card with new parameters.

The history is a simulated learner: a study session a day, each answer right with the recall a
py-fsrs memory model gives, so the fit has something real to find."""
from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ANSWERS = 10_000
START = datetime(2024, 1, 1, 12, tzinfo=UTC)


def _history(data: Path) -> datetime:
    from quiz.core.model import Bank, Question
    from quiz.core.scheduler import AGAIN, GOOD, HARD, CardState, Scheduler
    from quiz.core.session import Mode, Session
    from quiz.core.store import Store

    now = [START]
    clock = lambda: now[0]  # noqa: E731
    bank = Bank(id="b", title="B", questions=tuple(
        Question(id=f"q{i}", type="fill", prompt=f"题{i}", answers=("x",)) for i in range(3000)))
    rng = random.Random(5)
    truth = Scheduler([0.5, 2.0, 4.0, 12.0, *Scheduler().parameters[4:]], fuzz=False, tz=UTC)
    memory: dict[str, CardState] = {}
    n = 0
    with Store.open(data, clock=clock, backup=False) as store:
        store.conn.execute("PRAGMA synchronous = OFF")  # building the history, not measuring durability
        while n < ANSWERS:
            s = Session(store, [bank], Mode.STUDY, clock=clock, rng=rng, new_limit=25, fuzz=False)
            while n < ANSWERS and (q := s.next()) is not None:
                known = memory.get(q.id, CardState())
                p = truth.retrievability(1, known, now[0]) if known.stability else 0.6
                rating = rng.choice([HARD, GOOD, GOOD, GOOD]) if rng.random() < p else AGAIN
                memory[q.id] = truth.review(1, known, rating, now[0])
                s.grade(q, rating, elapsed=3)
                now[0] += timedelta(seconds=20)
                n += 1
            now[0] = now[0].replace(hour=12) + timedelta(days=1, hours=rng.randint(-5, 9))
    return now[0]


def _median_s(fn, n: int) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run() -> Iterable[str]:
    root = Path(tempfile.mkdtemp(prefix="quiz-bench-opt-", dir=os.environ.get("QUIZ_BENCH_DIR")))
    data = root / "data"
    try:
        t0 = time.perf_counter()
        end = _history(data)
        yield f"simulated {ANSWERS} answers over {(end - START).days} days in {time.perf_counter() - t0:.1f} s"
        env = dict(os.environ, QUIZ_DATA_DIR=str(data))
        py = _median_s(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), 3)
        out: list[str] = []

        def optimize() -> None:
            r = subprocess.run([sys.executable, "-m", "quiz", "optimize", "--dry-run"], env=env, check=True,
                               capture_output=True, text=True)
            out.append(r.stdout)

        opt = _median_s(optimize, 3)
        yield f"python startup (baseline): median {py * 1000:.0f} ms"
        yield f"quiz optimize --dry-run ({ANSWERS} answers): median {opt:.2f} s  (target < 2 s)"
        for line in out[-1].splitlines():
            if "parameters:" in line and "predicted" in line:
                yield "  " + " ".join(line.split())
        from quiz.core.optimizer import reschedule
        from quiz.core.store import Store

        with Store.open(data, clock=lambda: end, backup=False) as store:
            store.set_setting("desired_retention", 0.85)
            t0 = time.perf_counter()
            cards, moved = reschedule(store, store.scheduler(fuzz=False))
            yield (f"reschedule at retention 0.85: {cards} studied cards, {ANSWERS} answers replayed in "
                   f"{time.perf_counter() - t0:.2f} s; {moved} moved")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    for line in run():
        print(line, flush=True)
