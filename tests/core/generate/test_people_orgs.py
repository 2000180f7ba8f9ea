"""People before any speech verb, org/place boundaries over admin-unit chains and 和,
and enumeration distractors of the same kind (the lead's unseen-article failures)."""
from __future__ import annotations

import pytest

from quiz.core.generate import generate
from quiz.core.generate.build import extract
from quiz.core.generate.categories import category_of
from quiz.core.generate.text import parse_article
from quiz.core.qtype import QuestionType as QT


def facts(text: str, kind: str) -> list:
    return [f for f in extract(parse_article(text)) if f.kind == kind]


def people(text: str) -> dict[str, str]:
    return {f.person: f.role for f in facts(text, "person")}


@pytest.mark.parametrize("verb", ["强调", "指出", "表示", "介绍", "说", "认为", "要求", "谈到"])
@pytest.mark.parametrize("between", ["", "在会上", "在座谈中", "在调研时"])
def test_a_person_before_any_speech_verb(verb, between):
    text = f"青海省委副书记王建国{between}{verb}：“要把学习成果转化为实际行动。”"
    assert people(text) == {"王建国": "青海省委副书记"}
    roles = facts(text, "role")
    assert [(r.text, r.person) for r in roles] == [("青海省委副书记", "王建国")]


def test_person_and_role_questions_are_asked():
    bank = generate("青海省委副书记王建国在会上强调：“要把学习成果转化为实际行动。”", bank_id="t", keep_all=True).bank
    assert any(q.answers == ("王建国",) and "person" in q.tags for q in bank.questions)
    role = [q for q in bank.questions if "role" in q.tags]
    # the office asked with the name shown, or asked with the name (who said it: 青海省委副书记王建国)
    assert role and all("青海省委副书记" in q.explanation for q in role)
    assert any("王建国" in q.prompt for q in role) and any(q.answers[0] == "青海省委副书记王建国" for q in role)


def test_roles_chain_over_enumeration_commas():
    text = "听完报告，全国劳动模范、日喀则市萨嘎县昌果乡护边队队长石角说：“我要守护好边陲。”"
    assert people(text) == {"石角": "全国劳动模范、日喀则市萨嘎县昌果乡护边队队长"}


def test_a_list_of_people_each_with_a_role_or_sharing_one():
    text = "甘南州委书记赵德明、州长马文清表示，要办好民生实事。"
    assert people(text) == {"赵德明": "甘南州委书记", "马文清": "州长"}
    assert people("老党员张国华、李秀兰说，日子越过越好。") == {"张国华": "老党员", "李秀兰": "老党员"}


@pytest.mark.parametrize("text", [
    "西宁市城东区表示，将继续推进。",                  # a place before the verb
    "海东市卫生健康局局长表示，将组织义诊。",          # a title without a name
    "青海省人力资源和社会保障厅介绍，已发放补贴。",    # an organization
    "党员干部群众纷纷表示，要学好党史。",              # no name
    "记者张明远介绍，活动持续三天。",                  # the byline's reporter
    "据通讯员李晓红介绍，活动持续三天。",
    "群众代表表示，活动办得好。",
])
def test_no_false_people(text):
    assert people(text) == {}


@pytest.mark.parametrize("sentence,org", [
    ("海东市乐都区卫生健康局组织医疗队深入偏远乡村义诊。", "海东市乐都区卫生健康局"),
    ("青海省人力资源和社会保障厅开展专项活动。", "青海省人力资源和社会保障厅"),
    ("海滨市文化和旅游局联合海滨市档案馆推出主题展览。", "海滨市文化和旅游局"),
    ("4月2日，云岭省住房和城乡建设厅召开会议。", "云岭省住房和城乡建设厅"),
])
def test_org_boundaries_never_cut_a_word(sentence, org):
    assert org in [f.text for f in facts(sentence, "org")]
    bank = generate(sentence, bank_id="t", keep_all=True).bank
    q = [q for q in bank.questions if q.answer == org and q.type in (QT.FILL, QT.CHOICE)]
    after = sentence[len(sentence.split(org)[0]) + len(org):]
    assert q and all("____" + after[:2] in x.prompt for x in q)
    for q in bank.questions:   # no org answer is a cut piece of the real name
        if "org" in q.tags and q.type in (QT.FILL, QT.CHOICE):
            assert q.answer == org or q.answer not in org


def test_and_between_two_bodies_is_not_inside_a_name():
    orgs = [f.text for f in facts("会上，县民政局和县财政局分别作了发言。", "org")]
    assert "县民政局和县财政局" not in orgs and "县财政局" in orgs


@pytest.mark.parametrize("sentence,place", [
    ("5月1日至5月5日，西宁市城东区开展“红色文化进社区”活动。", "西宁市城东区"),
    ("团队深入海东市乐都区开展义诊。", "海东市乐都区"),
    ("工作队来到日喀则市萨嘎县昌果乡调研。", "日喀则市萨嘎县昌果乡"),
])
def test_places_take_the_whole_chain(sentence, place):
    assert place in [f.text for f in facts(sentence, "place")]
    bank = generate(sentence, bank_id="t", keep_all=True).bank
    for q in bank.questions:
        if "place" in q.tags and q.type in (QT.FILL, QT.CHOICE):
            assert q.answer == place


def test_enumeration_distractors_are_the_same_kind():
    text = ("青海省坚持学史明理、学史增信、学史崇德、学史力行，推动学习走深走实。"
            "西宁市城东区通过展览、讲座、快闪、情景剧等形式，吸引近2000名居民参与。")
    bank = generate(text, bank_id="t", keep_all=True).bank
    multi = [q for q in bank.questions if q.type is QT.MULTI]
    assert len(multi) == 1
    wrong = set(multi[0].choices) - set(multi[0].answers)
    assert len(wrong) == 3
    assert not any(w.startswith("学史") for w in wrong)
    assert all(2 <= len(w) <= 4 for w in wrong)
    assert category_of(tuple(wrong), "形式") == "activity"


def test_no_weak_multi_without_believable_distractors():
    text = ("青海省坚持学史明理、学史增信、学史崇德、学史力行，推动学习走深走实。"
            "各地围绕总结经验、观照现实、推动工作，开展专题研讨。")
    bank = generate(text, bank_id="t", keep_all=True).bank
    assert not [q for q in bank.questions if q.type is QT.MULTI]
    # a list with no order of its own is no order question; nor is an item of that plain list
    # asked alone (a teacher deletes it: only a named item is a fact)
    assert not [q for q in bank.questions if q.type is QT.ORDER and "总结经验" in q.answers]
    asked = {a for q in bank.questions for a in q.answers}
    assert not {"总结经验", "观照现实", "推动工作"} & asked


def test_category_needs_evidence():
    assert category_of(("广播", "电视", "报刊"), "") == "media"
    assert category_of(("讲座", "某某"), "形式") == "activity"
    assert category_of(("讲座", "某某"), "") is None
    assert category_of(("学史明理", "学史增信"), "形式") is None


def test_place_names_with_unit_characters_and_unit_words():
    assert [f.text for f in facts("今年，龙州县水口镇发放小额贷款1.85亿元。", "place")] == ["龙州县水口镇"]
    assert facts("重点向艰苦边远县乡倾斜，覆盖全县乡镇。", "place") == []
    assert [f.text for f in facts("大新县硕龙镇隘江村村民农秀英说：“好。”", "place")] == ["大新县硕龙镇隘江村"]
    assert [f.text for f in facts("宁明县爱店镇边贸互市点成交额达12.7亿元。", "place")] == ["宁明县爱店镇"]


def test_quoted_term_inside_a_speech_is_a_slogan():
    text = "海西州委副书记拉毛才让指出:\"要继续深化'我为群众办实事'实践活动.\""
    assert [f.text for f in facts(text, "slogan")] == ["我为群众办实事"]


def test_a_title_ending_in_wei_is_a_role_not_an_org():
    text = "标题\n\n自治区党委常委、宣传部部长李红梅在发言中指出，要把学习党史同推动发展结合起来。\n"
    assert "自治区党委常委" not in [f.text for f in facts(text, "org")]
    assert people(text).get("李红梅", "").endswith("宣传部部长")


@pytest.mark.parametrize("sentence,places", [
    ("鄂尔多斯市东胜区实施“暖心工程”。", ["鄂尔多斯市东胜区"]),   # 多 inside a transliterated name
    ("锡林郭勒盟多伦县开展活动。", ["锡林郭勒盟多伦县"]),        # 盟, a league, over a county
    ("全区许多县开展活动。", []),
    ("共有100多个村参加。", []),
    ("产业联盟成立。", []),
])
def test_place_names_with_duo_and_meng(sentence, places):
    from quiz.core.generate.extract_names import find_places

    assert [sentence[a:b] for a, b in find_places(sentence)] == places


def test_a_party_committee_is_offered_committees_of_its_level_or_asked_as_a_fill():
    from quiz.core.generate.kinds import fits
    assert not fits("org", "西藏自治区党委", "日喀则市民政局", False)      # a city's department
    assert not fits("org", "西藏自治区党委", "区党委组织部", False)        # a department of it
    assert not fits("org", "西藏自治区党委", "山南市委", False)            # a committee a level down
    assert fits("org", "西藏自治区党委", "青海省委", False)
    assert fits("org", "拉萨市民政局", "日喀则市农业农村局", False)
    assert fits("org", "区党委组织部", "区党委宣传部", False)              # no place, no level to match
    text = ("党中央召开动员大会后，西藏自治区党委第一时间研究安排党史学习教育工作。"
            "日喀则市民政局开展走访慰问。拉萨市农业农村部门组织宣讲。区党委组织部印发通知。")
    qs = generate(text, bank_id="t", keep_all=True).bank.questions
    asked = [q for q in qs if q.answers and q.answers[0] == "西藏自治区党委"]
    assert asked and all(q.type is QT.FILL for q in asked)


@pytest.mark.parametrize("sentence, places", [
    ("志愿者们主动引导社区居民不乱扔垃圾。", []),                # a verb and its object
    ("进一步提升社区治理效能，书写社区发展新篇章。", []),          # 书写 (tagged a noun) + 社区发展
    ("助力社区文明城市建设。", []),
    ("北大街街道荷花里社区党支部开展活动。", ["北大街街道荷花里社区"]),
    ("在荷花里社区开展义诊。", ["荷花里社区"]),
    ("大观街道开展宣讲。", ["大观街道"]),
    ("新华社区党委书记讲党课。", ["新华社区"]),
])
def test_a_verb_before_shequ_is_no_community(sentence, places):
    from quiz.core.generate.extract_names import find_places
    assert [sentence[a:b] for a, b in find_places(sentence)] == places


def test_a_description_before_a_speaker_is_no_role():
    text = "近日，家住青禾县石桥镇柳湾村的78岁老党员周德厚感慨。周德厚说，党课送到家门口方便多了。"
    qs = generate(text, bank_id="t", keep_all=True).bank.questions
    answers = {q.answers[0] for q in qs if q.answers}
    assert "周德厚" in answers and "78岁" in answers
    assert not any("家住" in a or "的" in a for a in answers)   # 家住…的78岁老党员 was asked as a role


def test_one_body_named_with_and_without_its_place_is_asked_once():
    from quiz.core.generate.kinds import same_body
    assert same_body("县离退休干部党工委", "离退休干部党工委")
    assert same_body("青禾县委老干部局", "县委老干部局")
    assert not same_body("市委宣传部", "县委宣传部")
    text = ("为丰富党史学习教育内容，以实际行动践行初心使命，聊城临清市委老干部局、市离退休干部党工委组织开展"
            "庆祝中国共产党成立100周年党史知识竞赛活动，在离退休干部中掀起学习热潮。"
            "竞赛试题涵盖了革命史、新中国史、改革开放史、社会主义发展史。共设题目50道，其中30道填空题，"
            "离退休干部党工委在石桥社区、金湾社区、老年大学设立集中考点，争取全市1320名离退休党员干部全部参与。")
    qs = generate(text, bank_id="t").bank.questions
    bodies = [q.answers[0] for q in qs if q.answers and q.answers[0].endswith("离退休干部党工委")]
    assert len(bodies) == 1


def test_a_word_that_holds_the_suffix_is_part_of_the_body():
    text = "聊城临清市委老干部局、市离退休干部党工委组织开展党史知识竞赛活动。西藏自治区各级党委（党组）均成立工作机构。"
    orgs = [f.text for f in extract(parse_article(text)) if f.kind == "org"]
    assert "聊城临清市委老干部局" in orgs            # 老干部局 is one word: 老 does not stop the name
    assert not any("各级" in o for o in orgs)         # 各级党委: no body in particular


@pytest.mark.parametrize("text, ordered", [
    ("石桥镇把一堂堂党课送到江边、送上渔船、送进田间地头，推动党员教育走深走实。", False),   # different verbs
    ("全镇坚持边摸排、边梳理、边解决问题，推动办实事落地见效。", True),
    ("要紧紧围绕学史明理、学史增信、学史崇德、学史力行开展学习。", True),
])
def test_order_only_for_a_shared_frame_not_a_shared_first_character(text, ordered):
    qs = generate(text, bank_id="t", keep_all=True).bank.questions
    assert any(q.type is QT.ORDER for q in qs) == ordered


@pytest.mark.parametrize(("sentence", "expected"), [
    # a count or an adverb right after a name the segmenter reads (多次, 首次, 共同, 第一次)
    ("省委书记周建明多次主持召开专题会议，研究推进举措。", {"周建明": "省委书记"}),
    ("该村党总支书记吴立彪首次就新建茶厂选址同村民展开讨论。", {"吴立彪": "党总支书记"}),
    ("县委书记岑德伟、县长包春燕共同为纪念馆揭牌。", {"岑德伟": "县委书记", "包春燕": "县长"}),
    # a rank of the army is an office
    ("去年底荣立二等功的上等兵孟长河感到自己的拼劲更足了。", {"孟长河": "上等兵"}),
    # names joined to a titled name share its office
    ("县教育局邀请纪念馆讲解员索晓彤、杨晓莹和王芳3名同志进行宣讲。",
     {"索晓彤": "纪念馆讲解员", "杨晓莹": "纪念馆讲解员", "王芳": "纪念馆讲解员"}),
    # the first of a commended group at the start of a sentence
    ("田嘉怡等100名同学获得“党史学习标兵”荣誉称号。", {"田嘉怡": ""}),
])
def test_people_named_with_an_office_before_a_count_an_adverb_or_a_list(sentence, expected):
    assert people(sentence) == expected


def test_a_glued_preposition_does_not_cut_a_name_short():
    # the segmenter reads 王明|华在: the name is 王明华, not 王明
    assert people("红星村村党支部书记王明华在宣布合作社成立时，向村民介绍了分红方案。") == {"王明华": "红星村村党支部书记"}


@pytest.mark.parametrize("org", ["老干部活动中心", "老年大学"])
def test_a_body_whose_name_starts_with_lao_keeps_it(org):
    # 老 is a stop word (老党员张三), but 老干部, 老年 are words of the name
    text = "县委在鱼塘社区、老干部活动中心、老年大学设立集中考点。"
    assert org in {f.text for f in facts(text, "org")}


ROSTER = ("关于表彰先进个人的决定\n\n　　为表彰先进，区委决定授予孟长河等8名同志“先进个人”称号。\n\n先进个人名单\n\n"
          "丁晓芸（女，南塘街道石桥社区党委书记）\n王德顺　青山镇柳湾村党支部书记\n田嘉怡（女，区妇幼保健院护士）\n"
          "卢建川　区消防救援大队中队长\n冯海生　区水利局灌区管理站站长\n孙青禾　区第二小学教师\n"
          "杜若兰（女，区档案馆馆员）\n杨立秋　区融媒体中心记者\n")


def test_a_roster_line_names_a_person_with_an_office_after_the_name():
    got = {f.person: f.role for f in facts(ROSTER, "person")}
    assert got["丁晓芸"] == "南塘街道石桥社区党委书记"
    assert got["王德顺"] == "青山镇柳湾村党支部书记"


def test_a_roster_gives_a_few_people_not_one_question_each():
    from quiz.core.generate.build import ROSTER_MOST
    names = {"丁晓芸", "王德顺", "田嘉怡", "卢建川", "冯海生", "孙青禾", "杜若兰", "杨立秋"}
    found = {f.person for f in facts(ROSTER, "person")} & names
    assert 2 <= len(found) <= ROSTER_MOST
    bank = generate(ROSTER, bank_id="t").bank
    asked = [q for q in bank.questions if set(q.answers) & names]
    assert len(asked) <= ROSTER_MOST
    # the bodies in the offices of a roster are no facts of their own
    assert not [q for q in bank.questions if q.tags[0] == "org" and q.source and q.source.startswith(tuple(names))]


def test_a_name_and_an_office_on_one_line_is_body_text_not_a_heading():
    from quiz.core.generate.text import is_heading_line
    assert not is_heading_line("王德顺　青山镇柳湾村党支部书记")
    assert is_heading_line("先进个人名单")


CLASSES = ("南湖中学党史知识竞赛结果揭晓\n\n　　11月5日，南湖中学举行党史知识竞赛，全校24个班级参赛。\n"
           "特等奖：初二7班\n一等奖：初二3班、初一12班、初三2班\n二等奖：初一4班、初二9班、初三6班\n")


@pytest.mark.parametrize("name", ["初二7班", "初一12班", "初三6班"])
def test_a_school_class_is_a_whole_name_not_a_count(name):
    assert name in {f.text for f in facts(CLASSES, "org")}
    assert not any(f.text.endswith(name[2:]) for f in facts(CLASSES, "figure"))


def test_a_class_is_offered_other_classes_never_class_numbers():
    bank = generate(CLASSES, bank_id="t", keep_all=True).bank
    asked = [q for q in bank.questions if q.type is QT.CHOICE and q.answer.endswith("班")]
    assert asked
    for q in asked:
        assert all(c[:2] in ("初一", "初二", "初三") and c.endswith("班") for c in q.choices)


@pytest.mark.parametrize(("sentence", "places"), [
    ("3月1日，全市党史学习教育动员会在韶山召开，标志着学习教育全面启动。", {"韶山"}),
    ("各小组用小球从江西瑞金出发，按照路线图最后抵达陕西延安。", {"江西瑞金", "陕西延安"}),
])
def test_a_place_without_a_unit_after_a_verb_of_going(sentence, places):
    assert places <= {f.text for f in facts(sentence, "place")}


@pytest.mark.parametrize("sentence", ["党员们来到新建的活动室。", "他在北京工作多年，如今回到家乡。"])
def test_no_place_from_a_tag_alone(sentence):
    assert not {f.text for f in facts(sentence, "place")} & {"新建", "北京"}


def test_a_place_then_a_verb_is_no_chain_nor_a_body():
    text = "4月以来，长岭市发挥社区大党委统筹作用，组织成员单位共同开展党史教育主题党日活动462场。"
    assert {f.text for f in facts(text, "place")} == {"长岭市"}
    assert not [f for f in facts(text, "org") if "发挥" in f.text]
    assert people(text) == {}   # 成员|单位共同: a count or an adverb after a word that is no name


def test_a_chain_of_units_still_reads_as_one_place():
    assert {f.text for f in facts("西宁市城东区党员来到社区开展志愿服务。", "place")} == {"西宁市城东区"}


@pytest.mark.parametrize(("sentence", "unit", "person", "role"), [
    ("炮兵三连上士孟长河讲述了自己的故事。", "炮兵三连", "孟长河", "炮兵三连上士"),
    ("该旅勤务保障营修理二连分队长周振华，利用训练间隙分享学习感悟。", "修理二连", "周振华", "修理二连分队长"),
])
def test_an_army_company_is_a_name_and_heads_the_office_of_its_people(sentence, unit, person, role):
    assert unit in {f.text for f in facts(sentence, "org")}
    assert people(sentence)[person] == role


@pytest.mark.parametrize("sentence", ["他在经营一家小店，生意兴隆。", "学校组织学生参加夏令营活动。"])
def test_no_army_unit_in_ordinary_words(sentence):
    assert not [f for f in facts(sentence, "org") if f.text.endswith(("营", "连"))]
