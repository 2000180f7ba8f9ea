"""Text from banks is data: make it safe to print on a terminal."""
from __future__ import annotations

import re

# C0 and C1 controls (but tab and newline), DEL, bidi embeddings/overrides/isolates.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """Replace control characters and bidi overrides with visible escapes (e.g. \\x1b)."""

    def esc(m: re.Match) -> str:
        c = m.group(0)
        o = ord(c)
        return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"

    out = _UNSAFE.sub(esc, text)
    if not keep_newlines:
        out = out.replace("\n", " ").replace("\t", " ")
    return out


def line_text(text: object) -> str:
    """`printable`, on one line: a line break shows as \\n (a path with a newline stays one field of
    `path:line:col: message`, and one line per problem)."""
    out = printable(str(text)).replace("\r", "\\r").replace("\n", "\\n")
    return out.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def clean(text: object) -> str:
    """Bank text for display: tabs become spaces, line ends become \\n, every other control
    character (escape codes) and bidi override is dropped. Never raises; None is ""."""
    if text is None:
        return ""
    s = str(text).replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub("", s)


def one_line(text: object) -> str:
    """`clean`, with newlines folded into spaces (for table cells, titles, one-line output)."""
    return " ".join(clean(text).split("\n")).strip()


# json.dumps escapes C0 controls but leaves C1 controls (a terminal may take U+009B for CSI), bidi
# overrides and line separators raw; escape them too: the same JSON data, safe to print.
_JSON_UNSAFE = re.compile("[\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_text(data: object, *, indent: int | None = 2) -> str:
    """`data` as JSON (Chinese kept as is) that is safe to print on a terminal."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
