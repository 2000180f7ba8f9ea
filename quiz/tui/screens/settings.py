"""The study settings (desired retention, day start, new cards per day, maximum interval, leech
threshold): typed, checked by quiz.core.settings, saved to the store. Reached from home (o) and
the command palette; the same settings as `quiz config`."""
from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalGroup, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Input

from quiz.core import settings
from quiz.core.settings import SettingError
from quiz.core.store.db import StoreError
from quiz.core.textsafe import one_line
from quiz.tui.base import QuizScreen, screen_css
from quiz.tui.i18n import t
from quiz.tui.keys import localize_tree
from quiz.tui.safe import Label
from quiz.tui.widgets.wrapped import Wrapped


def error_text(e: SettingError) -> str:
    """What is wrong with a typed value, in the app's language (shown under its field, so without its name)."""
    s = e.setting
    if s is None:
        return t("settings.error.unknown", key=e.key, keys=", ".join(settings.SETTINGS))
    return t(f"settings.field.{e.reason.value}", value=one_line(e.value), range=s.range_text)


class SettingsScreen(QuizScreen[None]):
    DEFAULT_CSS = screen_css(__file__)

    BINDINGS = [
        Binding("escape", "cancel", "action.back"),
        Binding("ctrl+s", "save", "action.save", priority=True),
    ]

    def compose(self) -> ComposeResult:
        prefs = self.app.store.prefs
        with VerticalScroll(id="settings"):
            yield Label(t("settings.title"), classes="title")
            yield Label(t("settings.about"), id="settings-about")
            for s, value in prefs.items():
                with VerticalGroup(classes="setting"):
                    with Horizontal(classes="setting-row"):
                        yield Label(t(f"settings.{s.key}"), classes="setting-name")
                        yield Input(s.text(value), id=f"set-{s.key}", classes="setting-input")
                        yield Label(t("settings.range", range=s.range_text, default=s.text(s.default)),
                                    classes="setting-range")
                    yield Wrapped("", id=f"err-{s.key}", classes="setting-error")
            with Horizontal(id="settings-buttons"):
                yield Button(t("action.save"), variant="primary", id="settings-save")
                yield Button(t("action.cancel"), id="settings-cancel")
        yield Footer()

    def on_mount(self) -> None:
        for s in settings.SETTINGS.values():
            self.query_one(f"#err-{s.key}", Wrapped).display = False
        localize_tree(self)
        self.query_one(f"#set-{next(iter(settings.SETTINGS))}", Input).focus()

    def values(self) -> dict[str, float | int] | None:
        """Every typed value, checked; None (with each wrong field marked) when one is wrong."""
        out: dict[str, float | int] = {}
        for s in settings.SETTINGS.values():
            field = self.query_one(f"#set-{s.key}", Input)
            error = self.query_one(f"#err-{s.key}", Wrapped)
            try:
                out[s.key] = settings.parse(s.key, field.value)
            except SettingError as e:
                error.update(Content(error_text(e)))  # the typed text is data, never markup
                error.display = True
                field.add_class("-invalid")
                continue
            error.display = False
            field.remove_class("-invalid")
        return out if len(out) == len(settings.SETTINGS) else None

    def action_save(self) -> None:
        values = self.values()
        if values is None:
            self.notify(t("settings.fix"), severity="error", markup=False)
            return
        store = self.app.store
        changed = {k: v for k, v in values.items() if v != store.prefs.value(k)}
        try:
            store.set_settings(changed)  # one transaction: all or none
        except StoreError as e:
            self.notify(t("settings.not_saved", why=one_line(e)), severity="error", timeout=10, markup=False)
            return
        self.notify(t("settings.saved" if changed else "settings.unchanged"), markup=False)
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#settings-save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#settings-cancel")
    def _cancel(self) -> None:
        self.action_cancel()
