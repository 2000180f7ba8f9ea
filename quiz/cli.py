"""Command-line entry point. Each subcommand lives in quiz/commands/<name>.py and
exposes HELP, add_arguments(parser) and run(args) -> int. Modules are imported
only when their command runs, so `quiz validate` never pays for textual."""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import NoReturn

# name -> module under quiz.commands (import is deferred until the command runs)
COMMANDS: dict[str, str] = {
    "validate": "validate",
    "schema": "schema",
    "export": "export",
    "generate": "generate",
    "study": "study",
    "stats": "stats",
    "doctor": "doctor",
    "optimize": "optimize",
    "new": "new",
    "lint": "lint",
    "import": "import_",
    "leeches": "leeches",
    "config": "config",
}

# One-line help for each command, written once, here: `quiz --help` imports no command module.
HELP: dict[str, str] = {
    "validate": "check bank files and print every problem as path:line:col",
    "schema": "print the JSON Schema of the bank format",
    "export": "export a bank (json, csv, apkg for Anki, xlsx 题库, docx 试卷)",
    "generate": "generate a question bank from an article",
    "study": "study a bank (spaced repetition)",
    "stats": "show study statistics",
    "doctor": "check the database and restore a backup",
    "optimize": "fit FSRS parameters to your review history",
    "new": "start a new bank file",
    "lint": "flag questionable questions in banks",
    "import": "import an Anki text/CSV export or an Excel 题库 (.xlsx) as a bank",
    "leeches": "list leeches (suspended after 8 lapses, `quiz config leech_threshold`) and unsuspend them",
    "config": "see and change the study settings (retention, new cards per day, day start...)",
}


class Parser(argparse.ArgumentParser):
    """argparse, whose error messages quote the command line: shown as printable text (a file name
    or option with escape codes never reaches the terminal raw). Subcommand parsers are of this class."""

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        from quiz.core.textsafe import printable

        super().exit(status, printable(message) if message else message)


def _common(p: argparse.ArgumentParser, top: bool) -> None:
    # Subcommands repeat the options with SUPPRESS defaults, so `quiz --lang en stats`
    # and `quiz stats --lang en` both work and neither resets the other.
    default = None if top else argparse.SUPPRESS
    p.add_argument("--data-dir", metavar="DIR", default=default,
                   help="where the study database lives (default: $QUIZ_DATA_DIR or the user data dir)")
    p.add_argument("--lang", choices=("zh", "en"), default=default, help="interface language")
    p.add_argument("--bank-dir", metavar="DIR", action="append", default=default,
                   help="another folder of banks (may repeat)")


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The command line; without `commands`, only the options of a bare `quiz` (the app's home)."""
    parser = Parser(prog="quiz", description="学史 Quiz: learn the facts of an article by answering questions.")
    _common(parser, True)
    if not commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        sp = sub.add_parser(name, help=HELP.get(name, ""), description=HELP.get(name, ""))
        _common(sp, False)
        sp.set_defaults(_module=COMMANDS[name])
    return parser


def _bare(argv: list[str]) -> bool:
    """`quiz` with only common options (no command, no help): the app's home. Its parser needs no
    subcommands (building the thirteen of them took 7 ms of the app's start)."""
    takes_value = {"--data-dir", "--lang", "--bank-dir"}
    skip = False
    for tok in argv:
        if skip:
            skip = False
        elif tok in takes_value:
            skip = True
        elif not tok.startswith("--") or tok.split("=", 1)[0] not in takes_value:
            return False  # a command, a help flag, or anything argparse should judge with all it knows
    return True


def _add_command_arguments(parser: argparse.ArgumentParser, argv: list[str]) -> None:
    """Add the arguments of the chosen command (importing only that module)."""
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    takes_value = {"--data-dir", "--lang", "--bank-dir"}
    skip = False
    for tok in argv:
        if skip:  # the value of a common option (`quiz --data-dir new validate x`: `new` is a folder)
            skip = False
            continue
        if tok in takes_value:
            skip = True
            continue
        if tok.startswith("-"):
            continue
        if tok in sub.choices:  # the first positional word is the command, as argparse reads it
            mod = importlib.import_module(f"quiz.commands.{COMMANDS[tok]}")
            mod.add_arguments(sub.choices[tok])
        return


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    bare = _bare(argv)
    parser = build_parser(commands=not bare)
    try:
        if not bare:
            _add_command_arguments(parser, argv)
    except ModuleNotFoundError as e:  # a command whose module is not built yet
        from quiz.commands.common import say
        say(f"quiz: {e}")
        return 2
    args = parser.parse_args(argv)
    if args.data_dir == "" or (args.data_dir is not None and not args.data_dir.strip()):
        from quiz.commands.common import say
        say("quiz: --data-dir is empty: give the folder for the study database (or leave the option out)")
        return 2
    if args.data_dir is None:
        args.data_dir = os.environ.get("QUIZ_DATA_DIR") or None
    from quiz.i18n import cli_lang

    # one language rule for every command, before or after the subcommand: --lang, else the saved
    # setting, else the locale (commands read args.lang)
    args.lang = cli_lang(getattr(args, "lang", None), args.data_dir)
    module = getattr(args, "_module", None)
    from quiz.commands.common import Failure, say

    try:
        if module is None:
            from quiz.commands import home
            return home.run(args)
        mod = importlib.import_module(f"quiz.commands.{module}")
        return int(mod.run(args) or 0)
    except Failure as e:  # the one way a command fails: a message that says what and where
        say(f"quiz: {e.message}")
        return e.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0


def entry() -> None:
    sys.exit(main())
