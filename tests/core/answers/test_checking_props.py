from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.answers.checking import check, check_text, normalize
from quiz.core.model import Question

# Answers with at least one character that survives normalization.
answers = st.text(min_size=1, max_size=20).filter(lambda s: normalize(s) != "")


def to_fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if 0x21 <= ord(c) <= 0x7E else ("\u3000" if c == " " else c) for c in s)


@given(answers)
def test_answer_accepts_itself(a):
    assert check_text((a,), a).correct


@given(answers)
def test_answer_accepts_its_fullwidth_form(a):
    assert check_text((a,), to_fullwidth(a)).correct


@given(st.text(max_size=40))
def test_normalize_is_idempotent(s):
    n = normalize(s)
    assert normalize(n) == n


@settings(max_examples=300)
@given(st.text(max_size=40), st.text(max_size=40))
def test_checker_never_raises(answer, typed):
    for kind in ("fill", "choice", "card", "truefalse"):
        q = Question("x", kind, "p", (answer or "a",), ("a", "b") if kind == "choice" else ())
        check(q, typed)
    check(Question("m", "multi", "p", ("a",), ("a", "b")), typed)
    check(Question("o", "order", "p", ("a", "b"), ("a", "b")), typed)


@given(st.one_of(st.none(), st.integers(), st.floats(), st.booleans(), st.binary(max_size=10),
                 st.lists(st.text(max_size=5) | st.integers(), max_size=4), st.dictionaries(st.text(max_size=3), st.integers(), max_size=3)))
def test_checker_never_raises_on_any_object(obj):
    check(Question("x", "fill", "p", ("2万",)), obj)
    check(Question("m", "multi", "p", ("a",), ("a", "b")), obj)


@given(st.integers(min_value=0, max_value=10**9))
def test_numbers_written_both_ways(n):
    assert check_text((f"{n}个",), str(n)).correct
    assert check_text((str(n),), f"{n:,}").correct


@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_in_chinese_numerals(n):
    import cn2an

    assert check_text((str(n),), cn2an.an2cn(n)).correct
    assert check_text((cn2an.an2cn(n),), str(n)).correct
