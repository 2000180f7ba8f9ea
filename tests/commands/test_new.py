from __future__ import annotations

from pathlib import Path

from quiz.cli import main
from quiz.core.banks.lint import lint_path
from quiz.core.banks.loader import load_path
from quiz.core.exchange.yaml_out import schema_ref
from quiz.core.model import QUESTION_TYPES

ROOT = Path(__file__).resolve().parents[2]


def test_new_bank_is_valid_lint_clean_and_has_every_type(tmp_path, capsys):
    f = tmp_path / "sub" / "我的题库.yaml"
    f.parent.mkdir()
    assert main(["new", str(f)]) == 0
    text = f.read_text("utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={schema_ref(f.parent)}"
    assert (f.parent / schema_ref(f.parent)).resolve() == (ROOT / "quiz" / "core" / "bank.schema.json").resolve()
    result, warnings = lint_path(f)
    assert result.ok and warnings == []
    assert {q.type for q in result.bank.questions} == set(QUESTION_TYPES)
    assert result.bank.title == "我的题库"
    assert text.count("\n  # ") >= len(QUESTION_TYPES)  # a comment before each example


def test_new_refuses_to_overwrite_unless_forced(tmp_path, capsys):
    f = tmp_path / "b.yaml"
    f.write_text("mine", "utf-8")
    assert main(["new", str(f)]) == 1
    assert "exists" in capsys.readouterr().err
    assert f.read_text("utf-8") == "mine"
    assert main(["new", str(f), "--force", "--id", "my-bank", "--title", "a: b # c"]) == 0
    bank = load_path(f).bank
    assert (bank.id, bank.title) == ("my-bank", "a: b # c")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.yaml"]  # no temporary file left


def test_new_from_article_is_the_generated_bank(tmp_path, capsys):
    f = tmp_path / "x.yaml"
    assert main(["new", str(f), "--from-article", str(ROOT / "seeds" / "xizang-dangshi-2021.txt")]) == 0
    bank = load_path(f).bank
    assert bank is not None and len(bank.questions) > 20
    assert all(q.source for q in bank.questions)
    assert "edit it freely" in f.read_text("utf-8")


def test_new_bad_arguments(tmp_path, capsys):
    assert main(["new", str(tmp_path / "x.yaml"), "--from-article", str(tmp_path / "none.txt")]) == 1
    assert "no such file" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "x.yaml"), "--id", "有 空格"]) == 2
    assert main(["new", str(tmp_path)]) == 2
    assert not (tmp_path / "x.yaml").exists()


def test_new_and_generate_pick_an_id_no_bank_in_the_bank_folders_has(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    seed = ROOT / "seeds" / "xizang-dangshi-2021.txt"
    mine = tmp_path / "copy.yaml"
    assert main(["new", str(mine), "--from-article", str(seed), "--id", "xizang-dangshi-2021", "--lang", "en"]) == 0
    assert "warning: the id 'xizang-dangshi-2021' is taken by" in capsys.readouterr().err  # --id: kept, warned
    mine = tmp_path / "xizang-dangshi-2021.yaml"   # the id from the file name is the shipped bank's
    assert main(["new", str(mine), "--from-article", str(seed), "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert "the id 'xizang-dangshi-2021' is taken by" in err and "'xizang-dangshi-2021-2'" in err
    assert load_path(mine).bank.id == "xizang-dangshi-2021-2"
    (tmp_path / "banks").mkdir()
    out = tmp_path / "banks" / "again.yaml"
    assert main(["generate", str(seed), "-o", str(out), "--lang", "zh"]) == 0
    assert "编号 'xizang-dangshi-2021' 已被" in capsys.readouterr().err
    assert load_path(out).bank.id == "xizang-dangshi-2021-2"
    assert main(["generate", str(seed), "-o", str(out), "--lang", "en"]) == 0   # rewriting it keeps its id
    assert load_path(out).bank.id == "xizang-dangshi-2021-2"
    plain = tmp_path / "banks" / "tutorial-copy.yaml"
    assert main(["new", str(plain), "--id", "fresh"]) == 0 and load_path(plain).bank.id == "fresh"
