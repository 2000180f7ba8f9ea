"""Line breaking that treats each CJK character as a break opportunity.

Textual wraps at spaces; a Chinese run has none, so it is one "word" and a label
such as "A." ends up alone on its line. Here every wide character may start a
new line (except closing punctuation, which stays with what precedes it, and
opening punctuation, which stays with what follows), Latin words stay whole
unless longer than the line, and a hanging indent keeps labels beside text.
"""
from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size

_NO_START = set("，。、；：？！）》」』〉】〕”’…·%,.;:!?)]}》")
_NO_END = set("（《「『〈【〔“‘([{")


def _units(text: str) -> list[tuple[int, int]]:
    """Unbreakable pieces of a single line as (start, end) offsets; spaces are their own units."""
    units: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for i in range(1, n + 1):
        if i == n:
            units.append((start, i))
            break
        prev, ch = text[i - 1], text[i]
        if ch in _NO_START or prev in _NO_END:
            continue
        breakable = (
            prev.isspace() != ch.isspace()
            or get_character_cell_size(ch) == 2
            or get_character_cell_size(prev) == 2
        )
        if breakable:
            units.append((start, i))
            start = i
    return [u for u in units if u[0] < u[1]]


def _fold(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Split text[start:end] into pieces of at most `width` cells (a wide char counts 2)."""
    pieces = []
    cells = 0
    s = start
    for i in range(start, end):
        w = get_character_cell_size(text[i])
        if cells + w > width and i > s:
            pieces.append((s, i))
            s, cells = i, 0
        cells += w
    pieces.append((s, end))
    return pieces


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of each line of `text` wrapped to `width` cells.

    Explicit newlines end a line; spaces at a break are dropped.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n"):
        line_start: int | None = None
        line_end = 0
        cells = 0
        for us, ue in _units(para):
            piece = para[us:ue]
            w = cell_len(piece)
            if piece.isspace():
                if line_start is not None:
                    cells += w
                continue
            if line_start is not None and cells + w <= width:
                line_end = ue
                cells += w
                continue
            if line_start is not None:
                lines.append((offset + line_start, offset + line_end))
                line_start = None
            for fs, fe in _fold(para, us, ue, width):
                if line_start is not None:
                    lines.append((offset + line_start, offset + line_end))
                line_start, line_end, cells = fs, fe, cell_len(para[fs:fe])
        if line_start is None:
            lines.append((offset + len(para), offset + len(para)))
        else:
            lines.append((offset + line_start, offset + line_end))
        offset += len(para) + 1
    return lines


def wrap_lines(text: str, width: int) -> list[str]:
    return [text[s:e] for s, e in wrap_spans(text, width)]
