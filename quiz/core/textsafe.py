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
