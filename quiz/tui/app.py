"""The Textual app. One factory, `make_app`, serves the CLI and the tests.

Only what the home screen needs is imported here; sessions, stats and dialogs
are imported when first opened, so `quiz` starts about as fast as textual.
"""
from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel

from quiz.core.banks.library import BankLibrary
from quiz.core.model import Bank
from quiz.core.store import Store
from quiz.core.textsafe import one_line
from quiz.tui import i18n
from quiz.tui.palette import QuizCommands
from quiz.tui.safe import plain
from quiz.tui.screens.home import HomeScreen


class QuizApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "学史 Quiz"
    COMMANDS = App.COMMANDS | {QuizCommands}
    BINDINGS = [
        Binding("question_mark", "help", "action.help"),
        Binding("ctrl+q", "quit", "action.quit", show=False, priority=True),
    ]

    def __init__(self, store: Store, clock: Callable[[], datetime], rng: random.Random, library: BankLibrary, *,
                 lang: str | None = None, session_options: dict | None = None, start: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.rng = rng
        self.library = library  # the banks: the app owns the library, its screens render it
        self.session_options = dict(session_options or {})
        self.start_mode = start  # a mode: open that session on the first bank at once
        saved = self._setting("lang")
        self.ui_lang = i18n.set_lang(lang or saved)
        theme = self._setting("theme")
        if theme:
            try:
                self.theme = theme
            except Exception:  # an unknown saved theme: keep the default
                pass
        self.title = i18n.t("app.title")

    # settings live in the store ---------------------------------------------------------
    def _setting(self, key: str):
        try:
            return self.store.get_setting(f"tui.{key}") if self.store is not None else None
        except Exception:
            return None

    def _save_setting(self, key: str, value) -> None:
        try:
            if self.store is not None:
                self.store.set_setting(f"tui.{key}", value)
        except Exception:  # a read-only data dir must not break the UI
            pass

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """A toast. Messages quote bank text and paths: never read as markup, whatever the caller says."""
        super().notify(plain(message), title=plain(title), severity=severity, timeout=timeout, markup=False)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Not reachable by a click or a key: an action that writes a file a name in the text chose.
        (The command palette's Screenshot still saves one, under a fresh dated name.)"""
        self.notify(i18n.t("app.screenshot_palette"))

    def watch_theme(self, theme: str) -> None:
        if self.is_running:
            self._save_setting("theme", theme)

    def get_default_screen(self) -> HomeScreen:
        # home is the app's first screen (not pushed over a blank one): one frame sooner on screen
        return HomeScreen()

    # selection and sessions ----------------------------------------------------------------
    def home(self) -> HomeScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                return screen
        return None

    def selected_banks(self) -> list[Bank]:
        home = self.home()
        bank = home.selected() if home else None
        return [bank] if bank else []

    def challenge_best(self, bank_ids=None) -> int | None:
        """Best challenge run (on `bank_ids`, default all), or None when the store cannot say."""
        from quiz.core.store.stats import best_challenge

        try:
            return best_challenge(self.store, self.clock(), list(bank_ids) if bank_ids else None)
        except Exception:
            return None

    def nothing_selected(self) -> None:
        home = self.home()
        entry = home.selected_entry() if home is not None else None
        self.notify(i18n.t("home.fix_first" if entry is not None else "home.no_banks"), severity="warning",
                    markup=False)

    def new_session(self, banks, mode: str, **options):
        from quiz.core.session import Mode, Session

        opts = {**self.session_options, **options}
        return Session(self.store, banks, Mode(mode), clock=self.clock, rng=self.rng, **opts)

    def start_session(self, banks, mode: str, *, replace: bool = False, question_limit: float | None = None,
                      total_limit: float | None = None, **options) -> None:
        if not banks:
            self.nothing_selected()
            return
        from quiz.tui.screens.session import SessionScreen

        session = self.new_session(banks, mode, **options)
        if session.progress[1] == 0:
            key = "home.no_missed" if mode == "missed" else "home.nothing"
            self.notify(i18n.t(key, bank=" / ".join(one_line(b.title) for b in banks)), markup=False)
            if replace:
                self.pop_screen()
            return
        screen = SessionScreen(session, mode=mode, question_limit=question_limit, total_limit=total_limit)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def open_start(self) -> None:
        """`quiz study BANK [--mode M]`: open that session at once (escape then shows home)."""
        mode, self.start_mode = self.start_mode, None
        if mode:
            opts = {"schedule": False} if mode == "challenge" else {}
            self.start_session(self.selected_banks(), mode, **opts)

    # actions (keys on the home screen and the command palette) -------------------------
    def action_study(self) -> None:
        self.start_session(self.selected_banks(), "study")

    def action_challenge(self) -> None:
        self.start_session(self.selected_banks(), "challenge", schedule=False)

    def action_missed(self) -> None:
        self.start_session(self.selected_banks(), "missed")

    def action_flashcards(self) -> None:
        self.start_session(self.selected_banks(), "flashcards")

    def action_exam(self) -> None:
        banks = self.selected_banks()
        if not banks:
            self.nothing_selected()
            return
        from quiz.tui.screens.exam import ExamSetup

        def chosen(opts: dict | None) -> None:
            if opts:
                self.start_session(banks, "exam", **opts)

        self.push_screen(ExamSetup(banks), chosen)

    def action_stats(self) -> None:
        from quiz.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    def action_leeches(self) -> None:
        banks = self.selected_banks()
        if not banks:
            self.nothing_selected()
            return
        from quiz.tui.screens.leeches import LeechesScreen

        self.push_screen(LeechesScreen(banks[0]))

    def action_help(self) -> None:
        from quiz.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_lang(self) -> None:
        self.ui_lang = i18n.set_lang("en" if self.ui_lang == "zh" else "zh")
        self._save_setting("lang", self.ui_lang)
        self.title = i18n.t("app.title")
        home = self.home()
        if home is not None:
            home.relabel()


def make_app(store: Store, clock: Callable[[], datetime], rng: random.Random, *, banks: Sequence[Bank] = (),
             bank_paths: Sequence[Path] = (), lang: str | None = None, session_options: dict | None = None,
             start: str | None = None, bank_dirs: Sequence[Path] = ()) -> QuizApp:
    """The app over `store`: `banks` are loaded Bank objects, `bank_paths` files read when home opens,
    `bank_dirs` the folders searched again for new bank files whenever home is shown again."""
    library = BankLibrary(banks, bank_paths, bank_dirs)
    return QuizApp(store, clock, rng, library, lang=lang, session_options=session_options, start=start)
