"""The Fact: one thing an article states, found at a span of one sentence."""
from __future__ import annotations

from dataclasses import dataclass

from quiz.core.generate.dates import DateForm
from quiz.core.generate.numbers import Figure
from quiz.core.generate.text import Sentence

KINDS = ("date", "figure", "slogan", "name", "person", "role", "org", "place", "list")


@dataclass(frozen=True, slots=True)
class Fact:
    kind: str
    text: str                      # verbatim span of the sentence (the answer)
    start: int                     # span in the sentence
    end: int
    sentence: Sentence
    items: tuple[str, ...] = ()    # list / parallel slogans: the items
    parallel: bool = False         # list whose items are parallel slogans (order question)
    key: tuple = ()                # comparison key for distractor exclusion (e.g. (unit, value))
    form: DateForm | tuple[Figure, ...] | None = None   # a date's or a figure's surface form
    person: str = ""               # role facts: the person; person facts: the role
    role: str = ""

    @property
    def norm_text(self) -> str:
        return self.sentence.norm[self.start:self.end]

    @property
    def date(self) -> DateForm:
        """The parsed form of a date fact."""
        assert isinstance(self.form, DateForm), self.kind
        return self.form

    @property
    def figures(self) -> tuple[Figure, ...]:
        """The parsed numbers of a figure fact (13类40项122条: three)."""
        assert isinstance(self.form, tuple), self.kind
        return self.form
