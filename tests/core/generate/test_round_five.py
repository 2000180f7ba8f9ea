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


# ---------------------------------------------------------------- the article's own subject

UNTITLED = ("为深入学习党的历史，5月21日，青川县文旅局组织开展了党史专题宣讲活动，机关全体党员参加。"
            "青川县文旅局党组书记、局长林海波主持宣讲报告会。\n\n"
            "宣讲结束后，该局还组织党员赴红军纪念馆参观学习。青川县文旅局表示，将把学习成果转化为工作动力。\n")


def test_the_body_an_untitled_report_is_about_is_never_asked():
    from quiz.core.generate.build import extract
    from quiz.core.generate.context import main_body
    from quiz.core.generate.text import parse_article
    article = parse_article(UNTITLED)
    assert article.title == ""
    assert main_body(extract(article), [s.text for s in article.sentences]) == {"青川县文旅局"}
    bank = generate(UNTITLED, bank_id="t", keep_all=True).bank
    assert not [q for q in bank.questions if q.answer == "青川县文旅局"]


def test_a_body_named_once_in_passing_is_no_subject():
    from quiz.core.generate.build import extract
    from quiz.core.generate.context import main_body
    from quiz.core.generate.text import parse_article
    text = "为深入学习党的历史，5月21日，青川县文旅局组织开展了党史专题宣讲活动。\n\n机关全体党员参加了学习。\n"
    article = parse_article(text)
    assert main_body(extract(article), [s.text for s in article.sentences]) == set()


def test_a_city_the_title_names_by_its_short_name_is_not_asked():
    text = "青川一基地入选全省教育基地名单\n\n　　近日，青川市红军纪念馆成功入选全省党史教育基地，这也是青川市唯一入选的基地。\n"
    bank = generate(text, bank_id="t", keep_all=True).bank
    assert not [q for q in bank.questions if q.answer == "青川市"]


# ---------------------------------------------------------------- figures of speech are not asked

@pytest.mark.parametrize("sentence", [
    "一百年来，中国共产党团结带领中国人民书写了最恢宏的史诗篇章。",
    "“我们党的一百年，是矢志践行初心使命的一百年。”总书记的讲话拉开了学习教育的大幕。",
])
def test_a_hundred_years_said_as_a_figure_of_speech_is_not_asked(sentence):
    text = f"标题\n\n　　{sentence}5月12日，青溪中学举办党史演讲比赛，16名选手参加。\n"
    bank = generate(text, bank_id="t").bank
    assert not [q for q in bank.questions if "一百年" in q.answers]


# ---------------------------------------------------------------- a short report's floor

def test_a_list_of_actions_is_not_asked_even_by_a_short_report():
    text = ("标题\n\n　　今年以来，青溪社区党委创新设计载体、精心谋划活动、务求服务实效，推动党史学习教育走深走实。"
            "社区组织党员开展宣讲、走访、义诊等活动。\n")
    bank = generate(text, bank_id="t").bank
    asked = {a for q in bank.questions for a in q.answers}
    assert not asked & {"创新设计载体", "精心谋划活动", "务求服务实效"}


def test_short_verbs_that_name_things_stay_a_list():
    from quiz.core.generate.build import extract
    from quiz.core.generate.score import importance
    from quiz.core.generate.text import parse_article
    lists = [f for f in extract(parse_article("标题\n\n　　近日，他们组织侦察、爆破和战场救护等专业课目训练。\n")) if f.items]
    assert lists and all(importance(f) >= 0.5 for f in lists)


# ---------------------------------------------------------------- narrowing a kept prompt

def test_a_kept_prompt_is_narrowed_to_a_form_that_prints_no_more_than_it_did():
    from quiz.core.generate.candidates import Candidate
    from quiz.core.generate.select import _narrow_kept, fold
    from quiz.core.model import Question

    def cand(prompt, answer, narrow):
        q = Question(id=answer, type=QT.FILL, prompt=prompt, answers=(answer,))
        return Candidate(q, "slogan", 0, 0, ("slogan", answer), 0.9, (answer,), narrow=narrow)

    # two questions of one sentence print each other's answers (both names recur in the article);
    # a later date question of the sentence hides its answer by narrowing both to their clause
    a = cand("6月28日上午，柳岸县“____”纪念章颁发仪式暨“两优一先”表彰大会举行。", "光荣在党50年",
             ("柳岸县“____”纪念章颁发仪式暨“两优一先”表彰大会举行。",))
    b = cand("6月28日上午，柳岸县“光荣在党50年”纪念章颁发仪式暨“____”表彰大会举行。", "两优一先",
             ("柳岸县“光荣在党50年”纪念章颁发仪式暨“____”表彰大会举行。",))
    kept = [a, b]
    prompts = [fold(c.question.prompt) for c in kept]
    shown = {6: {"光荣在党50年"}, 4: {"两优一先"}}
    assert _narrow_kept(kept, prompts, ["6月28日上午"], shown)
    assert all("6月28日" not in c.question.prompt for c in kept)




# ---------------------------------------------------------------- named sessions

@pytest.mark.parametrize("session", ["十九届六中全会", "十八届三中全会", "二十届二中全会"])
def test_a_plenary_session_is_one_name_asked_as_a_fill(session):
    text = f"标题\n\n　　为深入宣传贯彻党的{session}精神，青溪县委宣讲团深入乡村开展宣讲32场。\n"
    qs = generate(text, bank_id="t", keep_all=True).bank.questions
    asked = [q for q in qs if q.answer == session]
    assert asked and all(q.type is QT.FILL for q in asked)
    assert not [q for q in qs if q.answer.endswith("届")]   # never a count of 届 with made-up options


# ---------------------------------------------------------------- options that fit the slot

SLOTS = ("标题\n\n　　青溪镇组建了“红色轻骑兵”宣讲队，开展“马背宣讲”“夜话党史”“田间课堂”等活动120余场。"
         "宣讲员讲述“三过草地”的故事，听众深受感动。由驻村干部、“老支书”、大学生村官组成的队伍走遍全镇。"
         "活动情况在“青溪发布”微信公众号公开。\n")


@pytest.mark.parametrize("answer", ["三过草地", "老支书", "青溪发布"])
def test_a_story_a_person_or_a_medium_is_not_offered_activities(answer):
    qs = [q for q in generate(SLOTS, bank_id="t", keep_all=True).bank.questions if q.answer == answer]
    assert qs
    for q in qs:
        if q.type is QT.CHOICE:
            assert not set(q.choices) & {"红色轻骑兵", "马背宣讲", "夜话党史", "田间课堂"}


def test_slot_roles():
    from quiz.core.generate.build import extract
    from quiz.core.generate.distractors import slot_role
    from quiz.core.generate.text import parse_article
    roles = {f.text: slot_role(f) for f in extract(parse_article(SLOTS)) if f.kind == "slogan"}
    assert roles["三过草地"] == "story" and roles["老支书"] == "people" and roles["青溪发布"] == "media"
    assert roles["马背宣讲"] == roles["田间课堂"] == "thing"


def test_options_of_a_part_stay_below_a_whole_stated_as_x_zhong():
    text = "标题\n\n　　医院党委列出办实事清单12项。到7月底，12项中已完成10项，其余两项年底前办结。\n"
    for q in generate(text, bank_id="t", keep_all=True).bank.questions:
        if q.type is QT.CHOICE and q.answer == "10项":
            assert all(int(c[:-1]) < 12 for c in q.choices)


def test_gai_guan_far_from_the_one_museum_named_is_that_museum():
    from quiz.core.generate.context import Context, refer
    ctx = Context(texts=["a"] * 8, names=[(0, "org", "青峰岭革命纪念馆"), (1, "place", "永溪县")])
    told, _ = refer("该馆已承接现场教学____。", 7, ctx)
    assert told == "青峰岭革命纪念馆已承接现场教学____。"
    two = Context(texts=["a"] * 8, names=[(0, "org", "青峰岭革命纪念馆"), (1, "org", "县博物馆")])
    assert refer("该馆已承接现场教学____。", 7, two)[0] is None


# ---------------------------------------------------------------- bylines

@pytest.mark.parametrize(("par", "body"), [
    ("解放军报讯 王立军、特约通讯员陈小川报道：初秋时节，某旅组织官兵开展学习。", "初秋时节，某旅组织官兵开展学习。"),
    ("本报讯 记者 张晓东 通讯员 李春 近日，青溪县召开会议。", "近日，青溪县召开会议。"),
    ("本报讯 近日，青溪县报道组报道：开展活动。", "近日，青溪县报道组报道：开展活动。"),
])
def test_names_and_baodao_before_the_body_are_a_byline(par, body):
    from quiz.core.generate.text import unbylined
    assert unbylined(par)[0] == body
