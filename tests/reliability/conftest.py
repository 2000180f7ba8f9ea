"""The reliability suite: figures each test measured, profiles, and the slow/quick split.

Every test that proves a promise calls `figures.add(promise, trials=..., lost=..., failures=...)`.
With QUIZ_FIGURES=FILE the figures (and every test's outcome) are appended to FILE as JSON lines;
`make reliability` then runs report.py, which rewrites docs/reliability.md from them.
Without QUIZ_RELIABILITY=1 the slow tests are skipped and the quick ones use small numbers."""
from __future__ import annotations

import json
import os
import time

import pytest
from hypothesis import HealthCheck, settings

RELIABILITY = bool(os.environ.get("QUIZ_RELIABILITY"))

settings.register_profile("quiz-reliability", max_examples=10_000, deadline=None, derandomize=False,
                          suppress_health_check=list(HealthCheck))
settings.register_profile("quiz-quick", max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
FUZZ_PROFILE = "quiz-reliability" if RELIABILITY else "quiz-quick"


def pytest_collection_modifyitems(config, items):
    if RELIABILITY:
        return
    skip = pytest.mark.skip(reason="long run: `make reliability` (QUIZ_RELIABILITY=1)")
    for item in items:
        if "slow" in item.keywords and "tests/reliability" in str(item.fspath):
            item.add_marker(skip)


def _write(record: dict) -> None:
    out = os.environ.get("QUIZ_FIGURES")
    if out:
        with open(out, "a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


class Figures:
    def __init__(self, nodeid: str) -> None:
        self.nodeid = nodeid
        self.records: list[dict] = []

    def add(self, promise: str, *, trials: int, lost: int = 0, failures: int = 0, note: str = "") -> None:
        rec = {"kind": "figure", "promise": promise, "test": self.nodeid, "trials": trials, "lost": lost,
               "failures": failures, "note": note, "at": time.strftime("%Y-%m-%d %H:%M")}
        self.records.append(rec)
        _write(rec)


@pytest.fixture
def figures(request) -> Figures:
    return Figures(request.node.nodeid)


def pytest_runtest_logreport(report):
    if "tests/reliability" not in report.nodeid.replace("\\", "/"):
        return
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        outcome = report.outcome
        reason = ""
        if report.skipped and isinstance(report.longrepr, tuple):
            reason = str(report.longrepr[2]).removeprefix("Skipped: ")
        elif report.failed:
            reason = (report.longreprtext or "").strip().splitlines()[-1:] or [""]
            reason = reason[0][:200]
        _write({"kind": "outcome", "test": report.nodeid, "outcome": outcome, "reason": reason,
                "seconds": round(report.duration, 1)})
