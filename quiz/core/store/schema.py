"""The database schema as a list of migrations; migration N brings user_version N-1 to N.

Times are integers: milliseconds since the epoch, UTC. Card states: 0 new, then
py-fsrs's 1 learning, 2 review, 3 relearning."""
from __future__ import annotations

V1 = """
CREATE TABLE cards (
    id INTEGER PRIMARY KEY,
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    created INTEGER NOT NULL,
    state INTEGER NOT NULL DEFAULT 0,
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due INTEGER,
    last_review INTEGER,
    reps INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    last_correct INTEGER,
    last_answer INTEGER,
    suspended INTEGER NOT NULL DEFAULT 0,
    UNIQUE (bank_id, question_id)
);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    started INTEGER NOT NULL,
    ended INTEGER NOT NULL,
    mode TEXT NOT NULL,
    banks TEXT NOT NULL,
    answered INTEGER NOT NULL DEFAULT 0,
    correct INTEGER NOT NULL DEFAULT 0,
    points INTEGER NOT NULL DEFAULT 0,
    best_streak INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL REFERENCES cards(id),
    session_id INTEGER REFERENCES sessions(id),
    at INTEGER NOT NULL,
    rating INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    elapsed_ms INTEGER,
    state_before INTEGER NOT NULL,
    prev TEXT NOT NULL
);
CREATE INDEX reviews_card ON reviews(card_id, at);
CREATE INDEX reviews_at ON reviews(at, correct, state_before);
CREATE INDEX cards_due ON cards(bank_id, state, due) WHERE active = 1 AND suspended = 0;
CREATE INDEX cards_new ON cards(bank_id, position) WHERE state = 0 AND active = 1 AND suspended = 0;
"""

# v2: settings (desired retention, personal FSRS parameters), leech flag, whether an
# answer moved the schedule, points per answer, and an index for missed items.
V2 = """
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
ALTER TABLE cards ADD COLUMN leech INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reviews ADD COLUMN scheduled INTEGER NOT NULL DEFAULT 1;
ALTER TABLE reviews ADD COLUMN points INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cards_missed ON cards(bank_id, last_answer) WHERE last_correct = 0 AND active = 1;
CREATE INDEX cards_leech ON cards(bank_id) WHERE leech = 1;
"""

# v3: one covering index for the statistics over recent answers (per day, retention, time per answer,
# per bank) so they read only the index range of the days asked for.
V3 = """
DROP INDEX reviews_at;
CREATE INDEX reviews_at ON reviews(at, state_before, correct, elapsed_ms, card_id);
"""

# v4: each answer names its bank, so a bank's statistics read an index range of that bank's answers
# (they filtered every answer of a period through the bank's card list: 1.7 s for a bank of 100k cards
# with 1M answers). Answers written without it (an older quiz's backup restored, a direct INSERT) get
# it from their card by the trigger; a card never changes bank.
V4 = """
ALTER TABLE reviews ADD COLUMN bank_id TEXT;
UPDATE reviews SET bank_id = (SELECT bank_id FROM cards WHERE cards.id = reviews.card_id);
CREATE INDEX reviews_bank ON reviews(bank_id, at, state_before, correct, elapsed_ms);
CREATE TRIGGER reviews_bank_id AFTER INSERT ON reviews WHEN NEW.bank_id IS NULL
BEGIN
    UPDATE reviews SET bank_id = (SELECT bank_id FROM cards WHERE cards.id = NEW.card_id) WHERE id = NEW.id;
END;
"""

MIGRATIONS: tuple[str, ...] = (V1, V2, V3, V4)
SCHEMA_VERSION = len(MIGRATIONS)
