"""The packaged JSON Schema agrees with the loader on real banks."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from quiz.core.exchange.yaml_out import SCHEMA_FILE

jsonschema = pytest.importorskip("jsonschema")
ROOT = Path(__file__).resolve().parents[3]


def test_schema_is_a_valid_draft7_schema():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("bank", sorted((ROOT / "banks").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_banks_match_the_schema(bank):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(yaml.load(bank.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader), schema)


def test_schema_rejects_what_the_loader_rejects():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    bad = {"bank": {"id": "t", "title": "x"}, "questions": [{"id": "a", "type": "choice", "prompt": "p", "anwser": "x"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
