"""The one way text reaches a widget in quiz's app: literal, never markup, never escape codes.

Textual reads a plain string given to a Label, a Static or a DataTable cell as markup: a bank title
`[@click=app.screenshot('victim.txt','/some/dir')]…[/]` becomes a live link that one click runs
(it replaced a file), `[link=…]` opens a URL, an unbalanced `[` raises MarkupError. Bank text, file
names, paths and error messages (which quote both) are data. So the screens take `Label` and `Static`
from here (and `DataTable` from quiz.tui.safe_table), never from textual.widgets: these never parse
markup and drop control characters and bidi overrides from any string they are given
(tests/test_safe_widgets.py checks that no
module under quiz/tui bypasses them, nor builds Content from markup). `text` and `line` turn any
value into such Content for the widgets that take Content (Wrapped, toasts, the feedback panel).
"""
from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.visual import VisualType
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
