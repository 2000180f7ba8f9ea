"""The characters the generator reads by: Chinese characters, the quote and bracket marks a clause
does not break inside, and where a text prints an answer (a number only as a whole number)."""
from __future__ import annotations

import re

OPEN_MARKS = "“‘（《「『"
CLOSE_MARKS = "”’）》」』"

_DIGIT_EDGE = re.compile(r"[0-9.]")


def shows_in(answer: str, text: str) -> bool:
    """Does `text` print `answer` (a number only as a whole number: 12 is not in 122)?"""
    start = 0
    while True:
        i = text.find(answer, start)
        if i < 0:
            return False
        before = text[i - 1] if i else ""
        j = i + len(answer)
        after = text[j] if j < len(text) else ""
        edge = (answer[0].isdigit() and bool(_DIGIT_EDGE.match(before or "x"))) or \
               (answer[-1].isdigit() and bool(_DIGIT_EDGE.match(after or "x")))
        if not edge:
            return True
        start = i + 1


def han(c: str) -> bool:
    """A Chinese character of the basic block (what the generator counts as words of a clause)."""
    return "\u4e00" <= c <= "\u9fff"


def han_count(s: str) -> int:
    """How many basic-block Chinese characters `s` holds."""
    return sum(1 for c in s if "\u4e00" <= c <= "\u9fff")
