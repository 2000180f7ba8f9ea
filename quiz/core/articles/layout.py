"""Text in the layout the generator reads: one paragraph or heading a line, the title lines
first; lines of one paragraph joined the way Chinese is written (no space between a line's
last character and the next line's first, but between two words of Latin script)."""
from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable, Iterator

_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_LATIN_END = re.compile(r"(?:^|\s)[A-Za-z0-9][A-Za-z0-9'’.,:;!?%)\]-]*$")  # a whole Latin word ends the line
_LATIN_START = re.compile(r"^[A-Za-z0-9(\[]")
_LETTER = re.compile(r"[A-Za-z]")


def line_text(s: str) -> str:
    """One line of a paragraph: ends trimmed, control characters gone, inner spaces kept as one."""
    s = "".join(c for c in s if c >= " " or c == "\t")
    return _SPACES.sub(lambda m: "\u3000" if m.group(0).startswith("\u3000") else " ", s).strip(" \t\u00a0\u3000")


def join_lines(lines: Iterable[str]) -> str:
    """The lines of one paragraph as one line. A space goes between two lines only where a word
    of Latin script ends one line and another starts the next (`the` / `Party`); Chinese,
    numbers cut inside Chinese (`占地27` / `00平方米`) and a hyphenated word join without one. A space
    that ends or starts a line is kept."""
    out = ""
    spaced = False  # the line before ended with a space: the writer put one there
    for raw in lines:
        ln = line_text(raw)
        if not ln:
            continue
        end = _LATIN_END.search(out) if out and not out.endswith("-") else None
        words = end is not None and _LATIN_START.match(ln) and (_LETTER.search(end.group(0)) or _LETTER.match(ln))
        if out and (spaced or words or raw[:1] == " "):
            out += " "
        out += ln
        spaced = raw.rstrip("\r\n").endswith(" ")
    return out


def compose(title: Iterable[str], blocks: Iterable[str]) -> str:
    """The article text: title lines, a blank line, one block (paragraph or heading) a line."""
    head = [t for t in (line_text(x) for x in title) if t]
    body = [b for b in (line_text(x) for x in blocks) if b]
    return "\n".join(head) + ("\n\n" if head else "") + "\n".join(body) + "\n"


# Names Word, WPS and PDF tools put in the author property when nobody typed one: not a byline.
_NO_AUTHOR = re.compile(r"^(?:administrator|admin|user|owner|microsoft.*|python-docx|unknown|author|\(anonymous\)|"
                        r"untitled|无标题|作者|用户|"
                        r"微软用户|微软中国|lenovo|dell|hp|pc|\d+)$", re.I)


def generic_author(name: str) -> bool:
    """The author (or title) property holds a placeholder (the computer's account name, a
    library's default), not a byline."""
    return bool(_NO_AUTHOR.match(name.strip()))


@contextlib.contextmanager
def quiet_log(name: str) -> Iterator[None]:
    """Silence the named library logger for a while: readers log their guesses and repairs, and the
    person needs only quiz's own message."""
    log = logging.getLogger(name)
    level, log.level = log.level, logging.CRITICAL
    try:
        yield
    finally:
        log.setLevel(level)
