"""Turn light YAML nodes into model objects, collecting every located problem."""
from __future__ import annotations

import difflib
import re
import unicodedata

from quiz.core.banks.yamlnodes import MAPPING, SCALAR, SEQUENCE, Node
from quiz.core.model import Source
from quiz.core.qtype import BLANK, QuestionType  # noqa: F401 (BLANK: what a cloze blank becomes)

CLOZE = re.compile(r"\{\{(.*?)\}\}", re.S)

COMMON_KEYS = ("id", "type", "prompt", "explanation", "source", "hint", "tags", "group", "score")
TYPE_KEYS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.CHOICE: ("choices", "answer", "accept", "shuffle"),
    QuestionType.MULTI: ("choices", "answer", "shuffle"),
    QuestionType.TRUEFALSE: ("answer",),
    QuestionType.FILL: ("answer", "accept"),
    QuestionType.ORDER: ("items",),
    QuestionType.CARD: ("front", "back"),
}
ALL_QUESTION_KEYS = tuple(dict.fromkeys(COMMON_KEYS + sum(TYPE_KEYS.values(), ())))
BANK_KEYS = ("id", "title", "description", "language", "source", "tags", "shuffle")
SOURCE_KEYS = ("file", "title", "publisher", "date", "url")
TOP_KEYS = ("bank", "questions")
MAX_ID = 128


class Collector:
    """Problems of one file, as (line, col, message) in the order found."""

    def __init__(self) -> None:
        self.items: list[tuple[int, int, str]] = []

    def add(self, node_or_pos, message: str) -> None:
        if isinstance(node_or_pos, Node):
            self.items.append((node_or_pos.line, node_or_pos.col, message))
        else:
            self.items.append((node_or_pos[0], node_or_pos[1], message))

    def __len__(self) -> int:
        return len(self.items)


def did_you_mean(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def kind_name(node: Node) -> str:
    if node.kind == MAPPING:
        return "a mapping"
    if node.kind == SEQUENCE:
        return "a list"
    if node.is_null():
        return "empty"
    if node.as_bool() is not None:
        return "a boolean"
    return "text"


def _has_bad_chars(text: str) -> bool:
    return any(unicodedata.category(c) == "Cs" for c in text)


def text_of(node: Node, what: str, out: Collector, *, allow_empty: bool = False) -> str | None:
    """A scalar as text. Numbers are kept as written (`answer: 726` is "726")."""
    if node.kind != SCALAR:
        out.add(node, f"{what} must be text, not {kind_name(node)}")
        return None
    if node.is_null() or (not allow_empty and not node.value.strip()):
        out.add(node, f"{what} is empty")
        return None
    return node.value


def texts_of(node: Node, what: str, out: Collector) -> tuple[list[str], list[Node]] | None:
    """A list of non-empty scalars; returns the texts and their nodes."""
    if node.kind != SEQUENCE:
        out.add(node, f"{what} must be a list, not {kind_name(node)}")
        return None
    texts, nodes, ok = [], [], True
    for item in node.value:
        t = text_of(item, f"an item of {what}", out)
        if t is None:
            ok = False
            continue
        texts.append(t)
        nodes.append(item)
    return (texts, nodes) if ok else None


def mapping_fields(node: Node, allowed, where: str, out: Collector) -> dict[str, tuple[Node, Node]]:
    """Keys of a mapping -> (key node, value node); reports non-text, duplicate and unknown keys."""
    fields: dict[str, tuple[Node, Node]] = {}
    for key, value in node.value:
        if key.kind != SCALAR or key.is_null():
            out.add(key, f"a key in {where} must be text, not {kind_name(key)}")
            continue
        name = key.value
        if name in fields:
            out.add(key, f"duplicate key '{name}' in {where} (first at line {fields[name][0].line}); YAML would keep only the last")
            continue
        fields[name] = (key, value)
        if name not in allowed:
            out.add(key, f"unknown key '{name}' in {where}{did_you_mean(name, allowed)}")
    return fields


def check_unique(texts: list[str], nodes: list[Node], what: str, out: Collector) -> bool:
    seen: dict[str, Node] = {}
    ok = True
    for t, n in zip(texts, nodes):
        if t in seen:
            out.add(n, f"duplicate {what} '{t}' (first at line {seen[t].line})")
            ok = False
        else:
            seen[t] = n
    return ok


def valid_id(text: str) -> str | None:
    """None when fine, else why not."""
    if len(text) > MAX_ID:
        return f"is longer than {MAX_ID} characters"
    if any(c.isspace() or unicodedata.category(c)[0] == "C" for c in text):
        return "must not contain spaces or control characters"
    return None


def bool_of(node: Node, what: str, out: Collector) -> bool | None:
    """A YAML boolean (true/false, yes/no); anything else is a located problem."""
    value = node.as_bool() if node.kind == SCALAR and not node.is_null() else None
    if value is None:
        shown = f"'{node.value}'" if node.kind == SCALAR and not node.is_null() else kind_name(node)
        out.add(node, f"{what} must be true or false, not {shown}")
    return value


def tags_of(node: Node, what: str, out: Collector) -> tuple[str, ...] | None:
    if node.kind == SCALAR and not node.is_null():  # a single tag is fine
        t = text_of(node, what, out)
        return (t,) if t is not None else None
    got = texts_of(node, what, out)
    return tuple(dict.fromkeys(got[0])) if got else None


def source_of(node: Node, out: Collector) -> Source | None:
    if node.kind == SCALAR and not node.is_null():
        t = text_of(node, "bank source", out)
        return Source(title=t) if t else None
    if node.kind != MAPPING:
        out.add(node, f"bank source must be a mapping (file, title, publisher, date), not {kind_name(node)}")
        return None
    fields = mapping_fields(node, SOURCE_KEYS, "the bank source", out)
    vals = {}
    for name in SOURCE_KEYS:
        if name in fields:
            vals[name] = text_of(fields[name][1], f"source {name}", out)
    vals.pop("url", None)
    return Source(**vals)
