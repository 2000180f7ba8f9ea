"""Properties of the loader: never raises, round-trips through the emitter."""
from __future__ import annotations

import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.core.answers.normalize import normalize
from quiz.core.banks.loader import load_bytes, load_text
from quiz.core.banks.validate import BLANK
from quiz.core.exchange.yaml_out import dump_bank
from quiz.core.model import Bank, Question

# Text a teacher might write: Chinese, ASCII, punctuation, YAML-significant characters.
chars = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"),
                      include_characters="学史明理增信崇德力行：，。“”、{}[]#&*!|>-'\"%@`")
words = st.text(chars, min_size=1, max_size=12).map(str.strip).filter(
    lambda s: bool(s) and "{{" not in s and "}}" not in s and BLANK not in s and "\n" not in s and s == s.strip())


@st.composite
def questions(draw, qid):
    kind = draw(st.sampled_from(["choice", "multi", "truefalse", "fill", "order", "card"]))
    prompt = draw(words)
    if kind in ("choice", "multi", "order"):
        opts = draw(st.lists(words, min_size=2, max_size=5, unique=True))
        if kind == "choice":
            return Question(qid, kind, prompt, (opts[0],), tuple(opts))
        if kind == "multi":
            right = tuple(o for i, o in enumerate(opts) if i % 2 == 0)
            return Question(qid, kind, prompt, right, tuple(opts))
        return Question(qid, kind, prompt, tuple(opts), tuple(opts))
    if kind == "truefalse":
        return Question(qid, kind, prompt, (draw(st.sampled_from(["true", "false"])),))
    if kind == "fill":  # a typed answer needs a letter or digit to be matchable
        return Question(qid, kind, prompt + BLANK, (draw(words.filter(normalize)),))
    return Question(qid, kind, prompt, (draw(words),))


@st.composite
def banks(draw):
    n = draw(st.integers(0, 6))
    qs = tuple(draw(questions(f"q{i}")) for i in range(n))
    return Bank(id="b", title=draw(words), questions=qs)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(banks())
def test_emit_then_load_round_trips(bank):
    result = load_text(dump_bank(bank, schema="x.json"))
    assert result.ok, result.problems
    assert result.bank == bank


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_never_raises_on_bytes(data):
    r = load_bytes(data, "x.yaml")
    assert r.ok or r.problems
    for p in r.problems:
        assert p.line >= 1 and p.col >= 1 and p.message


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=300)
@given(yaml_values)
def test_never_raises_on_any_yaml_document(value):
    text = yaml.safe_dump(value, allow_unicode=True)
    r = load_text(text)
    assert r.ok or r.problems


@settings(max_examples=200)
@given(st.dictionaries(st.sampled_from(["id", "type", "prompt", "choices", "answer", "items", "front", "back",
                                        "accept", "tags", "source", "explanation", "hint", "x"]),
                       yaml_values, max_size=8))
def test_never_raises_on_question_shaped_mappings(question):
    text = yaml.safe_dump({"bank": {"id": "t", "title": "x"}, "questions": [question]}, allow_unicode=True)
    r = load_text(text)
    assert r.ok or r.problems


@settings(max_examples=200)
@given(st.text(alphabet=string.printable + "学史：“”{}", max_size=200))
def test_never_raises_on_text(text):
    r = load_text(text)
    assert r.ok or r.problems
