"""Restore is crash-safe and never swaps the file under an open database: killed at any step, the
next open finds either the old database (with its own WAL) or the restored one (never beside a
stale WAL); nothing is deleted; a foreign SQLite file is never taken for quiz's database."""
from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime

import pytest

from quiz.core.model import Bank, Question
from quiz.core.store import Store, StoreError, backup, lock
from quiz.core.store.db import NotAQuizDatabase

NOW = datetime(2025, 3, 1, 12, tzinfo=UTC)
BANK = Bank(id="b", title="B", questions=tuple(Question(id=f"q{i}", type="fill", prompt="p", answers=("x",))
                                               for i in range(3)))


def reviews(db) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
    finally:
        conn.close()


def answer(store: Store, n: int) -> None:
    ids = store.sync_bank(BANK)
    with store.transaction() as c:
        for _ in range(n):
            c.execute("INSERT INTO reviews(card_id, at, rating, correct, state_before, prev) "
                      "VALUES (?, 0, 3, 1, 0, '{}')", (ids["q0"],))


def killed_with_wal(data) -> tuple[int, int]:
    """A database whose last process was killed: 2 answers in the file, 4 more only in its WAL; a backup
    with 2. Returns (answers now, answers in the backup)."""
    with Store.open(data, clock=lambda: NOW, backup=False) as store:
        answer(store, 2)
    with Store.open(data, clock=lambda: NOW) as store:  # today's backup: 2 answers
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        answer(store, 4)
        snap = {s: (data / f"quiz.db{s}").read_bytes() for s in ("", "-wal", "-shm")}
    for s, raw in snap.items():  # the files as a SIGKILL leaves them: WAL and SHM beside the database
        (data / f"quiz.db{s}").write_bytes(raw)
    assert (data / "quiz.db-wal").stat().st_size > 0
    return 6, 2


class Crash(BaseException):
    """The process dies here."""


def crash_at(monkeypatch, step: int) -> None:
    """Make the `step`th rename or unlink of the restore the moment the process dies."""
    calls = {"n": 0}
    real_replace, real_unlink = os.replace, os.unlink

    def counted(real):
        def call(*a, **k):
            calls["n"] += 1
            if calls["n"] == step:
                raise Crash()
            return real(*a, **k)
        return call

    monkeypatch.setattr(lock.os, "replace", counted(real_replace))
    monkeypatch.setattr(lock.os, "unlink", counted(real_unlink))


# the steps: 2 unlinks of an old copy, the intent's rename, WAL, SHM and database aside, the copy in place,
# the intent removed (9: never reached, the restore completes)
@pytest.mark.parametrize("step", range(1, 10))
def test_a_restore_killed_at_any_step_leaves_one_consistent_database(tmp_path, monkeypatch, step):
    data = tmp_path / "d"
    now, then = killed_with_wal(data)
    candidate = backup.newest_good(data)
    crash_at(monkeypatch, step)
    try:
        backup.restore(data, candidate, "t")
        finished = True
    except Crash:
        finished = False
    monkeypatch.undo()
    with Store.open(data, clock=lambda: NOW, backup=False) as store:  # the next open
        got = store.review_count()
    assert got in (now, then), (step, got)
    leftovers = {p.name for p in data.iterdir()} & {"quiz.db.restore-new", "quiz.db.restore-intent"}
    assert not leftovers
    if got == then:  # restored: the old database and its WAL are kept, together, and still say 6
        kept = data / "quiz.db.damaged-t"
        assert (data / "quiz.db.damaged-t-wal").exists()
        assert reviews(kept) == now
    assert finished == (step == 9)


def test_a_crash_before_the_intent_leaves_the_old_database(tmp_path, monkeypatch):
    data = tmp_path / "d"
    now, _ = killed_with_wal(data)
    crash_at(monkeypatch, 3)  # the intent's rename (after two unlinks of an old copy): the copy made, nothing moved
    with pytest.raises(Crash):
        backup.restore(data, backup.newest_good(data), "t")
    monkeypatch.undo()
    assert (data / "quiz.db.restore-new").exists() and not (data / "quiz.db.restore-intent").exists()
    with Store.open(data, clock=lambda: NOW, backup=False) as store:
        assert store.review_count() == now
    assert not (data / "quiz.db.restore-new").exists()  # the unused copy is cleaned up


def test_a_missing_database_after_a_crash_is_the_restored_one_not_a_new_empty_file(tmp_path, monkeypatch):
    data = tmp_path / "d"
    _, then = killed_with_wal(data)
    crash_at(monkeypatch, 7)  # WAL, SHM and the database moved aside; the copy not yet in place
    with pytest.raises(Crash):
        backup.restore(data, backup.newest_good(data), "t")
    monkeypatch.undo()
    assert not (data / "quiz.db").exists()
    with Store.open(data, clock=lambda: NOW) as store:  # must not create an empty database
        assert store.review_count() == then


def test_restore_refuses_while_the_database_is_open_and_an_open_waits_for_a_restore(tmp_path):
    data = tmp_path / "d"
    killed_with_wal(data)
    with Store.open(data, clock=lambda: NOW, backup=False):
        with pytest.raises(lock.Busy):
            backup.restore(data, backup.newest_good(data), "t")
    with lock.exclusive(data / "quiz.db"):  # a restore in progress: an open waits, then gives up clearly
        with pytest.raises(lock.Busy):
            lock.hold_shared(data / "quiz.db", wait=0.05)
        with pytest.raises(StoreError, match="being restored"):
            Store.open(data, clock=lambda: NOW)


def test_two_sessions_share_the_lock(tmp_path):
    data = tmp_path / "d"
    with Store.open(data, clock=lambda: NOW) as a, Store.open(data, clock=lambda: NOW) as b:
        answer(a, 1)
        answer(b, 1)
        assert a.review_count() == 2


def test_a_foreign_sqlite_file_named_quiz_db_is_refused_untouched(tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    conn = sqlite3.connect(data / "quiz.db")
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos(name) VALUES ('cat')")
    conn.commit()
    conn.close()
    before = (data / "quiz.db").read_bytes()
    with pytest.raises(NotAQuizDatabase, match="not a quiz database .*photos"):
        Store.open(data, clock=lambda: NOW)
    assert (data / "quiz.db").read_bytes() == before


def test_an_empty_quiz_db_is_made_a_quiz_database(tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    (data / "quiz.db").write_bytes(b"")
    with Store.open(data, clock=lambda: NOW) as store:
        assert store.review_count() == 0


def test_the_kept_copy_keeps_its_wal(tmp_path):
    data = tmp_path / "d"
    now, then = killed_with_wal(data)
    aside = backup.restore(data, backup.newest_good(data), "t")
    assert aside is not None and reviews(data / "quiz.db") == then
    copy = tmp_path / "copy"
    copy.mkdir()
    for s in ("", "-wal"):
        shutil.copy(str(aside) + s, copy / f"quiz.db{s}")
    assert reviews(copy / "quiz.db") == now  # opened with its WAL, the kept file has every answer


@pytest.mark.parametrize("step", range(4, 9))   # killed after the intent, with the WAL, SHM or file moved
def test_reading_a_saved_setting_first_finishes_a_killed_restore(tmp_path, monkeypatch, step):
    """`quiz --lang` reads the saved language before any command runs: it takes the lock like every
    open, so it never gives the old database a stray WAL (or reads it without its own)."""
    from quiz.core.store.store import saved_setting

    data = tmp_path / "d"
    now, _then = killed_with_wal(data)
    with Store.open(data, clock=lambda: NOW, backup=False) as store:
        store.set_setting("lang", "zh")
    candidate = backup.newest_good(data)
    crash_at(monkeypatch, step)
    try:
        backup.restore(data, candidate, "t")
    except Crash:
        pass
    monkeypatch.undo()
    had_file = (data / "quiz.db").is_file()
    saved_setting(data, "lang")
    names = {p.name for p in data.iterdir()}
    if had_file:   # it read quiz.db: only after it finished the restore
        assert not names & {"quiz.db.restore-new", "quiz.db.restore-intent"}
    assert not [n for n in names if n.endswith((".2", "-wal.2", "-shm.2"))]
    with Store.open(data, clock=lambda: NOW, backup=False):
        pass   # the next open finishes what is left
    assert reviews(data / "quiz.db.damaged-t") == now   # the old database with its own WAL, together
