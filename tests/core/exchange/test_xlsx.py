"""The Excel 题库: export then import gives the same bank (property), the exam-system layout,
formula-like text stays text, and every problem of a hand-made workbook is located."""
from __future__ import annotations

import importlib.util
import io
import re
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.banks.loader import load_text
from quiz.core.exchange import xlsx, xlsx_read
from quiz.core.exchange.yaml_out import dump_bank
from quiz.core.model import Bank, Question, Source

_spec = importlib.util.spec_from_file_location("exchange_strategies", Path(__file__).with_name("strategies.py"))
strategies = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(strategies)


def _kept(q):
    return (q.id, q.type, q.prompt, q.answers, q.choices, q.explanation, q.source, q.hint, q.tags)


@settings(max_examples=80, deadline=None)
@given(strategies.banks())
def test_export_then_import_gives_the_same_bank(bank):
    assert load_text(dump_bank(bank)).ok
    back = xlsx_read.import_bytes(xlsx.dumps(bank))
    assert (back.id, back.title, back.description, back.language, back.source, back.tags) == (
        bank.id, bank.title, bank.description, bank.language, bank.source, bank.tags)
    assert [_kept(q) for q in back.questions] == [_kept(q) for q in bank.questions]


BANK = Bank(id="demo", title="党史题库", description="说明", tags=("党史", "a|b"),
            source=Source(file="a.txt", title="标题", publisher="人民日报", date="2021"), questions=(
    Question("q1", "choice", "西藏设了多少个会场？", ("726个",), ("726个", "526个", "826个", "626个"), explanation="原文"),
    Question("q2", "multi", "哪些是“四史”？", ("学史明理", "学史崇德"), ("学史明理", "学史增信", "学史崇德"), tags=("四史",)),
    Question("q3", "truefalse", "纪念馆占地2700平方米。", ("true",)),
    Question("q4", "fill", "占地____平方米", ("2700", "两千七百"), hint="四位数"),
    Question("q5", "order", "按顺序排列", ("一", "二", "三", "四"), ("一", "二", "三", "四")),
    Question("q6", "card", "=SUM(A1:A9)", ("-1+2",), source="@提及"),
))


def _sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]


def test_the_layout_of_chinese_exam_systems():
    ws = _sheet(xlsx.dumps(BANK))
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0] == ["题型", "题干", *(f"选项{x}" for x in "ABCDEFGH"), "正确答案", "解析", "id", "标签", "出处", "提示"]
    assert rows[1][:3] == ["单选题", "西藏设了多少个会场？", "726个"] and rows[1][10] == "A"
    assert rows[2][0] == "多选题" and rows[2][10] == "AC"
    assert rows[3][0] == "判断题" and rows[3][10] == "正确"
    assert rows[4][0] == "填空题" and rows[4][10] == "2700|两千七百"
    order = rows[5]
    assert order[0] == "排序题" and order[2:6] != ["一", "二", "三", "四"]  # listed shuffled
    assert [order[2 + "ABCD".index(x)] for x in order[10]] == ["一", "二", "三", "四"]
    assert rows[6][0] == "问答题"


def test_formula_like_text_stays_text():
    ws = _sheet(xlsx.dumps(BANK))
    for cell in (ws["B7"], ws["K7"], ws["O7"]):
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    assert ws["B7"].value == "=SUM(A1:A9)"
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def _workbook(rows, edit=None) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in rows:
        ws.append(row)
    if edit:
        edit(ws)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


HEAD = ["题型", "题干", "选项A", "选项B", "选项C", "选项D", "正确答案", "解析"]


def test_a_workbook_from_another_system_is_read():
    data = _workbook([HEAD, ["单项选择题", "拉萨设几个会场？", "726", "526", None, None, "A", None],
                      ["判断", "这是对的。", None, None, None, None, "√", None],
                      ["填空题", "占地（ ）平方米", None, None, None, None, 2700, None],
                      [None] * 8,
                      ["多选", "哪些？", "甲", "乙", "丙", None, "A,C", "解析"]])
    bank = xlsx_read.import_bytes(data, default_id="题库")
    assert [q.type for q in bank.questions] == ["choice", "truefalse", "fill", "multi"]
    assert bank.questions[0].answers == ("726",) and bank.questions[2].answers == ("2700",)
    assert bank.questions[3].answers == ("甲", "丙") and bank.title == "题库"
    assert [q.line for q in bank.questions] == [2, 3, 4, 6]


@pytest.mark.parametrize("rows,edit,where,needle", [
    ([HEAD, ["论述题", "题", None, None, None, None, "A", None]], None, "Sheet1:R2C1", "unknown 题型 '论述题'"),
    ([HEAD, ["单选题", "题", "甲", "乙", None, None, "C", None]], None, "Sheet1:R2C7", "选项C"),
    ([HEAD, ["单选题", "题", "甲", "乙", None, None, "AB", None]], None, "Sheet1:R2C7", "多选题"),
    ([HEAD, ["判断题", "题", None, None, None, None, "也许", None]], None, "Sheet1:R2C7", "正确 or 错误"),
    ([HEAD, ["单选题", "题", "甲", "乙", None, None, "A", None], ["单选题", "题二", "甲", "乙", None, None, "B", None]],
     lambda ws: ws.merge_cells("C2:D2"), "Sheet1:R2C3", "merged cells (C2:D2)"),
    ([HEAD, ["单选题", "题", "甲", "乙", None, None, "=\"A\"", None]], None, "Sheet1:R2C7", "a formula"),
    ([["问题编号", "内容"], ["1", "题"]], None, "Sheet1:R1C1", "题型"),
    ([HEAD, ["填空题", "", None, None, None, None, "答", None]], None, "Sheet1:R2C2", "题干 is empty"),
])
def test_problems_are_located_at_sheet_row_and_column(rows, edit, where, needle):
    with pytest.raises(xlsx_read.XlsxError) as e:
        xlsx_read.import_bytes(_workbook(rows, edit))
    located = [f"{s}:R{r}C{c}: {m}" for s, r, c, m in e.value.problems]
    assert any(x.startswith(where + ":") and needle in x for x in located), located


def test_a_damaged_workbook_is_a_message():
    with pytest.raises(xlsx_read.XlsxError) as e:
        xlsx_read.import_bytes(b"PK\x03\x04" + bytes(200))
    assert "cannot read the workbook" in str(e.value)


def test_bank_fields_and_escaped_bars_survive():
    back = xlsx_read.import_bytes(xlsx.dumps(BANK))
    assert back == BANK


def test_control_characters_in_bank_text_do_not_stop_the_export():
    q = Question("q1", "fill", "A\x1b[31m ____\x00", ("x\x07",))
    back = xlsx_read.import_bytes(xlsx.dumps(Bank(id="b", title="T\x07", questions=(q,))))
    assert back.questions[0].prompt == "A[31m ____" and back.questions[0].answers == ("x",) and back.title == "T"


CELL = st.one_of(st.none(), st.sampled_from(["单选题", "多选题", "判断题", "填空题", "排序题", "问答题", "论述题", "A", "AB",
                                             "Z", "正确", "错", "", "  ", "=1+1", "甲", "乙|丙"]),
                 st.integers(-5, 3000), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
                 st.text(max_size=8).map(lambda t: xlsx._NOT_IN_XML.sub("", t)))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(CELL, min_size=8, max_size=8), max_size=6))
def test_any_grid_gives_a_bank_or_located_problems(rows):
    try:
        bank = xlsx_read.import_bytes(_workbook([HEAD, *rows]))
    except xlsx_read.XlsxError as e:
        assert e.problems and all(r >= 1 and c >= 1 and m for _s, r, c, m in e.problems)
    else:
        assert load_text(dump_bank(bank)).ok


def test_the_example_in_the_authoring_guide_imports():
    guide = (Path(__file__).resolve().parents[3] / "docs" / "authoring.md").read_text(encoding="utf-8")
    table = [ln for ln in guide.splitlines() if ln.startswith("| ")]
    rows = [[c.strip().replace("\\|", "|") or None for c in re.split(r"(?<!\\)\|", ln.strip()[1:-1])] for ln in table]
    header = [c or "" for c in rows[0]]
    header[header.index("… 选项H")] = "选项H"
    bank = xlsx_read.import_bytes(_workbook([header, *rows[1:]]), default_id="guide")
    assert [q.type.value for q in bank.questions] == ["choice", "multi", "truefalse", "fill", "order", "card"]
    assert bank.questions[0].answer == "726" and bank.questions[1].answers == ("广播", "电视", "报刊")
    assert bank.questions[3].answers == ("2700", "两千七百") and bank.questions[3].hint == "四位数"
    assert bank.questions[4].answers == ("学史明理", "学史增信", "学史崇德", "学史力行")
