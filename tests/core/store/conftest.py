import random

import pytest
from support.banks import fill_bank as make_bank
from support.clock import Clock as FakeClock


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def rng():
    return random.Random(7)


@pytest.fixture(name="make_bank")
def _make_bank_fixture():
    return make_bank
