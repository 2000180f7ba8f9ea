"""The study queues: which card comes next, and the counts home and stats show.

One indexed LIMIT query per bank and state: picking the next card never scans the deck."""
from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass

from quiz.core.model import Bank
from quiz.core.scheduler import LEARN_AHEAD_MS, State
from quiz.core.store.rows import SELECT as _SELECT
from quiz.core.store.rows import CardRow
from quiz.core.store.rows import row_to_card as _row_to_card

LEARNING, RELEARNING = State.LEARNING, State.RELEARNING
_AHEAD_MS = LEARN_AHEAD_MS
Skip = int | Collection[int] | None  # a card to leave out (the one just answered), or a set of them


def _skip(exclude: Skip) -> Collection[int]:
    if exclude is None:
        return ()
    return (exclude,) if isinstance(exclude, int) else exclude


@dataclass(frozen=True, slots=True)
class Counts:
    due: int        # review and (re)learning cards due before the learning day ends
    new: int        # cards never studied (not limited by the daily limit)
    missed: int     # latest answer wrong
    leeches: int    # suspended leeches
    learning: int   # cards in (re)learning steps


class Queues:
    """Queue and count queries; mixed into Store, which provides `query`, `day` and `now_ms`."""

    def query(self, sql: str, params: Sequence | dict = ()) -> list[tuple]:
        raise NotImplementedError

    def day(self, now=None) -> tuple[int, int]:
        raise NotImplementedError

    def now_ms(self) -> int:
        raise NotImplementedError

    def first_row(self, sql: str, params: Sequence, skip: Collection[int]) -> tuple | None:
        raise NotImplementedError

    def _first(self, sql: str, bank_ids: Iterable[str], params: tuple, skip: Collection[int],
               key: int = 1) -> tuple[int, int] | None:
        """Run `sql` (selecting id, sort key, in order) for each bank; return the (id, key) with the least
        key among the rows whose id is not in `skip`."""
        best = None
        for b in bank_ids:
            row = self.first_row(sql, (b, *params), skip)
            if row and (best is None or row[key] < best[key]):
                best = row
        return best

    def next_learning(self, bank_ids: Sequence[str], until_ms: int, exclude: Skip = None) -> int | None:
        best = None
        for state in (LEARNING, RELEARNING):
            row = self._first("SELECT id, due FROM cards WHERE bank_id = ? AND state = ? AND due <= ? "
                              "AND active = 1 AND suspended = 0 ORDER BY due",
                              bank_ids, (state, until_ms), _skip(exclude))
            if row and (best is None or row[1] < best[1]):
                best = row
        return best[0] if best else None

    def next_review(self, bank_ids: Sequence[str], until_ms: int, exclude: Skip = None) -> int | None:
        row = self._first("SELECT id, due FROM cards WHERE bank_id = ? AND state = ? AND due < ? "
                          "AND active = 1 AND suspended = 0 ORDER BY due",
                          bank_ids, (State.REVIEW, until_ms), _skip(exclude))
        return row[0] if row else None

    def next_new(self, bank_ids: Sequence[str], exclude: Skip = None) -> int | None:
        skip = _skip(exclude)
        for b in bank_ids:  # banks in the order given, questions in bank order
            row = self.first_row("SELECT id, position FROM cards WHERE bank_id = ? AND state = ? AND active = 1 "
                                 "AND suspended = 0 ORDER BY position", (b, State.NEW), skip)
            if row:
                return row[0]
        return None

    def answered_today(self, bank_ids: Sequence[str]) -> set[int]:
        """Cards of these banks with an answer that moved the schedule since the learning day began
        (their siblings are buried until the next day)."""
        start, _end = self.day()
        out: set[int] = set()
        for b in bank_ids:
            out.update(r[0] for r in self.query(
                "SELECT DISTINCT r.card_id FROM reviews r JOIN cards c ON c.id = r.card_id "
                "WHERE r.at >= ? AND r.scheduled = 1 AND c.bank_id = ?", (start, b)))
        return out

    def queue_rows(self, bank_ids: Sequence[str], until_ms: int | None) -> list[tuple[int, int, int | None, int, int]]:
        """(id, state, due, position, bank's rank in `bank_ids`) of the cards a study session may show:
        new cards, and learning and review cards due before `until_ms` (every one with None), of active
        unsuspended cards."""
        out: list[tuple[int, int, int | None, int, int]] = []
        due = "" if until_ms is None else " AND due < ?"
        for rank, b in enumerate(bank_ids):
            out += self.query("SELECT id, state, due, position, ? FROM cards WHERE bank_id = ? AND active = 1 "
                              f"AND suspended = 0 AND (state = ? OR (state != ?{due}))",
                              (rank, b, State.NEW, State.NEW) + (() if until_ms is None else (until_ms,)))
        return out

    def next_due(self, bank_ids: Sequence[str]) -> int | None:
        """When the next learning or review card of these banks falls due (ms), None when none will."""
        best = None
        for b in bank_ids:
            row = self.query("SELECT min(due) FROM cards WHERE bank_id = ? AND state != ? AND active = 1 "
                             "AND suspended = 0", (b, State.NEW))
            if row and row[0][0] is not None and (best is None or row[0][0] < best):
                best = row[0][0]
        return best

    def new_studied_today(self, bank_ids: Sequence[str]) -> int:
        """How many new cards were started today (for the daily new-card limit)."""
        start, _end = self.day()
        n = 0
        for b in bank_ids:
            n += self.query("SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id "
                            "WHERE r.at >= ? AND r.state_before = ? AND r.scheduled = 1 AND c.bank_id = ?",
                            (start, State.NEW, b))[0][0]
        return n

    def counts(self, bank_ids: Sequence[str]) -> Counts:
        _start, end = self.day()
        due = new = missed = leeches = learning = 0
        for b in bank_ids:
            q = self.query
            due += q("SELECT count(*) FROM cards WHERE bank_id = ? AND state = ? AND due < ? "
                     "AND active = 1 AND suspended = 0", (b, State.REVIEW, end))[0][0]
            for s in (LEARNING, RELEARNING):
                learning += q("SELECT count(*) FROM cards WHERE bank_id = ? AND state = ? "
                              "AND active = 1 AND suspended = 0", (b, s))[0][0]
                due += q("SELECT count(*) FROM cards WHERE bank_id = ? AND state = ? AND due < ? "
                         "AND active = 1 AND suspended = 0", (b, s, end))[0][0]
            new += q("SELECT count(*) FROM cards WHERE bank_id = ? AND state = ? AND active = 1 "
                     "AND suspended = 0", (b, State.NEW))[0][0]
            missed += q("SELECT count(*) FROM cards WHERE bank_id = ? AND last_correct = 0 AND active = 1",
                        (b,))[0][0]
            leeches += q("SELECT count(*) FROM cards WHERE bank_id = ? AND leech = 1 AND suspended = 1",
                         (b,))[0][0]
        return Counts(due=due, new=new, missed=missed, leeches=leeches, learning=learning)

    def bank_counts(self, bank: Bank | str) -> Counts:
        return self.counts([bank if isinstance(bank, str) else bank.id])

    def learning_ahead(self, bank_ids: Sequence[str], exclude: Skip = None, hidden: Collection[int] = ()) -> int | None:
        """A learning card due within the learn-ahead window (shown when nothing else is left): one not in
        `exclude` if there is one, else one not `hidden`."""
        limit = self.now_ms() + _AHEAD_MS
        return self.next_learning(bank_ids, limit, exclude) or self.next_learning(bank_ids, limit, hidden)

    def scoped_queue(self, card_ids: Iterable[int], *, new: bool, exclude: int | None = None,
                     hidden: Collection[int] = (), ahead: bool = False, done: Collection[int] = ()
                     ) -> Iterator[int]:
        """The same queue order as next_learning / next_review / next_new / learning_ahead, over the
        cards `card_ids` only (a tag-filtered session): learning due now, reviews due today, new cards
        (when `new`) in bank order, then learning cards due within the learn-ahead window.
        `exclude` (the card just answered) is skipped except in the learn-ahead group; `hidden` cards
        (buried siblings) always. `ahead` (study ahead, nothing due) also takes the reviews due later,
        after today's and before the new cards, and last the learning cards due past the window; of
        these, not the `done` ones (answered in this session: once early is enough)."""
        now = self.now_ms()
        _start, end = self.day()
        ids = sorted(card_ids)
        rows: list[tuple] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            rows += self.query(f"SELECT id, state, due, position FROM cards WHERE id IN ({marks}) AND active = 1 "
                               "AND suspended = 0", chunk)
        learning = [r for r in rows if State(r[1]).learning]
        reviews = sorted((r for r in rows if r[1] == State.REVIEW), key=lambda r: r[2])
        groups = (
            sorted((r for r in learning if r[2] <= now), key=lambda r: r[2]),
            [r for r in reviews if r[2] < end],
            [r for r in reviews if r[2] >= end and r[0] not in done] if ahead else [],
            sorted((r for r in rows if r[1] == State.NEW), key=lambda r: r[3]) if new else [],
        )
        for group in groups:
            for r in group:
                if r[0] != exclude and r[0] not in hidden:
                    yield r[0]
        for r in sorted((r for r in learning if now < r[2] <= now + _AHEAD_MS), key=lambda r: r[2]):
            if r[0] not in hidden:
                yield r[0]
        if ahead:
            for r in sorted((r for r in learning if r[2] > now + _AHEAD_MS), key=lambda r: r[2]):
                if r[0] != exclude and r[0] not in hidden and r[0] not in done:
                    yield r[0]

    # ---- missed and leeches ----------------------------------------------------------------
    def missed(self, bank_ids: Sequence[str], *, days: int | None = None, limit: int = 1000) -> list[CardRow]:
        """Cards whose latest answer was wrong (most recent first); with `days`, cards answered
        wrong at least once in the last `days` days."""
        out: list[CardRow] = []
        for b in bank_ids:
            if days is None:
                rows = self.query(f"SELECT {_SELECT} FROM cards WHERE bank_id = ? AND last_correct = 0 "
                                  "AND active = 1 ORDER BY last_answer DESC LIMIT ?", (b, limit))
            else:
                since = self.now_ms() - days * 86_400_000
                rows = self.query(f"SELECT {_SELECT} FROM cards WHERE bank_id = ? AND active = 1 AND id IN "
                                  "(SELECT card_id FROM reviews WHERE at >= ? AND correct = 0) "
                                  "ORDER BY last_answer DESC LIMIT ?", (b, since, limit))
            out += [_row_to_card(r) for r in rows]
        out.sort(key=lambda c: -(c.st.last_answer or 0))
        return out[:limit]

    def leeches(self, bank_ids: Sequence[str] | None = None) -> list[CardRow]:
        if bank_ids is None:
            return [_row_to_card(r) for r in self.query(f"SELECT {_SELECT} FROM cards WHERE leech = 1")]
        return [_row_to_card(r) for b in bank_ids for r in
                self.query(f"SELECT {_SELECT} FROM cards WHERE bank_id = ? AND leech = 1", (b,))]

