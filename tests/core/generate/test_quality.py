"""Quality gates on the seed article and the synthetic articles: coverage of the
expected facts, the automatic checks on every question, and loading through the
real loader."""
from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from quiz.core.banks.loader import load_text
from quiz.core.exchange.yaml_out import dump_bank
from quiz.core.generate import generate
from quiz.core.generate.meta import read_meta
from quiz.core.model import Source
from quiz.core.qtype import QuestionType as QT

ROOT = Path(__file__).resolve().parents[3]
ARTICLES = ROOT / "tests" / "data" / "articles"
SEED = ROOT / "seeds" / "xizang-dangshi-2021.txt"
CASES = [SEED] + sorted(ARTICLES.glob("*.txt"))


def expected_for(article: Path) -> dict:
    path = ARTICLES / "expected" / (article.stem + ".yaml")
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


def bank_of(article: Path, keep_all: bool = False):
    meta = read_meta(article)   # the seed's year: its 今年 is 2021
    return generate(article.read_text(encoding="utf-8"), bank_id=article.stem, keep_all=keep_all,
                    source=Source(date=meta.date)).bank


_NOTE = re.compile(r"（[^（）]{1,24}）")   # a referent written in by the generator: 他（石角）, 今年（2021年）


def _cut_from(piece: str, source: str) -> bool:
    """piece is in source, or nearly: a referring word (该街道, 这支队伍) may be said outright."""
    plain = re.sub(r"今年以来[，,]?|今年", "", source)   # an article with no year: 今年 is left out
    if piece in source or _NOTE.sub("", piece) in source or piece in plain:
        return True
    piece = _NOTE.sub("", piece)
    m = difflib.SequenceMatcher(None, piece, source, autojunk=False)
    same = sum(b.size for b in m.get_matching_blocks())
    return bool(re.search(r"该|这支|这个|此", source)) and same >= len(piece) - 12


def prompt_is_cut_from(prompt: str, answer: str, source: str) -> bool:
    """The prompt is pieces of the source (joined by ……) with the answer blanked."""
    filled = prompt.replace("____", answer)
    for piece in filled.split("……"):
        piece = piece.strip("，")
        if piece and not _cut_from(piece, source):
            return False
    return True


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def problems(q) -> list[str]:
    """The automatic checks, written independently of the generator."""
    out = []
    if not q.answers or not all(a.strip() for a in q.answers):
        out.append("no answer")
    if q.type in (QT.CHOICE, QT.MULTI):
        if not set(q.answers) <= set(q.choices):
            out.append("answer not among the choices")
        if len(set(q.choices)) != len(q.choices):
            out.append("duplicate choices")
        if q.type is QT.CHOICE and len(q.choices) != 4:
            out.append("a choice question has 3 distractors")
        if q.type is QT.MULTI and len(q.choices) <= len(q.answers):
            out.append("a multi question has wrong options")
    if q.type in (QT.FILL, QT.CHOICE) and not (q.type is QT.CHOICE and q.tags[:1] == ("role",)):
        if q.answer in q.prompt:
            out.append("answer in the prompt")
        if q.prompt.count("____") != 1:
            out.append("prompt has not exactly one blank")
        elif not prompt_is_cut_from(q.prompt, q.answer, q.source):
            out.append("prompt is not cut from the source with the answer blanked")
    if q.type in (QT.FILL, QT.CHOICE, QT.MULTI, QT.ORDER):
        for a in q.answers:
            if a not in q.source:
                out.append(f"answer {a!r} not in the source sentence")
    if q.type is QT.ORDER and (len(q.choices) < 2 or len(set(q.choices)) != len(q.choices)):
        out.append("order items")
    if q.type is QT.TRUEFALSE:
        if q.answers not in (("true",), ("false",)):
            out.append("truefalse answer")
        if q.answers == ("false",) and q.prompt == q.source:
            out.append("a false statement equal to its source")
    if not q.source:
        out.append("no source")
    if not q.explanation:
        out.append("no explanation")
    if not q.tags or q.tags[0] not in ("date", "figure", "slogan", "name", "person", "role", "org", "place", "list"):
        out.append("first tag is not a kind")
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", q.id):
        out.append("bad id")
    return out


@pytest.mark.parametrize("keep_all", [False, True], ids=["selected", "all"])
@pytest.mark.parametrize("article", CASES, ids=lambda p: p.stem)
def test_every_question_passes_the_automatic_checks(article, keep_all):
    bank = bank_of(article, keep_all)
    bad = [(q.id, p) for q in bank.questions for p in problems(q)]
    assert bad == []
    ids = [q.id for q in bank.questions]
    prompts = [q.prompt for q in bank.questions]
    assert len(ids) == len(set(ids))
    assert len(prompts) == len(set(prompts))


@pytest.mark.parametrize("article", CASES, ids=lambda p: p.stem)
def test_every_expected_fact_is_the_answer_of_a_candidate(article):
    bank = bank_of(article, keep_all=True)
    exp = expected_for(article)
    for kind in ("date", "figure", "slogan", "name", "person", "org", "place"):
        for fact in exp.get(kind, ()):
            # an order question's answer is its items in order: a listed slogan is asked that way
            hits = [q for q in bank.questions if kind in q.tags and
                    (fact in q.answers or (q.type is QT.ORDER and "、".join(q.answers) == fact))]
            assert hits, f"no {kind} question answers {fact!r}"
    for item in exp.get("items", ()):
        assert any(item in q.answers for q in bank.questions), f"list item {item!r} never asked"
    for person, role in exp.get("roles", {}).items():
        # a role question asks of one person (who is named in its prompt, or is its answer's name)
        asked = [q for q in bank.questions if "role" in q.tags and (q.explanation or "").startswith(f"{person}：")]
        assert asked and all(f"{person}：{role}" in q.explanation for q in asked), (person, role)
    for cut in exp.get("not_answers", ()):   # wrong boundaries once produced: never an answer or option
        assert not [q.id for q in bank.questions if cut in q.answers or cut in q.choices]


@pytest.mark.parametrize("article", CASES, ids=lambda p: p.stem)
def test_no_question_about_a_byline_and_headings_become_tags(article):
    bank = bank_of(article, keep_all=True)
    exp = expected_for(article)
    for name in exp.get("bylines", ()):
        for q in bank.questions:
            assert name not in q.answers and name not in q.choices
            assert name not in (q.source or "")
    tags = {t for q in bank.questions for t in q.tags}
    for h in exp.get("headings", ()):
        assert h in tags


@pytest.mark.parametrize("article", CASES, ids=lambda p: p.stem)
def test_generated_bank_loads_without_problems(article):
    bank = bank_of(article)
    text = dump_bank(bank, schema="bank.schema.json")
    result = load_text(text, f"{article.stem}.yaml")
    assert result.problems == ()
    assert result.ok
    loaded = result.bank
    assert [q.id for q in loaded.questions] == [q.id for q in bank.questions]
    for a, b in zip(loaded.questions, bank.questions):
        assert (a.type, a.prompt, a.answers, a.choices, a.source, a.tags) == \
               (b.type, b.prompt, b.answers, b.choices, b.source, b.tags)


def test_sources_are_verbatim_sentences_of_the_article():
    text = SEED.read_text(encoding="utf-8")
    for q in bank_of(SEED).questions:
        assert q.source in text


def test_seed_distractors_are_never_true_values_of_the_same_unit():
    bank = bank_of(SEED, keep_all=True)
    figures = {q.answer for q in bank.questions if "figure" in q.tags and q.type in (QT.FILL, QT.CHOICE)}
    for q in bank.questions:
        if q.type is QT.CHOICE and "figure" in q.tags:
            for c in q.choices:
                if c != q.answer:
                    assert c not in figures
                    assert c not in SEED.read_text(encoding="utf-8")


def test_seed_distractors_keep_the_surface_form():
    bank = bank_of(SEED, keep_all=True)
    for q in bank.questions:
        if q.type is not QT.CHOICE:
            continue
        if "figure" in q.tags:
            def shape(s):
                return re.sub(r"[\d.]+|(?<=数)[十百千万]", "9", s)
            assert all(shape(c) == shape(q.answer) for c in q.choices), q.choices
            if "." in q.answer:
                assert all("." in c for c in q.choices)
        if "date" in q.tags:
            tail = re.sub(r"^[\d月日]+|^.*节", "", q.answer)
            assert all(c.endswith(tail) for c in q.choices), q.choices


def test_seed_order_question_for_the_four_slogans():
    bank = bank_of(SEED, keep_all=True)
    orders = [q for q in bank.questions if q.type is QT.ORDER]
    assert ("学史明理", "学史增信", "学史崇德", "学史力行") in [q.answers for q in orders]
    multi = [q for q in bank.questions if q.type is QT.MULTI]
    assert any(set(q.answers) == {"广播", "电视", "报刊", "网络新媒体"} for q in multi)


def test_seed_people_keep_their_roles():
    bank = bank_of(SEED, keep_all=True)
    roles = [q for q in bank.questions if "role" in q.tags]
    text = " ".join(q.prompt + (q.explanation or "") for q in roles)
    assert "吴英杰" in text and "西藏自治区党委书记" in text
    assert "石角" in text and "护边队队长" in text


def test_section_heading_is_the_first_line_of_a_two_line_heading():
    bank = bank_of(SEED, keep_all=True)
    q = next(q for q in bank.questions if "800余场次" in q.answers)
    assert "精心部署落实" in q.tags and "营造浓厚氛围" not in q.tags
    q = next(q for q in bank.questions if "12吨" in q.answers)
    assert "解决实际问题" in q.tags


def test_no_facts_gives_an_empty_bank_and_a_warning():
    r = generate((ARTICLES / "no-facts.txt").read_text(encoding="utf-8"), bank_id="none")
    assert r.bank.questions == ()
    assert r.warnings
    r = generate("", bank_id="empty")
    assert r.bank.questions == () and r.warnings
