"""The app's DataTable (stats, leeches, results): string cells, labels and headers are literal text.

Kept apart from quiz.tui.safe so that home, the first screen, never loads textual's DataTable module
and its stylesheet (home draws its rows with quiz.tui.widgets.rows)."""
from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable as _DataTable

from quiz.core.textsafe import one_line


def _cell(value: Any) -> Any:
    """A DataTable cell: str is literal Text (the table would read it as markup)."""
    return Text(one_line(value)) if isinstance(value, str) else value


class DataTable(_DataTable):
    """textual's DataTable whose string cells, labels and column headers are literal text."""

    def add_column(self, label: Any, *, width: int | None = None, key: str | None = None,
                   default: Any = None) -> Any:
        return super().add_column(_cell(label), width=width, key=key, default=_cell(default))

    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None, label: Any = None) -> Any:
        return super().add_row(*map(_cell, cells), height=height, key=key, label=_cell(label))

    def update_cell(self, row_key: Any, column_key: Any, value: Any, *, update_width: bool = False) -> None:
        super().update_cell(row_key, column_key, _cell(value), update_width=update_width)
