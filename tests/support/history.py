"""A simulated learner for optimizer tests and benchmarks: study sessions day after day, each answer
right with the probability a "true" FSRS memory model gives (seeded, so deterministic)."""
from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.core.model import Bank, Question
from quiz.core.scheduler import AGAIN, EASY, GOOD, HARD, CardState, Scheduler
from quiz.core.session import Mode, Session
from quiz.core.store import Store

START = datetime(2024, 1, 1, 12, tzinfo=UTC)


def simulate(data: Path | str, answers: int, *, true_params: Sequence[float] | None = None, seed: int = 3,
             new_per_day: int = 10, cards: int = 200, start: datetime = START) -> datetime:
    """Study a `cards`-question bank in `data` until `answers` answers are stored, one session a day
    at a varying hour; returns the clock's time at the end. The learner recalls each card with the
    retrievability a Scheduler with `true_params` (default: py-fsrs's defaults) gives."""
    now = [start]
    clock = lambda: now[0]  # noqa: E731
    bank = Bank(id="b", title="B", questions=tuple(
        Question(id=f"q{i}", type="fill", prompt=f"题{i}", answers=("x",)) for i in range(cards)))
    rng = random.Random(seed)
    truth = Scheduler(true_params, fuzz=False, tz=UTC)
    memory: dict[str, CardState] = {}
    n = 0
    with Store.open(data, clock=clock, backup=False) as store:
        while n < answers:
            s = Session(store, [bank], Mode.STUDY, clock=clock, rng=rng, new_limit=new_per_day, fuzz=False)
            while n < answers and (q := s.next()) is not None:
                known = memory.get(q.id, CardState())
                p = truth.retrievability(1, known, now[0]) if known.stability else 0.5
                if rng.random() < p:
                    rating = rng.choice([HARD, GOOD, GOOD, GOOD, GOOD, EASY])
                else:
                    rating = AGAIN
                memory[q.id] = truth.review(1, known, rating, now[0])
                s.grade(q, rating, elapsed=3)
                now[0] += timedelta(seconds=30)
                n += 1
            now[0] = now[0].replace(hour=12) + timedelta(days=1, hours=rng.randint(-4, 8))
    return now[0]
