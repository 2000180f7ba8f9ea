"""Text normalization for comparing typed answers."""
from __future__ import annotations

import unicodedata

# Categories dropped before comparing: punctuation (P*), separators (Z*), controls and format chars (C*).
_DROP = ("P", "Z", "C")
_DIGITS = "0123456789"


def _keep(s: str, i: int) -> bool:
    """Punctuation that changes a number's value is kept: 1.2 (not 12), 1:2, 1/4, 50%, 5‰, -5."""
    ch = s[i]
    prev = s[i - 1] if i else ""
    nxt = s[i + 1] if i + 1 < len(s) else ""
    if ch in ".:/":
        return prev in _DIGITS and nxt in _DIGITS and prev != "" and nxt != ""
    if ch in "%‰":
        return prev != "" and prev in _DIGITS
    if ch == "-":
        return nxt != "" and nxt in _DIGITS
    return False


def _once(s: str) -> str:
    s = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", s).casefold())
    return "".join(ch for i, ch in enumerate(s) if unicodedata.category(ch)[0] not in _DROP or _keep(s, i))


def normalize(s: str) -> str:
    """NFKC (folds full width to half width), case folding, no spaces, no punctuation except
    what changes a number (the decimal point of 1.2, 50%, -5, 1:2, 1/4).

    Idempotent: normalize(normalize(s)) == normalize(s) (applied until it settles).
    """
    for _ in range(16):
        t = _once(s)
        if t == s:
            return t
        s = t
    return s


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F or 0xF900 <= o <= 0xFAFF


def numeric_form(s: str) -> str:
    """The form numbers are read from: normalize, which keeps decimal points and drops
    thousands separators ('1,465.4' -> '1465.4')."""
    return normalize(s)
