"""The study session engine shared by plain mode and the TUI.

A Session picks the next question, checks and rates answers, stores each answer durably
(answer() returns only after the transaction committed), keeps score and streaks, and
undoes the last answer."""
from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from quiz.core.answers.checking import Verdict, check_guarded
from quiz.core.model import Bank, Question
from quiz.core.qtype import empty_response
from quiz.core.scheduler import AGAIN, NEW, rating_for, to_ms
from quiz.core.scoring import points_for
from quiz.core.store import Review, SessionRow, Store

EXAM_COUNT = 20
# In a missed-items session a wrong answer comes back at the end of the queue until it is answered
# right (the learner can leave at any time: everything answered is stored).


class Mode(StrEnum):
    STUDY = "study"
    EXAM = "exam"
    CHALLENGE = "challenge"
    MISSED = "missed"
    FLASHCARDS = "flashcards"

    @property
    def schedules(self) -> bool:
        """Whether answers move the schedule unless told otherwise (`--schedule`/`--no-schedule`):
        study, flashcards and missed do; a quiz (exam) and a challenge do not (docs/scheduling.md)."""
        return self not in (Mode.EXAM, Mode.CHALLENGE)


@dataclass(frozen=True, slots=True)
class Outcome:
    question: Question
    correct: bool
    check: Verdict | None  # None for self-graded cards
    rating: int
    points: int
    streak: int
    elapsed: float


@dataclass(frozen=True, slots=True)
class Summary:
    mode: Mode
    answered: int
    correct: int
    points: int
    best_streak: int
    seconds: float
    per_tag: dict[str, tuple[int, int]] = field(default_factory=dict)
    missed: tuple[Question, ...] = ()

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass(slots=True)
class _Done:
    review_id: int
    outcome: Outcome
    card_id: int
    totals: tuple[int, int, int, int, int]  # answered, correct, points, streak, best before this answer
    queue: list  # the list queue before this answer (list modes)
    ended: bool
    new_left: int
    total: int


class Session:
    def __init__(self, store: Store, banks: Sequence[Bank], mode: Mode, *, clock: Callable[[], datetime],
                 rng: random.Random, new_limit: int | None = None, count: int | None = None,
                 tags: Collection[str] | None = None, schedule: bool | None = None, time_limit: float | None = None,
                 fuzz: bool = True) -> None:
        self.store, self.banks, self.mode = store, tuple(banks), Mode(mode)
        self.clock, self.rng = clock, rng
        self.count, self.time_limit = count, time_limit
        self.schedule = self.mode.schedules if schedule is None else schedule
        self.scheduler = store.scheduler(fuzz=fuzz)
        self.started = clock()
        self.bank_ids = [b.id for b in self.banks]
        # card id <-> question, for questions in scope (tags)
        self._by_card: dict[int, Question] = {}
        self._card_of: dict[int, int] = {}  # id(question) -> card id
        wanted = set(tags) if tags else None
        for bank in self.banks:
            ids = store.sync_bank(bank)
            for q in bank.questions:
                if wanted is None or wanted & (set(q.tags) | set(bank.tags)):
                    self._by_card[ids[q.id]] = q
                    self._card_of[id(q)] = ids[q.id]
        self._scoped = wanted is not None
        self._session_id: int | None = None
        self._done: list[_Done] = []
        self._pending: Question | None = None
        self._last_card: int | None = None
        self._ended = False
        self.answered = self.correct = self.points = self.streak = self.best_streak = 0
        self._queued = self.mode in (Mode.STUDY, Mode.FLASHCARDS) and self.schedule
        if self._queued:
            if new_limit is None:  # the daily limit, shared by every session of the day
                self._new_left = max(store.prefs.new_cards_per_day - store.new_studied_today(self.bank_ids), 0)
            else:                  # an explicit number of new cards for this session (`--new N`)
                self._new_left = max(new_limit, 0)
            self._queue: list[Question] = []
        else:
            self._new_left = 0
            self._queue = self._build_queue()
        self._attempts: dict[int, int] = {}
        self._total = self._remaining()

    # ---- queues ----------------------------------------------------------------------------
    def _build_queue(self) -> list[Question]:
        qs = list(self._by_card.values())
        if self.mode == Mode.MISSED:
            missed = self.store.missed(self.bank_ids, limit=10_000)
            qs = [self._by_card[c.id] for c in missed if c.id in self._by_card]
        elif self.mode in (Mode.EXAM, Mode.CHALLENGE):
            self.rng.shuffle(qs)
            if self.mode == Mode.EXAM:
                qs = qs[: self.count or EXAM_COUNT]
        return qs[: self.count] if self.count else qs

    def _remaining(self) -> int:
        if not self._queued:
            return len(self._queue) + (1 if self._pending is not None else 0)
        c = self.store.counts(self.bank_ids)
        n = c.due + min(c.new, self._new_left)
        if self.count is not None:
            n = min(n, self.count - self.answered)
        return max(n, 0) + (1 if self._pending is not None else 0)

    def _over(self) -> bool:
        if self._ended:
            return True
        if self.count is not None and self.answered >= self.count:
            return True
        if self.time_limit is not None and (self.clock() - self.started).total_seconds() >= self.time_limit:
            return True
        return False

    def _next_card(self) -> int | None:
        st = self.store
        if self._scoped:  # tag-filtered session: the same queue, over the cards in scope
            return next(st.scoped_queue(self._by_card, new=self._new_left > 0, exclude=self._last_card), None)
        now = st.now_ms()
        _start, end = st.day()
        for pick in (lambda ex: st.next_learning(self.bank_ids, now, ex),
                     lambda ex: st.next_review(self.bank_ids, end, ex),
                     lambda ex: st.next_new(self.bank_ids, ex) if self._new_left > 0 else None,
                     lambda ex: st.learning_ahead(self.bank_ids, ex)):
            cid = pick(self._last_card)
            if cid is not None:
                return cid
        return None

    # ---- the interface -----------------------------------------------------------------------
    def next(self) -> Question | None:
        if self._pending is not None:
            return self._pending
        if self._over():
            return None
        if not self._queued:
            return self._queue[0] if self._queue else None
        cid = self._next_card()
        return self._by_card.get(cid) if cid is not None else None

    def answer(self, question: Question, response: Any, *, elapsed: float, used_hint: bool = False) -> Outcome:
        """Check `response` (None = "I don't know": wrong), rate, store, score."""
        check: Verdict | None
        if question.type.self_graded:
            check, correct = None, False
        elif response is None:
            check, correct = _dont_know(question), False
        else:
            check = check_guarded(question, response)
            correct = check.correct
        rating = rating_for(question, correct, elapsed, used_hint)
        return self._record(question, correct, check, rating, elapsed, used_hint)

    def grade(self, question: Question, rating: int, *, elapsed: float) -> Outcome:
        """Self-grade (cards, flashcards): 1 Again (wrong) .. 4 Easy."""
        if rating not in (1, 2, 3, 4):
            raise ValueError(f"rating must be 1..4, not {rating!r}")
        return self._record(question, rating != AGAIN, None, rating, elapsed, False)

    def intervals(self, question: Question) -> dict[int, timedelta] | None:
        """Each grade's next interval for `question` if graded now (shown on the grades, as Anki does);
        None when answers in this session do not move the schedule."""
        if not self.schedule:
            return None
        cid = self._card_id(question)
        row = self.store.card(cid)
        return None if row is None else dict(self.scheduler.preview(cid, row.st, self.clock()))

    def undo(self) -> Question | None:
        if not self._done:
            return None
        last = self._done[-1]
        answered, correct, points, streak, best = last.totals
        self.store.undo(last.review_id, self._session_id,
                        self._row(answered, correct, points, best))
        self._done.pop()
        self.answered, self.correct, self.points, self.streak, self.best_streak = last.totals
        self._queue = last.queue
        self._ended = last.ended
        self._new_left = last.new_left
        if last.card_id in self._attempts:
            self._attempts[last.card_id] -= 1
        self._pending = last.outcome.question
        self._last_card = self._done[-1].card_id if self._done else None
        self._total = last.total
        return last.outcome.question

    @property
    def progress(self) -> tuple[int, int]:
        return self.answered, max(self._total, self.answered)

    def summary(self) -> Summary:
        per_tag: dict[str, list[int]] = {}
        latest: dict[int, Outcome] = {}
        for d in self._done:
            latest[d.card_id] = d.outcome
            for t in d.outcome.question.tags:
                acc = per_tag.setdefault(t, [0, 0])
                acc[0] += int(d.outcome.correct)
                acc[1] += 1
        return Summary(mode=self.mode, answered=self.answered, correct=self.correct, points=self.points,
                       best_streak=self.best_streak, seconds=(self.clock() - self.started).total_seconds(),
                       per_tag={t: (a[0], a[1]) for t, a in sorted(per_tag.items())},
                       missed=tuple(o.question for o in latest.values() if not o.correct))

    @property
    def session_id(self) -> int | None:
        return self._session_id

    # ---- recording ---------------------------------------------------------------------------------
    def _card_id(self, question: Question) -> int:
        cid = self._card_of.get(id(question))
        if cid is None:
            for c, q in self._by_card.items():
                if q == question:
                    return c
            raise KeyError(f"question {question.id!r} is not part of this session")
        return cid

    def _row(self, answered: int, correct: int, points: int, best: int) -> SessionRow:
        return SessionRow(mode=str(self.mode), banks=tuple(self.bank_ids), started=to_ms(self.started),
                          ended=self.store.now_ms(), answered=answered, correct=correct, points=points,
                          best_streak=best)

    def _record(self, question: Question, correct: bool, check: Any, rating: int, elapsed: float,
                used_hint: bool) -> Outcome:
        cid = self._card_id(question)
        row = self.store.card(cid)
        if row is None:
            raise KeyError(f"question {question.id!r} has no card")
        now = self.clock()
        before = row.st
        if self.schedule:
            after = self.scheduler.review(cid, before, rating, now, correct=correct)
        else:
            after = dataclasses.replace(before, last_correct=correct, last_answer=to_ms(now))
        streak = self.streak + 1 if correct else 0
        points = points_for(correct, streak, used_hint)
        totals = (self.answered + 1, self.correct + int(correct), self.points + points, max(self.best_streak, streak))
        review = Review(card_id=cid, at=to_ms(now), rating=rating, correct=correct,
                        elapsed_ms=int(max(elapsed, 0) * 1000), points=points, scheduled=self.schedule)
        rid, self._session_id = self.store.record(review, before, after, self._session_id, self._row(*totals))
        # committed: now update the session
        outcome = Outcome(question=question, correct=correct, check=check, rating=rating, points=points,
                          streak=streak, elapsed=elapsed)
        self._done.append(_Done(rid, outcome, cid, (self.answered, self.correct, self.points, self.streak,
                                                    self.best_streak), list(self._queue), self._ended,
                                self._new_left, self._total))
        if self.schedule and before.state == NEW:
            self._new_left = max(self._new_left - 1, 0)
        self.answered, self.correct, self.points, self.best_streak = totals[0], totals[1], totals[2], totals[3]
        self.streak = streak
        if self._pending is question or (self._pending is not None and self._card_of.get(id(self._pending)) == cid):
            self._pending = None
        if not self._queued:
            if self._queue and self._card_of.get(id(self._queue[0])) == cid:
                self._queue.pop(0)
            else:
                self._queue = [q for q in self._queue if self._card_of.get(id(q)) != cid]
            if self.mode == Mode.MISSED and not correct:
                self._attempts[cid] = self._attempts.get(cid, 0) + 1
                self._queue.append(question)
            if self.mode == Mode.CHALLENGE and not correct:
                self._ended = True
        self._last_card = cid
        if self._queued:  # incremental: no counting queries on the answer path
            comes_back = self.schedule and after.due is not None and after.due < self.store.day()[1] \
                and not after.suspended
            self._total = max(self._total, self.answered) + (1 if comes_back else 0)
            if self.count is not None:
                self._total = min(self._total, self.count)
        else:
            self._total = self.answered + self._remaining()
        return outcome


def _dont_know(question: Question) -> Verdict:
    """The checker's view of "I don't know": the type's empty response, marked wrong."""
    return dataclasses.replace(check_guarded(question, empty_response(question)), correct=False)
