"""The .apkg is checked by Anki itself (the `anki` test extra): skipped only when anki cannot be imported."""
from __future__ import annotations

import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from quiz.core.banks.loader import load_path
from quiz.core.exchange import apkg
from quiz.core.exchange.html import NO_MATH
from quiz.core.exchange.notes import guid_of
from quiz.core.model import Question

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def bank():
    b = load_path(ROOT / "banks" / "tutorial.yaml").bank
    extra = Question("markup", "card", "<script>x</script> 学史\x07明理", ("[b]粗[/b] & 细",), tags=("两 个",))
    return replace(b, questions=b.questions + (extra,))


def _notes(data: bytes, tmp_path: Path):
    p = tmp_path / "x.apkg"
    p.write_bytes(data)
    with zipfile.ZipFile(p) as z:
        (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
    con = sqlite3.connect(tmp_path / "c.anki2")
    try:
        return con.execute("select guid, flds, tags from notes order by id").fetchall()
    finally:
        con.close()


def test_package_without_anki(bank, tmp_path):
    rows = _notes(apkg.package(bank, timestamp=1.0e9), tmp_path)
    assert [r[0] for r in rows] == [guid_of(bank.id, q.id) for q in bank.questions]
    flds = {g: f.split("\x1f") for g, f, _ in rows}
    front, back, hint = flds[guid_of(bank.id, "markup")]
    assert front == NO_MATH + "&lt;script&gt;x&lt;/script&gt; 学史明理</div>"
    assert "&#91;b&#93;粗&#91;/b&#93; &amp; 细" in back and hint == ""
    assert rows[-1][2].split() == ["两_个"]


def test_ids_are_deterministic(bank):
    assert [m.model_id for m in apkg.models()] == [m.model_id for m in apkg.models()]
    assert apkg.deck_id(bank) == apkg.deck_id(replace(bank, title="另一个"))
    assert apkg.deck_id(bank) != apkg.deck_id(replace(bank, id="other"))


def test_anki_imports_the_package(bank, tmp_path):
    anki_collection = pytest.importorskip("anki.collection")
    Collection = anki_collection.Collection
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    pkg = tmp_path / "bank.apkg"
    pkg.write_bytes(apkg.package(bank))
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        req = ImportAnkiPackageRequest(package_path=str(pkg), options=ImportAnkiPackageOptions(with_scheduling=False))
        first = col.import_anki_package(req)
        assert len(first.log.new) == len(bank.questions)
        assert col.note_count() == len(bank.questions)
        assert bank.title in [d.name for d in col.decks.all_names_and_ids()]
        by_guid = {col.get_note(n).guid: col.get_note(n) for n in col.find_notes("")}
        assert set(by_guid) == {guid_of(bank.id, q.id) for q in bank.questions}
        for q in bank.questions:
            note = by_guid[guid_of(bank.id, q.id)]
            kind = note.note_type()["name"]
            assert kind == ("quiz Cloze" if q.type == "fill" else "quiz Basic")
            assert list(note.tags) == [t.replace(" ", "_") for t in q.tags]
            if q.type == "fill":
                html = note.cards()[0].question()
                assert "[...]" in html  # the blank is rendered
                head, tail = q.prompt.split("____") if "____" in q.prompt else (q.prompt, "")
                assert head in html and tail in html
                assert "学史增信" in note.cards()[0].answer() or q.answer in note.cards()[0].answer()
            elif q.type == "card":
                assert "<script>" not in note.fields[0]
        slogan = by_guid[guid_of(bank.id, "slogan-trust")]
        assert slogan.fields[0] == NO_MATH + "学史明理、{{c1::学史增信}}、学史崇德、学史力行</div>"  # Chinese intact
        second = col.import_anki_package(req)
        assert len(second.log.new) == 0
        assert col.note_count() == len(bank.questions)
        # a newer export of a changed bank updates the same notes
        changed = replace(bank, questions=tuple(replace(q, explanation="新的解析") if q.id == "anniversary" else q
                                                for q in bank.questions))
        pkg.write_bytes(apkg.package(changed, timestamp=4.0e9))
        third = col.import_anki_package(req)
        assert len(third.log.new) == 0 and col.note_count() == len(bank.questions)
        assert "新的解析" in col.get_note(by_guid[guid_of(bank.id, "anniversary")].id).fields[1]
    finally:
        col.close()


def test_anki_reads_the_text_export(bank, tmp_path):
    anki_collection = pytest.importorskip("anki.collection")
    from anki.import_export_pb2 import ImportCsvRequest

    from quiz.core.exchange import delimited as anki_csv

    f = tmp_path / "bank.txt"
    f.write_text(anki_csv.dumps(bank), "utf-8")
    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        md = col.get_csv_metadata(path=str(f), delimiter=None)
        assert md.is_html
        first = col.import_csv(ImportCsvRequest(path=str(f), metadata=md))
        assert len(first.log.new) == len(bank.questions) == col.note_count()
        notes = [col.get_note(n) for n in col.find_notes("")]
        kinds = {n.guid: n.note_type()["name"] for n in notes}
        assert kinds[guid_of(bank.id, "slogan-trust")] == "Cloze" and kinds[guid_of(bank.id, "anniversary")] == "Basic"
        assert "[...]" in next(n for n in notes if n.guid == guid_of(bank.id, "slogan-trust")).cards()[0].question()
        again = col.import_csv(ImportCsvRequest(path=str(f), metadata=md))
        assert len(again.log.new) == 0 and col.note_count() == len(bank.questions)
    finally:
        col.close()
