"""Anki package (.apkg) export with genanki: one note per question, deck named after the bank.

Note types are ours ("quiz Basic", "quiz Cloze", each with a Hint field shown behind Anki's
"show hint" link) with fixed ids, so every exported bank shares them; the deck id comes from the
bank id and each note GUID from bank id + question id, so importing a newer export of the same
bank updates its notes. (v2 of the note types added Hint: their ids changed with their fields.)
"""
from __future__ import annotations

import hashlib
import io
import time

from quiz.core.exchange.notes import CLOZE, deck_name, note_of
from quiz.core.model import Bank

CSS = """.card { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 22px; line-height: 1.5; text-align: left; color: black; background-color: white; }
.prompt { margin-bottom: .6em; }
.kind, .label, .truefalse { color: #666; }
.explanation, .source { margin-top: .8em; font-size: 18px; }
.source { color: #555; }
.cloze { font-weight: bold; color: #1565c0; }
.hint { margin-top: .6em; font-size: 18px; color: #555; }
"""
HINT = '{{#Hint}}<div class="hint">{{hint:Hint}}</div>{{/Hint}}'  # Anki's "show hint" link


def _id(text: str) -> int:
    """A stable id in Anki's range (below 2**63) from text."""
    return (1 << 30) + int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:12], 16) % (1 << 40)


def models():
    import genanki

    basic = genanki.Model(
        _id("quiz model basic v2"), "quiz Basic",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Hint"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}" + HINT,
                    "afmt": '{{Front}}<hr id="answer">{{Back}}'}],
        css=CSS)
    cloze = genanki.Model(
        _id("quiz model cloze v2"), "quiz Cloze",
        fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "Hint"}],
        templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}" + HINT, "afmt": "{{cloze:Text}}<br>{{Back Extra}}"}],
        css=CSS, model_type=genanki.Model.CLOZE)
    return basic, cloze


def deck_id(bank: Bank) -> int:
    return _id("quiz deck " + bank.id)


def package(bank: Bank, *, timestamp: float | None = None) -> bytes:
    import genanki

    basic, cloze = models()
    deck = genanki.Deck(deck_id(bank), deck_name(bank.title))
    for q in bank.questions:
        n = note_of(bank, q)
        deck.add_note(genanki.Note(model=cloze if n.kind == CLOZE else basic, fields=list(n.fields),
                                   tags=list(n.tags), guid=n.guid))
    buf = io.BytesIO()
    genanki.Package(deck).write_to_file(buf, timestamp=time.time() if timestamp is None else timestamp)
    return buf.getvalue()


def export(bank: Bank, args=None) -> bytes:
    return package(bank)
