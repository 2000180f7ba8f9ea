"""Writing output files a person named on the command line."""
from __future__ import annotations

import os
import stat


def write_output(path: str | os.PathLike, data: str | bytes, *, overwrite: bool = True) -> None:
    """Write `data` to `path` so that a reader never sees half a file.

    A regular file (or a new one) is written to a temporary file beside it, flushed to disk
    and renamed over it; a replaced file keeps its mode, and through a symlink its target is
    replaced (the link stays). Anything else that already exists (a device such as /dev/stdout or
    /dev/null, a pipe) is written to directly: renaming over it would replace the device.
    With overwrite=False an existing file is never replaced (FileExistsError), even one
    that appears while writing (a device is written to all the same). Raises OSError; leaves no temporary file behind."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path = os.fspath(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):  # a device or a pipe: nothing to keep or replace
        with open(path, "wb") as f:
            f.write(raw)
        return
    if st is not None and not overwrite:
        raise FileExistsError(17, "File exists", path)
    real = os.path.realpath(path)  # write beside the target of a symlink, keep the link
    tmp = f"{real}.tmp-{os.getpid()}"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        if st is not None:  # replacing a file keeps its permissions (a 0600 file stays 0600)
            os.fchmod(fd, stat.S_IMODE(st.st_mode))
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        if overwrite:
            os.replace(tmp, real)
        else:
            os.link(tmp, real)  # fails if the file appeared meanwhile
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass


class TooLarge(OSError):
    """The input is larger than the limit (or endless, like /dev/zero)."""


def read_input(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of `path`, at most `limit`: reads with a bound, so a device or pipe that never
    ends (/dev/zero) is refused instead of filling memory. Raises TooLarge or OSError."""
    with open(path, "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(27, f"larger than {limit // (1024 * 1024)} MB", os.fspath(path))
    return data


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """True when `a` and `b` name one existing file (an output must never overwrite its input)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
