"""The Store: cards (keyed by bank id + question id), review log, sessions, settings.

Every answer is one transaction (card state + review row + session row); a method
returns only after COMMIT, so whatever it returned is on disk (synchronous=FULL)."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from quiz.core import paths, settings
from quiz.core.model import Bank
from quiz.core.scheduler import CardState, day_bounds, to_ms
from quiz.core.settings import Prefs
from quiz.core.store import db
from quiz.core.store.db import StoreError
from quiz.core.store.queues import Counts, Queues
from quiz.core.store.rows import SELECT as _SELECT
from quiz.core.store.rows import STATE_COLS, CardRow
from quiz.core.store.rows import row_to_card as _row_to_card
from quiz.core.store.rows import state_values as _state_values


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


_UPDATE_STATE = f"UPDATE cards SET {', '.join(f'{k} = ?' for k in STATE_COLS)} WHERE id = ?"


class Store(Queues):
    """The learner's database. Every SQL statement of quiz lives in this package."""

    def __init__(self, conn: sqlite3.Connection, path: Path | str, *, clock: Callable[[], datetime],
                 tz: tzinfo | None = None) -> None:
        self.conn = conn
        self.path = path
        self.clock = clock
        self.tz = tz
        self.prefs = self.load_prefs()

    @property
    def day_start_hour(self) -> int:
        return self.prefs.day_start_hour

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path | str, *, clock: Callable[[], datetime], create: bool = True,
             backup: bool = True, tz: tzinfo | None = None) -> Store:
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

    def __enter__(self) -> Store:
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

    def first_row(self, sql: str, params: Sequence, skip: Collection[int]) -> tuple | None:
        """The first row of `sql` whose first column is not in `skip`. Rows are read one at a time,
        so with nothing to skip this costs what `LIMIT 1` costs."""
        def scan() -> tuple | None:
            for row in self.conn.execute(sql if skip else sql + " LIMIT 1", params):
                if row[0] not in skip:
                    return row
            return None
        if self.conn.in_transaction:
            try:
                return scan()
            except sqlite3.Error as e:
                raise db.translate(e, self.path) from e
        return db.retrying(scan, self.path)

    def day(self, now: datetime | None = None) -> tuple[int, int]:
        """(start, end) in ms of the learner's current day."""
        start, end = day_bounds(now or self.clock(), self.day_start_hour, self.tz)
        return to_ms(start), to_ms(end)

    # ---- settings ------------------------------------------------------------------------
    def get_setting(self, key: str, default=None):
        row = self.query("SELECT value FROM settings WHERE key = ?", (key,))
        return json.loads(row[0][0]) if row else default

    def delete_setting(self, key: str) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM settings WHERE key = ?", (key,))
        if key in settings.SETTINGS:
            self.prefs = self.load_prefs()

    def set_setting(self, key: str, value) -> None:
        """Save one setting; a scheduling setting (quiz.core.settings) must be a valid value of it."""
        self.set_settings({key: value})

    def set_settings(self, values: dict) -> None:
        """Save several settings in one transaction (all or none); scheduling settings are checked first
        (ValueError: nothing saved)."""
        rows = []
        for key, value in values.items():
            if key in settings.SETTINGS:
                value = settings.check(settings.SETTINGS[key], float(value), str(value))
            rows.append((key, json.dumps(value)))
        with self.transaction() as c:
            c.executemany("INSERT INTO settings(key, value) VALUES (?, ?) "
                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value", rows)
        if any(key in settings.SETTINGS for key in values):
            self.prefs = self.load_prefs()

    def load_prefs(self) -> Prefs:
        """The scheduling settings, validated: a bad stored value gives the default and a problem
        in `prefs.problems` (for the front ends to warn about), never an exception."""
        keys = list(settings.SETTINGS)
        rows = self.query(f"SELECT key, value FROM settings WHERE key IN ({','.join('?' * len(keys))})", keys)
        return settings.prefs_from(dict(rows))

    def scheduler(self, *, fuzz: bool = True):
        from quiz.core.scheduler import Scheduler
        p = self.prefs

        def make(params: list[float] | None) -> Scheduler:
            return Scheduler(params, desired_retention=p.desired_retention, maximum_interval=p.maximum_interval,
                             leech_threshold=p.leech_threshold, day_start_hour=p.day_start_hour, tz=self.tz,
                             fuzz=fuzz)

        try:
            return make(self.fsrs_parameters())
        except ValueError:  # parameters from a different py-fsrs: fall back to the defaults
            return make(None)

    def fsrs_parameters(self) -> list[float] | None:
        """The saved personal FSRS parameters, or None (the defaults) when none or unreadable ones are saved."""
        try:
            params = self.get_setting("fsrs_parameters")
        except ValueError:  # not JSON
            return None
        if not isinstance(params, list) or not all(isinstance(x, int | float) and not isinstance(x, bool)
                                                   for x in params):
            return None
        return [float(x) for x in params]

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

    def set_states(self, changes: Sequence[tuple[int, CardState]]) -> None:
        """Put each (card id, state) in one transaction (rescheduling after new parameters)."""
        with self.transaction() as c:
            c.executemany(_UPDATE_STATE, [(*_state_values(st), card_id) for card_id, st in changes])

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
                session_id = int(c.execute(
                    "INSERT INTO sessions(started, ended, mode, banks) VALUES (?, ?, ?, ?)",
                    (session.started, session.ended, session.mode, json.dumps(list(session.banks)))).lastrowid or 0)
            self._write_session(c, session_id, session)
            c.execute(_UPDATE_STATE,
                      (*_state_values(after), review.card_id))
            rid = int(c.execute(
                "INSERT INTO reviews(card_id, session_id, at, rating, correct, elapsed_ms, state_before, prev, "
                "scheduled, points, bank_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "(SELECT bank_id FROM cards WHERE id = ?))",
                (review.card_id, session_id, review.at, review.rating, int(review.correct), review.elapsed_ms,
                 before.state, json.dumps(before.to_dict()), int(review.scheduled), review.points,
                 review.card_id)).lastrowid or 0)
        return rid, session_id

    def undo(self, review_id: int, session_id: int | None = None, session: SessionRow | None = None) -> CardState:
        """Remove review `review_id` and put its card back exactly as it was before it."""
        with self.transaction() as c:
            row = c.execute("SELECT card_id, prev FROM reviews WHERE id = ?", (review_id,)).fetchone()
            if row is None:
                raise StoreError(f"nothing to undo: answer {review_id} is not in {self.path}")
            before = CardState.from_dict(json.loads(row[1]))
            c.execute(_UPDATE_STATE,
                      (*_state_values(before), row[0]))
            c.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
            if session_id is not None and session is not None:
                self._write_session(c, session_id, session)
        return before

    @staticmethod
    def _write_session(c: sqlite3.Connection, session_id: int, s: SessionRow) -> None:
        c.execute("UPDATE sessions SET ended = ?, answered = ?, correct = ?, points = ?, best_streak = ? "
                  "WHERE id = ?", (s.ended, s.answered, s.correct, s.points, s.best_streak, session_id))

    def review_count(self, *, scheduled_only: bool = False) -> int:
        sql = "SELECT count(*) FROM reviews" + (" WHERE scheduled = 1" if scheduled_only else "")
        return self.query(sql)[0][0]

    def scheduled_answers(self) -> list[tuple[int, int, int]]:
        """(card id, at ms, rating) of every answer that moved the schedule, by card then time
        (the optimizer's training data)."""
        return self.query("SELECT card_id, at, rating FROM reviews WHERE scheduled = 1 ORDER BY card_id, at")


def saved_setting(data_dir: Path | str, key: str):
    """A setting read without opening the store for study (no database made, no migration, no
    backup): None when there is no database, no such setting, or it cannot be read."""
    from quiz.core.store import lock

    path = paths.db_path(Path(data_dir))
    if not path.is_file():
        return None
    try:
        # the shared lock first, as every open: a restore killed half way is finished before SQLite
        # sees quiz.db (never read beside a WAL that is not its own, nor give it a stray one)
        held = lock.hold_shared(path, wait=1.0)
    except (lock.Busy, OSError):
        return None   # a restore is running: the default for now
    try:
        conn = sqlite3.connect(db.uri(path, mode="ro"), uri=True, timeout=1)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
        return json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError):
        return None
    finally:
        held.release()


__all__ = ["CardRow", "Counts", "Review", "SessionRow", "Store", "StoreError", "saved_setting"]
