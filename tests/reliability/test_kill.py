"""Crash: SIGKILL real `quiz study` processes at random moments. Every answer acknowledged on screen
(plain mode: a ✓/✗ line; the app: its feedback panel) must be in the database afterwards, and the
database must pass integrity_check after every kill."""
from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest
from support.reliability import ROOT, Tmux, acknowledged, db_figures, env, quiz_cmd, write_fill_bank

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


def startup_seconds(bank, data) -> float:
    """How long a session takes here to start and answer once (on a busy machine: longer); the
    kills are spread over start-up and the two seconds after it."""
    t0 = time.monotonic()
    subprocess.run(quiz_cmd("study", bank, "--plain", "--new", "100000", "--count", "1", "--data-dir", data),
                   input=b"\n", capture_output=True, env=env(), timeout=300)
    return time.monotonic() - t0


def kill_plain_once(bank, data, rng, startup: float = 0.0) -> dict:
    """One trial: start a session fed with answers, SIGKILL it after a random delay."""
    proc = subprocess.Popen(quiz_cmd("study", bank, "--plain", "--new", "100000", "--data-dir", data),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())
    answers = "".join(rng.choice(["答0\n", "答1\n", "\n", "答2\n"]) for _ in range(6000)).encode()
    out: list[bytes] = []
    err: list[bytes] = []

    def feed():
        try:
            proc.stdin.write(answers)
            proc.stdin.close()
        except OSError:
            pass

    readers = [threading.Thread(target=lambda: out.append(proc.stdout.read()), daemon=True),
               threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True),
               threading.Thread(target=feed, daemon=True)]
    for t in readers:
        t.start()
    # any moment from start-up (opening, migrating, backing up, syncing the bank) to mid-session
    time.sleep(rng.uniform(0.05, startup + 2.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    for t in readers[:2]:
        t.join(timeout=30)
    stderr = b"".join(err).decode("utf-8", "replace")
    return {"ack": acknowledged(b"".join(out)), "traceback": "Traceback" in stderr, "stderr": stderr,
            "killed": proc.returncode == -signal.SIGKILL}


def kill_plain(tmp_path, trials: int, seed: int, figures) -> None:
    bank = write_fill_bank(tmp_path / "bank.yaml", trials * 400 + 2000)
    data = tmp_path / "data"
    rng = random.Random(seed)
    lost = failures = mid_session = unshown = killed = 0
    startup = startup_seconds(bank, tmp_path / "timing")  # its own data dir: the trials start from nothing
    stored_before = 0
    problems = []
    for i in range(trials):
        r = kill_plain_once(bank, data, rng, startup)
        killed += r["killed"]
        if not (data / "quiz.db").exists():
            lost += r["ack"]
            continue
        f = db_figures(data / "quiz.db")
        new = f["reviews"] - stored_before
        stored_before = f["reviews"]
        lost += max(0, r["ack"] - new)
        unshown += max(0, new - r["ack"])
        mid_session += r["ack"] > 0
        bad = (not f["ok"]) or r["traceback"] or f["answered"] != f["reviews"] or new - r["ack"] > 1
        if bad:
            failures += 1
            problems.append((i, r["ack"], new, f, r["stderr"][-500:]))
    figures.add("crash-plain", trials=trials, lost=lost, failures=failures,
                note=f"{stored_before} answers stored; {killed} killed running, {mid_session} of them mid-session; "
                     f"{unshown} committed but killed before shown (≤1 per kill)")
    assert lost == 0 and failures == 0, problems[:3]
    assert mid_session >= trials // 2 and killed == trials, "the kills must land in the middle of sessions"


def test_kill_plain_at_random_moments(tmp_path, figures):
    kill_plain(tmp_path, trials=5, seed=1, figures=figures)


@pytest.mark.slow
def test_kill_plain_at_random_moments_long(tmp_path, figures):
    kill_plain(tmp_path, trials=60, seed=2, figures=figures)


# ---- the Textual app in a real terminal -----------------------------------------------------------------

def _question_number(screen: str) -> int | None:
    import re
    m = re.search(r"第 (\d+)/\d+ 题", screen)
    return int(m.group(1)) if m else None


def kill_tui_once(bank, data, rng) -> dict:
    e = env(QUIZ_DATA_DIR=str(data), LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8", TERM="xterm-256color")
    tmux = Tmux(quiz_cmd("study", bank, "--new", "100000"), cwd=ROOT, environ=e)
    ack = 0
    try:
        tmux.wait_for("第 ", timeout=30)
        answers = rng.randint(0, 6)
        for _ in range(answers):
            tmux.keys(rng.choice(["答0", "答1", "答2"]), literal=True)
            tmux.keys("Enter")
            tmux.wait_for(lambda s: "✓ 正确" in s or "✗ 错误" in s)
            ack += 1
            tmux.keys("Enter")  # go on
            tmux.wait_for(lambda s: "✓ 正确" not in s and "✗ 错误" not in s)
        # the last answer: kill while it is being stored or shown
        tmux.keys(rng.choice(["答0", "答1"]), literal=True)
        tmux.keys("Enter", pause=0)
        time.sleep(rng.uniform(0.0, 0.3))
        pid = tmux.pid()
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            assert b"quiz" in f.read(), "the pane runs quiz itself (SIGKILL reaches the app, not a shell)"
        os.kill(pid, signal.SIGKILL)
        screen = tmux.screen()
        if "✓ 正确" in screen or "✗ 错误" in screen:
            ack += 1
    finally:
        tmux.kill()
    return {"ack": ack}


def kill_tui(tmp_path, trials: int, seed: int, figures) -> None:
    bank = write_fill_bank(tmp_path / "bank.yaml", 500)
    data = tmp_path / "data"
    rng = random.Random(seed)
    lost = failures = 0
    stored_before = 0
    problems = []
    for i in range(trials):
        r = kill_tui_once(bank, data, rng)
        f = db_figures(data / "quiz.db")
        new = f["reviews"] - stored_before
        stored_before = f["reviews"]
        lost += max(0, r["ack"] - new)
        if not f["ok"] or f["answered"] != f["reviews"] or new - r["ack"] > 1:
            failures += 1
            problems.append((i, r, new, f))
    figures.add("crash-tui", trials=trials, lost=lost, failures=failures, note=f"{stored_before} answers stored")
    assert lost == 0 and failures == 0, problems[:3]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_kill_app_in_tmux_at_random_moments(tmp_path, figures):
    kill_tui(tmp_path, trials=int(os.environ.get("QUIZ_TUI_TRIALS", 10)), seed=3, figures=figures)


# ---- `quiz doctor --restore` ------------------------------------------------------------------------------

# Renames are microseconds apart: to land kills between them too, half the trials run the real command
# in a process whose renames each take 20 ms (the code is the same; only os.replace is slowed).
SLOW_RENAMES = ("import os, sys, time\n"
                "real = os.replace\n"
                "def slow(*a, **k):\n"
                "    time.sleep(0.02)\n"
                "    return real(*a, **k)\n"
                "os.replace = slow\n"
                "from quiz.cli import main\n"
                "sys.exit(main(sys.argv[1:]))\n")


def restore_template(folder) -> tuple[int, int]:
    """A data dir as a SIGKILL leaves it: the database, its WAL and SHM (answers only in the WAL), and a
    backup with fewer answers. Returns (answers now, answers in the backup)."""
    import sqlite3
    from datetime import UTC, datetime

    from quiz.core.model import Bank, Question
    from quiz.core.store import Store

    bank = Bank(id="b", title="B", questions=(Question(id="q", type="fill", prompt="p", answers=("x",)),))
    prev = '{"pad": "' + "x" * 200 + '"}'

    def add(store, n):
        cid = store.sync_bank(bank)["q"]
        with store.transaction() as c:
            c.executemany("INSERT INTO reviews(card_id, at, rating, correct, state_before, prev) "
                          "VALUES (?, 0, 3, 1, 0, ?)", [(cid, prev)] * n)

    now = lambda: datetime(2025, 3, 1, 12, tzinfo=UTC)  # noqa: E731
    with Store.open(folder, clock=now, backup=False) as store:
        add(store, 20000)
    with Store.open(folder, clock=now) as store:  # today's backup: 20000 answers
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        add(store, 3000)
        snap = {s: (folder / f"quiz.db{s}").read_bytes() for s in ("", "-wal", "-shm")}
    for s, raw in snap.items():
        (folder / f"quiz.db{s}").write_bytes(raw)
    conn = sqlite3.connect(folder / "backups" / "quiz-2025-03-01.db")
    then = conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
    conn.close()
    return 23000, then


def restore_cmd(folder, slow: bool) -> list[str]:
    args = ["doctor", "--restore", "--yes", "--data-dir", str(folder)]
    return [sys.executable, "-c", SLOW_RENAMES, *args] if slow else quiz_cmd(*args)


def restore_seconds(template, folder, slow: bool) -> float:
    """How long a whole restore of the template takes here (the kills aim at its second half)."""
    shutil.copytree(template, folder)
    t0 = time.monotonic()
    subprocess.run(restore_cmd(folder, slow), capture_output=True, env=env(), check=True)
    return time.monotonic() - t0


def kill_restore_once(template, folder, rng, slow: bool, seconds: float) -> str:
    """Copy the template, start a restore, SIGKILL it at a random moment; the phase it was killed in."""
    shutil.copytree(template, folder)
    proc = subprocess.Popen(restore_cmd(folder, slow), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env())
    time.sleep(rng.uniform(0.4, 1.05) * seconds)  # start-up and the integrity checks come first
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    names = {p.name for p in folder.iterdir()}
    if proc.returncode == 0:
        return "finished"
    if "quiz.db.restore-intent" in names:
        return "mid-swap"
    if "quiz.db.restore-new" in names:
        return "copying"
    return "finished" if any(n.startswith("quiz.db.damaged-") for n in names) else "before"


def kill_restore(tmp_path, trials: int, seed: int, figures) -> None:
    from support.reliability import db_figures

    template = tmp_path / "template"
    now, then = restore_template(template)
    rng = random.Random(seed)
    seconds = {slow: restore_seconds(template, tmp_path / f"timed-{slow}", slow) for slow in (False, True)}
    phases: dict[str, int] = {}
    lost = failures = 0
    problems = []
    for i in range(trials):
        folder = tmp_path / f"t{i}"
        slow = i % 2 == 1
        phase = kill_restore_once(template, folder, rng, slow, seconds[slow])
        phases[phase] = phases.get(phase, 0) + 1
        r = subprocess.run(quiz_cmd("doctor", "--data-dir", folder), capture_output=True, text=True, env=env())
        f = db_figures(folder / "quiz.db")
        # the database moved aside (quiz.db.damaged-STAMP or .2, .3 …), not its -wal and -shm (nor the
        # -shm.2 of a second move beside it)
        kept = [p for p in folder.glob("quiz.db.damaged-*") if re.fullmatch(r"quiz\.db\.damaged-[\d-]+(\.\d+)?", p.name)]
        stray = [n for n in {p.name for p in folder.iterdir()} if re.search(r"-(wal|shm)\.\d+$", n)]
        if stray:   # an open that did not finish the restore first gave the old database a second WAL
            problems.append((i, phase, "stray", stray))
            failures += 1
        aside = db_figures(kept[0])["reviews"] if kept else None  # opened with its own WAL beside it
        left = {p.name for p in folder.iterdir()} & {"quiz.db.restore-new", "quiz.db.restore-intent"}
        ok = f["ok"] and r.returncode == 0 and "Traceback" not in r.stderr and not left and (
            f["reviews"] == now or (f["reviews"] == then and aside == now))
        if f["reviews"] not in (now, then) or (f["reviews"] == then and aside != now):
            lost += 1
        if not ok:
            failures += 1
            problems.append((i, phase, f, aside, left, r.stdout[-300:], r.stderr[-300:]))
    shown = ", ".join(f"{n} {k}" for k, n in sorted(phases.items()))
    figures.add("crash-restore", trials=trials, lost=lost, failures=failures,
                note=f"{now} answers (3000 only in a WAL a kill left), backup {then}: killed {shown}; after "
                     "each, `quiz doctor` found one consistent database: the old one with its WAL, or the "
                     "backup with the old one (and its WAL) kept beside it")
    assert lost == 0 and failures == 0, problems[:3]


def test_kill_restore_at_random_moments(tmp_path, figures):
    kill_restore(tmp_path, trials=6, seed=4, figures=figures)


@pytest.mark.slow
def test_kill_restore_at_random_moments_long(tmp_path, figures):
    kill_restore(tmp_path, trials=60, seed=5, figures=figures)
