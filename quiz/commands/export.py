"""quiz export BANK --format json|csv|apkg [-o FILE]."""
from __future__ import annotations

import importlib

from quiz.commands.common import PROBLEM, USAGE, check_output, fail, problems, write_or_print

# format -> (module, needs a file): each module has export(bank, args) -> bytes | str
FORMATS = {"json": ("quiz.core.exchange.json_out", False), "csv": ("quiz.core.exchange.delimited", False),
           "apkg": ("quiz.core.exchange.apkg", True)}


def add_arguments(p) -> None:
    p.add_argument("bank", metavar="BANK", help="bank file (YAML)")
    p.add_argument("--format", "-f", default="json", help=f"one of: {', '.join(FORMATS)} (default json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout; - is stdout)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def run(args) -> int:
    from quiz.core.banks.loader import load_path

    fmt = args.format.lower()
    if fmt not in FORMATS:
        fail(f"unknown export format '{fmt}'; use one of: {', '.join(FORMATS)}", USAGE)
    module, needs_file = FORMATS[fmt]
    if needs_file and (not args.output or args.output == "-"):
        fail(f"the {fmt} format is a binary file: give -o FILE", USAGE)
    check_output(args.output, args.bank, what="bank", force=args.force)
    result = load_path(args.bank)
    if not result.ok:
        problems(result.problems, to_stdout=False)
        return PROBLEM
    write_or_print(args.output, importlib.import_module(module).export(result.bank, args), force=args.force)
    return 0
