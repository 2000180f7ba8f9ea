from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# QUIZ_HYPOTHESIS=thorough runs every property with many more examples (a hunt for rare cases
# before a release); the default keeps `make test` quick. No deadline in either: hypothesis's 200 ms
# per example is a timing assertion, and on a busy 2-core machine a first call that imports cn2an or
# pypinyin took 297 ms and failed a correct property.
settings.register_profile("quiz", deadline=None)
settings.register_profile("thorough", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("QUIZ_HYPOTHESIS", "quiz"))

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def quiz_exe() -> list[str]:
    """The real console script of the venv running the tests (fallback: python -m quiz)."""
    exe = Path(sys.executable).with_name("quiz")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "quiz"]


@pytest.fixture
def run_quiz(tmp_path):
    """Run the real `quiz` command; returns CompletedProcess with text output."""

    def run(*args, input: str | None = None, cwd=None, env=None, timeout=60):
        e = dict(os.environ)
        e.setdefault("QUIZ_DATA_DIR", str(tmp_path / "data"))
        e["PYTHONIOENCODING"] = "utf-8"
        if env:
            e.update(env)
        return subprocess.run([*quiz_exe(), *map(str, args)], input=input, capture_output=True, text=True,
                              cwd=cwd or ROOT, env=e, timeout=timeout)

    return run


@pytest.fixture
def data_dir() -> Path:
    return DATA


def have(cmd: str) -> bool:
    return shutil.which(cmd) is not None


def pytest_collection_modifyitems(config, items):
    """Every test under tests/tui runs the Textual app: mark it `tui`, so that
    `pytest -m "not tui"` (make unit) runs the fast tests apart."""
    tui = pytest.mark.tui
    for item in items:
        if "tui" in Path(str(item.fspath)).relative_to(ROOT).parts[:2]:
            item.add_marker(tui)
