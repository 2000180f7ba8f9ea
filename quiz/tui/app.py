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

    def on_mount(self) -> None:
        self.warn_bad_settings()

    def warn_bad_settings(self) -> None:
        """A stored setting that could not be used (its default is): say which, and how to fix it."""
        prefs = getattr(self.store, "prefs", None)
        for p in prefs.problems if prefs is not None else ():
            self.notify(i18n.t("settings.bad_stored", key=p.key, stored=p.stored, default=p.default),
                        severity="warning", timeout=10, markup=False)

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
            self.notify(self.nothing_to_do(banks, mode, ahead=bool(options.get("ahead"))), markup=False,
                        timeout=10)
            if replace:
                self.pop_screen()
            return
        screen = SessionScreen(session, mode=mode, question_limit=question_limit, total_limit=total_limit)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def nothing_to_do(self, banks, mode: str, *, ahead: bool = False) -> str:
        """Why a session would be empty, and what the learner can do: when the next card falls due,
        how many siblings wait for tomorrow, and the key that studies ahead."""
        if mode == "missed":
            return i18n.t("home.no_missed")
        text = i18n.t("home.nothing", bank=" / ".join(one_line(b.title) for b in banks))
        if mode not in ("study", "flashcards") or ahead:
            return text
        from quiz.core.siblings import today
        from quiz.tui.screens.home import due_text

        try:
            now = today(self.store, banks)
        except Exception:  # a store that cannot say: the plain message
            return text
        parts = [text]
        if now.held:
            parts.append(i18n.t("home.held", n=now.held))
        if now.next_due is not None:
            parts.append(due_text(now.next_due, self.clock(), self.store.tz))
        parts.append(i18n.t("home.study_ahead_hint"))
        return "\n".join(parts)

    def open_start(self) -> None:
        """`quiz study BANK [--mode M]`: open that session at once (escape then shows home)."""
        mode, self.start_mode = self.start_mode, None
        if mode:
            self.start_session(self.selected_banks(), mode)

    # actions (keys on the home screen and the command palette) -------------------------
    def action_study(self) -> None:
        self.start_session(self.selected_banks(), "study")

    def action_study_ahead(self) -> None:
        """Nothing due: the cards due soonest, then new ones past today's limit (Anki's custom study)."""
        self.start_session(self.selected_banks(), "study", ahead=True)

    def action_challenge(self) -> None:
        self.start_session(self.selected_banks(), "challenge")  # a challenge does not schedule (Mode.schedules)

    def action_missed(self) -> None:
        self.start_session(self.selected_banks(), "missed")

    def action_flashcards(self) -> None:
        self.start_session(self.selected_banks(), "flashcards")

    def action_exam(self) -> None:
        banks = self.selected_banks()
        if not banks:
            self.nothing_selected()
            return
        from quiz.core.session import Mode
        from quiz.tui.screens.exam import ExamSetup

        def chosen(opts: dict | None) -> None:
            if opts:
                self.start_session(banks, "exam", **opts)

        schedule = self.session_options.get("schedule", Mode.EXAM.schedules)  # --schedule, else the mode's rule
        self.push_screen(ExamSetup(banks, schedule=schedule), chosen)

    def action_settings(self) -> None:
        from quiz.tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

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
    from quiz.core.banks.cache import cache_dir

    # parsed banks are kept beside the database (an unchanged bank file is not parsed again)
    cache = cache_dir(Path(store.path).parent) if store is not None and store.path != ":memory:" else None
    library = BankLibrary(banks, bank_paths, bank_dirs, cache=cache)
    return QuizApp(store, clock, rng, library, lang=lang, session_options=session_options, start=start)
