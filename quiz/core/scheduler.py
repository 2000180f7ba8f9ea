"""FSRS scheduling (py-fsrs does the maths), rating rules, and the learner's day.

Times inside the store are integer milliseconds since the epoch (UTC); this module
converts to the timezone-aware UTC datetimes py-fsrs requires."""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import IntEnum

from quiz.core.model import Question
from quiz.core.qtype import QuestionType


class State(IntEnum):
    """A card's FSRS state (the numbers py-fsrs and the database use; 0 is quiz's "never studied")."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3

    @property
    def learning(self) -> bool:
        """In (re)learning steps: shown again within the day."""
        return self in (State.LEARNING, State.RELEARNING)


class Rating(IntEnum):
    """An answer's rating, as in Anki and FSRS."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


NEW, LEARNING, REVIEW, RELEARNING = State.NEW, State.LEARNING, State.REVIEW, State.RELEARNING
AGAIN, HARD, GOOD, EASY = Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.EASY
DAY_START_HOUR = 4          # a learner's day starts at 4 am local time, like Anki
DESIRED_RETENTION = 0.9
LEECH_LAPSES = 8            # the 8th lapse makes a leech and suspends it
LEECH_AGAIN_EVERY = 4       # after unsuspending: again at 12, 16, ... lapses
LEARN_AHEAD = timedelta(minutes=20)  # learning cards due this soon may be shown when nothing else is left


def _fsrs():
    """py-fsrs, imported on first use: the app's first screen does not need it (~25 ms)."""
    import fsrs

    return fsrs


def default_parameters() -> tuple[float, ...]:
    return tuple(_fsrs().scheduler.DEFAULT_PARAMETERS)


def to_ms(dt: datetime) -> int:
    if dt.tzinfo is None:
        raise ValueError("naive datetime: pass timezone-aware datetimes")
    return int(round(dt.timestamp() * 1000))


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


def utc(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        raise ValueError("naive datetime: pass timezone-aware datetimes")
    return dt.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class CardState:
    """Everything an answer may change about a card (undo restores exactly this)."""

    state: State = State.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: int | None = None           # ms; None while new
    last_review: int | None = None   # ms
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    leech: bool = False
    last_correct: bool | None = None  # None: never answered; False: missed
    last_answer: int | None = None    # ms

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> CardState:
        return cls(**{f.name: d[f.name] for f in dataclasses.fields(cls) if f.name in d})

    def __post_init__(self) -> None:
        if not isinstance(self.state, State):  # an int from the database: the enum, or ValueError
            object.__setattr__(self, "state", State(self.state))


# ---- the learner's day -------------------------------------------------------------------

def local_day(now: datetime, hour: int = DAY_START_HOUR, tz: tzinfo | None = None) -> date:
    """The learning day `now` belongs to: a day runs from `hour` local time to `hour` next day."""
    local = now.astimezone(tz) if tz is not None else now.astimezone()
    return (local - timedelta(hours=hour)).date()


def day_start(day: date, hour: int = DAY_START_HOUR, tz: tzinfo | None = None) -> datetime:
    """When learning day `day` starts, as a UTC datetime."""
    naive = datetime.combine(day, time(hour))
    local = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return local.astimezone(UTC)


def day_bounds(now: datetime, hour: int = DAY_START_HOUR, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """(start, end) of the learning day containing `now`, both UTC."""
    day = local_day(now, hour, tz)
    return day_start(day, hour, tz), day_start(day + timedelta(days=1), hour, tz)


# ---- ratings ----------------------------------------------------------------------------

def reading_chars(question: Question) -> int:
    return len(question.prompt) + sum(len(c) for c in question.choices)


def thresholds(question: Question) -> tuple[float, float]:
    """(fast, slow) seconds for a question: right in under `fast` is Easy, over `slow` is Hard.

    Both grow with what there is to read (prompt plus options) and, for fill-in and
    order questions, with what there is to type or arrange. See docs/scheduling.md."""
    chars = reading_chars(question)
    fast = 2.0 + 0.05 * chars
    slow = 10.0 + 0.25 * chars
    if question.type is QuestionType.FILL:
        typed = len(question.answer)
        fast += 1.0 * typed
        slow += 3.0 * typed
    elif question.type in (QuestionType.ORDER, QuestionType.MULTI):
        fast += 1.0 * len(question.choices)
        slow += 3.0 * len(question.choices)
    return fast, slow


def rating_for(question: Question, correct: bool, elapsed: float, used_hint: bool = False) -> Rating:
    """Wrong -> Again; right after the hint or slowly -> Hard; right and fast -> Easy; else Good."""
    if not correct:
        return AGAIN
    fast, slow = thresholds(question)
    if used_hint or elapsed > slow:
        return HARD
    if elapsed < fast:
        return EASY
    return GOOD


# ---- scheduling -------------------------------------------------------------------------

class Scheduler:
    """py-fsrs's Scheduler plus lapses and leeches."""

    def __init__(self, parameters: Sequence[float] | None = None, *,
                 desired_retention: float = DESIRED_RETENTION, fuzz: bool = True) -> None:
        self.parameters = tuple(parameters) if parameters else default_parameters()
        self.desired_retention = desired_retention
        fsrs = _fsrs()
        self.fsrs = fsrs.Scheduler(parameters=self.parameters, desired_retention=desired_retention,
                                   enable_fuzzing=fuzz)

    def to_fsrs(self, card_id: int, st: CardState, now: datetime):
        fsrs = _fsrs()
        if st.state == NEW:
            return fsrs.Card(card_id=card_id, state=fsrs.State.Learning, step=0, due=utc(now))
        return fsrs.Card(card_id=card_id, state=fsrs.State(st.state), step=st.step,
                         stability=st.stability, difficulty=st.difficulty,
                         due=from_ms(st.due) if st.due is not None else utc(now),
                         last_review=from_ms(st.last_review) if st.last_review is not None else None)

    def review(self, card_id: int, st: CardState, rating: int, now: datetime,
               *, correct: bool | None = None) -> CardState:
        """The card's state after answering with `rating` at `now`."""
        now = utc(now)
        if st.last_review is not None and to_ms(now) < st.last_review:
            now = from_ms(st.last_review)  # a clock that went backwards: never review before the last review
        card, _log = self.fsrs.review_card(self.to_fsrs(card_id, st, now), _fsrs().Rating(rating), now)
        lapses = st.lapses + (1 if rating == AGAIN and st.state == REVIEW else 0)
        leech, suspended = st.leech, st.suspended
        if lapses != st.lapses and lapses >= LEECH_LAPSES and (lapses - LEECH_LAPSES) % LEECH_AGAIN_EVERY == 0:
            leech, suspended = True, True
        ms = to_ms(now)
        return CardState(state=State(int(card.state)), step=card.step, stability=card.stability,
                         difficulty=card.difficulty, due=max(to_ms(card.due), ms + 1), last_review=ms,
                         reps=st.reps + 1, lapses=lapses, suspended=suspended, leech=leech,
                         last_correct=(rating != AGAIN) if correct is None else correct, last_answer=ms)

    def retrievability(self, card_id: int, st: CardState, now: datetime) -> float:
        if st.state == NEW or st.stability is None:
            return 0.0
        return float(self.fsrs.get_card_retrievability(self.to_fsrs(card_id, st, now), utc(now)))
