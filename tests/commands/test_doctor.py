import io
import os
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from quiz.cli import main
from quiz.core.model import Bank, Question
from quiz.core.store import Store
from quiz.core.store.backup import KEEP, backups

BANK = "bank:\n  id: s\n  title: S\nquestions:\n" + "".join(
    f"  - id: q{i}\n    type: fill\n    prompt: 第{i}题\n    answer: 答{i}\n" for i in range(4))


def _study(monkeypatch, capsys, tmp_path, data, lines):
    bank = tmp_path / "s.yaml"
    bank.write_text(BANK, encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["study", str(bank), "--data-dir", str(data), "--plain"]) == 0
    capsys.readouterr()


def test_doctor_ok_then_damaged_then_restore(monkeypatch, capsys, tmp_path):
    data = tmp_path / "d"
    _study(monkeypatch, capsys, tmp_path, data, "答0\n")
    _study(monkeypatch, capsys, tmp_path, data, "答1\n")   # this open makes today's backup
    assert len(backups(data)) == 1
    assert main(["doctor", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "integrity: ok" in out and "backups: 1" in out and "answers: 2" in out
    db = data / "quiz.db"
    with open(db, "r+b") as f:
        f.write(b"garbage!" * 8)
    assert main(["doctor", "--data-dir", str(data)]) == 1
    captured = capsys.readouterr()
    assert "integrity: FAILED" in captured.out and "--restore" in captured.err
    damaged = db.read_bytes()
    assert main(["doctor", "--restore", "--yes", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "restored from" in out and "integrity: ok" in out
    assert "the database now: cannot be read" in out and "(answers: 1, cards: 4)" in out
    kept = [p for p in data.iterdir() if p.name.startswith("quiz.db.damaged-") and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert sqlite3.connect(db).execute("SELECT count(*) FROM reviews").fetchone()[0] == 1


def test_restore_without_backups(capsys, tmp_path):
    assert main(["doctor", "--restore", "--yes", "--data-dir", str(tmp_path)]) == 1
    assert "no good backup" in capsys.readouterr().err


def test_daily_backups_keep_seven(tmp_path):
    now = [datetime(2024, 3, 1, 12, tzinfo=UTC)]
    bank = Bank(id="b", title="B", questions=(Question(id="a", type="fill", prompt="p", answers=("x",)),))
    for day in range(10):
        now[0] = datetime(2024, 3, 1, 12, tzinfo=UTC) + timedelta(days=day)
        with Store.open(tmp_path, clock=lambda: now[0]) as store:
            ids = store.sync_bank(bank)
            store.conn.execute("INSERT INTO reviews(card_id, at, rating, correct, state_before, prev) "
                               "VALUES (?, 0, 3, 1, 0, '{}')", (ids["a"],))
    names = [p.name for p in backups(tmp_path)]
    assert len(names) == KEEP and names[0] == "quiz-2024-03-10.db" and names[-1] == "quiz-2024-03-04.db"
    newest = sqlite3.connect(backups(tmp_path)[0])
    assert newest.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert newest.execute("SELECT count(*) FROM reviews").fetchone()[0] == 9


def _reviews(db) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
    finally:
        conn.close()


def _two_days(monkeypatch, capsys, tmp_path):
    """A database with 3 answers whose backup holds 1."""
    data = tmp_path / "d"
    _study(monkeypatch, capsys, tmp_path, data, "答0\n")
    _study(monkeypatch, capsys, tmp_path, data, "答1\n答2\n")   # this open makes today's backup (1 answer)
    assert _reviews(data / "quiz.db") == 3
    return data


def test_restore_says_what_it_costs_and_needs_yes_without_a_terminal(monkeypatch, capsys, tmp_path):
    data = _two_days(monkeypatch, capsys, tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["doctor", "--restore", "--data-dir", str(data)]) == 2
    captured = capsys.readouterr()
    assert "(answers: 1, cards: 4)" in captured.out and "the database now: answers: 3, cards: 4" in captured.out
    assert "sets aside the answers given since that backup: 2" in captured.out
    assert "--yes" in captured.err and _reviews(data / "quiz.db") == 3  # nothing changed


@pytest.mark.parametrize("reply,code,left", [("n\n", 1, 3), ("\n", 1, 3), ("y\n", 0, 1)])
def test_restore_asks_on_a_terminal(monkeypatch, capsys, tmp_path, reply, code, left):
    data = _two_days(monkeypatch, capsys, tmp_path)
    tty = io.StringIO(reply)
    tty.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stdin", tty)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert main(["doctor", "--restore", "--data-dir", str(data)]) == code
    assert "restore it? [y/N]" in capsys.readouterr().out
    assert _reviews(data / "quiz.db") == left


def test_restore_refuses_while_a_session_has_the_database_open(monkeypatch, capsys, tmp_path):
    data = _two_days(monkeypatch, capsys, tmp_path)
    bank = Bank(id="s", title="S", questions=(Question(id="q0", type="fill", prompt="p", answers=("x",)),))
    with Store.open(data, clock=lambda: datetime.now(UTC)) as store:  # a session: the database is open
        assert main(["doctor", "--restore", "--yes", "--data-dir", str(data)]) == 1
        assert "open in another quiz" in capsys.readouterr().err
        ids = store.sync_bank(bank)
        store.conn.execute("INSERT INTO reviews(card_id, at, rating, correct, state_before, prev) "
                           "VALUES (?, 0, 3, 1, 0, '{}')", (ids["q0"],))  # the session goes on writing
    assert _reviews(data / "quiz.db") == 4  # nothing was swapped under it
    assert main(["doctor", "--restore", "--yes", "--data-dir", str(data)]) == 0  # closed: now it may
    assert _reviews(data / "quiz.db") == 1


@pytest.mark.parametrize("name", ["a#b", "c?d", "e%41f", "x#y?z%41%2F"])
def test_doctor_reads_a_healthy_database_in_a_folder_named_like_a_uri(monkeypatch, capsys, tmp_path, name):
    home = tmp_path / "home"
    home.mkdir()
    data = home / name
    _study(monkeypatch, capsys, tmp_path, data, "答0\n答1\n")
    before = sorted(os.listdir(home))
    assert main(["doctor", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "integrity: ok" in out and "answers: 2" in out
    assert sorted(os.listdir(home)) == before == [name]  # no stray file beside the folder


def test_every_sqlite_uri_is_built_by_db_uri():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "quiz"
    hand_made = []
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"sqlite3\.connect\(([^)]*)\)", text):
            if "uri=True" in m.group(1) and not re.match(r"\s*(db\.)?uri\(", m.group(1)):
                hand_made.append(f"{path.name}: {m.group(0)}")
        if re.search(r"[\"']file:", text):
            hand_made.append(f"{path.name}: a 'file:' literal")
    assert hand_made == []
