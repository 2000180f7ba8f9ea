"""The Store: cards (keyed by bank id + question id), review log, sessions, settings.

Every answer is one transaction (card state + review row + session row); a method
returns only after COMMIT, so whatever it returned is on disk (synchronous=FULL)."""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from quiz.core import paths
from quiz.core.model import Bank
from quiz.core.scheduler import (DAY_START_HOUR, LEARN_AHEAD, LEARNING, RELEARNING,
                                 CardState, day_bounds, to_ms)
from quiz.core.store import db
from quiz.core.store.db import StoreError

_STATE_COLS = ("state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses",
               "suspended", "leech", "last_correct", "last_answer")
_SELECT = "id, bank_id, question_id, " + ", ".join(_STATE_COLS)


@dataclass(frozen=True, slots=True)
class Counts:
    due: int        # review and (re)learning cards due before the learning day ends
    new: int        # cards never studied (not limited by the daily limit)
    missed: int     # latest answer wrong
    leeches: int    # suspended leeches
    learning: int   # cards in (re)learning steps


@dataclass(frozen=True, slots=True)
class CardRow:
    id: int
    bank_id: str
    question_id: str
    st: CardState


@dataclass(frozen=True, slots=True)
class Review:
    """One answer to record."""

    card_id: int
    at: int             # ms
    rating: int
    correct: bool
    elapsed_ms: int
    points: int = 0
    scheduled: bool = True


@dataclass(frozen=True, slots=True)
class SessionRow:
    mode: str
    banks: tuple[str, ...]
    started: int
    ended: int
    answered: int
    correct: int
    points: int
    best_streak: int


def _row_to_card(r: Sequence) -> CardRow:
    st = CardState(state=r[3], step=r[4], stability=r[5], difficulty=r[6], due=r[7], last_review=r[8],
                   reps=r[9], lapses=r[10], suspended=bool(r[11]), leech=bool(r[12]),
                   last_correct=None if r[13] is None else bool(r[13]), last_answer=r[14])
    return CardRow(r[0], r[1], r[2], st)


def _state_values(st: CardState) -> tuple:
    return (st.state, st.step, st.stability, st.difficulty, st.due, st.last_review, st.reps, st.lapses,
            int(st.suspended), int(st.leech), None if st.last_correct is None else int(st.last_correct),
            st.last_answer)


class Store:
    def __init__(self, conn: sqlite3.Connection, path: Path | str, *, clock: Callable[[], datetime],
                 tz: tzinfo | None = None) -> None:
        self.conn = conn
        self.path = path
        self.clock = clock
        self.tz = tz
        self.day_start_hour = int(self.get_setting("day_start_hour", DAY_START_HOUR))

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path | str, *, clock: Callable[[], datetime], create: bool = True,
             backup: bool = True, tz: tzinfo | None = None) -> "Store":
        """Open the store in `data_dir`. With create=False a missing database is not created:
        the store is an empty in-memory one (for read-only commands such as `quiz stats`)."""
        data_dir = Path(data_dir)
        if data_dir.exists() and not data_dir.is_dir():
            raise db.NotWritable(f"the data dir {data_dir} is a file, not a folder; give --data-dir a folder")
        path = paths.db_path(data_dir)
        if not path.exists():
            if not create:
                return cls(db.connect(":memory:"), path, clock=clock, tz=tz)
            try:
                paths.ensure_dir(data_dir)
                db.create_file(path)
            except OSError as e:
                raise db.NotWritable(f"cannot create the database {path} ({e.strerror or e}); "
                                     "check that the folder is writable, or use --data-dir") from e
        elif path.is_dir():
            raise StoreError(f"{path} is a folder, not a database")
        try:
            conn = db.connect(path)
        except db.NotWritable:
            if create:
                raise
            conn = db.connect_readonly(path)  # read-only commands still work in a read-only folder
        store = cls(conn, path, clock=clock, tz=tz)
        if backup and create:
            from quiz.core.store.backup import daily_backup
            try:
                daily_backup(store)
            except (OSError, sqlite3.Error):
                pass  # a failed backup must not stop studying; `quiz doctor` reports backups
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; sqlite errors become StoreError, and nothing is half-written."""
        db.retrying(lambda: self.conn.execute("BEGIN IMMEDIATE"), self.path)
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as e:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if isinstance(e, sqlite3.Error):
                raise db.translate(e, self.path) from e
            raise

    def query(self, sql: str, params: Sequence | dict = ()) -> list[tuple]:
        if self.conn.in_transaction:
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlite3.Error as e:
                raise db.translate(e, self.path) from e
        return db.retrying(lambda: self.conn.execute(sql, params).fetchall(), self.path)

    def now_ms(self) -> int:
        return to_ms(self.clock())

    def day(self, now: datetime | None = None) -> tuple[int, int]:
        """(start, end) in ms of the learner's current day."""
        start, end = day_bounds(now or self.clock(), self.day_start_hour, self.tz)
        return to_ms(start), to_ms(end)

    # ---- settings ------------------------------------------------------------------------
    def get_setting(self, key: str, default=None):
        row = self.query("SELECT value FROM settings WHERE key = ?", (key,))
        return json.loads(row[0][0]) if row else default

    def set_setting(self, key: str, value) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, json.dumps(value)))

    def scheduler(self, *, fuzz: bool = True):
        from quiz.core.scheduler import DESIRED_RETENTION, Scheduler
        params = self.get_setting("fsrs_parameters")
        try:
            return Scheduler(params, desired_retention=float(self.get_setting("desired_retention", DESIRED_RETENTION)),
                             fuzz=fuzz)
        except ValueError:  # parameters from a different py-fsrs: fall back to the defaults
            return Scheduler(None, fuzz=fuzz)

    # ---- banks and cards -------------------------------------------------------------------
    def sync_bank(self, bank: Bank) -> dict[str, int]:
        """Make one card per question of `bank`; return question id -> card id.

        Questions no longer in the bank keep their cards and history but are deactivated
        (no longer scheduled); a question that comes back is active again. Writes only
        when something changed (and re-reads inside the write transaction, so two processes
        syncing the same bank at once agree)."""
        wanted = {q.id: i for i, q in enumerate(bank.questions)}
        sql = "SELECT id, question_id, active, position FROM cards WHERE bank_id = ?"
        existing = {qid: (cid, active, pos) for cid, qid, active, pos in self.query(sql, (bank.id,))}
        if self._sync_changes(wanted, existing) == ([], [], []):
            return {qid: existing[qid][0] for qid in wanted}
        with self.transaction() as c:
            existing = {qid: (cid, active, pos) for cid, qid, active, pos in c.execute(sql, (bank.id,))}
            inserts, updates, gone = self._sync_changes(wanted, existing)
            now = self.now_ms()
            c.executemany("INSERT OR IGNORE INTO cards(bank_id, question_id, position, created) VALUES (?, ?, ?, ?)",
                          [(bank.id, qid, pos, now) for qid, pos in inserts])
            c.executemany("UPDATE cards SET active = 1, position = ? WHERE id = ?", updates)
            c.executemany("UPDATE cards SET active = 0 WHERE id = ?", gone)
            rows = c.execute("SELECT id, question_id FROM cards WHERE bank_id = ?", (bank.id,)).fetchall()
        return {qid: cid for cid, qid in rows if qid in wanted}

    @staticmethod
    def _sync_changes(wanted: dict[str, int], existing: dict[str, tuple[int, int, int]]):
        inserts = [(qid, pos) for qid, pos in wanted.items() if qid not in existing]
        updates = [(pos, existing[qid][0]) for qid, pos in wanted.items()
                   if qid in existing and (existing[qid][1] != 1 or existing[qid][2] != pos)]
        gone = [(cid,) for qid, (cid, active, _pos) in existing.items() if qid not in wanted and active]
        return inserts, updates, gone

    def card(self, card_id: int) -> CardRow | None:
        rows = self.query(f"SELECT {_SELECT} FROM cards WHERE id = ?", (card_id,))
        return _row_to_card(rows[0]) if rows else None

    def card_for(self, bank_id: str, question_id: str) -> CardRow | None:
        rows = self.query(f"SELECT {_SELECT} FROM cards WHERE bank_id = ? AND question_id = ?", (bank_id, question_id))
        return _row_to_card(rows[0]) if rows else None

    def all_cards(self, bank_ids: Iterable[str] | None = None) -> list[CardRow]:
        """Every card (for export and benchmarks' baseline; never used to pick the next card)."""
        if bank_ids is None:
            return [_row_to_card(r) for r in self.query(f"SELECT {_SELECT} FROM cards")]
        out: list[CardRow] = []
        for b in bank_ids:
            out += [_row_to_card(r) for r in self.query(f"SELECT {_SELECT} FROM cards WHERE bank_id = ?", (b,))]
        return out

    # ---- queues: one indexed LIMIT query per bank and state ----------------------------------------
    def _first(self, sql: str, bank_ids: Iterable[str], params: tuple, exclude: int | None,
               key: int = 1) -> tuple[int, int] | None:
        """Run `sql` (selecting id, sort key) for each bank; return the (id, key) with the least key."""
        best = None
        extra = "" if exclude is None else " AND id != ?"
        sql = sql.replace("{x}", extra)
        for b in bank_ids:
            p = (b, *params) + (() if exclude is None else (exclude,))
            row = self.query(sql, p)
            if row and (best is None or row[0][key] < best[key]):
                best = row[0]
        return best

    def next_learning(self, bank_ids: Sequence[str], until_ms: int, exclude: int | None = None) -> int | None:
        best = None
        for state in (LEARNING, RELEARNING):
            row = self._first("SELECT id, due FROM cards WHERE bank_id = ? AND state = ? AND due <= ? "
                              "AND active = 1 AND suspended = 0{x} ORDER BY due LIMIT 1",
                              bank_ids, (state, until_ms), exclude)
            if row and (best is None or row[1] < best[1]):
                best = row
        return best[0] if best else None

    def next_review(self, bank_ids: Sequence[str], until_ms: int, exclude: int | None = None) -> int | None:
        row = self._first("SELECT id, due FROM cards WHERE bank_id = ? AND state = 2 AND due < ? "
                          "AND active = 1 AND suspended = 0{x} ORDER BY due LIMIT 1",
                          bank_ids, (until_ms,), exclude)
        return row[0] if row else None

    def next_new(self, bank_ids: Sequence[str], exclude: int | None = None) -> int | None:
        for b in bank_ids:  # banks in the order given, questions in bank order
            row = self.query("SELECT id, position FROM cards WHERE bank_id = ? AND state = 0 AND active = 1 "
                             "AND suspended = 0" + ("" if exclude is None else " AND id != ?")
                             + " ORDER BY position LIMIT 1", (b,) if exclude is None else (b, exclude))
            if row:
                return row[0][0]
        return None

    def new_studied_today(self, bank_ids: Sequence[str]) -> int:
        """How many new cards were started today (for the daily new-card limit)."""
        start, _end = self.day()
        n = 0
        for b in bank_ids:
            n += self.query("SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id "
                            "WHERE r.at >= ? AND r.state_before = 0 AND r.scheduled = 1 AND c.bank_id = ?",
                            (start, b))[0][0]
        return n

    def counts(self, bank_ids: Sequence[str]) -> Counts:
        _start, end = self.day()
        due = new = missed = leeches = learning = 0
        for b in bank_ids:
            q = self.query
            due += q("SELECT count(*) FROM cards WHERE bank_id = ? AND state = 2 AND due < ? "
                     "AND active = 1 AND suspended = 0", (b, end))[0][0]
            for s in (LEARNING, RELEARNING):
                learning += q("SELECT count(*) FROM cards WHERE bank_id = ? AND state = ? "
                              "AND active = 1 AND suspended = 0", (b, s))[0][0]
                due += q("SELECT count(*) FROM cards WHERE bank_id = ? AND state = ? AND due < ? "
                         "AND active = 1 AND suspended = 0", (b, s, end))[0][0]
            new += q("SELECT count(*) FROM cards WHERE bank_id = ? AND state = 0 AND active = 1 "
                     "AND suspended = 0", (b,))[0][0]
            missed += q("SELECT count(*) FROM cards WHERE bank_id = ? AND last_correct = 0 AND active = 1",
                        (b,))[0][0]
            leeches += q("SELECT count(*) FROM cards WHERE bank_id = ? AND leech = 1 AND suspended = 1",
                         (b,))[0][0]
        return Counts(due=due, new=new, missed=missed, leeches=leeches, learning=learning)

    def bank_counts(self, bank: Bank | str) -> Counts:
        return self.counts([bank if isinstance(bank, str) else bank.id])

    def learning_ahead(self, bank_ids: Sequence[str], exclude: int | None = None) -> int | None:
        """A learning card due within the learn-ahead window (shown when nothing else is left)."""
        limit = self.now_ms() + int(LEARN_AHEAD.total_seconds() * 1000)
        return self.next_learning(bank_ids, limit, exclude) or self.next_learning(bank_ids, limit)

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

    def set_suspended(self, card_id: int, suspended: bool) -> None:
        with self.transaction() as c:
            c.execute("UPDATE cards SET suspended = ? WHERE id = ?", (int(suspended), card_id))

    # ---- answers -------------------------------------------------------------------------------
    def record(self, review: Review, before: CardState, after: CardState,
               session_id: int | None, session: SessionRow) -> tuple[int, int]:
        """Store one answer: card state, review row and session row in one transaction.
        Returns (review id, session id) once committed."""
        with self.transaction() as c:
            if session_id is None:
                session_id = c.execute(
                    "INSERT INTO sessions(started, ended, mode, banks) VALUES (?, ?, ?, ?)",
                    (session.started, session.ended, session.mode, json.dumps(list(session.banks)))).lastrowid
            self._write_session(c, session_id, session)
            c.execute(f"UPDATE cards SET {', '.join(f'{k} = ?' for k in _STATE_COLS)} WHERE id = ?",
                      (*_state_values(after), review.card_id))
            rid = c.execute(
                "INSERT INTO reviews(card_id, session_id, at, rating, correct, elapsed_ms, state_before, prev, "
                "scheduled, points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (review.card_id, session_id, review.at, review.rating, int(review.correct), review.elapsed_ms,
                 before.state, json.dumps(before.to_dict()), int(review.scheduled), review.points)).lastrowid
        return rid, session_id

    def undo(self, review_id: int, session_id: int | None = None, session: SessionRow | None = None) -> CardState:
        """Remove review `review_id` and put its card back exactly as it was before it."""
        with self.transaction() as c:
            row = c.execute("SELECT card_id, prev FROM reviews WHERE id = ?", (review_id,)).fetchone()
            if row is None:
                raise StoreError(f"nothing to undo: answer {review_id} is not in {self.path}")
            before = CardState.from_dict(json.loads(row[1]))
            c.execute(f"UPDATE cards SET {', '.join(f'{k} = ?' for k in _STATE_COLS)} WHERE id = ?",
                      (*_state_values(before), row[0]))
            c.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
            if session_id is not None and session is not None:
                self._write_session(c, session_id, session)
        return before

    @staticmethod
    def _write_session(c: sqlite3.Connection, session_id: int, s: SessionRow) -> None:
        c.execute("UPDATE sessions SET ended = ?, answered = ?, correct = ?, points = ?, best_streak = ? "
                  "WHERE id = ?", (s.ended, s.answered, s.correct, s.points, s.best_streak, session_id))

    def review_count(self) -> int:
        return self.query("SELECT count(*) FROM reviews")[0][0]


__all__ = ["CardRow", "Counts", "Review", "SessionRow", "Store", "StoreError"]
