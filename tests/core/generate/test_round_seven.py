"""Round seven of the gate: a person asked with no context, and lists of where a campaign goes
asked as an order (the texts here are invented)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quiz.core.generate import gate as G
from quiz.core.generate import gate_order as O

PLACES = ["机关", "企业", "农村", "校园", "社区", "网格", "楼栋", "家庭", "群众", "基层", "人心"]
places_st = st.lists(st.sampled_from(PLACES), min_size=2, max_size=5, unique=True)


# 1. a list of where a campaign goes (进机关、进企业; 深入群众、深入基层) has no order to learn
@given(places_st, st.sampled_from(["进", "深入", "走进"]))
def test_a_list_of_going_places_has_no_order(places, verb):
    assert not O.ordered(tuple(verb + p for p in places))


@given(st.lists(st.sampled_from("盼急忧怨难愁"), min_size=2, max_size=4, unique=True))
def test_a_run_of_superlatives_has_no_order(chars):
    assert not O.ordered(tuple("最" + c for c in chars))


def test_formulas_keep_their_order():
    assert O.ordered(("学史明理", "学史增信", "学史崇德", "学史力行"))
    assert O.ordered(("学党史", "悟思想", "办实事", "开新局"))
    assert O.ordered(("听党话", "感党恩", "跟党走"))


# 2. a person prompt too thin to say what the person did
@given(st.sampled_from(["致词。", "讲话。", "同志说。"]))
def test_a_bare_act_is_too_thin_for_any_person(act):
    assert G.thin("____" + act)
    assert G.thin(G._MULTI_LEAD + "____" + act)


def test_a_bare_name_to_type_needs_the_occasion():
    assert G.thin("老党员____讲道。", bare=True)
    assert not G.thin("老党员____讲道。")   # options with offices say who is meant
    assert not G.thin("在村史馆开馆仪式上，老党员____讲道。", bare=True)
