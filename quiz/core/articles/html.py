"""News pages saved from the browser (.html/.htm, or a .mht/.mhtml web archive) through
trafilatura, a main-content extractor made for news sites: the article's text (its title,
paragraphs and section headings), never the navigation, share buttons, related links, reader
comments or footer around it; the title, byline, site and date go to the bank's source.

trafilatura was chosen over readability-lxml after measuring both on saved news pages
(bench/bench_formats.py prints the comparison): both found the text, but readability-lxml
returns HTML that still needs its own text conversion, its title keeps the site's suffix
(`--党建-人民网`) and it finds no byline or date; trafilatura gives text with the title, author,
date and site name, and leaves comments out unless asked.

Pages are decoded by their byte order mark, else their declared charset (Chinese sites still
declare GB2312 or GBK: read as GB18030, which contains both), else as UTF-8, else GB18030."""
from __future__ import annotations

import contextlib
import logging
import re

from quiz.core.articles import Article, ArticleError
from quiz.core.articles.layout import compose

_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
            "big5": "big5hkscs", "utf8": "utf-8", "unicode": "utf-8"}


def _codec(label: str) -> str | None:
    import codecs

    label = _ALIASES.get(label.strip().lower(), label.strip().lower())
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, name: str) -> str:
    """The page as text; ArticleError when no encoding reads it."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    tried = []
    m = _CHARSET.search(data[:8192])
    declared = _codec(m.group(1).decode("ascii", "replace")) if m else None
    for enc in (declared, "utf-8", "gb18030"):
        if enc is None or enc in tried:
            continue
        tried.append(enc)
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    if declared:  # declared but with a few broken bytes (a page cut while saving): read what can be read
        return data.decode(declared, "replace")
    raise ArticleError(f"{name}: the web page is neither UTF-8 nor GBK text and declares no charset; "
                       "save it again from the browser")


def _from_archive(data: bytes, name: str) -> bytes:
    """The HTML part of a web archive (.mht/.mhtml), re-declared in its own charset."""
    import email
    import email.policy

    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset()
                if charset and _codec(charset):
                    return payload.decode(_codec(charset) or "utf-8", "replace").encode("utf-8")
                return payload
    raise ArticleError(f"{name}: a web archive without a web page in it")


@contextlib.contextmanager
def _quiet():
    """trafilatura logs its guesses as warnings; the person needs only our own message."""
    log = logging.getLogger("trafilatura")
    level, log.level = log.level, logging.CRITICAL
    try:
        yield
    finally:
        log.setLevel(level)


def _get(doc, key: str) -> str | None:
    value = doc.get(key) if isinstance(doc, dict) else getattr(doc, key, None)
    return str(value).strip() or None if value else None


def read_html(data: bytes, name: str) -> Article:
    import trafilatura

    if b"multipart/related" in data[:4096]:
        data = _from_archive(data, name)
    page = decode_html(data, name)
    try:
        with _quiet():
            doc = trafilatura.bare_extraction(page, include_comments=False, include_tables=True, include_images=False,
                                              include_links=False, with_metadata=True, deduplicate=False)
    except Exception as e:  # a parser failure on a damaged page is a message, never a traceback
        raise ArticleError(f"{name}: cannot read the web page ({type(e).__name__})") from None
    text = _get(doc, "text") if doc is not None else None
    if not text or sum(c.isalnum() for c in text) < 20 and not any(c in text for c in "。！？.!?"):
        # nothing, or a menu's few words (what an extractor returns from a page without an article)
        raise ArticleError(f"{name}: no article text found in the web page (is it the page of one article?)")
    return Article(compose((), text.split("\n")), "html", title=_get(doc, "title"), author=_get(doc, "author"),
                   publisher=_get(doc, "sitename"), date=_get(doc, "date"))
