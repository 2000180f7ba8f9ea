"""A text widget that wraps Chinese per cell and keeps a label beside its text."""
from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from quiz.tui.safe import text as as_content  # bank strings: literal Content, cleaned of controls
from quiz.tui.widgets.wrap import wrap_spans


class Wrapped(Widget):
    """Static text with CJK-aware wrapping and an optional hanging label ("A. ")."""

    def __init__(self, content: Content | str = "", *, label: Content | str = "",
                 name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._content = as_content(content)
        self._label = as_content(label)
        self._cache: tuple[int, list[Content]] | None = None

    @property
    def text(self) -> str:
        return self._label.plain + self._content.plain

    def update(self, content: Content | str, label: Content | str | None = None) -> None:
        self._content = as_content(content)
        if label is not None:
            self._label = as_content(label)
        self._cache = None
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        if self._cache and self._cache[0] == width:
            return self._cache[1]
        lw = self._label.cell_length
        indent = Content(" " * lw)
        out: list[Content] = []
        for i, (s, e) in enumerate(wrap_spans(self._content.plain, max(1, width - lw))):
            out.append((self._label if i == 0 else indent) + self._content[s:e])
        self._cache = (width, out)
        return out

    def get_content_width(self, container: Size, viewport: Size) -> int:
        widest = max((cell_len(p) for p in self._content.plain.split("\n")), default=0)
        return min(container.width, self._label.cell_length + widest)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.size.width))
