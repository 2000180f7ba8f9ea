"""quiz export BANK --format json|csv|apkg [-o FILE]."""
from __future__ import annotations

import importlib
import sys

from quiz.core.textsafe import printable

# format -> (module, needs a file): each module has export(bank, args) -> bytes | str
FORMATS = {"json": ("quiz.core.exchange.json_out", False), "csv": ("quiz.core.exchange.delimited", False),
           "apkg": ("quiz.core.exchange.apkg", True)}


def add_arguments(p) -> None:
    p.add_argument("bank", metavar="BANK", help="bank file (YAML)")
    p.add_argument("--format", "-f", default="json", help=f"one of: {', '.join(FORMATS)} (default json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")


def run(args) -> int:
    from quiz.core.banks.loader import load_path

    fmt = args.format.lower()
    if fmt not in FORMATS:
        print(f"quiz: unknown export format '{printable(fmt)}'; use one of: {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    module, needs_file = FORMATS[fmt]
    if needs_file and not args.output:
        print(f"quiz: the {fmt} format is a binary file: give -o FILE", file=sys.stderr)
        return 2
    from quiz.core.fileio import same_file

    if args.output and same_file(args.bank, args.output):
        print(f"quiz: {printable(args.output)} is the bank itself; write the export to another file", file=sys.stderr)
        return 2
    result = load_path(args.bank)
    if not result.ok:
        for p in result.problems:
            print(printable(str(p)), file=sys.stderr)
        return 1
    from quiz.commands import write_or_print

    return write_or_print(args.output, importlib.import_module(module).export(result.bank, args))
