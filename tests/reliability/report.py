"""Rewrite docs/reliability.md from the figures a reliability run wrote (JSON lines).

    python tests/reliability/report.py FIGURES.jsonl docs/reliability.md

Run by `make reliability` after the suite; never edit the table by hand."""
from __future__ import annotations

import json
import platform
import sqlite3
import sys
import time
from pathlib import Path

# The promises of issue 7, in the order the document lists them.
PROMISES = [
    ("crash-plain", "Crash: SIGKILL `quiz study --plain` at random moments"),
    ("crash-tui", "Crash: SIGKILL the Textual app (`quiz study BANK` in tmux) at random moments"),
    ("crash-restore", "Crash: SIGKILL `quiz doctor --restore --yes` at random moments"),
    ("concurrency-2", "Concurrency: 2 processes answering on one data dir"),
    ("concurrency-4", "Concurrency: 4 processes answering on one data dir"),
    ("fault-readonly", "Faults: read-only data dir"),
    ("fault-diskfull", "Faults: disk full"),
    ("fault-corrupt", "Faults: corrupt or truncated database; `quiz doctor` repairs"),
    ("fault-restore-running", "Faults: `quiz doctor --restore` while a session runs"),
    ("fault-newer", "Faults: database from a newer version"),
    ("fault-bank-deleted", "Faults: bank deleted while in use"),
    ("fault-ids-changed", "Faults: question ids changed"),
    ("bad-banks", "Hostile banks: corpus, each `path:line:col: message` or a bounded refusal"),
    ("bad-banks-bounds", "Hostile banks: within 1 s CPU and 200 MB RSS each (subprocess)"),
    ("import-bounds", "Imports and exports: linear, or refused at the line before the bank outgrows its limit"),
    ("alias-bounds", "Hostile banks: YAML aliases checked once, within 1 s CPU, 200 MB RSS, 101 problems"),
    ("hostile-plain", "Hostile text: plain mode"),
    ("hostile-export", "Hostile text: exports"),
    ("hostile-errors", "Hostile text: error messages (validate)"),
    ("hostile-paths", "Hostile text: file names and arguments, every command"),
    ("hostile-tui", "Hostile text: the app in a real terminal (tmux)"),
    ("hostile-screens", "Hostile text: every screen of the app (Pilot), no action or link span"),
    ("fuzz-loader-yaml", "Fuzzing: loader, arbitrary YAML documents"),
    ("fuzz-loader-bytes", "Fuzzing: loader, arbitrary bytes"),
    ("fuzz-checker", "Fuzzing: checker, arbitrary strings"),
    ("fuzz-csv", "Fuzzing: CSV importer, arbitrary rows"),
    ("upgrade", "Upgrades: v1 database and bank fixtures open with all history"),
    ("permissions", "Permissions: data dir 0700, database 0600"),
]


def load(path: Path) -> tuple[list[dict], dict[str, dict]]:
    figures, outcomes = [], {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec["kind"] == "figure":
                figures.append(rec)
            else:
                outcomes[rec["test"]] = rec
    return figures, outcomes


def render(figures: list[dict], outcomes: dict[str, dict]) -> str:
    names = dict(PROMISES)
    by_promise: dict[str, list[dict]] = {}
    for f in figures:
        by_promise.setdefault(f["promise"], []).append(f)
    lines = [
        "# Reliability",
        "",
        "Written by `make reliability` (tests/reliability/report.py) from the figures the suite measured;",
        "do not edit by hand. *Trials*: runs, kills, answers or examples; *lost*: acknowledged answers",
        "missing afterwards; *failures*: trials that broke the promise (integrity_check failures, crashes,",
        "tracebacks, `database is locked` shown, escape codes reaching the terminal).",
        "",
        f"Last run: {time.strftime('%Y-%m-%d %H:%M %Z')} on {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}.",
        "",
        "| Promise | Test | Trials | Lost | Failures | Measured | Result |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    seen_tests = set()
    for key, title in PROMISES:
        rows = by_promise.get(key, [])
        if not rows:
            lines.append(f"| {title} | — | — | — | — | not measured in this run | — |")
            continue
        for f in rows:
            seen_tests.add(f["test"])
            o = outcomes.get(f["test"], {})
            result = o.get("outcome", "?")
            lines.append(f"| {title} | `{_short(f['test'])}` | {f['trials']} | {f['lost']} | {f['failures']} | "
                         f"{_cell(f['note'])} | {result} |")
    others = [o for t, o in outcomes.items() if t not in seen_tests and o["outcome"] != "passed"]
    if others:
        lines += ["", "## Tests that did not pass or were skipped", ""]
        for o in others:
            lines.append(f"- `{_short(o['test'])}`: {o['outcome']}" + (f" — {_cell(o['reason'])}" if o["reason"] else ""))
    passed = sum(o["outcome"] == "passed" for o in outcomes.values())
    lines += ["", f"{passed} of {len(outcomes)} reliability tests passed in this run.", ""]
    for key in by_promise:
        if key not in names:
            raise SystemExit(f"report.py: unknown promise {key!r}")
    return "\n".join(lines)


def _short(nodeid: str) -> str:
    return nodeid.removeprefix("tests/reliability/")


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else Path(".venv/reliability.jsonl")
    dest = Path(argv[2]) if len(argv) > 2 else Path("docs/reliability.md")
    figures, outcomes = load(src)
    if not outcomes:
        print(f"report.py: no figures in {src}; run `make reliability`", file=sys.stderr)
        return 1
    dest.write_text(render(figures, outcomes), encoding="utf-8")
    print(f"wrote {dest}: {len(figures)} figures from {len(outcomes)} tests")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
