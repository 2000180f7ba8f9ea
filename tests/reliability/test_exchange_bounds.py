"""Imports and exports stay bounded (issue 12 #8, #10): a cloze note with many deletions is cut into
questions in time linear in what it makes, and one that would make a bank larger than a bank may be
is refused at its line before anything is made; exporting a question with 50,000 tags is linear.
Measured in a fresh subprocess (CPU seconds and peak RSS); the CPU bounds are asserted in
`make reliability` runs only (a shared machine is slow at times)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from support.reliability import run_quiz

RELIABILITY = bool(os.environ.get("QUIZ_RELIABILITY"))

MEASURE = r"""
import json, sys, time
def hwm_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
what, path = sys.argv[1], sys.argv[2]
t0 = time.process_time()
if what == "import":
    from quiz.core.exchange.delimited import ImportError_, import_bytes
    try:
        bank = import_bytes(open(path, "rb").read())
        result = f"{len(bank.questions)} questions"
        cut = time.process_time() - t0
        from quiz.core.exchange.yaml_out import dump_bank
        written = len(dump_bank(bank).encode())
        print(json.dumps({"cut": cut, "written": written, "write": time.process_time() - t0 - cut}), file=sys.stderr)
    except ImportError_ as e:
        result = f"refused at line {e.problems[0][0]}: {e.problems[0][1][:80]}"
else:
    from quiz.core.model import Bank, Question
    from quiz.core.exchange import apkg, delimited
    tags = tuple(f"标签{i}" for i in range(50_000))
    bank = Bank("t", "T", (Question("q", "card", "正面", ("背面",), tags=tags),))
    size = len(delimited.dumps(bank)) if what == "csv" else len(apkg.package(bank))
    result = f"{size} bytes"
print(json.dumps({"cpu": time.process_time() - t0, "peak_mb": hwm_mb(), "result": result}))
"""


def measure(what: str, path="-") -> dict:
    r = subprocess.run([sys.executable, "-c", MEASURE, what, str(path)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    out = json.loads(r.stdout)
    if r.stderr.strip():
        out.update(json.loads(r.stderr))
    return out


def cloze_file(path, deletions: int, filler: str = "") -> None:
    text = " ".join(f"{{{{c{i}::词{i}}}}}{filler}" for i in range(1, deletions + 1))
    path.write_text(f"#notetype:Cloze\n{text}\t背面\n", encoding="utf-8")


def test_cloze_notes_with_many_deletions_are_linear_or_refused(tmp_path, figures):
    ok, big = tmp_path / "cloze-800.txt", tmp_path / "cloze-3000.txt"
    cloze_file(ok, 800)
    cloze_file(big, 3000, "长" * 5)
    made, refused = measure("import", ok), measure("import", big)
    assert made["result"] == "800 questions", made
    assert refused["result"].startswith("refused at line 2: this cloze note makes 3,000 questions"), refused
    cli = run_quiz("import", big, "-o", tmp_path / "out.yaml")
    assert cli.returncode == 1 and "Traceback" not in cli.stderr and not (tmp_path / "out.yaml").exists()
    slow = [r for r in (made, refused) if RELIABILITY and r.get("cut", r["cpu"]) > 2.0]
    figures.add("import-bounds", trials=2, failures=len(slow),
                note=f"cloze note with 800 deletions: cut into 800 questions in {made['cut']:.2f} s CPU and the "
                     f"{made['written'] / 2**20:.1f} MB bank written in {made['write']:.1f} s (PyYAML's emitter, "
                     f"linear; was 8 s in all), peak RSS {made['peak_mb']:.0f} MB; 3,000 deletions: refused at "
                     f"its line in {refused['cpu']:.2f} s (was over 120 s and a 35 MB bank validate refuses)")
    assert not slow, slow


def test_exporting_50000_tags_is_linear(figures):
    csv, pkg = measure("csv"), measure("apkg")
    slow = [r for r in (csv, pkg) if RELIABILITY and r["cpu"] > 3.0]
    figures.add("import-bounds", trials=2, failures=len(slow),
                note=f"one question with 50,000 tags: CSV {csv['cpu']:.2f} s, apkg {pkg['cpu']:.2f} s CPU (were 22 s "
                     "and 25 s)")
    assert not slow, slow
