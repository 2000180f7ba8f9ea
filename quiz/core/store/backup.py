"""Daily backups (the last 7 are kept), integrity checks and restoring the latest good backup."""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.core import paths
from quiz.core.scheduler import local_day
from quiz.core.store import db

if TYPE_CHECKING:
    from quiz.core.store.store import Store

KEEP = 7
PREFIX = "quiz-"


@dataclass(frozen=True, slots=True)
class Integrity:
    ok: bool
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Contents:
    """What `quiz doctor` reports of a healthy database."""

    version: int
    cards: int
    reviews: int


def _read_only(path: Path) -> sqlite3.Connection:
    """The database at `path`, read-only. In a folder we cannot write to, a WAL database cannot
    make its -shm file; nothing can write to it either, so it is read as immutable."""
    writable = os.access(Path(path).parent, os.W_OK)
    params = {"mode": "ro"} if writable else {"immutable": "1"}
    return sqlite3.connect(db.uri(path, **params), uri=True, timeout=15)


def integrity(path: Path) -> Integrity:
    """`PRAGMA integrity_check` on the database file at `path` (opened read-only)."""
    if not Path(path).is_file():
        return Integrity(False, (f"{path} is not a file",))
    try:
        conn = _read_only(path)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.Error as e:
        return Integrity(False, (str(e),))
    return Integrity(rows == ["ok"], () if rows == ["ok"] else tuple(rows))


def contents(path: Path) -> Contents:
    """Schema version and counts of the database at `path` (read-only). Raises StoreError."""
    try:
        conn = _read_only(path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            cards = conn.execute("SELECT count(*) FROM cards").fetchone()[0]
            reviews = conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as e:
        raise db.translate(e, path) from e
    return Contents(version, cards, reviews)


def backups(data_dir: Path) -> list[Path]:
    """Backups, newest first."""
    d = paths.backup_dir(data_dir)
    if not d.is_dir():
        return []
    return sorted((p for p in d.glob(f"{PREFIX}*.db") if p.is_file()), reverse=True)


def daily_backup(store: Store) -> Path | None:
    """Back up the database once per learning day, if it holds anything and passes quick_check."""
    data_dir = Path(store.path).parent
    day = local_day(store.clock(), store.day_start_hour, store.tz)
    target = paths.backup_dir(data_dir) / f"{PREFIX}{day.isoformat()}.db"
    if target.exists():
        return None
    if store.query("SELECT count(*) FROM reviews")[0][0] == 0:
        return None
    if store.query("PRAGMA quick_check")[0][0] != "ok":
        return None  # never rotate good backups out with a damaged copy
    paths.ensure_dir(target.parent)
    tmp = target.with_suffix(".tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    os.close(fd)
    dest = sqlite3.connect(tmp)
    try:
        store.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    os.replace(tmp, target)
    for old in backups(data_dir)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def newest_good(data_dir: Path) -> Path:
    """The newest backup that passes integrity_check. Raises FileNotFoundError when there is none."""
    for candidate in backups(data_dir):
        if integrity(candidate).ok:
            return candidate
    raise FileNotFoundError(f"no good backup in {paths.backup_dir(data_dir)}")


def restore(data_dir: Path, candidate: Path, stamp: str) -> Path | None:
    """Put `candidate` (a backup) in place of the database; returns where the old one went.

    The current database (and its -wal/-shm) is moved aside to quiz.db.damaged-<stamp>, never
    deleted. Refuses (lock.Busy) while any process has the database open; crash-safe (see
    quiz.core.store.lock)."""
    from quiz.core.store import lock

    target = paths.db_path(data_dir)
    with lock.exclusive(target):
        return lock.restore_from(target, candidate, stamp)


def finish_interrupted(data_dir: Path) -> bool:
    """Finish a restore that was killed half way (True if there was one); Busy while the database is open."""
    from quiz.core.store import lock

    target = paths.db_path(data_dir)
    if not any(Path(str(target) + s).exists() for s in (lock.INTENT, lock.NEW)):
        return False
    with lock.exclusive(target):
        return lock.finish_restore(target)


def restore_latest_good(data_dir: Path, stamp: str) -> tuple[Path, Path | None]:
    """Restore the newest good backup: (backup used, where the old database went)."""
    candidate = newest_good(data_dir)
    return candidate, restore(data_dir, candidate, stamp)
