"""Prompts: the clause around the blank, not the whole sentence.

A news sentence often runs to 150-300 characters and holds several facts; a
prompt that prints all of it shows the learner the answers of the neighbouring
questions. The prompt is the comma clause that holds the fact, grown to its
neighbours while it stays short (about 60 characters), with the sentence's
opening frame (a date, 党史学习教育开展以来, 清明节期间…) put in front when the
clause does not hold it: ``3月26日上午，……全区设____个会场``. Quoted slogans
are never cut (their commas are part of the slogan); long quoted speeches are.
"""
from __future__ import annotations

import re
from functools import lru_cache

from quiz.core.generate import speech
from quiz.core.generate.chars import CLOSE_MARKS, OPEN_MARKS, han, han_count
from quiz.core.generate.facts import Fact
from quiz.core.generate.segment import words

BLANK = "____"
TARGET = 60        # grow the clause while it stays this short
MAX_PROMPT = 90    # never longer, apart from the blank's own clause
NARROW = 24        # the narrow form when the clause alone says too little
_CUTS = "，；：。！？"
_SHORT_QUOTE = 40
_SUBJECT = 22       # a subject clause this short is put in front of a later clause
_FRAME_END = ("以来", "期间", "之际", "前夕", "当天", "上午", "下午", "晚上", "时", "后", "中", "前")
_PURPOSE = ("为了", "为", "按照", "根据", "围绕", "通过", "结合")
_DATEISH = re.compile(r"\d{1,2}月|\d{4}年|[上下]午|今年|去年|近日|日前|目前|节期间")


@lru_cache(maxsize=512)
def pieces(norm: str) -> tuple[tuple[int, int], ...]:
    """The comma clauses of a sentence as (start, end); a short quote is never cut.
    (Cached: every fact of a sentence asks for its clauses.)"""
    cuts = [0]
    depth = 0
    quote_start = -1
    n = len(norm)
    i = 0
    while i < n:
        ch = norm[i]
        if ch in OPEN_MARKS:
            if depth == 0:
                quote_start = i
            depth += 1
        elif ch in CLOSE_MARKS:
            depth = max(0, depth - 1)
        elif ch in _CUTS:
            inside_short = depth > 0 and _quote_len(norm, quote_start) <= _SHORT_QUOTE
            if not inside_short:
                j = i + 1
                while j < n and norm[j] in _CUTS + "”’）":
                    j += 1
                if j < n:
                    cuts.append(j)
                i = j
                continue
        i += 1
    cuts.append(n)
    return tuple((a, b) for a, b in zip(cuts, cuts[1:]) if b > a)


def _quote_len(norm: str, start: int) -> int:
    """Length of the quote opening at `start` (bounded look-ahead: a long one is a speech)."""
    if start < 0:
        return 0
    close = CLOSE_MARKS[OPEN_MARKS.index(norm[start])] if norm[start] in OPEN_MARKS else "”"
    j = norm.find(close, start + 1, start + _SHORT_QUOTE + 2)
    if j < 0 or any(c in norm[start:j] for c in "。！？"):
        return _SHORT_QUOTE + 1   # a speech, not a slogan: its clauses may be cut
    return j - start


def _is_frame(norm: str, a: int, b: int) -> bool:
    s = norm[a:b].rstrip(_CUTS)
    return bool(s) and len(s) <= 24 and (s.endswith(_FRAME_END) or bool(_DATEISH.search(s)))


def window(norm: str, a: int, b: int, target: int = TARGET, framed: bool | str = True,
           rightwards: bool = True, lead_in: bool = False) -> tuple[int, int, tuple[int, int] | None]:
    """(lo, hi, frame): the span of the sentence shown around norm[a:b], and the opening
    frame clause to put in front of it (None when the span already starts the sentence).
    A smaller `target` gives a narrow form: the blank's own clause (with the frame unless
    `framed` is false); `rightwards` false grows it only into what comes before the blank;
    `lead_in` adds the start of the next clause, up to a quote or a figure (____介绍，社区已收集居民……).
    `framed` "subject" puts the sentence's subject alone in front (张秀菊老人……), not its first clause.
    """
    ps = pieces(norm)
    first = next((k for k, (s, e) in enumerate(ps) if s <= a < e), 0)
    last = next((k for k, (s, e) in enumerate(ps) if s < b <= e), len(ps) - 1)
    first, last = min(first, last), max(first, last)
    lo, hi = ps[first][0], ps[last][1]
    grew = True
    while grew:   # what follows first: after a time or a subject comes what happened
        grew = False
        if rightwards and last + 1 < len(ps) and ps[last + 1][1] - lo <= target:
            last += 1
            hi = ps[last][1]
            grew = True
        if first > 0 and hi - ps[first - 1][0] <= target:
            first -= 1
            lo = ps[first][0]
            grew = True
    if (lead_in or target >= TARGET and rightwards and han_count(norm[lo:a] + norm[b:hi]) < 4) and last + 1 < len(ps):
        # 10月26日，临县在三交镇…举行…挂牌仪式: the next clause is long, but without it the blank
        # says nothing; show its start
        hi = min(ps[last + 1][1], lo + MAX_PROMPT - 2)
        stop = next((i for i in range(ps[last + 1][0], hi) if norm[i] in "“《" or norm[i].isdigit()), hi)
        if han_count(norm[ps[last + 1][0]:stop]) >= 4:
            hi = stop   # …主办的“发言人来了…”: stop before what another question may ask
    # room for the …… of a cut and a blank longer than a short answer: the prompt stays within MAX_PROMPT
    most = MAX_PROMPT - 2 - max(0, len(BLANK) - (b - a))
    if hi - lo > most:   # one long clause: keep the characters around the fact
        room = max(most - (b - a), 20)
        lo = max(lo, a - room // 2)
        hi = min(hi, max(b + room // 2, lo + most))
    q = open_quote(norm, lo)
    c = norm.find("”", lo) if q >= 0 else -1
    if 0 <= c < a and (any(ch in _CUTS for ch in norm[c + 1:a].strip(_CUTS))
                       or not _SPEAKS.search(norm, b, ps[last][1])):
        # “……我读给您听……”8月20日下午，____: a speech that ends before the blank's clause is not
        # shown from its middle (its speaker right after it is, with a role or not: ……”村民____说)
        lo = c + 1
        while lo < a and norm[lo] in _CUTS:
            lo += 1
        first = next((k for k, (s, e) in enumerate(ps) if s <= lo < e), first)
    frame = None
    if framed and first > 0 and lo >= ps[0][1]:
        frame = _frame(norm, ps, first) if framed is True else None
        if frame is None and not _has_subject(norm, lo, a):
            frame = _subject(norm, ps[:first])   # 张秀菊老人……____开始为共产党送情报
        if frame and hi - lo + frame[1] - frame[0] > MAX_PROMPT:
            frame = None
    return lo, hi, frame


def open_quote(norm: str, i: int) -> int:
    """Where the quote open at position i starts (-1: none is open there)."""
    q = norm.rfind("“", 0, i)
    return q if q >= 0 and norm.rfind("”", q, i) < 0 else -1


def _frame(norm: str, ps, first: int) -> tuple[int, int] | None:
    """What the sentence opens with, to put in front of a later clause: its time (3月26日上午),
    its time and subject (2015年，杜文锋创办锋丽金针菇生产基地) or its subject clause alone when
    short (西藏自治区充分利用各级各类媒体资源)."""
    a, b = ps[0]
    if norm[a] in "“‘" or norm.startswith(_PURPOSE, a):
        return None   # a quoted speech or a purpose (为认真贯彻…) opens the sentence: no frame
    if _is_frame(norm, a, b):
        if first > 1 and b - a <= 10 and ps[1][1] - ps[1][0] <= _SUBJECT:
            return (a, ps[1][1])
        return (a, b)
    return (a, b) if b - a <= _SUBJECT else None


_NOUNISH = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "zg", "k", "ng", "nrf"})
SUBJECT_MOST = 16


_TELLS = (*speech.SAYS, "称")
_SPEAKS = re.compile(speech.alternation(speech.SAYS, ("称",)))


def _subject(norm: str, ps) -> tuple[int, int] | None:
    """The sentence's subject, when it opens with one: its leading nouns (张秀菊老人, 东林村党支部,
    西藏自治区党委), two to SUBJECT_MOST characters within its first clause; after a speaker
    (殷建国介绍，社区已收集…) the subject of what they say (社区)."""
    k = 1 if len(ps) > 1 and norm[ps[0][0]:ps[0][1]].rstrip(_CUTS).endswith(_TELLS) else 0
    lo, limit = ps[k]
    if norm[lo:limit].rstrip(_CUTS).endswith(_FRAME_END):
        return None   # 党史学习教育开展以来: a time, whose first noun (党史) is no subject of the sentence
    end = lo
    after = ""
    for s, e, tag in words(norm[lo:min(limit, lo + 40)]).tokens:
        if tag not in _NOUNISH or not all(han(c) for c in norm[lo + s:lo + e]):
            after = tag
            break
        end = lo + e
    # the nouns are the subject only when what follows them starts the predicate (a verb, an
    # adverb, a time): 陈树湘党性|教育基地 (a verbal noun) and 市委常委|、宣传部部长 are cut names
    if after not in _PREDICATE:
        return None
    return (lo, end) if 2 <= end - lo <= min(limit - lo, SUBJECT_MOST) else None


_PREDICATE = frozenset({"v", "vd", "vi", "d", "t", "p", "ad", "m", "tg"})


def _has_subject(norm: str, lo: int, a: int) -> bool:
    """Does the clause shown from lo open with a subject of its own (a noun before the blank)?"""
    if a <= lo:
        return False
    t = words(norm[lo:a]).tokens
    return bool(t) and t[0][2] in _NOUNISH


def thin(prompt: str) -> bool:
    """Does the prompt say too little around its blank: under four Chinese characters in the
    blank's clause and what follows it (为建设美丽乡村……环境，____……: a purpose, not what happened)?"""
    i = prompt.find(BLANK)
    if i < 0:
        return False
    # (a speech that ends before the blank ends a clause too: 。”, ……”; a quote mark alone does
    # not: 收集居民“微心愿”____ is one clause)
    start = max([prompt.rfind(c, 0, i) + 1 for c in "，。；：,;:！？"]
                + [prompt.rfind("…”", 0, i) + 2 if "…”" in prompt[:i] else 0])
    # (____主持仪式。 says enough: who hosted the ceremony the article is about)
    return han_count(prompt[start:].replace(BLANK, "")) < 4


def render(text: str, norm: str, a: int, b: int, fill: str, lo: int, hi: int,
           frame: tuple[int, int] | None) -> str:
    """The prompt: text[lo:hi] with text[a:b] replaced by `fill`, the frame in front."""
    body = text[lo:a] + fill + text[b:hi]
    body = body.strip()
    cut_end = hi < len(norm.rstrip())
    if cut_end:
        body = body.rstrip("，；：、,;: ") + "……"
    if frame:
        head = text[frame[0]:frame[1]].strip().rstrip("，；：,;: ")
        # a clause that frames the sentence is followed by its comma; a subject is not (张秀菊老人……)
        body = f"{head}，……{body}" if norm[frame[1] - 1:frame[1]] in _CUTS else f"{head}……{body}"
    elif lo > 0 and open_quote(norm, lo) >= 0:
        body = "“……" + body   # the end of a quoted speech, before its speaker
    elif lo > 0 and norm[lo - 1] not in _CUTS + "”":
        body = "……" + body
    return body


_HALVES = re.compile(r"^([\u4e00-\u9fff·]{3,10})[，,]([\u4e00-\u9fff·]{3,10})$")


def first_half(f: Fact) -> str | None:
    """The first half of a quoted slogan of two halves of three to ten characters (as normalized):
    what a fill on it asks, the second half shown (a comma and fourteen characters are hard to type)."""
    if f.kind != "slogan" or f.items:
        return None
    m = _HALVES.match(f.norm_text)
    return m.group(1) if m else None
