"""Fixtures for the TUI tests: a real store in a temp dir, a fixed clock, a seeded rng, a Chinese bank."""
from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from support.clock import Clock
from support.tui import DATA

from quiz.core.banks.loader import load_path


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2025, 6, 15, 9, 0, tzinfo=UTC))


@pytest.fixture
def bank():
    result = load_path(DATA / "tui-bank.yaml")
    assert result.ok, result.problems
    return result.bank


@pytest.fixture
def store(tmp_path, clock):
    from quiz.core.store import Store

    s = Store.open(tmp_path / "data", clock=clock)
    yield s
    s.close()


@pytest.fixture
def make(store, clock, bank):
    """make(**kw) -> a fresh app over the test bank (English unless lang= is given)."""
    from quiz.tui.app import make_app

    def factory(**kw):
        kw.setdefault("banks", [bank])
        kw.setdefault("lang", "en")
        kw.setdefault("session_options", {"fuzz": False})
        return make_app(store, clock, random.Random(7), **kw)

    return factory

