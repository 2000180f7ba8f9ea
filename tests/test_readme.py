"""The README's usage lines work as written: run in order in a copy of the repository's banks and seeds
(only `quiz` alone is left out: the app needs a terminal, and tests/tui covers it)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def usage_lines() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Usage", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [re.sub(r"\s+#.*$", "", line).strip() for line in block.strip().splitlines()]


def test_every_usage_line_runs_as_written(run_quiz, tmp_path):
    work = tmp_path / "repo"
    work.mkdir()
    shutil.copytree(ROOT / "banks", work / "banks")
    shutil.copytree(ROOT / "seeds", work / "seeds")
    lines = usage_lines()
    assert lines[0] == "quiz" and len(lines) > 10
    for line in lines[1:]:
        words = line.split()
        assert words[0] == "quiz", line
        r = run_quiz(*words[1:], cwd=work, input="")
        assert "Traceback" not in r.stderr, (line, r.stderr)
        if words[1] == "optimize":   # fewer than 400 answers: it says so
            assert r.returncode == 1 and ("nothing to optimize" in r.stderr or "400" in r.stderr), r.stderr
        else:
            assert r.returncode == 0, (line, r.stdout, r.stderr)
    assert (work / "mybank.yaml").exists() and (work / "from-anki.yaml").exists() and (work / "mine.yaml").exists()
    assert "xizang-dangshi-2021-2" in (work / "mybank.yaml").read_text(encoding="utf-8")
