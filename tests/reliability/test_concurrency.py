"""Concurrency: N `quiz study --plain` processes answering on one data dir at once. Every acknowledged
answer is stored, none crashes, no `database is locked` (or busy) reaches the user."""
from __future__ import annotations

import subprocess

import pytest
from support.reliability import acknowledged, db_figures, env, quiz_cmd, write_fill_bank


def run_together(tmp_path, processes: int, answers: int, figures, promise: str) -> None:
    bank = write_fill_bank(tmp_path / "bank.yaml", processes * answers + 50, answer=lambda i: "对的")
    data = tmp_path / "data"
    procs = [subprocess.Popen(quiz_cmd("study", bank, "--plain", "--new", "100000", "--data-dir", data),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())
             for _ in range(processes)]
    outs = []
    # feed everyone before reading anyone, so the processes really overlap
    import threading

    def talk(i, p):
        text = "".join(("对的\n" if (k + i) % 3 else "错的\n") for k in range(answers)).encode()
        outs.append((p, *p.communicate(text, timeout=600)))

    threads = [threading.Thread(target=talk, args=(i, p)) for i, p in enumerate(procs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ack = failures = 0
    problems = []
    for p, out, err in outs:
        shown = (out + err).decode("utf-8", "replace")
        n = acknowledged(out)
        ack += n
        if p.returncode != 0 or n != answers or any(w in shown for w in ("locked", "busy", "Traceback")):
            failures += 1
            problems.append((p.returncode, n, err.decode("utf-8", "replace")[-800:]))
    f = db_figures(data / "quiz.db")
    lost = max(0, ack - f["reviews"])
    failures += (not f["ok"]) + (f["answered"] != f["reviews"])
    figures.add(promise, trials=processes * answers, lost=lost, failures=failures,
                note=f"{processes} processes × {answers} answers; {f['reviews']} stored; integrity "
                     f"{'ok' if f['ok'] else f['integrity']}")
    assert not problems, problems[:2]
    assert f["ok"], f
    assert f["reviews"] == ack == processes * answers


def test_two_processes(tmp_path, figures):
    run_together(tmp_path, 2, 40, figures, "concurrency-2")


@pytest.mark.slow
def test_two_processes_500_answers_each(tmp_path, figures):
    run_together(tmp_path, 2, 500, figures, "concurrency-2")


@pytest.mark.slow
def test_four_processes_500_answers_each(tmp_path, figures):
    run_together(tmp_path, 4, 500, figures, "concurrency-4")
