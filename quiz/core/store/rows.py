"""Cards as rows: the column list and the conversions between a row and a CardState."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.core.scheduler import CardState, State

STATE_COLS = ("state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses",
              "suspended", "leech", "last_correct", "last_answer")
SELECT = "id, bank_id, question_id, " + ", ".join(STATE_COLS)


@dataclass(frozen=True, slots=True)
class CardRow:
    id: int
    bank_id: str
    question_id: str
    st: CardState


def row_to_card(r: Sequence) -> CardRow:
    st = CardState(state=State(r[3]), step=r[4], stability=r[5], difficulty=r[6], due=r[7], last_review=r[8],
                   reps=r[9], lapses=r[10], suspended=bool(r[11]), leech=bool(r[12]),
                   last_correct=None if r[13] is None else bool(r[13]), last_answer=r[14])
    return CardRow(r[0], r[1], r[2], st)


def state_values(st: CardState) -> tuple:
    return (int(st.state), st.step, st.stability, st.difficulty, st.due, st.last_review, st.reps, st.lapses,
            int(st.suspended), int(st.leech), None if st.last_correct is None else int(st.last_correct),
            st.last_answer)
