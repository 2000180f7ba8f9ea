"""Two processes answering on the same data dir: every answer stored, no `database is locked`."""
import os
import sqlite3
import subprocess
import sys

import pytest


def write_bank(path, n=600):
    lines = ["bank:", "  id: conc", "  title: C", "questions:"]
    for i in range(n):
        lines += [f"  - id: q{i}", "    type: fill", f"    prompt: 题{i}", "    answer: 对的"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_pair(tmp_path, answers, rounds):
    bank = tmp_path / "bank.yaml"
    write_bank(bank, n=2 * answers * rounds + 50)  # enough new cards never to run out
    data = tmp_path / "data"
    acknowledged = 0
    for r in range(rounds):
        procs = [subprocess.Popen([sys.executable, "-m", "quiz", "study", str(bank), "--plain", "--new", "1000",
                                   "--data-dir", str(data)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for _ in range(2)]
        text = "".join(("对的\n" if (i + r) % 3 else "错的\n") for i in range(answers)).encode()
        outs = [p.communicate(text, timeout=120) for p in procs]
        for p, (out, err) in zip(procs, outs):
            err = err.decode()
            assert p.returncode == 0, err
            assert "locked" not in err and "busy" not in err and "Traceback" not in err, err
            acknowledged += sum(line.startswith(("✓", "✗")) for line in out.decode().splitlines())
    conn = sqlite3.connect(data / "quiz.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == acknowledged
    assert acknowledged == 2 * answers * rounds
    conn.close()


def test_two_processes_same_data_dir(tmp_path):
    run_pair(tmp_path, answers=25, rounds=1)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("QUIZ_RELIABILITY"), reason="long run: make reliability")
def test_two_processes_same_data_dir_long(tmp_path):
    run_pair(tmp_path, answers=200, rounds=5)
