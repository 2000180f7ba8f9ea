"""The automatic checks of `make quality`: everything a program can see in one generated
question, given its article (issue 10's list). Each check returns defect strings
`code: detail`; a question with none passes. Bank-wide checks (an answer printed in another
question's prompt, the ratio attack) live in bench/quality.py, which adds them to these.

Codes: basic, span (an answer or option cut inside a word), verb-edge (a name that starts or
ends with a verb), not-a-place, tf-copy (a true/false item that is its source unchanged),
tf-swap (a false item made by a swap of another kind), kind (an option of another kind or
level than the answer), unit (a number option with another unit), above-total, true-value
(a number option that the article states for something else), long-prompt, byline,
subject (the article's own subject as the answer), dangling (a prompt leaning on an earlier
sentence: 他, 该局, 这支队伍, 今年 without a year)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import rjieba

from bench.quality_numbers import numbers_in, options_above_total
from bench.quality_text import (boundaries, contains, name_class, norm, not_a_place, on_word_boundaries,
                                verb_at_edge)

MAX_PROMPT = 90
NAME_KINDS = {"org", "place", "person"}
ASKED = ("fill", "choice", "multi", "order")

BYLINE = re.compile(
    r"本报讯|报讯[（(]|本报记者|本报通讯员|通讯员|[（(]\s*记者|记者[ 　]+[\u4e00-\u9fff]{2,4}|网消息|\d+月\d+日电"
    r"|新华社[^，。]{0,10}电|责任编辑|责编|分享到|上一篇|下一篇|来源[:：]|供图|[（(][^（）()]{0,12}摄[)）]|编辑[:：]|审核[:：]")
_PRONOUN = re.compile(r"(?<!其)(?<!吉)[他她](?![人乡国])")
_THIS = re.compile(r"该(局|委|县|市|区|镇|乡|村|校|馆|队|中心|院|所|厅|部|社区|街道|公司|团|站|协会|单位|项目)|这支|此支")
_RELATIVE_YEAR = re.compile(r"今年|去年|明年|前年")
_RELATIVE_DAY = re.compile(r"当天|当日|同日|次日|翌日")
_YEAR = re.compile(r"\d{4}\s*年|[〇零一二三四五六七八九]{4}年")
_DAY = re.compile(r"\d+\s*月\s*\d+\s*日|[一二三四五六七八九十]+月[一二三四五六七八九十]+日")
_PLACE_WORD = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:自治区|省|市|自治州|州|盟|县|旗|区)")


@dataclass
class Article:
    """What the checks need to know of the article beside the question."""
    text: str
    title: str = ""
    subject: tuple[str, ...] = ()
    sentences: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, text: str, subject: list[str] | None = None) -> "Article":
        """`subject`: what the article is about (an empty list: nothing); None infers it."""
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        title = lines[0] if lines else ""
        sentences = [s for ln in lines for s in re.split(r"(?<=[。！？；!?;])", ln) if s.strip()]
        subj = tuple(subject) if subject is not None else infer_subject(title, text)
        return cls(text=text, title=title, subject=subj, sentences=sentences)

    def sentence_with(self, span: str) -> str | None:
        """A sentence of the article holding `span` on word boundaries, else any holding it."""
        holding = [s for s in self.sentences if span in s]
        for s in holding:
            if on_word_boundaries(span, s):
                return s
        return holding[0] if holding else None


def infer_subject(title: str, text: str) -> tuple[str, ...]:
    """The places the title names (西藏自治区 of 西藏自治区深入推进…); failing that, a place
    named at least three times and twice as often as any other."""
    found = [w for w, t in rjieba.tag(title) if t == "ns" and len(w) >= 2]
    found += [m.group() for m in _PLACE_WORD.finditer(title)]
    if not found:
        counts = Counter(m.group() for m in _PLACE_WORD.finditer(text))
        top = counts.most_common(2)
        if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
            found = [top[0][0]]
    return tuple(dict.fromkeys(found))


def is_subject(answer: str, subject: tuple[str, ...]) -> bool:
    a = norm(answer)
    for s in subject:
        s = norm(s)
        short = re.sub(r"(维吾尔自治区|壮族自治区|回族自治区|自治区|省|市|县|区|州|盟|旗)$", "", s)
        if a in (s, short) or (len(short) >= 2 and a.startswith(short) and name_class(a) and
                               name_class(a).startswith("place:") and len(a) <= len(s)):
            return True
    return False


def kind_of(q) -> str:
    return q.tags[0] if q.tags else ""


def _skeleton(text: str) -> str:
    """A number option without its digits and magnitudes: 1.2万余人次 -> 余人次."""
    t = re.sub(r"[\d.,]+|[零〇一二两三四五六七八九十百千万亿]+", "", norm(text))
    return t


def _distractors(q) -> list[str]:
    right = set(q.answers)
    return [c for c in q.choices if c not in right]


def check_basic(q) -> list[str]:
    out = []
    if not q.prompt.strip():
        out.append("basic: empty prompt")
    if q.type in ASKED and not [a for a in q.answers if norm(a)]:
        out.append("basic: no answer")
    if q.type in ("choice", "multi"):
        opts = [norm(c) for c in q.choices]
        if len(set(opts)) != len(opts):
            out.append("basic: duplicate options")
        if q.type == "choice" and len(opts) < 4:
            out.append(f"basic: {len(opts)} options (a choice has 3 distractors, else it is a fill)")
        if not all(norm(a) in opts for a in (q.answers[:1] if q.type == "choice" else q.answers)):
            out.append("basic: answer not among the options")
    if q.type in ASKED and q.source:
        main = q.answers[:1] if q.type in ("fill", "choice") else q.answers
        for a in main:
            if a not in q.source and norm(a) not in norm(q.source):
                out.append(f"basic: answer not in its source: {a}")
    if q.type in ("fill", "choice") and q.answers and len(norm(q.answer)) >= 2 and contains(q.answer, q.prompt):
        out.append(f"basic: answer shown in its own prompt: {q.answer}")
    return out


def check_spans(q, art: Article) -> list[str]:
    """Answers and options that are whole words of their sentence; names without a verb glued on."""
    out = []
    if q.type not in ASKED or not q.source:
        return out
    main = q.answers[:1] if q.type in ("fill", "choice") else q.answers
    person = kind_of(q) == "person"
    for a in main:
        if len(a) >= 2 and on_word_boundaries(a, q.source, start_only=person) is False:
            out.append(f"span: answer cut inside a word: {a}")
    for d in _distractors(q) if q.type in ("choice", "multi") else []:
        if len(d) < 2 or re.search(r"\d", d):
            continue  # invented numbers and dates have no sentence of their own
        s = art.sentence_with(d)
        if s is not None and on_word_boundaries(d, s) is False:
            out.append(f"span: option cut inside a word: {d}")
    if kind_of(q) in NAME_KINDS:
        for a in main:
            v = verb_at_edge(a, 2 if person else 1)
            if v:
                out.append(f"verb-edge: {a} ({v})")
    if kind_of(q) == "place":
        for a in main:
            w = not_a_place(a)
            if w:
                out.append(f"not-a-place: {a}")
    return out


def check_truefalse(q) -> list[str]:
    if q.type != "truefalse" or not q.source:
        return []
    p, s = q.prompt, q.source
    if norm(p) == norm(s):
        return ["tf-copy: the statement is its source unchanged"]
    if q.answers != ("false",):
        return []
    i = 0
    while i < min(len(p), len(s)) and p[i] == s[i]:
        i += 1
    j = 0
    while j < min(len(p), len(s)) - i and p[-1 - j] == s[-1 - j]:
        j += 1
    if i + j < len(s) // 2:
        return []  # not a swap inside the source sentence (e.g. "X的身份是…")
    out_span, in_span = _widen(s, i, len(s) - j), _widen(p, i, len(p) - j)
    if bool(re.search(r"\d", out_span)) != bool(re.search(r"\d", in_span)):
        return [f"tf-swap: {out_span} -> {in_span}"]
    a, b = name_class(out_span), name_class(in_span)
    if a and b and a != b:
        return [f"tf-swap: {out_span} ({a}) -> {in_span} ({b})"]
    return []


def _widen(text: str, start: int, end: int) -> str:
    """The span text[start:end] grown to the word boundaries around it."""
    b = sorted(boundaries(text))
    lo = max([x for x in b if x <= start], default=0)
    hi = min([x for x in b if x >= end], default=len(text))
    return text[lo:hi]


def check_options(q, art: Article) -> list[str]:
    """Options of the answer's kind and level; number options in its unit and below stated totals."""
    if q.type not in ("choice", "multi") or not q.answers:
        return []
    out = []
    kind = kind_of(q)
    wrong = _distractors(q)
    if kind in ("org", "place") or q.type == "multi":
        classes = {name_class(a) for a in q.answers} - {None}
        if classes:
            bad = [d for d in wrong if name_class(d) and name_class(d) not in classes]
            if bad:
                out.append(f"kind: {'/'.join(sorted(classes))} answer, options {'、'.join(bad)}")
    if kind == "person":
        bad = [d for d in wrong if name_class(d)]
        if bad and not name_class(q.answer):
            out.append(f"kind: person answer, options {'、'.join(bad)}")
    if q.type == "choice" and (kind in ("figure", "date") or re.search(r"\d", q.answer)) and numbers_in(q.answer):
        sk = _skeleton(q.answer)
        bad = [d for d in wrong if _skeleton(d) != sk]
        if bad:
            out.append(f"unit: {q.answer} with {'、'.join(bad)}")
        above = options_above_total(q.source or "", q.answer, list(q.choices))
        if above:
            out.append(f"above-total: {'、'.join(above)}")
        if kind == "figure":
            true = [d for d in wrong if len(norm(d)) >= 2 and contains(d, art.text)]
            if true:
                out.append(f"true-value: {'、'.join(true)} is stated in the article")
    return out


def check_prompt(q, art: Article) -> list[str]:
    out = []
    p = q.prompt
    if q.type != "card" and len(p) > MAX_PROMPT:
        out.append(f"long-prompt: {len(p)} characters")
    m = BYLINE.search(p)
    if m:
        out.append(f"byline: {m.group()}")
    m = _PRONOUN.search(p)
    if m and not any(t == "nr" for w, t in rjieba.tag(p[:m.start()])):
        out.append(f"dangling: {p[max(0, m.start() - 4):m.end() + 4]}")
    m = _THIS.search(p)
    if m:
        out.append(f"dangling: {m.group()}")
    m = _RELATIVE_YEAR.search(p)
    if m and not _YEAR.search(p):
        out.append(f"dangling: {m.group()} without a year")
    m = _RELATIVE_DAY.search(p)
    if m and not _DAY.search(p):
        out.append(f"dangling: {m.group()} without a date")
    if q.type in ("fill", "choice") and q.answers and art.subject and is_subject(q.answer, art.subject):
        out.append(f"subject: {q.answer} is what the whole article is about")
    return out


def question_defects(q, art: Article) -> list[str]:
    """Every defect of one question that it shows on its own (without the rest of the bank)."""
    return check_basic(q) + check_spans(q, art) + check_truefalse(q) + check_options(q, art) + check_prompt(q, art)
