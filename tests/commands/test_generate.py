"""The `quiz generate` command: output, the shipped bank, bad input."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.core.banks.loader import load_path, load_text

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "xizang-dangshi-2021.txt"
BANK = ROOT / "banks" / "xizang-dangshi-2021.yaml"
ARTICLES = ROOT / "tests" / "data" / "articles"


def test_shipped_bank_is_exactly_what_generate_prints(capsys, monkeypatch):
    monkeypatch.chdir(ROOT / "banks")
    assert main(["generate", "../seeds/xizang-dangshi-2021.txt"]) == 0
    out, err = capsys.readouterr()
    assert out == BANK.read_text(encoding="utf-8")
    assert out.startswith("# yaml-language-server: $schema=../quiz/core/bank.schema.json\n")
    assert "questions" in err and "figure" in err and "choice" in err


def test_shipped_bank_is_valid_and_uses_the_metadata():
    result = load_path(BANK)
    assert result.ok and result.problems == ()
    bank = result.bank
    assert bank.id == "xizang-dangshi-2021"
    assert bank.title == "西藏自治区深入推进党史学习教育"
    assert bank.source.publisher == "人民日报" and bank.source.date == "2021"
    assert len(bank.questions) >= 20
    assert all(q.score is not None and 0 <= q.score <= 1 for q in bank.questions)


def test_max_all_and_explain(tmp_path, capsys):
    assert main(["generate", str(SEED), "--max", "5"]) == 0
    out, err = capsys.readouterr()
    five = load_text(out).bank.questions
    assert len(five) == 5 and "candidates" in err and "beyond --max" in err
    assert main(["generate", str(SEED)]) == 0
    default = load_text(capsys.readouterr().out).bank.questions
    assert {q.id for q in five} <= {q.id for q in default}
    # the five are among the best of the default bank (ranked by score, then by what they give away)
    assert sorted(q.score for q in five)[0] >= sorted((q.score for q in default), reverse=True)[len(five) + 5]
    assert main(["generate", str(SEED), "--all", "--explain"]) == 0
    out, err = capsys.readouterr()
    every = load_text(out).bank.questions
    assert len(every) > len(default)
    scores = [q.score for q in every]
    assert scores == sorted(scores, reverse=True)   # --all is ranked, best first
    assert "dropped" in err and "own subject" in err and "西藏自治区" in err


@pytest.mark.parametrize("bad", ["0", "-3", "many"])
def test_max_needs_a_positive_count(bad, capsys):
    with pytest.raises(SystemExit):
        main(["generate", str(SEED), "--max", bad])


def test_output_file_id_and_title(tmp_path, capsys):
    out = tmp_path / "sub" / "b.yaml"
    out.parent.mkdir()
    art = tmp_path / "文章.txt"
    shutil.copy(ARTICLES / "ascii-punct.txt", art)
    assert main(["generate", str(art), "-o", str(out), "--id", "yl-2021", "--title", "云岭"]) == 0
    _, err = capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    schema = text.splitlines()[0].split("$schema=")[1]
    assert (out.parent / schema).resolve() == (ROOT / "quiz" / "core" / "bank.schema.json").resolve()
    bank = load_text(text).bank
    assert bank.id == "yl-2021" and bank.title == "云岭"
    assert str(out) in err
    # a second run is byte-identical
    assert main(["generate", str(art), "-o", str(out), "--id", "yl-2021", "--title", "云岭"]) == 0
    assert out.read_text(encoding="utf-8") == text


def test_default_id_from_a_chinese_file_name_is_valid(tmp_path, capsys):
    art = tmp_path / "海滨.txt"
    shutil.copy(ARTICLES / "fullwidth-byline.txt", art)
    assert main(["generate", str(art)]) == 0
    out, _ = capsys.readouterr()
    assert load_text(out).ok


@pytest.mark.parametrize("content", [b"", b"\n\n   \n", "学习心得\n\n　　学习是一件长久的事情。\n".encode()])
def test_empty_or_factless_article_gives_empty_bank_and_warning(tmp_path, capsys, content):
    art = tmp_path / "a.txt"
    art.write_bytes(content)
    assert main(["generate", str(art)]) == 0
    out, err = capsys.readouterr()
    assert "warning" in err
    result = load_text(out)
    assert result.ok and result.bank.questions == ()


@pytest.mark.parametrize("data,needle", [
    ("西藏自治区党史学习教育深入推进。".encode("gbk"), "GBK"),
    ("西藏自治区党史学习教育深入推进。".encode("utf-16"), "UTF-16"),
    (bytes(range(256)) * 8, "binary"),
])
def test_bad_encodings_are_named_without_traceback(tmp_path, capsys, data, needle):
    art = tmp_path / "a.txt"
    art.write_bytes(data)
    assert main(["generate", str(art)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("quiz: ") and needle in err and "a.txt" in err
    assert "Traceback" not in err


def test_missing_file_and_folder(tmp_path, capsys):
    assert main(["generate", str(tmp_path / "nope.txt")]) == 1  # input problems: 1; a wrong command line: 2
    assert "no such file" in capsys.readouterr().err
    assert main(["generate", str(tmp_path)]) == 1
    assert "folder" in capsys.readouterr().err


def test_bad_id_and_unwritable_output(tmp_path, capsys):
    assert main(["generate", str(SEED), "--id", "bad id!"]) == 2
    assert "--id" in capsys.readouterr().err
    assert main(["generate", str(SEED), "-o", str(tmp_path / "missing" / "b.yaml")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_large_article_shows_progress(tmp_path, capsys):
    body = SEED.read_text(encoding="utf-8")
    art = tmp_path / "big.txt"
    art.write_text(body * (1_100_000 // len(body.encode()) + 1), encoding="utf-8")
    assert main(["generate", str(art), "-o", str(tmp_path / "big.yaml")]) == 0
    err = capsys.readouterr().err
    assert "100%" in err and "%" in err.split("100%")[0]
    assert load_path(tmp_path / "big.yaml").ok


def test_real_process_does_not_import_the_generator_for_other_commands():
    code = ("import sys; from quiz.cli import build_parser; build_parser(); "
            "print(any(m.startswith(('quiz.core.generate', 'cn2an')) for m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.stdout.strip() == "False"


def test_a_bank_over_the_size_limit_is_never_written(tmp_path, capsys, monkeypatch):
    from quiz.core.banks import loader

    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 3000)  # a small limit: any real article goes over it
    out = tmp_path / "bank.yaml"
    assert main(["generate", str(SEED), "-o", str(out)]) == 1
    assert "over the 0 MB a bank may be; nothing was written" in capsys.readouterr().err
    assert not out.exists()
