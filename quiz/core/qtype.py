"""What each question type means: the one home of the per-type rules.

The checker, the session engine, the app, plain mode and the exchange formats ask this
module what a type's right answer looks like, what an empty ("don't know") response is,
which shown options are right or wrong, and which words mean true and false. Nothing
outside `quiz.core` compares a question's type with a string.
"""
from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.core.model import Question

BLANK = "____"  # what a cloze blank looks like in Question.prompt
MULTI_JOIN = "、"  # how the options of a multiple choice are listed
ORDER_JOIN = " → "  # how the items of an ordering question are listed

# Words a learner (or an imported file) may use for true and false. Plain mode shows true as
# option 1 and false as option 2, so "1"/"2" are here too; "0" is false as in most tools.
TRUE_WORDS = frozenset({"true", "t", "y", "yes", "1", "对", "是", "正确", "√", "✓"})
FALSE_WORDS = frozenset({"false", "f", "n", "no", "0", "2", "x", "错", "否", "错误", "×", "✗"})
TRUE, FALSE = "true", "false"  # Question.answers of a truefalse question


class QuestionType(StrEnum):
    """The closed set of question types of the bank format."""

    CHOICE = "choice"
    MULTI = "multi"
    TRUEFALSE = "truefalse"
    FILL = "fill"
    ORDER = "order"
    CARD = "card"

    @property
    def picks_options(self) -> bool:
        """Options are shown and picked (one for choice, several for multi)."""
        return self in (QuestionType.CHOICE, QuestionType.MULTI)

    @property
    def typed(self) -> bool:
        """The learner types the answer."""
        return self is QuestionType.FILL

    @property
    def self_graded(self) -> bool:
        """The learner grades themself (a card: front, then back)."""
        return self is QuestionType.CARD

    @property
    def arranges(self) -> bool:
        """The learner puts items in order."""
        return self is QuestionType.ORDER


QUESTION_TYPES: tuple[str, ...] = tuple(t.value for t in QuestionType)


def parse_bool(value: Any) -> bool | None:
    """True, False, or None for a value that names neither (`对`, `y`, `false`, a bool...)."""
    if isinstance(value, bool):
        return value
    if not isinstance(value, str):
        return None
    from quiz.core.answers.normalize import normalize

    word = normalize(value) or value.strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def bool_answer(value: bool) -> str:
    """The stored answer of a truefalse question."""
    return TRUE if value else FALSE


def is_true(question: Question) -> bool:
    """A truefalse question whose statement is true."""
    return question.answer == TRUE


def joiner(qtype: QuestionType) -> str:
    return ORDER_JOIN if qtype is QuestionType.ORDER else MULTI_JOIN


def expected_text(question: Question, true_word: str = "对", false_word: str = "错") -> str:
    """The right answer as shown to the learner (true/false in the learner's words)."""
    qt = question.type
    if qt is QuestionType.TRUEFALSE:
        return true_word if is_true(question) else false_word
    if qt in (QuestionType.MULTI, QuestionType.ORDER):
        return joiner(qt).join(question.answers)
    return question.answer


def response_text(question: Question, response: Any, true_word: str = "对", false_word: str = "错") -> str:
    """A learner's response as text (what they picked, typed or arranged)."""
    if question.type is QuestionType.TRUEFALSE:
        b = parse_bool(response)
        return "" if b is None else (true_word if b else false_word)
    if isinstance(response, str):
        return response
    if isinstance(response, Iterable):
        return joiner(question.type).join(str(r) for r in response)
    return "" if response is None else str(response)


def empty_response(question: Question) -> Any:
    """The response of a learner who gives none ("don't know", time out): never right."""
    qt = question.type
    if qt in (QuestionType.MULTI, QuestionType.ORDER):
        return ()
    if qt is QuestionType.TRUEFALSE:
        return None
    return ""


def answer_facts(question: Question) -> list[str]:
    """The texts that state the answer in the source sentence (highlighted in feedback, hidden in
    hints). A true/false statement has none: its answer is a judgement, not a span."""
    if question.type is QuestionType.TRUEFALSE:
        return []
    return [a for a in question.answers if a]


def shown_options(question: Question) -> tuple[str, ...]:
    """The options listed under a prompt (choice, multi); none for the other types."""
    return question.choices if question.type.picks_options else ()


def right_options(question: Question, items: Sequence[str]) -> set[int]:
    """Indexes of `items` (as shown, in the shown order) that are right: the right option(s);
    for true/false the right one of (true, false); for order the items already in place."""
    qt = question.type
    if qt is QuestionType.TRUEFALSE:
        return {0 if is_true(question) else 1}
    if qt is QuestionType.ORDER:
        return {i for i, item in enumerate(items) if i < len(question.answers) and question.answers[i] == item}
    return {i for i, item in enumerate(items) if item in question.answers}


def wrong_options(question: Question, items: Sequence[str], picked: Iterable[int]) -> set[int]:
    """Indexes of `items` the learner got wrong: picked but not right; for order every item out
    of place (`picked` is ignored)."""
    right = right_options(question, items)
    if question.type is QuestionType.ORDER:
        return set(range(len(items))) - right
    return set(picked) - right


def option_order(question: Question, rng: random.Random) -> list[str]:
    """The options of a choice or multi question in the order shown: a fresh order from `rng`, unless
    the question (or its bank) says `shuffle: false` (options such as 以上都对 that must stay last)."""
    options = list(shown_options(question))
    if question.shuffle is not False:
        rng.shuffle(options)
    return options


def shuffled_items(items: Sequence[str], rng: random.Random) -> list[str]:
    """The items of an ordering question as shown: shuffled, never in their given (right) order when
    that can be helped. Up to five shuffles (so a seeded rng gives the same order as it always did),
    then a swap of the first item with one that differs from it."""
    right = list(items)
    out = list(right)
    for _ in range(5):
        rng.shuffle(out)
        if len(out) < 2 or out != right:
            return out
    j = next((j for j, item in enumerate(out) if item != out[0]), None)
    if j is not None:
        out[0], out[j] = out[j], out[0]
    return out
