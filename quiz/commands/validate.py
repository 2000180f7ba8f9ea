"""quiz validate BANK...: every problem as path:line:col: message; exit 1 if any."""
from __future__ import annotations

import sys

from quiz.commands.common import problems, say


def add_arguments(p) -> None:
    p.add_argument("banks", nargs="+", metavar="BANK", help="bank files (YAML)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing for valid banks")


def run(args) -> int:
    from quiz.core.banks.loader import load_path
    from quiz.i18n import text

    lang = args.lang  # resolved by quiz.cli: --lang, else the saved setting, else the locale
    bad = 0
    for path in args.banks:
        result = load_path(path)
        if result.problems:
            bad += 1
            problems(result.problems, lang=lang)
        elif not args.quiet and result.bank is not None:
            n = len(result.bank.questions)
            say(text(lang, "cli.validate.ok_one" if n == 1 else "cli.validate.ok", path=path, n=n))
    sys.stdout.flush()
    return 1 if bad else 0
