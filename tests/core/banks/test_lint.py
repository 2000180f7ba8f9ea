from __future__ import annotations

from quiz.core.banks.lint import lint_bank
from quiz.core.banks.loader import load_text

HEAD = "bank:\n  id: t\n  title: 测试\nquestions:\n"


def lint(body: str):
    positions: dict = {}
    r = load_text(HEAD + body, "b.yaml", positions=positions)
    assert r.ok, r.problems
    return [str(p) for p in lint_bank(r.bank, positions)]


def test_clean_question_has_no_warning():
    assert lint("  - id: a\n    type: card\n    front: 正面\n    back: 背面\n    source: 原文\n") == []


def test_missing_source_and_explanation_points_at_the_id():
    assert lint("  - id: a\n    type: card\n    front: 正面\n    back: 背面\n") == [
        "b.yaml:5:5: warning: question 'a' has neither 'source' nor 'explanation': "
        "a learner who gets it wrong learns nothing more"]


def test_same_prompt_twice():
    got = lint("  - id: a\n    type: fill\n    prompt: 拉萨是{{首府}}\n    source: s\n"
               "  - id: b\n    type: fill\n    prompt: 拉萨是 {{首府}}。\n    source: s\n")
    assert got == ["b.yaml:11:13: warning: question 'b' has the same prompt as 'a' (line 5)"]


def test_options_differ_only_in_punctuation_or_width():
    got = lint("  - id: a\n    type: choice\n    prompt: 哪一个？\n    source: s\n"
               "    choices: [学史明理, 学史增信, '学史明理。', ＡＢ]\n    answer: 学史增信\n")
    assert got == ["b.yaml:9:27: warning: question 'a': '学史明理。' and '学史明理' differ only in punctuation, spaces or width"]


def test_answer_visible_in_prompt():
    got = lint("  - id: a\n    type: fill\n    prompt: 726个会场，全区共设多少个会场？\n    answer: 726个\n    source: s\n"
               "  - id: b\n    type: choice\n    prompt: 吴英杰是谁？\n    choices: [吴英杰, 石角]\n    answer: 吴英杰\n    source: s\n")
    assert got == ["b.yaml:7:13: warning: question 'a': the answer '726个' can be read in the prompt",
                   "b.yaml:12:13: warning: question 'b': the answer '吴英杰' can be read in the prompt"]


def test_long_right_answer_and_long_prompt_and_all_right_multi():
    long_prompt = "长" * 201
    got = lint(f"  - id: a\n    type: choice\n    prompt: {long_prompt}\n    source: s\n"
               "    choices: [西藏自治区党委宣传部理论处, 石角, 齐扎拉]\n    answer: 西藏自治区党委宣传部理论处\n"
               "  - id: b\n    type: multi\n    prompt: 哪些？\n    source: s\n    choices: [广播, 电视]\n    answer: [广播, 电视]\n")
    assert got == [
        "b.yaml:7:13: warning: question 'a': the prompt has 201 characters (over 200); split it or move the detail to 'explanation'",
        "b.yaml:10:13: warning: question 'a': the right answer (13 characters) is much longer than the other choices "
        "(at most 3): it gives itself away",
        "b.yaml:16:13: warning: question 'b': every option is right; add options that are wrong"]


def test_slogans_split_inconsistently():
    got = lint("  - id: a\n    type: order\n    prompt: 排序\n    source: s\n"
               "    items: [学史明理, 学史增信, 学史崇德]\n"
               "  - id: b\n    type: fill\n    prompt: 目标要求是{{学史明理、学史增信}}\n    source: s\n")
    assert got == ["b.yaml:12:13: warning: question 'b': '学史明理、学史增信' joins '学史明理', '学史增信', "
                   "which other questions use apart: split slogans the same way everywhere"]


def test_lint_without_text_falls_back_to_question_lines():
    r = load_text(HEAD + "  - id: a\n    type: card\n    front: 正面\n    back: 背面\n", "b.yaml")
    assert [str(p) for p in lint_bank(r.bank)] == [
        "<string>:5:1: warning: question 'a' has neither 'source' nor 'explanation': "
        "a learner who gets it wrong learns nothing more"] or [p.line for p in lint_bank(r.bank)] == [5]
