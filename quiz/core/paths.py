"""Where quiz keeps its files. Nothing here touches the file system at import time."""
from __future__ import annotations

import os
from pathlib import Path

DB_NAME = "quiz.db"
BACKUP_DIR = "backups"


def data_dir(arg: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: `arg` (--data-dir), else $QUIZ_DATA_DIR, else the user data dir."""
    if arg:
        return Path(arg).expanduser()
    env = os.environ.get("QUIZ_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_path("quiz"))


def db_path(directory: Path) -> Path:
    return Path(directory) / DB_NAME


def backup_dir(directory: Path) -> Path:
    return Path(directory) / BACKUP_DIR


def ensure_dir(directory: Path) -> None:
    """Create `directory` and any missing parents readable by the owner only (0700, whatever the
    umask); leave existing folders alone. A symbolic link that leads nowhere is said to be one
    (NotADirectoryError), not reported as "File exists"."""
    directory = Path(directory)
    if directory.is_dir():
        return
    missing: list[Path] = []
    p = directory
    while not p.is_dir():
        if p.is_symlink():
            target = os.readlink(p)
            why = "loops back on itself" if _loops(p) else f"points to {target}, which does not exist"
            raise NotADirectoryError(20, f"{p} is a symbolic link that {why}", str(p))
        if p.exists():
            raise NotADirectoryError(20, f"{p} is a file, not a folder", str(p))
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for d in reversed(missing):
        try:
            os.mkdir(d, 0o700)
        except FileExistsError:
            if not d.is_dir():
                raise
            continue  # made by another process meanwhile: theirs, left alone
        os.chmod(d, 0o700)  # mkdir's mode is cut by the umask (0777 under umask 000 stays 0700 here)


def _loops(link: Path) -> bool:
    try:
        link.resolve(strict=True)
    except RuntimeError:  # Python 3.11: a loop
        return True
    except OSError as e:
        return e.errno == 40  # ELOOP
    return False
