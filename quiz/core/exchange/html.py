"""Bank text <-> the HTML of Anki fields. Bank text is data: always escaped, control characters dropped."""
from __future__ import annotations

import html
import re

from quiz.core.textsafe import clean as _clean

_BR = re.compile(r"<br\s*/?>|</(?:div|p|li|tr|h\d)>", re.I)
_TAG = re.compile(r"<[^>]*>")
_MEDIA = re.compile(r"\[sound:[^\]]*\]")
_BLANKS = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0\n]*")


def clean(text: str) -> str:
    """Drop control characters and bidi overrides (a tab becomes a space)."""
    return _clean(text)


def esc(text: str, *, braces: bool = False) -> str:
    """Text -> HTML: escaped, newlines as <br>. `braces`: also escape { } : so the text never forms a cloze."""
    out = html.escape(clean(text), quote=True)
    if braces:
        out = out.replace("{", "&#123;").replace("}", "&#125;").replace(":", "&#58;")
    return out.replace("\n", "<br>")


def to_text(field: str, *, is_html: bool = True) -> str:
    """The HTML of a field -> plain text (line breaks kept, tags, media and surrounding space dropped)."""
    if is_html:
        field = _BR.sub("\n", field)
        field = _TAG.sub("", field)
        field = html.unescape(field)
    field = _MEDIA.sub("", clean(field))
    field = _BLANKS.sub("\n", field)
    return field.strip()
