"""Statistics with pictures: a heatmap of the last 6 months, a 30-day forecast, accuracy over time, tables."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer

from quiz.core.textsafe import one_line
from quiz.tui.base import QuizScreen, screen_css
from quiz.tui.i18n import get_lang, t
from quiz.tui.keys import localize_tree
from quiz.tui.safe import Label, Static
from quiz.tui.safe_table import DataTable
from quiz.tui.widgets import charts
from quiz.tui.widgets.wrapped import Wrapped


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


class StatsScreen(QuizScreen[None]):
    DEFAULT_CSS = screen_css(__file__)

    BINDINGS = [Binding("escape,q", "app.pop_screen", "action.back")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="stats"):
            yield Label(t("stats.title"), classes="title")
            yield Wrapped("", id="stats-numbers")
            yield Label(t("stats.heatmap"), classes="section")
            yield Static("", id="stats-heatmap", classes="chart")
            yield Label(t("stats.forecast"), classes="section")
            yield Static("", id="stats-forecast", classes="chart")
            yield Label(t("stats.accuracy"), classes="section")
            yield Static("", id="stats-accuracy", classes="chart")
            yield Label(t("stats.per_bank"), classes="section")
            yield DataTable(id="stats-banks", cursor_type="none", zebra_stripes=True)
            yield Label(t("stats.per_tag"), classes="section")
            yield DataTable(id="stats-tags", cursor_type="none", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        localize_tree(self)
        try:
            self.fill()
        except Exception as e:  # a damaged or unreadable store: say so, do not crash
            self.query_one("#stats-numbers", Wrapped).update(t("stats.unavailable", why=one_line(e)))

    def fill(self) -> None:
        from quiz.core.store import stats

        app = self.app
        store, now = app.store, app.clock()
        banks = app.library.banks()
        ov = stats.overview(store, now)
        counts = [
            (t("stats.reviews"), ov.reviews), (t("stats.due_today"), ov.due_today), (t("stats.new"), ov.new),
            (t("stats.missed"), ov.missed), (t("stats.leeches"), ov.leeches),
            (t("stats.retention"), pct(ov.retention)),
        ]
        runs = [
            (t("stats.streak_days"), ov.streak_days), (t("stats.best_streak_days"), ov.best_streak_days),
            (t("stats.challenge_best"), stats.best_challenge(store, now)),
        ]
        # two lines, so that at 80 columns no label is cut in two
        self.query_one("#stats-numbers", Wrapped).update(
            Content("\n".join("   ".join(f"{k} {v}" for k, v in group) for group in (counts, runs))))
        per_day = stats.reviews_per_day(store, now, 190)
        today = stats.local_day(now, store.day_start_hour, store.tz)
        self.query_one("#stats-heatmap", Static).update(charts.heatmap(per_day, today, zh=get_lang() == "zh"))
        fc = list(ov.forecast)
        labels = ["0"] + [""] * 6 + ["7"] + [""] * 6 + ["14"] + [""] * 6 + ["21"] + [""] * 6 + ["28"]
        self.query_one("#stats-forecast", Static).update(charts.bars(fc, height=5, labels=labels[:len(fc)]))
        acc = stats.weekly_accuracy(store, now)
        acc_labels = [""] * len(acc)
        acc_labels[0], acc_labels[-1] = f"-{len(acc) - 1}w", "0"
        self.query_one("#stats-accuracy", Static).update(
            charts.bars([(a or 0) * 100 for a in acc], height=5, width=3, top=100, style="green", labels=acc_labels))
        titles = {b.id: b.title for b in banks}
        table = self.query_one("#stats-banks", DataTable)
        table.add_columns(t("home.col.bank"), t("results.right"), t("results.accuracy"))
        for bid, (right, n) in sorted(stats.accuracy_by_bank(store).items()):
            table.add_row(Text(one_line(titles.get(bid, bid))), f"{right}/{n}", pct(right / n if n else None))
        tags = self.query_one("#stats-tags", DataTable)
        tags.add_columns(t("results.tag"), t("results.right"), t("results.accuracy"))
        for tag, (right, n) in stats.accuracy_by_tag(store, banks).items():
            tags.add_row(Text(one_line(tag)), f"{right}/{n}", pct(right / n if n else None))
