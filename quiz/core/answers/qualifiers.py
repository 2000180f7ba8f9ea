"""Qualifiers of a time or an amount that a learner may leave out: 清明节 for 清明节期间,
3月26日 for 3月26日上午, 3时 for 下午3时, 2万 for 2万左右.

One list, used by every way an answer is checked (text, numbers, pinyin), so a qualifier
is optional the same way everywhere. Leaving a qualifier out is fine; typing a different
one is not (3月26日下午 is not 3月26日上午)."""
from __future__ import annotations

# times of day: before or after a date or a time (下午3时, 3月26日上午)
TIME_OF_DAY = ("上午", "下午", "晚上", "早上", "早晨", "中午", "凌晨", "傍晚", "夜间", "晚间")
# after a time or an amount: the span around it, or an approximation
AFTER = TIME_OF_DAY + ("期间", "前后", "左右", "上下", "前夕", "之际", "当天", "当日")
BEFORE = TIME_OF_DAY


def strip_qualifiers(text: str) -> str:
    """`text` without the qualifiers at its ends ("" when nothing else is left)."""
    s = text.strip()
    changed = True
    while changed and s:
        changed = False
        for q in AFTER:
            if s.endswith(q) and len(s) > len(q):
                s, changed = s[: -len(q)].rstrip(), True
                break
        for q in BEFORE:
            if s.startswith(q) and len(s) > len(q):
                s, changed = s[len(q):].lstrip(), True
                break
    return s if s != text.strip() else text.strip()


def without_qualifiers(answers: tuple[str, ...]) -> list[tuple[str, str]]:
    """(shortened form, the answer it comes from) for each answer that has a qualifier to drop."""
    out = []
    for a in answers:
        short = strip_qualifiers(a)
        if short and short != a.strip():
            out.append((short, a))
    return out
