from __future__ import annotations

import zipfile
from pathlib import Path

from quiz.cli import main
from quiz.core.banks.loader import load_path

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "banks" / "tutorial.yaml"


def test_csv_export_then_import_gives_back_the_bank(tmp_path, capsys):
    csv_file = tmp_path / "t.txt"
    assert main(["export", str(TUTORIAL), "--format", "csv", "-o", str(csv_file)]) == 0
    assert csv_file.read_text("utf-8").startswith("#separator:tab\n#html:true\n")
    out = tmp_path / "t.yaml"
    assert main(["import", str(csv_file), "-o", str(out)]) == 0
    a, b = load_path(TUTORIAL).bank, load_path(out).bank
    assert b.id == a.id and b.title == a.title
    assert [(q.id, q.type, q.prompt, q.answers, q.choices, q.explanation, q.source, q.tags) for q in b.questions] == \
        [(q.id, q.type, q.prompt, q.answers, q.choices, q.explanation, q.source, q.tags) for q in a.questions]


def test_csv_to_stdout(capsys):
    assert main(["export", str(TUTORIAL), "-f", "csv"]) == 0
    out = capsys.readouterr().out
    assert "#deck:教程：西藏党史学习教育" in out
    assert len([ln for ln in out.splitlines() if ln.startswith("quiz:tutorial:")]) == 9


def test_apkg_needs_a_file_and_writes_a_package(tmp_path, capsys):
    assert main(["export", str(TUTORIAL), "-f", "apkg"]) == 2
    assert "-o FILE" in capsys.readouterr().err
    f = tmp_path / "t.apkg"
    assert main(["export", str(TUTORIAL), "-f", "apkg", "-o", str(f)]) == 0
    with zipfile.ZipFile(f) as z:
        assert "collection.anki2" in z.namelist()
