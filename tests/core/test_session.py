import random
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.banks import fill_bank as bank
from support.clock import Clock, store_and_clock

from quiz.core.session import Mode, Session
from quiz.core.store import Store


@pytest.fixture
def env(tmp_path):
    store, clock = store_and_clock(tmp_path)
    yield store, clock
    store.close()


def session(store, clock, banks, mode=Mode.STUDY, **kw):
    return Session(store, banks, mode, clock=clock, rng=random.Random(1), fuzz=False, **kw)


def test_new_cards_in_bank_order_with_limit(env):
    store, clock = env
    s = session(store, clock, [bank(10)], new_limit=3)
    seen = []
    while (q := s.next()) is not None:
        seen.append(q.id)
        s.grade(q, 4, elapsed=1)  # Easy: straight to review, not back today
    assert seen == ["q0", "q1", "q2"]
    assert s.progress == (3, 3)
    # an explicit limit is per session
    assert session(store, clock, [bank(10)], new_limit=1).next().id == "q3"


def test_daily_new_limit_across_sessions(env):
    store, clock = env
    b = bank(50)
    for _ in range(2):
        s = session(store, clock, [b])
        for _ in range(15):
            if (q := s.next()) is None:
                break
            s.grade(q, 4, elapsed=1)
    assert store.counts(["b1"]).new == 30   # 20 today in all, the default daily limit
    assert session(store, clock, [b]).next() is None
    clock.advance(days=1)
    assert session(store, clock, [b]).next().id == "q20"


def test_learning_card_comes_back_in_the_session(env):
    store, clock = env
    s = session(store, clock, [bank(2)], new_limit=2)
    q0 = s.next()
    s.grade(q0, 1, elapsed=1)          # Again: learning step of a minute
    q1 = s.next()
    assert q1.id == "q1"
    s.grade(q1, 4, elapsed=1)
    assert s.next().id == "q0"          # within learn-ahead: comes back
    clock.advance(minutes=2)
    assert s.next().id == "q0"


def test_due_reviews_before_new_cards(env):
    store, clock = env
    s = session(store, clock, [bank(3)], new_limit=1)
    q = s.next()
    s.grade(q, 4, elapsed=1)
    clock.advance(days=40)
    s2 = session(store, clock, [bank(3)], new_limit=5)
    assert s2.next().id == q.id
    assert store.counts(["b1"]).due == 1


def test_answer_is_durable_when_it_returns(env, tmp_path):
    store, clock = env
    s = session(store, clock, [bank(2)])
    q = s.next()
    s.grade(q, 3, elapsed=2.5)
    other = sqlite3.connect(tmp_path / "quiz.db")
    assert other.execute("SELECT count(*), max(elapsed_ms) FROM reviews").fetchone() == (1, 2500)
    assert other.execute("SELECT answered, points FROM sessions").fetchone() == (1, 10)


def test_dont_know_is_wrong_and_again(env):
    store, clock = env
    s = session(store, clock, [bank(2)])
    q = s.next()
    o = s.answer(q, None, elapsed=3)
    assert not o.correct and o.rating == 1 and o.points == 0
    assert store.counts(["b1"]).missed == 1


def test_points_and_streaks(env):
    store, clock = env
    s = session(store, clock, [bank(6)], new_limit=6)
    results = [4, 4, 4, 1, 4, 4]
    for r in results:
        s.grade(s.next(), r, elapsed=1)
    assert s.best_streak == 3 and s.streak == 2
    assert s.points == (10 + 11 + 12) + 0 + (10 + 11)
    summary = s.summary()
    assert summary.answered == 6 and summary.correct == 5 and summary.accuracy == pytest.approx(5 / 6)
    assert [q.id for q in summary.missed] == ["q3"]


def test_missed_mode_until_right(env):
    store, clock = env
    b = bank(4)
    s = session(store, clock, [b], new_limit=4)
    for r in (1, 4, 1, 4):
        s.grade(s.next(), r, elapsed=1)
    m = session(store, clock, [b], Mode.MISSED)
    first = m.next()
    assert {first.id} <= {"q0", "q2"} and m.progress == (0, 2)
    m.grade(first, 3, elapsed=1)
    assert store.counts(["b1"]).missed == 1
    second = m.next()
    m.grade(second, 1, elapsed=1)       # still wrong: comes back at the end
    assert m.next() is second
    assert {c.question_id for c in store.missed(["b1"])} == {second.id}
    assert {c.question_id for c in store.missed(["b1"], days=1)} == {"q0", "q2"}
    for _ in range(5):                  # as often as it is missed, it comes back
        assert m.next() is second
        m.grade(second, 1, elapsed=1)
    m.grade(m.next(), 3, elapsed=1)
    assert m.next() is None and store.counts(["b1"]).missed == 0


def test_challenge_ends_at_first_wrong_and_has_no_undo(env):
    store, clock = env
    s = session(store, clock, [bank(10)], Mode.CHALLENGE)
    s.grade(s.next(), 3, elapsed=1)
    q = s.next()
    s.grade(q, 1, elapsed=1)
    assert s.next() is None
    assert not s.can_undo
    assert s.undo() is None          # a contest: the wrong answer that ended it stands
    assert s.next() is None and store.review_count() == 2


def test_a_quiz_has_no_undo_but_study_does(env):
    store, clock = env
    exam = session(store, clock, [bank(5)], Mode.EXAM, schedule=False)
    exam.grade(exam.next(), 1, elapsed=1)
    assert exam.undo() is None and store.review_count() == 1
    for mode in (Mode.STUDY, Mode.MISSED, Mode.FLASHCARDS):
        assert session(store, clock, [bank(5)], mode).can_undo


def test_exam_count_and_time_limit(env):
    store, clock = env
    s = session(store, clock, [bank(10)], Mode.EXAM, count=4, schedule=False)
    n = 0
    while (q := s.next()) is not None:
        s.grade(q, 3, elapsed=1)
        n += 1
    assert n == 4
    assert store.counts(["b1"]).new == 10  # schedule=False: logged, not scheduled
    t = session(store, clock, [bank(10)], Mode.EXAM, time_limit=60)
    t.grade(t.next(), 3, elapsed=1)
    clock.advance(seconds=61)
    assert t.next() is None


def test_tags_limit_the_session(env):
    store, clock = env
    b = bank(6, tags=lambda i: ("even",) if i % 2 == 0 else ("odd",))
    s = session(store, clock, [b], tags={"odd"}, new_limit=10)
    seen = []
    while (q := s.next()) is not None:
        seen.append(q.id)
        s.grade(q, 4, elapsed=1)
    assert seen == ["q1", "q3", "q5"]
    assert s.summary().per_tag == {"odd": (3, 3)}


def test_two_banks(env):
    store, clock = env
    s = session(store, clock, [bank(2, "a"), bank(2, "b")], new_limit=10)
    seen = []
    while (q := s.next()) is not None:
        seen.append(q)
        s.grade(q, 4, elapsed=1)
    assert len(seen) == 4
    assert store.counts(["a"]).new == store.counts(["b"]).new == 0


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ratings=st.lists(st.tuples(st.integers(1, 4), st.integers(0, 3000)), min_size=1, max_size=12))
def test_undo_restores_the_exact_previous_state(tmp_path_factory, ratings):
    clock = Clock()
    with Store.open(tmp_path_factory.mktemp("u"), clock=clock, backup=False) as store:
        s = session(store, clock, [bank(3)], new_limit=3)
        for rating, gap in ratings:
            clock.advance(minutes=gap)
            q = s.next()
            if q is None:
                break
            snapshot = (store.all_cards(), store.review_count(), s.points, s.streak, s.best_streak, s.progress[0])
            s.grade(q, rating, elapsed=2)
            assert s.undo() is q
            assert (store.all_cards(), store.review_count(), s.points, s.streak, s.best_streak,
                    s.progress[0]) == snapshot
            assert s.next() is q
            s.grade(q, rating, elapsed=2)
            card = store.card_for("b1", q.id)
            assert card.st.due > card.st.last_review
