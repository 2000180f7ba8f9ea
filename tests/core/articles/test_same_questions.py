"""The same article as .txt, .docx, .html and .pdf gives the same questions: each reader puts the
text back in the layout of the .txt article (title lines, then one paragraph or heading a line)."""
from __future__ import annotations

import pytest
from support.articles import SEED, pdf_bytes, seed, write_docx, write_html, write_pdf

from quiz.core.articles import read_article
from quiz.core.generate import generate

FIXTURES = SEED.parents[1] / "tests" / "data" / "articles"


def questions(path):
    art = read_article(path.read_bytes(), str(path))
    return generate(art.text, bank_id="seed", title="t").bank.questions


@pytest.fixture(scope="module")
def from_text():
    qs = questions(SEED)
    assert len(qs) > 20  # a real bank, not an empty one
    return qs


@pytest.mark.parametrize("make", [
    lambda p: write_docx(p / "文章.docx"),
    lambda p: write_docx(p / "文章.docx", title_style="Normal"),
    lambda p: write_html(p / "文章.html"),
    lambda p: write_html(p / "文章.htm", charset="gb2312", headings="h3"),
    lambda p: write_pdf(p / "文章.pdf"),
    lambda p: write_pdf(p / "文章.pdf", indent_chars=True, page_numbers="第{n}页 共{total}页", header=""),
    lambda p: write_pdf(p / "文章.pdf", lines_per_page=9, page_numbers="{n}/{total}"),
    lambda p: FIXTURES / "xizang-reportlab.pdf",  # another producer's PDF (support.articles.write_reportlab_pdf)
], ids=["docx", "docx-plain-title", "html", "html-gbk-h3", "pdf", "pdf-indent-chars", "pdf-short-pages", "pdf-reportlab"])
def test_each_format_gives_the_questions_of_the_text(tmp_path, from_text, make):
    assert questions(make(tmp_path)) == from_text


def test_the_format_is_read_from_the_content_not_the_name(tmp_path, from_text):
    for name, make in (("a.txt", write_html), ("b", write_pdf), ("c.dat", write_docx)):
        path = make(tmp_path / name)
        assert questions(path) == from_text, name


def test_pdf_keeps_paragraphs_and_drops_page_furniture(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf_bytes(lines_per_page=12, header="人民日报 2021年4月6日 第4版", page_numbers="- {n} -"))
    text = read_article(path.read_bytes(), str(path)).text
    lines = text.split("\n")
    art = seed()
    body = [b.text for b in art.blocks]
    assert [ln for ln in lines if ln][-len(body):] == body  # every paragraph whole, in order, nothing between
    assert "人民日报 2021年4月6日" not in text and "- 2 -" not in text
