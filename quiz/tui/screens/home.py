"""Home: every bank with its counts and source; each action is one key."""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Label

from quiz.tui.i18n import t
from quiz.tui.keys import localize, localize_tree
from quiz.tui.safe import one_line
from quiz.tui.widgets.wrapped import Wrapped

COLUMNS = ("bank", "questions", "due", "new", "missed", "leeches")


def source_line(bank) -> str:
    src = getattr(bank, "source", None)
    if src is None:
        return ""
    parts = [p for p in (src.title, src.publisher, src.date) if p]
    return one_line(" · ".join(parts) or (src.file or ""))


class HomeScreen(Screen):
    BINDINGS = [
        Binding("s", "app.study", "action.study"),
        Binding("e", "app.exam", "action.exam"),
        Binding("c", "app.challenge", "action.challenge"),
        Binding("m", "app.missed", "action.missed"),
        Binding("f", "app.flashcards", "action.flashcards"),
        Binding("t", "app.stats", "action.stats"),
        Binding("l", "app.lang", "action.lang"),
        Binding("escape", "app.quit", "Quit", show=False),
        Binding("home", "row(0)", show=False, priority=True),
        Binding("end", "row(-1)", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.banks: list = []

    def compose(self):
        with Vertical(id="home"):
            yield Label(t("app.title") + " · " + t("home.title"), id="home-title", classes="title")
            yield Label("", id="loading")
            yield Wrapped("", id="bank-info")

    def on_mount(self) -> None:
        localize(self.app)
        localize_tree(self)
        paths = self.app.bank_paths
        self._loading(t("app.loading", done=0, total=len(paths)) if paths else None)
        # the first frame shows the title and the progress line; the table and the footer
        # (many widgets to style) follow right after it, then the banks are parsed in a worker
        self.call_after_refresh(self._build)

    async def _build(self) -> None:
        from textual.widgets import Footer

        await self.query_one("#home", Vertical).mount(
            DataTable(id="banks", cursor_type="row", zebra_stripes=True), before="#loading")
        await self.mount(Footer())
        self.query_one("#banks", DataTable).focus()
        self._columns()
        for bank in self.app.banks:
            self.add_bank(bank)
        paths = self.app.bank_paths
        if paths:
            self.load(paths)
        else:
            self._empty_hint()
        self.refresh_bindings()
        if self.app.start_mode and self.banks and not paths:
            self.app.open_start()

    def _columns(self) -> None:
        table = self.query_one("#banks", DataTable)
        table.clear(columns=True)
        for key in COLUMNS:
            table.add_column(t(f"home.col.{key}"), key=key)

    def _loading(self, text: str | None) -> None:
        """The progress line while banks load in the worker (hidden when done)."""
        label = self.query_one("#loading", Label)
        label.display = text is not None
        label.update(text or "")

    def _empty_hint(self) -> None:
        if not self.banks:
            self.query_one("#bank-info", Wrapped).update(t("home.no_banks"))

    @work(thread=True, exclusive=True, group="load")
    def load(self, paths: list[Path]) -> None:
        from quiz.core.loader import load_path

        total = len(paths)
        self.app.call_from_thread(self._loading, t("app.loading", done=0, total=total))
        for i, path in enumerate(paths, 1):
            result = load_path(path)
            self.app.call_from_thread(self._loaded, result, i, total)

    def _loaded(self, result, done: int, total: int) -> None:
        problems = [p for p in result.problems if getattr(p, "severity", "error") == "error"]
        if result.bank is not None and not problems:
            self.add_bank(result.bank)
        elif problems:
            self.notify(t("app.load_failed", problem=one_line(str(problems[0]))), severity="error", timeout=8)
        if done >= total:
            self._loading(None)
            self._empty_hint()
            if self.app.start_mode and self.banks:
                self.app.open_start()
        else:
            self._loading(t("app.loading", done=done, total=total))

    def add_bank(self, bank) -> None:
        if any(b.id == bank.id for b in self.banks):
            return
        try:
            self.app.store.sync_bank(bank)
        except Exception as e:  # a read-only store still lets the learner browse
            self.notify(one_line(e), severity="warning", markup=False)
        self.banks.append(bank)
        table = self.query_one("#banks", DataTable)
        table.add_row(*self._cells(bank), key=bank.id)
        if len(self.banks) == 1:
            self._show_info(bank)

    def _cells(self, bank) -> list:
        try:
            c = self.app.store.bank_counts(bank)
            counts = [c.due, c.new, c.missed, c.leeches]
        except Exception:
            counts = ["–"] * 4
        return [Text(one_line(bank.title)), len(bank.questions), *counts]

    def refresh_counts(self) -> None:
        table = self.query_one("#banks", DataTable)
        for bank in self.banks:
            for key, value in zip(COLUMNS[1:], self._cells(bank)[1:]):
                table.update_cell(bank.id, key, value)

    def relabel(self) -> None:
        """After a language switch: rebuild every visible string."""
        self.query_one("#home-title", Label).update(t("app.title") + " · " + t("home.title"))
        table = self.query_one("#banks", DataTable)
        row = table.cursor_row
        self._columns()
        for bank in self.banks:
            table.add_row(*self._cells(bank), key=bank.id)
        if self.banks:
            table.move_cursor(row=min(row, len(self.banks) - 1))
            self._show_info(self.selected())
        self._empty_hint()
        localize(self.app)
        localize_tree(self)

    def on_screen_resume(self) -> None:
        if self.query("#banks"):
            self.refresh_counts()

    def action_row(self, row: int) -> None:
        if self.banks:
            self.query_one("#banks", DataTable).move_cursor(row=row % len(self.banks))

    def selected(self):
        if not self.banks or not self.query("#banks"):
            return None
        row = self.query_one("#banks", DataTable).cursor_row
        return self.banks[min(max(row, 0), len(self.banks) - 1)]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        bank = self.selected()
        if bank is not None:
            self._show_info(bank)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.action_study()

    def _show_info(self, bank) -> None:
        text = Content(one_line(bank.title)).stylize("bold")
        if bank.description:
            text = text + Content("\n" + one_line(bank.description))
        src = source_line(bank)
        if src:
            text = text + Content("\n" + t("home.source", source=src))
        self.query_one("#bank-info", Wrapped).update(text)
