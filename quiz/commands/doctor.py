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


def _counts(path: Path, lang: str) -> str:
    """'N answers, M cards' of a database file, or why it cannot be read."""
    from quiz.core.store import StoreError, backup
    from quiz.i18n import text

    check = backup.integrity(path)
    if not check.ok:
        return text(lang, "cli.doctor.unreadable", why=check.problems[0] if check.problems else "damaged")
    try:
        c = backup.contents(path)
    except StoreError as e:
        return text(lang, "cli.doctor.unreadable", why=e)
    return text(lang, "cli.doctor.answers_cards", reviews=c.reviews, cards=c.cards)


def _answers(path: Path) -> int | None:
    from quiz.core.store import StoreError, backup

    try:
        return backup.contents(path).reviews if backup.integrity(path).ok else None
    except StoreError:
        return None


def _confirm(args: argparse.Namespace, lang: str) -> bool:
    from quiz.i18n import text

    if args.yes:
        return True
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail(text(lang, "cli.doctor.need_yes"), USAGE)
    try:
        reply = input(text(lang, "cli.doctor.ask") + " ")
    except EOFError:
        reply = ""
    return reply.strip().lower() in ("y", "yes", "是", "好")


def restore(args: argparse.Namespace, data_dir: Path, db: Path) -> bool:
    """Restore the newest good backup after saying what it costs; False when the person said no."""
    from datetime import datetime

    from quiz.core.store import backup
    from quiz.core.store.lock import Busy
    from quiz.i18n import text

    lang = args.lang or "en"
    try:
        candidate = backup.newest_good(data_dir)
    except FileNotFoundError as e:
        fail(text(lang, "cli.doctor.cannot_restore", why=e))
    out(text(lang, "cli.doctor.newest_good", name=candidate.name, counts=_counts(candidate, lang)))
    if db.exists():
        out(text(lang, "cli.doctor.now", counts=_counts(db, lang)))
        now, then = _answers(db), _answers(candidate)
        if now is not None and then is not None and now > then:
            out(text(lang, "cli.doctor.sets_aside", n=now - then))
    if not _confirm(args, lang):
        out(text(lang, "cli.doctor.nothing_changed"))
        return False
    try:
        aside = backup.restore(data_dir, candidate, datetime.now().strftime("%Y%m%d-%H%M%S"))
    except Busy as e:
        fail(text(lang, "cli.doctor.busy", why=e))
    except OSError as e:
        fail(text(lang, "cli.doctor.cannot_restore_into", path=data_dir, why=e.strerror or e))
    out(text(lang, "cli.doctor.restored", path=candidate))
    if aside is not None:
        out(text(lang, "cli.doctor.kept", path=aside))
    return True


def run(args: argparse.Namespace) -> int:
    import os

    from quiz.core import paths
    from quiz.core.store import StoreError, backup
    from quiz.core.store.lock import Busy
    from quiz.core.store.schema import SCHEMA_VERSION
    from quiz.i18n import text

    lang = args.lang or "en"  # resolved by quiz.cli: --lang, else the saved setting, else the locale
    data_dir = paths.data_dir(args.data_dir)
    if data_dir.exists() and not data_dir.is_dir():
        fail(text(lang, "cli.doctor.not_a_folder", path=data_dir))
    db = paths.db_path(data_dir)
    out(text(lang, "cli.doctor.database", path=db))
    try:
        if backup.finish_interrupted(data_dir):
            out(text(lang, "cli.doctor.finished"))
    except (Busy, OSError):
        pass  # the next open finishes it
    if args.restore and not restore(args, data_dir, db):
        return 1
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
