"""Reading bank bytes: where the next UTF-8 error is, window by window (many errors stay linear)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quiz.core.textcodec import _next_error, decode_bytes


def naive(data: bytes, at: int) -> int | None:
    try:
        data[at:].decode("utf-8")
    except UnicodeDecodeError as e:
        return at + e.start
    return None


@given(st.lists(st.sampled_from([b"a", "学".encode(), b"\xc0\xaf", b"\xff", "。".encode(), b"\xe5"]), max_size=60),
       st.integers(1, 8))
def test_the_next_error_is_where_a_whole_decode_finds_it(parts, chunk):
    data = b"".join(parts)
    view = memoryview(data)
    assert _next_error(view, 0, chunk) == naive(data, 0)


def test_a_file_full_of_overlong_sequences_is_named_at_its_first():
    good = "学史明理，学史增信。\n".encode() * 30
    problem = decode_bytes((good + b"\xc0\xaf") * 2000)[1]
    assert problem is not None and problem[:2] == (31, 1) and "overlong" in problem[2]
