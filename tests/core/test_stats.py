import random
from datetime import datetime, timedelta, timezone

import pytest

from quiz.core import stats
from quiz.core.model import Bank, Question
from quiz.core.session import Mode, Session
from quiz.core.store import Store

TZ = timezone(timedelta(hours=8))


class Clock:
    def __init__(self):
        self.now = datetime(2024, 3, 1, 4, 0, tzinfo=timezone.utc)  # 12:00 in UTC+8

    def __call__(self):
        return self.now


def bank(n, tags=()):
    return Bank(id="b1", title="T", tags=("bank-tag",),
                questions=tuple(Question(id=f"q{i}", type="fill", prompt=f"题{i}", answers=("答",),
                                         tags=tags) for i in range(n)))


@pytest.fixture
def env(tmp_path):
    clock = Clock()
    store = Store.open(tmp_path, clock=clock, backup=False, tz=TZ)
    yield store, clock
    store.close()


def study_day(store, clock, b, ratings):
    s = Session(store, [b], Mode.STUDY, clock=clock, rng=random.Random(0), new_limit=100, fuzz=False)
    for r in ratings:
        q = s.next()
        s.grade(q, r, elapsed=4)
    return s


def test_points_rule():
    assert stats.points_for(False, 0) == 0
    assert stats.points_for(True, 1) == 10
    assert stats.points_for(True, 3) == 12
    assert stats.points_for(True, 100) == 20  # bonus capped at 10
    assert stats.points_for(True, 1, used_hint=True) == 5


def test_streak_days_follow_the_local_day(env):
    store, clock = env
    b = bank(20)
    assert stats.streak_days(store, clock()) == 0
    for day in range(3):
        clock.now = datetime(2024, 3, 1, 4, tzinfo=timezone.utc) + timedelta(days=day)
        study_day(store, clock, b, [4])
    assert stats.streak_days(store, clock()) == 3
    # 03:30 local the next morning still belongs to the same learning day
    clock.now = datetime(2024, 3, 3, 19, 30, tzinfo=timezone.utc)   # 03:30 on 3/4 in UTC+8
    assert stats.streak_days(store, clock()) == 3
    # a day without answers breaks it (yesterday still counts while today is empty)
    clock.now += timedelta(days=1)
    assert stats.streak_days(store, clock()) == 3
    clock.now += timedelta(days=1)
    assert stats.streak_days(store, clock()) == 0
    per_day = stats.reviews_per_day(store, clock(), 10)
    assert sorted(per_day.values()) == [1, 1, 1] and len(per_day) == 3


def test_retention_counts_only_review_state_answers(env):
    store, clock = env
    b = bank(4)
    study_day(store, clock, b, [4, 4, 4, 1])   # new cards: not part of retention
    study_day(store, clock, b, [4])            # the relearned one, still not review-state
    assert stats.retention(store, clock()) is None
    clock.now += timedelta(days=30)
    study_day(store, clock, b, [3, 3, 1])     # three review cards due: 2 right of 3
    assert stats.retention(store, clock()) == pytest.approx(2 / 3)


def test_overview_forecast_and_accuracy(env):
    store, clock = env
    b = bank(5, tags=("date",))
    study_day(store, clock, b, [4, 4, 1])
    over = stats.overview(store, clock()).to_dict()
    for key in ("reviews", "due_today", "new", "missed", "leeches", "retention", "streak_days"):
        assert key in over
    assert over["reviews"] == 3 and over["new"] == 2 and over["missed"] == 1 and over["streak_days"] == 1
    assert len(over["forecast"]) == 30 and sum(over["forecast"]) == 2
    assert stats.accuracy_by_bank(store) == {"b1": (2, 3)}
    assert stats.accuracy_by_tag(store, [b]) == {"bank-tag": (2, 3), "date": (2, 3)}
    assert stats.time_per_answer(store) == pytest.approx(4.0)
