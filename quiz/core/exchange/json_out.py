"""The canonical machine-readable form of a bank: every field of the bank format, in JSON.

A question's answers are one list (`answers`: the right option then `accept` for a choice, the
right options for a multi, the items in order for an order question, the back of a card, "true"
or "false"); everything else keeps its name (a card's front is its `prompt`). Nothing of the
format is left out: tests/core/exchange/test_json_fields.py checks it against the loader's keys."""
from __future__ import annotations

from quiz.core.model import Bank, Question
from quiz.core.textsafe import json_text

SOURCE_FIELDS = ("file", "title", "publisher", "date", "url")


def question_json(q: Question) -> dict:
    return {
        "id": q.id,
        "type": q.type.value,
        "prompt": q.prompt,
        "choices": list(q.choices),
        "answers": list(q.answers),
        "source": q.source,
        "explanation": q.explanation,
        "hint": q.hint,
        "tags": list(q.tags),
        "group": q.group,
        "shuffle": q.shuffle is not False,
        "score": q.score,
    }


def bank_json(bank: Bank) -> dict:
    head: dict[str, object] = {"id": bank.id, "title": bank.title, "description": bank.description,
                               "language": bank.language, "tags": list(bank.tags), "source": None,
                               "shuffle": bank.shuffle is not False}
    if bank.source is not None:
        head["source"] = {k: getattr(bank.source, k) for k in SOURCE_FIELDS}
    return {"bank": head, "questions": [question_json(q) for q in bank.questions]}


def dumps(bank: Bank) -> str:
    return json_text(bank_json(bank)) + "\n"


def export(bank: Bank, args=None) -> str:
    return dumps(bank)
