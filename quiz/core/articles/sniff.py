"""Which kind of file an article is: by its first bytes, then by its name.

Content decides, because files travel with wrong names (a web page saved as .txt, a PDF
mailed as "文章" without an extension). Files that are documents of a kind quiz does not
read are named, with the way to convert them."""
from __future__ import annotations

import io
import re
import zipfile

from quiz.core.articles import ArticleError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files (.doc, .xls, .ppt, .wps)
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|title|body)\b",
                         re.I | re.S)
_HTML_NAMES = (".html", ".htm", ".xhtml", ".shtml")
_IMAGES = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
           b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image"}


def _ext(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return "." + base.rsplit(".", 1)[1] if "." in base else ""


def _zip_kind(data: bytes, name: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ArticleError(f"{name}: a damaged zip or Office file: open it in Word or WPS and save it again") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        raise ArticleError(f"{name}: this is an Excel workbook, not an article; a 题库 in Excel is read by "
                           "`quiz import`")
    if "ppt/presentation.xml" in names:
        raise ArticleError(f"{name}: this is a PowerPoint file, not an article; copy its text into a .txt file")
    if "mimetype" in names or "content.xml" in names:
        raise ArticleError(f"{name}: an OpenDocument file; save it as .docx (Word) or .txt and try again")
    raise ArticleError(f"{name}: a zip archive, not an article: unpack it and give the article inside")


def kind_of(data: bytes, name: str = "") -> str:
    """"text", "docx", "html" or "pdf"; ArticleError naming what else the file is."""
    head = data[:1024]
    ext = _ext(name)
    if head.lstrip(b"\x00\t\r\n ").startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data, name)
    if head.startswith(OLE2):
        if ext in (".xls", ".et"):
            what, fix = "an old Excel .xls workbook", "save it as .xlsx and use `quiz import`"
        else:
            what, fix = "an old Word .doc file (binary)", "open it in Word or WPS and save it as .docx or .txt"
        raise ArticleError(f"{name}: {what}; quiz does not read that format: {fix}")
    if head.startswith(b"{\\rtf"):
        raise ArticleError(f"{name}: a Rich Text (.rtf) file; open it in Word or WPS and save it as .docx or .txt")
    for magic, what in _IMAGES.items():
        if head.startswith(magic):
            raise ArticleError(f"{name}: {what}, not an article; quiz reads text only (run OCR first)")
    if b"MIME-Version:" in head and b"multipart/related" in data[:4096]:
        return "html"  # a browser's web archive (.mht/.mhtml)
    if _HTML_START.match(_ascii_view(head)) or ext in _HTML_NAMES and re.search(rb"<(?:p|div|br|body)\b", data[:65536], re.I):
        return "html"  # also a web page saved as .doc, as some sites "export to Word"
    if ext in (".pdf", ".docx", ".doc") and not _utf8_text(data):  # text misnamed .doc is read as the text it is
        what = "a PDF file (it does not start with %PDF-)" if ext == ".pdf" else "a Word document (it is not a .docx zip)"
        raise ArticleError(f"{name}: not {what}: the file is damaged or misnamed")
    return "text"


def _utf8_text(data: bytes) -> bool:
    try:
        return "\x00" not in data.decode("utf-8")
    except UnicodeDecodeError:
        return False


def _ascii_view(head: bytes) -> bytes:
    """The first bytes with a UTF-8/UTF-16 byte order mark and UTF-16 NULs removed, so markup shows."""
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return head[2:].replace(b"\x00", b"")
    return head
