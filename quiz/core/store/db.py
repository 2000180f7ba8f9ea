"""Opening the SQLite database: pragmas, migrations, and errors a learner can read."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from quiz.core.store import lock
from quiz.core.store.lock import Held
from quiz.core.store.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 15_000


class StoreError(Exception):
    """A problem with the database the learner can act on; str() is the message."""


class DatabaseDamaged(StoreError):
    pass


class NewerDatabase(StoreError):
    pass


class NotWritable(StoreError):
    pass


class DiskFull(StoreError):
    pass


class NotAQuizDatabase(StoreError):
    """A file named quiz.db that another program made (tables of its own, no quiz schema)."""


def translate(err: sqlite3.Error, path: Path | str) -> StoreError:
    """Turn an sqlite3 error into a StoreError with a message saying what and where."""
    code = getattr(err, "sqlite_errorcode", 0) & 0xFF
    text = str(err)
    if code == 13 or "disk is full" in text or (code == 10 and _no_space(path)):
        return DiskFull(f"the disk is full: could not save to {path}; "
                        "nothing already stored was lost, free some space and try again")
    if code in (11, 26) or "not a database" in text or "malformed" in text:
        return DatabaseDamaged(f"the database {path} is damaged ({text}); "
                               "run `quiz doctor` to check it and `quiz doctor --restore` to restore a backup")
    if code in (3, 8, 14) or "readonly" in text or "unable to open" in text:
        return NotWritable(f"cannot write the database {path} ({text}); "
                           "check that its folder exists and is writable, or use --data-dir")
    if code == 5 or "locked" in text:
        return StoreError(f"the database {path} is busy (another quiz is writing); try again")
    if code == 10:
        return StoreError(f"input/output error on {path} ({text}); nothing already stored was lost")
    return StoreError(f"database error on {path}: {text}")


def _no_space(path: Path | str) -> bool:
    """An I/O error on a nearly full file system is a full disk (SQLite reports a failed -shm or
    -wal allocation as SQLITE_IOERR, not SQLITE_FULL)."""
    import shutil
    try:
        return shutil.disk_usage(Path(path).parent).free < 1024 * 1024
    except OSError:
        return False


def is_busy(err: sqlite3.Error) -> bool:
    """SQLITE_BUSY (any variant) or SQLITE_PROTOCOL: another process holds a lock right now.
    The busy handler covers most cases; a few (WAL recovery, a closing connection's checkpoint)
    return at once, so callers retry those briefly."""
    code = getattr(err, "sqlite_errorcode", 0) & 0xFF
    return code in (5, 15) or "database is locked" in str(err)


def retrying(fn, path: Path | str, attempts: int = 200):
    """Call fn(); on a busy error retry with a short sleep (about 15 s in all)."""
    import time
    for i in range(attempts):
        try:
            return fn()
        except sqlite3.Error as e:
            if not is_busy(e) or i == attempts - 1:
                raise translate(e, path) from e
            time.sleep(min(0.005 * (i + 1), 0.1))
    raise AssertionError("unreachable")


class Locked(sqlite3.Connection):
    """A connection that holds the database's shared lock (quiz.core.store.lock) until it is closed,
    so that `quiz doctor --restore` never swaps the file under it."""

    held: Held | None = None

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self.held is not None:
                self.held.release()
                self.held = None


def connect(path: Path | str, *, migrate: bool = True) -> sqlite3.Connection:
    """Open (and migrate) the database at `path`; ':memory:' for a throwaway one.

    The connection holds the database's shared lock (an interrupted restore is finished first).
    Autocommit mode: callers group writes with `transaction(conn)`."""
    if str(path) == ":memory:":
        return retrying(lambda: _connect(path, migrate, None), path)
    try:
        held = lock.hold_shared(Path(path))
    except lock.Busy as e:
        raise StoreError(str(e)) from None
    except OSError as e:
        raise NotWritable(f"cannot open the database {path} ({e.strerror or e}); "
                          "check that its folder exists and is writable, or use --data-dir") from e
    try:
        return retrying(lambda: _connect(path, migrate, held), path)
    except BaseException:
        held.release()
        raise


def _connect(path: Path | str, migrate: bool, held: Held | None) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000,
                           isolation_level=None, check_same_thread=False, factory=Locked)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # the version and the tables read in one transaction: a quiz creating the schema at this moment
        # (its tables and its version commit together) is never seen half way, as a foreign database
        conn.execute("BEGIN")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            foreign = [] if version or str(path) == ":memory:" else [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' "
                "ORDER BY name")]
        except BaseException:
            if conn.in_transaction:   # (SQLite may have ended it itself: a full disk rolls back)
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        if version > SCHEMA_VERSION:
            raise NewerDatabase(
                f"the database {path} was written by a newer version of quiz "
                f"(schema {version}, this quiz knows up to {SCHEMA_VERSION}); upgrade quiz to use it")
        if foreign:  # another program's database: never add quiz's tables to it
            shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
            raise NotAQuizDatabase(f"{path} is not a quiz database (it holds the tables {shown}); "
                                   "move it away, or use --data-dir for quiz's own folder")
        if str(path) != ":memory:":
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise NotWritable(f"cannot use write-ahead logging for {path} (journal mode {mode})")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if migrate and version < SCHEMA_VERSION:
            migrate_to(conn, SCHEMA_VERSION)
    except BaseException:
        conn.close()
        raise
    conn.held = held
    return conn


def uri(path: Path | str, **params: str) -> str:
    """An SQLite `file:` URI for `path` with query `params`, escaped: a folder named with `#`, `?`
    or `%41` is that folder, not a URI fragment, query or escape (Path.as_uri percent-encodes)."""
    from urllib.parse import urlencode

    query = urlencode(params)
    return Path(path).resolve().as_uri() + (f"?{query}" if query else "")


def connect_readonly(path: Path | str) -> sqlite3.Connection:
    """Read a database in a folder we cannot write to (no WAL files can be made there).

    Opened immutable: only for read-only commands, and only at the current schema."""
    conn = sqlite3.connect(uri(path, immutable="1"), uri=True, isolation_level=None,
                           check_same_thread=False)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as e:
        conn.close()
        raise translate(e, path) from e
    if version != SCHEMA_VERSION:
        conn.close()
        raise NotWritable(f"the database {path} needs an upgrade (schema {version} -> {SCHEMA_VERSION}) "
                          "but its folder is read-only")
    return conn


def migrate_to(conn: sqlite3.Connection, target: int) -> None:
    """Apply migrations up to `target`, one transaction each (safe against a concurrent migrator)."""
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= target:
                conn.execute("COMMIT")
                return
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """The statements of a migration script; a trigger's body (BEGIN ... END) holds semicolons of its
    own, so statements end where SQLite says one is complete."""
    out, part = [], ""
    for piece in script.split(";"):
        part += piece + ";"
        if sqlite3.complete_statement(part):
            if part.strip(" \n;"):
                out.append(part.strip())
            part = ""
    return out


def create_file(path: Path) -> None:
    """Create an empty database file readable by the owner only (no-op if it exists). A restore
    killed after it moved the old file aside is finished first (its file is then the database)."""
    try:
        lock.hold_shared(path).release()
    except lock.Busy as e:
        raise StoreError(str(e)) from None
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)
