"""题库 in Excel (.xlsx) in the layout Chinese online exam systems import and export.

One row a question, the columns named in the first row:

    题型 | 题干 | 选项A … 选项H | 正确答案 | 解析 | id | 标签 | 出处 | 提示 | 质量分

题型 is 单选题, 多选题, 判断题, 填空题, 排序题 or 问答题. 正确答案 is letters for choices
(`A`, `ABD`), 正确/错误 for 判断题, the text for 填空题 and 问答题 with alternatives
separated by `|`, and for 排序题 the letters of the items in their right order (`CABD`; the
items are listed shuffled). The last four columns are our own: other systems ignore them.
A second sheet, 题库信息, holds the bank's id, title, description, language, tags and
source. `|` inside a text is written `\\|` (and a backslash `\\\\`) where `|` separates.

Export writes text cells only: a text that starts like a formula (= + - @) is stored as text
with Excel's quote prefix, so opening the file never runs it. Import reads what other
systems and people write (column names in any order, common synonyms, 对/错, √/×, numbers
typed as numbers) and reports every problem at its sheet, row and column (an unknown 题型,
an answer naming an empty option, merged cells, formulas); nothing is half imported.
"""
from __future__ import annotations

import hashlib
import io
import random
import re

from quiz.core.model import Bank, Question, QuestionType, Source
from quiz.core.qtype import is_true

T = QuestionType
TYPE_NAMES = {T.CHOICE: "单选题", T.MULTI: "多选题", T.TRUEFALSE: "判断题", T.FILL: "填空题", T.ORDER: "排序题",
              T.CARD: "问答题"}
TYPE_WORDS = {"单选": T.CHOICE, "单项选择": T.CHOICE, "单选题": T.CHOICE, "单项选择题": T.CHOICE, "选择题": T.CHOICE,
               "多选": T.MULTI, "多项选择": T.MULTI, "多选题": T.MULTI, "多项选择题": T.MULTI, "不定项选择题": T.MULTI,
               "判断": T.TRUEFALSE, "判断题": T.TRUEFALSE, "是非题": T.TRUEFALSE,
               "填空": T.FILL, "填空题": T.FILL, "排序": T.ORDER, "排序题": T.ORDER,
               "问答": T.CARD, "问答题": T.CARD, "简答": T.CARD, "简答题": T.CARD, "名词解释": T.CARD}
TYPE_WORDS.update({t.value: t for t in T})
SHEET = "题库"
INFO_SHEET = "题库信息"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MIN_OPTIONS = 8  # 选项A…选项H, as the exam systems lay them out
TRUE_WORD, FALSE_WORD = "正确", "错误"
# column role -> the names people give it (the first is what we write)
COLUMNS = {"type": ("题型", "题目类型", "试题类型", "类型"), "prompt": ("题干", "题目", "试题", "题目内容", "试题内容", "问题"),
           "answer": ("正确答案", "答案", "标准答案", "参考答案"), "explanation": ("解析", "答案解析", "试题解析", "解释"),
           "id": ("id", "ID", "编号", "题号"), "tags": ("标签", "知识点"), "source": ("出处", "来源"), "hint": ("提示",),
           "score": ("质量分", "score")}
INFO_FIELDS = (("id", "id"), ("title", "标题"), ("description", "说明"), ("language", "语言"), ("tags", "标签"),
         ("source.file", "出处文件"), ("source.title", "出处标题"), ("source.publisher", "出处发布者"),
         ("source.date", "出处日期"))
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class XlsxError(Exception):
    """(sheet, row, column, message) problems of a workbook that cannot be imported (1-based)."""

    def __init__(self, problems: list[tuple[str, int, int, str]]) -> None:
        super().__init__("; ".join(f"{s}:R{r}C{c}: {m}" for s, r, c, m in problems))
        self.problems = sorted(problems, key=lambda p: (p[1], p[2]))


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def split_alternatives(cell: str) -> list[str]:
    """`a|b\\|c` -> ["a", "b|c"]: split at unescaped bars, then unescape."""
    parts, cur, i = [], [], 0
    while i < len(cell):
        c = cell[i]
        if c == "\\" and i + 1 < len(cell) and cell[i + 1] in "\\|":
            cur.append(cell[i + 1])
            i += 2
            continue
        if c == "|":
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    parts.append("".join(cur))
    return parts


# ---- export -------------------------------------------------------------------------------

def _order_shown(q: Question) -> list[str]:
    """The items of an ordering question as listed: shuffled by the question's id (the same every
    export), never in their right order when that can be helped."""
    from quiz.core.qtype import shuffled_items

    seed = int.from_bytes(hashlib.sha1(q.id.encode("utf-8", "surrogatepass")).digest()[:8], "big")
    return shuffled_items(q.choices, random.Random(seed))


def row_of(q: Question) -> tuple[list[str], str]:
    """(options, 正确答案) of a question as the exam layout writes them."""
    qt = q.type
    if qt is T.CHOICE:
        letter = LETTERS[q.choices.index(q.answer)]
        return list(q.choices), "|".join([letter, *(escape(a) for a in q.answers[1:])])
    if qt is T.MULTI:
        return list(q.choices), "".join(LETTERS[i] for i, c in enumerate(q.choices) if c in q.answers)
    if qt is T.ORDER:
        shown = _order_shown(q)
        left = list(range(len(shown)))
        letters = []
        for item in q.answers:
            k = next(i for i in left if shown[i] == item)
            left.remove(k)
            letters.append(LETTERS[k])
        return shown, "".join(letters)
    if qt is T.TRUEFALSE:
        return [], TRUE_WORD if is_true(q) else FALSE_WORD
    if qt is T.CARD:
        return [], q.answer  # one answer, written as it is
    return [], "|".join(escape(a) for a in q.answers)


_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # a worksheet cannot hold these


def _put(ws, row: int, col: int, value: str | None) -> None:
    """A text cell: control characters (escape codes in bank text are data, not worth keeping) dropped."""
    if value is None or value == "":
        return
    value = _NOT_IN_XML.sub("", value)
    cell = ws.cell(row=row, column=col)
    cell.value = value
    cell.data_type = "s"  # text, always: never a formula, a number or a date
    if value.startswith(_FORMULA_START):
        cell.quotePrefix = True  # shown and kept as typed, even when the cell is edited in Excel


def dumps(bank: Bank) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    n_opts = max([MIN_OPTIONS, *(len(row_of(q)[0]) for q in bank.questions)])
    if n_opts > len(LETTERS):
        n_opts = len(LETTERS)
    header = ["题型", "题干", *(f"选项{LETTERS[i]}" for i in range(n_opts)), "正确答案", "解析", "id", "标签", "出处", "提示"]
    scored = any(q.score is not None for q in bank.questions)  # generated banks: the generator's score
    header += ["质量分"] if scored else []
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    for c, name in enumerate(header, 1):
        _put(ws, 1, c, name)
        ws.cell(row=1, column=c).font = Font(bold=True)
    ws.freeze_panes = "A2"
    for r, q in enumerate(bank.questions, 2):
        options, answer = row_of(q)
        values = [TYPE_NAMES[q.type], q.prompt, *options, *[""] * (n_opts - len(options)), answer,
                  q.explanation, q.id, "|".join(escape(t) for t in q.tags), q.source, q.hint]
        values += [None if q.score is None else repr(q.score)] if scored else []
        for c, v in enumerate(values, 1):
            _put(ws, r, c, v)
    ws.column_dimensions["B"].width = 60
    info = wb.create_sheet(INFO_SHEET)
    src = bank.source or Source()
    info_values: dict[str, str | None] = {"id": bank.id, "title": bank.title, "description": bank.description, "language": bank.language,
              "tags": "|".join(escape(t) for t in bank.tags), "source.file": src.file, "source.title": src.title,
              "source.publisher": src.publisher, "source.date": src.date}
    for r, (key, label) in enumerate(INFO_FIELDS, 1):
        _put(info, r, 1, label)
        _put(info, r, 2, info_values[key])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export(bank: Bank, args=None) -> bytes:
    return dumps(bank)


# ---- import -------------------------------------------------------------------------------
