"""Round seven of the gate: a person asked with no context, lists of where a campaign goes asked
as an order, items of plain lists asked as facts (the texts here are invented)."""
from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from quiz.core.generate import gate as G
from quiz.core.generate import gate_order as O
from quiz.core.generate import gate_person as GP
from quiz.core.generate import generate
from quiz.core.generate.candidates import Candidate
from quiz.core.model import Question
from quiz.core.qtype import QuestionType as QT

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


# 2. a bare name to type with a prompt too thin to say what the person did
@given(st.sampled_from(["致词。", "讲话。", "同志说。", "讲道。"]))
def test_a_bare_act_is_too_thin(act):
    assert GP.thin("____" + act)
    assert GP.thin("老党员____" + act)


def test_a_bare_name_with_its_occasion_is_asked():
    assert not GP.thin("在村史馆开馆仪式上，老党员____讲道。")


def test_a_thin_prompt_drops_a_bare_name_not_an_office():
    text = "老党员王明华讲道。"
    q = Question(id="q", type=QT.FILL, prompt="老党员____讲道。", answers=("王明华",), source=text,
                 tags=("person",))
    c = Candidate(q, "person:王明华", 0, 3, ("person", "王明华"), 0.8, ("王明华",))
    assert G.why(c) == "gate-context"
    office = replace(c, question=replace(q, prompt="____讲道。", answers=("老党员王明华",)))
    assert G.why(office) != "gate-context"


# 3. an item of a plain list is no fact; a named item (a place, a person, a set's member) is
PLAIN = ["单选题", "多选题", "判断题", "村干部", "党员", "群众", "心理健康", "集中宣讲", "网络宣讲"]


@given(st.lists(st.sampled_from(PLAIN), min_size=3, max_size=3, unique=True), st.integers(0, 2))
def test_an_item_of_a_plain_list_is_trivial(items, k):
    text = "活动采取" + "、".join(items) + "等形式。"
    a = text.index(items[k])
    assert G.generic(text, a, a + len(items[k]), item=True)


def test_a_named_item_of_a_list_is_a_fact():
    text = "参赛者来自陕西、黑龙江、上海等地，回顾了新中国史、改革开放史和社会主义发展史。"
    for item in ("黑龙江", "社会主义发展史"):
        a = text.index(item)
        assert not G.generic(text, a, a + len(item), item=True)


def test_an_item_of_a_framed_list_that_is_no_formula_is_dropped():
    text = "小组推动学习进机关、进企业、进农村、进校园、进社区。"
    q = Question(id="q", type=QT.FILL, prompt=text.replace("进社区", "____"), answers=("进社区",),
                 source=text, tags=("slogan",))
    c = Candidate(q, "slogan", 0, text.index("进社区"), ("slogan", "进机关、进企业、进农村、进校园、进社区", 0),
                  0.8, ("进社区",))
    assert G.plain_list(c)
    assert G.why(c) == "gate-trivial"
    formula = replace(c, fact=("slogan", "学史明理、学史增信、学史崇德、学史力行", 0))
    assert not G.plain_list(formula)


# 4. a list of what an exhibit shows (一段段文字、一张张照片) has no order
@given(st.lists(st.sampled_from(["段段文字", "张张照片", "件件实物", "幅幅画卷", "个个故事"]), min_size=3,
                max_size=4, unique=True))
def test_a_list_of_reduplicated_measures_has_no_order(items):
    assert not O.ordered(tuple("一" + it for it in items))


# 5. a true/false statement cut to its date and subject says nothing to judge
def test_a_statement_cut_to_nothing_is_dropped():
    text = "4月24日，县总工会在礼堂举行党史知识竞赛决赛。"
    q = Question(id="q", type=QT.TRUEFALSE, prompt="4月24日，县总工会……", answers=("对",), source=text,
                 tags=("date",))
    c = Candidate(q, "date", 0, 0, ("date", "4月24日", 0), 0.5, ())
    assert G.why(c) == "gate-context"
    whole = replace(c, question=replace(q, prompt="4月24日，县总工会在礼堂举行党史知识竞赛决赛。"))
    assert G.why(whole) == ""


# 6. the body an untitled report opens on, holding its event, is its subject; so is its short form
def test_the_body_holding_the_first_event_is_not_asked():
    text = ("3月18日，北坡学院召开党史学习教育动员会。学院党委班子成员参加了会议。"
            "会议由学院党委书记林晓峰主持。会议要求全院师生认真学习党史。")
    bank = generate(text, bank_id="t").bank
    assert not [q for q in bank.questions if "北坡学院" in q.answers]


def test_a_short_form_of_the_titled_body_is_its_subject():
    from quiz.core.generate.candidates import _in_title
    from quiz.core.generate.context import short_form
    assert short_form("南岭供电公司") == "供电公司"
    assert _in_title("供电公司", "南岭供电公司：“现场课堂”学党史")
    assert not _in_title("供电公司", "“现场课堂”学党史")


# 7. 同志 is no part of a name to type: the fill asks the office and name, 同志 stays in the prompt
@given(st.sampled_from(["党组书记、局长", "校长", "社区党委书记"]), st.sampled_from(["王明华", "李志强", "陈海涛"]))
def test_comrade_stays_out_of_the_answer(office, name):
    text = f"{office}{name}同志在会上强调，要抓好读书班。"
    q = Question(id="q", type=QT.FILL, prompt="____在会上强调，要抓好读书班。", answers=(f"{office}{name}同志", name),
                 source=text, tags=("person",))
    c = GP.comrade(Candidate(q, f"person:{name}", 0, 0, ("person", name), 0.8, (f"{office}{name}同志",)))
    assert c.question.answers == (office + name, name)
    assert c.question.prompt.startswith("____同志在会上")
    assert office + name in c.shows


def test_a_word_misread_as_a_person_inside_an_item_names_nothing():
    text = "学院党委班子成员、科级干部、党支部书记及师生党员代表参加了动员会。"
    a = text.index("师生党员代表")
    assert G.generic(text, a, a + 6, item=True)


# 8. the year of the Party's centenary is given away by the prompt that says it
@given(st.sampled_from(["中国共产党成立100周年", "建党百年", "党的百年华诞"]))
def test_the_centenary_year_is_not_asked(said):
    text = f"2021年是{said}，全校开展党史学习教育。"
    q = Question(id="q", type=QT.CHOICE, prompt=text.replace("2021年", "____"), answers=("2021年",),
                 choices=("2019年", "2020年", "2021年", "2022年"), source=text, tags=("date",))
    c = Candidate(q, "date", 0, 0, ("date", "2021年", 0), 0.6, ("2021年",))
    assert G.why(c) == "gate-trivial"
    other = replace(c, question=replace(q, prompt="____，全校开展党史学习教育。"))
    assert G.why(other) == ""
