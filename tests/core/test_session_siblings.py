"""A session never shows two siblings (same source sentence, or same `group:`); in study answering
one buries the others until the next learning day. Progress counts questions; misses coming back
are counted on their own; a --tag session counts only its questions."""
from __future__ import annotations

import dataclasses
import random

import pytest
from support.banks import fill_bank
from support.clock import store_and_clock

from quiz.core.model import Bank
from quiz.core.session import Mode, Session, today

SENTENCES = ("甲句。", "乙句。", "丙句。")


@pytest.fixture
def env(tmp_path):
    store, clock = store_and_clock(tmp_path)
    yield store, clock
    store.close()


def family_bank(n: int = 9, per: int = 3, bank_id: str = "b1", **kw) -> Bank:
    """`n` questions; q0..q{per-1} share the first source sentence, the next `per` the second, ..."""
    b = fill_bank(n, bank_id, **kw)
    qs = tuple(dataclasses.replace(q, source=f"第{i // per}句的原文。") for i, q in enumerate(b.questions))
    return dataclasses.replace(b, questions=qs)


def session(store, clock, banks, mode=Mode.STUDY, **kw):
    return Session(store, banks, mode, clock=clock, rng=random.Random(3), fuzz=False, **kw)


def run(s, rating=4):
    seen = []
    while (q := s.next()) is not None:
        seen.append(q.id)
        s.grade(q, rating, elapsed=1)
    return seen


def families(ids):
    return [int(i[1:]) // 3 for i in ids]


def test_study_shows_one_question_per_source_sentence_and_buries_the_rest_until_tomorrow(env):
    store, clock = env
    b = family_bank(9)
    s = session(store, clock, [b])
    assert s.progress == (0, 3)
    seen = run(s)
    assert seen == ["q0", "q3", "q6"]
    summary = s.summary()
    assert summary.questions == 3 and summary.held_back == 6
    assert session(store, clock, [b]).next() is None      # buried for the rest of the day
    assert today(store, [b]).new == 0 and today(store, [b]).held == 6
    clock.advance(days=1)
    assert run(session(store, clock, [b])) == ["q1", "q4", "q7"]


def test_a_group_key_makes_siblings_too(env):
    store, clock = env
    b = fill_bank(4)
    qs = tuple(dataclasses.replace(q, group="g" if i < 3 else None) for i, q in enumerate(b.questions))
    assert run(session(store, clock, [dataclasses.replace(b, questions=qs)])) == ["q0", "q3"]


def test_a_learning_card_comes_back_but_its_siblings_do_not(env):
    store, clock = env
    s = session(store, clock, [family_bank(6)])
    q0 = s.next()
    s.grade(q0, 1, elapsed=1)                # Again: back within minutes
    assert s.progress == (1, 2) and s.again == 1
    seen = [q0.id] + run(s, rating=3)
    assert seen.count("q0") >= 2 and set(seen) == {"q0", "q3"}
    assert s.progress[1] == 2                 # the total never grew with the misses


@pytest.mark.parametrize("mode", [Mode.EXAM, Mode.CHALLENGE, Mode.FLASHCARDS])
def test_every_mode_shows_one_question_per_family(env, mode):
    store, clock = env
    s = session(store, clock, [family_bank(9)], mode, schedule=False)
    seen = run(s, rating=3)
    assert sorted(families(seen)) == [0, 1, 2]
    assert s.summary().held_back == 6


def test_review_missed_shows_one_question_per_family_and_counts_misses_apart(env):
    store, clock = env
    run(session(store, clock, [fill_bank(9)], Mode.EXAM, schedule=False), rating=1)  # all nine missed
    m = session(store, clock, [family_bank(9)], Mode.MISSED)   # the same questions, now with their sources
    assert m.progress == (0, 3)
    first = m.next()
    m.grade(first, 1, elapsed=1)
    assert m.progress == (1, 3) and m.again == 1
    assert sorted(families(run(m, rating=3))) == [0, 1, 2]
    assert m.again == 0 and m.progress == (3, 3)


def test_a_bank_of_one_sentence_runs_one_question_then_says_why_it_ended(env):
    store, clock = env
    b = family_bank(5, per=5)
    s = session(store, clock, [b])
    assert s.progress == (0, 1)
    assert run(s) == ["q0"]
    assert s.summary().held_back == 4
    exam = session(store, clock, [b], Mode.EXAM, schedule=False)
    assert len(run(exam, rating=3)) == 1 and exam.summary().held_back == 4


def test_a_tag_session_counts_only_its_questions(env):
    store, clock = env
    b = fill_bank(9, tags=lambda i: ("slogan",) if i in (2, 5) else ())
    s = session(store, clock, [b], tags={"slogan"})
    assert s.progress == (0, 2)
    assert run(s) == ["q2", "q5"]
    exam = session(store, clock, [b], Mode.EXAM, tags={"slogan"}, schedule=False)
    assert exam.progress == (0, 2)


def test_progress_of_a_study_session_with_misses(env):
    store, clock = env
    s = session(store, clock, [fill_bank(9)])
    assert s.progress == (0, 9)
    for _ in range(3):
        s.grade(s.next(), 1, elapsed=1)
    assert s.progress == (3, 9) and s.again == 3
    assert s.is_repeat(s.next()) is False
    run(s, rating=3)
    assert s.progress == (9, 9) and s.again == 0
    assert s.summary().answered > s.summary().questions == 9


def test_undo_puts_the_plan_and_the_buried_siblings_back(env):
    store, clock = env
    s = session(store, clock, [family_bank(6)])
    q = s.next()
    s.grade(q, 4, elapsed=1)
    assert s.progress == (1, 2) and s.held_back == 4
    assert s.undo() is q
    assert s.progress == (0, 2) and s.held_back == 4   # the plan still leaves q's siblings out
    assert s.next() is q


def test_today_agrees_with_the_session(env):
    store, clock = env
    b = family_bank(30, per=2)
    t = today(store, [b])
    s = session(store, clock, [b])
    assert (t.due, t.new) == (0, 15) and s.progress == (0, 15)
    run(s)
    t = today(store, [b])
    assert (t.due, t.new, t.held) == (0, 0, 15)
    assert t.next_due is not None and t.next_due > store.now_ms()


def test_study_ahead_takes_the_soonest_cards_when_nothing_is_due(env):
    store, clock = env
    b = fill_bank(30)
    run(session(store, clock, [b]))              # 20 new cards, all Easy: due in days
    assert session(store, clock, [b]).next() is None
    ahead = session(store, clock, [b], ahead=True)
    first = ahead.next()
    assert first is not None and ahead.progress == (0, 20)
    seen = run(ahead)
    assert len(seen) == 20 and seen[0] == first.id


def test_study_ahead_with_a_tag_takes_only_that_tags_cards_and_the_ones_due_later(env):
    store, clock = env
    b = fill_bank(30, tags=lambda i: ("slogan",) if i % 3 == 0 else ())
    run(session(store, clock, [b], tags=["slogan"]))      # the 10 slogan cards, all Easy: due in days
    assert session(store, clock, [b], tags=["slogan"]).next() is None
    ahead = session(store, clock, [b], tags=["slogan"], ahead=True)
    seen = run(ahead)
    assert sorted(seen, key=lambda i: int(i[1:])) == [f"q{i}" for i in range(0, 30, 3)]   # reviewed early
    assert ahead.summary().questions == 10


def test_study_ahead_takes_each_card_early_once(env):
    store, clock = env
    b = fill_bank(5)
    run(session(store, clock, [b]))                       # all 5 new cards, Easy: due in days
    seen = run(session(store, clock, [b], ahead=True))
    assert sorted(seen) == [f"q{i}" for i in range(5)]    # not again after its early answer
