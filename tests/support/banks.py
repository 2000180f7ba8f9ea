"""Bank builders: small banks in memory (objects) or as YAML text."""
from __future__ import annotations

from collections.abc import Callable

from quiz.core.model import Bank, Question


def fill_bank(n: int = 5, bank_id: str = "b1", *, prefix: str = "q", title: str = "T",
              tags: Callable[[int], tuple[str, ...]] = lambda i: (), bank_tags: tuple[str, ...] = (),
              prompt: str = "第{i}题", answer: str = "答{i}") -> Bank:
    """A bank of `n` fill questions q0..q{n-1} ("第i题" -> "答i")."""
    qs = tuple(Question(id=f"{prefix}{i}", type="fill", prompt=prompt.format(i=i), answers=(answer.format(i=i),),
                        tags=tags(i)) for i in range(n))
    return Bank(id=bank_id, title=title, questions=qs, tags=bank_tags)


def fill_yaml(n: int = 2, bank_id: str = "b1", title: str = "题库", prompt: str = "第{i}题 ____",
              answer: str = "答{i}") -> str:
    """The same kind of bank as YAML text."""
    return f"bank:\n  id: '{bank_id}'\n  title: {title}\nquestions:\n" + "".join(
        f"  - id: q{i}\n    type: fill\n    prompt: {prompt.format(i=i)}\n    answer: {answer.format(i=i)}\n"
        for i in range(n))
