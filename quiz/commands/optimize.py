"""`quiz optimize`: fit FSRS parameters to your own review history and use them from now on."""
from __future__ import annotations

import argparse
from datetime import UTC

from quiz.commands.common import out, say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="show the result without saving it")
    parser.add_argument("--reset", action="store_true", help="go back to the default parameters")


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x * 100:.1f}%"


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.4f}"


def run(args: argparse.Namespace) -> int:
    from datetime import datetime

    from quiz.core import paths
    from quiz.core.optimizer import fit
    from quiz.core.store import Store, StoreError
    from quiz.i18n import text

    lang = args.lang or "en"  # resolved by quiz.cli: --lang, else the saved setting, else the locale

    def clock() -> datetime:
        return datetime.now(UTC)

    data_dir = paths.data_dir(args.data_dir)
    if not paths.db_path(data_dir).exists():
        say("quiz: " + text(lang, "cli.optimize.nothing", path=data_dir))
        return 1
    try:
        with Store.open(data_dir, clock=clock, backup=False) as store:
            if args.reset:
                store.delete_setting("fsrs_parameters")
                out(text(lang, "cli.optimize.reset"))
                return 0
            old = store.scheduler(fuzz=False).parameters
            try:
                result = fit(store, old)
            except ValueError as e:  # too little data, or fsrs-rs rejecting it (InvalidInput)
                say(f"quiz: {e}")
                return 1
            out(text(lang, "cli.optimize.used", reviews=result.reviews, items=result.items))
            out(text(lang, "cli.optimize.actual", pct=_pct(result.actual_retention)))
            out(text(lang, "cli.optimize.old", pct=_pct(result.old_predicted), loss=_num(result.old_log_loss)))
            out(text(lang, "cli.optimize.new", pct=_pct(result.new_predicted), loss=_num(result.new_log_loss)))
            out(text(lang, "cli.optimize.params", params=", ".join(f"{x:.4f}" for x in result.new)))
            try:
                from quiz.core.scheduler import Scheduler
                Scheduler(result.new)  # py-fsrs accepts them?
            except ValueError as e:
                say("quiz: " + text(lang, "cli.optimize.out_of_range", why=e))
                return 1
            if args.dry_run:
                out(text(lang, "cli.optimize.dry_run"))
                return 0
            store.set_setting("fsrs_parameters", list(result.new))
            out(text(lang, "cli.optimize.saved"))
    except StoreError as e:
        say(f"quiz: {e}")
        return 1
    return 0
