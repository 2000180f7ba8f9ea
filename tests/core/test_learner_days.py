"""Elapsed time in learner days: quiz's memory states agree with fsrs-rs-python's own computation on
the same histories, and stay bit-identical to plain py-fsrs wherever learner days and whole
24-hour periods agree (docs/scheduling.md, "Learner days")."""
from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone

import fsrs
import pytest
from fsrs_rs_python import FSRS, FSRSItem, FSRSReview, MemoryState
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.scheduler import (
    GOOD,
    REVIEW,
    CardState,
    Scheduler,
    from_ms,
    learner_days,
    local_day,
    to_ms,
)


def _zone(name: str):
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:  # a system without tzdata: the fixed offsets still run
        return None


ZONES = [z for z in (UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=5, minutes=45)),
                     _zone("America/New_York"), _zone("Europe/London"), _zone("Australia/Lord_Howe"))
         if z is not None]
T0 = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)


def test_the_issue_example_monday_evening_to_tuesday_morning():
    """Reviewed Monday 20:00 with stability 1.0, answered Good Tuesday 08:00: one learner day has
    passed (Anki, fsrs-rs), though not 24 hours (plain py-fsrs takes the same-day formula)."""
    tz = timezone(timedelta(hours=8))
    monday = datetime(2024, 3, 4, 20, 0, tzinfo=tz)
    tuesday = datetime(2024, 3, 5, 8, 0, tzinfo=tz)
    card = CardState(state=REVIEW, stability=1.0, difficulty=5.0, due=to_ms(tuesday), last_review=to_ms(monday))
    ours = Scheduler(fuzz=False, day_start_hour=4, tz=tz).review(1, card, GOOD, tuesday)
    rs = FSRS(list(fsrs.scheduler.DEFAULT_PARAMETERS)).next_states(MemoryState(1.0, 5.0), 0.9, 1).good
    assert ours.stability == pytest.approx(rs.memory.stability, rel=1e-5)
    assert ours.stability > 4
    plain = fsrs.Scheduler(enable_fuzzing=False)
    same_day, _ = plain.review_card(fsrs.Card(card_id=1, state=fsrs.State.Review, stability=1.0, difficulty=5.0,
                                              due=tuesday.astimezone(UTC), last_review=monday.astimezone(UTC)),
                                    fsrs.Rating.Good, tuesday.astimezone(UTC))
    assert same_day.stability < 1.1  # what quiz did before: the same-day formula


def _drive(sched: Scheduler, steps, start: datetime) -> tuple[list[CardState], list[datetime]]:
    state, now, states, times = CardState(), start, [], []
    for rating, gap in steps:
        now += timedelta(minutes=gap)
        state = sched.review(1, state, rating, now)
        states.append(state)
        times.append(now)
    return states, times


GAPS = st.one_of(st.integers(1, 30), st.integers(60, 60 * 30), st.integers(60 * 24, 60 * 24 * 60))


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), GAPS), min_size=1, max_size=30),
       st.sampled_from(ZONES), st.integers(0, 23), st.integers(0, 60 * 24 * 365))
def test_memory_states_match_fsrs_rs_on_the_same_history(steps, tz, hour, offset):
    start = T0 + timedelta(minutes=offset)
    sched = Scheduler(fuzz=False, day_start_hour=hour, tz=tz)
    states, times = _drive(sched, steps, start)
    deltas = [0] + [learner_days(a, b, hour, tz) for a, b in zip(times, times[1:])]
    item = FSRSItem([FSRSReview(r, d) for (r, _g), d in zip(steps, deltas)])
    theirs = FSRS(list(sched.parameters)).historical_memory_states(item)
    assert len(theirs) == len(states)
    for ours, rs in zip(states, theirs):
        assert ours.stability == pytest.approx(rs.stability, rel=2e-4, abs=1e-4)
        assert ours.difficulty == pytest.approx(rs.difficulty, rel=2e-4, abs=1e-4)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.one_of(st.integers(1, 30), st.integers(1, 60).map(lambda d: d * 1440))),
                min_size=1, max_size=25), st.booleans(), st.integers(0, 2**32))
def test_bit_identical_to_plain_py_fsrs_where_learner_days_are_whole_days(steps, fuzz, seed):
    """Answers at the same time of day (or minutes apart within one day) in UTC: learner days equal
    whole 24-hour periods, and every field is exactly what plain py-fsrs gives (fuzz on and off)."""
    random.seed(seed)
    ours, times = _drive(Scheduler(fuzz=fuzz, day_start_hour=4, tz=UTC), steps, T0)
    random.seed(seed)
    plain = fsrs.Scheduler(enable_fuzzing=fuzz)
    card = fsrs.Card(card_id=1)
    card.due = T0
    for (rating, _gap), now, mine in zip(steps, times, ours):
        card, _ = plain.review_card(card, fsrs.Rating(rating), now)
        assert (int(card.state), card.step, card.stability, card.difficulty, to_ms(card.due)) == \
            (int(mine.state), mine.step, mine.stability, mine.difficulty, mine.due)


def test_a_review_interval_stays_on_its_learner_day_across_daylight_saving():
    tz = _zone("America/New_York")
    if tz is None:
        pytest.skip("no time zone data")
    now = datetime(2024, 11, 2, 4, 30, tzinfo=tz)  # clocks go back an hour the next night
    card = CardState(state=REVIEW, stability=1.0, difficulty=5.0, due=to_ms(now), last_review=to_ms(now - timedelta(days=1)))
    after = Scheduler(fuzz=False, day_start_hour=4, tz=tz, maximum_interval=1).review(1, card, GOOD, now)
    assert after.state == REVIEW
    # now + 24 h is 03:30 on the 3rd, still learner day the 2nd: the due moves to the 3rd's start
    assert (local_day(from_ms(after.due), 4, tz) - local_day(now, 4, tz)).days == 1


def test_learner_days_follow_the_day_start_hour():
    tz = timezone(timedelta(hours=8))
    a = datetime(2024, 3, 4, 3, 0, tzinfo=tz)    # learner day Mar 3 (before 4 am)
    b = datetime(2024, 3, 5, 5, 0, tzinfo=tz)    # learner day Mar 5: 26 hours, two learner days
    assert learner_days(a, b, 4, tz) == 2
    assert learner_days(a, b, 0, tz) == 1
    assert learner_days(b, a, 4, tz) == 0       # never negative
