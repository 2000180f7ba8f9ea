from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main
from quiz.core.banks.loader import load_path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "import"
BAD = ["wrong-columns.txt", "mixed-separators.csv", "gbk.txt", "utf16.txt", "open-quote.txt", "empty.txt",
       "header-only.txt", "bad-separator.txt", "no-back.txt"]


@pytest.mark.parametrize("name", BAD)
def test_bad_files_say_where_and_write_nothing(name, tmp_path, capsys):
    out = tmp_path / "bank.yaml"
    assert main(["import", str(DATA / name), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{DATA / name}:") and err.split(":")[1].isdigit()
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_import_writes_a_valid_bank(tmp_path, capsys):
    out = tmp_path / "b.yaml"
    assert main(["import", str(DATA / "anki-cloze.txt"), "-o", str(out), "--id", "dangshi", "--title", "党史"]) == 0
    bank = load_path(out).bank
    assert (bank.id, bank.title, len(bank.questions)) == ("dangshi", "党史", 3)
    assert out.read_text("utf-8").startswith("# yaml-language-server: $schema=")
    assert "3 questions" in capsys.readouterr().err


def test_import_to_stdout_and_refuses_to_overwrite(tmp_path, capsys):
    assert main(["import", str(DATA / "anki-plain.txt")]) == 0
    assert "type: card" in capsys.readouterr().out
    out = tmp_path / "b.yaml"
    out.write_text("keep", "utf-8")
    assert main(["import", str(DATA / "anki-plain.txt"), "-o", str(out)]) == 1
    assert out.read_text("utf-8") == "keep"
    assert main(["import", str(tmp_path / "none.csv")]) == 1
    assert "none.csv: no such file" in capsys.readouterr().err


def test_real_command_never_shows_a_traceback(run_quiz, tmp_path):
    weird = tmp_path / "weird.txt"
    weird.write_bytes(b'\xef\xbb\xbf"a\tb\n' + b"\x1b[31m\t\xe4\xb8\n")
    r = run_quiz("import", weird)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "\x1b" not in r.stderr
    assert r.stderr.startswith(f"{weird}:")
