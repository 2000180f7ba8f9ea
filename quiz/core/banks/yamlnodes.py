"""Light YAML nodes built from libyaml's event stream.

PyYAML's composer keeps two Mark objects per node (about 30x the file size in
memory for a large bank). Here each node keeps only what validation needs, the
tree of one question is built at a time and dropped after it is checked, and
aliases are shared references (never expanded), so an alias bomb costs nothing.
Only the C parser is used: a missing libyaml is reported, never worked around
with the slow pure-Python one.
"""
from __future__ import annotations

import re

import yaml
from yaml import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

_CLoader: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)  # None: PyYAML without libyaml

SCALAR, MAPPING, SEQUENCE = "scalar", "mapping", "sequence"

# Tags a bank may spell out; everything else (!!python/..., custom !tags) is refused.
_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}

_BOOL_TRUE = re.compile(r"^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$")
_BOOL_FALSE = re.compile(r"^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


class Node:
    """A YAML node: kind, value (str | list[Node] | list[tuple[Node, Node]]), 1-based line/col."""

    __slots__ = ("kind", "value", "line", "col", "tag", "plain")

    def __init__(self, kind: str, value, line: int, col: int, tag: str | None, plain: bool) -> None:
        self.kind = kind
        self.value = value
        self.line = line
        self.col = col
        self.tag = tag
        self.plain = plain  # scalar written without quotes (so `true`/`null` resolve)

    # Resolution of plain scalars, YAML 1.1 as PyYAML's safe loader does it.
    def is_null(self) -> bool:
        if self.plain and len(self.value) > 4:
            return False
        return self.kind == SCALAR and (
            self.tag == _CORE + "null" or (self.plain and self.tag is None and _NULL.match(self.value) is not None))

    def as_bool(self) -> bool | None:
        """True/False for a boolean scalar, None for anything else."""
        if self.kind != SCALAR or len(self.value) > 5 or not (self.plain or self.tag == _CORE + "bool"):
            return None
        if self.tag not in (None, _CORE + "bool"):
            return None
        if _BOOL_TRUE.match(self.value):
            return True
        if _BOOL_FALSE.match(self.value):
            return False
        return None


class YamlProblem(Exception):
    """A syntax or safety problem at a position (1-based)."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.col = col
        self.message = message


def _pos(event) -> tuple[int, int]:
    m = event.start_mark
    return m.line + 1, m.column + 1


def _describe_yaml_error(err: yaml.YAMLError) -> YamlProblem:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(err, "problem", None) or str(err)
    context = getattr(err, "context", None)
    msg = f"YAML syntax error: {problem}"
    if context and "nesting" not in str(problem):
        msg += f" ({context})"
    if "nesting depth" in str(problem):
        msg = "YAML nesting is too deep (over 1000 levels): a bank is never nested like this"
    return YamlProblem(line, col, msg)


class EventReader:
    """Pulls events from libyaml and builds Nodes one subtree at a time."""

    def __init__(self, text: str | bytes) -> None:
        if _CLoader is None:  # pragma: no cover
            raise YamlProblem(1, 1, "PyYAML was built without libyaml; reinstall pyyaml with its C extension")
        self._loader = _CLoader(text)
        self._anchors: dict[str, Node] = {}
        self._peeked = None

    def close(self) -> None:
        try:
            self._loader.dispose()
        except Exception:  # pragma: no cover
            pass

    def next(self):
        if self._peeked is not None:
            ev, self._peeked = self._peeked, None
            return ev
        try:
            return self._loader.get_event()
        except yaml.YAMLError as err:
            raise _describe_yaml_error(err) from None

    def peek(self):
        if self._peeked is None:
            self._peeked = self.next()
        return self._peeked

    def start_document(self) -> bool:
        """Skip to the first document; False when the stream has none (empty file)."""
        while True:
            ev = self.next()
            if isinstance(ev, DocumentStartEvent):
                return True
            if isinstance(ev, StreamEndEvent):
                return False

    def end_document(self) -> None:
        """After the root: refuse a second document."""
        ev = self.next()
        if not isinstance(ev, DocumentEndEvent):  # pragma: no cover - parser guarantees it
            raise YamlProblem(*_pos(ev), "unexpected content after the bank")
        ev = self.next()
        if isinstance(ev, DocumentStartEvent):
            raise YamlProblem(*_pos(ev), "a bank file holds one YAML document; remove this second '---' document")

    def check_tag(self, event) -> str | None:
        tag = event.tag
        if tag is None or tag == "!":
            return None
        if tag not in ALLOWED_TAGS:
            shown = tag.replace(_CORE, "!!")
            raise YamlProblem(*_pos(event), f"tag {shown} is not allowed: a bank holds plain text, lists and mappings")
        return tag

    def read(self, event=None) -> Node:
        """Build the node that starts with `event` (or the next event), iteratively."""
        ev = self.next() if event is None else event
        try:
            return self._read(ev)
        except yaml.YAMLError as err:
            raise _describe_yaml_error(err) from None

    def _read(self, ev) -> Node:
        get = self._loader.get_event
        anchors = self._anchors
        stack: list[tuple[Node, list, str | None]] = []  # (container, pending mapping key as [key], anchor)
        while True:
            t = type(ev)
            if t is ScalarEvent:
                m = ev.start_mark
                node = Node(SCALAR, ev.value, m.line + 1, m.column + 1,
                            None if ev.tag is None else self.check_tag(ev), not ev.style)
                if ev.anchor:
                    anchors[ev.anchor] = node
            elif t is AliasEvent:
                target = anchors.get(ev.anchor)
                if target is None:  # libyaml reports unknown anchors itself; keep a guard
                    raise YamlProblem(*_pos(ev), f"unknown alias *{ev.anchor}")
                node = target
            elif t is MappingStartEvent or t is SequenceStartEvent:
                line, col = _pos(ev)
                kind = MAPPING if t is MappingStartEvent else SEQUENCE
                container = Node(kind, [], line, col, self.check_tag(ev), False)
                # the anchor is registered when the container ends, so it can never contain itself
                stack.append((container, [], ev.anchor))
                ev = get()
                continue
            elif t is MappingEndEvent or t is SequenceEndEvent:
                node, _, anchor = stack.pop()
                if anchor:
                    anchors[anchor] = node
            else:  # pragma: no cover - the parser never gives other events here
                raise YamlProblem(*_pos(ev), f"unexpected YAML event {t.__name__}")
            # attach `node` to its parent, or return it
            if not stack:
                return node
            parent, pending, _ = stack[-1]
            if parent.kind == SEQUENCE:
                parent.value.append(node)
            elif pending:
                parent.value.append((pending.pop(), node))
            else:
                pending.append(node)
            ev = get()
