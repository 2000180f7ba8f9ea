"""The commands with teachers' files: `quiz generate` from .docx/.html/.pdf (same bank as the
.txt), refused files exit 1 with a message; `quiz export --format xlsx|docx` and `quiz import
题库.xlsx` (located problems, nothing written on failure)."""
from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from support.articles import SEED, pdf_bytes, write_docx, write_html, write_pdf

from quiz.cli import main
from quiz.core.banks.loader import load_path, load_text

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "banks" / "xizang-dangshi-2021.yaml"


def _generate(path: Path, capsys) -> str:
    assert main(["generate", str(path)]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("make", [write_docx, write_html, write_pdf], ids=["docx", "html", "pdf"])
def test_generate_from_each_format_gives_the_bank_of_the_text(tmp_path, capsys, make):
    shutil.copy(SEED.with_name("xizang-dangshi-2021.meta.yaml"), tmp_path)  # the metadata file goes with any format
    text_bank = load_text(_generate(SEED, capsys)).bank
    path = make(tmp_path / f"xizang-dangshi-2021.{make.__name__.removeprefix('write_')}")
    bank = load_text(_generate(path, capsys)).bank
    assert bank.questions == text_bank.questions and bank.id == text_bank.id
    assert bank.source.file == path.name


def test_a_web_page_gives_its_source(tmp_path, capsys):
    bank = load_text(_generate(write_html(tmp_path / "page.html"), capsys)).bank
    assert bank.source.title.startswith("西藏自治区深入推进党史学习教育")
    assert bank.source.publisher == "人民网（徐驭尧）" and bank.source.date == "2021-04-06"


@pytest.mark.parametrize("name,data,needle", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "save it as .docx"),
    ("scan.pdf", pdf_bytes(scanned=True), "scanned"),
    ("blank.pdf", pdf_bytes(empty=True), "no text"),
])
def test_files_generate_cannot_read_exit_1_with_a_message(tmp_path, capsys, name, data, needle):
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "b.yaml"
    assert main(["generate", str(path), "-o", str(out)]) == 1
    cap = capsys.readouterr()
    assert cap.err.startswith(f"quiz: {path}: ") and needle in cap.err and "Traceback" not in cap.err
    assert not out.exists()


def test_xlsx_export_then_import_gives_back_the_bank(tmp_path, capsys):
    xlsx = tmp_path / "题库.xlsx"
    assert main(["export", str(BANK), "--format", "xlsx", "-o", str(xlsx)]) == 0
    out = tmp_path / "back.yaml"
    assert main(["import", str(xlsx), "-o", str(out)]) == 0
    assert load_path(out).bank == load_path(BANK).bank


def test_xlsx_import_problems_are_located_and_nothing_is_written(tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["题型", "题干", "选项A", "选项B", "正确答案"])
    ws.append(["单选题", "好题", "甲", "乙", "A"])
    ws.append(["论述题", "题", None, None, "答"])
    xlsx = tmp_path / "题库.xlsx"
    wb.save(xlsx)
    out = tmp_path / "b.yaml"
    assert main(["import", str(xlsx), "-o", str(out)]) == 1
    assert capsys.readouterr().err.startswith(f"{xlsx}:Sheet1:R3C1: unknown 题型 '论述题'")
    assert not out.exists()


def test_docx_paper_same_seed_same_file_and_a_key_file(tmp_path, capsys):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    for p in (a, b):
        assert main(["export", str(BANK), "--format", "docx", "-o", str(p), "--seed", "5", "--count", "10",
                     "--title", "党史测验"]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert main(["export", str(BANK), "--format", "docx", "-o", str(tmp_path / "卷.docx"), "--answer-key"]) == 0
    assert (tmp_path / "卷-答案.docx").exists()


@pytest.mark.parametrize("argv,needle", [
    (["--format", "json", "--count", "3"], "--format docx"),
    (["--format", "docx"], "give -o FILE"),
    (["--format", "xlsx", "-o", "-"], "give -o FILE"),
])
def test_paper_options_and_binary_formats_are_usage_errors(argv, needle, capsys):
    assert main(["export", str(BANK), *argv]) == 2
    assert needle in capsys.readouterr().err


def test_a_tag_no_question_has_is_a_message(tmp_path, capsys):
    out = tmp_path / "p.docx"
    assert main(["export", str(BANK), "--format", "docx", "-o", str(out), "--tag", "没有这个标签"]) == 1
    assert "没有这个标签" in capsys.readouterr().err and not out.exists()


def test_an_old_xls_is_refused_with_what_to_do(tmp_path, capsys):
    xls = tmp_path / "题库.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert main(["import", str(xls), "-o", str(tmp_path / "b.yaml")]) == 1
    assert "save it as .xlsx" in capsys.readouterr().err and not (tmp_path / "b.yaml").exists()
