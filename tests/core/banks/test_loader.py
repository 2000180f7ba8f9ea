from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.banks.loader import load_bytes, load_path, load_text
from quiz.core.banks.validate import BLANK

ROOT = Path(__file__).resolve().parents[3]
BAD = ROOT / "tests" / "data" / "bad-banks"
HEAD = "bank:\n  id: t\n  title: 测试\nquestions:\n"


def _expected() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in (BAD / "expected.txt").read_text(encoding="utf-8").splitlines():
        name, rest = line.split(":", 1)
        out.setdefault(name, []).append(rest)
    return out


EXPECTED = _expected()


def test_corpus_has_enough_bad_banks():
    files = sorted(p.name for p in BAD.glob("*.yaml"))
    assert len(files) >= 25
    assert set(files) == set(EXPECTED), "every bad bank has its expected problems"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_bank_gives_exact_problems(name):
    result = load_path(BAD / name)
    assert not result.ok
    got = [f"{p.line}:{p.col}: {p.message}" for p in result.problems]
    assert got == EXPECTED[name]


def test_tutorial_bank_is_valid_and_has_every_type():
    result = load_path(ROOT / "banks" / "tutorial.yaml")
    assert result.ok, result.problems
    types = {q.type for q in result.bank.questions}
    assert types == {"choice", "multi", "truefalse", "fill", "order", "card"}


def test_model_of_each_type():
    text = HEAD + """\
  - id: c
    type: choice
    prompt: 谁？
    choices: [吴英杰, 石角]
    answer: 吴英杰
    accept: [吴书记]
  - id: m
    type: multi
    prompt: 哪些？
    choices: [广播, 电视, 报刊]
    answer: [报刊, 广播]
  - id: t
    type: truefalse
    prompt: 对吗？
    answer: no
  - id: f
    type: fill
    prompt: 学史明理、{{学史增信}}
    accept: 增信
  - id: f2
    type: fill
    prompt: 多少个会场？
    answer: 726
  - id: o
    type: order
    prompt: 排序
    items: [甲, 乙, 丙]
  - id: k
    type: card
    front: 正面
    back: 背面
"""
    r = load_text(text)
    assert r.ok, r.problems
    q = {x.id: x for x in r.bank.questions}
    assert q["c"].answers == ("吴英杰", "吴书记")
    assert q["m"].answers == ("广播", "报刊")  # in the order of choices
    assert q["t"].answers == ("false",)
    assert q["f"].prompt == f"学史明理、{BLANK}" and q["f"].answers == ("学史增信", "增信")
    assert q["f2"].answers == ("726",)
    assert q["o"].choices == q["o"].answers == ("甲", "乙", "丙")
    assert q["k"].prompt == "正面" and q["k"].answers == ("背面",)
    assert q["c"].line == 5


def test_utf8_bom_accepted():
    data = b"\xef\xbb\xbf" + (HEAD + "  - id: a\n    type: fill\n    prompt: x{{y}}\n").encode()
    r = load_bytes(data, "bom.yaml")
    assert r.ok, r.problems


def test_every_problem_reported_in_file_order():
    text = HEAD + "  - id: a\n    type: fill\n    prompt: ''\n  - id: b\n    type: fill\n    prompt: x\n"
    r = load_text(text, "f.yaml")
    lines = [p.line for p in r.problems]
    assert lines == sorted(lines) and len(lines) == 2
    assert str(r.problems[0]).startswith("f.yaml:7:13: ")


def test_aliases_are_shared_not_expanded():
    text = "bank: {id: t, title: x}\nq: &q {id: a, type: fill, prompt: '{{x}}'}\nquestions: [*q]\n"
    r = load_text(text)
    assert [p.message for p in r.problems] == ["unknown top-level key 'q'; a bank has 'bank:' and 'questions:'"]


def test_recursive_alias_is_an_error_not_a_hang():
    r = load_text("bank: &a {id: t, title: x, tags: [*a]}\nquestions: []\n")
    assert not r.ok


def test_lone_surrogate_in_text():
    r = load_text(HEAD + "  - id: a\n    type: fill\n    prompt: x\ud800{{y}}\n")
    assert not r.ok and "surrogate" in r.problems[0].message


def test_missing_file_and_folder(tmp_path):
    assert "no such file" in load_path(tmp_path / "nope.yaml").problems[0].message
    assert "folder" in load_path(tmp_path).problems[0].message


def test_empty_questions_is_an_empty_bank():
    r = load_text("bank: {id: t, title: x}\nquestions:\n")
    assert r.ok and r.bank.questions == ()


def test_numbers_and_yes_as_text():
    r = load_text(HEAD + "  - id: 1\n    type: choice\n    prompt: 几？\n    choices: [yes, 62, 3.5]\n    answer: 62\n")
    assert r.ok, r.problems
    q = r.bank.questions[0]
    assert q.id == "1" and q.choices == ("yes", "62", "3.5") and q.answer == "62"
