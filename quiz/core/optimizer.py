"""Fit FSRS parameters to the learner's own review log with fsrs-rs-python (no torch)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from quiz.core.scheduler import from_ms, local_day

if TYPE_CHECKING:
    from quiz.core.store import Store

MIN_REVIEWS = 400


@dataclass(frozen=True, slots=True)
class Fit:
    reviews: int
    items: int
    old: tuple[float, ...]
    new: tuple[float, ...]
    actual_retention: float | None   # share right among answers after at least a day
    old_predicted: float | None      # mean predicted recall of those answers, old parameters
    new_predicted: float | None      # same with the new parameters
    old_log_loss: float | None
    new_log_loss: float | None


def histories(store: Store) -> list[list[tuple[int, int]]]:
    """Per card: [(rating, delta_days)] in time order (scheduled answers only)."""
    out: list[list[tuple[int, int]]] = []
    cur: int | None = None
    last_day: date | None = None
    hour, tz = store.day_start_hour, store.tz
    for card_id, at, rating in store.scheduled_answers():
        day = local_day(from_ms(at), hour, tz)
        if card_id != cur:
            out.append([(rating, 0)])
            cur = card_id
        else:
            out[-1].append((rating, (day - last_day).days if last_day else 0))
        last_day = day
    return out


def _items(hist: Sequence[Sequence[tuple[int, int]]], *, evaluation: bool = False):
    """Training items: every prefix of a card's history with a long-term review. For evaluation,
    only prefixes whose last answer came at least a day after the one before."""
    from fsrs_rs_python import FSRSItem, FSRSReview
    items = []
    for h in hist:
        reviews = [FSRSReview(r, d) for r, d in h]
        for i in range(2, len(reviews) + 1):
            if evaluation and h[i - 1][1] == 0:
                continue
            item = FSRSItem(reviews[:i])
            if item.long_term_review_cnt() > 0:
                items.append(item)
    return items


def _predicted(params: Sequence[float], hist) -> tuple[float | None, float | None]:
    """(mean predicted recall, actual recall) over answers given at least a day after the previous one."""
    from fsrs_rs_python import FSRS, FSRSItem, FSRSReview
    model = FSRS(list(params))
    decay = -params[20]
    factor = 0.9 ** (1 / decay) - 1
    prefixes, targets = [], []
    for h in hist:
        for i in range(1, len(h)):
            rating, delta = h[i]
            if delta > 0:
                prefixes.append(FSRSItem([FSRSReview(r, d) for r, d in h[:i]]))
                targets.append((delta, rating > 1))
    if not prefixes:
        return None, None
    states = model.memory_state_batch(prefixes)
    preds = [(1 + factor * d / max(s.stability, 0.001)) ** decay for s, (d, _) in zip(states, targets)]
    return sum(preds) / len(preds), sum(ok for _, ok in targets) / len(targets)


def fit(store: Store, old: Sequence[float]) -> Fit:
    """Fit parameters; raises ValueError with a learner-readable message when there is too little data."""
    from fsrs_rs_python import FSRS
    reviews = store.review_count(scheduled_only=True)
    if reviews < MIN_REVIEWS:
        raise ValueError(f"optimizing needs at least {MIN_REVIEWS} answers in your history; you have {reviews}. "
                         "Keep studying and try again later")
    hist = histories(store)
    items = _items(hist)
    if not items:
        raise ValueError("your answers are all from a single day; optimizing needs answers spread over days")
    try:
        new = tuple(float(x) for x in FSRS(list(old)).compute_parameters(items))
        old_pred, actual = _predicted(old, hist)
        new_pred, _ = _predicted(new, hist)
        test = _items(hist, evaluation=True)
        return _fit(reviews, items, old, new, actual, old_pred, new_pred, test)
    except ValueError as e:
        raise ValueError(f"the FSRS optimizer could not use your review history ({e})") from e


def _fit(reviews, items, old, new, actual, old_pred, new_pred, test) -> Fit:
    from fsrs_rs_python import FSRS
    return Fit(reviews=reviews, items=len(items), old=tuple(old), new=new, actual_retention=actual,
               old_predicted=old_pred, new_predicted=new_pred,
               old_log_loss=FSRS(list(old)).evaluate(test).log_loss if test else None,
               new_log_loss=FSRS(list(new)).evaluate(test).log_loss if test else None)


__all__ = ["Fit", "MIN_REVIEWS", "fit", "histories"]
