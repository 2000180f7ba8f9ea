"""`quiz doctor [--restore]`: check the database, list backups, restore the latest good one."""
from __future__ import annotations

import argparse

from quiz.commands.common import out, say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--restore", action="store_true",
                        help="replace the database with the newest backup that passes the integrity check "
                             "(the current file is kept beside it)")


def run(args: argparse.Namespace) -> int:
    import os
    from datetime import datetime

    from quiz.core import paths
    from quiz.core.store import StoreError, backup
    from quiz.core.store.schema import SCHEMA_VERSION

    data_dir = paths.data_dir(args.data_dir)
    if data_dir.exists() and not data_dir.is_dir():
        say(f"quiz: the data dir {data_dir} is a file, not a folder; give --data-dir a folder")
        return 1
    db = paths.db_path(data_dir)
    out(f"database: {db}")
    if args.restore:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        try:
            used, aside = backup.restore_latest_good(data_dir, stamp)
        except FileNotFoundError as e:
            say(f"quiz: cannot restore: {e}")
            return 1
        except OSError as e:
            say(f"quiz: cannot restore into {data_dir}: {e.strerror or e}")
            return 1
        out(f"restored from {used}")
        if aside is not None:
            out(f"the previous database was kept as {aside}")
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
