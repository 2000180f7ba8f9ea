"""Text-based PDF through pypdf: the text of every page, its lines put back into paragraphs.

A PDF knows lines, not paragraphs, so they are rebuilt from where each line sits on the page
(pypdf reports the position and size of every piece of text): a paragraph starts where a line
is indented (the two-character first-line indent of Chinese text, or two ideographic spaces
typed as text), where the line before it stops short of the right margin, after a wider gap
or at a change of font size. Lines of one paragraph join without a space in Chinese (only two
words of Latin script get one). Running headers and footers (a line at the top or bottom that
repeats on most pages, the digits aside) and page numbers (`3`, `- 3 -`, `第3页 共5页`, `3/5`)
are dropped.

A scanned PDF (pages of images, no text), an encrypted one that needs a password and an empty
one are refused with what to do; a damaged file is a message, never a traceback."""
from __future__ import annotations

import io
import math
import re
import statistics
import unicodedata
from dataclasses import dataclass, field

from quiz.core.articles import Article, ArticleError
from quiz.core.articles.layout import compose, generic_author, join_lines, quiet_log

_PAGE_NUMBER = re.compile(r"^(?:[-–—·•\s]*\d{1,4}[-–—·•\s]*|第\s*\d+\s*页(?:\s*[/，,、]?\s*共\s*\d+\s*页)?|"
                          r"共\s*\d+\s*页\s*第\s*\d+\s*页|\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?|[ivxlc]{1,6})$", re.I)
_ENDS_SENTENCE = re.compile(r"[。！？；…!?;][”’」』）)]*\s*$")
_HEADING_LIKE = re.compile(r"^[^，。、；：！？,.;:!?]{2,20}$")  # a short line without punctuation after a sentence: a heading
_EDGE = 2  # lines at the top and at the bottom of a page that may be a running header, footer or page number


@dataclass
class Line:
    x: float
    y: float
    size: float
    parts: list[tuple[float, str]] = field(default_factory=list)  # (x, text)

    @property
    def text(self) -> str:
        return "".join(t for _, t in sorted(self.parts, key=lambda p: p[0]))

    @property
    def end(self) -> float:
        """Where the line's text ends, estimated from its last piece's width."""
        x, t = max(self.parts, key=lambda p: p[0])
        return x + self.size * _ems(t)


def _ems(text: str) -> float:
    """Width in ems: Chinese fonts draw CJK and the ambiguous-width marks (“”、—…·) an em wide,
    Latin letters and digits about half."""
    return sum(0.5 if unicodedata.east_asian_width(c) in "NaH" else 1.0 for c in text)


def _page_lines(page) -> list[Line]:
    """The lines of a page in the order the PDF draws them, each with its position and size."""
    lines: list[Line] = []

    def visit(text: str, cm, tm, _font, font_size) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = abs(font_size * math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])) or 1.0
        for k, piece in enumerate(text.split("\n")):
            piece = piece.replace("\r", "")
            if not piece.strip():
                continue
            py = y - k * size * 1.2
            last = lines[-1] if lines else None
            if last is not None and abs(last.y - py) < 0.5 * max(size, last.size):
                last.parts.append((x if k == 0 else last.x, piece))
                last.x = min(last.x, x)
            else:
                lines.append(Line(x, py, size, [(x, piece)]))

    page.extract_text(visitor_text=visit)
    return [ln for ln in lines if ln.text.strip()]


def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_running(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without their running headers, footers and page numbers: edge lines that repeat on
    most pages (the digits aside), that read as a page number, or that stand apart from the text
    in a smaller type (the header of a one-page PDF)."""
    counts: dict[str, int] = {}
    for lines in pages:
        by_y = sorted(lines, key=lambda ln: -ln.y)
        for key in {_edge_key(ln.text) for ln in by_y[:_EDGE] + by_y[-_EDGE:]}:
            counts[key] = counts.get(key, 0) + 1
    repeated = {k for k, n in counts.items() if len(pages) >= 2 and n >= max(2, (len(pages) + 1) // 2)}
    sizes = [ln.size for lines in pages for ln in lines]
    body_size = statistics.median(sizes) if sizes else 0.0
    body_gaps = [a.y - b.y for lines in pages for a, b in zip(lines, lines[1:])
                 if a.y > b.y and abs(a.size - body_size) < 0.5 and abs(b.size - body_size) < 0.5]
    lead = statistics.median(body_gaps) if body_gaps else body_size * 1.2  # the text's line spacing
    out = []
    for lines in pages:
        by_y = sorted(lines, key=lambda ln: -ln.y)
        gaps = [a.y - b.y for a, b in zip(by_y, by_y[1:])]
        apart = set()
        for i, ln in enumerate(by_y):
            near = [gaps[j] for j in (i - 1, i) if 0 <= j < len(gaps)]
            if ln.size < body_size - 0.5 and near and min(near) > 1.5 * lead:
                apart.add(id(ln))
        edge = {id(ln) for ln in by_y[:_EDGE] + by_y[-_EDGE:]}
        out.append([ln for ln in lines if id(ln) not in edge or not (
            _PAGE_NUMBER.match(ln.text.strip()) or _edge_key(ln.text) in repeated or id(ln) in apart)])
    return out


def _paragraphs(pages: list[list[Line]], page_width: float) -> list[str]:
    gaps = [a.y - b.y for lines in pages for a, b in zip(lines, lines[1:]) if a.y - b.y > 0.1]
    lead = statistics.median(gaps) if gaps else 0.0
    paragraphs: list[list[str]] = []
    prev: Line | None = None
    prev_full = False
    every = [ln for lines in pages for ln in lines]
    if not every:
        return []
    # The margins, the same on every page: where lines start and end at the furthest. With fewer
    # than two lines reaching the right one, it cannot be told from the text: take the page to be
    # about as wide on the right as on the left.
    size = statistics.median(ln.size for ln in every)
    body = [ln for ln in every if abs(ln.size - size) < 0.5] or every  # a title in larger type may overhang
    left = min(ln.x for ln in body)
    right = max(ln.end for ln in body)
    if sum(ln.end >= right - 1.2 * ln.size for ln in body) < 2:
        right = max(right, page_width - left)
    for lines in pages:
        for ln in lines:
            text = ln.text
            indented = text.startswith(("\u3000", "  ")) or ln.x - left > 0.8 * ln.size
            # centred: well in from the margin (an indent is two characters) with as much room on the right
            centered = ln.x - left > 3 * ln.size and abs((ln.x - left) - (right - ln.end)) < ln.size
            new = (prev is None or not prev_full or (indented and not centered)
                   or abs(ln.size - prev.size) > 0.5
                   or (prev.y > ln.y and lead and prev.y - ln.y > 1.8 * lead)
                   or (_ENDS_SENTENCE.search(prev.text) and _HEADING_LIKE.match(text.strip()) and ln.end < right - 4 * ln.size))
            if new or not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(text)
            # A line is full when it reaches the right margin, give or take two characters (a
            # character that did not fit, a comma that may not start a line); a centred short
            # line (a title) is not.
            prev, prev_full = ln, ln.end >= right - 2 * ln.size and not centered
    return [join_lines(p) for p in paragraphs]




def _open(data: bytes, name: str):
    import pypdf
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as e:  # any parser failure on a damaged file
        raise ArticleError(f"{name}: the PDF is damaged and cannot be read ({type(e).__name__})") from None
    if encrypted:
        try:
            opened = bool(reader.decrypt(""))  # protected against editing only: opens without a password
        except (DependencyError, NotImplementedError, PyPdfError, ValueError):
            opened = False
        if not opened:
            raise ArticleError(f"{name}: the PDF is encrypted (it needs a password to open); open it, print it "
                               "to a new PDF without a password, or copy its text into a .txt file")
    return reader


def _has_images(page) -> bool:
    try:
        xobjects = page["/Resources"].get("/XObject") or {}
        return any(xobjects[k].get_object().get("/Subtype") == "/Image" for k in xobjects)
    except Exception:  # an odd resource dictionary is no reason to fail: say "no text" instead
        return False


def read_pdf(data: bytes, name: str) -> Article:
    with quiet_log("pypdf"):  # it logs what it repairs; the person needs only our message
        reader = _open(data, name)
        try:
            pages = [_page_lines(p) for p in reader.pages]
        except ArticleError:
            raise
        except Exception as e:
            raise ArticleError(f"{name}: the PDF is damaged and its text cannot be read ({type(e).__name__})") from None
        if not any(pages):
            if any(_has_images(p) for p in reader.pages):
                raise ArticleError(f"{name}: the PDF has no text, only images: it looks scanned. quiz reads text PDFs; "
                                   "run OCR on it first (or copy its text into a .txt file)")
            raise ArticleError(f"{name}: the PDF holds no text: nothing to make questions from")
        meta = reader.metadata
    title = (meta.title or "").strip() if meta else ""
    title = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", title)
    author = (meta.author or "").strip() if meta else ""
    width = float(reader.pages[0].mediabox.width) if len(reader.pages) else 0.0
    return Article(compose((), _paragraphs(_drop_running(pages), width)), "pdf",
                   title=title if title and not generic_author(title) else None,
                   author=author if author and not generic_author(author) else None)
