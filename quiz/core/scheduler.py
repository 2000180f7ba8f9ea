"""FSRS scheduling (py-fsrs does the maths), rating rules, and the learner's day.

Times inside the store are integer milliseconds since the epoch (UTC); this module
converts to the timezone-aware UTC datetimes py-fsrs requires.

Elapsed time is counted in learner days, as Anki and fsrs-rs count it (and as the optimizer
trains): a card answered Monday 20:00 and again Tuesday 08:00 has had one day, not zero
24-hour periods. py-fsrs counts `(now - last_review).days`, so the scheduler hands it a
last-review time exactly that many days back; py-fsrs's formulas are used unchanged.
docs/scheduling.md says where this differs from a plain py-fsrs Scheduler."""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import IntEnum

from quiz.core import settings
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
# the defaults of the learner's settings (quiz.core.settings holds their ranges)
DAY_START_HOUR = int(settings.DAY_START_HOUR.default)        # a day starts at 4 am local time, like Anki
DESIRED_RETENTION = float(settings.DESIRED_RETENTION.default)
LEECH_LAPSES = int(settings.LEECH_THRESHOLD.default)         # the 8th lapse makes a leech and suspends it
MAXIMUM_INTERVAL = int(settings.MAXIMUM_INTERVAL.default)    # days
LEARN_AHEAD = timedelta(minutes=20)  # learning cards due this soon may be shown when nothing else is left
LEARN_AHEAD_MS = int(LEARN_AHEAD.total_seconds() * 1000)


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


def learner_days(since: datetime, now: datetime, hour: int = DAY_START_HOUR, tz: tzinfo | None = None) -> int:
    """Whole learner days from `since` to `now` (0 within one day), as Anki and fsrs-rs count them."""
    return max((local_day(now, hour, tz) - local_day(since, hour, tz)).days, 0)


def leech_at(lapses: int, threshold: int = LEECH_LAPSES) -> bool:
    """Anki's rule: the `threshold`th lapse makes a leech, then every half threshold (rounded up) after it."""
    every = max((threshold + 1) // 2, 1)
    return lapses >= threshold and (lapses - threshold) % every == 0


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
    """py-fsrs's Scheduler counting elapsed time in learner days, plus lapses and leeches."""

    def __init__(self, parameters: Sequence[float] | None = None, *,
                 desired_retention: float = DESIRED_RETENTION, fuzz: bool = True,
                 maximum_interval: int = MAXIMUM_INTERVAL, leech_threshold: int = LEECH_LAPSES,
                 day_start_hour: int = DAY_START_HOUR, tz: tzinfo | None = None) -> None:
        self.parameters = tuple(parameters) if parameters else default_parameters()
        self.desired_retention = desired_retention
        self.maximum_interval = maximum_interval
        self.leech_threshold = leech_threshold
        self.day_start_hour, self.tz = day_start_hour, tz
        fsrs = _fsrs()
        self.fsrs = fsrs.Scheduler(parameters=self.parameters, desired_retention=desired_retention,
                                   maximum_interval=maximum_interval, enable_fuzzing=fuzz)
        self._plain = self.fsrs if not fuzz else None  # the unfuzzed twin for previews, made on first use

    def days(self, since_ms: int, now: datetime) -> int:
        """Learner days from `since_ms` to `now`."""
        return learner_days(from_ms(since_ms), now, self.day_start_hour, self.tz)

    def to_fsrs(self, card_id: int, st: CardState, now: datetime):
        """The py-fsrs card for `st` at `now`. Its last review is put exactly as many whole days before
        `now` as learner days have passed, so py-fsrs's `(now - last_review).days` is the learner-day
        count (for the same-day rule and for retrievability alike)."""
        fsrs = _fsrs()
        if st.state == NEW or st.stability is None or st.difficulty is None:
            # new, or a studied card whose memory state is missing (a hand-edited or damaged row):
            # learn it again rather than hand py-fsrs a card it cannot schedule
            return fsrs.Card(card_id=card_id, state=fsrs.State.Learning, step=0, due=utc(now))
        last = None
        if st.last_review is not None:
            last = utc(now) - timedelta(days=self.days(st.last_review, now))
        return fsrs.Card(card_id=card_id, state=fsrs.State(st.state), step=st.step,
                         stability=st.stability, difficulty=st.difficulty,
                         due=from_ms(st.due) if st.due is not None else utc(now), last_review=last)

    def review(self, card_id: int, st: CardState, rating: int, now: datetime,
               *, correct: bool | None = None) -> CardState:
        """The card's state after answering with `rating` at `now`."""
        return self._review(self.fsrs, card_id, st, rating, now, correct)

    def _review(self, engine, card_id: int, st: CardState, rating: int, now: datetime,
                correct: bool | None) -> CardState:
        now = utc(now)
        if st.last_review is not None and to_ms(now) < st.last_review:
            now = from_ms(st.last_review)  # a clock that went backwards: never review before the last review
        card, _log = engine.review_card(self.to_fsrs(card_id, st, now), _fsrs().Rating(rating), now)
        lapses = st.lapses + (1 if rating == AGAIN and st.state == REVIEW else 0)
        leech, suspended = st.leech, st.suspended
        if lapses != st.lapses and leech_at(lapses, self.leech_threshold):
            leech, suspended = True, True
        ms = to_ms(now)
        due = to_ms(card.due)
        if card.state == _fsrs().State.Review:
            due = self._on_day(now, card.due)
        return CardState(state=State(int(card.state)), step=card.step, stability=card.stability,
                         difficulty=card.difficulty, due=max(due, ms + 1), last_review=ms,
                         reps=st.reps + 1, lapses=lapses, suspended=suspended, leech=leech,
                         last_correct=(rating != AGAIN) if correct is None else correct, last_answer=ms)

    def _on_day(self, now: datetime, due: datetime) -> int:
        """A review due `due` (now + N whole days) kept on learner day today + N: only a daylight-saving
        change can move now + N x 24 h onto another learner day, and then it moves by the hour."""
        hour, tz = self.day_start_hour, self.tz
        target = local_day(now, hour, tz) + timedelta(days=(due - now).days)
        start, end = to_ms(day_start(target, hour, tz)), to_ms(day_start(target + timedelta(days=1), hour, tz))
        return min(max(to_ms(due), start), end - 1)

    def preview(self, card_id: int, st: CardState, now: datetime) -> dict[Rating, timedelta]:
        """Each rating's next interval for the card at `now`, before fuzz (the grade buttons' labels).
        Review intervals of 3 days and more may land a little either side: fuzz, as in Anki."""
        if self._plain is None:
            fsrs = _fsrs()
            self._plain = fsrs.Scheduler(parameters=self.parameters, desired_retention=self.desired_retention,
                                         maximum_interval=self.maximum_interval, enable_fuzzing=False)
        at = utc(now)
        if st.last_review is not None and to_ms(at) < st.last_review:
            at = from_ms(st.last_review)
        out = {}
        for rating in Rating:
            after = self._review(self._plain, card_id, st, rating, at, None)
            out[rating] = timedelta(milliseconds=(after.due or 0) - to_ms(at))
        return out

    def retrievability(self, card_id: int, st: CardState, now: datetime) -> float:
        if st.state == NEW or st.stability is None:
            return 0.0
        return float(self.fsrs.get_card_retrievability(self.to_fsrs(card_id, st, now), utc(now)))


# ---- intervals as the learner reads them ---------------------------------------------------

def interval_parts(interval: timedelta) -> tuple[str, str]:
    """(unit, number) for an interval as Anki shows it on a grade: minutes under an hour, hours
    under a day, days under a month, then months (30 days) and years (365 days) to one decimal.
    Units: "minute", "hour", "day", "month", "year"; a front end words them."""
    seconds = max(interval.total_seconds(), 0)
    if seconds < 3600:
        return "minute", str(max(round(seconds / 60), 1))
    if seconds < 86_400:
        return "hour", str(round(seconds / 3600))
    days = seconds / 86_400
    if days < 30:
        return "day", str(round(days))
    if days < 365:
        return "month", f"{days / 30:.1f}".removesuffix(".0")
    return "year", f"{days / 365:.1f}".removesuffix(".0")
