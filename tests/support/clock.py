"""A clock for deterministic tests: it moves only when told to."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

START = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)


class Clock:
    """Call it for the time; `advance(days=1, hours=2)` moves it."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


def store_and_clock(tmp_path, **kw):
    """A Store in `tmp_path` on a fresh Clock (no backups), for a fixture to yield and close."""
    from quiz.core.store import Store

    clock = Clock()
    return Store.open(tmp_path, clock=clock, backup=False, **kw), clock
