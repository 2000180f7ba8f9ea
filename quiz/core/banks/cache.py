"""Parsed banks kept between runs, so that the app shows its banks without parsing YAML (or even
importing PyYAML) when a bank file has not changed since it was last read.

One JSON file per bank file in the data dir's cache/banks/, named by a hash of the file's path and
holding its (mtime_ns, size) stamp: any change to the file, a cache written by another version, or
a cache file that cannot be read means the bank is read from its YAML again. Only banks that loaded
without a problem are kept. The cache holds data only (JSON, never code), and losing it costs one
parse: every error writing or reading it is ignored."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from quiz.core.model import Bank, Question, Source

VERSION = 2  # bump when the model's fields change


def cache_dir(data_dir: str | os.PathLike) -> Path:
    return Path(data_dir) / "cache" / "banks"


def _file(directory: Path, path: Path) -> Path:
    name = hashlib.sha1(os.fsencode(os.path.abspath(path))).hexdigest()[:24]
    return directory / f"{name}.json"


def _question(q: Question) -> dict[str, Any]:
    return {"id": q.id, "type": q.type.value, "prompt": q.prompt, "answers": list(q.answers),
            "choices": list(q.choices), "explanation": q.explanation, "source": q.source, "hint": q.hint,
            "tags": list(q.tags), "group": q.group, "shuffle": q.shuffle, "line": q.line, "score": q.score}


def _bank(bank: Bank) -> dict[str, Any]:
    src = bank.source
    return {"id": bank.id, "title": bank.title, "description": bank.description, "language": bank.language,
            "tags": list(bank.tags), "shuffle": bank.shuffle,
            "source": None if src is None else {"file": src.file, "title": src.title, "publisher": src.publisher,
                                                "date": src.date, "url": src.url},
            "questions": [_question(q) for q in bank.questions]}


def _from_json(data: dict[str, Any], path: Path) -> Bank:
    src = data["source"]
    questions = tuple(Question(id=q["id"], type=q["type"], prompt=q["prompt"], answers=tuple(q["answers"]),
                               choices=tuple(q["choices"]), explanation=q["explanation"], source=q["source"],
                               hint=q["hint"], tags=tuple(q["tags"]), group=q["group"], shuffle=q["shuffle"],
                               line=q["line"], score=q["score"]) for q in data["questions"])
    return Bank(id=data["id"], title=data["title"], questions=questions, description=data["description"],
                language=data["language"], source=None if src is None else Source(**src), tags=tuple(data["tags"]),
                shuffle=data["shuffle"], path=str(path))


def read(directory: Path, path: Path, stamp: tuple[int, int]) -> Bank | None:
    """The bank of `path` as cached for exactly this `stamp`, else None."""
    try:
        with open(_file(directory, path), encoding="utf-8") as f:
            data = json.load(f)
        if data.get("version") != VERSION or data.get("path") != os.path.abspath(path) \
                or tuple(data.get("stamp") or ()) != tuple(stamp):
            return None
        return _from_json(data["bank"], path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # whatever the file holds
        return None


def write(directory: Path, path: Path, stamp: tuple[int, int], bank: Bank) -> None:
    """Keep `bank` (read from `path` at `stamp`) for the next run; silently nothing when it cannot."""
    target = _file(directory, path)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump({"version": VERSION, "path": os.path.abspath(path), "stamp": list(stamp),
                       "bank": _bank(bank)}, f, ensure_ascii=False)
        os.replace(tmp, target)
    except (OSError, ValueError, TypeError):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
