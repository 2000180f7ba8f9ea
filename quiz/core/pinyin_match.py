"""Accept the toneless pinyin of a Chinese answer (wuyingjie for 吴英杰), heteronyms included."""
from __future__ import annotations

import re
from functools import lru_cache

from quiz.core.normalize import is_cjk, normalize

_PINYIN_INPUT = re.compile(r"^[a-zü:'\s1-5]+$")


def looks_like_pinyin(typed: str) -> bool:
    return bool(typed) and _PINYIN_INPUT.match(typed.lower()) is not None and any(c.isalpha() for c in typed)


def _clean(typed: str) -> str:
    t = typed.lower().replace("ü", "v").replace("u:", "v")
    return re.sub(r"[\s'1-5]", "", t)


@lru_cache(maxsize=2048)
def _readings(answer: str) -> tuple[tuple[str, ...], ...]:
    from pypinyin import Style, pinyin  # lazy: only when someone types pinyin

    out = []
    for ch in normalize(answer):
        if is_cjk(ch):
            got = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
            opts = {r.replace("ü", "v") for r in (got[0] if got else [])}
            opts |= {o.replace("v", "u") for o in opts}
            out.append(tuple(sorted(opts)) or (ch,))
        else:
            out.append((ch,))
    return tuple(out)


def pinyin_matches(answer: str, typed: str) -> bool:
    """True when `typed` spells `answer` in pinyin: one reading per character, in order."""
    if not any(is_cjk(c) for c in answer):
        return False
    target = _clean(typed)
    if not target:
        return False
    readings = _readings(answer)
    # positions in `target` reachable after each character
    reach = {0}
    for opts in readings:
        nxt = set()
        for pos in reach:
            for r in opts:
                if target.startswith(r, pos):
                    nxt.add(pos + len(r))
        if not nxt:
            return False
        reach = nxt
    return len(target) in reach
