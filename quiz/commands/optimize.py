"""`quiz optimize`: fit FSRS parameters to your own review history; keep them only if they predict better.

The parameters are fitted on the earlier answers and judged, with the current ones, on the latest
fifth (held out): both figures are printed, and the new parameters are saved only when they
predict the held-out answers better. `--reschedule` then recomputes the due dates of the cards
already studied with the saved parameters (Anki's "reschedule cards on change")."""
from __future__ import annotations

import argparse
from datetime import UTC

from quiz.commands.common import USAGE, fail, out, say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="show the result without saving anything")
    parser.add_argument("--reset", action="store_true", help="go back to the default parameters")
    parser.add_argument("--reschedule", action="store_true",
                        help="after saving new parameters, recompute the due dates of studied cards with them")


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x * 100:.1f}%"


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.4f}"


def run(args: argparse.Namespace) -> int:
    from datetime import datetime

    from quiz.core import paths
    from quiz.core.optimizer import fit, reschedule
    from quiz.core.store import Store, StoreError

    def clock() -> datetime:
        return datetime.now(UTC)

    if args.reset and args.reschedule:
        fail("--reset and --reschedule do not go together: reset, then run `quiz optimize --reschedule`", USAGE)
    data_dir = paths.data_dir(args.data_dir)
    if not paths.db_path(data_dir).exists():
        say(f"quiz: nothing to optimize yet: no study history in {data_dir}")
        return 1
    try:
        with Store.open(data_dir, clock=clock, backup=False) as store:
            from quiz.commands.config import warn_bad_settings
            from quiz.i18n import resolve_lang
            warn_bad_settings(store, resolve_lang(args.lang, store))
            if args.reset:
                if args.dry_run:
                    out("(dry run: the parameters would go back to the defaults; nothing changed)")
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
            split = datetime.fromtimestamp(result.split_at / 1000, UTC).astimezone(store.tz).strftime("%Y-%m-%d %H:%M")
            out(f"answers used: {result.reviews}; fitted on those before {split} ({result.items} training items), "
                f"judged on the {result.tested} later ones")
            out(f"actual recall of the later answers: {_pct(result.actual_retention)}")
            out(f"current parameters: predicted recall {_pct(result.old_predicted)}   "
                f"log loss {_num(result.old_log_loss)}   RMSE {_num(result.old_rmse)}")
            out(f"new parameters:     predicted recall {_pct(result.new_predicted)}   "
                f"log loss {_num(result.new_log_loss)}   RMSE {_num(result.new_rmse)}")
            out("new parameters: " + ", ".join(f"{x:.4f}" for x in result.new))
            if not result.better:
                why = "there were no later answers to judge them on" if result.tested == 0 else \
                    "they do not predict your later answers better than the current ones"
                out(f"not saved: {why}; the scheduler keeps the current parameters"
                    + ("; nothing rescheduled" if args.reschedule else ""))
                return 0
            if args.dry_run:
                out("(dry run: they predict better, but nothing is saved)")
                return 0
            store.set_setting("fsrs_parameters", list(result.new))
            out("saved: the scheduler uses these parameters from now on")
            if args.reschedule:
                cards, moved = reschedule(store, store.scheduler())
                out(f"rescheduled: {cards} studied cards recomputed with the new parameters; "
                    f"{moved} moved to another due day")
    except StoreError as e:
        say(f"quiz: {e}")
        return 1
    return 0
