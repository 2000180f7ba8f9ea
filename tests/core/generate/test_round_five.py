"""Round five of the generator: answers a learner can type. A quoted slogan of two halves
(“赓续红色血脉，争做时代新人”) is asked by its first half with the second shown. The
sentences are invented for these tests, in the genre of the reports."""
from __future__ import annotations

import pytest

from quiz.core.generate import generate
from quiz.core.qtype import QuestionType as QT

HALVES = ("青溪中学举办党史演讲比赛\n\n　　5月12日，青溪中学举行了“赓续红色血脉，争做时代新人”党史演讲比赛，"
          "全校16名选手参加。\n")


def _slogan_fills(text: str):
    return [q for q in generate(text, bank_id="t", keep_all=True).bank.questions
            if q.type is QT.FILL and "slogan" in q.tags]


def test_a_slogan_of_two_halves_is_asked_by_its_first_half():
    fills = _slogan_fills(HALVES)
    assert [q.answers for q in fills] == [("赓续红色血脉",)]
    assert "“____，争做时代新人”" in fills[0].prompt


@pytest.mark.parametrize("slogan", ["我为群众办实事", "学党史，办实事，开新局", "红，心向党"])
def test_other_slogans_are_asked_whole(slogan):
    text = f"标题\n\n　　5月12日，青溪中学举行了“{slogan}”主题活动，全校师生参加。\n"
    assert all(q.answer == slogan for q in _slogan_fills(text))
