"""The bank library: where banks are found (./banks, the shipped banks, the user's bank folder,
--bank-dir), and the banks the app shows, read again when their files change."""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import quiz
from quiz.core.model import Bank, LoadResult

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


# ---- the library the app shows -------------------------------------------------------------

Stamp = tuple[int, int]  # (mtime_ns, size) of a bank file when read


def file_stamp(path: Path) -> Stamp | None:
    """(mtime_ns, size) of a bank file, None when it is gone."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


@dataclass(frozen=True, slots=True)
class Reading:
    """One bank file as read: what `BankLibrary.read` returns (in any thread) and `apply` records."""

    path: Path
    stamp: Stamp | None          # None: the file is gone
    result: LoadResult | None


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the library: a bank to study, or a file that cannot be studied and why."""

    bank: Bank | None
    path: Path | None = None                 # None for a bank given in memory
    problems: tuple[str, ...] = ()           # located errors of the file, or the id conflict
    conflict: Path | None = None             # the file whose bank has the same id (shown first)

    @property
    def ok(self) -> bool:
        return self.bank is not None and not self.problems

    @property
    def name(self) -> str:
        return self.path.name if self.path is not None else (self.bank.id if self.bank else "")


class BankLibrary:
    """The banks of the app: given in memory, read from files, found again in folders.

    Never hides a bank: two banks with the same id are both listed; the first (in folder order)
    is studied, the other is marked with both paths and what to change, until its id changes.
    Pure of any UI: the app owns one and hands it to its screens; the home screen renders it."""

    def __init__(self, banks: Sequence[Bank] = (), paths: Sequence[Path] = (),
                 dirs: Sequence[Path] = (), *, cache: Path | None = None) -> None:
        self.given = list(banks)
        self.paths = [Path(p) for p in paths]
        self.dirs = [Path(d) for d in dirs]  # searched again for new bank files on each look
        self.cache = cache  # parsed banks kept between runs (quiz.core.banks.cache); None: none
        self._readings: dict[Path, Reading] = {}

    # ---- reading files -----------------------------------------------------------------
    def read(self, path: Path) -> Reading:
        """Read one bank file (safe in a worker thread: it changes nothing but the cache). An unchanged
        file comes from the cache: no YAML to parse (PyYAML is not even imported)."""
        stamp = file_stamp(path)  # before reading: an edit during the read is seen next time
        if stamp is None:
            return Reading(path, None, None)
        if self.cache is not None:
            from quiz.core.banks import cache

            bank = cache.read(self.cache, path, stamp)
            if bank is not None:
                return Reading(path, stamp, LoadResult(bank, ()))
        from quiz.core.banks.loader import load_path

        result = load_path(path)
        if self.cache is not None and result.ok and result.bank is not None and not result.problems:
            from quiz.core.banks import cache

            cache.write(self.cache, path, stamp, result.bank)
        return Reading(path, stamp, result)

    def apply(self, reading: Reading) -> None:
        self._readings[reading.path] = reading

    def discover(self) -> list[Path]:
        """Bank files added to the folders since the last look (now part of the library)."""
        if not self.dirs:
            return []
        known = set(self.paths)
        new = [p for p in find_bank_files(self.dirs) if p not in known]
        self.paths += new
        return new

    def stale(self) -> list[Path]:
        """Files never read, or changed (mtime or size) or deleted since they were read."""
        return [p for p in self.paths
                if p not in self._readings or file_stamp(p) != self._readings[p].stamp]

    @staticmethod
    def bytes_to_read(paths: list[Path]) -> int:
        """How many bytes the files `paths` (what `stale()` gave) hold."""
        return sum((file_stamp(p) or (0, 0))[1] for p in paths)

    # ---- what the app shows --------------------------------------------------------------
    def entries(self) -> list[Entry]:
        """Banks to study first (given ones, then files in folder order), then the files that
        cannot be studied: conflicts, then files with errors. Deleted files are left out."""
        good: list[Entry] = []
        later: list[Entry] = []
        broken: list[Entry] = []
        first: dict[str, Entry] = {}
        candidates = [Entry(b) for b in self.given]
        for path in self.paths:
            reading = self._readings.get(path)
            if reading is None or reading.result is None:
                continue
            result = reading.result
            errors = tuple(str(p) for p in result.problems if p.severity == "error")
            if result.bank is None or errors:
                broken.append(Entry(None, path, errors or ("cannot be loaded",)))
            else:
                candidates.append(Entry(result.bank, path))
        for entry in candidates:
            assert entry.bank is not None
            seen = first.get(entry.bank.id)
            if seen is None:
                first[entry.bank.id] = entry
                good.append(entry)
            elif entry.path is not None and seen.path is not None and entry.path.resolve() == seen.path.resolve():
                continue
            else:
                later.append(Entry(entry.bank, entry.path, (conflict_message(entry, seen),), seen.path))
        return good + later + broken

    def banks(self) -> list[Bank]:
        """The banks that can be studied."""
        return [e.bank for e in self.entries() if e.ok and e.bank is not None]

    def ids(self) -> set[str]:
        """Every bank id in the library (studied or in conflict)."""
        return {e.bank.id for e in self.entries() if e.bank is not None}


def conflict_message(entry: Entry, seen: Entry) -> str:
    bank_id = entry.bank.id if entry.bank else "?"
    where = str(seen.path) if seen.path is not None else "a bank already open"
    mine = str(entry.path) if entry.path is not None else "this bank"
    return (f"bank id '{bank_id}' is also the id of {where}; change `id:` under `bank:` in {mine} "
            f"(for example to '{bank_id}-2') to study it: a bank's id keeps its history")
