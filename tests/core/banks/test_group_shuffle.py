"""`group:` (siblings) and `shuffle:` (option order) in the bank format: loaded, validated with a
location, written back by the YAML and JSON writers, accepted by the JSON Schema."""
from __future__ import annotations

import json

import pytest
import yaml

from quiz.core.banks.loader import load_text
from quiz.core.exchange.json_out import bank_json
from quiz.core.exchange.yaml_out import SCHEMA_FILE, dump_bank

BANK = """\
bank:
  id: g
  title: 组
{head}questions:
  - id: a
    type: choice
    prompt: 哪个？
    choices: [甲, 乙, 以上都对]
    answer: 以上都对
{extra}    group: 第一段
  - id: b
    type: fill
    prompt: 第一段的{{{{答案}}}}
    group: 第一段
  - id: c
    type: multi
    prompt: 哪些？
    choices: [甲, 乙, 丙]
    answer: [甲, 乙]
"""


def load(head: str = "", extra: str = ""):
    return load_text(BANK.format(head=head, extra=extra), "g.yaml")


def test_group_and_shuffle_are_read():
    bank = load(extra="    shuffle: false\n").bank
    a, b, c = bank.questions
    assert (a.group, b.group, c.group) == ("第一段", "第一段", None)
    assert a.shuffle is False and c.shuffle is None and bank.shuffle is None


def test_the_bank_says_shuffle_for_its_questions_unless_one_says_otherwise():
    bank = load(head="  shuffle: false\n", extra="    shuffle: true\n").bank
    a, b, c = bank.questions
    assert bank.shuffle is False
    assert a.shuffle is True and c.shuffle is False
    assert b.shuffle is None  # a fill question has no options to shuffle


@pytest.mark.parametrize("value,shown", [("maybe", "'maybe'"), ("'false'", "'false'"), ("[1]", "a list"), ("", "empty")])
def test_a_shuffle_that_is_not_a_boolean_is_a_located_error(value, shown):
    result = load(extra=f"    shuffle: {value}\n")
    assert not result.ok
    assert [(p.line, p.message) for p in result.problems] == [(10, f"shuffle must be true or false, not {shown}")]
    bad_head = load(head=f"  shuffle: {value}\n")
    assert [(p.line, p.message) for p in bad_head.problems] == [(4, f"bank shuffle must be true or false, not {shown}")]


def test_shuffle_belongs_to_questions_with_options():
    text = BANK.format(head="", extra="").replace("    group: 第一段\n  - id: c", "    shuffle: false\n  - id: c")
    result = load_text(text, "g.yaml")
    assert not result.ok and "unknown key 'shuffle'" in result.problems[0].message


@pytest.mark.parametrize("head,extra", [("", ""), ("", "    shuffle: false\n"), ("  shuffle: false\n", ""),
                                        ("  shuffle: false\n", "    shuffle: true\n")])
def test_yaml_round_trip_keeps_group_and_shuffle(head, extra):
    bank = load(head=head, extra=extra).bank
    again = load_text(dump_bank(bank, schema="x"), "again.yaml")
    assert again.ok, again.problems
    assert again.bank == bank


def test_json_export_has_group_and_shuffle():
    data = bank_json(load(extra="    shuffle: false\n").bank)
    assert [(q["group"], q["shuffle"]) for q in data["questions"]] == [("第一段", False), ("第一段", True), (None, True)]
    assert data["bank"]["shuffle"] is True


def test_the_schema_knows_group_and_shuffle():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    good = yaml.safe_load(BANK.format(head="  shuffle: false\n", extra="    shuffle: true\n"))
    jsonschema.validate(good, schema)
    bad = yaml.safe_load(BANK.format(head="", extra="    shuffle: maybe\n"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
