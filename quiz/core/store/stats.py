"""Scores and statistics: the points rule, streaks, accuracy, retention, forecasts.

Everything here reads the store with indexed or aggregate queries and takes the clock's
`now` explicitly, so tests are deterministic."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from quiz.core.scheduler import day_start, local_day, to_ms

if TYPE_CHECKING:
    from quiz.core.model import Bank
    from quiz.core.store import Store

def _day_expr(store: Store, now: datetime) -> tuple[str, int]:
    """SQL expression mapping `at` (ms) to a learning-day number, using today's UTC offset."""
    offset = (now.astimezone(store.tz) if store.tz else now.astimezone()).utcoffset() or timedelta(0)
    shift = int(offset.total_seconds() * 1000) - store.day_start_hour * 3_600_000
    return "((at + ?) / 86400000)", shift


def _day_number(d: date) -> int:
    return (d - date(1970, 1, 1)).days


def _bank_filter(bank_ids: Sequence[str] | None) -> tuple[str, tuple]:
    """The condition for answers to the banks' questions: an index range of each bank (reviews_bank)."""
    if not bank_ids:
        return "", ()
    marks = ",".join("?" * len(bank_ids))
    return f" AND bank_id IN ({marks})", tuple(bank_ids)


def reviews_per_day(store: Store, now: datetime, days: int = 365,
                    bank_ids: Sequence[str] | None = None) -> dict[date, int]:
    """Answers per learning day over the last `days` days (for a heatmap)."""
    expr, shift = _day_expr(store, now)
    today = local_day(now, store.day_start_hour, store.tz)
    since = to_ms(now) - (days + 1) * 86_400_000
    where, params = _bank_filter(bank_ids)
    rows = store.query(f"SELECT {expr} AS d, count(*) FROM reviews WHERE at >= ?{where} GROUP BY d",
                       (shift, since, *params))
    first = _day_number(today) - days + 1
    return {date(1970, 1, 1) + timedelta(days=d): n for d, n in rows if d >= first}


def streak_days(store: Store, now: datetime, bank_ids: Sequence[str] | None = None) -> int:
    """Consecutive learning days with at least one answer, ending today (or yesterday when
    nothing has been answered yet today). One indexed EXISTS probe per day of the streak."""
    where, params = _bank_filter(bank_ids)
    sql = f"SELECT EXISTS (SELECT 1 FROM reviews WHERE at >= ? AND at < ?{where})"
    day = local_day(now, store.day_start_hour, store.tz)

    def studied(d: date) -> bool:
        start = to_ms(day_start(d, store.day_start_hour, store.tz))
        end = to_ms(day_start(d + timedelta(days=1), store.day_start_hour, store.tz))
        return bool(store.query(sql, (start, end, *params))[0][0])

    if not studied(day):
        day -= timedelta(days=1)
    n = 0
    while n < 36_500 and studied(day):
        n += 1
        day -= timedelta(days=1)
    return n


def studied_days(store: Store, now: datetime, bank_ids: Sequence[str] | None = None,
                 limit: int = 100_000) -> list[int]:
    """Learning-day numbers with at least one answer, oldest first. One indexed probe per
    studied day (skipping from each day to the next), never a scan of every review."""
    _expr, shift = _day_expr(store, now)
    if bank_ids and len(bank_ids) > 1:  # min() walks one index range: each bank's days, merged
        return sorted(set().union(*(studied_days(store, now, [b], limit) for b in bank_ids)))[:limit]
    where, params = _bank_filter(bank_ids)
    sql = f"SELECT min(at) FROM reviews WHERE at >= ?{where}"
    days: list[int] = []
    at = 0
    while len(days) < limit:
        first = store.query(sql, (at, *params))[0][0]
        if first is None:
            break
        d = (first + shift) // 86_400_000
        days.append(d)
        at = (d + 1) * 86_400_000 - shift
    return days


def best_streak_days(store: Store, now: datetime, bank_ids: Sequence[str] | None = None) -> int:
    """The longest run of consecutive learning days with at least one answer, over the whole history
    (never shorter than the current streak)."""
    best = run = 0
    prev = None
    for d in studied_days(store, now, bank_ids):
        run = run + 1 if prev is not None and d == prev + 1 else 1
        best = max(best, run)
        prev = d
    if not best:
        return 0
    # the current streak can only be longer when local days differ from the fixed-offset days above
    return max(best, streak_days(store, now, bank_ids))


WEEK_MS = 7 * 86_400_000


def weekly_accuracy(store: Store, now: datetime, weeks: int = 12,
                    bank_ids: Sequence[str] | None = None) -> list[float | None]:
    """Share of right answers in each of the last `weeks` 7-day windows ending at `now` (oldest
    first; None for a week without answers)."""
    end = to_ms(now)
    start = end - weeks * WEEK_MS
    where, params = _bank_filter(bank_ids)
    rows = store.query(f"SELECT (? - at) / ?, sum(correct), count(*) FROM reviews WHERE at > ? AND at <= ?{where} "
                       "GROUP BY 1", (end, WEEK_MS, start, end, *params))
    out: list[float | None] = [None] * weeks
    for ago, right, n in rows:
        if 0 <= ago < weeks and n:
            out[weeks - 1 - int(ago)] = (right or 0) / n
    return out


def best_challenge(store: Store, now: datetime | None = None, bank_ids: Sequence[str] | None = None) -> int:
    """The best challenge run: the longest streak of any challenge session (on one of `bank_ids`),
    0 when there is none. `now` is accepted for a uniform signature; the whole history counts."""
    sql = "SELECT MAX(best_streak) FROM sessions WHERE mode = 'challenge'"
    params: tuple = ()
    if bank_ids:
        marks = ",".join("?" * len(bank_ids))
        sql += f" AND EXISTS (SELECT 1 FROM json_each(sessions.banks) WHERE value IN ({marks}))"
        params = tuple(bank_ids)
    row = store.query(sql, params)
    return int(row[0][0]) if row and row[0][0] is not None else 0


def retention(store: Store, now: datetime, days: int | None = 30,
              bank_ids: Sequence[str] | None = None) -> float | None:
    """True retention: share of answers to review-state cards that were right (None: no data)."""
    since = 0 if days is None else to_ms(now) - days * 86_400_000
    where, params = _bank_filter(bank_ids)
    right, total = store.query(f"SELECT sum(correct), count(*) FROM reviews WHERE at >= ? AND state_before = 2{where}",
                               (since, *params))[0]
    return (right or 0) / total if total else None


def forecast(store: Store, now: datetime, days: int = 30,
             bank_ids: Sequence[str] | None = None) -> list[int]:
    """Learning and review cards falling due on each of the next `days` learning days (index 0: today,
    including everything overdue: the same cards as "due today")."""
    _s, end = store.day(now)
    horizon = end + (days - 1) * 86_400_000
    out = [0] * days
    banks = bank_ids or [b for (b,) in store.query("SELECT DISTINCT bank_id FROM cards")]
    for b in banks:
        rows = store.query("SELECT CASE WHEN due < ? THEN 0 ELSE (due - ?) / 86400000 + 1 END AS d, count(*) "
                           "FROM cards WHERE bank_id = ? AND state IN (1, 2, 3) AND due < ? AND active = 1 AND suspended = 0 "
                           "GROUP BY d", (end, end, b, horizon))
        for d, n in rows:
            if 0 <= d < days:
                out[d] += n
    return out


def accuracy_by_bank(store: Store, bank_ids: Sequence[str] | None = None, days: int | None = None,
                     now: datetime | None = None) -> dict[str, tuple[int, int]]:
    """bank id -> (right, answered), over the last `days` days (None: the whole history)."""
    since = 0 if days is None or now is None else to_ms(now) - days * 86_400_000
    rows = store.query("SELECT bank_id, sum(correct), count(*) FROM reviews WHERE at >= ? GROUP BY bank_id", (since,))
    return {b: (int(r or 0), n) for b, r, n in rows if not bank_ids or b in bank_ids}


def accuracy_by_tag(store: Store, banks: Iterable[Bank]) -> dict[str, tuple[int, int]]:
    """tag -> (right, answered) over the whole history of the given banks' questions."""
    out: dict[str, list[int]] = {}
    for bank in banks:
        tags = {q.id: set(q.tags) | set(bank.tags) for q in bank.questions}
        rows = store.query("SELECT c.question_id, sum(r.correct), count(*) FROM reviews r JOIN cards c "
                           "ON c.id = r.card_id WHERE c.bank_id = ? GROUP BY c.question_id", (bank.id,))
        for qid, right, n in rows:
            for t in tags.get(qid, ()):
                acc = out.setdefault(t, [0, 0])
                acc[0] += int(right or 0)
                acc[1] += n
    return {t: (a[0], a[1]) for t, a in sorted(out.items())}


def time_per_answer(store: Store, bank_ids: Sequence[str] | None = None, days: int = 30,
                    now: datetime | None = None) -> float | None:
    """Mean seconds per answer over the last `days` days."""
    since = 0 if now is None else to_ms(now) - days * 86_400_000
    where, params = _bank_filter(bank_ids)
    avg = store.query(f"SELECT avg(elapsed_ms) FROM reviews WHERE at >= ?{where}", (since, *params))[0][0]
    return None if avg is None else avg / 1000


@dataclass(frozen=True, slots=True)
class Overview:
    reviews: int
    reviews_today: int
    due_today: int
    new: int
    learning: int
    missed: int
    leeches: int
    retention: float | None
    streak_days: int
    best_streak_days: int
    forecast: tuple[int, ...]

    def to_dict(self) -> dict:
        return {"reviews": self.reviews, "reviews_today": self.reviews_today, "due_today": self.due_today,
                "new": self.new, "learning": self.learning, "missed": self.missed, "leeches": self.leeches,
                "retention": self.retention, "streak_days": self.streak_days,
                "best_streak_days": self.best_streak_days, "forecast": list(self.forecast)}


def studied_banks(store: Store) -> list[str]:
    """The ids of every bank with cards in the store."""
    return [b for (b,) in store.query("SELECT DISTINCT bank_id FROM cards ORDER BY bank_id")]


def overview(store: Store, now: datetime, bank_ids: Sequence[str] | None = None) -> Overview:
    banks = list(bank_ids) if bank_ids else [b for (b,) in store.query("SELECT DISTINCT bank_id FROM cards")]
    counts = store.counts(banks)
    where, params = _bank_filter(bank_ids)
    total = store.query(f"SELECT count(*) FROM reviews WHERE 1{where}", params)[0][0]
    start, _end = store.day(now)
    today = store.query(f"SELECT count(*) FROM reviews WHERE at >= ?{where}", (start, *params))[0][0]
    return Overview(reviews=total, reviews_today=today, due_today=counts.due, new=counts.new,
                    learning=counts.learning, missed=counts.missed, leeches=counts.leeches,
                    retention=retention(store, now, 30, bank_ids), streak_days=streak_days(store, now, bank_ids),
                    best_streak_days=best_streak_days(store, now, bank_ids),
                    forecast=tuple(forecast(store, now, 30, banks)))
