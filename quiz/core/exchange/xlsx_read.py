"""Reading a 题库 from Excel (.xlsx): what other exam systems and people write (column names in any
order, common synonyms, 对/错, √/×, numbers typed as numbers), every problem located at its sheet,
row and column; nothing is half imported. The layout is in quiz.core.exchange.xlsx."""
from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime

from quiz.core.exchange.notes import content_id, free_id
from quiz.core.exchange.xlsx import (
    COLUMNS,
    FALSE_WORD,
    INFO_FIELDS,
    INFO_SHEET,
    LETTERS,
    TRUE_WORD,
    TYPE_NAMES,
    TYPE_WORDS,
    T,
    XlsxError,
    split_alternatives,
)
from quiz.core.model import Bank, Question, Source
from quiz.core.qtype import bool_answer, parse_bool


def is_xlsx(data: bytes) -> bool:
    """A zip holding an Excel workbook."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    import zipfile

    try:
        return "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def refusal(data: bytes) -> str | None:
    """Why a workbook quiz cannot read is refused (an old binary .xls), or None."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "an old binary Excel (.xls) or Word file; save it as .xlsx in Excel or WPS and import that"
    return None


def _text(value) -> str:
    """A cell's value as the text a person sees: 3.0 -> "3", TRUE -> "正确", a date -> 2021-04-06."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return TRUE_WORD if value else FALSE_WORD
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _norm_header(value) -> str:
    return re.sub(r"[\s:：()（）]", "", _text(value))


def _columns(ws, out) -> tuple[dict[str, int], dict[int, int]]:
    """role -> column and option index -> column, from the header row."""
    roles: dict[str, int] = {}
    options: dict[int, int] = {}
    for c in range(1, ws.max_column + 1):
        name = _norm_header(ws.cell(row=1, column=c).value)
        m = re.fullmatch(r"(?:选项)?([A-Za-z])(?:选项)?", name)
        if m and name.upper() not in ("ID",):
            options[LETTERS.index(m.group(1).upper())] = c
            continue
        for role, names in COLUMNS.items():
            if name in names or name.lower() in (n.lower() for n in names):
                roles.setdefault(role, c)
    missing = [COLUMNS[r][0] for r in ("type", "prompt", "answer") if r not in roles]
    if missing:
        out.append((ws.title, 1, 1, f"the first row must name the columns; {', '.join(missing)} not found "
                    "(题型, 题干, 选项A…选项H, 正确答案, 解析)"))
    return roles, options


def _letters(answer: str) -> list[str] | None:
    s = re.sub(r"[\s,，、;；]", "", answer).upper()
    return list(s) if s and all(c in LETTERS for c in s) else None


def _question(ws, r: int, roles: dict[str, int], options: dict[int, int], out) -> Question | None:
    def cell(role: str) -> str:
        return _text(ws.cell(row=r, column=roles[role]).value) if role in roles else ""

    def bad(role: str, msg: str) -> None:
        out.append((ws.title, r, roles.get(role, 1), msg))

    type_word = re.sub(r"\s", "", cell("type"))
    qtype = TYPE_WORDS.get(type_word) or TYPE_WORDS.get(type_word.lower())
    if qtype is None:
        bad("type", f"unknown 题型 '{type_word}': use 单选题, 多选题, 判断题, 填空题, 排序题 or 问答题")
        return None
    prompt = cell("prompt").strip()
    if not prompt:
        bad("prompt", "the 题干 is empty")
        return None
    opts = {i: _text(ws.cell(row=r, column=c).value).strip() for i, c in sorted(options.items())}
    filled = [i for i, t in opts.items() if t]
    choices = tuple(opts[i] for i in filled)
    raw = cell("answer").strip()
    answers: tuple[str, ...]
    if not raw:
        bad("answer", "the 正确答案 is empty")
        return None
    if qtype in (T.CHOICE, T.MULTI, T.ORDER):
        head, *accept = split_alternatives(raw) if qtype is T.CHOICE else (raw,)
        letters = _letters(head)
        if letters is None:
            bad("answer", f"正确答案 '{raw}' must be option letters (A, B, …) for a {TYPE_NAMES[qtype]}")
            return None
        missing = [x for x in letters if LETTERS.index(x) not in filled]
        if missing:
            bad("answer", f"正确答案 names 选项{missing[0]}, which is empty or has no column")
            return None
        picked = [opts[LETTERS.index(x)] for x in letters]
        if qtype is T.CHOICE:
            if len(set(letters)) > 1:
                bad("answer", f"a 单选题 has one right answer; '{head}' names {len(letters)} (make it a 多选题)")
                return None
            answers = tuple(dict.fromkeys([picked[0], *(a.strip() for a in accept if a.strip())]))
        elif qtype is T.MULTI:
            answers = tuple(c for i, c in zip(filled, choices) if LETTERS[i] in letters)
        else:
            if sorted(letters) != sorted(LETTERS[i] for i in filled):
                bad("answer", f"正确答案 '{raw}' of a 排序题 must name every item once ({''.join(LETTERS[i] for i in filled)})")
                return None
            answers = tuple(picked)
            choices = answers  # the items, stored in their right order
    elif qtype is T.TRUEFALSE:
        b = parse_bool(raw) if raw not in ("A", "B") else raw == "A"
        if b is None:
            bad("answer", f"正确答案 '{raw}' of a 判断题 must be 正确 or 错误 (对/错, √/×)")
            return None
        answers, choices = (bool_answer(b),), ()
    else:
        answers = tuple(dict.fromkeys(a.strip() for a in split_alternatives(raw) if a.strip()))
        choices = ()
        if qtype is T.CARD:
            answers = (raw,)
    qid = cell("id").strip() or content_id(prompt)
    tags_cell = cell("tags").strip()
    tags = split_alternatives(tags_cell) if "|" in tags_cell else re.split(r"[,，、;；]\s*", tags_cell) if tags_cell else []
    return Question(id=qid, type=qtype, prompt=prompt, answers=answers, choices=choices,
                    explanation=cell("explanation").strip() or None, source=cell("source").strip() or None,
                    hint=cell("hint").strip() or None, tags=tuple(t.strip() for t in tags if t.strip()), line=r,
                    score=_score(cell("score")))


def _score(text: str) -> float | None:
    """The generator's score (our own column): a number from 0 to 1, else none."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 <= value <= 1 else None


def _cell_problems(ws, out) -> None:
    for rng in ws.merged_cells.ranges:
        out.append((ws.title, rng.min_row, rng.min_col, f"merged cells ({rng.coord}): unmerge them; a question is "
                    "one row with one value in each cell"))
    for row in ws.iter_rows():
        for c in row:
            if c.data_type == "f":
                out.append((ws.title, c.row, c.column, f"a formula ({str(c.value)[:40]}): quiz reads values only; "
                            "copy the column and paste it as values"))


def _info(wb) -> dict[str, str]:
    if INFO_SHEET not in wb.sheetnames:
        return {}
    labels = {label: key for key, label in INFO_FIELDS}
    out = {}
    for row in wb[INFO_SHEET].iter_rows(min_row=1, max_col=2, values_only=True):
        label = _text(row[0]).strip()
        if label in labels and _text(row[1]).strip():
            out[labels[label]] = _text(row[1]).strip()
    return out


def import_bytes(data: bytes, *, bank_id: str | None = None, title: str | None = None,
                 default_id: str = "imported") -> Bank:
    """A bank from the bytes of an .xlsx 题库 (its first sheet). Raises XlsxError with every
    (sheet, row, column, message); the bank returned is always valid."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as e:  # a damaged workbook is a message, never a traceback
        raise XlsxError([("-", 1, 1, f"cannot read the workbook ({type(e).__name__}): save it again from Excel or WPS")]) from None
    ws = next((w for w in wb.worksheets if w.title != INFO_SHEET), wb.worksheets[0])  # the first sheet of questions
    out: list[tuple[str, int, int, str]] = []
    _cell_problems(ws, out)
    roles, options = _columns(ws, out)
    if out:
        raise XlsxError(out)
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for r in range(2, ws.max_row + 1):
        if all(ws.cell(row=r, column=c).value in (None, "") for c in range(1, ws.max_column + 1)):
            continue
        q = _question(ws, r, roles, options, out)
        if q is None:
            continue
        if q.id in seen:
            if "id" in roles and _text(ws.cell(row=r, column=roles["id"]).value).strip():
                out.append((ws.title, r, roles["id"], f"id '{q.id}' repeats row {seen[q.id]}"))
                continue
            q = replace(q, id=free_id(q.id, seen))
        seen[q.id] = r
        questions.append(q)
    if not questions and not out:
        out.append((ws.title, 2, 1, "no questions: the sheet has a header row only"))
    if out:
        raise XlsxError(out)
    info = _info(wb)
    source = Source(**{k.split(".")[1]: info[k] for k in info if k.startswith("source.")}) if any(
        k.startswith("source.") for k in info) else None
    bank = Bank(id=bank_id or info.get("id") or default_id, title=title or info.get("title") or bank_id or default_id,
                questions=tuple(questions), description=info.get("description"), language=info.get("language", "zh"),
                source=source, tags=tuple(split_alternatives(info["tags"])) if info.get("tags") else ())
    _check_loadable(bank, ws.title, seen)
    return bank


def _check_loadable(bank: Bank, sheet: str, rows: dict[str, int]) -> None:
    """Write the bank and load it back: whatever the loader refuses is reported at the question's row."""
    from quiz.core.banks.loader import load_text
    from quiz.core.exchange.yaml_out import dump_bank

    text = dump_bank(bank, schema="bank.schema.json")
    result = load_text(text)
    if result.ok:
        return
    lines = text.split("\n")
    out = []
    for p in result.problems:
        if p.severity != "error":
            continue
        qid = None
        for ln in lines[:p.line]:
            m = re.match(r"^  - id: (.+)$", ln)
            if m:
                qid = m.group(1).strip().strip("'\"")
        out.append((sheet, rows.get(qid, 1) if qid else 1, 1, p.message))
    raise XlsxError(out)
