"""Accept the toneless pinyin of a Chinese answer (wuyingjie for 吴英杰), heteronyms included."""
from __future__ import annotations

import re
from functools import lru_cache

from quiz.core.answers.normalize import is_cjk, normalize

_PINYIN_INPUT = re.compile(r"^[a-zü:'\s0-9]+$")


def looks_like_pinyin(typed: str) -> bool:
    return bool(typed) and _PINYIN_INPUT.match(typed.lower()) is not None and any(c.isalpha() for c in typed)


def _clean(typed: str, tones: bool = True) -> str:
    """Lower case, ü as v, no spaces or apostrophes; `tones`: also drop tone digits 1-5."""
    t = typed.lower().replace("ü", "v").replace("u:", "v")
    return re.sub(r"[\s'1-5]" if tones else r"[\s']", "", t)


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
    readings = _readings(answer)
    # digits may be tone marks (wu2ying1jie2) or part of the answer (苏拉青2号: sulaqing2hao)
    return any(_spells(readings, target) for target in {_clean(typed), _clean(typed, tones=False)} if target)


def _spells(readings: tuple[tuple[str, ...], ...], target: str) -> bool:
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
