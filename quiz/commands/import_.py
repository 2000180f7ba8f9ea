"""quiz import FILE.csv|.txt [-o BANK.yaml] [--id ID] [--title T]: an Anki text export as a bank."""
from __future__ import annotations

import os
import sys

HELP = "import an Anki text/CSV export as a bank"


def add_arguments(p) -> None:
    p.add_argument("file", metavar="FILE", help="Anki text export (.txt, .csv): tab or comma separated")
    p.add_argument("-o", "--output", metavar="BANK", help="write the bank here (default: stdout)")
    p.add_argument("--id", dest="bank_id", help="bank id (default: from the file, else its name)")
    p.add_argument("--title", help="bank title (default: the #deck: header, else the id)")
    p.add_argument("--force", action="store_true", help="overwrite BANK if it exists")


def _say(msg: str) -> None:
    from quiz.core.textsafe import printable
    print(printable(msg), file=sys.stderr)


def run(args) -> int:
    from pathlib import Path

    from quiz.core.exchange.yaml_out import dump_bank, schema_ref
    from quiz.core.exchange.delimited import ImportError_, import_bytes
    from quiz.core.generate.meta import bank_id_from
    from quiz.core.banks.validate import valid_id

    path = args.file
    try:
        from quiz.core.fileio import read_input

        data = read_input(path, 64 * 1024 * 1024)
    except FileNotFoundError:
        _say(f"{path}:1: no such file")
        return 1
    except IsADirectoryError:
        _say(f"{path}:1: is a folder, not a text file")
        return 1
    except OSError as e:
        _say(f"{path}:1: cannot read the file: {e.strerror or e}")
        return 1
    if args.bank_id is not None and (why := valid_id(args.bank_id) or ("" if args.bank_id else "is empty")):
        _say(f"quiz: --id '{args.bank_id}' {why}")
        return 2
    from quiz.core.fileio import same_file

    if args.output and same_file(args.file, args.output):
        _say(f"quiz: {args.output} is the file being imported; write the bank to another file")
        return 1
    if args.output and os.path.exists(args.output) and not args.force:
        _say(f"quiz: {args.output} exists; give --force to overwrite it")
        return 1
    try:
        bank = import_bytes(data, bank_id=args.bank_id, title=args.title, default_id=bank_id_from(Path(path).name))
    except ImportError_ as e:
        for line, msg in e.problems:
            _say(f"{path}:{line}: {msg}")
        return 1
    out_dir = os.path.dirname(os.path.abspath(args.output)) if args.output else None
    header = [f"Imported from {Path(path).name} by `quiz import`."]
    text = dump_bank(bank, schema=schema_ref(out_dir), header_comment_lines=header)
    if not args.output:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from quiz.core.fileio import write_output
        try:
            write_output(args.output, text)
        except OSError as e:
            _say(f"quiz: cannot write {args.output}: {e.strerror or e}")
            return 1
    n = len(bank.questions)
    _say(f"quiz: {n} question{'s' if n != 1 else ''} -> {args.output or 'stdout'}")
    return 0
