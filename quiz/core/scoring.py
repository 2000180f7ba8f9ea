"""Points: what one answer is worth in a session (streak bonus, hint penalty)."""
from __future__ import annotations

BASE_POINTS = 10
HINT_POINTS = 5
STREAK_BONUS_CAP = 10


def points_for(correct: bool, streak: int, used_hint: bool = False) -> int:
    """Points for one answer: 0 if wrong; else 10 (5 after the hint) plus a streak bonus of one
    point per earlier answer in the current streak, capped at 10. `streak` includes this answer."""
    if not correct:
        return 0
    base = HINT_POINTS if used_hint else BASE_POINTS
    return base + min(max(streak - 1, 0), STREAK_BONUS_CAP)
