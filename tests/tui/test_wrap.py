"""CJK-aware wrapping: every line fits, nothing is lost, labels stay beside their text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from quiz.tui.widgets.wrap import wrap_lines, wrap_spans

CJK = st.text(alphabet=st.sampled_from(list("学史明理增信崇德力行西藏自治区，。、（）《》")), max_size=60)
MIXED = st.text(alphabet=st.sampled_from(list("学史明理西藏，。 abc XYZ 2021 ")), max_size=80)


@settings(max_examples=300)
@given(text=st.one_of(CJK, MIXED), width=st.integers(min_value=2, max_value=40))
def test_every_line_fits_and_nothing_but_spaces_is_lost(text, width):
    lines = wrap_lines(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


PHRASES = st.lists(
    st.tuples(st.text(alphabet="学史明理增信崇德", min_size=1, max_size=4), st.sampled_from(["", "，", "。", "、", "）"])),
    max_size=12,
).map(lambda parts: "".join(a + b for a, b in parts))


@given(text=PHRASES, width=st.integers(min_value=4, max_value=40))
def test_closing_punctuation_never_starts_a_line_when_room_allows(text, width):
    for line in wrap_lines(text, width)[1:]:
        if line:
            assert line[0] not in "，。、）》"


def test_chinese_run_folds_per_character_instead_of_moving_whole():
    text = "学史明理、学史增信、学史崇德、学史力行是党史学习教育的目标要求"
    lines = wrap_lines(text, 20)
    assert lines[0] == "学史明理、学史增信、"
    assert all(cell_len(line) <= 20 for line in lines)
    # the first line is filled, not left short as word-based wrapping would
    assert cell_len(lines[0]) >= 18


def test_latin_words_stay_whole():
    assert wrap_lines("hello world again", 11) == ["hello world", "again"]


def test_newlines_and_empty_text():
    assert wrap_lines("", 5) == [""]
    assert wrap_lines("a\n\nb", 4) == ["a", "", "b"]


def test_spans_index_the_original_text():
    text = "西藏 2021 年开展 party history 活动。"
    for s, e in wrap_spans(text, 9):
        assert text[s:e].strip() == text[s:e]


@given(text=CJK.filter(lambda s: s.strip()), width=st.integers(min_value=6, max_value=40))
def test_an_option_label_is_never_alone_on_its_line(text, width):
    from textual.content import Content

    from quiz.tui.widgets.wrapped import Wrapped

    lines = Wrapped(text, label=Content("A. ")).lines(width)
    assert lines[0].plain.startswith("A. ") and lines[0].plain[3:].strip()
    assert all(line.cell_length <= width for line in lines)
    assert all(line.plain.startswith("   ") for line in lines[1:])  # hanging indent
