"""YAML aliases: an aliased node is validated once per use it is put to, its problems are reported
once, at the alias use (naming the line of the value), what aliases repeat is bounded, and the
problems of one file are bounded (the first MAX_PROBLEMS, then a count)."""
from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.banks import validate
from quiz.core.banks.loader import load_text
from quiz.core.banks.validate import MAX_OPTIONS, MAX_PROBLEMS
from quiz.core.banks.yamlnodes import ALIAS_BUDGET

HEAD = "bank:\n  id: t\n  title: 测试\nquestions:\n"


def shared_options_bank(n_questions: int, n_options: int) -> str:
    opts = ", ".join(f"选项{i}" for i in range(n_options))
    out = [HEAD, f"  - id: q0\n    type: choice\n    prompt: 第0题\n    choices: &opts [{opts}]\n    answer: 选项0\n"]
    out += [f"  - id: q{i}\n    type: choice\n    prompt: 第{i}题\n    choices: *opts\n    answer: 选项{i % n_options}\n"
            for i in range(1, n_questions)]
    return "".join(out)


def test_an_aliased_option_list_is_checked_once_not_once_per_question(monkeypatch):
    calls = []
    real = validate.text_of
    monkeypatch.setattr(validate, "text_of", lambda *a, **k: calls.append(1) or real(*a, **k))
    result = load_text(shared_options_bank(400, MAX_OPTIONS))
    assert result.ok, result.problems[:3]
    assert len(result.bank.questions) == 400 and result.bank.questions[399].choices[-1] == f"选项{MAX_OPTIONS - 1}"
    # the anchor's own use checks the 20 options; the 399 alias uses reuse that (1 prompt, 1 answer each)
    assert len(calls) <= MAX_OPTIONS + 3 * 400, len(calls)


def test_too_many_options_is_one_located_problem_per_anchor():
    result = load_text(shared_options_bank(300, 1000))
    assert not result.ok
    msgs = [f"{p.line}:{p.col}: {p.message}" for p in result.problems]
    assert msgs == ["8:14: choices has 1000 items; at most 20 are allowed"]  # once, not once per use


def test_problems_inside_an_aliased_value_are_reported_at_the_alias_once():
    text = HEAD + (
        "  - id: a\n    type: fill\n    prompt: p\n    answer: x\n    tags: &t [ok, '', also]\n"  # line 5-9
        "  - id: b\n    type: choice\n    prompt: p\n    choices: *t\n    answer: ok\n"            # choices: line 13
        "  - id: c\n    type: choice\n    prompt: p\n    choices: *t\n    answer: ok\n")
    msgs = [f"{p.line}:{p.col}: {p.message}" for p in load_text(text).problems]
    assert msgs == [
        "9:19: an item of tags is empty",                                       # the anchor's own use
        "13:14: an item of choices is empty (in *t, line 9)",                   # reported at the alias, naming line 9
    ]


def test_an_alias_used_where_its_kind_is_wrong_is_reported_at_the_alias():
    text = ("bank:\n  id: t\n  title: T\n  source: &s {title: 来源}\nquestions:\n"
            "  - id: a\n    type: fill\n    prompt: *s\n    answer: x\n")
    msgs = [f"{p.line}:{p.col}: {p.message}" for p in load_text(text).problems]
    assert msgs == ["8:13: prompt must be text, not a mapping (the value of *s, line 4)"]


def test_a_question_with_500_unknown_keys_referenced_2000_times_gives_bounded_problems():
    keys = "".join(f"    k{i}: 1\n" for i in range(500))
    text = HEAD + "  - &q\n    id: q0\n    type: fill\n    prompt: p\n    answer: x\n" + keys + "  - *q\n" * 2000
    result = load_text(text)
    assert len(result.problems) == MAX_PROBLEMS + 1
    assert result.problems[0].message == "unknown key 'k0' in a question"
    last = result.problems[-1].message
    # 500 unknown keys once + each of the 2000 uses a duplicate id (reported at the use and at the first)
    assert last.startswith(f"{500 + 2 * 2000 - MAX_PROBLEMS} more problems not shown"), last


def test_billion_laughs_is_refused_at_the_alias_that_goes_over_the_budget():
    lines = ["a: &a [x,x,x,x,x,x,x,x,x]"]
    lines += [f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]" for p, c in zip("abcdefgh", "bcdefghi")]
    result = load_text("\n".join(lines) + "\n")
    assert len(result.problems) < 20
    assert "aliases of this file repeat more than" in result.problems[-1].message


def test_one_long_text_repeated_many_times_is_refused_but_reuse_is_fine():
    long = "长" * 100_000
    head = HEAD + f"  - id: q0\n    type: fill\n    prompt: p\n    answer: x\n    explanation: &e {long}\n"
    many = head + "".join(f"  - id: q{i}\n    type: fill\n    prompt: p\n    answer: x\n    explanation: *e\n"
                          for i in range(1, ALIAS_BUDGET // 100_000 + 5))
    refused = load_text(many)
    assert not refused.ok and "repeat more than" in refused.problems[-1].message
    few = head + "".join(f"  - id: q{i}\n    type: fill\n    prompt: p\n    answer: x\n    explanation: *e\n"
                         for i in range(1, 20))
    assert load_text(few).ok


def test_messages_quoting_huge_values_are_cut():
    text = HEAD + "  - id: a\n    type: choice\n    prompt: p\n    choices: [a, b]\n    answer: " + "长" * 100_000 + "\n"
    problems = load_text(text).problems
    assert problems and all(len(p.message) < 1000 for p in problems)


def test_merge_keys_say_they_are_not_supported():
    text = HEAD + "  - &b\n    id: a\n    type: fill\n    prompt: p\n    answer: x\n  - <<: *b\n    id: b\n"
    assert any("merge keys ('<<: *anchor') are not supported" in p.message for p in load_text(text).problems)


# ---- property: aliases change nothing but the size of the file --------------------------------------

texts = st.text(alphabet="学史明理增信崇德力行abc123", min_size=1, max_size=6)


@st.composite
def banks_with_shared_values(draw):
    options = draw(st.lists(texts, min_size=2, max_size=6, unique=True))
    tags = draw(st.lists(texts, min_size=1, max_size=3, unique=True))
    explanation = draw(texts)
    questions = []
    for i in range(draw(st.integers(1, 12))):
        q = {"id": f"q{i}", "type": "choice", "prompt": f"第{i}题", "choices": options,
             "answer": options[draw(st.integers(0, len(options) - 1))], "tags": tags}
        if draw(st.booleans()):
            q["explanation"] = explanation
        questions.append(q)
    return {"bank": {"id": "b", "title": "T", "tags": tags}, "questions": questions}


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


@settings(max_examples=60, deadline=None)
@given(banks_with_shared_values())
def test_a_bank_with_aliases_loads_as_the_same_bank_written_out(data):
    with_aliases = yaml.safe_dump(data, allow_unicode=True)
    assert "*id" in with_aliases or len(data["questions"]) == 1
    written_out = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True)
    a, b = load_text(with_aliases), load_text(written_out)
    assert a.ok and b.ok, (a.problems, b.problems)
    assert a.bank == b.bank
