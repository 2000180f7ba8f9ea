"""`make quality` (bench/quality*.py): each automatic check catches a planted defect and passes
a clean question; the attacks on number options, the leak and the recall count as defined."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.quality import Case, leaks, main, score  # noqa: E402
from bench.quality_checks import (Article, check_basic, check_options, check_prompt, check_spans,  # noqa: E402
                                  check_truefalse, infer_subject, question_defects)
from bench.quality_numbers import Attacks, numbers_in, option_values, ratio_gives_away  # noqa: E402
from bench.quality_text import contains, name_class, on_word_boundaries  # noqa: E402
from quiz.core.model import Question  # noqa: E402

ART = Article.read("某地新闻\n各类企业和市文旅局参加。\n新疆维吾尔自治区喀什地区举办活动。\n全县共有726个会场。\n",
                   subject=["柳川县"])


def q(type_, prompt, answers, source, choices=(), kind="figure", qid="q1") -> Question:
    return Question(id=qid, type=type_, prompt=prompt, answers=tuple(answers), choices=tuple(choices),
                    source=source, tags=(kind,), explanation="x")


def codes(defects: list[str]) -> set[str]:
    return {d.split(":")[0] for d in defects}


def cloze(source: str, answer: str, type_="fill", choices=(), kind="org") -> Question:
    return q(type_, source.replace(answer, "____", 1), [answer], source, choices, kind)


# ---- spans and names ---------------------------------------------------------------------------

@pytest.mark.parametrize("source, answer, whole", [
    ("各类企业和市文旅局参加。", "类企业", False),
    ("各类企业和市文旅局参加。", "各类企业", True),
    ("出动机械车辆85台次。", "85台", False),
    ("出动机械车辆85台次。", "85台次", True),
    ("上世纪90年代嘎查通电。", "90年", False),
    ("计划在7月1日前推出。", "7月1日", True),          # 日前 is one word to rjieba, but a date ends at 日
    ("临川县委书记韩东明说。", "临川县委", True),        # 县委书记 is one word to rjieba
])
def test_word_boundaries(source, answer, whole):
    assert on_word_boundaries(answer, source) is whole
    d = check_spans(cloze(source, answer, kind="figure"), ART)
    assert ("span" in codes(d)) is (not whole)


def test_a_person_is_checked_at_its_start_only():
    src = "临川县委书记韩东明说，县里将推广。"
    assert "span" not in codes(check_spans(cloze(src, "韩东明", kind="person"), ART))
    assert "span" in codes(check_spans(cloze(src, "记韩东明", kind="person"), ART))


def test_an_option_cut_from_its_own_sentence():
    src = "新疆维吾尔自治区喀什地区举办活动。"
    bad = cloze(src, "新疆维吾尔自治区喀什地区", "choice",
                ["新疆维吾尔自治区喀什地区", "疆维吾尔自治区喀什地区", "甲乙地区", "丙丁地区"], kind="place")
    assert any("option cut" in d for d in check_spans(bad, ART))
    good = cloze(src, "新疆维吾尔自治区喀什地区", "choice",
                 ["新疆维吾尔自治区喀什地区", "甲乙地区", "丙丁地区", "戊己地区"], kind="place")
    assert check_spans(good, ART) == []


@pytest.mark.parametrize("answer, kind, code", [
    ("纳入市委", "org", "verb-edge"), ("部署市文旅局", "org", "verb-edge"),
    ("服务队授旗", "place", "not-a-place"), ("全县", "place", "not-a-place"),
])
def test_names_with_a_verb_or_no_place(answer, kind, code):
    src = f"会议决定{answer}负责此事。"
    assert code in codes(check_spans(cloze(src, answer, kind=kind), ART))


@pytest.mark.parametrize("answer, kind", [("市委", "org"), ("拉萨市", "place"), ("扎西才让", "person")])
def test_whole_names_pass(answer, kind):
    src = f"会议决定{answer}负责此事。"
    assert check_spans(cloze(src, answer, kind=kind), ART) == []


# ---- true/false ---------------------------------------------------------------------------------

SRC = "西藏自治区民族事务委员会主办进乡村活动。"


def test_a_true_false_copy_of_its_source():
    assert "tf-copy" in codes(check_truefalse(q("truefalse", SRC, ["true"], SRC, kind="org")))
    assert check_truefalse(q("truefalse", "西藏自治区民族事务委员会主办了活动。", ["true"], SRC, kind="org")) == []


def test_a_false_item_swapped_with_another_kind():
    bad = q("truefalse", "西藏百万农奴解放纪念馆主办进乡村活动。", ["false"], SRC, kind="org")
    assert "tf-swap" in codes(check_truefalse(bad))
    good = q("truefalse", "西藏自治区统战工作委员会主办进乡村活动。", ["false"], SRC, kind="org")
    assert check_truefalse(good) == []


# ---- options ------------------------------------------------------------------------------------

def test_options_of_another_level():
    src = "拉萨市在活动中梳理群众问题。"
    bad = cloze(src, "拉萨市", "choice", ["拉萨市", "普松村", "昌都市", "西藏自治区"], kind="place")
    assert "kind" in codes(check_options(bad, ART))
    good = cloze(src, "拉萨市", "choice", ["拉萨市", "那曲市", "昌都市", "林芝市"], kind="place")
    assert check_options(good, ART) == []


def test_options_of_another_kind_of_body():
    src = "萨嘎县昌果乡护边队队长石角说。"
    bad = cloze(src, "昌果乡护边队", "choice", ["昌果乡护边队", "区民政厅", "拉萨调查队", "某边防团"])
    assert "kind" in codes(check_options(bad, ART))
    good = cloze(src, "昌果乡护边队", "choice", ["昌果乡护边队", "拉萨调查队", "某边防团", "红色保洁队"])
    assert check_options(good, ART) == []
    assert name_class("西藏自治区党委") == "org:organ" and name_class("军营") is None


def test_number_options_in_another_unit_above_a_total_or_true_elsewhere():
    src = "全县共有5个项目，其中3个已完工。"
    assert "unit" in codes(check_options(cloze(src, "3个", "choice", ["3个", "2个", "4名", "1个"], "figure"), ART))
    assert "above-total" in codes(check_options(cloze(src, "3个", "choice", ["3个", "2个", "6个", "1个"], "figure"), ART))
    assert check_options(cloze(src, "3个", "choice", ["3个", "2个", "4个", "1个"], "figure"), ART) == []
    src2 = "全区设800个会场。"
    assert "true-value" in codes(check_options(cloze(src2, "800个", "choice", ["800个", "726个", "900个", "600个"],
                                                     "figure"), ART))


def test_basic_structure():
    src = "全县共有5个项目。"
    assert "basic" in codes(check_basic(cloze(src, "5个", "choice", ["5个", "6个", "7个"], "figure")))
    assert "basic" in codes(check_basic(cloze(src, "5个", "choice", ["5个", "6个", "7个", "7个"], "figure")))
    assert check_basic(cloze(src, "5个", "choice", ["5个", "6个", "7个", "4个"], "figure")) == []


# ---- prompts ------------------------------------------------------------------------------------

@pytest.mark.parametrize("prompt, code", [
    ("本报讯（记者 邓佳）5月8日，____举行。", "byline"),
    ("海滨网消息(海滨新闻联播):连日来,____火热开展。", "byline"),
    ("他到村的第一件事，就是走访____户农户。", "dangling"),
    ("该局还投入资金____。", "dangling"),
    ("这支队伍每天清晨____点上路。", "dangling"),
    ("今年，村里成立了____。", "dangling"),
    ("当天共清理楼道堆放物____处。", "dangling"),
    ("一" * 60 + "____" + "二" * 30, "long-prompt"),
])
def test_prompt_defects(prompt, code):
    assert code in codes(check_prompt(q("fill", prompt, ["甲乙"], prompt.replace("____", "甲乙")), ART))


@pytest.mark.parametrize("prompt", [
    "记者了解到，____已为群众办实事128件。",
    "2021年是建党百年，今年____举办活动。",
    "5月8日，志愿者当天共清理楼道堆放物____处。",
    "其他单位共派出____名党员。",
])
def test_clean_prompts(prompt):
    assert check_prompt(q("fill", prompt, ["甲乙"], prompt.replace("____", "甲乙")), ART) == []


def test_the_articles_own_subject():
    src = "柳川县开展环境整治。"
    assert "subject" in codes(check_prompt(cloze(src, "柳川县", kind="place"), ART))
    assert "subject" in codes(check_prompt(cloze(src, "柳川", kind="place"), ART))
    assert check_prompt(cloze("石桥镇开展环境整治。", "石桥镇", kind="place"), ART) == []
    assert "西藏自治区" in infer_subject("西藏自治区深入推进党史学习教育——", "")


# ---- bank-wide: leak, attacks, recall -----------------------------------------------------------

def test_an_answer_printed_in_another_prompt_leaks():
    a = cloze("3月28日，纪念馆新馆在拉萨开馆。", "3月28日", kind="date")
    src = "3月28日开馆后，接待了1.2万余人次参观。"
    b = Question(id="b", type="fill", prompt=src.replace("1.2万余人次", "____"), answers=("1.2万余人次",),
                 source=src, tags=("figure",))
    assert leaks([a, b]) == {"q1": "3月28日"}
    assert leaks([a]) == {} and leaks([b]) == {}


def test_numbers_and_option_values():
    assert numbers_in("1.2万余人次") == [12000.0] and numbers_in("一千二百名") == [1200.0]
    assert option_values(["2月21日", "2月23日", "2月18日", "2月24日"]) == [21.0, 23.0, 18.0, 24.0]
    assert option_values(["13类40项122条", "8类50项61条"]) is None
    assert contains("12", "共12吨") and not contains("12", "共122吨") and not contains("1.2", "11.25")


def test_the_ratio_attack_finds_an_answer_built_by_multiples():
    assert ratio_gives_away([100, 80, 125, 150], 0)
    assert not ratio_gives_away([100, 70, 130, 160], 0)
    built, fair = Attacks(), Attacks()
    built.add("a", ["100个", "80个", "125个", "150个"], "100个")
    fair.add("b", ["100个", "70个", "130个", "160个"], "100个")
    assert built.guessed == ["a"] and built.summary()["ratio"] == 1.0
    assert fair.guessed == [] and fair.summary()["ratio"] == 0.25 == fair.summary()["ratio_chance"]


def test_the_rank_attack_finds_an_answer_always_in_the_middle():
    a = Attacks()
    for i, opts in enumerate([["50个", "40个", "60个", "30个"], ["5名", "3名", "8名", "2名"]]):
        a.add(str(i), opts, opts[0])
    s = a.summary()
    assert s["rank"] == 0.5 and s["rank_by"] == "median" and s["rank_chance"] == 0.25
    b = Attacks()
    b.add("x", ["2月21日", "2月23日", "2月18日", "2月24日"], "2月21日")
    assert b.summary()["rank_n"] == 1 and b.summary()["ratio_n"] == 0  # dates: rank only


def test_strict_recall_counts_only_questions_without_a_defect(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("标题\n全区设726个会场，2万余名党员参加。\n吴英杰说，要办实事。\n", encoding="utf-8")
    src1, src2 = "全区设726个会场，2万余名党员参加。", "吴英杰说，要办实事。"
    good = cloze(src1, "726个", "fill", kind="figure")
    bad = Question(id="q2", type="fill", prompt="本报讯 ____说，要办实事。", answers=("吴英杰",), source=src2,
                   tags=("person",))
    tf = q("truefalse", src2, ["true"], src2, qid="q3")
    facts = [{"kind": "figure", "any": ["726"], "near": "会场"}, {"kind": "person", "any": ["吴英杰"]},
             {"kind": "figure", "any": ["2万"]}]
    case = Case("a", "t", tmp_path / "a.facts.yaml", art, facts, [])
    s = score(case, SimpleNamespace(questions=(good, bad, tf)))
    assert (s.facts, s.hit, s.strict, s.strict_own, s.top10) == (3, 2, 1, 1, 1)
    assert s.defective == s.defective_own == 2 and set(s.defects) == {"q2", "q3"}
    assert question_defects(good, Article.read(art.read_text(encoding="utf-8"), [])) == []
    # two questions on one sentence print each other's answer: a leak, which only strict counts
    other = Question(id="q4", type="fill", prompt=src1.replace("2万余名", "____"), answers=("2万余名",),
                     source=src1, tags=("figure",))
    s = score(case, SimpleNamespace(questions=(good, other)))
    assert (s.hit, s.strict, s.strict_own, s.defective, s.defective_own, s.leaked) == (2, 0, 2, 2, 0, 2)


def test_make_quality_end_to_end(tmp_path, capsys):
    art = tmp_path / "news.txt"
    art.write_text("青禾县召开动员大会\n　　3月5日上午，青禾县召开党史学习教育动员大会，全县设42个分会场，"
                   "3000余名党员干部参加。\n　　县委书记王立新说：“要把学习成果转化为工作动力。”\n", encoding="utf-8")
    facts = tmp_path / "news.facts.yaml"
    facts.write_text("article: news.txt\nsubject: [青禾县]\nfacts:\n  - {kind: date, any: [\"3月5日\"]}\n"
                     "  - {kind: figure, any: [\"42\"], near: \"分会场\"}\n", encoding="utf-8")
    assert main(["--only", "--json", str(facts)]) == 0
    out = json.loads(capsys.readouterr().out)
    (one,) = out["articles"]
    assert one["name"] == "news" and one["facts"] == 2 and one["questions"] > 0 and one["recall"] is not None
    assert out["total"]["questions"] == one["questions"]
    assert main(["--only", str(facts)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("article") and lines[-1].startswith("TOTAL (1)")
