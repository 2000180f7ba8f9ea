"""The Fact: one thing an article states, found at a span of one sentence."""
from __future__ import annotations

from dataclasses import dataclass

KINDS = ("date", "figure", "slogan", "name", "person", "role", "org", "place", "list")
KIND_ZH = {"date": "时间", "figure": "数字", "slogan": "提法", "name": "名称", "person": "人物",
           "role": "职务", "org": "机构", "place": "地点", "list": "列举"}


@dataclass(frozen=True, slots=True)
class Fact:
    kind: str
    text: str                      # verbatim span of the sentence (the answer)
    start: int                     # span in the sentence
    end: int
    sentence: object               # text.Sentence
    items: tuple[str, ...] = ()    # list / parallel slogans: the items
    parallel: bool = False         # list whose items are parallel slogans (order question)
    key: tuple = ()                # comparison key for distractor exclusion (e.g. (unit, value))
    form: object = None            # figure / date surface form (numbers.Figure, dates.DateForm)
    person: str = ""               # role facts: the person; person facts: the role
    role: str = ""

    @property
    def norm_text(self) -> str:
        return self.sentence.norm[self.start:self.end]
