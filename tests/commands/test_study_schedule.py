"""Plain mode schedules as documented (docs/scheduling.md, "Which answers move the schedule"):
flashcards are self-graded there too, with each grade's next interval; exam and challenge move
the schedule only with --schedule; study, flashcards and missed unless --no-schedule."""
from __future__ import annotations

import io
import sqlite3

import pytest

from quiz.cli import main

BANK = """\
bank:
  id: demo
  title: Demo
questions:
  - id: q1
    type: choice
    prompt: 西藏和平解放是哪一年？
    choices: ["1949", "1951", "1959"]
    answer: "1951"
  - id: q2
    type: truefalse
    prompt: 拉萨是西藏自治区首府。
    answer: true
  - id: q3
    type: fill
    prompt: 学史明理、学史增信、学史崇德、学史{{力行}}
"""


@pytest.fixture
def bank(tmp_path):
    p = tmp_path / "demo.yaml"
    p.write_text(BANK, encoding="utf-8")
    return p


def run(monkeypatch, capsys, bank, data, lines, *extra):
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(line + "\n" for line in lines)))
    code = main(["study", str(bank), "--plain", "--data-dir", str(data), "--lang", "en", *extra])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def reviews(data):
    with sqlite3.connect(data / "quiz.db") as c:
        return c.execute("SELECT r.rating, r.scheduled, c.state FROM reviews r JOIN cards c ON c.id = r.card_id "
                         "ORDER BY r.id").fetchall()


def test_flashcards_are_self_graded_in_plain_mode(monkeypatch, capsys, bank, tmp_path):
    """Before: `--plain --mode flashcards` auto-graded, so fast right answers were stored as Easy."""
    data = tmp_path / "d"
    out = run(monkeypatch, capsys, bank, data, ["", "2", "", "2", "", "2", "q"], "--mode", "flashcards")
    assert [r[0] for r in reviews(data)] == [2, 2, 2]
    assert "Back: 1951" in out and "Back: true" in out and "Back: 力行" in out
    # every grade shows its next interval, as on Anki's buttons
    assert "1 Again 1m  2 Hard 6m  3 Good 10m  4 Easy " in out


def test_the_intervals_follow_the_card(monkeypatch, capsys, bank, tmp_path):
    data = tmp_path / "d"
    run(monkeypatch, capsys, bank, data, ["", "4", "q"], "--mode", "flashcards")   # q1: Easy -> review
    with sqlite3.connect(data / "quiz.db") as c:
        c.execute("UPDATE cards SET due = 0 WHERE question_id = 'q1'")            # due again now
    out = run(monkeypatch, capsys, bank, data, ["", "3", "q"], "--mode", "flashcards", "--new", "0")
    line = next(x for x in out.splitlines() if x.startswith("1 Again"))
    assert "10m" in line and line.endswith("d")   # Again relearns in 10 min; Easy is days away


@pytest.mark.parametrize("mode", ["exam", "challenge"])
def test_exam_and_challenge_never_move_the_schedule_unless_asked(monkeypatch, capsys, bank, tmp_path, mode):
    data = tmp_path / "d"
    run(monkeypatch, capsys, bank, data, ["2", "q"], "--mode", mode, "--count", "1")
    assert reviews(data) and all(scheduled == 0 and state == 0 for _r, scheduled, state in reviews(data))
    data2 = tmp_path / "d2"
    run(monkeypatch, capsys, bank, data2, ["2", "q"], "--mode", mode, "--count", "1", "--schedule")
    assert reviews(data2) and all(scheduled == 1 and state != 0 for _r, scheduled, state in reviews(data2))


@pytest.mark.parametrize("mode", ["study", "flashcards"])
def test_study_and_flashcards_schedule_unless_told_not_to(monkeypatch, capsys, bank, tmp_path, mode):
    data = tmp_path / "d"
    run(monkeypatch, capsys, bank, data, ["", "3", "q"] if mode == "flashcards" else ["2", "q"], "--mode", mode)
    assert [s for _r, s, _st in reviews(data)] == [1]
    data2 = tmp_path / "d2"
    out = run(monkeypatch, capsys, bank, data2, ["", "3", "q"] if mode == "flashcards" else ["2", "q"],
              "--mode", mode, "--no-schedule")
    assert [(s, st) for _r, s, st in reviews(data2)] == [(0, 0)]
    if mode == "flashcards":
        assert "1 again  2 hard  3 good  4 easy" in out   # no intervals: nothing is scheduled


def test_the_daily_new_card_limit_is_the_setting(monkeypatch, capsys, bank, tmp_path):
    data = tmp_path / "d"
    assert main(["config", "new_cards_per_day", "1", "--data-dir", str(data)]) == 0
    run(monkeypatch, capsys, bank, data, ["1951", "2", "力行"])
    with sqlite3.connect(data / "quiz.db") as c:
        studied = c.execute("SELECT count(DISTINCT card_id) FROM reviews").fetchone()[0]
        new_left = c.execute("SELECT count(*) FROM cards WHERE state = 0").fetchone()[0]
    assert (studied, new_left) == (1, 2)  # one new card today, as set; the default would take all three
