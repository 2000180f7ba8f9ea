"""`quiz doctor [--restore [--yes]]`: check the database, list backups, restore the latest good one.

A restore says what it would lose before it does anything: the answers in the database now and
in the backup. It asks (or needs --yes when nobody can answer), refuses while a session has the
database open, and keeps the replaced file beside the database."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.commands.common import USAGE, fail, out, say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--restore", action="store_true",
                        help="replace the database with the newest backup that passes the integrity check "
                             "(the current file is kept beside it)")
    parser.add_argument("--yes", "-y", action="store_true",
                        help="restore without asking (needed when quiz cannot ask: a script, a pipe)")


def _counts(path: Path) -> str:
    """'N answers, M cards' of a database file, or why it cannot be read."""
    from quiz.core.store import StoreError, backup

    check = backup.integrity(path)
    if not check.ok:
        return "cannot be read (" + (check.problems[0] if check.problems else "damaged") + ")"
    try:
        c = backup.contents(path)
    except StoreError as e:
        return f"cannot be read ({e})"
    return f"{c.reviews} answer{'s' if c.reviews != 1 else ''}, {c.cards} card{'s' if c.cards != 1 else ''}"


def _answers(path: Path) -> int | None:
    from quiz.core.store import StoreError, backup

    try:
        return backup.contents(path).reviews if backup.integrity(path).ok else None
    except StoreError:
        return None


def _confirm(args: argparse.Namespace) -> bool:
    if args.yes:
        return True
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail("give --yes to restore without being asked (nothing was changed)", USAGE)
    try:
        reply = input("restore it? [y/N] ")
    except EOFError:
        reply = ""
    return reply.strip().lower() in ("y", "yes", "是", "好")


def restore(args: argparse.Namespace, data_dir: Path, db: Path) -> bool:
    """Restore the newest good backup after saying what it costs; False when the person said no."""
    from datetime import datetime

    from quiz.core.store import backup
    from quiz.core.store.lock import Busy

    try:
        candidate = backup.newest_good(data_dir)
    except FileNotFoundError as e:
        fail(f"cannot restore: {e}")
    out(f"newest good backup: {candidate.name} ({_counts(candidate)})")
    if db.exists():
        out(f"the database now: {_counts(db)}")
        now, then = _answers(db), _answers(candidate)
        if now is not None and then is not None and now > then:
            out(f"restoring sets aside the {now - then} answer{'s' if now - then != 1 else ''} given since that "
                "backup (the current file is kept beside the database)")
    if not _confirm(args):
        out("nothing changed")
        return False
    try:
        aside = backup.restore(data_dir, candidate, datetime.now().strftime("%Y%m%d-%H%M%S"))
    except Busy as e:
        fail(f"cannot restore now: {e}")
    except OSError as e:
        fail(f"cannot restore into {data_dir}: {e.strerror or e}")
    out(f"restored from {candidate}")
    if aside is not None:
        out(f"the previous database was kept as {aside}")
    return True


def run(args: argparse.Namespace) -> int:
    import os

    from quiz.core import paths
    from quiz.core.store import StoreError, backup
    from quiz.core.store.lock import Busy
    from quiz.core.store.schema import SCHEMA_VERSION

    data_dir = paths.data_dir(args.data_dir)
    if data_dir.exists() and not data_dir.is_dir():
        fail(f"the data dir {data_dir} is a file, not a folder; give --data-dir a folder")
    db = paths.db_path(data_dir)
    out(f"database: {db}")
    try:
        if backup.finish_interrupted(data_dir):
            out("finished a restore that had been interrupted")
    except (Busy, OSError):
        pass  # the next open finishes it
    if args.restore and not restore(args, data_dir, db):
        return 1
    if not db.exists():
        out("no database yet (nothing studied)")
        return 0
    check = backup.integrity(db)
    ok = check.ok
    out("integrity: ok" if check.ok else "integrity: FAILED")
    for p in check.problems[:20]:
        out(f"  {p}")
    if check.ok:
        try:
            writable = os.access(data_dir, os.W_OK)
            found_in = backup.contents(db)
            version, cards, reviews = found_in.version, found_in.cards, found_in.reviews
            out(f"schema: {version} (this quiz: {SCHEMA_VERSION})")
            if version > SCHEMA_VERSION:
                out("  written by a newer quiz: upgrade quiz to use it")
                ok = False
            out(f"cards: {cards}   answers: {reviews}")
            if not writable:
                out(f"the folder {data_dir} is read-only: answers cannot be stored until it is writable")
                say(f"quiz: {data_dir} is read-only; make it writable or use --data-dir")
                return 1
        except StoreError as e:
            out(f"  cannot read: {e}")
            ok = False
    found = backup.backups(data_dir)
    out(f"backups: {len(found)}" + (f" (newest {found[0].name})" if found else ""))
    if not ok:
        say("quiz: the database has problems; `quiz doctor --restore` puts back the newest good backup")
        return 1
    return 0
