"""A light table of rows with a cursor: home's list of banks.

Home is the first screen, and its rows are what a learner waits for at launch (issue 11: home's bank
rows within 1.3x of a minimal app's first text). textual's DataTable brings a large module, its own
stylesheet and a cell cache sized for thousands of rows; home shows a handful of banks, so this widget
draws its lines itself: a header, one line a row, the cursor's row highlighted, the first column cut
with "…" when the table is wider than the screen (no sideways scrolling). Cells are literal text
(cleaned of controls, never markup: bank titles are data); numbers are right-aligned.
"""
from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from quiz.core.textsafe import one_line

Cell = str | int | float


def cell_text(value: Cell) -> str:
    return one_line(str(value))


class RowMessage(Message):
    """A message about one row of a RowTable (its `control`, for @on selectors)."""

    def __init__(self, table: RowTable, row: int) -> None:
        super().__init__()
        self.table, self.row = table, row

    @property
    def control(self) -> RowTable:
        return self.table


class RowTable(ScrollView, can_focus=True):
    """Rows under a header; up/down (and the mouse) move the cursor, enter chooses its row."""

    BINDINGS = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("enter", "choose", show=False),
    ]
    COMPONENT_CLASSES = {"rows--header", "rows--cursor", "rows--stripe"}
    cursor_row: reactive[int] = reactive(0, always_update=True)

    class Highlighted(RowMessage):
        """The cursor is on another row."""

    class Chosen(RowMessage):
        """Enter (or a click on the cursor's row) chose a row."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._headers: list[str] = []
        self._rows: list[list[Cell]] = []

    # ---- content ---------------------------------------------------------------------------------
    def set_table(self, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
        """Replace the header and every row; the cursor stays on its row number (clamped)."""
        self._headers = [cell_text(h) for h in headers]
        self._rows = [list(r) for r in rows]
        self.virtual_size = Size(0, len(self._rows) + 1)  # no sideways scrolling: the titles give way
        self.refresh(layout=True)
        self.cursor_row = min(max(self.cursor_row, 0), max(len(self._rows) - 1, 0))

    def set_row(self, row: int, cells: Sequence[Cell]) -> None:
        self._rows[row] = list(cells)
        self.refresh()

    def get_row_at(self, row: int) -> list[Cell]:
        return list(self._rows[row])

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def move_cursor(self, row: int) -> None:
        self.cursor_row = min(max(row, 0), max(len(self._rows) - 1, 0))

    # ---- keys and mouse --------------------------------------------------------------------------
    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step * max(self.size.height - 1, 1))

    def action_choose(self) -> None:
        if self._rows:
            self.post_message(self.Chosen(self, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        row = event.y - 1 + int(self.scroll_y)
        if event.y < 1 or not 0 <= row < len(self._rows):
            return
        if row == self.cursor_row:
            self.action_choose()
        else:
            self.move_cursor(row)

    def on_focus(self) -> None:
        self.refresh()  # the cursor's colours follow focus (app.tcss)

    def on_blur(self) -> None:
        self.refresh()

    def watch_cursor_row(self, old: int, row: int) -> None:
        visible = max(self.size.height - 1, 1)
        if row < self.scroll_y:
            self.scroll_to(y=row, animate=False)
        elif row >= self.scroll_y + visible:
            self.scroll_to(y=row - visible + 1, animate=False)
        self.refresh()
        if self._rows:
            self.post_message(self.Highlighted(self, row))

    # ---- drawing ---------------------------------------------------------------------------------
    def _widths(self) -> list[int]:
        widths = [cell_len(h) for h in self._headers]
        for row in self._rows:
            for i, value in enumerate(row[:len(widths)]):
                widths[i] = max(widths[i], cell_len(cell_text(value)))
        return widths

    def _fitted_widths(self, width: int) -> list[int]:
        """Column widths for `width` cells: the first column (the titles) gives way."""
        widths = self._widths()
        if widths:
            over = sum(w + 2 for w in widths) - width
            if over > 0:
                widths[0] = max(widths[0] - over, 4)
        return widths

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y == 0:
            cells: Sequence[Cell] = self._headers
            style = base + self.get_component_rich_style("rows--header")
        else:
            index = y - 1 + int(self.scroll_y)
            if index >= len(self._rows):
                return Strip.blank(width, base)
            cells = self._rows[index]
            style = base
            if index % 2:
                style += self.get_component_rich_style("rows--stripe")
            if index == self.cursor_row:
                style += self.get_component_rich_style("rows--cursor")
        segments = []
        for value, w in zip(cells, self._fitted_widths(width)):
            text = cell_text(value)
            if cell_len(text) > w:
                text = set_cell_size(text, w - 1) + "…"
            pad = " " * (w - cell_len(text))
            text = pad + text if isinstance(value, (int, float)) else text + pad
            segments.append(Segment(f" {text} ", style))
        return Strip(segments).extend_cell_length(width, style).crop(0, width)
