"""The loader's inlined fast paths (issue 2's load budget) decide exactly as the plain rules do: a
scalar is empty when Node.is_null() says null or it is blank; a key is refused when it is null; an id is
refused when it holds a space or a character of category C."""
from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from quiz.core.banks.validate import Collector, mapping_fields, text_of, valid_id
from quiz.core.banks.yamlnodes import MAPPING, SCALAR, Node

CORE = "tag:yaml.org,2002:"
values = st.one_of(st.sampled_from(["", " ", "~", "null", "Null", "NULL", "nul", "true", "x", "学史"]), st.text(max_size=6))
tags = st.sampled_from([None, CORE + "null", CORE + "str", CORE + "int"])


def scalar(value: str, plain: bool, tag: str | None) -> Node:
    return Node(SCALAR, value, 1, 1, tag, plain)


@given(values, st.booleans(), tags, st.booleans())
def test_text_of_is_empty_exactly_when_null_or_blank(value, plain, tag, allow_empty):
    node = scalar(value, plain, tag)
    out = Collector()
    got = text_of(node, "prompt", out, allow_empty=allow_empty)
    empty = node.is_null() or (not allow_empty and not value.strip())
    assert (got is None) == empty and len(out) == int(empty)
    if not empty:
        assert got == value


@given(values, st.booleans(), tags)
def test_a_key_is_refused_exactly_when_null(value, plain, tag):
    key = scalar(value, plain, tag)
    mapping = Node(MAPPING, [(key, scalar("v", True, None))], 1, 1, None, False)
    out = Collector()
    fields = mapping_fields(mapping, (value,), "a question", out)
    assert (value not in fields) == key.is_null()


@given(st.text(max_size=8))
def test_valid_id_refuses_spaces_and_category_c(text):
    bad = any(c.isspace() or unicodedata.category(c)[0] == "C" for c in text)
    assert (valid_id(text) is not None) == bad
