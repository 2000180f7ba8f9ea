"""quiz import FILE.csv|.txt|.xlsx [-o BANK.yaml] [--id ID] [--title T]: an Anki text export or an Excel 题库 as a bank."""
from __future__ import annotations

import os

from quiz.commands.common import (
    PROBLEM,
    bank_id_option,
    check_bank_size,
    check_output,
    problem_line,
    read_input,
    say,
    write_or_print,
)


def add_arguments(p) -> None:
    p.add_argument("file", metavar="FILE", help="Anki text export (.txt, .csv: tab or comma separated) or an Excel 题库 (.xlsx)")
    p.add_argument("-o", "--output", metavar="BANK", help="write the bank here (default: stdout)")
    p.add_argument("--id", dest="bank_id", help="bank id (default: from the file, else its name)")
    p.add_argument("--title", help="bank title (default: the #deck: header, else the id)")
    p.add_argument("--force", action="store_true", help="overwrite BANK if it exists")


def run(args) -> int:
    from pathlib import Path

    from quiz.core.exchange.delimited import ImportError_, import_bytes
    from quiz.core.exchange.yaml_out import dump_bank, schema_ref
    from quiz.core.generate.meta import bank_id_from

    path = args.file
    bank_id = bank_id_option(args.bank_id)
    check_output(args.output, path, what="file being imported", force=args.force)
    data = read_input(path, what="text file")
    said: list[str] = []  # what the importer noticed and says (a header row read as column names)
    from quiz.core.exchange import xlsx_read
    if why := xlsx_read.refusal(data):
        say(f"{path}: {why}")
        return PROBLEM
    if xlsx_read.is_xlsx(data):  # by content: an Excel 题库, whatever its name
        try:
            bank = xlsx_read.import_bytes(data, bank_id=bank_id, title=args.title, default_id=bank_id_from(Path(path).name))
        except xlsx_read.XlsxError as e:
            for sheet, row, col, msg in e.problems:
                say(f"{path}:{sheet}:R{row}C{col}: {msg}")
            return PROBLEM
    else:
        try:
            bank = import_bytes(data, bank_id=bank_id, title=args.title, default_id=bank_id_from(Path(path).name),
                                said=said)
        except ImportError_ as e:
            for line, msg in e.problems:
                say(problem_line(path, line, None, msg))
            return PROBLEM
    out_dir = os.path.dirname(os.path.abspath(args.output)) if args.output else None
    header = [f"Imported from {Path(path).name} by `quiz import`."]
    text = dump_bank(bank, schema=schema_ref(out_dir), header_comment_lines=header)
    check_bank_size(text, what=f"the bank imported from {path}")
    write_or_print(args.output, text, force=args.force)
    n = len(bank.questions)
    for note in said:
        say(f"quiz: {path}: {note}")
    say(f"quiz: {n} question{'s' if n != 1 else ''} -> {args.output or 'stdout'}")
    return 0
