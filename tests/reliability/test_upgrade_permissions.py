"""Upgrades: the database and bank of the first released schema (tests/data/upgrade) open in this
version with all their history. Permissions: the data dir is created 0700 and the database 0600."""
from __future__ import annotations

import json
import shutil
import sqlite3
import stat

from support.reliability import ROOT, db_figures, run_quiz

from quiz.core.store.schema import SCHEMA_VERSION

UPGRADE = ROOT / "tests" / "data" / "upgrade"


def _history(db):
    conn = sqlite3.connect(db)
    try:
        reviews = conn.execute("SELECT id, card_id, session_id, at, rating, correct, elapsed_ms, state_before "
                               "FROM reviews ORDER BY id").fetchall()
        cards = conn.execute("SELECT id, question_id, state, stability, difficulty, due, reps, lapses "
                             "FROM cards ORDER BY id").fetchall()
        sessions = conn.execute("SELECT id, started, answered, correct, points FROM sessions ORDER BY id").fetchall()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    return reviews, cards, sessions, version


def test_v1_database_opens_with_all_history(tmp_path, figures):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    shutil.copyfile(UPGRADE / "v1.db", data / "quiz.db")
    reviews, cards, sessions, version = _history(data / "quiz.db")
    assert version == 1 and len(reviews) == 6
    stats = run_quiz("stats", "--json", "--data-dir", data)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["reviews"] == 6
    r = run_quiz("study", UPGRADE / "v1-bank.yaml", "--plain", "--data-dir", data, input="\nq\n")
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    after_reviews, after_cards, after_sessions, after_version = _history(data / "quiz.db")
    assert after_version == SCHEMA_VERSION
    assert after_reviews[:6] == reviews and len(after_reviews) == 7  # every old answer, plus the new one
    assert after_sessions[:2] == sessions
    old = {c[0]: c for c in cards}
    assert all(old[c[0]] == c for c in after_cards if c[0] != after_reviews[-1][1])  # untouched cards unchanged
    assert db_figures(data / "quiz.db")["ok"]
    assert (UPGRADE / "v1.db").read_bytes()[:16] == b"SQLite format 3\x00"
    figures.add("upgrade", trials=1, note=f"schema 1 → {SCHEMA_VERSION}: 6/6 answers, 4/4 cards, 2/2 sessions "
                "kept; studying adds to them")


def test_data_dir_0700_and_database_0600(tmp_path, figures):
    data = tmp_path / "deep" / "data"
    r = run_quiz("study", UPGRADE / "v1-bank.yaml", "--plain", "--data-dir", data, input="1951年\n")
    assert r.returncode == 0, r.stderr
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in [data, *data.rglob("*")]}
    assert modes["data"] == 0o700
    assert modes["quiz.db"] == 0o600
    for name, mode in modes.items():  # -wal, -shm, backups: nothing readable by others
        assert mode & 0o077 == 0, (name, oct(mode))
    figures.add("permissions", trials=len(modes), note=", ".join(f"{n} {oct(m)[2:]}" for n, m in sorted(modes.items())))
