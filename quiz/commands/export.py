"""quiz export BANK --format json|csv|apkg|xlsx|docx [-o FILE] (docx: a printable 试卷, with
[--count N] [--tag T] [--seed S] [--title TITLE] [--answer-key])."""
from __future__ import annotations

import importlib

from quiz.commands.common import PROBLEM, USAGE, check_output, fail, problems, say, write_or_print

# format -> (module, needs a file): each module has export(bank, args) -> bytes | str
FORMATS = {"json": ("quiz.core.exchange.json_out", False), "csv": ("quiz.core.exchange.delimited", False),
           "apkg": ("quiz.core.exchange.apkg", True), "xlsx": ("quiz.core.exchange.xlsx", True),
           "docx": ("quiz.core.exchange.paper", True)}
PAPER_OPTIONS = ("count", "tag", "seed", "title", "answer_key")  # a module with export_files(bank, args, output)


def add_arguments(p) -> None:
    p.add_argument("bank", metavar="BANK", help="bank file (YAML)")
    p.add_argument("--format", "-f", default="json", help=f"one of: {', '.join(FORMATS)} (default json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout; - is stdout)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    paper = p.add_argument_group("a printable paper (--format docx)")
    paper.add_argument("--count", type=int, metavar="N", help="at most N questions (default: all, one per sentence)")
    paper.add_argument("--tag", metavar="T", help="only questions tagged T")
    paper.add_argument("--seed", type=int, metavar="S", help="the same S gives the same paper")
    paper.add_argument("--title", help="the paper's title (default: the bank's)")
    paper.add_argument("--answer-key", action="store_true", help="the answer key as a second file, FILE-答案.docx")


def run(args) -> int:
    from quiz.core.banks.loader import load_path

    fmt = args.format.lower()
    if fmt not in FORMATS:
        fail(f"unknown export format '{fmt}'; use one of: {', '.join(FORMATS)}", USAGE)
    module, needs_file = FORMATS[fmt]
    given = [o for o in PAPER_OPTIONS if getattr(args, o, None) not in (None, False)]
    if given and fmt != "docx":
        fail(f"--{given[0].replace('_', '-')} is for the printable paper: add --format docx", USAGE)
    if needs_file and (not args.output or args.output == "-"):
        fail(f"the {fmt} format is a binary file: give -o FILE", USAGE)
    check_output(args.output, args.bank, what="bank", force=args.force)
    result = load_path(args.bank)
    if not result.ok:
        problems(result.problems, to_stdout=False)
        return PROBLEM
    mod = importlib.import_module(module)
    if not hasattr(mod, "export_files"):
        write_or_print(args.output, mod.export(result.bank, args), force=args.force)
        return 0
    try:
        files = mod.export_files(result.bank, args, args.output)
    except ValueError as e:
        fail(str(e))
    for path, _data in files:
        check_output(path, args.bank, what="bank", force=args.force)
    for path, data in files:
        write_or_print(path, data, force=args.force)
        say(f"quiz: wrote {path}")
    return 0
