"""`quiz` with no command: the home screen over ./banks, the shipped banks and --bank-dir.

Without a terminal (a pipe, a script) it lists the banks as text instead."""
from __future__ import annotations

import sys

from quiz.commands.common import out, problem_line, say


def add_arguments(parser) -> None:  # the top-level parser already has the common options
    pass


def list_banks(paths) -> int:
    from quiz.core.banks.loader import load_path
    from quiz.core.textsafe import one_line

    if not paths:
        out("no banks found: put .yaml banks in ./banks or pass --bank-dir DIR")
        return 0
    for path in paths:
        result = load_path(path)
        if result.bank is None:
            first = result.problems[0] if result.problems else None
            out(problem_line(path, first.line, first.col, first.message) if first is not None
                else problem_line(path, None, None, "cannot be loaded"))
            continue
        b = result.bank
        kinds: dict[str, int] = {}
        for q in b.questions:
            kinds[q.type] = kinds.get(q.type, 0) + 1
        by_type = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
        src = b.source.title if b.source and b.source.title else ""
        out(f"{one_line(b.id)}\t{one_line(b.title)}\t{len(b.questions)} questions ({by_type})"
              + (f"\t{one_line(src)}" if src else ""))
    return 0


def run(args) -> int:
    import os

    from quiz.core.paths import data_dir
    from quiz.tui.run import bank_files, run_home

    missing = [d for d in getattr(args, "bank_dir", None) or () if not os.path.isdir(d)]
    if missing:
        say(f"quiz: --bank-dir {missing[0]}: no such folder")
        return 2

    paths = bank_files(getattr(args, "bank_dir", None), data_dir=data_dir(getattr(args, "data_dir", None)))
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        return list_banks(paths)
    return run_home(args)
