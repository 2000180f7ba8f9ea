"""Hints that help without giving the answer away, as 学习强国's 查看提示: the source passage with
the answer masked, one □ per masked character.

A hint is offered only when it is honest and adds something:
- the author's own `hint`, unless it merely repeats the prompt;
- else the source with every answer text masked, when an answer text was found in it (a
  passage where nothing was masked could state the answer in another form) and the result is
  not the prompt itself;
- a true/false statement has no span to mask: its source decides it. Its hint is the
  surrounding context with every clause that shares wording with the statement cut out
  ("……"), and no hint when too little context is left.
"""
from __future__ import annotations

import re

from quiz.core.answers.normalize import normalize
from quiz.core.model import Question
from quiz.core.qtype import BLANK, QuestionType, answer_facts
from quiz.core.textsafe import clean

MASK = "□"
CUT = "……"
MIN_CONTEXT = 6  # letters or characters of context a true/false hint must keep to be worth showing

# A clause: text between punctuation (Chinese and Western), quotes and brackets included as breaks.
_CLAUSE = re.compile(r"[^，。；：！？、,.;:!?“”‘’「」『』《》（）()\[\]【】\s]+")


def masked(sentence: str, facts: list[str]) -> tuple[str, int]:
    """`sentence` with each occurrence of each fact replaced by one □ per character, and how many
    occurrences were masked (longest facts first, so 学史增信 is masked before 增信)."""
    text = clean(sentence)
    count = 0
    for fact in sorted({clean(f).strip() for f in facts if f and f.strip()}, key=len, reverse=True):
        if fact in text:
            count += text.count(fact)
            text = text.replace(fact, MASK * len(fact))
    return text, count


def _bigrams(text: str) -> set[str]:
    s = normalize(text)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def statement_context(source: str, statement: str) -> str:
    """The source of a true/false statement without the clauses that decide it: each clause sharing
    any two characters in a row with the statement becomes "……". "" when less than MIN_CONTEXT
    characters of context are left."""
    text = clean(source)
    said = _bigrams(statement)
    parts: list[str] = []
    pos = kept = 0
    for m in _CLAUSE.finditer(text):
        parts.append(text[pos:m.start()])
        clause = m.group(0)
        if _bigrams(clause) & said or normalize(clause) in normalize(statement):
            parts.append(CUT)
        else:
            parts.append(clause)
            kept += len(normalize(clause))
        pos = m.end()
    parts.append(text[pos:])
    if kept < MIN_CONTEXT:
        return ""
    # cut clauses next to each other (with only punctuation between them) read as one cut
    return _CUTS.sub(CUT, "".join(parts))


_CUTS = re.compile(rf"{CUT}(?:[^\w{MASK}]*{CUT})+")


def _repeats(hint: str, prompt: str) -> bool:
    """The hint says nothing the prompt does not (blanks and masks aside)."""
    def bare(s: str) -> str:
        return normalize(s.replace(BLANK, "").replace(MASK, "").replace("_", ""))
    return bare(hint) == bare(prompt)


def hint_for(question: Question) -> str:
    """The hint of `question`, "" when it has none that is honest and adds something."""
    q = question
    if q.hint:
        return "" if normalize(q.hint) == normalize(q.prompt) else q.hint
    if not q.source:
        return ""
    if q.type is QuestionType.TRUEFALSE:
        return statement_context(q.source, q.prompt)
    text, found = masked(q.source, answer_facts(q))
    if not found or text == clean(q.prompt) or (q.type is not QuestionType.FILL and _repeats(text, q.prompt)):
        return ""
    return text
