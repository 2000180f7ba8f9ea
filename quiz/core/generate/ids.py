"""Stable question ids: kind + a short hash of the fact and its normalized sentence."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=256)
def norm_sentence(norm: str) -> str:
    """What the id depends on: the sentence without spaces, width-folded, punctuation normalized."""
    return unicodedata.normalize("NFKC", _SPACE.sub("", norm))


def digest(*parts: str) -> str:
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h


def seed_of(*parts: str) -> int:
    return int(digest(*parts)[:8], 16)


def fact_id(kind: str, answer_norm: str, sentence_norm: str) -> str:
    return f"{kind}-{digest(kind, norm_sentence(answer_norm), norm_sentence(sentence_norm))[:7]}"


def unique(ids: list[str]) -> list[str]:
    """Disambiguate repeated ids deterministically, in order: x, x-2, x-3."""
    seen: dict[str, int] = {}
    used = set(ids)
    out = []
    for i in ids:
        if i not in seen:
            seen[i] = 1
            out.append(i)
            continue
        n = seen[i]
        while True:
            n += 1
            cand = f"{i}-{n}"
            if cand not in used:
                break
        seen[i] = n
        used.add(cand)
        out.append(cand)
    return out
