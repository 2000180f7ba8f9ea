"""Entry points the CLI uses: `quiz` (home) and `quiz study BANK` (a study session at once)."""
from __future__ import annotations

import os
import random
import sys
from datetime import UTC, datetime
from pathlib import Path


def shipped_bank_dirs() -> list[Path]:
    from quiz.core.banks.library import shipped_dirs

    return shipped_dirs()


def bank_files(bank_dirs: list[str] | None, cwd: Path | None = None, data_dir=None) -> list[Path]:
    """Bank files from ./banks, the shipped banks, the user's bank folder and every --bank-dir."""
    from quiz.core.banks.library import bank_dirs as dirs_for
    from quiz.core.banks.library import find_bank_files

    return find_bank_files(dirs_for(bank_dirs, cwd=cwd, data_dir=data_dir))


def now() -> datetime:
    return datetime.now(UTC)


def open_store(args):
    """The store for --data-dir, or None after printing why not."""
    from quiz.core.paths import data_dir
    from quiz.core.store import Store, StoreError
    from quiz.core.textsafe import printable

    try:
        return Store.open(data_dir(getattr(args, "data_dir", None)), clock=now)
    except StoreError as e:
        print(printable(f"quiz: {e}"), file=sys.stderr)
    except OSError as e:
        print(printable(f"quiz: cannot open the data directory: {e}"), file=sys.stderr)
    return None


def _run(args, *, banks=(), bank_paths=(), start=None, bank_dirs=()) -> int:
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        print("quiz: the study app needs a terminal (use `quiz study BANK --plain` in scripts)", file=sys.stderr)
        return 2
    store = open_store(args)
    if store is None:
        return 1
    from quiz.tui.app import make_app

    try:
        seed = int(os.environ["QUIZ_SEED"]) if os.environ.get("QUIZ_SEED") else None
        app = make_app(store, now, random.Random(seed), banks=banks, bank_paths=bank_paths, bank_dirs=bank_dirs,
                       lang=getattr(args, "lang", None), start=start, session_options=session_options(args))
        app.run()
        return int(app.return_code or 0)
    finally:
        store.close()


def session_options(args) -> dict:
    """Session options from `quiz study`'s flags (--new, --count, --tag, --schedule/--no-schedule)."""
    opts: dict = {}
    if getattr(args, "new", None) is not None:
        opts["new_limit"] = args.new
    if getattr(args, "count", None) is not None:
        opts["count"] = args.count
    if getattr(args, "tag", None):
        opts["tags"] = list(args.tag)
    if getattr(args, "schedule", None) is not None:
        opts["schedule"] = args.schedule
    return opts


def run_home(args) -> int:
    from quiz.core.banks.library import bank_dirs, find_bank_files
    from quiz.core.paths import data_dir

    dirs = bank_dirs(getattr(args, "bank_dir", None), data_dir=data_dir(getattr(args, "data_dir", None)))
    return _run(args, bank_paths=find_bank_files(dirs), bank_dirs=dirs)


def run_study(args, bank) -> int:
    """Open a session on `bank` (a loaded Bank) at once, in --mode (default study); escape returns to home."""
    return _run(args, banks=[bank], start=getattr(args, "mode", None) or "study")
