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
    from quiz.i18n import text

    lang = args.lang or "en"  # resolved by quiz.cli: --lang, else the saved setting, else the locale
    data_dir = paths.data_dir(args.data_dir)
    if data_dir.exists() and not data_dir.is_dir():
        say("quiz: " + text(lang, "cli.doctor.not_a_folder", path=data_dir))
        return 1
    db = paths.db_path(data_dir)
    out(text(lang, "cli.doctor.database", path=db))
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
        out(text(lang, "cli.doctor.none_yet"))
        return 0
    check = backup.integrity(db)
    ok = check.ok
    out(text(lang, "cli.doctor.integrity_ok" if check.ok else "cli.doctor.integrity_failed"))
    for p in check.problems[:20]:
        out(f"  {p}")
    if check.ok:
        try:
            writable = os.access(data_dir, os.W_OK)
            found_in = backup.contents(db)
            version, cards, reviews = found_in.version, found_in.cards, found_in.reviews
            out(text(lang, "cli.doctor.schema", version=version, ours=SCHEMA_VERSION))
            if version > SCHEMA_VERSION:
                out(text(lang, "cli.doctor.newer"))
                ok = False
            out(text(lang, "cli.doctor.counts", cards=cards, reviews=reviews))
            if not writable:
                out(text(lang, "cli.doctor.read_only", path=data_dir))
                say("quiz: " + text(lang, "cli.doctor.read_only_fail", path=data_dir))
                return 1
        except StoreError as e:
            out(text(lang, "cli.doctor.cannot_read", why=e))
            ok = False
    found = backup.backups(data_dir)
    out(text(lang, "cli.doctor.backups", n=len(found)) + (text(lang, "cli.doctor.newest", name=found[0].name)
                                                          if found else ""))
    if not ok:
        say("quiz: " + text(lang, "cli.doctor.problems"))
        return 1
    return 0
