"""How v1.db was made (kept for the record; the fixture itself is committed and never regenerated):
schema v1 exactly as the first release created it (migration 1 of quiz/core/store/schema.py), holding
the history of studying v1-bank.yaml: 4 cards, 6 answers in 2 sessions.

    python tests/data/upgrade/make_v1.py tests/data/upgrade/v1.db"""
import json
import sqlite3
import sys

from quiz.core.store.db import migrate_to

DAY = 86_400_000
T0 = 1_704_067_200_000  # 2024-01-01 00:00 UTC


def main(path: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    migrate_to(conn, 1)
    cards = [  # id, question_id, position, state, step, stability, difficulty, due, last_review, reps, lapses, last_correct
        (1, "q-date", 0, 2, None, 12.5, 4.9, T0 + 14 * DAY, T0 + 2 * DAY, 2, 0, 1),
        (2, "q-slogan", 1, 3, 0, 1.2, 7.1, T0 + 2 * DAY + 600_000, T0 + 2 * DAY, 2, 1, 0),
        (3, "q-choice", 2, 1, 1, 2.3, 5.5, T0 + DAY, T0, 1, 0, 1),
        (4, "q-new", 3, 0, None, None, None, None, None, 0, 0, None),
    ]
    for c in cards:
        conn.execute("INSERT INTO cards(id, bank_id, question_id, position, created, state, step, stability, "
                     "difficulty, due, last_review, reps, lapses, last_correct, last_answer) "
                     "VALUES (?, 'upgrade-v1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (c[0], c[1], c[2], T0, *c[3:], c[8]))
    conn.execute("INSERT INTO sessions VALUES (1, ?, ?, 'study', '[\"upgrade-v1\"]', 3, 2, 20, 2)", (T0, T0 + 60_000))
    conn.execute("INSERT INTO sessions VALUES (2, ?, ?, 'study', '[\"upgrade-v1\"]', 3, 2, 20, 1)",
                 (T0 + 2 * DAY, T0 + 2 * DAY + 60_000))
    new = json.dumps({"state": 0, "step": None, "stability": None, "difficulty": None, "due": None,
                      "last_review": None, "reps": 0, "lapses": 0, "suspended": False, "leech": False,
                      "last_correct": None, "last_answer": None})
    reviews = [  # id, card, session, at, rating, correct, elapsed_ms, state_before
        (1, 1, 1, T0 + 1000, 3, 1, 4200, 0), (2, 2, 1, T0 + 2000, 3, 1, 3900, 0), (3, 3, 1, T0 + 3000, 1, 0, 8000, 0),
        (4, 1, 2, T0 + 2 * DAY, 3, 1, 2500, 1), (5, 2, 2, T0 + 2 * DAY + 1000, 1, 0, 9100, 2),
        (6, 3, 2, T0 + 2 * DAY + 2000, 3, 1, 3300, 1),
    ]
    for r in reviews:
        conn.execute("INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (*r, new))
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


if __name__ == "__main__":
    main(sys.argv[1])
