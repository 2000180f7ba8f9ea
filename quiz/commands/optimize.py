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
    from quiz.i18n import text

    lang = args.lang or "en"  # resolved by quiz.cli: --lang, else the saved setting, else the locale

    def clock() -> datetime:
        return datetime.now(UTC)

    if args.reset and args.reschedule:
        fail("--reset and --reschedule do not go together: reset, then run `quiz optimize --reschedule`", USAGE)
    data_dir = paths.data_dir(args.data_dir)
    if not paths.db_path(data_dir).exists():
        say("quiz: " + text(lang, "cli.optimize.nothing", path=data_dir))
        return 1
    try:
        with Store.open(data_dir, clock=clock, backup=False) as store:
            from quiz.commands.config import warn_bad_settings
            from quiz.i18n import resolve_lang
            warn_bad_settings(store, resolve_lang(args.lang, store))
            if args.reset:
                if args.dry_run:
                    out(text(lang, "cli.optimize.reset_dry_run"))
                    return 0
                store.delete_setting("fsrs_parameters")
                out(text(lang, "cli.optimize.reset"))
                return 0
            old = store.scheduler(fuzz=False).parameters
            try:
                result = fit(store, old)
            except ValueError as e:  # too little data, or fsrs-rs rejecting it (InvalidInput)
                say(f"quiz: {e}")
                return 1
            split = datetime.fromtimestamp(result.split_at / 1000, UTC).astimezone(store.tz).strftime("%Y-%m-%d %H:%M")
            out(text(lang, "cli.optimize.used", reviews=result.reviews, split=split, items=result.items,
                     tested=result.tested))
            out(text(lang, "cli.optimize.actual", pct=_pct(result.actual_retention)))
            out(text(lang, "cli.optimize.old", pct=_pct(result.old_predicted), loss=_num(result.old_log_loss),
                     rmse=_num(result.old_rmse)))
            out(text(lang, "cli.optimize.new", pct=_pct(result.new_predicted), loss=_num(result.new_log_loss),
                     rmse=_num(result.new_rmse)))
            out(text(lang, "cli.optimize.params", params=", ".join(f"{x:.4f}" for x in result.new)))
            if not result.better:
                why = text(lang, "cli.optimize.no_later" if result.tested == 0 else "cli.optimize.not_better")
                out(text(lang, "cli.optimize.not_saved", why=why)
                    + (text(lang, "cli.optimize.nothing_rescheduled") if args.reschedule else ""))
                return 0
            if args.dry_run:
                out(text(lang, "cli.optimize.dry_run"))
                return 0
            store.set_setting("fsrs_parameters", list(result.new))
            out(text(lang, "cli.optimize.saved"))
            if args.reschedule:
                cards, moved = reschedule(store, store.scheduler())
                out(text(lang, "cli.optimize.rescheduled", cards=cards, moved=moved))
    except StoreError as e:
        say(f"quiz: {e}")
        return 1
    return 0
