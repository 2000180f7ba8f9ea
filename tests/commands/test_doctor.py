import io
import sqlite3
from datetime import UTC, datetime, timedelta

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
    assert main(["doctor", "--restore", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "restored from" in out and "integrity: ok" in out
    kept = [p for p in data.iterdir() if p.name.startswith("quiz.db.damaged-") and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert sqlite3.connect(db).execute("SELECT count(*) FROM reviews").fetchone()[0] == 1


def test_restore_without_backups(capsys, tmp_path):
    assert main(["doctor", "--restore", "--data-dir", str(tmp_path)]) == 1
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
