"""The study session engine shared by plain mode and the TUI.

A Session picks the next question, checks and rates answers, stores each answer durably
(answer() returns only after the transaction committed), keeps score and streaks, and
undoes the last answer (in study, missed and flashcards; a quiz or a challenge is a contest
and has no undo).

It never shows two siblings (quiz.core.siblings): a study session leaves out the siblings of
every card answered today (they are buried until the next learning day), and every session
leaves out the siblings of the questions it has shown. Its progress counts questions, not
answers: `progress` is (questions answered, questions in the session) and `again` how many
answered ones come back (missed, or in learning steps)."""
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
from quiz.core.scheduler import AGAIN, NEW, State, rating_for, to_ms
from quiz.core.scoring import points_for
from quiz.core.siblings import AHEAD_MS, DEFAULT_NEW_LIMIT, Today, families, new_allowed_today, plan, today

__all__ = ["DEFAULT_NEW_LIMIT", "Mode", "Outcome", "Session", "Summary", "Today", "new_allowed_today", "today"]
from quiz.core.store import Review, SessionRow, Store

EXAM_COUNT = 20
AHEAD_COUNT = 20  # answers in a "study ahead" session (nothing is due: the soonest cards, then more new ones)
_ALWAYS = 2 ** 62  # a due time after every other: "study ahead" takes review cards whenever they fall due
# In a missed-items session a wrong answer comes back at the end of the queue until it is answered
# right (the learner can leave at any time: everything answered is stored).


class Mode(StrEnum):
    STUDY = "study"
    EXAM = "exam"
    CHALLENGE = "challenge"
    MISSED = "missed"
    FLASHCARDS = "flashcards"

    @property
    def contest(self) -> bool:
        """A quiz or a challenge: scored as played, so an answer cannot be taken back."""
        return self in (Mode.EXAM, Mode.CHALLENGE)

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
    answered: int   # answers given (a question missed and answered again counts twice)
    correct: int    # right answers
    points: int
    best_streak: int
    seconds: float
    per_tag: dict[str, tuple[int, int]] = field(default_factory=dict)
    missed: tuple[Question, ...] = ()
    questions: int = 0  # different questions answered
    held_back: int = 0  # questions left out because a sibling was shown (or, in study, answered today)

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
    first: bool             # the first answer to this card in the session
    unplanned: list[int]    # cards this answer took out of the plan
    hid: list[int]          # cards this answer hid (its siblings)
    held: list[int]         # of them, those it left out of the session (counted in held_back)
    again_before: bool      # the card was due to come back before this answer


class Session:
    def __init__(self, store: Store, banks: Sequence[Bank], mode: Mode, *, clock: Callable[[], datetime],
                 rng: random.Random, new_limit: int | None = None, count: int | None = None,
                 tags: Collection[str] | None = None, schedule: bool | None = None, time_limit: float | None = None,
                 fuzz: bool = True, ahead: bool = False) -> None:
        self.store, self.banks, self.mode = store, tuple(banks), Mode(mode)
        self.clock, self.rng = clock, rng
        self.ahead = ahead and self.mode == Mode.STUDY
        self.count = count if count is not None or not self.ahead else AHEAD_COUNT
        self.time_limit = time_limit
        self.schedule = self.mode.schedules if schedule is None else schedule
        self.scheduler = store.scheduler(fuzz=fuzz)
        self.started = clock()
        self.bank_ids = [b.id for b in self.banks]
        # card id <-> question, for questions in scope (tags); families over every question of the banks
        everything: dict[int, Question] = {}
        self.family = families(store, self.banks, everything)
        wanted = set(tags) if tags else None
        tags_of = {id(q): set(q.tags) | set(b.tags) for b in self.banks for q in b.questions} if wanted else {}
        self._by_card = {c: q for c, q in everything.items() if wanted is None or wanted & tags_of[id(q)]}
        self._card_of = {id(q): c for c, q in self._by_card.items()}
        self._scoped = wanted is not None
        self._session_id: int | None = None
        self._done: list[_Done] = []
        self._pending: Question | None = None
        self._last_card: int | None = None
        self._ended = self._exhausted = False
        self.answered = self.correct = self.points = self.streak = self.best_streak = 0
        self._seen: set[int] = set()   # cards answered in this session
        self._again: set[int] = set()  # answered cards that come back in this session
        self._queued = self.mode in (Mode.STUDY, Mode.FLASHCARDS) and self.schedule
        self._queue: list[Question] = []
        if self._queued:
            if self.ahead:          # nothing is due: more new cards than the daily limit, after the reviews
                self._new_left = AHEAD_COUNT
            elif new_limit is None:  # the daily limit, shared by every session of the day
                self._new_left = new_allowed_today(store, self.bank_ids)
            else:                  # an explicit number of new cards for this session (`--new N`)
                self._new_left = max(new_limit, 0)
            # siblings of the cards answered today are buried until the next learning day
            self._hidden = self.family.buried_by(store.answered_today(self.bank_ids))
            _start, end = store.day()
            rows = store.queue_rows(self.bank_ids, None if self.ahead else end)
            if self._scoped:
                rows = [r for r in rows if r[0] in self._by_card]
            p = plan(rows, self.family, now_ms=store.now_ms(), ahead_ms=AHEAD_MS, new_left=self._new_left,
                     hidden=self._hidden, limit=self.count)
            self._plan, self._held = set(p.cards), set(p.held)
        else:
            self._new_left = 0
            self._hidden = set()
            self._queue = self._build_queue()
            self._plan = {self._card_of[id(q)] for q in self._queue}

    # ---- queues ----------------------------------------------------------------------------
    def _build_queue(self) -> list[Question]:
        qs = list(self._by_card.values())
        if self.mode == Mode.MISSED:
            missed = self.store.missed(self.bank_ids, limit=10_000)
            qs = [self._by_card[c.id] for c in missed if c.id in self._by_card]
        elif self.mode.contest:
            self.rng.shuffle(qs)
        # one question per family: the first one drawn
        families: set[str] = set()
        kept: list[Question] = []
        self._held = set()
        for q in qs:
            cid = self._card_of[id(q)]
            key = self.family.key(cid)
            if key is not None and key in families:
                self._held.add(cid)
                continue
            if key is not None:
                families.add(key)
            kept.append(q)
        limit = self.count or (EXAM_COUNT if self.mode == Mode.EXAM else None)
        return kept[:limit] if limit else kept

    def _over(self) -> bool:
        if self._ended:
            return True
        if self.count is not None and self.answered >= self.count:
            return True
        if self.time_limit is not None and (self.clock() - self.started).total_seconds() >= self.time_limit:
            return True
        return False

    def _next_card(self) -> int | None:
        st, hidden, last = self.store, self._hidden, self._last_card
        if self._scoped:  # tag-filtered session: the same queue, over the cards in scope
            return next(st.scoped_queue(self._by_card, new=self._new_left > 0, exclude=last, hidden=hidden,
                                        ahead=self.ahead, done=self._seen), None)
        skip = hidden if last is None else hidden | {last}
        now = st.now_ms()
        _start, end = st.day()
        ids = self.bank_ids
        picks: list[Callable[[], int | None]] = [lambda: st.next_learning(ids, now, skip),
                                                 lambda: st.next_review(ids, end, skip)]
        early = skip | self._seen   # study ahead takes a card early once, not again after its answer
        if self.ahead:
            picks.append(lambda: st.next_review(ids, _ALWAYS, early))
        picks += [lambda: st.next_new(ids, skip) if self._new_left > 0 else None,
                  lambda: st.learning_ahead(ids, skip, hidden)]
        if self.ahead:
            picks.append(lambda: st.next_learning(ids, _ALWAYS, early))
        for pick in picks:
            cid = pick()
            if cid is not None:
                return cid
        return None

    # ---- the interface -----------------------------------------------------------------------
    def next(self) -> Question | None:
        if self._pending is not None:
            return self._pending
        q: Question | None = None
        if not self._over():
            if not self._queued:
                q = self._queue[0] if self._queue else None
            else:
                cid = self._next_card()
                q = self._by_card.get(cid) if cid is not None else None
        self._exhausted = q is None
        return q

    def answer(self, question: Question, response: Any, *, elapsed: float, used_hint: bool = False) -> Outcome:
        """Check `response` (None = "I don't know", or time ran out: wrong), rate, store, score."""
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

    @property
    def can_undo(self) -> bool:
        """Undo is for learning (study, missed, flashcards); a quiz or a challenge has none."""
        return not self.mode.contest

    def undo(self) -> Question | None:
        """Take back the last answer and ask its question again; None when there is nothing to undo
        (or the session is a contest)."""
        if not self._done or not self.can_undo:
            return None
        last = self._done[-1]
        answered, correct, points, streak, best = last.totals
        self.store.undo(last.review_id, self._session_id,
                        self._row(answered, correct, points, best))
        self._done.pop()
        self.answered, self.correct, self.points, self.streak, self.best_streak = last.totals
        self._queue = last.queue
        self._ended = self._exhausted = False
        self._new_left = last.new_left
        if last.first:
            self._seen.discard(last.card_id)
        self._plan.update(last.unplanned)
        self._hidden.difference_update(last.hid)
        self._held.difference_update(last.held)
        (self._again.add if last.again_before else self._again.discard)(last.card_id)
        self._pending = last.outcome.question
        self._last_card = self._done[-1].card_id if self._done else None
        return last.outcome.question

    @property
    def progress(self) -> tuple[int, int]:
        """(questions answered, questions in the session): misses coming back are `again`, not more questions."""
        done = len(self._seen)
        if self._exhausted or self._ended:
            return done, done
        pending = self._pending is not None and self._card_of.get(id(self._pending)) not in self._seen \
            and self._card_of.get(id(self._pending)) not in self._plan
        return done, done + len(self._plan) + int(pending)

    @property
    def again(self) -> int:
        """Answered questions that come back in this session (missed, or in a learning step)."""
        return len(self._again)

    def is_repeat(self, question: Question) -> bool:
        """`question` was answered before in this session (it came back)."""
        return self._card_of.get(id(question)) in self._seen

    @property
    def held_back(self) -> int:
        return len(self._held - self._seen)

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
                       missed=tuple(o.question for o in latest.values() if not o.correct),
                       questions=len(self._seen), held_back=self.held_back)

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
        siblings = [c for c in self.family.of(cid) if c not in self._hidden]
        done = _Done(rid, outcome, cid, (self.answered, self.correct, self.points, self.streak, self.best_streak),
                     list(self._queue), self._ended, self._new_left, cid not in self._seen,
                     [c for c in (cid, *siblings) if c in self._plan], siblings,
                     [c for c in siblings if c in self._by_card and c not in self._held], cid in self._again)
        self._done.append(done)
        if self.schedule and before.state == NEW:
            self._new_left = max(self._new_left - 1, 0)
        self.answered, self.correct, self.points, self.best_streak = totals[0], totals[1], totals[2], totals[3]
        self.streak = streak
        self._seen.add(cid)
        self._plan.difference_update(done.unplanned)
        self._hidden.update(siblings)  # a family shows once per session (and, in study, once a day)
        self._held.update(done.held)
        if self._pending is question or (self._pending is not None and self._card_of.get(id(self._pending)) == cid):
            self._pending = None
        comes_back = False
        if not self._queued:
            if self._queue and self._card_of.get(id(self._queue[0])) == cid:
                self._queue.pop(0)
            else:
                self._queue = [q for q in self._queue if self._card_of.get(id(q)) != cid]
            if self.mode == Mode.MISSED and not correct:
                self._queue.append(question)
                comes_back = True
            if self.mode == Mode.CHALLENGE and not correct:
                self._ended = True
        elif self.schedule:  # a learning step due before the day ends: this session shows it again
            comes_back = State(after.state).learning and after.due is not None \
                and after.due < self.store.day()[1] and not after.suspended
        (self._again.add if comes_back else self._again.discard)(cid)
        self._last_card = cid
        return outcome


def _dont_know(question: Question) -> Verdict:
    """The checker's view of "I don't know": the type's empty response, marked wrong."""
    return dataclasses.replace(check_guarded(question, empty_response(question)), correct=False)
