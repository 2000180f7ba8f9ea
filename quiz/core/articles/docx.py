"""Word documents (.docx) through python-docx: the body's paragraphs in order (table cells
too), each a line; a line break inside a paragraph (Shift+Enter, as in a two-line title or
heading) starts a new line, as it does in a .txt article. Headings stay lines of their own,
so the generator reads them as section headings as it does in text. Page headers, footers,
comments and footnotes are not the article and are not read."""
from __future__ import annotations

import io

from quiz.core.articles import Article, ArticleError
from quiz.core.articles.layout import compose, generic_author


def _lines(doc) -> list[str]:
    from docx.table import Table

    lines: list[str] = []
    seen: set[int] = set()
    for item in doc.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                        continue
                    seen.add(id(cell._tc))
                    lines += [ln for p in cell.paragraphs for ln in p.text.split("\n")]
        else:
            lines += item.text.split("\n")
    return lines


def read_docx(data: bytes, name: str) -> Article:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as e:
        raise ArticleError(f"{name}: cannot read the Word document ({e}); open it in Word or WPS and save it again") from None
    except Exception as e:  # lxml's XMLSyntaxError and the like: a damaged file, never a traceback
        raise ArticleError(f"{name}: the Word document is damaged ({type(e).__name__}); open it in Word or WPS "
                           "and save it again") from None
    text = compose((), _lines(doc))
    props = doc.core_properties
    author = (props.author or "").strip()
    return Article(text, "docx", title=(props.title or "").strip() or None,
                   author=author if author and not generic_author(author) else None)
