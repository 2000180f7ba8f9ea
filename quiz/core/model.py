"""The domain model: small frozen dataclasses, no behaviour beyond trivial helpers."""
from __future__ import annotations

from dataclasses import dataclass, field

from quiz.core.qtype import QUESTION_TYPES, QuestionType

__all__ = ["QUESTION_TYPES", "Bank", "LoadResult", "Problem", "Question", "QuestionType", "Source"]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a bank came from (an article)."""

    file: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Question:
    """One question of a bank.

    `answers` holds every accepted correct answer text:
      choice    -> (the right option,) + accept
      multi     -> the right options, in the order of `choices`
      truefalse -> ("true",) or ("false",)
      fill      -> (answer, *accept)
      order     -> the items in their right order
      card      -> (back,)
    `choices` holds the options shown (choice, multi), the items (order, in the
    right order, the UI shuffles them) and is empty for the other types.
    For `card`, `prompt` is the front.
    """

    id: str
    type: QuestionType
    prompt: str
    answers: tuple[str, ...]
    choices: tuple[str, ...] = ()
    explanation: str | None = None
    source: str | None = None
    hint: str | None = None
    tags: tuple[str, ...] = ()
    group: str | None = None  # siblings: questions of one group (else of one source sentence)
    shuffle: bool | None = None  # options in a fresh order (None: as the bank says, else yes)
    line: int = field(default=0, compare=False)  # 1-based line in its file (0 when unknown)
    score: float | None = None   # generated banks: how much the generator wanted it asked (0-1)

    def __post_init__(self) -> None:
        if not isinstance(self.type, QuestionType):  # a plain string from a caller: the enum, or ValueError
            object.__setattr__(self, "type", QuestionType(self.type))

    @property
    def answer(self) -> str:
        """The main right answer (first of `answers`)."""
        return self.answers[0] if self.answers else ""


@dataclass(frozen=True, slots=True)
class Bank:
    id: str
    title: str
    questions: tuple[Question, ...] = ()
    description: str | None = None
    language: str = "zh"
    source: Source | None = None
    tags: tuple[str, ...] = ()
    shuffle: bool | None = None  # `shuffle:` of the bank header (each question already holds the result)
    path: str | None = field(default=None, compare=False)

    def question(self, qid: str) -> Question | None:
        for q in self.questions:
            if q.id == qid:
                return q
        return None


@dataclass(frozen=True, slots=True)
class Problem:
    """A located problem in a bank file: printed as path:line:col: message."""

    path: str
    line: int
    col: int
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        sev = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}:{self.col}: {sev}{self.message}"


@dataclass(frozen=True, slots=True)
class LoadResult:
    bank: Bank | None
    problems: tuple[Problem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.bank is not None and not any(p.severity == "error" for p in self.problems)
