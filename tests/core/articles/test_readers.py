"""Each reader on its own: what a news page gives (and never gives), the PDF line joining, and
the files quiz cannot read, each refused with a message that says what to do."""
from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from support.articles import Block, Seed, news_page, pdf_bytes, seed, wire_page, write_docx

from quiz.core.articles import ArticleError, kind_of, read_article
from quiz.core.articles.layout import join_lines
from quiz.core.generate import generate
from quiz.core.generate.text import parse_article

BOILERPLATE = ["首页", "分享到", "微信", "相关新闻", "网友评论", "这篇报道写得很好", "为基层干部点赞", "热点推荐",
               "扫码", "版权所有", "Copyright", "责编", "人民日报社概况", "查看更多评论", "搜索", "拉萨市开展"]


def test_a_news_page_gives_the_article_and_its_source_never_the_page_around_it():
    art = read_article(news_page().encode("utf-8"), "page.html")
    assert art.kind == "html"
    for word in BOILERPLATE:
        assert word not in art.text, word
    assert art.title.startswith("西藏自治区深入推进党史学习教育")
    assert art.author == "徐驭尧" and art.publisher == "人民网" and art.date == "2021-04-06"
    assert art.source_publisher == "人民网（徐驭尧）"
    bank = generate(art.text, bank_id="p", title="t").bank
    text = "".join(q.prompt + "".join(q.choices) + (q.source or "") for q in bank.questions)
    for word in BOILERPLATE:
        assert word not in text, word


def test_an_agency_page_without_metadata_gives_its_source_from_the_page():
    art = read_article(wire_page().encode("utf-8"), "wire.html")
    assert art.title.startswith("西藏自治区深入推进党史学习教育") and not art.title.endswith("新华网")
    assert art.publisher == "新华网" and art.date == "2021-04-06" and art.author is None
    for word in ("记者从有关部门获悉", "热门评论", "为基层干部点赞", "纠错", "责任编辑", "Copyright", "制作单位"):
        assert word not in art.text, word


def test_a_byline_in_the_page_head_is_found():
    page = news_page().replace('<meta name="author" content="徐驭尧">', "")
    assert read_article(page.encode("utf-8"), "p.html").author == "本报记者 徐驭尧"


def test_a_gbk_page_is_decoded_by_its_declared_charset():
    art = read_article(news_page(charset="gbk").encode("gb18030"), "page.htm")
    assert "党史学习教育开展以来" in art.text


def test_a_web_archive_is_read_through_its_html_part():
    page = news_page().encode("utf-8")
    import base64
    mht = (b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
           b"\ttype=\"text/html\";\r\n\tboundary=\"----B\"\r\n\r\n------B\r\nContent-Type: text/html\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(page) + b"\r\n------B--\r\n")
    art = read_article(mht, "page.mhtml")
    assert "党史学习教育开展以来" in art.text and "网友评论" not in art.text


def test_word_headings_are_lines_the_generator_reads_as_headings(tmp_path):
    art = read_article(write_docx(tmp_path / "a.docx").read_bytes(), "a.docx")
    parsed = parse_article(art.text)
    assert parsed.headings == ("精心部署落实", "创新形式载体", "解决实际问题")
    assert parsed.title == "西藏自治区深入推进党史学习教育——发扬红色传统 凝聚奋进力量（奋斗百年路 启航新征程·学党史 悟思想 办实事 开新局）"
    assert "第 1 页" not in art.text and "第4版" not in art.text  # the page header and footer are not the article


def test_lines_join_without_spaces_in_chinese_and_with_one_between_words():
    assert join_lines(["占地27", "00平方米的新馆"]) == "占地2700平方米的新馆"
    assert join_lines(["党史学习教育开展以来，", "西藏自治区"]) == "党史学习教育开展以来，西藏自治区"
    assert join_lines(["the history of the", "Party is taught"]) == "the history of the Party is taught"
    assert join_lines(["well-", "known"]) == "well-known"
    assert join_lines(["奋斗百年路 ", "启航新征程"]) == "奋斗百年路 启航新征程"  # a space the writer put there stays


CJK = st.text(alphabet="党史学习教育西藏自治区开展以来，、。“”（）0123456789万", min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(CJK, min_size=1, max_size=6))
def test_chinese_lines_never_gain_a_space(lines):
    stripped = [ln.strip() for ln in lines]
    assert join_lines(lines) == "".join(stripped)


# a paragraph of an article has some words in it: a line of two digits and a comma ("13，8。") is what a
# page number or a running footer looks like, and the reader rightly drops those
PARAGRAPH = st.text(alphabet="党史学习教育西藏拉萨开展以来群众办实事“”，、0123456789", min_size=2, max_size=120).map(
    lambda t: t.strip() + "。").filter(lambda t: sum("\u4e00" <= c <= "\u9fff" for c in t) >= 4)
LONG = st.text(alphabet="党史学习教育西藏拉萨开展以来群众办实事“”，、0123456789", min_size=80, max_size=200).map(
    lambda t: t.strip() + "。")


@settings(max_examples=25, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])  # shrinking PDFs takes minutes
@given(st.lists(PARAGRAPH, min_size=1, max_size=8, unique=True), LONG, st.integers(0, 8), st.integers(8, 30), st.booleans())
def test_pdf_paragraphs_come_back_whole_whatever_the_page_breaks(paragraphs, long, at, per_page, indent_chars):
    """Any (different) paragraphs, any page length; one paragraph of a few lines shows where the margins are
    (as every real article does: with only one-line paragraphs an indent and a margin look alike)."""
    paragraphs.insert(min(at, len(paragraphs)), long)
    art = Seed(("一篇文章的标题",), tuple(Block(p) for p in paragraphs))
    text = read_article(pdf_bytes(art, lines_per_page=per_page, indent_chars=indent_chars), "a.pdf").text
    assert [ln for ln in text.split("\n") if ln] == ["一篇文章的标题", *paragraphs]


def test_a_heading_at_the_margin_after_a_full_last_line_starts_a_paragraph():
    full = "党史学习教育西藏" * 6 + "开。"  # 50 characters: exactly two full lines, the first indented
    art = Seed(("标题",), (Block(full), Block("精心部署落实", heading=True), Block("党中央召开动员大会。")))
    text = read_article(pdf_bytes(art, headings_at_margin=True), "a.pdf").text
    assert [ln for ln in text.split("\n") if ln] == ["标题", full, "精心部署落实", "党中央召开动员大会。"]


def _encrypted(user: str) -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt(user_password=user, owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_a_pdf_protected_only_against_editing_is_read():
    assert "党史学习教育开展以来" in read_article(_encrypted(""), "a.pdf").text


def _docx_without_text(tmp_path) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("")
    d.save(str(tmp_path / "e.docx"))
    return (tmp_path / "e.docx").read_bytes()


def _xlsx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


REFUSED = [
    ("scanned.pdf", lambda t: pdf_bytes(scanned=True), "scanned"),
    ("locked.pdf", lambda t: _encrypted("secret"), "encrypted"),
    ("empty.pdf", lambda t: pdf_bytes(empty=True), "no text"),
    ("broken.pdf", lambda t: b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "PDF"),
    ("old.doc", lambda t: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".doc"),
    ("empty.docx", _docx_without_text, "no text"),
    ("broken.docx", lambda t: b"PK\x03\x04" + bytes(100), "damaged"),
    ("nav-only.html", lambda t: b"<!DOCTYPE html><html><body><ul><li><a>\xe9\xa6\x96\xe9\xa1\xb5</a></li></ul></body></html>",
     "no article text"),
    ("题库.xlsx", lambda t: _xlsx(), "quiz import"),
    ("notes.rtf", lambda t: b"{\\rtf1\\ansi hello}", ".docx"),
    ("photo.txt", lambda t: b"\x89PNG\r\n\x1a\n" + bytes(50), "OCR"),
    ("misnamed.pdf", lambda t: "这不是PDF文件。".encode("gbk"), "damaged or misnamed"),
    ("misnamed.docx", lambda t: bytes(range(256)), "damaged or misnamed"),
]


@pytest.mark.parametrize("name,make,needle", REFUSED, ids=[r[0] for r in REFUSED])
def test_files_quiz_cannot_read_are_refused_with_what_to_do(tmp_path, name, make, needle):
    with pytest.raises(ArticleError) as e:
        read_article(make(tmp_path), name)
    assert needle in str(e.value) and str(e.value).startswith(name + ":")


def test_kinds_by_content():
    assert kind_of(pdf_bytes(), "x.txt") == "pdf"
    assert kind_of(b"\xef\xbb\xbf<!DOCTYPE html><html>", "x.txt") == "html"
    assert kind_of("<p>正文</p>".encode(), "x.htm") == "html"
    assert kind_of("一篇文章<p>里有尖括号".encode(), "x.txt") == "text"
    assert kind_of(seed_text_bytes(), "文章") == "text"
    assert kind_of(b"<html><body><p>x</p></body></html>", "exported.doc") == "html"  # a site's "Word" export
    assert kind_of("一篇文章。".encode(), "renamed.doc") == "text"


def seed_text_bytes() -> bytes:
    art = seed()
    return ("\n".join(art.title) + "\n\n" + "\n".join(b.text for b in art.blocks)).encode()
