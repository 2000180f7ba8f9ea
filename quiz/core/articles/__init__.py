"""Reading articles from the files teachers have: plain text, Word (.docx), a news page saved
from the browser (.html/.htm) and text-based PDF.

`read_article(data, name)` returns the article as the generator reads a .txt file (the title
lines, a blank line, then one paragraph or section heading a line) with what the file says of
its source (title, byline, publisher, date). The format is chosen by content first (a PDF, a
zip holding a Word document, HTML markup) and by the extension only where content cannot
tell. Files quiz cannot read (an old binary .doc, a scanned or encrypted PDF, an Excel
workbook, an empty document) raise ArticleError with a message saying what to do.

The libraries behind each format (python-docx, trafilatura, pypdf) are imported only when a
file of that format is read: `quiz` startup never pays for them.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Article", "ArticleError", "kind_of", "read_article"]


class ArticleError(ValueError):
    """The file cannot be read as an article; the message says what it is and what to do."""


@dataclass(frozen=True, slots=True)
class Article:
    """An article read from a file: `text` in the layout of a .txt article and its metadata."""

    text: str
    kind: str                     # "text", "docx", "html" or "pdf"
    title: str | None = None
    author: str | None = None     # the byline (本报记者 ...)
    publisher: str | None = None  # the site or paper
    date: str | None = None       # as YYYY-MM-DD where the file says so

    @property
    def source_publisher(self) -> str | None:
        """Publisher and byline as one line for the bank's `source` (which has no byline field)."""
        if self.publisher and self.author and self.author not in self.publisher:
            return f"{self.publisher}（{self.author}）"
        return self.publisher or self.author


def kind_of(data: bytes, name: str = "") -> str:
    """"text", "docx", "html" or "pdf"; ArticleError for a file that is none of them."""
    from quiz.core.articles.sniff import kind_of as sniff

    return sniff(data, name)


def read_article(data: bytes, name: str = "<input>") -> Article:
    """The article in `data` (the bytes of the file `name`). Raises ArticleError."""
    kind = kind_of(data, name)
    if kind == "docx":
        from quiz.core.articles.docx import read_docx

        art = read_docx(data, name)
    elif kind == "html":
        from quiz.core.articles.html import read_html

        art = read_html(data, name)
    elif kind == "pdf":
        from quiz.core.articles.pdf import read_pdf

        art = read_pdf(data, name)
    else:
        from quiz.core.generate import decode_article

        try:
            art = Article(decode_article(data, name), "text")
        except ValueError as e:
            raise ArticleError(str(e)) from None
    if kind != "text" and not any(c.isalnum() for c in art.text):  # an empty .txt gives an empty bank, as always
        raise ArticleError(f"{name}: the {_WHAT[kind]} holds no text: nothing to make questions from")
    return art


_WHAT = {"docx": "Word document", "html": "web page", "pdf": "PDF"}
