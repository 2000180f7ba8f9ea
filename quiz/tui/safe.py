"""Bank text is data: strip what must never reach a terminal, never parse markup."""
from __future__ import annotations

import re

# C0 controls except newline, DEL, C1 controls, bidi embeddings/overrides/isolates and marks.
_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: object) -> str:
    """A printable version of `text`: tabs become spaces, controls and bidi overrides go."""
    if text is None:
        return ""
    s = str(text).replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")
    return _BAD.sub("", s)


def one_line(text: object) -> str:
    """`clean` and fold newlines into spaces (for table cells and titles)."""
    return " ".join(clean(text).split("\n")).strip()
