"""Light YAML nodes built from libyaml's event stream.

PyYAML's composer keeps two Mark objects per node (about 30x the file size in
memory for a large bank). Here each node keeps only what validation needs, the
tree of one question is built at a time and dropped after it is checked, and
aliases are shared references (never expanded), so an alias bomb costs nothing.
Only the C parser is used: a missing libyaml is reported, never worked around
with the slow pure-Python one.

An alias use is a node of its own (its own line and column, so a problem is reported where the
alias is used) sharing the anchored node's value. What aliases repeat is bounded: each use adds the
size of what it repeats (nodes and characters, nested aliases included) to a budget, and a file
that goes over it is refused at the alias that did (a "billion laughs" bank, or one long text
repeated a million times, costs nothing to refuse). The validator checks an aliased node once per
use it is put to (quiz.core.banks.validate.Collector caches it).
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
# What all alias uses of a file may repeat in all, in nodes + characters: about 8 MB of text. A bank
# that reuses an option list or an explanation a few thousand times stays far below it.
ALIAS_BUDGET = 8_000_000

# Tags a bank may spell out; everything else (!!python/..., custom !tags) is refused.
_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}

_BOOL_TRUE = re.compile(r"^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$")
_BOOL_FALSE = re.compile(r"^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$")
NULL_WORDS = frozenset(("~", "null", "Null", "NULL", ""))  # plain scalars that mean null
_NULL_TAG = _CORE + "null"


class Node:
    """A YAML node: kind, value (str | list[Node] | list[tuple[Node, Node]]), 1-based line/col.
    An anchored node is an Anchored; an alias use an Alias (its own position, the target's value)."""

    __slots__ = ("kind", "value", "line", "col", "tag", "plain")

    def __init__(self, kind: str, value, line: int, col: int, tag: str | None, plain: bool) -> None:
        self.kind = kind
        self.value = value
        self.line = line
        self.col = col
        self.tag = tag
        self.plain = plain  # scalar written without quotes (so `true`/`null` resolve)

    def origin(self) -> Node:
        """The node this one repeats (itself when it is no alias): the key to validate it once."""
        return self


    # Resolution of plain scalars, YAML 1.1 as PyYAML's safe loader does it.
    def is_null(self) -> bool:
        if self.kind != SCALAR:
            return False
        if self.tag is None:
            return self.plain and self.value in NULL_WORDS
        return self.tag == _NULL_TAG

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


class Anchored(Node):
    """A node with an anchor (`&name`): kept alive by the reader, so its id names it for the file."""

    __slots__ = ("anchor",)
    anchor: str


class Alias(Node):
    """One use of an anchored node (`*name`): its own position, the anchored node's value (shared)."""

    __slots__ = ("target", "alias")
    target: Node
    alias: str

    def origin(self) -> Node:
        return self.target


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
    problem = getattr(err, "problem", None) or str(err)
    context = getattr(err, "context", None)
    opened = getattr(err, "context_mark", None)
    if context and "quoted scalar" in context and "end of stream" in str(problem) and opened is not None:
        # the quote that never closes is where the person must look, not the end of the file
        return YamlProblem(opened.line + 1, opened.column + 1,
                           "YAML syntax error: this quote is never closed (the text runs to the end of the file)")
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
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
        # id(anchored node) -> (the node, kept alive so its id is never reused; nodes + characters it holds)
        self._sizes: dict[int, tuple[Node, int]] = {}
        self.repeated = 0  # what alias uses repeated so far (see ALIAS_BUDGET)

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
                tag = None if ev.tag is None else self.check_tag(ev)
                node: Node
                if ev.anchor:
                    held = Anchored(SCALAR, ev.value, m.line + 1, m.column + 1, tag, not ev.style)
                    held.anchor = ev.anchor
                    anchors[ev.anchor] = node = held
                else:
                    node = Node(SCALAR, ev.value, m.line + 1, m.column + 1, tag, not ev.style)
            elif t is AliasEvent:
                target = anchors.get(ev.anchor)
                if target is None:  # libyaml reports unknown anchors itself; keep a guard
                    raise YamlProblem(*_pos(ev), f"unknown alias *{ev.anchor}")
                node = self._alias_use(ev, target)
            elif t is MappingStartEvent or t is SequenceStartEvent:
                m = ev.start_mark
                kind = MAPPING if t is MappingStartEvent else SEQUENCE
                container = (Anchored if ev.anchor else Node)(kind, [], m.line + 1, m.column + 1,
                                                              None if ev.tag is None else self.check_tag(ev), False)
                # the anchor is registered when the container ends, so it can never contain itself
                stack.append((container, [], ev.anchor))
                ev = get()
                continue
            elif t is MappingEndEvent or t is SequenceEndEvent:
                node, _, anchor = stack.pop()
                if anchor and isinstance(node, Anchored):
                    anchors[anchor] = node
                    node.anchor = anchor
            else:  # pragma: no cover - the parser never gives other events here
                raise YamlProblem(*_pos(ev), f"unexpected YAML event {t.__name__}")
            # attach `node` to its parent, or return it
            if not stack:
                return node
            parent, pending, _ = stack[-1]
            if parent.kind is SEQUENCE:
                parent.value.append(node)
            elif pending:
                parent.value.append((pending.pop(), node))
            else:
                pending.append(node)
            ev = get()

    def _alias_use(self, ev, target: Node) -> Node:
        """A node for one use of `target`: its own position, the target's value (shared, not copied)."""
        self.repeated += self.size(target)
        if self.repeated > ALIAS_BUDGET:
            raise YamlProblem(*_pos(ev), f"the aliases of this file repeat more than {ALIAS_BUDGET // 1_000_000} MB "
                              f"of text in all (here *{ev.anchor}); a bank may reuse a value, not multiply it")
        line, col = _pos(ev)
        node = Alias(target.kind, target.value, line, col, target.tag, target.plain)
        node.target = target
        node.alias = ev.anchor
        return node

    def size(self, node: Node) -> int:
        """Nodes + characters in `node`, what its aliases repeat included (computed once per anchor)."""
        node = node.origin()
        known = self._sizes.get(id(node))
        if known is not None and known[0] is node:
            return known[1]
        total = 0
        stack = [node]
        while stack:
            n = stack.pop()
            if isinstance(n, Alias):
                total += self.size(n.target)  # an alias inside: its anchor's size (already known: defined before)
            elif n.kind == SCALAR:
                total += 1 + len(n.value)
            else:
                total += 1
                for item in n.value:
                    if isinstance(item, tuple):
                        stack.extend(item)
                    else:
                        stack.append(item)
        self._sizes[id(node)] = (node, total)
        return total
