"""Turn light YAML nodes into model objects, collecting every located problem."""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from quiz.core.banks.yamlnodes import MAPPING, NULL_WORDS, SCALAR, SEQUENCE, Alias, Anchored, Node
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
MAX_OPTIONS = 20  # choices of a choice/multi question, items of an order question (exams use 4 to 8)
MAX_PROBLEMS = 100  # problems kept per file; the rest are counted
MAX_MESSAGE = 400  # characters of one message (they quote bank text, which may be huge)

T = TypeVar("T")


class Collector:
    """Problems of one file, as (line, col, message) in the order found: the first MAX_PROBLEMS,
    then only counted (`dropped`, and the first dropped position). len() counts them all.

    Aliases: `once` validates an anchored node once per role (a further alias use in that role
    gets the first result and repeats none of its problems); inside an alias use (`via`) a problem
    of the repeated value is reported at the alias, naming the line it comes from."""

    def __init__(self) -> None:
        self.items: list[tuple[int, int, str]] = []
        self.dropped = 0
        self.first_dropped: tuple[int, int] | None = None
        self._via: Alias | None = None
        self._once: dict[tuple[int, str], tuple[Node, object]] = {}

    def add(self, node_or_pos, message: str) -> None:
        if isinstance(node_or_pos, Node):
            line, col = node_or_pos.line, node_or_pos.col
            if self._via is not None:  # the repeated value's own node: shown at the alias use
                message += f" (in *{self._via.alias}, line {line})"
                line, col = self._via.line, self._via.col
            elif isinstance(node_or_pos, Alias):
                message += f" (the value of *{node_or_pos.alias}, line {node_or_pos.target.line})"
        else:
            line, col = node_or_pos[0], node_or_pos[1]
        if len(self.items) >= MAX_PROBLEMS:
            self.dropped += 1
            if self.first_dropped is None:
                self.first_dropped = (line, col)
            return
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + "…"
        self.items.append((line, col, message))

    def __len__(self) -> int:
        return len(self.items) + self.dropped

    @contextmanager
    def via(self, node: Node) -> Iterator[None]:
        """Problems found inside `node` (an alias use) are reported at it; the outermost alias wins."""
        if self._via is not None or not isinstance(node, Alias):
            yield
            return
        self._via = node
        try:
            yield
        finally:
            self._via = None

    def once(self, node: Node, role: str, check: Callable[[], T]) -> T:
        """check() for `node` in `role`, once per anchored node: later uses get the first result."""
        if type(node) is Node:  # the common case: neither anchored nor an alias
            return check()
        origin = node.origin()
        if not isinstance(origin, Anchored):
            return check()
        key = (id(origin), role)
        known = self._once.get(key)
        if known is not None and known[0] is origin:
            return known[1]  # type: ignore[return-value]
        with self.via(node):
            result = check()
        self._once[key] = (origin, result)
        return result


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
    value = node.value
    # (called for every field of every question: Node.is_null inlined for the common untagged scalar)
    null = (node.plain and value in NULL_WORDS) if node.tag is None else node.is_null()
    if (allow_empty or value.strip()) and not null:
        return value
    out.add(node, f"{what} is empty")
    return None


def texts_of(node: Node, what: str, out: Collector, *, most: int | None = None
             ) -> tuple[list[str], list[Node]] | None:
    """A list of non-empty scalars (at most `most`); returns the texts and their nodes (shared by
    every use of an aliased list: do not change them)."""
    if node.kind != SEQUENCE:
        out.add(node, f"{what} must be a list, not {kind_name(node)}")
        return None

    def check() -> tuple[list[str], list[Node]] | None:
        if most is not None and len(node.value) > most:
            out.add(node, f"{what} has {len(node.value)} items; at most {most} are allowed")
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

    if type(node) is Node:  # no anchor, no alias: nothing to share with another use
        return check()
    return out.once(node, f"texts:{what}:{most}", check)


def mapping_fields(node: Node, allowed, where: str, out: Collector) -> dict[str, tuple[Node, Node]]:
    """Keys of a mapping -> (key node, value node); reports non-text, duplicate and unknown keys."""
    if isinstance(node, Alias):
        with out.via(node):
            return _fields(node, allowed, where, out)
    return _fields(node, allowed, where, out)


def _fields(node: Node, allowed, where: str, out: Collector) -> dict[str, tuple[Node, Node]]:
    fields: dict[str, tuple[Node, Node]] = {}
    for key, value in node.value:
        if key.kind != SCALAR or (key.is_null() if key.tag is not None else key.plain and key.value in NULL_WORDS):
            out.add(key, f"a key in {where} must be text, not {kind_name(key)}")
            continue
        name = key.value
        if name in fields:
            out.add(key, f"duplicate key '{name}' in {where} (first at line {fields[name][0].line}); "
                    "YAML would keep only the last")
            continue
        fields[name] = (key, value)
        if name == "<<" and key.plain:
            out.add(key, f"merge keys ('<<: *anchor') are not supported in a bank; write the keys out in {where}")
        elif name not in allowed:
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
    # str.isprintable is false exactly for the control, format, private-use, unassigned and surrogate
    # characters (category C) and for separators other than the ASCII space: with no space, that is
    # "no space and nothing of category C" in one C-level pass
    if " " in text or not text.isprintable():
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
        out.add(node, f"bank source must be a mapping (file, title, publisher, date, url), not {kind_name(node)}")
        return None
    fields = mapping_fields(node, SOURCE_KEYS, "the bank source", out)
    vals = {}
    for name in SOURCE_KEYS:
        if name in fields:
            vals[name] = text_of(fields[name][1], f"source {name}", out)
    return Source(**vals)
