"""The canonical machine-readable form of a bank."""
from __future__ import annotations

from quiz.core.model import Bank, Question
from quiz.core.textsafe import json_text


def question_json(q: Question) -> dict:
    return {
        "id": q.id,
        "type": q.type.value,
        "prompt": q.prompt,
        "choices": list(q.choices),
        "answers": list(q.answers),
        "source": q.source,
        "explanation": q.explanation,
        "tags": list(q.tags),
        "group": q.group,
        "shuffle": q.shuffle is not False,
    }


def bank_json(bank: Bank) -> dict:
    head: dict[str, object] = {"id": bank.id, "title": bank.title, "description": bank.description, "language": bank.language,
            "tags": list(bank.tags), "source": None, "shuffle": bank.shuffle is not False}
    if bank.source is not None:
        head["source"] = {"file": bank.source.file, "title": bank.source.title,
                          "publisher": bank.source.publisher, "date": bank.source.date}
    return {"bank": head, "questions": [question_json(q) for q in bank.questions]}


def dumps(bank: Bank) -> str:
    return json_text(bank_json(bank)) + "\n"


def export(bank: Bank, args=None) -> str:
    return dumps(bank)
