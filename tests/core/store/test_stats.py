import random
from datetime import UTC, datetime, timedelta, timezone

import pytest
from support.banks import fill_bank
from support.clock import Clock as SharedClock

from quiz.core.scoring import points_for
from quiz.core.session import Mode, Session
from quiz.core.store import Store, stats

TZ = timezone(timedelta(hours=8))


def Clock():  # noqa: N802 - the shared clock, at 12:00 in UTC+8
    return SharedClock(datetime(2024, 3, 1, 4, 0, tzinfo=UTC))


def bank(n, tags=()):
    return fill_bank(n, tags=lambda i: tags, bank_tags=("bank-tag",), prompt="题{i}", answer="答")


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
    assert points_for(False, 0) == 0
    assert points_for(True, 1) == 10
    assert points_for(True, 3) == 12
    assert points_for(True, 100) == 20  # bonus capped at 10
    assert points_for(True, 1, used_hint=True) == 5


def test_streak_days_follow_the_local_day(env):
    store, clock = env
    b = bank(20)
    assert stats.streak_days(store, clock()) == 0
    for day in range(3):
        clock.now = datetime(2024, 3, 1, 4, tzinfo=UTC) + timedelta(days=day)
        study_day(store, clock, b, [4])
    assert stats.streak_days(store, clock()) == 3 == stats.streak_days(store, clock(), [b.id])
    # 03:30 local the next morning still belongs to the same learning day
    clock.now = datetime(2024, 3, 3, 19, 30, tzinfo=UTC)   # 03:30 on 3/4 in UTC+8
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
    assert len(over["forecast"]) == 30 and sum(over["forecast"]) == 3   # two reviews and the learning card
    assert over["forecast"][0] == over["due_today"]                      # day 0 is "due today"
    assert stats.accuracy_by_bank(store) == {"b1": (2, 3)}
    assert stats.accuracy_by_tag(store, [b]) == {"bank-tag": (2, 3), "date": (2, 3)}
    assert stats.time_per_answer(store) == pytest.approx(4.0)


def test_best_streak_days_is_the_longest_run_even_after_a_gap(env):
    store, clock = env
    b = bank(30)
    assert stats.best_streak_days(store, clock()) == 0
    start = datetime(2024, 3, 1, 4, tzinfo=UTC)
    for day in (0, 1, 2, 3, 6, 7):      # a run of 4, a gap, a run of 2 ending today
        clock.now = start + timedelta(days=day)
        study_day(store, clock, b, [4])
    assert stats.streak_days(store, clock()) == 2
    assert stats.best_streak_days(store, clock()) == 4
    assert stats.best_streak_days(store, clock(), ["other"]) == 0
    # per bank (a different query path) the same days give the same runs
    assert stats.best_streak_days(store, clock(), [b.id]) == 4
    assert stats.streak_days(store, clock(), [b.id]) == 2
    assert stats.streak_days(store, clock(), ["other"]) == 0
    assert stats.overview(store, clock()).to_dict()["best_streak_days"] == 4
    # 03:30 local the next morning still belongs to the run's last day
    clock.now = start + timedelta(days=7, hours=15, minutes=30)
    assert stats.best_streak_days(store, clock()) == 4


def test_weekly_accuracy_puts_each_answer_in_its_week(env):
    store, clock = env
    b = bank(10)
    start = clock.now
    study_day(store, clock, b, [4, 1])          # 3 weeks before the end: 1 of 2
    clock.now = start + timedelta(days=21)
    study_day(store, clock, b, [4, 4, 4, 1])    # this week: 3 of 4
    acc = stats.weekly_accuracy(store, clock(), weeks=4)
    assert acc == [pytest.approx(0.5), None, None, pytest.approx(0.75)]
    assert stats.weekly_accuracy(store, clock(), weeks=4, bank_ids=["other"]) == [None] * 4
    assert stats.weekly_accuracy(store, clock(), weeks=2) == [None, pytest.approx(0.75)]


def test_best_challenge_is_the_longest_challenge_run_per_bank(env):
    store, clock = env
    b = bank(6)
    assert stats.best_challenge(store, clock()) == 0

    def challenge(rights):
        s = Session(store, [b], Mode.CHALLENGE, clock=clock, rng=random.Random(0), schedule=False)
        for right in rights:
            q = s.next()
            if q is None:
                break
            s.answer(q, "答" if right else "错", elapsed=2)

    challenge([True, True, False])
    challenge([True, True, True, False])
    study_day(store, clock, b, [4, 4, 4, 4, 4])   # a longer streak, but not a challenge
    assert stats.best_challenge(store, clock()) == 3
    assert stats.best_challenge(store, clock(), ["b1"]) == 3
    assert stats.best_challenge(store, clock(), ["other"]) == 0


def test_a_banks_statistics_count_only_its_own_answers(env):
    """Per bank (the reviews_bank index) and for several banks at once (each bank's days merged)."""
    store, clock = env
    one, two = bank(10), fill_bank(10, bank_id="b2", prompt="题{i}", answer="答")
    start = datetime(2024, 3, 1, 4, tzinfo=UTC)
    for day, b, ratings in ((0, one, [4, 1]), (1, two, [4]), (2, one, [4]), (3, two, [1, 1, 4])):
        clock.now = start + timedelta(days=day)
        study_day(store, clock, b, ratings)
    now = clock()
    days = stats.studied_days(store, now)
    assert len(days) == 4
    assert stats.studied_days(store, now, ["b1"]) == [days[0], days[2]]
    assert stats.studied_days(store, now, ["b2"]) == [days[1], days[3]]
    assert stats.studied_days(store, now, ["b1", "b2"]) == days
    assert stats.streak_days(store, now, ["b2"]) == 1  # today
    assert stats.streak_days(store, now, ["b1"]) == 1  # yesterday: the run is still open today
    assert stats.streak_days(store, now, ["b1", "b2"]) == 4
    assert stats.best_streak_days(store, now, ["b1"]) == 1
    assert stats.overview(store, now, ["b2"]).reviews == 4
    assert sum(stats.reviews_per_day(store, now, bank_ids=["b1"]).values()) == 3
    assert stats.accuracy_by_bank(store) == {"b1": (2, 3), "b2": (2, 4)}
