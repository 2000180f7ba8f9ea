"""Daily backups (the last 7 are kept), integrity checks and restoring the latest good backup."""
from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.core import paths
from quiz.core.scheduler import local_day

if TYPE_CHECKING:
    from quiz.core.store.store import Store

KEEP = 7
PREFIX = "quiz-"


@dataclass(frozen=True, slots=True)
class Check:
    ok: bool
    problems: tuple[str, ...]


def integrity(path: Path) -> Check:
    """`PRAGMA integrity_check` on the database file at `path` (opened read-only)."""
    try:
        rows = _integrity_rows(f"file:{path}?mode=ro")
    except sqlite3.Error as e:
        if os.access(Path(path).parent, os.W_OK) or not Path(path).is_file():
            return Check(False, (str(e),))
        # a read-only folder: a WAL database cannot make its -shm file there; nothing can write to
        # it either, so read it as immutable
        try:
            rows = _integrity_rows(f"file:{path}?immutable=1")
        except sqlite3.Error as e2:
            return Check(False, (str(e2),))
    return Check(rows == ["ok"], () if rows == ["ok"] else tuple(rows))


def _integrity_rows(uri: str) -> list[str]:
    conn = sqlite3.connect(uri, uri=True, timeout=15)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    finally:
        conn.close()


def backups(data_dir: Path) -> list[Path]:
    """Backups, newest first."""
    d = paths.backup_dir(data_dir)
    if not d.is_dir():
        return []
    return sorted((p for p in d.glob(f"{PREFIX}*.db") if p.is_file()), reverse=True)


def daily_backup(store: "Store") -> Path | None:
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


def restore_latest_good(data_dir: Path, stamp: str) -> tuple[Path, Path | None]:
    """Put the newest backup that passes integrity_check in place of the database.

    The current database (and its -wal/-shm) is moved aside to quiz.db.damaged-<stamp>, never
    deleted. Returns (backup used, where the old database went). Raises FileNotFoundError
    when there is no good backup."""
    db = paths.db_path(data_dir)
    for candidate in backups(data_dir):
        if integrity(candidate).ok:
            break
    else:
        raise FileNotFoundError(f"no good backup in {paths.backup_dir(data_dir)}")
    aside = None
    if db.exists():
        aside = db.with_name(f"{db.name}.damaged-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(db) + suffix)
            if src.exists():
                os.replace(src, Path(str(aside) + suffix))
    tmp = db.with_suffix(".restoring")
    shutil.copyfile(candidate, tmp)
    os.chmod(tmp, 0o600)
    os.replace(tmp, db)
    return candidate, aside
