"""Shared pieces of the reliability suite: the real `quiz` command, banks, the database, tmux."""
from __future__ import annotations

import os
import shlex
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

QUIZ = Path(sys.executable).with_name("quiz")
ROOT = Path(__file__).resolve().parents[2]


def quiz_cmd(*args) -> list[str]:
    base = [str(QUIZ)] if QUIZ.exists() else [sys.executable, "-m", "quiz"]
    return [*base, *map(str, args)]


def env(**extra: str) -> dict[str, str]:
    e = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONIOENCODING="utf-8")
    e.pop("QUIZ_DATA_DIR", None)
    e.update(extra)
    return e


def run_quiz(*args, input: str | bytes | None = None, timeout: float = 60, **kw) -> subprocess.CompletedProcess:
    text = not isinstance(input, bytes)
    return subprocess.run(quiz_cmd(*args), input=input, capture_output=True, text=text, timeout=timeout,
                          env=kw.pop("env", None) or env(), cwd=kw.pop("cwd", ROOT), **kw)


def write_fill_bank(path: Path, n: int, bank_id: str = "rel", answer=lambda i: f"答{i % 3}") -> Path:
    lines = ["bank:", f"  id: {bank_id}", "  title: 可靠性", "questions:"]
    for i in range(n):
        lines += [f"  - id: q{i}", "    type: fill", f"    prompt: 第{i}题是什么？", f"    answer: {answer(i)}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def acknowledged(stdout: bytes | str) -> int:
    """Answers plain mode acknowledged: each feedback line (✓/✗) is printed only after COMMIT."""
    text = stdout.decode("utf-8", "replace") if isinstance(stdout, bytes) else stdout
    return sum(line.startswith(("✓", "✗")) for line in text.splitlines())


def db_figures(db: Path) -> dict:
    """integrity_check, reviews, and the sum of answered over sessions (written in the same transaction)."""
    conn = sqlite3.connect(db, timeout=30)
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        reviews = conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
        answered = conn.execute("SELECT coalesce(sum(answered), 0) FROM sessions").fetchone()[0]
    finally:
        conn.close()
    return {"ok": integrity == ["ok"] and not fk, "integrity": integrity[:3], "reviews": reviews,
            "answered": answered}


class Tmux:
    """One tmux server (own socket) with one pane running `command`."""

    def __init__(self, command: list[str], *, cwd: Path, environ: dict[str, str], width: int = 100,
                 height: int = 30) -> None:
        self.socket = f"quiz-rel-{uuid.uuid4().hex[:8]}"
        self.env = environ
        self.run("new-session", "-d", "-s", "rel", "-x", str(width), "-y", str(height), "-c", str(cwd),
                 " ".join(shlex.quote(c) for c in command))
        self.run("set-option", "-t", "rel", "remain-on-exit", "on")

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True,
                              env=self.env).stdout

    def screen(self, escapes: bool = False) -> str:
        return self.run("capture-pane", "-p", *(["-e"] if escapes else []), "-t", "rel")

    def display(self, fmt: str) -> str:
        return self.run("display-message", "-p", "-t", "rel", fmt).strip()

    def pid(self) -> int:
        return int(self.display("#{pane_pid}"))

    def dead(self) -> bool:
        return self.display("#{pane_dead}") == "1"

    def keys(self, *keys: str, literal: bool = False, pause: float = 0.05) -> None:
        for key in keys:
            self.run("send-keys", "-t", "rel", *(["-l"] if literal else []), key)
            time.sleep(pause)

    def wait_for(self, test, timeout: float = 20) -> str:
        """Wait until `test` (text, or a function of the screen) holds; return the screen."""
        check = test if callable(test) else (lambda s: test in s)
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{test!r} never appeared; the screen:\n{screen}")
            time.sleep(0.05)

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, env=self.env)
