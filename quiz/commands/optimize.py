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

    def clock() -> datetime:
        return datetime.now(UTC)

    data_dir = paths.data_dir(args.data_dir)
    if not paths.db_path(data_dir).exists():
        say(f"quiz: nothing to optimize yet: no study history in {data_dir}")
        return 1
    try:
        with Store.open(data_dir, clock=clock, backup=False) as store:
            if args.reset:
                if args.dry_run:  # a dry run changes nothing, a reset included
                    saved = store.get_setting("fsrs_parameters") is not None
                    out("would reset the FSRS parameters to the defaults" if saved
                        else "the FSRS parameters are the defaults already")
                    out("(dry run: not saved)")
                    return 0
                store.delete_setting("fsrs_parameters")
                out("FSRS parameters reset to the defaults")
                return 0
            old = store.scheduler(fuzz=False).parameters
            try:
                result = fit(store, old)
            except ValueError as e:  # too little data, or fsrs-rs rejecting it (InvalidInput)
                say(f"quiz: {e}")
                return 1
            out(f"answers used: {result.reviews} ({result.items} training items)")
            out(f"actual recall after a day or more: {_pct(result.actual_retention)}")
            out(f"predicted recall, old parameters: {_pct(result.old_predicted)}   "
                  f"log loss {_num(result.old_log_loss)}")
            out(f"predicted recall, new parameters: {_pct(result.new_predicted)}   "
                  f"log loss {_num(result.new_log_loss)}")
            out("new parameters: " + ", ".join(f"{x:.4f}" for x in result.new))
            try:
                from quiz.core.scheduler import Scheduler
                Scheduler(result.new)  # py-fsrs accepts them?
            except ValueError as e:
                say(f"quiz: the fitted parameters are out of range for the scheduler ({e}); nothing saved")
                return 1
            if args.dry_run:
                out("(dry run: not saved)")
                return 0
            store.set_setting("fsrs_parameters", list(result.new))
            out("saved: the scheduler uses these parameters from now on")
    except StoreError as e:
        say(f"quiz: {e}")
        return 1
    return 0
