"""Who may swap the database file: the lock every open holds, and a restore that survives a kill.

Every process that opens quiz.db holds a shared lock (flock) on quiz.db.lock beside it for as
long as its connection is open; `quiz doctor --restore` takes it exclusively, so it refuses while
a session (the app, plain mode, any command) has the database open, and nobody opens the
database while a restore swaps it. (The lock file is not the database: SQLite's own locks are
fcntl locks on quiz.db, which flock never touches.)

A restore moves three files (quiz.db and its -wal and -shm) aside and puts the backup in place:
no rename does that in one step. So it is written as an intent first, then carried out; a restore
killed half way is finished by whoever opens the database next (`finish_restore`), before SQLite
can see quiz.db beside a WAL that is not its own (SQLite would replay that stale WAL onto the
restored file). Nothing is ever deleted: what a restore replaces is moved aside.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

WAIT_S = 15.0  # how long an open waits for a restore to finish
LOCK = ".lock"  # quiz.db.lock
NEW = ".restore-new"  # quiz.db.restore-new: the backup's copy, complete before the intent is written
INTENT = ".restore-intent"  # quiz.db.restore-intent: the name the current files are moved aside to


class Busy(Exception):
    """Another process holds the lock (a session has the database open, or a restore runs)."""


def _sibling(db: Path, suffix: str) -> Path:
    return Path(str(db) + suffix)


def _open_lock_file(db: Path) -> int | None:
    """The lock file's descriptor; None where it cannot exist (a read-only folder: nothing writes
    there, so nothing can restore there either), or on a system without flock."""
    try:
        import fcntl  # noqa: F401 (POSIX only)
    except ImportError:  # pragma: no cover - Windows
        return None
    path = _sibling(db, LOCK)
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        try:
            return os.open(path, os.O_RDONLY)
        except OSError:
            return None


def _flock(fd: int, exclusive: bool) -> bool:
    import fcntl

    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def fsync_dir(folder: Path) -> None:
    """Make renames in `folder` durable (where the platform allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on a folder
        pass
    finally:
        os.close(fd)


class Held:
    """A shared lock on the database, released by `release()` (or when the process ends)."""

    def __init__(self, fd: int | None) -> None:
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor drops the flock
            self.fd = None


def hold_shared(db: Path | str, *, wait: float = WAIT_S, sleep=time.sleep, now=time.monotonic) -> Held:
    """Take the shared lock before the database is opened, finishing an interrupted restore first.
    Waits up to `wait` seconds while a restore holds the lock; raises Busy after that."""
    db = Path(db)
    fd = _open_lock_file(db)
    if fd is None:
        return Held(None)
    deadline = now() + wait
    delay = 0.005
    try:
        while True:
            if (_sibling(db, INTENT).exists() or _sibling(db, NEW).exists()) and _flock(fd, True):
                finish_restore(db)  # a restore was killed half way: carry it out (we hold it exclusively)
            if _flock(fd, False):
                if not _sibling(db, INTENT).exists():
                    return Held(fd)
                continue  # an intent appeared in between: take it exclusively and finish it
            if now() > deadline:
                raise Busy(f"{db} is being restored by `quiz doctor --restore`; try again in a moment")
            sleep(delay)
            delay = min(delay * 2, 0.1)
    except BaseException:
        os.close(fd)
        raise


@contextmanager
def exclusive(db: Path | str) -> Iterator[None]:
    """Hold the lock alone (raises Busy at once when any process has the database open)."""
    db = Path(db)
    fd = _open_lock_file(db)
    if fd is None:
        raise Busy(f"cannot lock {db} (its folder is read-only)")
    try:
        if not _flock(fd, True):
            raise Busy(f"{db} is open in another quiz (a study session or the app); finish it, then try again")
        yield
    finally:
        os.close(fd)


def _unused(path: Path) -> Path:
    """`path`, or path.2, path.3, … : the first name no file has."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{n}")
    return candidate


def _aside_name(db: Path, stamp: str) -> Path:
    """A name beside `db` for what a restore replaces that no file has yet (with its -wal and -shm)."""
    base = db.with_name(f"{db.name}.damaged-{stamp}")
    candidate, n = base, 1
    while any(_sibling(candidate, s).exists() for s in ("", "-wal", "-shm")):
        n += 1
        candidate = base.with_name(f"{base.name}.{n}")
    return candidate


def restore_from(db: Path, backup: Path, stamp: str) -> Path | None:
    """Put a copy of `backup` in place of `db` (hold `exclusive(db)`). Returns where the old database
    went (None when there was none). Killed at any moment, the next open either finds the old
    database untouched or finishes the swap: never a database beside a WAL that is not its own."""
    import shutil

    finish_restore(db)
    new, intent = _sibling(db, NEW), _sibling(db, INTENT)
    new.unlink(missing_ok=True)
    shutil.copyfile(backup, new)
    os.chmod(new, 0o600)
    with open(new, "rb+") as f:
        os.fsync(f.fileno())
    aside = _aside_name(db, stamp) if db.exists() else None
    pending = _sibling(db, INTENT + ".tmp")
    with open(pending, "w", encoding="utf-8") as f:
        f.write(aside.name if aside is not None else "")
        f.flush()
        os.fsync(f.fileno())
    os.replace(pending, intent)  # from here on the restore happens, whatever kills this process
    fsync_dir(db.parent)
    finish_restore(db)
    return aside


def finish_restore(db: Path) -> bool:
    """Carry out an interrupted restore of `db` (the caller holds the lock exclusively). True if
    there was one. Idempotent: each step checks what is already done."""
    db = Path(db)
    new, intent = _sibling(db, NEW), _sibling(db, INTENT)
    if not intent.exists():
        new.unlink(missing_ok=True)  # a copy that never got its intent: the restore never began
        return False
    name = intent.read_text(encoding="utf-8").strip()
    if new.exists():
        aside = db.with_name(name) if name else _aside_name(db, "unnamed")
        for suffix in ("-wal", "-shm", ""):  # the WAL and SHM first: never leave them beside another file
            src = _sibling(db, suffix)
            if src.exists():
                os.replace(src, _unused(_sibling(aside, suffix)))  # never over what was moved aside before
        fsync_dir(db.parent)
        os.replace(new, db)
        fsync_dir(db.parent)
    intent.unlink()
    fsync_dir(db.parent)
    return True
