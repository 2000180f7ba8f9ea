"""Round four of the generator: people marked by who they are rather than an office (骨干, 英雄,
先烈), the first of each group a commendation names (对某某等12名优秀共产党员), and speech verbs
the title rule did not know (致词). The sentences here are invented for these tests, in the
genre of the reports."""
from __future__ import annotations

import pytest

from quiz.core.generate import generate
from quiz.core.generate.build import extract
from quiz.core.generate.text import parse_article


def bank(text: str, **kw):
    return generate(text, bank_id="t", **kw).bank


def facts(text: str, kind: str) -> list[tuple[str, str]]:
    return [(f.person, f.role) for f in extract(parse_article(text)) if f.kind == kind]


# ---------------------------------------------------------------- people marked by who they are

@pytest.mark.parametrize("text, name", [
    ("市委党史研究室青年骨干周明远深情讲述了红军长征的故事。", "周明远"),
    ("同学们重温了革命先烈罗青山的英雄事迹。", "罗青山"),
    ("社区请来抗美援朝英雄郑家福，为党员讲党课。", "郑家福"),
])
def test_a_person_marked_by_who_they_are_is_a_person_without_an_office(text, name):
    assert facts(text, "person") == [(name, "")]
    assert facts(text, "role") == []   # 抗美援朝英雄 is no office to ask


def test_zhici_follows_a_name():
    text = "区政协党组书记、主席陶文彬致词。"
    assert facts(text, "person") == [("陶文彬", "区政协党组书记、主席")]


def test_heroic_words_without_a_name_are_nobody():
    assert facts("大家重温了英雄事迹和先烈精神。", "person") == []


# ---------------------------------------------------------------- a commendation's groups

def test_the_first_of_each_commended_group_is_a_person():
    text = "大会对许文澜等15名优秀共产党员、龚春生等8名优秀党务工作者进行了表彰。"
    assert [p for p, _ in facts(text, "person")] == ["许文澜", "龚春生"]


def test_a_place_before_deng_is_no_person():
    assert facts("活动覆盖全县等10个乡镇。", "person") == []


def test_a_commended_person_is_asked():
    text = ("东河县召开表彰大会\n\n6月28日，东河县召开庆祝建党大会。\n\n会上，大会对许文澜等15名优秀共产党员进行了表彰。"
            "县委书记韩立平出席大会并讲话。")
    asked = [q for q in bank(text, keep_all=True).questions if q.answers[0] == "许文澜"]
    assert asked and "____等15名优秀共产党员" in asked[0].prompt

