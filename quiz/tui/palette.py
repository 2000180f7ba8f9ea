"""The command palette: the main actions, in the current language."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Provider

from quiz.tui.i18n import t

ACTIONS = [
    ("palette.study", "study"), ("palette.study_ahead", "study_ahead"), ("palette.exam", "exam"),
    ("palette.challenge", "challenge"),
    ("palette.missed", "missed"), ("palette.flashcards", "flashcards"), ("palette.stats", "stats"),
    ("palette.leeches", "leeches"), ("palette.settings", "settings"),
    ("palette.lang", "lang"), ("palette.help", "help"),
]


class QuizCommands(Provider):
    def _run(self, action: str) -> None:
        self.app.call_later(self.app.run_action, action)

    async def discover(self):
        for key, action in ACTIONS:
            yield DiscoveryHit(t(key), partial(self._run, action))

    async def search(self, query: str):
        matcher = self.matcher(query)
        for key, action in ACTIONS:
            text = t(key)
            score = max(matcher.match(text), matcher.match(action))
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._run, action))
