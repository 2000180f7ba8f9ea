"""Subcommands: one module each, with add_arguments(parser) and run(args) -> exit code."""
from __future__ import annotations

import sys


def write_or_print(output: str | None, data: str | bytes) -> int:
    """Write `data` to the file `output` (atomically, never over a device) or to stdout; the exit code."""
    from quiz.core.fileio import write_output
    from quiz.core.textsafe import printable

    if output:
        try:
            write_output(output, data)
        except OSError as e:
            print(f"quiz: cannot write {printable(output)}: {e.strerror or e}", file=sys.stderr)
            return 1
        return 0
    if isinstance(data, str):
        sys.stdout.write(data)
    else:
        sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return 0
