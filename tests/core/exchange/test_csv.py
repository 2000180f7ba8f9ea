from __future__ import annotations

import csv as stdcsv
from pathlib import Path

import pytest

from quiz.core.banks.loader import load_path
from quiz.core.exchange import delimited as anki_csv
from quiz.core.exchange.html import NO_MATH, esc, to_text
from quiz.core.model import Bank, Question

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "import"


def _bank(*qs, title="测试 题库"):
    return Bank(id="b1", title=title, questions=tuple(qs))


def test_header_lines_and_columns():
    bank = _bank(Question("c1", "card", "正面", ("背面",), tags=("党史 学习", "西藏")))
    lines = anki_csv.dumps(bank).splitlines()
    assert lines[:7] == ["#separator:tab", "#html:true", "#guid column:1", "#notetype column:2",
                         "#deck:测试 题库", "#tags column:6", "#columns:GUID\tNotetype\tFront\tBack\tHint\tTags"]
    assert next(stdcsv.reader([lines[7]], delimiter="\t")) == [
        "quiz:b1:c1", "Basic", NO_MATH + "正面</div>", NO_MATH + '<div class="answer">背面</div></div>', "", "党史_学习 西藏"]


def test_fill_is_a_cloze_note_and_text_is_escaped():
    q = Question("f", "fill", "<b>学史</b>明理、____、{学史崇德}", ("学史::增信}}", "学史增信"), explanation="a\x1bb")
    row = next(stdcsv.reader([anki_csv.dumps(_bank(q)).splitlines()[7]], delimiter="\t"))
    assert row[1] == "Cloze"
    assert row[2] == NO_MATH + "&lt;b&gt;学史&lt;/b&gt;明理、{{c1::学史&#58;&#58;增信&#125;&#125;}}、&#123;学史崇德&#125;</div>"
    assert "\x1b" not in row[3] and "<li>学史增信</li>" in row[3]
    back = anki_csv.import_bytes(anki_csv.dumps(_bank(q)).encode()).questions[0]
    assert (back.prompt, back.answers, back.explanation) == (q.prompt, q.answers, "ab")


def test_multiline_text_survives():
    q = Question("c", "card", "第一行\n第二行", ("答：\n  缩进",), source="出处\n下一行")
    back = anki_csv.import_bytes(anki_csv.dumps(_bank(q)).encode())
    assert back.questions[0].prompt == "第一行\n第二行"
    assert back.questions[0].source == "出处\n下一行"


def test_tutorial_round_trip():
    bank = load_path(ROOT / "banks" / "tutorial.yaml").bank
    back = anki_csv.import_bytes(anki_csv.dumps(bank).encode())
    assert [(q.id, q.type, q.prompt, q.answers, q.choices) for q in back.questions] == \
        [(q.id, q.type, q.prompt, q.answers, q.choices) for q in bank.questions]


def test_html_to_text():
    assert to_text("a<br>b&nbsp;<b>c</b>[sound:x.mp3]") == "a\nb\u00a0c"
    assert to_text(esc("<&>\"'")) == "<&>\"'"


def test_foreign_plain_deck():
    bank = anki_csv.import_bytes((DATA / "anki-plain.txt").read_bytes(), default_id="plain")
    assert bank.id == "plain" and bank.title == "plain"
    q = bank.questions
    assert [x.type for x in q] == ["card"] * 3
    assert q[0].answer == "62周年\n即1959年至2021年" and q[0].tags == ("党史", "数字")
    assert q[1].answer == "拉萨"
    assert q[2].prompt == '含有 制表符的"正面"'


def test_foreign_cloze_one_question_per_deletion():
    bank = anki_csv.import_bytes((DATA / "anki-cloze.txt").read_bytes())
    assert bank.title == "党史::西藏"
    a, b, c = bank.questions
    assert (a.prompt, a.answer) == ("____、学史增信、学史崇德、学史力行", "学史明理")
    assert (b.prompt, b.answer) == ("学史明理、____、学史崇德、学史力行", "学史增信")
    assert a.id.endswith("-c1") and b.id.endswith("-c2") and a.explanation == "四句话"
    assert (c.prompt, c.answer, c.hint) == ("全区共设____会场", "726个", "数字")


def test_ids_are_stable_between_imports():
    data = (DATA / "anki-plain.txt").read_bytes()
    assert [q.id for q in anki_csv.import_bytes(data).questions] == \
        [q.id for q in anki_csv.import_bytes(data).questions]


def test_comma_separated_guessed():
    bank = anki_csv.import_bytes((DATA / "comma.csv").read_bytes())
    # the first line `front,back` names the columns: it is not a card (issue 11 #7)
    assert [(q.prompt, q.answer) for q in bank.questions] == [("拉萨, 西藏", "首府"), ("林芝", "藏东南")]


@pytest.mark.parametrize("name, line, words", [
    ("wrong-columns.txt", 4, "3 columns where 2 are expected"),
    ("mixed-separators.csv", 2, "mixed separators"),
    ("gbk.txt", 1, "GBK"),
    ("utf16.txt", 1, "UTF-16"),
    ("open-quote.txt", 3, "never closed"),
    ("empty.txt", 1, "empty"),
    ("header-only.txt", 2, "no notes"),
    ("bad-separator.txt", 1, "unknown separator"),
    ("no-back.txt", 2, "back is empty"),
])
def test_bad_files(name, line, words):
    with pytest.raises(anki_csv.ImportError_) as e:
        anki_csv.import_bytes((DATA / name).read_bytes())
    assert e.value.problems[0][0] == line
    assert words in e.value.problems[0][1]


def test_repeated_guid_and_invalid_result_reported_at_their_lines():
    data = ("#separator:tab\n#guid column:1\n"
            "g1\t拉萨\t首府\n"
            "g1\t林芝\t藏东南\n").encode()
    with pytest.raises(anki_csv.ImportError_) as e:
        anki_csv.import_bytes(data)
    assert e.value.problems == [(4, "the note GUID 'g1' repeats line 3")]
    data = "#separator:tab\n#html:true\n<div class=\"prompt\">问</div><ol class=\"choice\"><li>甲</li></ol>\t<div class=\"answer\">乙</div>\n"
    with pytest.raises(anki_csv.ImportError_) as e:
        anki_csv.import_bytes(data.encode())
    assert e.value.problems[0][0] == 3


@pytest.mark.parametrize("data", [b"\xff\xfe\x00", b"#", b"\t\t\t\n", b'"', b"a\tb\n\"c", b"#tags column:x\n",
                                  b"#tags column:9\na\tb\n", b"{{c1::}}\tx\n", b"{{c1::a}}{{c1::b}}\t\n",
                                  b"\x00\x01", b"a" * 10 + b"\r\n" + b"b\r\n"])
def test_odd_input_never_raises_anything_else(data):
    try:
        bank = anki_csv.import_bytes(data)
    except anki_csv.ImportError_ as e:
        assert e.problems and all(isinstance(n, int) and n >= 1 for n, _ in e.problems)
    else:
        assert isinstance(bank, Bank)


# ---- what a careless file does (issues 11 #7, 12 #8, #9, #16) ----------------------------------------

@pytest.mark.parametrize("first", ["front,back", "Front,Back", "问题,答案", "正面,背面,标签", "Question,Answer,Tags"])
def test_a_first_row_of_column_names_is_not_a_card(first):
    said: list[str] = []
    tags = ",党史" if first.count(",") == 2 else ""
    bank = anki_csv.import_bytes(f"{first}\n拉萨,首府{tags}\n林芝,藏东南{tags}\n".encode(), said=said)
    assert [q.prompt for q in bank.questions] == ["拉萨", "林芝"]
    assert said == ["line 1 holds column names, not a note"]
    if tags:
        assert bank.questions[0].tags == ("党史",)  # a column named tags/标签 is the tags


def test_a_first_row_that_is_a_card_stays_a_card():
    bank = anki_csv.import_bytes("front of card,back of card\n林芝,藏东南\n".encode())
    assert [q.prompt for q in bank.questions] == ["front of card", "林芝"]


def test_columns_beyond_a_note_are_never_dropped_silently():
    data = "问题;答案;多余一;多余二;多余三\n林芝;藏东南;;;\n".encode()
    with pytest.raises(anki_csv.ImportError_) as e:
        anki_csv.import_bytes(data)
    line, msg = e.value.problems[0]
    assert line == 1 and "5 columns" in msg and "3 ('多余一')" in msg and "would be lost" in msg
    assert "guessed as semicolon" in msg and "#separator:tab" in msg
    ok = anki_csv.import_bytes("林芝;藏东南;;;\n拉萨;首府;;;\n".encode())  # empty extra columns lose nothing
    assert [q.answer for q in ok.questions] == ["藏东南", "首府"]


def test_a_huge_cloze_note_is_refused_before_it_is_made(monkeypatch):
    calls = []
    monkeypatch.setattr(anki_csv, "questions_of", lambda *a, **k: calls.append(1) or [])
    text = " ".join(f"{{{{c{i}::词语{i}}}}}" + "长" * 5 for i in range(1, 3001))  # 3,000 prompts of ~70 KB
    with pytest.raises(anki_csv.ImportError_) as e:
        anki_csv.import_bytes(f"#notetype:Cloze\n{text}\t背\n".encode())
    assert e.value.problems[0][0] == 2 and "3,000 questions" in e.value.problems[0][1]
    assert "split it into several notes" in e.value.problems[0][1] and calls == []


def test_a_cloze_note_with_many_deletions_makes_one_question_each():
    text = "、".join(f"{{{{c{i}::词{i}}}}}" for i in range(1, 401))
    bank = anki_csv.import_bytes(f"#notetype:Cloze\n{text}\t\n".encode())
    assert len(bank.questions) == 400
    q = bank.questions[199]
    assert q.answer == "词200" and q.prompt.startswith("词1、词2、") and "词199、____、词201" in q.prompt


def test_the_bank_size_limit_is_said_at_the_note_that_crosses_it(monkeypatch):
    monkeypatch.setattr(anki_csv, "BANK_BYTES", 2000)
    rows = "".join(f"问题{i}{'长' * 50}\t答案{i}\n" for i in range(40))
    with pytest.raises(anki_csv.ImportError_) as e:
        anki_csv.import_bytes(rows.encode())
    line, msg = e.value.problems[0]
    assert 5 <= line <= 20 and "the bank would be larger than" in msg and "split the file" in msg


def test_problems_of_the_made_bank_cite_the_lines_of_the_input():
    data = ("#separator:tab\n#html:true\n\n"
            "林芝\t藏东南\n"
            '<div class="prompt">问</div><ol class="choice"><li>甲</li><li>甲</li></ol>\t<div class="answer">甲</div>\n')
    with pytest.raises(anki_csv.ImportError_) as e:
        anki_csv.import_bytes(data.encode())
    assert e.value.problems == [(5, "duplicate choice '甲' (first at line 5)")]


def test_a_field_over_the_csv_limit_is_named_for_what_it_is():
    with pytest.raises(anki_csv.ImportError_) as e:
        anki_csv.import_bytes(("#separator:tab\n短\t" + "长" * 200_000 + "\n").encode())
    line, msg = e.value.problems[0]
    assert line == 2 and "longer than 131,072 characters" in msg and "bad quoting" not in msg
