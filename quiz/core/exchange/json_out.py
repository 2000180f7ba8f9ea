"""The canonical machine-readable form of a bank."""
from __future__ import annotations

import json
import re

from quiz.core.model import Bank, Question


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
    }


def bank_json(bank: Bank) -> dict:
    head = {"id": bank.id, "title": bank.title, "description": bank.description, "language": bank.language,
            "tags": list(bank.tags), "source": None}
    if bank.source is not None:
        head["source"] = {"file": bank.source.file, "title": bank.source.title,
                          "publisher": bank.source.publisher, "date": bank.source.date}
    return {"bank": head, "questions": [question_json(q) for q in bank.questions]}


# json.dumps escapes C0 controls but leaves C1 controls (a terminal may take U+009B for CSI) and
# bidi overrides raw; escape them too: the same JSON data, safe to print.
_UNSAFE = re.compile("[\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def dumps(bank: Bank) -> str:
    text = json.dumps(bank_json(bank), ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"


def export(bank: Bank, args=None) -> str:
    return dumps(bank)
