import json
import os
import sqlite3
import stat
import sys
from dataclasses import replace

import pytest

from quiz.core.scheduler import CardState, Scheduler, to_ms
from quiz.core.store import DatabaseDamaged, DiskFull, NewerDatabase, NotWritable, Review, SessionRow, Store
from quiz.core.store import db as dbmod
from quiz.core.store.schema import SCHEMA_VERSION


def _row(n=1):
    return SessionRow(mode="study", banks=("b1",), started=0, ended=0, answered=n, correct=n, points=10 * n,
                      best_streak=n)


def _answer(store, clock, card_id, rating=3, sid=None):
    before = store.card(card_id).st
    after = Scheduler(fuzz=False).review(card_id, before, rating, clock())
    return store.record(Review(card_id, to_ms(clock()), rating, rating > 1, 1500), before, after, sid, _row())


def test_import_and_read_only_open_create_nothing(tmp_path, clock):
    target = tmp_path / "data"
    import quiz.core.store  # noqa: F401
    store = Store.open(target, clock=clock, create=False)
    assert store.counts(["b1"]).new == 0
    store.close()
    assert not target.exists()


def test_first_open_creates_private_dir_and_file(tmp_path, clock, make_bank):
    target = tmp_path / "a" / "data"
    with Store.open(target, clock=clock) as store:
        store.sync_bank(make_bank())
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert stat.S_IMODE((target / "quiz.db").stat().st_mode) == 0o600
    conn = sqlite3.connect(target / "quiz.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_history_keyed_by_bank_and_question_id(tmp_path, clock, make_bank):
    bank = make_bank(3)
    with Store.open(tmp_path, clock=clock) as store:
        ids = store.sync_bank(bank)
        _answer(store, clock, ids["q1"])
        # edited text: same card, history kept
        edited = replace(bank, questions=(bank.questions[0], replace(bank.questions[1], prompt="改过的"),
                                          bank.questions[2]))
        assert store.sync_bank(edited) == ids
        assert store.card(ids["q1"]).st.reps == 1
        # removed: history kept, no longer scheduled or counted
        removed = replace(bank, questions=(bank.questions[0], bank.questions[2]))
        store.sync_bank(removed)
        assert store.card(ids["q1"]).st.reps == 1
        assert store.counts(["b1"]).new == 2
        assert store.next_new(["b1"]) == ids["q0"]
        clock.advance(days=30)
        assert store.next_review(["b1"], store.day()[1]) is None
        # a new question is a new card; the same question id in another bank is another card
        added = replace(bank, questions=bank.questions + (replace(bank.questions[0], id="q9"),))
        ids2 = store.sync_bank(added)
        assert ids2["q1"] == ids["q1"] and ids2["q9"] not in ids.values()
        assert store.card(ids["q1"]).st.reps == 1  # came back with its history
        other = store.sync_bank(make_bank(3, bank_id="b2"))
        assert set(other.values()).isdisjoint(ids2.values())
        assert store.review_count() == 1


def test_record_and_undo_restore_exactly(tmp_path, clock, make_bank):
    with Store.open(tmp_path, clock=clock) as store:
        ids = store.sync_bank(make_bank(2))
        cid = ids["q0"]
        rid1, sid = _answer(store, clock, cid, 3)
        clock.advance(minutes=15)
        before = store.card(cid).st
        rid2, _ = _answer(store, clock, cid, 1, sid)
        assert store.card(cid).st != before
        store.undo(rid2)
        assert store.card(cid).st == before
        assert store.review_count() == 1
        assert store.query("SELECT count(*) FROM reviews WHERE id = ?", (rid2,))[0][0] == 0
        assert store.query("SELECT answered FROM sessions WHERE id = ?", (sid,))[0][0] == 1


def test_queue_queries_use_indexes(tmp_path, clock, make_bank):
    with Store.open(tmp_path, clock=clock) as store:
        store.sync_bank(make_bank(3))
        for sql in ("SELECT id, due FROM cards WHERE bank_id = 'b1' AND state = 2 AND due < 5 AND active = 1 "
                    "AND suspended = 0 ORDER BY due LIMIT 1",
                    "SELECT id, position FROM cards WHERE bank_id = 'b1' AND state = 0 AND active = 1 "
                    "AND suspended = 0 ORDER BY position LIMIT 1"):
            plan = " ".join(r[-1] for r in store.query("EXPLAIN QUERY PLAN " + sql))
            assert "USING INDEX" in plan and "TEMP B-TREE" not in plan, plan


def test_every_answer_names_its_bank(tmp_path, clock, make_bank):
    """Answers carry their bank (v4): written by the store, or by any INSERT that leaves it out (the
    trigger), and a bank's statistics read that bank's index range, not every answer of the period."""
    with Store.open(tmp_path, clock=clock) as store:
        store.sync_bank(make_bank(2))
        cid = store.query("SELECT id FROM cards ORDER BY id")[0][0]
        _answer(store, clock, cid, 3)
        store.conn.execute("INSERT INTO reviews(card_id, at, rating, correct, state_before, prev) "
                           "VALUES (?, 11, 1, 0, 2, '{}')", (cid,))
        assert store.query("SELECT bank_id FROM reviews ORDER BY id") == [("b1",), ("b1",)]
        for sql in ("SELECT min(at) FROM reviews WHERE at >= 0 AND bank_id IN ('b1')",
                    "SELECT sum(correct), count(*) FROM reviews WHERE at >= 0 AND state_before = 2 "
                    "AND bank_id IN ('b1')"):
            plan = " ".join(r[-1] for r in store.query("EXPLAIN QUERY PLAN " + sql))
            assert "reviews_bank" in plan, plan


@pytest.mark.parametrize("old_version", range(1, SCHEMA_VERSION))
def test_migration_from_previous_version_keeps_everything(tmp_path, clock, old_version):
    path = tmp_path / "quiz.db"
    conn = sqlite3.connect(path, isolation_level=None)
    dbmod.migrate_to(conn, old_version)
    conn.execute("INSERT INTO cards(id, bank_id, question_id, created, state, stability, difficulty, due, "
                 "last_review, reps, lapses, last_correct, last_answer) "
                 "VALUES (5, 'b1', 'q0', 1, 2, 3.5, 4.25, 99, 10, 2, 0, 1, 10)")
    conn.execute("INSERT INTO sessions(id, started, ended, mode, banks, answered) VALUES (1, 1, 2, 'study', '[]', 1)")
    prev = json.dumps(CardState().to_dict())
    conn.execute("INSERT INTO reviews(card_id, session_id, at, rating, correct, elapsed_ms, state_before, prev) "
                 "VALUES (5, 1, 10, 3, 1, 2000, 0, ?)", (prev,))
    conn.close()
    with Store.open(tmp_path, clock=clock, backup=False) as store:
        assert store.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
        card = store.card(5)
        assert (card.bank_id, card.question_id, card.st.stability, card.st.difficulty, card.st.reps) == \
            ("b1", "q0", 3.5, 4.25, 2)
        assert store.query("SELECT card_id, rating, elapsed_ms, scheduled FROM reviews") == [(5, 3, 2000, 1)]
        assert store.query("SELECT bank_id FROM reviews") == [("b1",)]  # v4: from the answer's card
        assert store.query("SELECT answered FROM sessions") == [(1,)]
        rid = store.query("SELECT id FROM reviews")[0][0]
        store.undo(rid)
        assert store.card(5).st == CardState()


def test_newer_database_is_refused_untouched(tmp_path, clock, make_bank):
    with Store.open(tmp_path, clock=clock) as store:
        store.sync_bank(make_bank(2))
    conn = sqlite3.connect(tmp_path / "quiz.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(NewerDatabase, match="newer version"):
        Store.open(tmp_path, clock=clock)
    conn = sqlite3.connect(tmp_path / "quiz.db")
    assert conn.execute("SELECT count(*) FROM cards").fetchone()[0] == 2


def test_corrupt_database_is_reported_and_kept(tmp_path, clock):
    (tmp_path / "quiz.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseDamaged, match="quiz doctor"):
        Store.open(tmp_path, clock=clock)
    assert (tmp_path / "quiz.db").read_bytes() == b"this is not sqlite" * 100


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_dir(tmp_path, clock):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(NotWritable):
            Store.open(ro, clock=clock)
    finally:
        ro.chmod(0o700)


def test_read_only_database_file(tmp_path, clock, make_bank):
    """The file-level equivalent that also holds for root: a read-only open must not write."""
    with Store.open(tmp_path, clock=clock) as store:
        ids = store.sync_bank(make_bank(2))
        _answer(store, clock, ids["q0"])
    conn = sqlite3.connect(f"file:{tmp_path / 'quiz.db'}?mode=ro", uri=True, isolation_level=None)
    store = Store(conn, tmp_path / "quiz.db", clock=clock)
    before = store.card(ids["q1"]).st
    with pytest.raises(NotWritable, match="cannot write"):
        _answer(store, clock, ids["q1"])
    store.close()
    with Store.open(tmp_path, clock=clock) as store:
        assert store.card(ids["q1"]).st == before and store.review_count() == 1


def test_disk_full_loses_nothing(tmp_path, clock, make_bank):
    with Store.open(tmp_path, clock=clock) as store:
        ids = store.sync_bank(make_bank(200))
        _answer(store, clock, ids["q0"])
        pages = store.query("PRAGMA page_count")[0][0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now "full"
        with pytest.raises(DiskFull, match="disk is full"):
            for i in range(1, 200):
                _answer(store, clock, ids[f"q{i}"])
        stored = store.review_count()
    with Store.open(tmp_path, clock=clock) as store:
        assert store.review_count() == stored >= 1
        assert store.query("PRAGMA integrity_check")[0][0] == "ok"
        assert store.card(ids["q0"]).st.reps == 1


def test_settings_round_trip_and_scheduler_uses_parameters(tmp_path, clock):
    with Store.open(tmp_path, clock=clock) as store:
        assert store.scheduler().parameters[0] == pytest.approx(0.212)
        params = list(store.scheduler().parameters)
        params[0] = 0.5
        store.set_setting("fsrs_parameters", params)
        store.set_setting("desired_retention", 0.85)
    with Store.open(tmp_path, clock=clock) as store:
        s = store.scheduler()
        assert s.parameters[0] == 0.5 and s.desired_retention == 0.85
