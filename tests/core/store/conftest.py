import random
from datetime import UTC, datetime, timedelta

import pytest

from quiz.core.model import Bank, Question


class FakeClock:
    def __init__(self, start=datetime(2024, 3, 1, 12, 0, tzinfo=UTC)):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, **kw):
        self.now += timedelta(**kw)


def make_bank(n=5, bank_id="b1", prefix="q"):
    qs = tuple(Question(id=f"{prefix}{i}", type="fill", prompt=f"第{i}题", answers=(f"答{i}",)) for i in range(n))
    return Bank(id=bank_id, title="T", questions=qs)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def rng():
    return random.Random(7)


@pytest.fixture(name="make_bank")
def _make_bank_fixture():
    return make_bank
