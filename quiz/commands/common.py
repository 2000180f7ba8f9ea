"""What the commands share: one way to read input, write output, print user text and fail.

A command raises `Failure(message, code)`; `quiz.cli.main` prints `quiz: message` on stderr
(as printable text: paths and bank text are data, never escape codes) and exits with the
code. Exit codes: 2 when the command line is wrong (an unknown format, a bad --id, an
output that is the input itself), 1 when a file cannot be read or written or holds
problems, 0 otherwise.
"""
from __future__ import annotations

import os
import sys
from typing import NoReturn

USAGE = 2     # the command line is wrong
PROBLEM = 1   # a file cannot be read or written, or holds problems
INPUT_LIMIT = 64 * 1024 * 1024  # bytes read from any input file: /dev/zero is refused, not read forever


class Failure(Exception):
    """A failure a person can act on: `message` says what and where, `code` is the exit code."""

    def __init__(self, message: str, code: int = PROBLEM) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def fail(message: str, code: int = PROBLEM) -> NoReturn:
    raise Failure(message, code)


def say(message: str) -> None:
    """A line for the person on stderr; user text in it (paths, bank text) cannot reach the
    terminal as escape codes."""
    from quiz.core.textsafe import printable

    print(printable(message), file=sys.stderr, flush=True)


def out(line: str, *, keep_newlines: bool = True) -> None:
    """A line of a command's output on stdout, made printable the same way."""
    from quiz.core.textsafe import printable

    print(printable(line, keep_newlines=keep_newlines), flush=True)


def problem_line(path: object, line: int | None, col: int | None, message: str, severity: str = "error") -> str:
    """`path:line:col: message` on one line, however the path or the message is written."""
    from quiz.core.textsafe import line_text

    where = ":".join(str(x) for x in (line, col) if x is not None)
    sev = "" if severity == "error" else f"{severity}: "
    return f"{line_text(path)}{':' + where if where else ''}: {sev}{line_text(message)}"


def problems(found, *, to_stdout: bool = True, lang: str | None = None) -> None:
    """Print located problems (model.Problem), one line each, on stdout (or stderr), their messages
    in `lang` (the loader's messages are English; quiz.i18n.problems knows their Chinese forms)."""
    from quiz.i18n.problems import problem_text

    for p in found:
        message = problem_text(lang, p.message) if lang else p.message
        text = problem_line(p.path, p.line, p.col, message, p.severity)
        if to_stdout:
            print(text, flush=True)
        else:
            print(text, file=sys.stderr, flush=True)


def out_json(data: object) -> None:
    """`data` as JSON on stdout, with C1 controls and bidi overrides escaped."""
    from quiz.core.textsafe import json_text

    print(json_text(data), flush=True)


def read_input(path: str | os.PathLike, *, what: str = "file", limit: int = INPUT_LIMIT) -> bytes:
    """The bytes of the file a person named, or Failure saying why not (with the path)."""
    from quiz.core.fileio import TooLarge
    from quiz.core.fileio import read_input as read_bounded

    name = os.fspath(path)
    try:
        return read_bounded(path, limit)
    except FileNotFoundError:
        fail(f"{name}: no such file")
    except IsADirectoryError:
        fail(f"{name}: is a folder, not a {what}")
    except TooLarge:
        fail(f"{name}: the {what} is larger than {limit // (1024 * 1024)} MB")
    except OSError as e:
        fail(f"{name}: cannot read the {what}: {e.strerror or e}")


def check_output(output: str | None, source: str | os.PathLike | None = None, *, what: str = "input",
                 force: bool = True) -> None:
    """Refuse an output that is the input `source` itself (a usage error) or, without `force`, one
    that exists."""
    from quiz.core.fileio import same_file

    if not output or output == "-":
        return
    if source is not None and same_file(source, output):
        fail(f"{output} is the {what} itself; write to another file", USAGE)
    if not force and (os.path.isfile(output) or os.path.islink(output)):  # a device (/dev/stdout) is fine
        fail(f"{output} exists; give --force to overwrite it")


def write_or_print(output: str | None, data: str | bytes, *, force: bool = True) -> None:
    """Write `data` to the file `output` (atomically, never over a device) or to stdout."""
    from quiz.core.fileio import write_output

    if not output or output == "-":
        if isinstance(data, str):
            sys.stdout.write(data)
        else:
            sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        write_output(output, data, overwrite=force)
    except FileExistsError:
        fail(f"{output} exists; give --force to overwrite it")
    except OSError as e:
        fail(f"cannot write {output}: {e.strerror or e}")


def check_bank_size(text: str, *, what: str) -> None:
    """Refuse to write a bank larger than `quiz validate` accepts (it would be refused when read)."""
    from quiz.core.banks import loader

    size = len(text.encode("utf-8"))
    if size > loader.MAX_FILE_BYTES:
        fail(f"{what} would be {size / 2**20:.1f} MB, over the {loader.MAX_FILE_BYTES // 2**20} MB a bank may be; "
             "nothing was written (split the input)")


def bank_id_option(value: str | None) -> str | None:
    """--id, checked by the one rule of the bank format (the validator's)."""
    from quiz.core.banks.validate import valid_id

    if value is None:
        return None
    why = valid_id(value) or ("" if value.strip() else "is empty")
    if why:
        fail(f"--id {value!r} {why}", USAGE)
    return value


def free_bank_id(wanted: str, args, *, writing: str | os.PathLike | None = None, explicit: bool = False) -> str:
    """`wanted`, or the first of wanted-2, wanted-3 ... that no bank in the bank folders (./banks, the
    shipped ones, the user's, --bank-dir) already has, saying so: two banks with one id share one
    history, and home studies only the first. The file being written does not count (regenerating a
    bank keeps its id). An id given with --id is kept, with a warning when it is taken."""
    from quiz.core.banks.library import bank_dirs, find_bank_files
    from quiz.core.banks.loader import load_path
    from quiz.core.paths import data_dir
    from quiz.i18n import text

    mine = os.path.abspath(writing) if writing else None
    taken: dict[str, str] = {}
    for path in find_bank_files(bank_dirs(getattr(args, "bank_dir", None),
                                          data_dir=data_dir(getattr(args, "data_dir", None)))):
        if mine is not None and os.path.abspath(path) == mine:
            continue
        bank = load_path(path).bank
        if bank is not None:
            taken.setdefault(bank.id, str(path))
    if wanted not in taken:
        return wanted
    lang = getattr(args, "lang", None) or "en"
    if explicit:
        say("quiz: " + text(lang, "cli.id_taken_kept", id=wanted, path=taken[wanted]))
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    chosen = f"{wanted}-{n}"
    say("quiz: " + text(lang, "cli.id_taken", id=wanted, path=taken[wanted], chosen=chosen))
    return chosen
