"""`quiz config [KEY [VALUE]]`, and stored settings that cannot be used (issue 12 item 15): every
command still runs, on the default, with a warning that says which setting and how to fix it."""
from __future__ import annotations

import io
import sqlite3
from datetime import UTC, datetime

import pytest
from support.banks import fill_yaml

from quiz.cli import main
from quiz.core.store import Store


def _store(data):
    return Store.open(data, clock=lambda: datetime.now(UTC), backup=False)


def test_config_lists_every_setting_with_default_and_range(capsys, tmp_path):
    assert main(["config", "--data-dir", str(tmp_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for line in ("desired_retention = 0.9", "day_start_hour = 4", "new_cards_per_day = 20",
                 "maximum_interval = 36500", "leech_threshold = 8"):
        assert line in out
    assert "range 0.7–0.99" in out and "range 0–23" in out
    assert not (tmp_path / "quiz.db").exists()  # only looking never creates a database


def test_config_sets_reads_and_resets(capsys, tmp_path):
    d = str(tmp_path)
    assert main(["config", "desired_retention", "0.85", "--data-dir", d]) == 0
    assert main(["config", "day-start-hour", "６", "--data-dir", d]) == 0   # a hyphen, full-width digit
    capsys.readouterr()
    assert main(["config", "desired_retention", "--data-dir", d]) == 0
    assert capsys.readouterr().out.strip() == "0.85"
    with _store(tmp_path) as store:
        assert store.prefs.desired_retention == 0.85 and store.day_start_hour == 6
        assert store.scheduler().desired_retention == 0.85
    assert main(["config", "day_start_hour", "--reset", "--data-dir", d]) == 0
    with _store(tmp_path) as store:
        assert store.day_start_hour == 4


@pytest.mark.parametrize("args,message", [
    (["desired_retention", "0.5"], "in the range 0.7–0.99"),
    (["day_start_hour", "24"], "in the range 0–23"),
    (["day_start_hour", "4.5"], "whole number"),
    (["new_cards_per_day", "many"], "must be a number"),
    (["nope", "1"], "no setting is called nope"),
    (["--reset"], "--reset needs a KEY"),
])
def test_config_refuses_bad_values_with_a_clear_message(capsys, tmp_path, args, message):
    assert main(["config", *args, "--data-dir", str(tmp_path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    if (tmp_path / "quiz.db").exists():
        with _store(tmp_path) as store:
            assert store.prefs.problems == () and store.prefs.desired_retention == 0.9


def test_config_messages_in_chinese(capsys, tmp_path):
    assert main(["config", "day_start_hour", "99", "--data-dir", str(tmp_path), "--lang", "zh"]) == 2
    assert "每天从几点开始（day_start_hour）必须在 0–23 范围内" in capsys.readouterr().err


BAD = ["'abc'", "'\"abc\"'", "'null'", "'1e400'", "'NaN'", "'99'", "99", "-1", "'[4]'", "x'00ff'", "4.5"]


@pytest.mark.parametrize("sql_value", BAD)
def test_a_bad_stored_day_start_never_stops_study(monkeypatch, capsys, tmp_path, sql_value):
    """issue 12 item 15: "abc", null, 1e400, NaN, 99... in the settings table made every study exit with
    a traceback. Now: a warning naming the setting, the default used, the session runs."""
    bank = tmp_path / "b.yaml"
    bank.write_text(fill_yaml(2), encoding="utf-8")
    data = tmp_path / "data"
    with _store(data) as store:
        store.set_setting("day_start_hour", 4)
    with sqlite3.connect(data / "quiz.db") as c:
        c.execute(f"UPDATE settings SET value = {sql_value} WHERE key = 'day_start_hour'")
    monkeypatch.setattr("sys.stdin", io.StringIO("答0\nq\n"))
    code = main(["study", str(bank), "--plain", "--data-dir", str(data), "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "the saved setting day_start_hour" in err and "using the default 4" in err
    assert "quiz config day_start_hour" in err
    assert "✓" in out
    for command in (["stats"], ["config"], ["optimize", "--dry-run"]):
        main([*command, "--data-dir", str(data)])
        assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("key,value", [("desired_retention", "'2'"), ("new_cards_per_day", "'-3'"),
                                       ("maximum_interval", "'0'"), ("leech_threshold", "'NaN'")])
def test_every_setting_is_validated_on_read(tmp_path, key, value):
    data = tmp_path / "data"
    with _store(data):
        pass
    with sqlite3.connect(data / "quiz.db") as c:
        c.execute(f"INSERT INTO settings(key, value) VALUES ('{key}', {value})")
    with _store(data) as store:
        assert [p.key for p in store.prefs.problems] == [key]
        store.scheduler()  # builds on the defaults
        assert store.prefs.value(key) == {"desired_retention": 0.9, "new_cards_per_day": 20,
                                          "maximum_interval": 36500, "leech_threshold": 8}[key]


def test_a_new_retention_can_reschedule_the_cards_studied(capsys, tmp_path):
    from support.history import simulate

    simulate(tmp_path, 300)
    with _store(tmp_path) as store:
        before = {c.id: c.st.due for c in store.all_cards() if c.st.due is not None}
    assert main(["config", "desired_retention", "0.97", "--data-dir", str(tmp_path)]) == 0
    with _store(tmp_path) as store:   # without --reschedule: each card follows it from its next answer
        assert {c.id: c.st.due for c in store.all_cards() if c.st.due is not None} == before
    capsys.readouterr()
    assert main(["config", "desired_retention", "0.97", "--reschedule", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "rescheduled:" in out
    with _store(tmp_path) as store:
        after = {c.id: c.st.due for c in store.all_cards() if c.st.due is not None}
    earlier = sum(after[k] < before[k] for k in before)
    later = sum(after[k] > before[k] for k in before)
    assert earlier > 3 * later   # higher retention: shorter intervals (fuzz aside)
    assert main(["config", "day_start_hour", "5", "--reschedule", "--data-dir", str(tmp_path)]) == 2
