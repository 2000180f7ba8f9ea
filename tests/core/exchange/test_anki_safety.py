"""Exports never let bank text act (issue 12 #13): Anki's media, LaTeX and TTS tags and MathJax in a
field, the deck name's `::` and HTML, tags; no CSV cell starts a spreadsheet formula. Hints are a
field of the notes (issue 11 #10). Checked by Anki itself when the `anki` extra is installed."""
from __future__ import annotations

import csv as stdcsv
import sqlite3
import zipfile

import pytest

from quiz.core.exchange import apkg
from quiz.core.exchange import delimited as anki_csv
from quiz.core.exchange.html import NO_MATH
from quiz.core.exchange.notes import FORMULA, anki_tags, deck_name, note_of
from quiz.core.model import Bank, Question

ACTIVE = ("[sound:evil.mp3] [latex]\\input{/etc/passwd}[/latex] [$]x^2[/$] [$$]y[/$$] \\(a+b\\) \\[c\\] "
          "[anki:tts lang=en_US]hi[/anki:tts]")


def active_bank() -> Bank:
    return Bank(id="h", title="上级::下级 <b>粗</b>", questions=(
        Question("card", "card", "=1+1 " + ACTIVE, ("-2 " + ACTIVE,), hint="@提示 " + ACTIVE, explanation=ACTIVE,
                 tags=("=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "<b>", "a b")),
        Question("fill", "fill", "+前 ____ " + ACTIVE, ("答",), hint="填空提示", source=ACTIVE),
        Question("choice", "choice", ACTIVE, ("[sound:a.mp3]", "乙"), ("[sound:a.mp3]", "乙"), hint="选提示"),
    ))


def test_fields_never_hold_anki_tags_and_are_skipped_by_mathjax():
    bank = active_bank()
    for q in bank.questions:
        note = note_of(bank, q)
        for f in note.fields:
            assert f == "" or (f.startswith(NO_MATH) and f.endswith("</div>")), f
            for tag in ("[sound:", "[latex]", "[$]", "[$$]", "[anki:"):
                assert tag not in f, (q.id, tag, f)
    assert note_of(bank, bank.questions[0]).fields[2].startswith(NO_MATH + "@提示")  # the hint is a field


def test_deck_names_and_tags_are_one_deck_and_plain_tags():
    assert deck_name("上级::下级 <b>粗</b>") == "上级：：下级 ＜b＞粗＜/b＞"
    assert deck_name(" \x1b[31m ") == "[31m" and deck_name("\t") == "quiz"
    tags = anki_tags(active_bank().questions[0].tags)
    assert tags == ("_=HYPERLINK(＂http://x＂)", "_+1", "_-1", "_@SUM(A1)", "＜b＞", "a_b")
    assert not any(t.startswith(FORMULA) or set(t) & set("<>&\"' ") for t in tags)


def test_anki_tags_are_linear_and_keep_order():
    tags = [f"标签{i % 50_000}" for i in range(100_000)]
    out = anki_tags(tags)
    assert len(out) == 50_000 and out[:2] == ("标签0", "标签1")


def test_no_csv_cell_starts_a_formula():
    text = anki_csv.dumps(active_bank())
    rows = list(stdcsv.reader([ln for ln in text.splitlines() if not ln.startswith("#")], delimiter="\t"))
    cells = [c for row in rows for c in row]
    assert len(rows) == 3 and cells
    assert [c for c in cells if c.startswith(FORMULA)] == []
    back = anki_csv.import_bytes(text.encode())  # and the text comes back as it was
    assert [q.prompt for q in back.questions] == [q.prompt for q in active_bank().questions]
    assert [q.hint for q in back.questions] == [q.hint for q in active_bank().questions]


def test_a_leading_formula_cell_is_prefixed_per_owasp():
    assert anki_csv._cell("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0"  # noqa: SLF001 (the guard itself)
    assert [anki_csv._cell(c) for c in ("+1", "-1", "@x", "\tx", "\rx", "ok")] == ["'+1", "'-1", "'@x", "'\tx",
                                                                                  "'\rx", "ok"]


def test_the_package_holds_the_hint_field_and_safe_names(tmp_path):
    p = tmp_path / "h.apkg"
    p.write_bytes(apkg.package(active_bank(), timestamp=1.0e9))
    with zipfile.ZipFile(p) as z:
        (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
    con = sqlite3.connect(tmp_path / "c.anki2")
    try:
        rows = con.execute("select flds, tags from notes order by id").fetchall()
        decks = con.execute("select decks from col").fetchone()[0]
    finally:
        con.close()
    assert all(len(f.split("\x1f")) == 3 for f, _ in rows)
    assert "::" not in decks and "<b>" not in decks
    assert not any(t.startswith(FORMULA) for f, tags in rows for t in tags.split())


def test_anki_renders_no_media_latex_or_speech_and_shows_the_hint(tmp_path):
    pytest.importorskip("anki.collection")
    from anki.collection import Collection
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    pkg = tmp_path / "h.apkg"
    pkg.write_bytes(apkg.package(active_bank()))
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(pkg),
                                                         options=ImportAnkiPackageOptions(with_scheduling=False)))
        assert "上级：：下级 ＜b＞粗＜/b＞" in [d.name for d in col.decks.all_names_and_ids()]  # one deck, not two
        for nid in col.find_notes(""):
            card = col.get_note(nid).cards()[0]
            shown = card.question() + card.answer()
            assert card.question_av_tags() == [] and card.answer_av_tags() == []  # nothing to play or speak
            assert "latex-" not in shown  # no LaTeX image rendered
            assert "[sound:" not in shown and "&#91;sound" in shown or "sound" not in shown
            assert NO_MATH in shown and "Hint" in card.question()  # MathJax skips it; the hint link is there
    finally:
        col.close()
