"""Typed access to the app from screens and widgets: `self.app` is a QuizApp, not any App."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp

ResultT = TypeVar("ResultT")


def screen_css(module_file: str) -> str:
    """The styles of a screen: the .tcss file beside its module, given to the screen class as its
    DEFAULT_CSS so textual parses it when the screen is first shown, not before home's first frame
    (app.tcss holds the styles of the whole app and of home). Scoped to the screen's type."""
    return Path(module_file).with_suffix(".tcss").read_text(encoding="utf-8")


class QuizScreen(Screen[ResultT], Generic[ResultT]):
    """A screen of quiz's app."""

    @property
    def app(self) -> QuizApp:  # type: ignore[override]
        return cast("QuizApp", super().app)


class QuizModal(ModalScreen[ResultT], Generic[ResultT]):
    """A dialog of quiz's app."""

    @property
    def app(self) -> QuizApp:  # type: ignore[override]
        return cast("QuizApp", super().app)
