"""Siblings: questions cut from the same source sentence, or given one `group:` by the bank's author.

One sibling's prompt or feedback (the source line) would give another's answer away, so a
session shows at most one question of a family, and in study answering one buries the others
until the next learning day (as Anki buries the sibling cards of a note).

Planning a study session: which cards today's session will show, in the order the queues pick
them (learning cards due now, reviews due today, new cards in bank order within the new-card
budget, learning cards due within the learn-ahead window), one per family."""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from quiz.core.answers.normalize import normalize
from quiz.core.model import Question
from quiz.core.scheduler import State


def sibling_key(bank_id: str, question: Question) -> str | None:
    """The family a question belongs to: its bank's `group:`, else its source sentence (the same
    sentence in two banks is one family); None for a question with neither."""
    if question.group:
        return f"group\0{bank_id}\0{question.group}"
    if question.source:
        text = normalize(question.source)
        return f"source\0{text}" if text else None
    return None


class Siblings:
    """Card ids grouped by family."""

    def __init__(self) -> None:
        self._key: dict[int, str] = {}
        self._members: dict[str, list[int]] = {}

    def add(self, card_id: int, key: str | None) -> None:
        if key is not None and card_id not in self._key:
            self._key[card_id] = key
            self._members.setdefault(key, []).append(card_id)

    def key(self, card_id: int) -> str | None:
        return self._key.get(card_id)

    def of(self, card_id: int) -> list[int]:
        """The other cards of `card_id`'s family."""
        key = self._key.get(card_id)
        return [c for c in self._members.get(key, ()) if c != card_id] if key is not None else []

    def buried_by(self, answered: Collection[int]) -> set[int]:
        """The siblings of `answered` cards that were not answered themselves."""
        out: set[int] = set()
        for c in answered:
            out.update(self.of(c))
        return out - set(answered)


@dataclass(frozen=True, slots=True)
class Plan:
    cards: tuple[int, ...]  # the cards the session will show, in order, one per family
    new: int                # how many of them are new
    held: frozenset[int]    # cards it leaves out because a sibling is shown (or was answered today)


def plan(rows: Sequence[tuple[int, int, int | None, int, int]], siblings: Siblings, *, now_ms: int, ahead_ms: int,
         new_left: int, hidden: Collection[int] = (), limit: int | None = None) -> Plan:
    """Today's study session from `rows` (id, state, due, position, bank rank) of the cards it may show.
    Learning cards count when due within `ahead_ms` of now; every review card in `rows` counts."""
    def due(r: tuple) -> int:
        return r[2] if r[2] is not None else 0

    learning = [r for r in rows if State(r[1]).learning and r[2] is not None]
    groups = (
        sorted((r for r in learning if due(r) <= now_ms), key=due),
        sorted((r for r in rows if r[1] == State.REVIEW), key=due),
        sorted((r for r in rows if r[1] == State.NEW), key=lambda r: (r[4], r[3])),
        sorted((r for r in learning if now_ms < due(r) <= now_ms + ahead_ms), key=due),
    )
    taken: set[str] = set()
    cards: list[int] = []
    held: set[int] = set()
    new = 0
    for group in groups:
        for r in group:
            cid = r[0]
            if r[1] == State.NEW and new >= new_left:
                break
            key = siblings.key(cid)
            if cid in hidden or (key is not None and key in taken):
                held.add(cid)
                continue
            new += r[1] == State.NEW
            cards.append(cid)
            if key is not None:
                taken.add(key)
    if limit is not None and len(cards) > limit:
        cards = cards[:limit]
        new = sum(1 for r in rows if r[0] in set(cards) and r[1] == State.NEW)
    return Plan(tuple(cards), new, frozenset(held))
