"""Hints help without giving the answer away: the source with the answer masked (one □ per
character), never the prompt again, and for a true/false statement only the context around the
clause that decides it (or nothing)."""
from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from quiz.core.answers.normalize import normalize
from quiz.core.hints import MASK, hint_for, masked, statement_context
from quiz.core.model import Question

SOURCE = "3月28日，占地2700平方米的西藏百万农奴解放纪念馆新馆在拉萨正式开馆。"


def test_the_answer_is_masked_one_box_per_character():
    q = Question("v", "fill", "全区共设多少个会场？", ("726个",), source="全区设726个会场，2万余名党员干部代表参加。")
    assert hint_for(q) == "全区设□□□□会场，2万余名党员干部代表参加。"


def test_a_hint_that_is_the_prompt_again_is_not_offered():
    # a generated choice question: the prompt is the source with a blank; the hint would only repeat it
    q = Question("c", "choice", "3月28日，占地____的西藏百万农奴解放纪念馆新馆在拉萨正式开馆。", ("2700平方米",),
                 ("2700平方米", "3000平方米"), source=SOURCE)
    assert hint_for(q) == ""
    own = Question("o", "fill", "学史明理、____", ("学史增信",), hint="学史明理、____")
    assert hint_for(own) == ""


def test_a_cloze_hint_shows_how_long_the_answer_is():
    q = Question("f", "fill", "____，占地2700平方米的西藏百万农奴解放纪念馆新馆在拉萨正式开馆。", ("3月28日",), source=SOURCE)
    assert hint_for(q) == "□□□□□，占地2700平方米的西藏百万农奴解放纪念馆新馆在拉萨正式开馆。"


def test_no_hint_when_the_answer_is_not_in_the_source_as_written():
    # masking would hide nothing, and the source may state the answer in another form
    q = Question("f", "fill", "新馆占地多少？", ("两千七百平方米",), source=SOURCE)
    assert hint_for(q) == ""


def test_a_true_false_hint_never_holds_the_deciding_clause():
    q = Question("t", "truefalse", "西藏百万农奴解放纪念馆新馆占地2700平方米。", ("true",), source=SOURCE)
    assert hint_for(q) == ""  # every clause of the source decides it: no hint
    role = Question("r", "truefalse", "原文中，石角的身份是“全国劳动模范、日喀则市萨嘎县昌果乡护边队队长”。", ("true",),
                    source="听完报告，全国劳动模范、日喀则市萨嘎县昌果乡护边队队长石角说：“我要将学习热情转化为工作动力。”")
    hint = hint_for(role)
    assert hint == "听完报告，……：“我要将学习热情转化为工作动力。”"
    assert "石角" not in hint and "劳动模范" not in hint


def test_the_authors_own_hint_is_kept():
    q = Question("v", "fill", "全区共设多少个会场？", ("726个",), hint="全区设___个会场", source="全区设726个会场。")
    assert hint_for(q) == "全区设___个会场"


@given(st.text(alphabet="学史明理增信崇德力行西藏拉萨，。、", min_size=1, max_size=30),
       st.text(alphabet="学史明理增信崇德力行", min_size=1, max_size=4))
def test_a_masked_fact_never_shows(sentence, fact):
    text, n = masked(sentence, [fact])
    assert fact not in text
    assert len(text) == len(sentence)
    assert n == 0 or MASK in text


@given(st.text(alphabet="学史明理增信崇德力行西藏拉萨2700，。、“”", min_size=1, max_size=40),
       st.text(alphabet="学史明理增信崇德力行西藏拉萨2700，。", min_size=2, max_size=20))
@example(source="0002“00", statement="20")  # two clauses meet across a quote: not shared wording
def test_true_false_context_shares_no_two_characters_with_the_statement(source, statement):
    hint = statement_context(source, statement)
    said = {normalize(statement)[i:i + 2] for i in range(len(normalize(statement)) - 1)}
    # each kept clause (text between punctuation, as the hint cuts it) shares no two characters in a
    # row with the statement; two clauses side by side across a quote mark are not shared wording
    for clause in re.findall(r"[^，。、“”…]+", hint):
        part = normalize(clause)
        assert not any(part[i:i + 2] in said for i in range(len(part) - 1))
