"""Where banks are found: ./banks, the shipped banks, the user's bank folder, --bank-dir."""
from __future__ import annotations

import os
from pathlib import Path

import quiz

BANK_SUFFIXES = (".yaml", ".yml")


def shipped_dirs() -> list[Path]:
    """The shipped banks: package data in an installed quiz (quiz/banks), or the
    source tree's banks/ next to the package (an editable install)."""
    pkg = Path(quiz.__file__).resolve().parent
    return [d for d in (pkg / "banks", pkg.parent / "banks") if d.is_dir()]


def user_bank_dir(data_dir: str | os.PathLike) -> Path:
    """The learner's own bank folder, inside the data dir (so --data-dir keeps it apart)."""
    return Path(data_dir) / "banks"


def bank_dirs(extra: list[str] | None = None, *, cwd: str | os.PathLike | None = None,
              data_dir: str | os.PathLike | None = None) -> list[Path]:
    """Folders to search, in order: ./banks, shipped, the user's, then --bank-dir ones."""
    base = Path(cwd) if cwd is not None else Path.cwd()
    dirs = [base / "banks", *shipped_dirs()]
    if data_dir is not None:
        dirs.append(user_bank_dir(data_dir))
    dirs += [Path(d).expanduser() for d in (extra or [])]
    return dirs


def find_bank_files(dirs: list[Path]) -> list[Path]:
    """Bank files in `dirs` (not recursive), sorted by name within each folder, each file once."""
    seen: set[Path] = set()
    out: list[Path] = []
    for d in dirs:
        try:
            entries = sorted(p for p in d.iterdir() if p.suffix in BANK_SUFFIXES and p.is_file())
        except OSError:
            continue
        for f in entries:
            real = f.resolve()
            if real not in seen:
                seen.add(real)
                out.append(f)
    return out
