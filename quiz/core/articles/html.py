"""News pages saved from the browser (.html/.htm, or a .mht/.mhtml web archive): the article's
text (title, paragraphs, section headings) through readability-lxml, a main-content extractor
made for article pages; never the navigation, share buttons, related links, reader comments
or footer around it. The title, byline, site and date go to the bank's source, read from the
page's own metadata (og:title, author, og:site_name, article:published_time and the names
Chinese news sites use) and, failing that, from the page: the <h1>, a 记者/作者 line, the
first date near the top, the site's name after the title.

readability-lxml was chosen over trafilatura after measuring both (bench/bench_formats.py
prints the comparison) on saved news pages with navigation, share buttons, related links,
comments and footers: both found every paragraph; trafilatura let an agency site's footer
lines through where readability-lxml let none, and trafilatura's byline, date and site come
built in, but importing it costs about 250 ms (against 90 ms), which alone put `quiz generate
page.html` past twice the time of the .txt (the goal); the metadata is a few lines here.

Pages are decoded by their byte order mark, else their declared charset (Chinese sites still
declare GB2312 or GBK: read as GB18030, which contains both), else as UTF-8, else GB18030."""
from __future__ import annotations

import re

from quiz.core.articles import Article, ArticleError
from quiz.core.articles.layout import compose, quiet_log

_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
            "big5": "big5hkscs", "utf8": "utf-8", "unicode": "utf-8"}
_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li div blockquote section article td th tr dd dt pre figcaption".split())
# Lines of a site's furniture that may be left at the ends of the text (a footer after the last
# paragraph, an editor or source line): dropped there, never inside the article.
_FURNITURE = re.compile(r"copyright|©|all rights reserved|版权所有|制作单位|主办单位|承办单位|ICP|备案|联系我们|"
                        r"责任编辑|责编|【纠错】|来源[:：]|分享到|扫一扫|打印本页|关闭窗口", re.I)
# "标题-新华网", "标题_人民网", "标题 | 学习强国": the site's name after the title
_SITE_SUFFIX = re.compile(r"^(.*?\S)\s*(?:[-_|–]+|——)\s*([^-_|–—]{2,12}(?:网|报|台|社|频道|客户端|强国|在线))$")
_META = {"title": ("og:title", "twitter:title", "title", "articletitle", "headline"),
         "site": ("og:site_name", "source", "contentsource", "sitename", "site_name", "publisher"),
         "author": ("author", "article:author", "byline", "dc.creator", "sailthru.author"),
         "date": ("article:published_time", "publishdate", "pubdate", "publish_date", "publishtime", "og:release_date",
                  "dc.date", "dc.date.issued", "date", "firstpublishedtime")}
_DATE = re.compile(r"(20\d\d|19\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
# 本报记者 张三、李四 / 作者：张三 / （记者 张三）: a name of two to four characters, then a break
_BYLINE = re.compile(r"(?:本报记者|本报通讯员|新华社记者|记者|作者|文)\s*[:：/]?\s*[\u4e00-\u9fff]{2,4}"
                     r"(?:[、，\u3000 ][\u4e00-\u9fff]{2,4})*(?=$|[\s）)|】,，。;；])")


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
    """The HTML part of a web archive (.mht/.mhtml), as UTF-8."""
    import email
    import email.policy

    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                codec = _codec(part.get_content_charset() or "")
                return payload.decode(codec, "replace").encode("utf-8") if codec else payload
    raise ArticleError(f"{name}: a web archive without a web page in it")




def text_lines(root) -> list[str]:
    """The text of an element tree, one block (paragraph, heading, list item) or <br>-line a line."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCKS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
        elif el.tag == "br":
            el.tail = "\n" + (el.tail or "")
    return [ln.strip() for ln in root.text_content().split("\n") if ln.strip()]


def _trim(lines: list[str]) -> list[str]:
    while lines and len(lines[-1]) < 120 and _FURNITURE.search(lines[-1]):
        lines.pop()
    while lines and len(lines[0]) < 120 and _FURNITURE.search(lines[0]):
        lines.pop(0)
    return lines


def _meta(tree) -> dict[str, str]:
    """The page's metadata by our names (title, site, author, date), from its <meta> tags; of
    several names for one field, the one listed first in _META wins."""
    found: dict[str, tuple[int, str]] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = " ".join((m.get("content") or "").split())
        if not key or not value:
            continue
        for field, names in _META.items():
            if key in names and (field not in found or names.index(key) < found[field][0]):
                found[field] = (names.index(key), value)
    return {k: v for k, (_rank, v) in found.items()}


def _iso(text: str) -> str | None:
    m = _DATE.search(text)
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _source(tree, first: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, byline, site, date) of the page whose article starts with the line `first`."""
    meta = _meta(tree)
    h1 = next((" ".join(h.text_content().split()) for h in tree.iter("h1") if h.text_content().strip()), None)
    page_title = " ".join((tree.findtext(".//title") or "").split()) or None
    title = meta.get("title") or h1 or page_title
    site = meta.get("site")
    m = _SITE_SUFFIX.match(title or "")
    if m:
        title, site = m.group(1), site or m.group(2)
    elif page_title and not site and (ms := _SITE_SUFFIX.match(page_title)):
        site = ms.group(2)
    author = meta.get("author")
    if not author:
        for el in tree.iter():
            cls = f"{el.get('class') or ''} {el.get('id') or ''}".lower() if isinstance(el.tag, str) else ""
            if re.search(r"author|byline|writer", cls):
                text = " ".join(el.text_content().split())
                if 2 <= len(text) <= 40:
                    author = text
                    break
    body = " ".join(tree.body.text_content().split()) if tree.find("body") is not None else ""
    cut = body.find(first[:12]) if first else -1
    top = body[:cut] if cut > 0 else body[:600]  # the page's head: above the article, not its related links
    if not author and (b := _BYLINE.search(top)):
        author = b.group(0)
    date = _iso(meta.get("date", "")) or _iso(top)
    return title, author, site, date


def read_html(data: bytes, name: str) -> Article:
    import lxml.html
    from readability import Document

    if b"multipart/related" in data[:4096]:
        data = _from_archive(data, name)
    page = decode_html(data, name)
    if not page.strip():
        raise ArticleError(f"{name}: the web page is empty")
    try:
        with quiet_log("readability"):  # it logs its guesses; the person needs only our message
            tree = lxml.html.document_fromstring(page)
            summary = Document(page).summary(html_partial=True)
            lines = _trim(text_lines(lxml.html.fragment_fromstring(summary, create_parent="div")))
    except Exception as e:  # a parser failure on a damaged page is a message, never a traceback
        raise ArticleError(f"{name}: cannot read the web page ({type(e).__name__})") from None
    text = "\n".join(lines)
    if sum(c.isalnum() for c in text) < 20 and not any(c in text for c in "。！？.!?"):
        # nothing, or a menu's few words (what an extractor returns from a page without an article)
        raise ArticleError(f"{name}: no article text found in the web page (is it the page of one article?)")
    title, author, site, date = _source(tree, lines[0] if lines else "")
    return Article(compose((), lines), "html", title=title, author=author, publisher=site, date=date)
