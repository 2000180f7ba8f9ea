import io
import json
from datetime import UTC

import pytest

from quiz.cli import main


@pytest.fixture(autouse=True)
def chinese_locale(monkeypatch):
    """Text output follows the locale (no --lang, no saved setting): pin a Chinese one."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")

BANK = "bank:\n  id: s\n  title: S\nquestions:\n" + "".join(
    f"  - id: q{i}\n    type: fill\n    prompt: 第{i}题\n    answer: 答{i}\n" for i in range(4))


def test_stats_json_after_study(monkeypatch, capsys, tmp_path):
    bank = tmp_path / "s.yaml"
    bank.write_text(BANK, encoding="utf-8")
    data = tmp_path / "d"
    monkeypatch.setattr("sys.stdin", io.StringIO("答0\n错\n"))
    assert main(["study", str(bank), "--data-dir", str(data), "--plain"]) == 0
    capsys.readouterr()
    assert main(["stats", "--json", "--data-dir", str(data)]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["reviews"] == 2 and d["missed"] == 1 and d["new"] == 2 and d["streak_days"] == 1
    assert d["best_streak_days"] == 1
    assert d["leeches"] == 0 and d["retention"] is None and d["due_today"] >= 1
    assert d["accuracy_by_bank"] == {"s": {"right": 1, "answered": 2}}
    assert main(["stats", "--json", "--bank", "s", "--data-dir", str(data)]) == 0
    assert json.loads(capsys.readouterr().out)["reviews"] == 2
    assert main(["stats", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "答题总数：2" in out and "错题：1" in out and "最长连续：1 天" in out
    assert main(["stats", "--lang", "en", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Reviews: 2" in out and "Study streak: 1 day   Longest: 1 day" in out


def test_stats_language_follows_locale_then_saved_setting(monkeypatch, capsys, tmp_path):
    from datetime import datetime

    from quiz.core.store import Store

    data = tmp_path / "d"
    with Store.open(data, clock=lambda: datetime.now(UTC)):
        pass
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main(["stats", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.startswith("Reviews: 0")
    with Store.open(data, clock=lambda: datetime.now(UTC)) as store:
        store.set_setting("tui.lang", "zh")                    # the app's language switch saved zh
    assert main(["stats", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.startswith("答题总数：0")
    assert main(["stats", "--lang", "en", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.startswith("Reviews: 0")


def test_stats_without_database_creates_nothing(capsys, tmp_path):
    data = tmp_path / "none"
    assert main(["stats", "--json", "--data-dir", str(data)]) == 0
    assert json.loads(capsys.readouterr().out)["reviews"] == 0
    assert not data.exists()


def test_stats_on_damaged_database(capsys, tmp_path):
    (tmp_path / "quiz.db").write_bytes(b"x" * 5000)
    assert main(["stats", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("quiz: ") and "damaged" in err


def test_stats_of_an_unknown_bank_names_it_and_fails(monkeypatch, capsys, tmp_path):
    bank = tmp_path / "s.yaml"
    bank.write_text(BANK, encoding="utf-8")
    data = tmp_path / "d"
    monkeypatch.setattr("sys.stdin", io.StringIO("答0\n"))
    assert main(["study", str(bank), "--data-dir", str(data), "--plain"]) == 0
    capsys.readouterr()
    assert main(["stats", "--bank", "NOPE", "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert "NOPE" in err and "s" in err.split("：")[-1] and "Traceback" not in err
    assert main(["stats", "--json", "--bank", "NOPE", "--lang", "en", "--data-dir", str(data)]) == 1
    assert "no study records of a bank with the id NOPE (banks with records: s)" in capsys.readouterr().err


def test_due_today_is_the_first_day_of_the_forecast(monkeypatch, capsys, tmp_path):
    bank = tmp_path / "s.yaml"
    bank.write_text(BANK, encoding="utf-8")
    data = tmp_path / "d"
    monkeypatch.setattr("sys.stdin", io.StringIO("错\n错\n"))   # wrong: learning cards due in minutes
    assert main(["study", str(bank), "--data-dir", str(data), "--plain"]) == 0
    capsys.readouterr()
    assert main(["stats", "--json", "--data-dir", str(data)]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["due_today"] == 2 and d["forecast"][0] == d["due_today"]
