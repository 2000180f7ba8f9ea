"""Subtitles that restate the body: ask a fact where the body tells it.

A report often puts a short line over each part (千秋街道园林社区开展“听爷爷讲红色故事”主题宣讲活动)
and then tells the same event in full (4月20日上午，园林社区联合党委在城市书房开展“听爷爷讲红色故
事”主题宣讲活动…). Both give the same question; asked from the line, the fact is taken and the
body sentence, with the day and the people, is never asked. A line of its own, short and without
a full stop, whose answer a body sentence also prints, ranks a little lower: the body's question
comes first, and the line still asks what only it says.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from quiz.core.generate.candidates import Candidate
from quiz.core.generate.text import Sentence

RESTATED = 0.1    # how much lower a subtitle's question ranks when the body prints its answer
_LONGEST = 40     # a subtitle is a short line
_ENDS = "。！？!?…；;”\"）)"


def subtitles(sentences: tuple[Sentence, ...] | list[Sentence]) -> set[int]:
    """Indexes of the sentences that are a paragraph of their own, short, without a full stop."""
    per_paragraph = Counter(s.paragraph for s in sentences)
    return {s.index for s in sentences
            if per_paragraph[s.paragraph] == 1 and len(s.text) <= _LONGEST and s.text.rstrip()[-1:] not in _ENDS}


def ask_in_body(cands: list[Candidate], sentences: tuple[Sentence, ...] | list[Sentence]) -> list[Candidate]:
    """The candidates, those of a subtitle whose answer a body sentence prints ranked lower."""
    subs = subtitles(sentences)
    if not subs:
        return cands
    body = "\n".join(s.text for s in sentences if s.index not in subs)
    out = []
    for c in cands:
        if c.sentence in subs and c.shows and all(len(a) >= 2 and a in body for a in c.shows):
            c = replace(c, score=round(max(0.0, c.score - RESTATED), 2))
        out.append(c)
    return out
