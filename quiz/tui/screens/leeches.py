"""Leeches of the selected bank: questions failed so often they were suspended. `u` brings one back."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer

from quiz.core.textsafe import one_line
from quiz.tui.base import QuizScreen, screen_css
from quiz.tui.i18n import t
from quiz.tui.keys import localize_tree
from quiz.tui.safe import Label
from quiz.tui.safe_table import DataTable
from quiz.tui.widgets.feedback import answer_text
from quiz.tui.widgets.wrapped import Wrapped


class LeechesScreen(QuizScreen[None]):
    DEFAULT_CSS = screen_css(__file__)

    BINDINGS = [
        Binding("u", "toggle_leech", "action.unsuspend"),
        Binding("escape,q", "app.pop_screen", "action.back"),
    ]

    def __init__(self, bank) -> None:
        super().__init__()
        self.bank = bank
        self.cards: list = []   # CardRow per table row

    def compose(self) -> ComposeResult:
        with Vertical(id="leeches"):
            yield Label(t("leeches.title", bank=one_line(self.bank.title)), classes="title")
            yield Wrapped(t("leeches.about"), id="leeches-about")
            yield DataTable(id="leeches-table", cursor_type="row", zebra_stripes=True)
            yield Wrapped("", id="leeches-empty")
        yield Footer()

    def on_mount(self) -> None:
        localize_tree(self)
        table = self.query_one("#leeches-table", DataTable)
        # the prompt and the answer share what the lapses and status columns leave (long rows are cut)
        room = max(self.app.size.width - 40, 24)
        widths = {"prompt": room * 2 // 3, "answer": room - room * 2 // 3, "lapses": None, "status": None}
        for key, width in widths.items():
            table.add_column(t(f"leeches.col.{key}"), key=key, width=width)
        try:
            self.cards = [c for c in self.app.store.leeches([self.bank.id]) if self.bank.question(c.question_id)]
        except Exception as e:  # an unreadable store: say so, do not crash
            self.query_one("#leeches-empty", Wrapped).update(t("stats.unavailable", why=one_line(e)))
            return
        self.cards.sort(key=lambda c: (not c.st.suspended, -c.st.lapses, c.question_id))
        for card in self.cards:
            q = self.bank.question(card.question_id)
            table.add_row(Text(one_line(q.prompt)), Text(one_line(answer_text(q))),
                          card.st.lapses, self._status(card.st.suspended), key=str(card.id))
        self.query_one("#leeches-empty", Wrapped).update("" if self.cards else t("leeches.none"))
        table.focus()

    @staticmethod
    def _status(suspended: bool) -> str:
        return t("leeches.suspended") if suspended else t("leeches.active")

    def selected(self):
        if not self.cards:
            return None
        row = self.query_one("#leeches-table", DataTable).cursor_row
        return self.cards[row] if 0 <= row < len(self.cards) else None

    def action_toggle_leech(self) -> None:
        """Unsuspend the selected leech (or suspend it again): it comes back in study sessions."""
        card = self.selected()
        if card is None:
            return
        suspend = not self.suspended(card)
        try:
            self.app.store.set_suspended(card.id, suspend)
        except Exception as e:  # read-only, full, damaged: nothing changed
            self.notify(t("leeches.failed", why=one_line(e)), severity="error", markup=False)
            return
        self.query_one("#leeches-table", DataTable).update_cell(str(card.id), "status", self._status(suspend),
                                                                   update_width=True)
        q = self.bank.question(card.question_id)
        key = "leeches.suspended_one" if suspend else "leeches.unsuspended_one"
        self.notify(t(key, prompt=one_line(q.prompt)[:40]), markup=False)

    def suspended(self, card) -> bool:
        row = self.app.store.card(card.id)
        return bool(row.st.suspended) if row is not None else card.st.suspended
