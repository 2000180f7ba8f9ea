"""Word boundaries and part-of-speech tags of a sentence, from rjieba.

The extractors find spans by rules (suffixes, title words, numerals); a span
becomes an answer only when it is made of whole words of its sentence, so a
learner never sees 类企业 cut from 各类企业 or 85台 cut from 85台次. rjieba
(jieba's dictionary, compiled in, no download) segments and tags a sentence in
well under a millisecond; its nr/ns/nt tags also name people, places and
organisations that suffix rules miss.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# rjieba loads its dictionary on import (~0.15 s): only generation pays for it.
import rjieba

# tags that make a word a verb or a function word: an org, place or person never starts or ends with one
VERBISH = frozenset({"v", "vd", "vg", "vi", "vq"})
FUNCTION = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "f"})


@dataclass(frozen=True, slots=True)
class Words:
    """The words of one sentence: (start, end, tag) in reading order."""
    tokens: tuple[tuple[int, int, str], ...]
    bounds: frozenset[int]

    def whole(self, a: int, b: int) -> bool:
        """Is text[a:b] made of whole words (starts and ends on a boundary)?"""
        return a in self.bounds and b in self.bounds

    def in_bounds(self, i: int) -> bool:
        """Does a word start (or end) at position i?"""
        return i in self.bounds

    def _index(self, i: int) -> int:
        """Index of the word that contains position i (a binary search), -1 if none."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            s, e, _ = self.tokens[mid]
            if e <= i:
                lo = mid + 1
            elif s > i:
                hi = mid
            else:
                return mid
        return -1

    def token_at(self, i: int) -> tuple[int, int, str] | None:
        """The word that contains position i."""
        k = self._index(i)
        return self.tokens[k] if k >= 0 else None

    def inside(self, a: int, b: int) -> list[tuple[int, int, str]]:
        """The words that overlap text[a:b]."""
        out: list[tuple[int, int, str]] = []
        i = self._index(a)
        if i < 0:
            return out
        while i < len(self.tokens) and self.tokens[i][0] < b:
            out.append(self.tokens[i])
            i += 1
        return out

    def snap_end(self, b: int, most: int = 2) -> int | None:
        """The end of the word containing position b-1 when it runs at most `most`
        characters past b (85台 -> 85台次); None when that word runs on further."""
        if b in self.bounds:
            return b
        t = self.token_at(b - 1)
        if t is None or t[1] - b > most:
            return None
        return t[1]


@lru_cache(maxsize=4096)
def words(text: str) -> Words:
    """Segment and tag one sentence (its verbatim text; cached: every extractor asks)."""
    tokens = []
    pos = 0
    for w, tag in rjieba.tag(text):
        tokens.append((pos, pos + len(w), tag))
        pos += len(w)
    bounds = frozenset([0] + [e for _, e, _ in tokens])
    return Words(tuple(tokens), bounds)


def edge_tags(ws: Words, a: int, b: int) -> tuple[str, str]:
    """The tags of the first and last word of text[a:b] ('' when not whole words)."""
    inner = ws.inside(a, b)
    if not inner:
        return "", ""
    return inner[0][2], inner[-1][2]
