"""Where banks are found: ./banks, the shipped banks, the user's bank folder, --bank-dir."""
from __future__ import annotations

import os
from pathlib import Path

import quiz

BANK_SUFFIXES = (".yaml", ".yml")


def shipped_dir() -> Path:
    """The banks/ folder that ships with the project (next to the package)."""
    return Path(quiz.__file__).resolve().parent.parent / "banks"


def user_bank_dir() -> Path:
    import platformdirs

    return platformdirs.user_data_path("quiz") / "banks"


def bank_dirs(extra: list[str] | None = None, *, cwd: str | os.PathLike | None = None,
              include_user: bool = True) -> list[Path]:
    """Folders to search, in order, without duplicates (existing or not)."""
    base = Path(cwd) if cwd is not None else Path.cwd()
    dirs = [base / "banks", shipped_dir()]
    if include_user:
        dirs.append(user_bank_dir())
    dirs += [Path(d) for d in (extra or [])]
    seen, out = set(), []
    for d in dirs:
        key = os.path.normcase(os.path.abspath(d))
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def find_bank_files(dirs: list[Path]) -> list[Path]:
    """Bank files in `dirs` (not recursive), sorted by name within each folder."""
    out: list[Path] = []
    for d in dirs:
        try:
            entries = sorted(p for p in d.iterdir() if p.suffix in BANK_SUFFIXES and p.is_file())
        except OSError:
            continue
        out.extend(entries)
    return out
