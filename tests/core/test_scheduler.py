from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.model import Question
from quiz.core.scheduler import (
    AGAIN,
    EASY,
    GOOD,
    HARD,
    LEECH_LAPSES,
    NEW,
    REVIEW,
    CardState,
    Scheduler,
    day_bounds,
    local_day,
    rating_for,
    thresholds,
    to_ms,
)

T0 = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
SHORT = Question(id="a", type="choice", prompt="哪一年？", answers=("1951",), choices=("1949", "1951"))
LONG = Question(id="b", type="choice", prompt="长" * 200, answers=("1951",), choices=("1949", "1951"))


def test_ratings_from_correctness_time_and_hint():
    fast, slow = thresholds(SHORT)
    assert rating_for(SHORT, False, 0.5) == AGAIN
    assert rating_for(SHORT, True, fast / 2) == EASY
    assert rating_for(SHORT, True, (fast + slow) / 2) == GOOD
    assert rating_for(SHORT, True, slow + 1) == HARD
    assert rating_for(SHORT, True, fast / 2, used_hint=True) == HARD


def test_thresholds_scale_with_prompt_length():
    (f1, s1), (f2, s2) = thresholds(SHORT), thresholds(LONG)
    assert f2 > f1 and s2 > s1
    # the same time is slow for a short prompt but fine for a long one
    assert rating_for(SHORT, True, s1 + 0.5) == HARD
    assert rating_for(LONG, True, s1 + 0.5) in (EASY, GOOD)
    fill = Question(id="f", type="fill", prompt="学史____", answers=("力行力行力行",))
    assert thresholds(fill)[1] > thresholds(Question(id="g", type="fill", prompt="学史____", answers=("力",)))[1]


def test_day_starts_at_four_local():
    tz = timezone(timedelta(hours=8))
    before = datetime(2024, 3, 2, 3, 59, tzinfo=tz)
    after = datetime(2024, 3, 2, 4, 0, tzinfo=tz)
    assert local_day(before, 4, tz).isoformat() == "2024-03-01"
    assert local_day(after, 4, tz).isoformat() == "2024-03-02"
    start, end = day_bounds(after, 4, tz)
    assert start == datetime(2024, 3, 1, 20, 0, tzinfo=UTC)
    assert end - start == timedelta(days=1)
    assert start.tzinfo == UTC


def test_new_card_good_twice_graduates_to_review():
    s = Scheduler(fuzz=False)
    st1 = s.review(1, CardState(), GOOD, T0)
    assert st1.state != NEW and st1.reps == 1 and st1.last_correct is True
    st2 = s.review(1, st1, GOOD, T0 + timedelta(minutes=10))
    assert st2.state == REVIEW and st2.due > to_ms(T0 + timedelta(hours=12))


def test_eight_lapses_make_a_leech_and_suspend():
    s = Scheduler(fuzz=False)
    st_, now = CardState(), T0
    st_ = s.review(1, st_, EASY, now)
    lapses_seen = []
    while not st_.suspended:
        now += timedelta(days=3)
        st_ = s.review(1, st_, AGAIN, now)    # a lapse (review -> relearning)
        lapses_seen.append(st_.lapses)
        now += timedelta(minutes=10)
        st_ = s.review(1, st_, GOOD, now)     # back to review
    assert st_.lapses == LEECH_LAPSES and st_.leech
    assert lapses_seen == list(range(1, LEECH_LAPSES + 1))


def test_fuzz_flag():
    a = {Scheduler(fuzz=False).review(1, CardState(state=REVIEW, stability=40.0, difficulty=5.0,
                                                   due=to_ms(T0), last_review=to_ms(T0 - timedelta(days=40))),
                                      GOOD, T0).due for _ in range(5)}
    assert len(a) == 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.integers(0, 60 * 24 * 40)), min_size=1, max_size=25))
def test_due_is_always_after_the_review(steps):
    s = Scheduler(fuzz=True)
    state, now = CardState(), T0
    for rating, gap in steps:
        now += timedelta(minutes=gap)
        state = s.review(1, state, rating, now)
        assert state.last_review == to_ms(now)
        assert state.due > state.last_review
        assert 1 <= state.difficulty <= 10 and state.stability > 0


def test_a_studied_card_without_its_memory_state_is_learned_again_not_a_crash():
    """A hand-edited or damaged row (review state, no stability): py-fsrs would assert; quiz relearns it."""
    from datetime import UTC, datetime

    from quiz.core.scheduler import CardState, Rating, Scheduler, State

    now = datetime(2024, 3, 1, 12, tzinfo=UTC)
    st = CardState(state=State.REVIEW, stability=None, difficulty=None, due=0, last_review=0, reps=3)
    after = Scheduler(fuzz=False).review(1, st, Rating.GOOD, now)
    assert after.stability is not None and after.difficulty is not None and after.reps == 4
