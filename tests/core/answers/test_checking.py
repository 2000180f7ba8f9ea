from __future__ import annotations

import pytest

from quiz.core.answers.checking import check, check_text, normalize, parse_bool
from quiz.core.model import Question


def fill(*answers):
    return Question("f", "fill", "问题", tuple(answers))


@pytest.mark.parametrize("typed", ["学史增信", " 学史增信 ", "学史增信。", "“学史增信”", "学 史 增 信"])
def test_fill_ignores_spaces_and_punctuation(typed):
    assert check(fill("学史增信"), typed).correct


def test_fullwidth_and_case():
    assert check(fill("ABC-12"), "ａｂｃ－１２").correct
    assert check(fill("ABC12"), "ａｂｃ１２").correct


@pytest.mark.parametrize("typed", ["2万", "20000", "两万", "2万余", "2万余名", "二万", "20,000"])
def test_numbers_equal_across_forms(typed):
    c = check(fill("2万余名"), typed)
    assert c.correct and c.via in ("exact", "number")


@pytest.mark.parametrize("answer,typed", [("1.2万余人次", "12000"), ("1.2万余人次", "1.2万"), ("62周年", "六十二"),
                                          ("62周年", "62"), ("726个", "七百二十六"), ("1465.4吨", "1465.4"),
                                          ("3月28日", "三月二十八日"), ("3月28日", "3月28号"),
                                          ("13类40项122条", "13类40项122条")])
def test_number_forms(answer, typed):
    assert check(fill(answer), typed).correct


@pytest.mark.parametrize("answer,typed", [("2万余名", "3万"), ("2万余名", "2万人"), ("62周年", "63"),
                                          ("1465.4吨", "1465"), ("3月28日", "3月29日"), ("13类40项122条", "13类40项")])
def test_wrong_numbers(answer, typed):
    assert not check(fill(answer), typed).correct


@pytest.mark.parametrize("typed", ["wuyingjie", "wu ying jie", "WuYingJie", "wu'ying'jie", "wu2ying1jie2"])
def test_pinyin_accepted_and_shows_characters(typed):
    c = check(fill("吴英杰"), typed)
    assert c.correct and c.via == "pinyin" and c.matched == "吴英杰"


def test_pinyin_heteronyms_and_setting():
    assert check(fill("长江"), "changjiang").correct
    assert not check(fill("吴英杰"), "wuyingjia").correct
    assert not check(fill("吴英杰"), "wuyingjie", pinyin=False).correct
    assert not check(fill("吴英杰"), "wuying").correct


def test_accept_alternatives():
    c = check(fill("学史增信", "增信"), "增信")
    assert c.correct and c.via == "accept" and c.expected == "学史增信"


def test_empty_and_wrong():
    assert not check(fill("学史增信"), "").correct
    assert not check(fill("学史增信"), "。。").correct
    assert not check(fill("学史增信"), "学史崇德").correct


def test_choice():
    q = Question("c", "choice", "谁？", ("吴英杰",), ("吴英杰", "石角"))
    assert check(q, "吴英杰").correct
    assert not check(q, "石角").correct
    assert check(q, "wuyingjie").correct  # typed text is checked like a fill


def test_multi_reports_wrong_and_missing():
    q = Question("m", "multi", "哪些？", ("广播", "电视"), ("广播", "电视", "报刊", "电影"))
    assert check(q, ["电视", "广播"]).correct
    c = check(q, ["广播", "报刊"])
    assert not c.correct and c.wrong == ("报刊",) and c.missing == ("电视",)
    assert not check(q, ["广播", "电视", "报刊"]).correct


def test_order_reports_first_misplaced():
    q = Question("o", "order", "排序", ("甲", "乙", "丙", "丁"), ("甲", "乙", "丙", "丁"))
    assert check(q, ["甲", "乙", "丙", "丁"]).correct
    c = check(q, ["甲", "丙", "乙", "丁"])
    assert not c.correct and c.misplaced == 1
    assert check(q, ["甲", "乙"]).misplaced == 2


@pytest.mark.parametrize("value,expected", [(True, True), ("对", True), ("y", True), ("错", False), ("n", False),
                                            ("false", False), ("maybe", None), (3, None)])
def test_truefalse(value, expected):
    assert parse_bool(value) is expected
    q = Question("t", "truefalse", "对吗", ("true",))
    assert check(q, value).correct is (expected is True)


def test_normalize_examples():
    assert normalize("学史明理、学史增信") == "学史明理学史增信"
    assert normalize("《人民日报》·２０２１") == "人民日报2021"


def test_check_text_never_accepts_non_strings():
    assert not check_text(("1",), 1).correct  # type: ignore[arg-type]


@pytest.mark.parametrize("answer,typed", [("1.2万", "12万"), ("1465.4吨", "14654吨"), ("2.5", "25"), ("-5", "5"),
                                          ("50%", "50"), ("5‰", "5"), ("1:2", "12"), ("1/4", "14")])
def test_punctuation_that_changes_a_number_counts(answer, typed):
    assert not check(fill(answer), typed).correct
    assert check(fill(answer), answer).correct


@pytest.mark.parametrize("answer,typed", [("四个意识", "4"), ("两个确立", "2"), ("五聚焦", "5"), ("第一书记", "1"),
                                          ("三个代表", "三"), ("四个意识", "4个")])
def test_a_named_thing_is_not_a_bare_number(answer, typed):
    assert not check(fill(answer), typed).correct


@pytest.mark.parametrize("answer,typed", [("726个会场", "726"), ("726个会场", "726个"), ("2700平方米", "2700"),
                                          ("40多家", "40"), ("3批", "三")])
def test_a_count_may_leave_out_its_measure(answer, typed):
    assert check(fill(answer), typed).correct


def test_long_input_is_cheap_and_wrong():
    assert not check(fill("726个"), "一" * 40_000).correct


@pytest.mark.parametrize("answer,typed", [("苏拉青2号", "sulaqing2hao"), ("12吨", "12dun")])
def test_pinyin_with_digits_of_the_answer(answer, typed):
    assert check(fill(answer), typed).correct


@pytest.mark.parametrize("answer,typed", [("12000", "一万二千"), ("12000", "一万两千"), ("12000", "1万2千"),
                                          ("1.2万", "一万二千"), ("1.2万", "1万2千"), ("21000", "两万一千"),
                                          ("2.1万人", "两万一千人"), ("12000", "一万二"), ("10001", "一万零一"),
                                          ("3.5亿", "3亿5000万"), ("1.2亿", "一亿二千万"), ("2500", "二千五")])
def test_chinese_numbers_with_a_smaller_part_after_wan(answer, typed):
    assert check(fill(answer), typed).correct
    assert check(fill(typed), answer).correct


@pytest.mark.parametrize("answer,typed", [("12000", "一万三千"), ("21000", "两万二千"), ("12000", "1万3千"),
                                          ("12000", "一万二千零一"), ("十四五", "145")])
def test_chinese_numbers_still_differ(answer, typed):
    assert not check(fill(answer), typed).correct


@pytest.mark.parametrize("answer,typed", [("清明节期间", "清明节"), ("3月26日上午", "3月26日"), ("下午3时", "3时"),
                                          ("2万左右", "2万"), ("春节前后", "春节"), ("建党百年之际", "建党百年"),
                                          ("清明节期间", "qingmingjie"), ("3月26日上午", "三月二十六日"),
                                          ("清明节期间", "清明节期间")])
def test_time_qualifiers_are_optional(answer, typed):
    assert check(fill(answer), typed).correct


@pytest.mark.parametrize("answer,typed", [("3月26日上午", "3月26日下午"), ("下午3时", "上午3时"),
                                          ("清明节期间", "清明节前后"), ("清明节", "清明节期间"), ("期间", "")])
def test_a_different_qualifier_is_wrong(answer, typed):
    assert not check(fill(answer), typed).correct
