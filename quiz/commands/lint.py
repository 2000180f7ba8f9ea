"""quiz lint BANK... [--strict]: warnings a careful editor would raise, as path:line:col: warning: ..."""
from __future__ import annotations

import sys

from quiz.commands.common import problems, say


def add_arguments(p) -> None:
    p.add_argument("banks", nargs="+", metavar="BANK", help="bank files (YAML)")
    p.add_argument("--strict", action="store_true", help="exit 1 when there is any warning")


def run(args) -> int:
    from quiz.core.banks.lint import lint_path

    errors = warnings = 0
    for path in args.banks:
        result, found = lint_path(path)
        problems(result.problems)
        if not result.ok:
            errors += 1
            continue
        problems(found)
        warnings += len(found)
    sys.stdout.flush()
    n = len(args.banks)
    say(f"quiz: {n} bank{'s' if n != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
          + (f", {errors} invalid" if errors else ""))
    if errors:
        return 1
    return 1 if args.strict and warnings else 0
