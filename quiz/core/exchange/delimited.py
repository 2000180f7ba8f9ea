"""Anki's text format (.txt/.csv): export a bank, import notes as a bank.

Export: tab separated, HTML fields, header lines `#separator:tab`, `#html:true`,
`#guid column:1`, `#notetype column:2`, `#deck:<title>`, `#tags column:6` and `#columns:` naming
the columns: guid, notetype (Basic or Cloze), front/text, back/back extra, hint, tags. No cell
starts a spreadsheet formula (OWASP's CSV injection advice): fields start with an element, tags
never start with = + - @, and any other cell that would gets a leading '.

Import reads what Anki writes and what people write by hand: tab, comma, semicolon,
pipe, colon or space separated (the `#separator:` header, else guessed from the first
row), quoted fields, the `#html:`, `#tags column:`, `#guid column:`, `#notetype:`,
`#notetype column:`, `#deck:`, `#deck column:` and `#columns:` headers, or a first row of column
names (front,back / 问题,答案 / …). A note has two fields (front and back, or text and back extra)
and a hint: a row with more non-empty columns is refused (never silently cut). Every problem is
(line, message) at the line of the input; nothing is half imported, and a bank that would be
larger than a bank may be is refused before it is made.
"""
from __future__ import annotations

import csv as _csv
import io
import re
from dataclasses import dataclass, field, replace

from quiz.core.exchange.checked import problems_of
from quiz.core.exchange.html import clean
from quiz.core.exchange.notes import (
    BASIC,
    CLOZE,
    FORMULA,
    NoteError,
    cloze_numbers,
    content_id,
    deck_name,
    free_id,
    note_of,
    questions_of,
)
from quiz.core.model import Bank, Question
from quiz.core.textcodec import decode_bytes

SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
_SEP_NAMES = {v: k for k, v in SEPARATORS.items()}
MAX_BYTES = 64 * 1024 * 1024
BANK_BYTES = 32 * 1024 * 1024  # what a bank file may hold (quiz.core.banks.loader.MAX_FILE_BYTES)
COLUMNS = ("GUID", "Notetype", "Front", "Back", "Hint", "Tags")
# column names (lower case) -> role; a first row made only of these is a row of names, not a note
ROLE_NAMES = {"guid": "guid", "notetype": "notetype", "note type": "notetype", "deck": "deck", "tags": "tags",
              "标签": "tags", "hint": "hint", "提示": "hint"}
FIELD_NAMES = {"front", "back", "text", "extra", "back extra", "question", "answer", "正面", "背面", "问题", "答案",
               "题目", "文本", "额外", "解析"}
_OUR_GUID = re.compile(r"^quiz:([A-Za-z0-9_.\-]+):([^\s:]+)$")
_LOOKS_HTML = re.compile(r"<(?:br|div|p|span|b|i|u|ol|ul|li|img)\b[^>]*>|</\w+>|&(?:amp|lt|gt|nbsp|quot|#\d+);", re.I)


# ---- export -------------------------------------------------------------------------------

def _cell(text: str) -> str:
    """A cell no spreadsheet reads as a formula (OWASP: prefix ' to one starting with = + - @ tab CR)."""
    return "'" + text if text.startswith(FORMULA) else text


def dumps(bank: Bank) -> str:
    buf = io.StringIO()
    buf.write("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n")
    buf.write(f"#deck:{deck_name(bank.title)}\n#tags column:6\n#columns:" + "\t".join(COLUMNS) + "\n")
    w = _csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=_csv.QUOTE_MINIMAL)
    for q in bank.questions:
        n = note_of(bank, q)
        w.writerow([_cell(c) for c in (n.guid, "Cloze" if n.kind == CLOZE else "Basic", *n.fields, " ".join(n.tags))])
    return buf.getvalue()


def export(bank: Bank, args=None) -> str:
    return dumps(bank)


# ---- import -------------------------------------------------------------------------------

class ImportError_(Exception):
    """(line, message) problems of a file that cannot be imported."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        super().__init__("; ".join(f"line {n}: {m}" for n, m in problems))
        self.problems = sorted(problems)


@dataclass(slots=True)
class Header:
    separator: str | None = None
    html: bool | None = None
    deck: str | None = None
    notetype: str | None = None
    columns: dict[str, int] = field(default_factory=dict)  # role -> 0-based column
    names: str | None = None  # the `#columns:` value (split by the separator once it is known)
    names_line: int = 0  # a first row read as column names (its line), else 0


def _header(lines: list[str], out: list[tuple[int, str]]) -> tuple[Header, int]:
    """Parse the leading #key:value lines; returns the header and the number of lines used."""
    h = Header()
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        key, _, value = lines[i][1:].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "separator":
            sep = SEPARATORS.get(value.lower(), value if len(value) == 1 else None)
            if sep is None or sep in "\"\n":
                out.append((i + 1, f"unknown separator '{value}': use tab, comma, semicolon, space, pipe or colon"))
            h.separator = sep
        elif key == "html":
            if value.lower() not in ("true", "false"):
                out.append((i + 1, f"#html: must be true or false, not '{value}'"))
            h.html = value.lower() == "true"
        elif key == "deck":
            h.deck = value
        elif key == "notetype":
            h.notetype = value
        elif key == "columns":
            h.names = lines[i][1:].partition(":")[2]
        elif key in ("tags column", "guid column", "notetype column", "deck column"):
            if not value.isdigit() or int(value) < 1:
                out.append((i + 1, f"#{key}: must be a column number (1, 2, ...), not '{value}'"))
            else:
                h.columns[key.split()[0]] = int(value) - 1
        i += 1
    return h, i


def _roles_of_names(names: list[str], h: Header) -> None:
    """Columns named guid/notetype/deck/tags/hint take that role (an explicit `#… column:` wins)."""
    for i, name in enumerate(names):
        role = ROLE_NAMES.get(name.strip().lower())
        if role is not None and role not in h.columns:
            h.columns[role] = i


def _names_row(cells: list[str]) -> bool:
    """A first row made only of column names (front,back / 问题,答案,标签 …): not a note."""
    names = [c.strip().lower() for c in cells if c.strip()]
    return len(names) >= 2 and all(n in FIELD_NAMES or n in ROLE_NAMES for n in names)


def _guess_separator(line: str) -> str:
    if "\t" in line:
        return "\t"
    counts = {s: line.count(s) for s in (";", ",", "|")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else "\t"


def _sep_name(sep: str) -> str:
    return _SEP_NAMES.get(sep, repr(sep))


@dataclass(slots=True)
class Row:
    line: int
    cells: list[str]


def _rows(body: str, first_line: int, sep: str, out: list[tuple[int, str]]) -> list[Row]:
    reader = _csv.reader(io.StringIO(body, newline=""), delimiter=sep, quotechar='"', doublequote=True, strict=True)
    rows: list[Row] = []
    limit = _csv.field_size_limit()
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except _csv.Error as e:
            msg = str(e)
            if "unexpected end of data" in msg or "EOF" in msg:
                out.append((first_line + start - 1, 'a quote (") opened on this line is never closed'))
            elif "field larger than field limit" in msg:
                out.append((first_line + start - 1, f"a field here is longer than {limit:,} characters, more than "
                            'any question holds (or a quote (") opened here runs on to the end of the file)'))
            else:
                out.append((first_line + start - 1, f"bad quoting: {msg}; a quote inside a field is written \"\""))
            break
        if not cells or all(not c.strip() for c in cells):
            continue
        rows.append(Row(first_line + start - 1, cells))
    return rows


def _count(raw: str, sep: str) -> int:
    try:
        return len(next(_csv.reader([raw.rstrip("\r")], delimiter=sep)))
    except (_csv.Error, StopIteration):
        return -1


def _check_columns(rows: list[Row], sep: str, raw_lines: list[str], first_line: int, out) -> int:
    want = len(rows[0].cells)
    for r in rows:
        n = len(r.cells)
        if n == want:
            continue
        multi_line = any("\n" in c for c in r.cells)
        raw = raw_lines[r.line - first_line] if 0 <= r.line - first_line < len(raw_lines) else ""
        others = [s for s in ("\t", ",", ";", "|") if s != sep and s in raw]
        if multi_line and '"' in raw:
            out.append((r.line, f'{n} columns where {want} are expected: a quote (") opened on this line '
                        "seems not to close where it should"))
        elif others and any(_count(raw, s) == want for s in others):
            out.append((r.line, f"mixed separators: this line is separated by {_sep_name(others[0])}s, "
                        f"the file by {_sep_name(sep)}s"))
        else:
            out.append((r.line, f"{n} column{'s' if n != 1 else ''} where {want} are expected "
                        f"(separated by {_sep_name(sep)}s, like line {rows[0].line})"))
        if len(out) >= 20:
            break
    return want


def _check_extra(rows: list[Row], roles: dict[str, int], sep: str, guessed: bool, out) -> None:
    """A note has two fields (and a hint): a row with more non-empty columns would lose them. Say so."""
    used = set(roles.values())
    for r in rows:
        content = [(i, c) for i, c in enumerate(r.cells) if i not in used]
        extra = [(i, c) for i, c in content[2:] if c.strip()]
        if not extra:
            continue
        shown = ", ".join(f"{i + 1} ('{clean(c).strip()[:20]}')" for i, c in extra[:3])
        how = (f"the separator was guessed as {_sep_name(sep)}: if that is wrong, give it on a first line "
               "such as #separator:tab" if guessed else "remove them or name their roles with a #columns: line")
        out.append((r.line, f"{len(r.cells)} columns: a note has two fields (front and back) and a hint, so "
                    f"column{'s' if len(extra) > 1 else ''} {shown} would be lost; {how}"))
        if len(out) >= 20:
            break


def read_notes(data: bytes) -> tuple[Header, list[tuple[int, str, list[str], tuple[str, ...], str | None, str | None]]]:
    """The notes of a file: (line, kind, fields, tags, guid, hint). Raises ImportError_."""
    out: list[tuple[int, str]] = []
    if len(data) > MAX_BYTES:
        raise ImportError_([(1, f"the file is {len(data) / 2**20:.1f} MB; files over {MAX_BYTES // 2**20} MB are refused")])
    text, problem = decode_bytes(data)
    if problem is not None or text is None:
        line, _col, message = problem or (1, 1, "cannot decode the file")
        raise ImportError_([(line, message)])
    if not text.strip():
        raise ImportError_([(1, "the file is empty: nothing to import")])
    lines = text.split("\n")
    h, used = _header([ln.rstrip("\r") for ln in lines], out)
    if out:
        raise ImportError_(out)
    body_lines = lines[used:]
    first = next((ln for ln in body_lines if ln.strip()), None)
    if first is None:
        raise ImportError_([(max(used, 1), "no notes: the file has header lines only")])
    sep = h.separator or _guess_separator(first)
    rows = _rows("\n".join(body_lines), used + 1, sep, out)
    if out:
        raise ImportError_(out)
    if h.names is not None:
        _roles_of_names(next(_csv.reader([h.names], delimiter=sep), []), h)
    elif rows and _names_row(rows[0].cells):  # front,back on the first line: column names, not a card
        h.names_line = rows[0].line
        _roles_of_names(rows[0].cells, h)
        rows = rows[1:]
    if not rows:
        raise ImportError_([(max(used, 1), "no notes: the file has header lines only")])
    ncols = _check_columns(rows, sep, body_lines, used + 1, out)
    for role, col in h.columns.items():
        if col >= ncols:
            out.append((rows[0].line, f"#{role} column:{col + 1} but the rows have {ncols} columns"))
    if not out:
        _check_extra(rows, h.columns, sep, h.separator is None, out)
    if out:
        raise ImportError_(out)
    is_html = h.html
    if is_html is None:
        is_html = any(_LOOKS_HTML.search(c) for r in rows[:200] for c in r.cells)
    h.html = is_html
    notes = []
    roles = h.columns
    for r in rows:
        cells = r.cells
        fields = [c for i, c in enumerate(cells) if i not in roles.values()]
        tags = tuple(cells[roles["tags"]].split()) if "tags" in roles else ()
        guid = cells[roles["guid"]].strip() or None if "guid" in roles else None
        hint = cells[roles["hint"]] if "hint" in roles else None
        nt = cells[roles["notetype"]] if "notetype" in roles else h.notetype
        kind = (CLOZE if "cloze" in nt.lower() else BASIC) if nt else ""
        notes.append((r.line, kind, fields, tags, guid, hint))
    return h, notes


def _size(fields: list[str], hint: str | None) -> int:
    """About the bytes a note's text takes in a bank (an upper bound: markup is counted too)."""
    return sum(len(f.encode("utf-8", "surrogatepass")) for f in fields) + len((hint or "").encode("utf-8", "ignore"))


def import_bytes(data: bytes, *, bank_id: str | None = None, title: str | None = None,
                 default_id: str = "imported", said: list[str] | None = None) -> Bank:
    """A bank from the bytes of an Anki text file. Raises ImportError_ with every (line, message).

    The bank id is `bank_id`, else the one our own export put in the GUIDs, else `default_id`;
    the title is `title`, else the `#deck:` header, else the id. Every question is checked by the
    bank format's own rules, at the line of its note, so what is returned is always a valid bank.
    `said` receives what the person should know (a first row read as column names)."""
    h, notes = read_notes(data)
    if h.names_line and said is not None:
        said.append(f"line {h.names_line} holds column names, not a note")
    bank_id = bank_id or bank_id_of_guids(notes) or default_id
    out: list[tuple[int, str]] = []
    questions: list[Question] = []
    seen: dict[str, int] = {}
    guids: dict[str, int] = {}
    total = 0
    for line, kind, fields, tags, guid, hint in notes:
        if guid is not None:
            if guid in guids:
                out.append((line, f"the note GUID '{guid}' repeats line {guids[guid]}"))
                continue
            guids[guid] = line
            m = _OUR_GUID.match(guid)
            qid = m.group(2) if m else "anki-" + content_id(guid)[2:]
        else:
            qid = content_id(fields[0] if fields else "")
        size = _size(fields, hint)
        copies = max(1, cloze_numbers(fields[0]) if fields and kind != BASIC else 1)
        if copies * size > BANK_BYTES:
            out.append((line, f"this cloze note makes {copies:,} questions of about {size // 1024 + 1:,} KB each "
                        f"({copies * size / 2**20:.0f} MB), more than the {BANK_BYTES // 2**20} MB a bank may hold; "
                        "split it into several notes"))
            break
        total += copies * size
        if total > BANK_BYTES:
            out.append((line, f"the bank would be larger than the {BANK_BYTES // 2**20} MB a bank may hold from "
                        "this note on; split the file and import each part as a bank"))
            break
        try:
            got = questions_of(kind, fields, qid, tags, line, is_html=bool(h.html), hint=hint)
        except NoteError as e:
            out.append((line, str(e)))
            continue
        for q in got:
            if q.id in seen:
                if guid is not None:
                    out.append((line, f"question id '{q.id}' repeats line {seen[q.id]}"))
                    continue
                q = replace(q, id=free_id(q.id, seen))
            seen[q.id] = line
            questions.append(q)
    if out:
        raise ImportError_(out)
    bank = Bank(id=bank_id, title=title or clean(h.deck or "").strip() or bank_id, questions=tuple(questions))
    found = problems_of(bank, seen)
    if found:
        raise ImportError_(found)
    return bank


def bank_id_of_guids(data_notes) -> str | None:
    """The bank id our own export put in every GUID (None when they disagree or are foreign)."""
    ids = {m.group(1) for *_, g, _h in data_notes if g and (m := _OUR_GUID.match(g))}
    return ids.pop() if len(ids) == 1 else None
