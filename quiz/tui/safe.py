"""The one way text reaches a widget in quiz's app: literal, never markup, never escape codes.

Textual reads a plain string given to a Label, a Static or a DataTable cell as markup: a bank title
`[@click=app.screenshot('victim.txt','/some/dir')]…[/]` becomes a live link that one click runs
(it replaced a file), `[link=…]` opens a URL, an unbalanced `[` raises MarkupError. Bank text, file
names, paths and error messages (which quote both) are data. So the screens take `Label`, `Static`
and `DataTable` from here, never from textual.widgets: these never parse markup and drop control
characters and bidi overrides from any string they are given (tests/test_layers.py checks that no
module under quiz/tui bypasses them, nor builds Content from markup). `text` and `line` turn any
value into such Content for the widgets that take Content (Wrapped, toasts, the feedback panel).
"""
from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.content import Content
from textual.visual import VisualType
from textual.widgets import DataTable as _DataTable
from textual.widgets import Label as _Label
from textual.widgets import Static as _Static

from quiz.core.textsafe import clean, one_line


def text(value: object) -> Content:
    """`value` as literal Content (line breaks kept): a str is cleaned, never read as markup."""
    if isinstance(value, Content):
        return value
    return Content(clean(value))


def line(value: object) -> Content:
    """`value` as literal Content on one line (titles, table cells, one-line messages)."""
    if isinstance(value, Content):
        return value
    return Content(one_line(value))


def plain(value: object) -> str:
    """`value` as a string safe to hand to an API that takes plain text (cleaned of controls)."""
    return clean(value)


def _visual(content: VisualType) -> VisualType:
    return text(content) if isinstance(content, str) else content


def _cell(value: Any) -> Any:
    """A DataTable cell: str is literal Text (the table would read it as markup)."""
    return Text(one_line(value)) if isinstance(value, str) else value


class Static(_Static):
    """textual's Static that never reads markup: a string is shown as written (cleaned of controls)."""

    def __init__(self, content: VisualType = "", **kwargs: Any) -> None:
        kwargs["markup"] = False
        super().__init__(_visual(content), **kwargs)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(_visual(content), layout=layout)


class Label(_Label):
    """textual's Label that never reads markup: a string is shown as written (cleaned of controls)."""

    def __init__(self, content: VisualType = "", **kwargs: Any) -> None:
        kwargs["markup"] = False
        super().__init__(_visual(content), **kwargs)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(_visual(content), layout=layout)


class DataTable(_DataTable):
    """textual's DataTable whose string cells, labels and column headers are literal text."""

    def add_column(self, label: Any, *, width: int | None = None, key: str | None = None,
                   default: Any = None) -> Any:
        return super().add_column(_cell(label), width=width, key=key, default=_cell(default))

    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None, label: Any = None) -> Any:
        return super().add_row(*map(_cell, cells), height=height, key=key, label=_cell(label))

    def update_cell(self, row_key: Any, column_key: Any, value: Any, *, update_width: bool = False) -> None:
        super().update_cell(row_key, column_key, _cell(value), update_width=update_width)
