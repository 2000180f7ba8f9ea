"""The optional `score` of a generated question: loaded, validated and written back."""
from __future__ import annotations

import json

import pytest

from quiz.core.banks.loader import load_text
from quiz.core.exchange.yaml_out import SCHEMA_FILE, dump_bank

BANK = "bank: {id: t, title: x}\nquestions:\n  - {id: a, type: fill, prompt: \"{{甲}}乙\", score: %s}\n"


def test_a_score_round_trips():
    r = load_text(BANK % "0.75")
    assert r.ok and r.bank.questions[0].score == 0.75
    again = load_text(dump_bank(r.bank))
    assert again.ok and again.bank.questions[0].score == 0.75


@pytest.mark.parametrize("bad", ["2", "-0.1", "'0.5'", "nan", "[1]", "high"])
def test_a_score_outside_0_1_or_not_a_number_is_a_located_error(bad):
    r = load_text(BANK % bad)
    assert not r.ok
    assert any("score must be a number from 0 to 1" in p.message and p.line == 3 for p in r.problems)


def test_the_schema_knows_the_score():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    q = {"id": "a", "type": "fill", "prompt": "{{甲}}乙", "score": 0.5}
    jsonschema.validate({"bank": {"id": "t", "title": "x"}, "questions": [q]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"bank": {"id": "t", "title": "x"}, "questions": [{**q, "score": 3}]}, schema)
