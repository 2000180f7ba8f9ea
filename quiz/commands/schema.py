"""quiz schema: print (or write) the JSON Schema of the bank format."""
from __future__ import annotations

import sys


def add_arguments(p) -> None:
    p.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE instead of stdout")


def run(args) -> int:
    from quiz.core.emit import SCHEMA_FILE

    text = SCHEMA_FILE.read_text(encoding="utf-8")
    if args.output:
        from quiz.core.fileio import write_output

        try:
            write_output(args.output, text)
        except OSError as e:
            print(f"quiz: cannot write {args.output}: {e.strerror or e}", file=sys.stderr)
            return 1
        return 0
    sys.stdout.write(text)
    return 0
