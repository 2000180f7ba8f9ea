"""Home: every bank of the library with its counts and source; each action is one key.

The screen renders the app's BankLibrary (quiz.core.banks.library); it reads bank files
through it (small ones at once, large ones in a worker) and never decides which bank is
which itself."""
from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content

from quiz.core.banks.library import Entry, Reading
from quiz.core.model import Bank
from quiz.core.siblings import today
from quiz.core.textsafe import one_line
from quiz.i18n.problems import located_text
from quiz.tui.base import QuizScreen
from quiz.tui.i18n import get_lang, t
from quiz.tui.keys import localize, localize_tree
from quiz.tui.safe import Label
from quiz.tui.widgets.rows import RowTable
from quiz.tui.widgets.wrapped import Wrapped

PROBLEMS_SHOWN = 3
COLUMNS = ("bank", "questions", "due", "new", "missed", "leeches")
SMALL_BANKS = 256 * 1024  # bytes of bank files parsed on the UI thread at start (about 1000 questions, ~30 ms)


def source_line(bank: Bank) -> str:
    src = bank.source
    if src is None:
        return ""
    parts = [p for p in (src.title, src.publisher, src.date) if p]
    return one_line(" · ".join(parts) or (src.file or ""))


class HomeScreen(QuizScreen[None]):
    BINDINGS = [
        Binding("s", "app.study", "action.study"),
        Binding("e", "app.exam", "action.exam"),
        Binding("c", "app.challenge", "action.challenge"),
        Binding("m", "app.missed", "action.missed"),
        Binding("f", "app.flashcards", "action.flashcards"),
        Binding("t", "app.stats", "action.stats"),
        Binding("L", "app.leeches", "action.leeches"),
        Binding("o", "app.settings", "action.settings", show=False),  # in help and the palette
        Binding("l", "app.lang", "action.lang", show=False),  # in help and the palette; the footer is full at 80 columns
        Binding("a", "app.study_ahead", "action.study_ahead", show=False),
        # leaving takes q or ctrl+q: escape here does nothing (after a session, escape, escape went too far)
        Binding("q", "app.quit", "action.quit", show=False),
        Binding("home", "row(0)", show=False, priority=True),
        Binding("end", "row(-1)", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []  # the table's rows, in order
        self.loading = False

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Label(t("app.title") + " · " + t("home.title"), id="home-title", classes="title")
            yield RowTable(id="banks")
            yield Label("", id="loading")
            yield Wrapped("", id="bank-info")

    def on_mount(self) -> None:
        # the bank rows are the useful content: small bank files are read here, so the first frame
        # already shows them (large ones load in a worker while the frame shows the progress line);
        # the footer (many widgets to style) follows right after that frame
        localize(self.app)
        localize_tree(self)
        self.call_after_refresh(self._add_footer)
        self.query_one("#banks", RowTable).focus()
        library = self.app.library
        todo = library.stale()
        self._loading(t("app.loading", done=0, total=len(todo)) if todo else None)
        if not todo:
            self._rebuild()
            if self.app.start_mode and self.entries:  # `quiz study BANK`: its session at once
                self.call_after_refresh(self.app.open_start)
        elif library.bytes_to_read(todo) <= SMALL_BANKS:
            self.loading = True
            self.load_now(todo)  # a few small banks: faster here than a thread's start and GIL waits
        else:
            self._rebuild()
            self.loading = True
            self.load(todo)

    async def _add_footer(self) -> None:
        from textual.widgets import Footer

        await self.mount(Footer())
        localize_tree(self)

    def _loading(self, text: str | None) -> None:
        """The progress line while banks load (hidden when done)."""
        label = self.query_one("#loading", Label)
        label.display = text is not None
        label.update(text or "")

    # ---- reading bank files ----------------------------------------------------------------
    @work(thread=True, exclusive=True, group="load")
    def load(self, paths: list[Path], first: bool = True) -> None:
        """Read `paths` off the UI thread; each result is applied on the UI thread as it comes."""
        total = len(paths)
        if first:
            self.app.call_from_thread(self._loading, t("app.loading", done=0, total=total))
        for i, path in enumerate(paths, 1):
            reading = self.app.library.read(path)
            self.app.call_from_thread(self._loaded, reading, i, total, first)

    def load_now(self, paths: list[Path]) -> None:
        """Read small bank files on the UI thread (the worker is for large ones); the table is built
        once, when all are read (no frame shows the progress in between)."""
        for i, path in enumerate(paths, 1):
            self._loaded(self.app.library.read(path), i, len(paths), progress=False)

    def _loaded(self, reading: Reading, done: int, total: int, first: bool = True, progress: bool = True) -> None:
        self.app.library.apply(reading)
        result = reading.result
        if result is not None:
            errors = [p for p in result.problems if p.severity == "error"]
            if result.bank is not None and not errors:
                self._sync(result.bank)
            else:
                problem = located_text(get_lang(), str(errors[0])) if errors else t("home.unreadable")
                self.notify(t("app.load_failed", problem=one_line(problem)), severity="error", timeout=8,
                            markup=False)
        if done >= total:
            self.loading = False
            self._loading(None)
            self._rebuild()
            if first and self.app.start_mode and self.entries:
                self.call_after_refresh(self.app.open_start)
        elif first and progress:
            self._loading(t("app.loading", done=done, total=total))
            self._rebuild()

    def recheck(self) -> None:
        """Home is shown again: look for new bank files, re-read changed ones, drop deleted ones."""
        if self.loading:
            return
        library = self.app.library
        library.discover()
        changed = library.stale()
        if changed:
            self.loading = True
            self.load(changed, first=False)

    def _sync(self, bank: Bank) -> None:
        try:
            self.app.store.sync_bank(bank)
        except Exception as e:  # a read-only store still lets the learner browse
            self.notify(one_line(e), severity="warning", markup=False)

    # ---- the table ---------------------------------------------------------------------------
    def _rebuild(self) -> None:
        """Rows from the library, the cursor kept on its bank (or its row)."""
        table = self.query_one("#banks", RowTable)
        current, old_row = self.selected_entry(), table.cursor_row
        self.entries = self.app.library.entries()
        for entry in self.entries:
            if entry.bank is not None and entry.path is None:
                self._sync(entry.bank)  # banks given in memory (quiz study BANK, tests)
        table.set_table([t(f"home.col.{key}") for key in COLUMNS], [self._cells(e) for e in self.entries])
        if self.entries:
            same = [i for i, e in enumerate(self.entries) if current is not None and _same(e, current)]
            table.move_cursor(same[0] if same else old_row)
        self._show_selected()

    def _cells(self, entry: Entry) -> list:
        if entry.bank is None:
            return ["⚠ " + one_line(entry.name), t("home.invalid"), "", "", "", ""]
        bank = entry.bank
        if not entry.ok:
            return ["⚠ " + one_line(bank.title), t("home.conflict"), "", "", "", ""]
        try:  # due and new as a study session would hold them today (daily limit, buried siblings)
            c = self.app.store.bank_counts(bank)
            now = today(self.app.store, [bank])
            counts: list = [now.due, now.new, c.missed, c.leeches]
        except Exception:
            counts = ["–"] * 4
        return [one_line(bank.title), len(bank.questions), *counts]

    def refresh_counts(self) -> None:
        table = self.query_one("#banks", RowTable)
        for i, entry in enumerate(self.entries):
            if entry.ok:
                table.set_row(i, self._cells(entry))

    def relabel(self) -> None:
        """After a language switch: rebuild every visible string."""
        self.query_one("#home-title", Label).update(t("app.title") + " · " + t("home.title"))
        table = self.query_one("#banks", RowTable)
        row = table.cursor_row
        self._rebuild()
        table.move_cursor(row)
        localize(self.app)
        localize_tree(self)

    def on_screen_resume(self) -> None:
        if self.query("#banks"):
            self.refresh_counts()
            self._show_selected()
            self.query_one("#banks", RowTable).focus()
            self.recheck()

    def action_row(self, row: int) -> None:
        if self.entries:
            self.query_one("#banks", RowTable).move_cursor(row % len(self.entries))

    def selected_entry(self) -> Entry | None:
        """The entry on the cursor's row."""
        if not self.entries or not self.query("#banks"):
            return None
        row = self.query_one("#banks", RowTable).cursor_row
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def selected(self) -> Bank | None:
        """The bank on the cursor's row, when it can be studied."""
        entry = self.selected_entry()
        return entry.bank if entry is not None and entry.ok else None

    @on(RowTable.Highlighted)
    def _highlighted(self) -> None:
        self._show_selected()

    @on(RowTable.Chosen)
    def _chosen(self) -> None:
        self.app.action_study()

    def _show_selected(self) -> None:
        entry = self.selected_entry()
        info = self.query_one("#bank-info", Wrapped)
        if entry is None:
            info.remove_class("-error")
            info.update(t("home.no_banks") if not self.entries and not self.loading else "")
            return
        if entry.ok and entry.bank is not None:
            self._show_info(entry.bank)
            return
        key = "home.conflict_file" if entry.conflict is not None else "home.invalid_file"
        lines = [t(key, path=one_line(entry.name))]
        lines += [one_line(located_text(get_lang(), p)) for p in entry.problems[:PROBLEMS_SHOWN]]
        if len(entry.problems) > PROBLEMS_SHOWN:
            lines.append(t("home.more_problems", n=len(entry.problems) - PROBLEMS_SHOWN))
        info.update(Content("\n".join(lines)))  # problems quote the bank: data, never markup
        info.add_class("-error")

    def _show_info(self, bank: Bank) -> None:
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


def _same(a: Entry, b: Entry) -> bool:
    """The same library entry across a rebuild: the same file, or the same bank given in memory."""
    if a.path is not None or b.path is not None:
        return a.path == b.path
    return a.bank is not None and b.bank is not None and a.bank.id == b.bank.id


def due_text(due_ms: int, now: datetime, tz: tzinfo | None = None) -> str:
    """When a card falls due, for a person: "today 14:05 (in 3 h)", "tomorrow 09:00 (in 21 h)", "6-18 09:00
    (in 3 days)", in local time (`tz`, else the system's)."""
    when = datetime.fromtimestamp(due_ms / 1000, tz=tz or now.astimezone().tzinfo)
    local_now = now.astimezone(when.tzinfo)
    days = (when.date() - local_now.date()).days
    clock = when.strftime("%H:%M")
    if days <= 0:
        day = t("home.today", time=clock)
    elif days == 1:
        day = t("home.tomorrow", time=clock)
    else:
        day = t("home.on_date", month=when.month, day=when.day, time=clock)
    minutes = max(int((when - local_now).total_seconds() // 60), 0)
    if minutes < 60:
        delta = t("home.in_minutes", n=minutes)
    elif minutes < 48 * 60:
        delta = t("home.in_hours", n=round(minutes / 60))
    else:
        delta = t("home.in_days", n=round(minutes / 1440))
    return t("home.next_due", when=day, delta=delta)
