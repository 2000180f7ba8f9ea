"""Load a bank file: bytes -> text -> YAML events -> model, or located problems.

Never raises for any input: every problem becomes a Problem(path, line, col, message).
"""
from __future__ import annotations

import dataclasses
import gc
import os
import re
from typing import Any

from quiz.core.banks.validate import MAX_PROBLEMS, TOP_KEYS, Collector, did_you_mean, kind_name
from quiz.core.banks.validate_question import bank_header, question_of
from quiz.core.banks.yamlnodes import (
    MAPPING,
    SCALAR,
    SEQUENCE,
    Alias,
    EventReader,
    MappingEndEvent,
    MappingStartEvent,
    Node,
    SequenceEndEvent,
    SequenceStartEvent,
    YamlProblem,
)
from quiz.core.fileio import TooLarge, read_input
from quiz.core.model import Bank, LoadResult, Problem
from quiz.core.textcodec import decode_bytes

MAX_FILE_BYTES = 32 * 1024 * 1024  # 100k questions is about 29 MB; a bigger file is refused at once

# question id -> {field: (line, col) or [(line, col) per item], "key:FIELD": where the key is,
# "": where the question starts}; filled while loading when asked (lint points at fields with it)
Positions = dict[str, dict[str, object]]


def load_path(path: str | os.PathLike, *, positions: Positions | None = None) -> LoadResult:
    shown = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            return _fail(shown, 1, 1, f"file is {size / (1024 * 1024):.1f} MB; banks over "
                         f"{MAX_FILE_BYTES // (1024 * 1024)} MB are refused")
        data = read_input(path, MAX_FILE_BYTES)
    except TooLarge:
        return _fail(shown, 1, 1, f"the input is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; larger banks are refused")
    except FileNotFoundError:
        return _fail(shown, 1, 1, "no such file")
    except IsADirectoryError:
        return _fail(shown, 1, 1, "is a folder, not a bank file")
    except PermissionError:
        return _fail(shown, 1, 1, "permission denied: cannot read the file")
    except OSError as e:
        return _fail(shown, 1, 1, f"cannot read the file: {e.strerror or e}")
    return load_bytes(data, shown, positions=positions)


def load_bytes(data: bytes, path: str = "<bytes>", *, positions: Positions | None = None) -> LoadResult:
    text, problem = decode_bytes(data)
    if problem is not None:
        line, col, msg = problem
        return _fail(path, line, col, msg)
    del text  # libyaml reads the bytes itself: no second copy of a large bank
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return load_text(data, path, positions=positions)


def load_text(text: str | bytes, path: str = "<string>", *, positions: Positions | None = None) -> LoadResult:
    """Load from text (or from bytes already known to be valid UTF-8). With `positions`, record
    where each question's fields are (see Positions)."""
    out = Collector()
    bank = None
    try:
        bank = _load(text, path, out, positions)
    except YamlProblem as p:
        out.add((p.line, p.col), p.message)
    except RecursionError:  # pragma: no cover - the builder is iterative; keep the promise anyway
        out.add((1, 1), "the document is nested too deeply")
    except MemoryError:  # pragma: no cover
        out.add((1, 1), "the document is too large to load")
    problems = tuple(Problem(path, line, col, msg) for line, col, msg in sorted(out.items, key=lambda t: (t[0], t[1])))
    if out.dropped:
        line, col = out.first_dropped or (1, 1)
        problems += (Problem(path, line, col, f"{out.dropped} more problem{'s' if out.dropped != 1 else ''} "
                             f"not shown (the first {MAX_PROBLEMS} are listed); fix these and validate again"),)
    if problems:
        return LoadResult(None, problems)
    return LoadResult(bank, ())


def _fail(path: str, line: int, col: int, message: str) -> LoadResult:
    return LoadResult(None, (Problem(path, line, col, message),))


def _tab_problems(data: str | bytes, out: Collector) -> None:
    """Tabs in indentation: YAML forbids them; say so plainly, one problem per line."""
    text: Any = data  # str or bytes: the same operations on either (no decoded copy of a large bank)
    tab, nl, sp, dash = ("\t", "\n", " ", "- ") if isinstance(text, str) else (b"\t", b"\n", b" ", b"- ")
    if tab not in text:
        return
    for i, line in enumerate(text.split(nl), 1):
        stripped = line.lstrip(sp)
        if stripped.startswith(tab) or (stripped.startswith(dash) and stripped[2:3] == tab):
            col = len(line) - len(stripped) + 1
            out.add((i, col), "tab character in indentation: YAML indents with spaces only")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_B = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _control_problem(data: str | bytes, out: Collector) -> None:
    """YAML refuses control characters; point at the first one."""
    text: Any = data  # str or bytes, as in _tab_problems
    m = (_CONTROL if isinstance(text, str) else _CONTROL_B).search(text)
    if m is None:
        return
    nl = "\n" if isinstance(text, str) else b"\n"
    start = text.rfind(nl, 0, m.start()) + 1
    line = text.count(nl, 0, m.start()) + 1
    prefix = text[start:m.start()]
    col = len(prefix if isinstance(prefix, str) else prefix.decode("utf-8", "replace")) + 1
    out.add((line, col), f"control character U+{ord(m.group(0)):04X} is not allowed in a bank; remove it")


def _blank(text: str | bytes) -> bool:
    """Nothing but whitespace and comments."""
    if len(text) > 4096:
        return False  # a large file of only comments is caught by the parser as an empty document
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())


def _load(text: str | bytes, path: str, out: Collector, positions: Positions | None) -> Bank | None:
    _tab_problems(text, out)
    _control_problem(text, out)
    if len(out):
        return None
    if _blank(text):
        out.add((1, 1), "the file is empty: a bank needs 'bank:' (id, title) and 'questions:'")
        return None
    try:
        reader = EventReader(text)
    except UnicodeEncodeError as e:
        before = str(text[: e.start])
        out.add((before.count("\n") + 1, e.start - before.rfind("\n")), "the text holds a lone surrogate code point, which is not valid Unicode")
        return None
    gc_was = gc.isenabled()
    gc.disable()  # the load allocates many small objects and no cycles: the collector only slows it
    try:
        return _read_document(reader, path, out, positions)
    finally:
        if gc_was:
            gc.enable()
        reader.close()


def _read_document(reader: EventReader, path: str, out: Collector, positions: Positions | None) -> Bank | None:
    if not reader.start_document():
        out.add((1, 1), "the file is empty: a bank needs 'bank:' (id, title) and 'questions:'")
        return None
    ev = reader.next()
    if not isinstance(ev, MappingStartEvent):
        root = reader.read(ev)
        out.add(root, f"the top level must be a mapping with 'bank:' and 'questions:', not {kind_name(root)}")
        reader.end_document()
        return None
    if ev.tag is not None:
        reader.check_tag(ev)
    header = None
    questions: list = []
    seen: dict[str, int] = {}
    ids: dict[str, tuple[int, int]] = {}
    has_questions = False
    while True:
        ev = reader.next()
        if isinstance(ev, MappingEndEvent):
            break
        key = reader.read(ev)
        if key.kind != SCALAR or key.is_null():
            out.add(key, f"a top-level key must be text, not {kind_name(key)}")
            reader.read()
            continue
        name = key.value
        if name in seen:
            out.add(key, f"duplicate key '{name}' (first at line {seen[name]}); YAML would keep only the last")
            reader.read()
            continue
        seen[name] = key.line
        if name == "bank":
            header = bank_header(reader.read(), out)
        elif name == "questions":
            has_questions = True
            _read_questions(reader, out, questions, ids, positions)
        else:
            out.add(key, f"unknown top-level key '{name}'{did_you_mean(name, TOP_KEYS)}; a bank has 'bank:' and 'questions:'")
            reader.read()
    reader.end_document()
    if "bank" not in seen:
        out.add((1, 1), "missing 'bank:' (a mapping with id and title)")
    if not has_questions:
        out.add((1, 1), "missing 'questions:' (a list of questions)")
    if header is None or len(out):
        return None
    shuffle = header.get("shuffle")
    if shuffle is not None:  # the bank's `shuffle:` holds for each choice/multi question that says nothing
        questions = [dataclasses.replace(q, shuffle=shuffle) if q.shuffle is None and q.type.picks_options else q
                     for q in questions]
    return Bank(id=header["id"], title=header["title"], questions=tuple(questions),
                description=header.get("description"), language=header.get("language") or "zh",
                source=header.get("source"), tags=header.get("tags") or (), shuffle=shuffle, path=path)


def _read_questions(reader: EventReader, out: Collector, questions: list, ids: dict,
                    positions: Positions | None) -> None:
    ev = reader.next()
    if isinstance(ev, SequenceStartEvent) and not ev.anchor:
        index = 0
        while True:
            ev = reader.peek()
            if isinstance(ev, SequenceEndEvent):
                reader.next()
                return
            _one(reader.read(), index, out, questions, ids, positions)
            index += 1
    node = reader.read(ev)
    if node.kind == SEQUENCE:
        with out.via(node):  # (nothing when it is no alias)
            for index, item in enumerate(node.value):
                _one(item, index, out, questions, ids, positions)
    elif node.is_null():
        return  # `questions:` with nothing: an empty bank
    else:
        out.add(node, f"'questions' must be a list of questions, not {kind_name(node)}")


def _one(node: Node, index: int, out: Collector, questions: list, ids: dict[str, tuple[int, int]],
         positions: Positions | None) -> None:
    q = out.once(node, "question", lambda: question_of(node, index, out))
    if positions is not None and q is not None:
        positions[q.id] = field_positions(node)
    if node.kind == MAPPING:
        for k, v in node.value:
            if k.kind == SCALAR and k.value == "id" and v.kind == SCALAR and not v.is_null():
                at = node if isinstance(node, Alias) else v  # a question repeated by an alias: where it is
                first = ids.get(v.value)
                if first is not None:
                    out.add((at.line, at.col), f"duplicate question id '{v.value}' (first at line {first[0]})")
                    out.add(first, f"question id '{v.value}' is used again at line {at.line}")
                    return
                ids[v.value] = (at.line, at.col)
                break
    if q is not None:
        questions.append(q)


def field_positions(node: Node) -> dict[str, object]:
    """Where the fields of one question mapping sit (see Positions)."""
    pos: dict[str, object] = {"": (node.line, node.col)}
    for k, v in node.value:
        if k.kind != SCALAR:
            continue
        pos[k.value] = (v.line, v.col)
        pos["key:" + k.value] = (k.line, k.col)
        if v.kind == SEQUENCE:
            pos[k.value + "[]"] = [(i.line, i.col) for i in v.value]
    return pos
