"""The printable 试卷: which questions (tag, count, never two siblings, the seed), the layout a
teacher expects, and the answer key on its own page or in its own file."""
from __future__ import annotations

import io
from types import SimpleNamespace

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.banks.loader import load_path
from quiz.core.exchange import paper
from quiz.core.model import Bank, Question

ROOT = __import__("pathlib").Path(__file__).resolve().parents[3]
SEED_BANK = load_path(ROOT / "banks" / "xizang-dangshi-2021.yaml").bank


def _bank() -> Bank:
    qs = [
        Question("c1", "choice", "____开展书记讲党课活动", ("工委",), ("工委", "民政厅", "税务局", "组织部"),
                 source="句子一", explanation="原文如此", tags=("机构",)),
        Question("c2", "choice", "同一句的另一题", ("甲",), ("甲", "乙"), source="句子一"),
        Question("t1", "truefalse", "纪念馆占地2700平方米。", ("true",), source="句子二"),
        Question("f1", "fill", "占地____平方米", ("2700", "两千七百"), source="句子三", tags=("数字",)),
        Question("m1", "multi", "哪些？", ("甲", "丙"), ("甲", "乙", "丙"), source="句子四"),
        Question("o1", "order", "排列", ("一", "二", "三"), ("一", "二", "三"), source="句子五"),
        Question("k1", "card", "问答", ("答",)),
    ]
    return Bank(id="b", title="测试卷", questions=tuple(qs))


def test_the_same_seed_gives_the_same_paper_byte_for_byte():
    a = paper.paper(SEED_BANK, paper.draw(SEED_BANK, count=20, seed=7))
    b = paper.paper(SEED_BANK, paper.draw(SEED_BANK, count=20, seed=7))
    c = paper.paper(SEED_BANK, paper.draw(SEED_BANK, count=20, seed=8))
    assert a == b and a != c


def test_never_two_siblings_and_the_sections_in_the_usual_order():
    items = paper.draw(_bank(), seed=1)
    sources = [it.question.source for it in items if it.question.source]
    assert len(sources) == len(set(sources)) and len(items) == 6
    assert [it.question.type.value for it in items] == ["choice", "multi", "truefalse", "fill", "order", "card"]
    assert [it.number for it in items] == [1, 2, 3, 4, 5, 6]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from("ABCDE"), min_size=1, max_size=30), st.integers(1, 40), st.integers(0, 2**32))
def test_a_draw_holds_at_most_count_questions_one_per_sentence(sources, count, seed):
    bank = Bank(id="b", title="t", questions=tuple(
        Question(f"q{i}", "fill", f"第{i}题", (f"答{i}",), source=s) for i, s in enumerate(sources)))
    items = paper.draw(bank, count=count, seed=seed)
    got = [it.question.source for it in items]
    assert len(got) == min(count, len(set(sources))) and len(set(got)) == len(got)


def test_tag_and_count_choose_and_bad_choices_are_messages():
    assert [it.question.id for it in paper.draw(_bank(), tag="数字", seed=0)] == ["f1"]
    assert len(paper.draw(SEED_BANK, count=5, seed=0)) == 5
    with pytest.raises(paper.PaperError, match="tag 'nope'"):
        paper.draw(_bank(), tag="nope")
    with pytest.raises(paper.PaperError, match="at least 1"):
        paper.draw(_bank(), count=0)


def _paragraphs(data: bytes):
    return docx.Document(io.BytesIO(data)).paragraphs


def test_the_layout_a_teacher_expects():
    bank = _bank()
    seed = next(s for s in range(100) if any(it.question.id == "c1" for it in paper.draw(bank, seed=s)))
    items = paper.draw(bank, seed=seed)
    ps = _paragraphs(paper.paper(bank, items, title="第一单元测验"))
    texts = [p.text for p in ps]
    assert texts[0] == "第一单元测验" and texts[1].startswith("姓名：") and "班级：" in texts[1] and "得分：" in texts[1]
    heads = [t for t in texts if t[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")]
    assert [h.split("（")[0] for h in heads[:6]] == ["一、单选题", "二、多选题", "三、判断题", "四、填空题", "五、排序题", "六、简答题"]
    first = next(p for p in ps if p.text.startswith("1. "))
    assert first.text.endswith("开展书记讲党课活动（\u3000\u3000）")
    assert any(r.underline and r.text.strip("\u3000") == "" for r in first.runs)  # the blank is an underline
    options = ps[texts.index(first.text) + 1].text
    assert options.count("\t") == 3 and options.startswith("A. ")  # four short options on one line
    fill = next(p for p in ps if p.text.startswith("4. "))
    assert any(r.underline for r in fill.runs)
    key_at = next(i for i, t in enumerate(texts) if t.endswith("参考答案"))
    assert any('w:br w:type="page"' in p._p.xml or "w:type=\"page\"" in p._p.xml for p in ps[:key_at])
    key = texts[key_at:]
    assert any(t.startswith("1. 【答案】") and "【解析】原文如此" in t and "【出处】句子一" in t for t in key)
    assert any(t.startswith("3. 【答案】√") for t in key)


def test_answer_key_as_a_second_file(tmp_path):
    args = SimpleNamespace(seed=3, count=4, tag=None, title=None, answer_key=True)
    files = paper.export_files(SEED_BANK, args, str(tmp_path / "试卷.docx"))
    assert [p for p, _ in files] == [str(tmp_path / "试卷.docx"), str(tmp_path / "试卷-答案.docx")]
    assert not any("参考答案" in p.text for p in _paragraphs(files[0][1]))
    assert _paragraphs(files[1][1])[0].text.endswith("参考答案")
    assert paper.key_path("exam") == "exam-答案.docx"


def test_bank_text_is_data_in_the_paper():
    q = Question("x", "choice", "提示\x1b[31m红字<w:p>&\n第二行", ("甲\x00",), ("甲\x00", "乙\t丙"), source="句")
    ps = _paragraphs(paper.paper(Bank(id="b", title="卷\x07", questions=(q,)), paper.draw(Bank(id="b", title="t", questions=(q,)))))
    text = "\n".join(p.text for p in ps)
    assert "\x1b" not in text and "\x00" not in text and "\x07" not in text
    assert "[31m红字<w:p>&\n第二行" in text  # markup-looking text is text; a line break stays one
