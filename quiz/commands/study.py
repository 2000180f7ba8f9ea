"""`quiz study BANK [--plain] [--new N] [--mode M] [--schedule/--no-schedule]`: study a bank.

Whether answers move the schedule is the mode's rule (study, flashcards and missed do; exam and
challenge do not) unless --schedule or --no-schedule says otherwise, in the app and in plain
mode alike (docs/scheduling.md)."""
from __future__ import annotations

import argparse
import sys
from datetime import UTC

from quiz.commands.common import problems, say

MODES = ("study", "exam", "challenge", "missed", "flashcards")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bank", metavar="BANK", help="path to a YAML question bank")
    parser.add_argument("--plain", action="store_true",
                        help="plain line mode (also used when input is not a terminal)")
    parser.add_argument("--new", type=int, default=None, metavar="N",
                        help="new cards for this session (default: the daily limit, `quiz config new_cards_per_day`)")
    parser.add_argument("--mode", choices=MODES, default="study", help="study (default), exam, challenge, "
                        "missed, flashcards")
    parser.add_argument("--count", type=int, default=None, metavar="N", help="stop after N answers")
    parser.add_argument("--tag", action="append", default=None, metavar="TAG",
                        help="only questions with this tag (may repeat)")
    parser.add_argument("--schedule", action=argparse.BooleanOptionalAction, default=None,
                        help="whether answers move the spaced-repetition schedule (default: yes in study, "
                             "flashcards and missed; no in exam and challenge)")


def load_bank(path: str, lang: str = "en"):
    """Load and validate a bank; print its problems (in `lang`) and return None if it cannot be used."""
    from quiz.core.banks.loader import load_path
    from quiz.i18n import text

    result = load_path(path)
    problems(result.problems, to_stdout=False, lang=lang)
    if not result.ok:
        say("quiz: " + text(lang, "cli.study.bank_errors", path=path))
        return None
    return result.bank


def run(args: argparse.Namespace) -> int:
    from quiz.i18n import text

    lang = args.lang or "en"  # resolved by quiz.cli: --lang, else the saved setting, else the locale
    if args.new is not None and args.new < 0:
        say("quiz: " + text(lang, "cli.study.new_negative"))
        return 2
    if args.count is not None and args.count < 1:
        say("quiz: " + text(lang, "cli.study.count_positive"))
        return 2
    bank = load_bank(args.bank, lang)
    if bank is None:
        return 1
    if args.tag:
        known = {t for q in bank.questions for t in q.tags} | set(bank.tags)
        unknown = [t for t in args.tag if t not in known]
        if unknown:
            listed = "、".join(sorted(known)) or text(lang, "cli.none")
            say("quiz: " + text(lang, "cli.study.no_tag", path=args.bank, tags=", ".join(unknown), known=listed))
            return 1
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if not args.plain and interactive:
        try:
            from quiz.tui.run import run_study  # the Textual app (TUI)
        except ImportError:
            pass
        else:
            return run_study(args, bank)
    return run_plain_study(args, bank)


def run_plain_study(args: argparse.Namespace, bank) -> int:
    import os
    import random
    from datetime import datetime

    from quiz.core import paths
    from quiz.core.session import Mode, Session
    from quiz.core.store import Store, StoreError
    from quiz.plain import Plain

    def clock() -> datetime:
        return datetime.now(UTC)

    try:
        sys.stdout.reconfigure(errors="replace", line_buffering=True)  # type: ignore[union-attr]
    except (AttributeError, ValueError):
        pass
    try:
        store = Store.open(paths.data_dir(args.data_dir), clock=clock)
    except StoreError as e:
        say(f"quiz: {e}")
        return 1
    try:
        from quiz.commands.config import warn_bad_settings
        from quiz.i18n import resolve_lang
        warn_bad_settings(store, resolve_lang(args.lang, store))
        seed = os.environ.get("QUIZ_SEED")  # a fixed option order for scripts and tests, as in the app
        rng = random.Random(int(seed) if seed and seed.isdigit() else None)
        try:
            session = Session(store, [bank], Mode(args.mode), clock=clock, rng=rng, new_limit=args.new,
                              count=args.count, tags=args.tag, schedule=getattr(args, "schedule", None))
        except StoreError as e:
            say(f"quiz: {e}")
            return 1
        return Plain(session, sys.stdin, sys.stdout, clock=clock, lang=args.lang, rng=rng,
                     stderr=sys.stderr).run()
    finally:
        store.close()
