"""Property: a bank exported to Anki's text format and imported again keeps its questions.

What survives, exactly: the bank id (carried in the note GUIDs), every question's id, type,
prompt, answers (with `accept`), choices / items, explanation, source, hint and tags (as Anki
tags: a space becomes '_', HTML characters their full-width forms, a tag that would start a
spreadsheet formula gets a leading '_'); the bank title becomes the deck name and comes back as
the title (made a deck name the same way).
What does not: the bank's description, language, source and tags.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from hypothesis import given, settings

from quiz.core.banks.loader import load_text
from quiz.core.exchange import delimited as anki_csv
from quiz.core.exchange.notes import anki_tags, deck_name
from quiz.core.exchange.yaml_out import dump_bank

_spec = importlib.util.spec_from_file_location("exchange_strategies", Path(__file__).with_name("strategies.py"))
strategies = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(strategies)


def _kept(q):
    return (q.id, q.type, q.prompt, q.answers, q.choices, q.explanation, q.source, q.hint, anki_tags(q.tags))


@settings(max_examples=150, deadline=None)
@given(strategies.banks())
def test_csv_round_trip_keeps_questions(bank):
    assert load_text(dump_bank(bank)).ok  # the generated bank is valid to begin with
    back = anki_csv.import_bytes(anki_csv.dumps(bank).encode("utf-8"))
    assert back.id == bank.id
    assert back.title == deck_name(bank.title)
    assert [_kept(q) for q in back.questions] == [_kept(q) for q in bank.questions]


@settings(max_examples=100, deadline=None)
@given(strategies.banks())
def test_export_is_deterministic_and_one_row_per_question(bank):
    text = anki_csv.dumps(bank)
    assert text == anki_csv.dumps(bank)
    _, notes = anki_csv.read_notes(text.encode("utf-8"))
    assert len(notes) == len(bank.questions)


from hypothesis import strategies as st  # noqa: E402

_LINEISH = st.lists(st.one_of(st.sampled_from(["\t", ",", ";", '"', "\n", "\r\n", "#", "{{c1::", "}}", "<br>",
                                               "&amp;", "#separator:tab\n", "#html:true\n", "#tags column:3\n"]),
                              st.text(max_size=6), st.binary(max_size=4).map(lambda b: b.decode("latin-1"))),
                    max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=200), _LINEISH.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_any_input_gives_a_bank_or_located_problems(data):
    try:
        bank = anki_csv.import_bytes(data)
    except anki_csv.ImportError_ as e:
        assert e.problems and all(n >= 1 and msg for n, msg in e.problems)
    else:
        assert load_text(dump_bank(bank)).ok
