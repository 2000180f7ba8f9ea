from __future__ import annotations

import pytest

from quiz.core.banks.loader import load_text
from quiz.core.banks.validate import BLANK
from quiz.core.exchange.yaml_out import dump_bank, schema_ref
from quiz.core.model import Bank, Question


@pytest.mark.parametrize("answer", ["}x", "{1", "a}}b", "{{x}}", " 空格 ", "学史增信"])
def test_fill_answers_with_braces_or_spaces_round_trip(answer):
    q = Question("f", "fill", f"学史明理、{BLANK}", (answer,))
    bank = Bank("b", "t", (q,))
    result = load_text(dump_bank(bank, schema="s.json"))
    assert result.ok, result.problems
    assert result.bank == bank


def test_cloze_form_when_plain():
    bank = Bank("b", "t", (Question("f", "fill", f"学史明理、{BLANK}", ("学史增信",)),))
    text = dump_bank(bank, schema="s.json")
    assert "prompt: 学史明理、{{学史增信}}" in text and "answer:" not in text


def test_modeline_first_and_relative(tmp_path):
    text = dump_bank(Bank("b", "t"), schema=schema_ref(tmp_path))
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=") and first.endswith("bank.schema.json")
    assert (tmp_path / first.split("=", 1)[1]).resolve().is_file()
