"""Faults: a read-only data dir, a full disk, a damaged/truncated/newer database, a bank deleted while in
use, question ids that changed. Each gives a clear `quiz: ...` message (never a traceback), a non-zero
exit where the command cannot go on, loses nothing already stored, and `quiz doctor` repairs what it can."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess

import pytest
from support.reliability import acknowledged, db_figures, env, quiz_cmd, run_quiz, write_fill_bank

ANSWERS = "".join(f"答{i}\n" for i in range(400))


def _clean_failure(r, *words: str) -> None:
    assert r.returncode != 0, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr
    assert r.stderr.startswith("quiz: ") or "\nquiz: " in r.stderr, r.stderr
    for w in words:
        assert w in r.stderr, r.stderr


def study(bank, data, answers: str = "答0\n答1\n错\n", *extra):
    return run_quiz("study", bank, "--plain", "--new", "1000", "--data-dir", data, *extra, input=answers)


def _reviews(data) -> int:
    return db_figures(data / "quiz.db")["reviews"]


@pytest.fixture
def bank(tmp_path):
    return write_fill_bank(tmp_path / "bank.yaml", 400, answer=lambda i: f"答{i}")


@pytest.fixture
def tmpfs(tmp_path):
    """A 1 MB tmpfs (root only); unmounted afterwards."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({r.stderr.decode().strip()}): needs root")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


# ---- read-only data dir ------------------------------------------------------------------------------

def test_read_only_mount(bank, tmpfs, figures):
    data = tmpfs / "data"
    assert study(bank, data).returncode == 0
    before = _reviews(data)
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    try:
        r = study(bank, data)
        _clean_failure(r, "cannot write")
        doc = run_quiz("doctor", "--data-dir", data)
        assert "integrity: ok" in doc.stdout and "read-only" in doc.stdout, doc.stdout + doc.stderr
        assert doc.returncode != 0 and "Traceback" not in doc.stderr
        st = run_quiz("stats", "--json", "--data-dir", data)  # reading still works
        assert st.returncode == 0, st.stderr
        assert json.loads(st.stdout)["reviews"] == before
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tmpfs)], check=True)
    assert _reviews(data) == before == 3
    figures.add("fault-readonly", trials=1, note="read-only tmpfs mount: study exits 1 with `cannot write`; "
                "doctor reads it (immutable) and says read-only")


def test_data_dir_is_a_file(bank, tmp_path, figures):
    where = tmp_path / "afile"
    where.write_text("not a folder")
    r = study(bank, where)
    _clean_failure(r, "is a file, not a folder")
    figures.add("fault-readonly", trials=1, note="a file where the data dir should be: exit 1, clear message")


def _others_can_run_quiz() -> bool:
    """Can another user (nobody) run this checkout's quiz? Not when the clone or its venv sits inside
    a folder only its owner may enter (a `mktemp -d` folder is 0700)."""
    import stat
    import sys
    from pathlib import Path

    import quiz

    for target in (Path(sys.executable), Path(quiz.__file__)):
        for folder in [target.parent, *target.parent.parents]:
            try:
                if not folder.stat().st_mode & stat.S_IXOTH:
                    return False
            except OSError:
                return False
    return True


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None, reason="needs root and setpriv")
def test_data_dir_of_another_user(bank, tmp_path, figures):
    if not _others_can_run_quiz():
        pytest.skip("this checkout or its venv is inside a folder other users cannot enter (e.g. mktemp -d): "
                    "user nobody could not even start quiz")
    data = tmp_path / "data"
    assert study(bank, data).returncode == 0
    os.chmod(tmp_path, 0o755)
    os.chmod(bank, 0o644)
    r = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                        *quiz_cmd("study", bank, "--plain", "--data-dir", data)], input="答0\n",
                       capture_output=True, text=True, env=env(HOME="/tmp"), timeout=60)
    _clean_failure(r)
    assert _reviews(data) == 3
    figures.add("fault-readonly", trials=1, note="data dir of another user (setpriv nobody): exit 1, clear message")


# ---- full disk -------------------------------------------------------------------------------------------

def _fill(mnt, leave_kb: int) -> None:
    i = 0
    while True:
        try:
            with open(mnt / f"filler{i}", "wb") as f:
                f.write(b"\0" * 8192)
        except OSError:
            (mnt / f"filler{i}").unlink(missing_ok=True)
            break
        i += 1
    for j in range(i - 1, max(-1, i - 1 - leave_kb // 8), -1):
        (mnt / f"filler{j}").unlink()


@pytest.mark.parametrize("leave_kb", [0, 96])
def test_disk_full(bank, tmpfs, leave_kb, figures):
    data = tmpfs / "data"
    assert study(bank, data).returncode == 0
    _fill(tmpfs, leave_kb)
    r = study(bank, data, ANSWERS)
    _clean_failure(r, "disk is full")
    shown = acknowledged(r.stdout)
    for f in tmpfs.glob("filler*"):
        f.unlink()
    assert _reviews(data) == 3 + shown  # every answer shown as stored is stored; nothing older lost
    doc = run_quiz("doctor", "--data-dir", data)
    assert doc.returncode == 0 and "integrity: ok" in doc.stdout, doc.stdout + doc.stderr
    again = study(bank, data, "答5\n")
    assert again.returncode == 0, again.stderr
    figures.add("fault-diskfull", trials=1, lost=0,
                note=f"1 MB tmpfs, {leave_kb} KB left: {shown} answers stored before `the disk is full`, exit 1; "
                     "doctor ok after freeing space")


# ---- damaged, truncated, newer -------------------------------------------------------------------------

def _with_backup(bank, data):
    """Answers, then a second open (which makes today's backup), then more answers."""
    assert study(bank, data).returncode == 0
    assert study(bank, data, "答3\n答4\n").returncode == 0
    assert list((data / "backups").glob("quiz-*.db")), "the second open backs up the database"
    return _reviews(data)


@pytest.mark.parametrize("how", ["garbage", "truncated", "zeroed-header"])
def test_damaged_database_and_doctor_restore(bank, tmp_path, how, figures):
    data = tmp_path / "data"
    total = _with_backup(bank, data)
    db = data / "quiz.db"
    raw = bytearray(db.read_bytes())
    if how == "garbage":
        for off in range(4096, len(raw), 4096):
            raw[off:off + 4096] = os.urandom(4096)
    elif how == "truncated":
        raw = raw[: len(raw) // 3]
    else:
        raw[:100] = b"\0" * 100
    db.write_bytes(bytes(raw))
    for suffix in ("-wal", "-shm"):
        (data / f"quiz.db{suffix}").unlink(missing_ok=True)
    damaged = hashlib.sha256(db.read_bytes()).hexdigest()
    r = study(bank, data)
    _clean_failure(r)
    assert "damaged" in r.stderr or "doctor" in r.stderr, r.stderr
    doc = run_quiz("doctor", "--data-dir", data)
    assert doc.returncode != 0 and "FAILED" in doc.stdout and "Traceback" not in doc.stderr
    fix = run_quiz("doctor", "--restore", "--yes", "--data-dir", data)
    assert fix.returncode == 0, fix.stdout + fix.stderr
    kept = [p for p in data.glob("quiz.db.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert kept and hashlib.sha256(kept[0].read_bytes()).hexdigest() == damaged  # the damaged file is kept
    after = db_figures(db)
    assert after["ok"] and after["reviews"] == 3  # the backup holds every answer before today's second open
    assert study(bank, data, "答5\n").returncode == 0
    figures.add("fault-corrupt", trials=1, note=f"{how}: study exit 1 naming `quiz doctor`; doctor --restore put "
                f"back the backup ({after['reviews']} of {total} answers; the later ones stay in the kept file)")


def _wait_for(test, timeout: float = 30.0) -> None:
    import time
    deadline = time.monotonic() + timeout
    while not test():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_restore_refuses_while_a_session_runs_and_loses_nothing(bank, tmp_path, figures):
    data = tmp_path / "data"
    before = _with_backup(bank, data)
    proc = subprocess.Popen(quiz_cmd("study", bank, "--plain", "--new", "1000", "--data-dir", data),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())
    try:
        proc.stdin.write("答5\n答6\n".encode())
        proc.stdin.flush()
        _wait_for(lambda: _reviews(data) == before + 2)  # the session has answered and waits for more
        fix = run_quiz("doctor", "--restore", "--yes", "--data-dir", data)
        out, err = proc.communicate("答7\n答8\n".encode(), timeout=60)  # the session goes on after the refusal
    finally:
        if proc.poll() is None:
            proc.kill()
    _clean_failure(fix, "open in another quiz")
    assert not list(data.glob("quiz.db.damaged-*")), "nothing was moved aside"
    shown = acknowledged(out)
    assert proc.returncode == 0 and shown == 4, err.decode()
    assert _reviews(data) == before + shown  # every acknowledged answer is in the database
    after = run_quiz("doctor", "--restore", "--yes", "--data-dir", data)  # the session is over: now it may
    assert after.returncode == 0, after.stdout + after.stderr
    figures.add("fault-restore-running", trials=1, lost=0,
                note=f"doctor --restore --yes during a plain session: refused (exit 1, `open in another quiz`); "
                     f"the session's {shown} answers all stored; restore works once it ends")


def test_newer_database_untouched(bank, tmp_path, figures):
    data = tmp_path / "data"
    assert study(bank, data).returncode == 0
    conn = sqlite3.connect(data / "quiz.db")
    conn.execute("PRAGMA user_version = 99")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    digest = hashlib.sha256((data / "quiz.db").read_bytes()).hexdigest()
    r = study(bank, data)
    _clean_failure(r, "newer version")
    doc = run_quiz("doctor", "--data-dir", data)
    assert doc.returncode != 0 and "newer" in doc.stdout
    stats = run_quiz("stats", "--data-dir", data)
    assert stats.returncode != 0 and "Traceback" not in stats.stderr
    assert hashlib.sha256((data / "quiz.db").read_bytes()).hexdigest() == digest
    figures.add("fault-newer", trials=1, note="schema 99: study, stats, doctor exit 1 with `newer version`; "
                "the file is byte-for-byte unchanged")


# ---- banks that change under us ---------------------------------------------------------------------------

def test_bank_deleted_while_in_use(bank, tmp_path, figures):
    data = tmp_path / "data"
    p = subprocess.Popen(quiz_cmd("study", bank, "--plain", "--new", "1000", "--data-dir", data),
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())
    p.stdin.write("答0\n答1\n".encode())
    p.stdin.flush()
    seen = 0
    while seen < 2:
        line = p.stdout.readline().decode()
        assert line, p.stderr.read().decode()
        seen += line.startswith(("✓", "✗"))
    bank.unlink()
    out, err = p.communicate("答2\n错\n".encode(), timeout=60)
    err = err.decode()
    assert p.returncode == 0 and "Traceback" not in err, err
    shown = seen + acknowledged(out)
    assert shown == 4 and _reviews(data) == 4
    r = study(bank, data)
    _clean_failure(r, "no such file")
    assert _reviews(data) == 4
    figures.add("fault-bank-deleted", trials=1, note="deleted mid-session: the session goes on, 4/4 answers "
                "stored; starting again: `no such file`, exit 1")


def test_question_ids_changed(bank, tmp_path, figures):
    data = tmp_path / "data"
    assert study(bank, data).returncode == 0
    original = bank.read_text(encoding="utf-8")
    bank.write_text(original.replace("id: q", "id: new-q"), encoding="utf-8")
    r = study(bank, data, "答0\n")
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert _reviews(data) == 4
    bank.write_text(original, encoding="utf-8")
    r = study(bank, data, "q\n")
    assert r.returncode == 0, r.stderr
    conn = sqlite3.connect(data / "quiz.db")
    old = conn.execute("SELECT reps, active FROM cards WHERE question_id IN ('q0','q1','q2') ORDER BY id").fetchall()
    renamed = conn.execute("SELECT count(*) FROM cards WHERE question_id LIKE 'new-q%' AND active = 0").fetchone()[0]
    conn.close()
    assert old == [(1, 1), (1, 1), (1, 1)]  # history kept; active again when the ids come back
    assert renamed == 400  # the other ids' cards are kept, just not scheduled
    figures.add("fault-ids-changed", trials=1, note="renamed ids start as new cards; old cards and all "
                "4 answers kept; restoring the ids brings their history back")
