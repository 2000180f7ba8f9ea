r"""Bank text <-> the HTML of Anki fields. Bank text is data: always escaped, control characters dropped.

Anki acts on some text in a field besides HTML: `[sound:…]` plays a file, `[latex]…[/latex]`, `[$]…[/$]`
and `[$$]…[/$$]` run LaTeX, `[anki:…]` tags speak; MathJax typesets `\(…\)` and `\[…\]`. `esc` writes
`[` and `]` as character references (Anki's own tags then never match, the text shows the same) and
`no_math` puts a whole field in an element MathJax skips (its ignore class, in MathJax 3.0 and later)."""
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


# MathJax 3.0 calls it tex2jax_ignore, 3.1 and later mathjax_ignore: the text inside is never typeset
NO_MATH = '<div class="mathjax_ignore tex2jax_ignore">'


def esc(text: str, *, braces: bool = False) -> str:
    """Text -> HTML: escaped, newlines as <br>, `[` `]` as references (never an Anki media, LaTeX or TTS
    tag). `braces`: also escape { } : so the text never forms a cloze."""
    out = html.escape(clean(text), quote=True).replace("[", "&#91;").replace("]", "&#93;")
    if braces:
        out = out.replace("{", "&#123;").replace("}", "&#125;").replace(":", "&#58;")
    return out.replace("\n", "<br>")


def no_math(content: str) -> str:
    """A note field whose text MathJax never typesets (an empty field stays empty)."""
    return f"{NO_MATH}{content}</div>" if content else ""


def to_text(field: str, *, is_html: bool = True) -> str:
    """The HTML of a field -> plain text (line breaks kept, tags, media and surrounding space dropped)."""
    field = _MEDIA.sub("", field)  # a media reference (before unescaping: `&#91;sound:` is text, not one)
    if is_html:
        field = _BR.sub("\n", field)
        field = _TAG.sub("", field)
        field = html.unescape(field)
    field = clean(field)
    field = _BLANKS.sub("\n", field)
    return field.strip()
