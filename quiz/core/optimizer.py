"""Fit FSRS parameters to the learner's own review log with fsrs-rs-python (no torch).

- Days between answers are learner days (the scheduler counts them the same way).
- The history is split by time: the parameters are fitted on the earlier answers and both the
  old and the new parameters predict the later ones (held out); only parameters that predict
  them better are worth saving (`Fit.better`).
- fsrs-rs computes in 32-bit floats, so a parameter at a bound comes back a hair outside it
  (0.8 as 0.800000011920929), which py-fsrs refuses: the fit is clamped to py-fsrs's bounds.
- `reschedule` replays every card's answers with new parameters (Anki's "reschedule cards on
  change") and says how many cards' due days moved."""
from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.core.scheduler import CardState, Scheduler, from_ms, local_day

if TYPE_CHECKING:
    from quiz.core.store import Store

MIN_REVIEWS = 400
HELD_OUT = 0.2  # the latest fifth of the answers is held out to compare old and new parameters


@dataclass(frozen=True, slots=True)
class Fit:
    reviews: int
    items: int                        # training items (prefixes of the earlier answers)
    tested: int                       # held-out answers the parameters were compared on
    split_at: int                     # ms: answers from here on are held out
    old: tuple[float, ...]
    new: tuple[float, ...]
    actual_retention: float | None    # share right among the held-out answers
    old_predicted: float | None       # mean predicted recall of those answers, old parameters
    new_predicted: float | None       # same with the new parameters
    old_log_loss: float | None
    new_log_loss: float | None
    old_rmse: float | None
    new_rmse: float | None

    @property
    def better(self) -> bool:
        """The new parameters predict the held-out answers better (lower log loss)."""
        return self.new_log_loss is not None and self.old_log_loss is not None \
            and self.new_log_loss < self.old_log_loss and self.new != self.old


# (at ms, rating, learner days since the card's previous answer) of one card, in time order
History = list[tuple[int, int, int]]


def bounds() -> tuple[tuple[float, ...], tuple[float, ...]]:
    """py-fsrs's documented (lower, upper) bounds of the 21 parameters (docs/scheduling.md)."""
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    return tuple(LOWER_BOUNDS_PARAMETERS), tuple(UPPER_BOUNDS_PARAMETERS)


def clamp(params: Sequence[float]) -> tuple[float, ...]:
    """Parameters inside py-fsrs's bounds (fsrs-rs's 32-bit floats may sit a hair outside them).
    ValueError for a wrong count or a value that is not a number."""
    low, high = bounds()
    if len(params) != len(low):
        raise ValueError(f"expected {len(low)} parameters, got {len(params)}")
    out = []
    for i, (x, lo, hi) in enumerate(zip(params, low, high)):
        x = float(x)
        if not math.isfinite(x):
            raise ValueError(f"parameter {i} is {x}")
        out.append(min(max(x, lo), hi))
    return tuple(out)


def histories(store: Store) -> list[History]:
    """Per card: [(at, rating, learner days since its previous answer)] of the answers that moved
    the schedule, in time order (the first answer's days are 0)."""
    out: list[History] = []
    cur: int | None = None
    last_day = None
    hour, tz = store.day_start_hour, store.tz
    for card_id, at, rating in store.scheduled_answers():
        day = local_day(from_ms(at), hour, tz)
        if card_id != cur:
            out.append([(at, rating, 0)])
            cur = card_id
        else:
            out[-1].append((at, rating, (day - last_day).days if last_day else 0))
        last_day = day
    return out


def split_time(hist: Sequence[History]) -> int:
    """The time (ms) from which the latest HELD_OUT share of the answers is held out."""
    times = sorted(at for h in hist for at, _r, _d in h)
    return times[min(int(len(times) * (1 - HELD_OUT)), len(times) - 1)]


def _items(hist: Sequence[History], split: int, *, held_out: bool):
    """fsrs-rs items: every prefix of a card's history that ends in a long-term answer. Training: the
    prefixes ending before `split`; held out: those ending at or after it, on a later learner day
    than the answer before (the answers the parameters are judged on)."""
    from fsrs_rs_python import FSRSItem, FSRSReview

    items = []
    for h in hist:
        reviews = [FSRSReview(r, d) for _at, r, d in h]
        for i in range(2, len(h) + 1):
            at, _rating, days = h[i - 1]
            if (at >= split) != held_out or (held_out and days == 0):
                continue
            item = FSRSItem(reviews[:i])
            if item.long_term_review_cnt() > 0:
                items.append(item)
    return items


def _predicted(params: Sequence[float], hist: Sequence[History], split: int) -> tuple[float | None, float | None]:
    """(mean predicted recall, actual recall) over the held-out answers a learner day or more after the one before."""
    from fsrs_rs_python import FSRS, FSRSItem, FSRSReview

    model = FSRS(list(params))
    decay = -params[20]
    factor = 0.9 ** (1 / decay) - 1
    prefixes, targets = [], []
    for h in hist:
        for i in range(1, len(h)):
            at, rating, days = h[i]
            if at >= split and days > 0:
                prefixes.append(FSRSItem([FSRSReview(r, d) for _a, r, d in h[:i]]))
                targets.append((days, rating > 1))
    if not prefixes:
        return None, None
    states = model.memory_state_batch(prefixes)
    preds = [(1 + factor * d / max(s.stability, 0.001)) ** decay for s, (d, _) in zip(states, targets)]
    return sum(preds) / len(preds), sum(ok for _, ok in targets) / len(targets)


def compute(items, old: Sequence[float]) -> list[float]:
    """fsrs-rs's fit on `items`, as it returns it (32-bit floats)."""
    from fsrs_rs_python import FSRS

    return FSRS(list(old)).compute_parameters(items)


def train(items, old: Sequence[float]) -> tuple[float, ...]:
    """fsrs-rs's fit on `items`, clamped to py-fsrs's bounds."""
    return clamp(compute(items, old))


def fit(store: Store, old: Sequence[float]) -> Fit:
    """Fit parameters on the earlier answers and compare them with `old` on the later ones; raises
    ValueError with a learner-readable message when there is too little data."""
    from fsrs_rs_python import FSRS

    reviews = store.review_count(scheduled_only=True)
    if reviews < MIN_REVIEWS:
        raise ValueError(f"optimizing needs at least {MIN_REVIEWS} answers in your history; you have {reviews}. "
                         "Keep studying and try again later")
    hist = histories(store)
    split = split_time(hist)
    items = _items(hist, split, held_out=False)
    if not items:
        raise ValueError("your answers are all from a single day; optimizing needs answers spread over days")
    test = _items(hist, split, held_out=True)
    try:
        new = train(items, old)
        old_eval = FSRS(list(old)).evaluate(test) if test else None
        new_eval = FSRS(list(new)).evaluate(test) if test else None
        old_pred, actual = _predicted(old, hist, split)
        new_pred, _ = _predicted(new, hist, split)
    except ValueError as e:
        raise ValueError(f"the FSRS optimizer could not use your review history ({e})") from e
    return Fit(reviews=reviews, items=len(items), tested=len(test), split_at=split, old=tuple(old), new=new,
               actual_retention=actual, old_predicted=old_pred, new_predicted=new_pred,
               old_log_loss=old_eval.log_loss if old_eval else None,
               new_log_loss=new_eval.log_loss if new_eval else None,
               old_rmse=old_eval.rmse_bins if old_eval else None,
               new_rmse=new_eval.rmse_bins if new_eval else None)


def reschedule(store: Store, scheduler: Scheduler) -> tuple[int, int]:
    """Replay every studied card's answers with `scheduler` (new parameters or retention) and store the
    result: memory state and due date as if the card had always been scheduled so. Lapses, leech and
    suspension stay as they are. Returns (cards replayed, cards whose due day moved)."""
    hour, tz = store.day_start_hour, store.tz
    answers: dict[int, list[tuple[int, int]]] = {}
    for card_id, at, rating in store.scheduled_answers():
        answers.setdefault(card_id, []).append((at, rating))
    current = {row.id: row.st for row in store.all_cards()}
    changes: list[tuple[int, CardState]] = []
    moved = 0
    for card_id, done in answers.items():
        now = current.get(card_id)
        if now is None:
            continue
        st = CardState()
        for at, rating in done:
            st = scheduler.review(card_id, st, rating, from_ms(at))
        after = dataclasses.replace(now, state=st.state, step=st.step, stability=st.stability,
                                    difficulty=st.difficulty, due=st.due, last_review=st.last_review)
        if after != now:
            changes.append((card_id, after))
            if now.due is None or st.due is None \
                    or local_day(from_ms(now.due), hour, tz) != local_day(from_ms(st.due), hour, tz):
                moved += 1
    store.set_states(changes)
    return len(answers), moved


__all__ = ["Fit", "HELD_OUT", "MIN_REVIEWS", "bounds", "clamp", "compute", "fit", "histories", "reschedule", "split_time",
           "train"]
