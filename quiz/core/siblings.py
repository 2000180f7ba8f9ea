"""Siblings: questions cut from the same source sentence, or given one `group:` by the bank's author.

One sibling's prompt or feedback (the source line) would give another's answer away, so a
session shows at most one question of a family, and in study answering one buries the others
until the next learning day (as Anki buries the sibling cards of a note).

Planning a study session: which cards today's session will show, in the order the queues pick
them (learning cards due now, reviews due today, new cards in bank order within the new-card
budget, learning cards due within the learn-ahead window), one per family; `today` gives home
the same plan's counts without starting a session (and without importing the session engine)."""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.core.model import Bank, Question
from quiz.core.scheduler import LEARN_AHEAD_MS, State
from quiz.core.settings import NEW_CARDS_PER_DAY

if TYPE_CHECKING:
    from quiz.core.store import Store

DEFAULT_NEW_LIMIT = int(NEW_CARDS_PER_DAY.default)  # new cards a day, over every session of the day
AHEAD_MS = LEARN_AHEAD_MS


def sibling_key(bank_id: str, question: Question) -> str | None:
    """The family a question belongs to: its bank's `group:`, else its source sentence (the same
    sentence in two banks is one family); None for a question with neither."""
    if question.group:
        return f"group\0{bank_id}\0{question.group}"
    if question.source:
        text = "".join(question.source.split())  # the same sentence, however it was wrapped or spaced
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
        chosen = set(cards)
        new = sum(1 for r in rows if r[0] in chosen and r[1] == State.NEW)
    return Plan(tuple(cards), new, frozenset(held))


def new_allowed_today(store: Store, bank_ids: Sequence[str]) -> int:
    """New cards today's daily limit (`quiz config new_cards_per_day`) still allows in these banks."""
    return max(store.prefs.new_cards_per_day - store.new_studied_today(bank_ids), 0)


@dataclass(frozen=True, slots=True)
class Today:
    """What a study session on a bank would hold now (home's columns)."""

    due: int     # learning and review cards, one per family
    new: int     # new cards within today's limit, one per family
    held: int    # siblings buried or left out today
    next_due: int | None  # when the next card falls due (ms), for "nothing to do"


def today(store: Store, banks: Sequence[Bank]) -> Today:
    """The study session's plan without starting one (the same rules as Session)."""
    bank_ids = [b.id for b in banks]
    family = families(store, banks)
    hidden = family.buried_by(store.answered_today(bank_ids))
    _start, end = store.day()
    p = plan(store.queue_rows(bank_ids, end), family, now_ms=store.now_ms(), ahead_ms=AHEAD_MS,
             new_left=new_allowed_today(store, bank_ids), hidden=hidden)
    return Today(due=len(p.cards) - p.new, new=p.new, held=len(p.held), next_due=store.next_due(bank_ids))


def families(store: Store, banks: Sequence[Bank], by_card: dict[int, Question] | None = None) -> Siblings:
    """The families of every question of `banks` by card id (making the cards), and with `by_card`
    each card's question."""
    family = Siblings()
    for bank in banks:
        ids = store.sync_bank(bank)
        for q in bank.questions:
            family.add(ids[q.id], sibling_key(bank.id, q))
            if by_card is not None:
                by_card[ids[q.id]] = q
    return family
