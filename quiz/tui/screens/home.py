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
from quiz.core.textsafe import one_line
from quiz.tui.widgets.wrapped import Wrapped

PROBLEMS_SHOWN = 3
COLUMNS = ("bank", "questions", "due", "new", "missed", "leeches")


SMALL_BANKS = 256 * 1024  # bytes of bank files parsed on the UI thread at start (about 1000 questions, ~30 ms)


def file_stamp(path: Path):
    """(mtime_ns, size) of a bank file, None when it is gone."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


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
        Binding("L", "app.leeches", "action.leeches"),
        Binding("l", "app.lang", "action.lang", show=False),  # in help and the palette; the footer is full at 80 columns
        Binding("escape", "app.quit", "Quit", show=False),
        Binding("home", "row(0)", show=False, priority=True),
        Binding("end", "row(-1)", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.banks: list = []          # the valid banks, in table order (rows 0..len-1)
        self.errors: list = []         # (path, problems) of bank files that do not load: rows after the banks
        self.files: dict = {}          # path -> Bank | problems, for the bank files on disk
        self.stamps: dict = {}         # path -> (mtime_ns, size) when last read
        self.loading = False

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
            self.loading = True
            if sum((file_stamp(p) or (0, 0))[1] for p in paths) <= SMALL_BANKS:
                self.load_now(paths)  # a few small banks: faster here than a thread's start and GIL waits
            else:
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
        if not self.banks and not self.errors:
            self.query_one("#bank-info", Wrapped).update(t("home.no_banks"))

    @work(thread=True, exclusive=True, group="load")
    def load(self, paths: list[Path], first: bool = True) -> None:
        """Parse `paths` off the UI thread; each result is applied on the UI thread as it comes."""
        from quiz.core.banks.loader import load_path

        total = len(paths)
        if first:
            self.app.call_from_thread(self._loading, t("app.loading", done=0, total=total))
        for i, path in enumerate(paths, 1):
            stamp = file_stamp(path)  # before reading: an edit during the read is seen next time
            result = load_path(path) if stamp is not None else None
            self.app.call_from_thread(self._loaded, path, stamp, result, i, total, first)

    def load_now(self, paths: list[Path]) -> None:
        """Parse small bank files on the UI thread (the worker is for large ones)."""
        from quiz.core.banks.loader import load_path

        for i, path in enumerate(paths, 1):
            stamp = file_stamp(path)
            self._loaded(path, stamp, load_path(path) if stamp is not None else None, i, len(paths))

    def _loaded(self, path: Path, stamp, result, done: int, total: int, first: bool = True) -> None:
        self.stamps[path] = stamp
        if result is None:  # deleted meanwhile: the bank leaves home, its history stays in the store
            self.files.pop(path, None)
        else:
            problems = [p for p in result.problems if getattr(p, "severity", "error") == "error"]
            if result.bank is not None and not problems:
                self.files[path] = result.bank
                self._sync(result.bank)
            else:
                problems = problems or [t("home.unreadable")]
                self.files[path] = tuple(problems)
                self.notify(t("app.load_failed", problem=one_line(str(problems[0]))), severity="error",
                            timeout=8, markup=False)
        if done >= total:
            self.loading = False
            self._loading(None)
            self._rebuild()
            if first and self.app.start_mode and self.banks:
                self.app.open_start()
        elif first:
            self._loading(t("app.loading", done=done, total=total))
            self._rebuild()

    def recheck(self) -> None:
        """Home is shown again: re-read every bank file whose mtime or size changed, drop deleted ones."""
        if self.loading or not self.stamps:
            return
        if self.app.bank_dirs:  # bank files added to the folders since the last look
            from quiz.core.banks.library import find_bank_files

            known = set(self.app.bank_paths)
            self.app.bank_paths += [p for p in find_bank_files(self.app.bank_dirs) if p not in known]
        changed = [p for p in self.app.bank_paths if file_stamp(p) != self.stamps.get(p)]
        if changed:
            self.loading = True
            self.load(changed, first=False)

    def _sync(self, bank) -> None:
        try:
            self.app.store.sync_bank(bank)
        except Exception as e:  # a read-only store still lets the learner browse
            self.notify(one_line(e), severity="warning", markup=False)

    def _rebuild(self) -> None:
        """Rows from the given banks and the bank files, valid banks first, cursor kept on its row."""
        table = self.query_one("#banks", DataTable)
        current, old_row = self._row_key(), table.cursor_row
        banks: list = []
        for bank in [*self.app.banks, *(v for v in self.files.values() if not isinstance(v, tuple))]:
            if not any(b.id == bank.id for b in banks):
                banks.append(bank)
        self.banks = banks
        self.errors = [(p, v) for p, v in self.files.items() if isinstance(v, tuple)]
        table.clear()
        for bank in self.banks:
            table.add_row(*self._cells(bank), key=bank.id)
        for path, _problems in self.errors:
            table.add_row(Text("⚠ " + one_line(path.name)), Text(t("home.invalid")), "", "", "", "",
                          key=f"error:{path}")
        keys = [b.id for b in self.banks] + [f"error:{p}" for p, _ in self.errors]
        if keys:
            table.move_cursor(row=keys.index(current) if current in keys else min(max(old_row, 0), len(keys) - 1))
        self._show_selected()
        self._empty_hint()

    def _row_key(self) -> str | None:
        row = self.query_one("#banks", DataTable).cursor_row
        if 0 <= row < len(self.banks):
            return self.banks[row].id
        if 0 <= row - len(self.banks) < len(self.errors):
            return f"error:{self.errors[row - len(self.banks)][0]}"
        return None

    def add_bank(self, bank) -> None:
        if any(b.id == bank.id for b in self.banks):
            return
        self._sync(bank)
        self.banks.append(bank)
        self.query_one("#banks", DataTable).add_row(*self._cells(bank), key=bank.id)
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
        self._rebuild()
        table.move_cursor(row=row)
        localize(self.app)
        localize_tree(self)

    def on_screen_resume(self) -> None:
        if self.query("#banks"):
            self.refresh_counts()
            self._show_selected()
            self.query_one("#banks", DataTable).focus()
            self.recheck()

    def action_row(self, row: int) -> None:
        rows = len(self.banks) + len(self.errors)
        if rows:
            self.query_one("#banks", DataTable).move_cursor(row=row % rows)

    def selected(self):
        """The bank on the cursor's row (None on a bank file with errors)."""
        if not self.banks or not self.query("#banks"):
            return None
        row = max(self.query_one("#banks", DataTable).cursor_row, 0)
        return self.banks[row] if row < len(self.banks) else None

    def selected_problems(self):
        """(path, problems) when the cursor is on a bank file that does not load."""
        if not self.query("#banks"):
            return None
        row = self.query_one("#banks", DataTable).cursor_row - len(self.banks)
        return self.errors[row] if 0 <= row < len(self.errors) else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        bank = self.selected()
        if bank is not None:
            self._show_info(bank)
            return
        broken = self.selected_problems()
        if broken is not None:
            path, problems = broken
            lines = [t("home.invalid_file", path=one_line(path.name))]
            lines += [one_line(str(p)) for p in problems[:PROBLEMS_SHOWN]]
            if len(problems) > PROBLEMS_SHOWN:
                lines.append(t("home.more_problems", n=len(problems) - PROBLEMS_SHOWN))
            info = self.query_one("#bank-info", Wrapped)
            info.update(Content("\n".join(lines)))  # problems quote the bank: data, never markup
            info.add_class("-error")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.action_study()

    def _show_info(self, bank) -> None:
        self.query_one("#bank-info", Wrapped).remove_class("-error")
        text = Content(one_line(bank.title)).stylize("bold")
        if bank.description:
            text = text + Content("\n" + one_line(bank.description))
        src = source_line(bank)
        if src:
            text = text + Content("\n" + t("home.source", source=src))
        best = self.app.challenge_best([bank.id])
        if best:
            text = text + Content("\n" + t("results.challenge_best", n=best))
        self.query_one("#bank-info", Wrapped).update(text)
