"""quiz schema: print (or write) the JSON Schema of the bank format."""
from __future__ import annotations


def add_arguments(p) -> None:
    p.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE instead of stdout")


def run(args) -> int:
    from quiz.commands.common import write_or_print
    from quiz.core.exchange.yaml_out import SCHEMA_FILE

    write_or_print(args.output, SCHEMA_FILE.read_text(encoding="utf-8"))
    return 0
