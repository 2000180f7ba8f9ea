"""The banks we ship are valid and pass lint without a warning."""
from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.banks.lint import lint_bank
from quiz.core.banks.loader import load_path

BANKS = sorted((Path(__file__).resolve().parent.parent / "banks").glob("*.yaml"))


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.name)
def test_shipped_bank_is_valid_and_lint_clean(path):
    positions: dict = {}
    result = load_path(path, positions=positions)
    assert result.ok, [str(p) for p in result.problems]
    assert [str(w) for w in lint_bank(result.bank, positions)] == []


def test_there_are_shipped_banks():
    assert {p.name for p in BANKS} >= {"tutorial.yaml", "xizang-dangshi-2021.yaml"}
