"""Question-bank generator: article text -> Bank. Pure (no I/O) apart from read_article."""
from __future__ import annotations

from quiz.core.generate.build import Result, generate
from quiz.core.generate.text import ArticleError, decode_article

__all__ = ["ArticleError", "Result", "decode_article", "generate"]
