"""Typed access to the app from screens and widgets: `self.app` is a QuizApp, not any App."""
from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp

ResultT = TypeVar("ResultT")


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
