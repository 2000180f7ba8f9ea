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
    """Create `directory` (and parents) readable by the owner only; leave an existing one alone."""
    directory = Path(directory)
    if directory.is_dir():
        return
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
