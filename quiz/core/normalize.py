"""Text normalization for comparing typed answers."""
from __future__ import annotations

import unicodedata

# Categories dropped before comparing: punctuation (P*), separators (Z*), controls and format chars (Cc, Cf).
_DROP = ("P", "Z")


def _once(s: str) -> str:
    s = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", s).casefold())
    return "".join(ch for ch in s if not (unicodedata.category(ch)[0] in _DROP or unicodedata.category(ch) in ("Cc", "Cf", "Cs")))


def normalize(s: str) -> str:
    """NFKC (folds full width to half width), case folding, no spaces, no punctuation.

    Idempotent: normalize(normalize(s)) == normalize(s) (applied until it settles).
    """
    for _ in range(8):
        t = _once(s)
        if t == s:
            return t
        s = t
    return s


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F or 0xF900 <= o <= 0xFAFF


def numeric_form(s: str) -> str:
    """Like normalize, but keeps the decimal point and drops thousands separators: '1,465.4' -> '1465.4'."""
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(ch for ch in s if ch == "." or not (unicodedata.category(ch)[0] in _DROP or unicodedata.category(ch)[0] == "C"))
