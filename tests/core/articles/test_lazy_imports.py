"""The heavy libraries behind the teachers' formats load only when a file of that format is
read or written: importing quiz (the CLI, the readers, the writers) never pays for them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
HEAVY = ("docx", "openpyxl", "pypdf", "trafilatura", "lxml", "readability")


def _loaded(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys, json\n"
                          f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_importing_quiz_and_the_format_modules_loads_none_of_them():
    assert _loaded("import quiz.cli, quiz.core.articles, quiz.core.articles.sniff, quiz.core.articles.layout, "
                   "quiz.core.articles.docx, quiz.core.articles.html, quiz.core.articles.pdf, "
                   "quiz.core.exchange.xlsx, quiz.core.exchange.xlsx_read, quiz.core.exchange.paper, quiz.commands.export, "
                   "quiz.commands.import_, quiz.commands.generate") == []


def test_a_text_article_loads_none_of_them():
    assert _loaded("from quiz.core.articles import read_article\n"
                   "read_article(open('seeds/xizang-dangshi-2021.txt', 'rb').read(), 'a.txt')") == []


def test_the_check_sees_a_library_that_is_loaded():
    assert "openpyxl" in _loaded("import openpyxl")
