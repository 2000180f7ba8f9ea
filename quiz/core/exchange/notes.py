"""Question <-> Anki note fields (HTML), shared by the .apkg and the text/CSV formats.

Every question becomes one note, with the question's hint in a third field (Hint):
  fill                      -> Cloze: Text (the prompt with {{c1::answer}}), Back Extra, Hint
  card                      -> Basic: Front, Back, Hint
  choice/multi/truefalse/order -> Basic: the prompt and the options on the front; the answer,
                                explanation and source on the back; Hint
Every field is wrapped in an element MathJax skips, and Anki's bracket tags ([sound:…], [latex]…)
are escaped (quiz.core.exchange.html): bank text never plays, typesets or runs anything in Anki.
Tags and deck names are made safe the same way (anki_tags, deck_name).
The markup uses a few class names (prompt, choice, multi, order, truefalse, answer, accept,
explanation, source, blank) so that our own export reads back into the same questions; a
note without them (a deck from elsewhere) is read as plain front/back or cloze text.
"""
from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass

from quiz.core.exchange.html import clean, esc, no_math, to_text
from quiz.core.model import Bank, Question
from quiz.core.qtype import BLANK, QuestionType, bool_answer, is_true, parse_bool, shuffled_items

BASIC, CLOZE = "basic", "cloze"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

_LABELS = {
    "zh": {"source": "出处：", "explanation": "解析：", "accept": "也可作答：", "true": "对", "false": "错",
           "multi": "（多选）", "order": "（排序）"},
    "en": {"source": "Source: ", "explanation": "Explanation: ", "accept": "Also accepted: ", "true": "True",
           "false": "False", "multi": "(several answers)", "order": "(put in order)"},
}

@dataclass(frozen=True, slots=True)
class Note:
    kind: str  # BASIC or CLOZE
    fields: tuple[str, str, str]  # HTML: front (or cloze text), back (or back extra), hint
    tags: tuple[str, ...]
    guid: str


class NoteError(ValueError):
    """A note that cannot become a question (the message says why)."""


def guid_of(bank_id: str, qid: str) -> str:
    """The note GUID of a question: stable, so a second import updates instead of duplicating."""
    return f"quiz:{bank_id}:{qid}"


# characters a tag or a deck name may not carry into Anki as they are: HTML's, and the start of a formula
# in a spreadsheet (a tag leads the tags column of the text export); Anki's `::` makes a hierarchy
_NAME_SAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇"})
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def anki_tags(tags) -> tuple[str, ...]:
    """Anki tags: spaces become '_', HTML characters their full-width forms, a tag that would start a
    spreadsheet formula gets a leading '_'; once each, in order (linear in the number of tags)."""
    out: dict[str, None] = {}
    for t in tags:
        t = re.sub(r"\s+", "_", clean(t).strip()).translate(_NAME_SAFE)
        if t.startswith(FORMULA):
            t = "_" + t
        if t:
            out.setdefault(t, None)
    return tuple(out)


def deck_name(title: str) -> str:
    """An Anki deck name from a bank title: one line, HTML characters as full-width forms, `::` (Anki's
    sub-deck separator) as full-width colons, so the title names one deck, shown as written."""
    name = re.sub(r"\s+", " ", clean(title)).strip().translate(_NAME_SAFE).replace("::", "：：")
    return name or "quiz"


def _labels(bank: Bank) -> dict[str, str]:
    return _LABELS["en" if (bank.language or "zh").lower().startswith("en") else "zh"]


def _div(cls: str, text: str, label: str = "") -> str:
    lab = f'<span class="label">{esc(label)}</span>' if label else ""
    return f'<div class="{cls}">{lab}{esc(text)}</div>'


def _extra(q: Question, lab: dict, accept: tuple[str, ...] = ()) -> str:
    parts = []
    if accept:
        items = "".join(f"<li>{esc(a)}</li>" for a in accept)
        parts.append(f'<div class="label">{esc(lab["accept"])}</div><ul class="accept">{items}</ul>')
    if q.explanation:
        parts.append(_div("explanation", q.explanation, lab["explanation"]))
    if q.source:
        parts.append(_div("source", q.source, lab["source"]))
    return "".join(parts)


def _note(kind: str, front: str, back: str, q: Question, tags: tuple[str, ...], guid: str) -> Note:
    return Note(kind, (no_math(front), no_math(back), no_math(esc(q.hint)) if q.hint else ""), tags, guid)


def note_of(bank: Bank, q: Question) -> Note:
    lab = _labels(bank)
    guid = guid_of(bank.id, q.id)
    tags = anki_tags(q.tags)
    if q.type is QuestionType.FILL:
        ans = "{{c1::" + esc(q.answer, braces=True) + "}}"
        if q.prompt.count(BLANK) == 1:
            before, after = q.prompt.split(BLANK)
            text = esc(before, braces=True) + ans + esc(after, braces=True)
        else:
            text = esc(q.prompt, braces=True) + f'<div class="blank">{ans}</div>'
        return _note(CLOZE, text, _extra(q, lab, q.answers[1:]), q, tags, guid)
    if q.type is QuestionType.CARD:
        return _note(BASIC, esc(q.prompt), _div("answer", q.answer) + _extra(q, lab), q, tags, guid)
    front = _div("prompt", q.prompt)
    accept: tuple[str, ...] = ()
    if q.type.picks_options:
        items = "".join(f"<li>{esc(c)}</li>" for c in q.choices)
        if q.type is QuestionType.MULTI:
            front += _div("kind", lab["multi"])
        front += f'<ol class="{q.type.value}" type="A">{items}</ol>'
        letter = {c: LETTERS[i] + ". " if i < len(LETTERS) else "" for i, c in enumerate(q.choices)}
        if q.type is QuestionType.CHOICE:
            back = _div("answer", q.answer, letter.get(q.answer, ""))
            accept = q.answers[1:]
        else:
            lis = "".join(f'<li><span class="label">{letter.get(a, "")}</span>{esc(a)}</li>' for a in q.answers)
            back = f'<ul class="answer">{lis}</ul>'
    elif q.type is QuestionType.ORDER:
        shown = shuffled_items(q.answers, random.Random(guid))  # stable per note
        front += _div("kind", lab["order"])
        front += '<ul class="order">' + "".join(f"<li>{esc(c)}</li>" for c in shown) + "</ul>"
        back = '<ol class="answer">' + "".join(f"<li>{esc(a)}</li>" for a in q.answers) + "</ol>"
    else:  # truefalse
        front += _div("truefalse", f"{lab['true']} / {lab['false']}")
        back = _div("answer", lab["true"] if is_true(q) else lab["false"])
    return _note(BASIC, front, back + _extra(q, lab, accept), q, tags, guid)


# ---- reading notes back -------------------------------------------------------------------

_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)
_LABEL = re.compile(r'<span class="label">.*?</span>|<div class="label">.*?</div>|<div class="kind">.*?</div>', re.S)


def _find(cls: str, html: str) -> str | None:
    m = re.search(rf'<div class="{cls}">(.*?)</div>', html, re.S)
    return to_text(_LABEL.sub("", m.group(1))) if m else None


def _list(cls: str, html: str, tag: str = "[ou]l") -> list[str] | None:
    m = re.search(rf'<{tag} class="{cls}"[^>]*>(.*?)</{tag}>', html, re.S)
    if not m:
        return None
    return [to_text(_LABEL.sub("", li)) for li in re.findall(r"<li>(.*?)</li>", m.group(1), re.S)]


def _back(html: str, is_html: bool) -> tuple[str | None, list[str], str | None, str | None]:
    """(answer, accept, explanation, source) of a back field."""
    if is_html and re.search(r'<(?:div|ul|ol) class="(?:answer|accept|explanation|source)"', html):
        return _find("answer", html), _list("accept", html) or [], _find("explanation", html), _find("source", html)
    text = to_text(html, is_html=is_html)
    return (text or None), [], None, None


def _need(text: str | None, what: str) -> str:
    if not text:
        raise NoteError(f"the {what} is empty (images and sounds are not imported)")
    return text


def questions_of(kind: str, fields: list[str], qid: str, tags: tuple[str, ...], line: int,
                 *, is_html: bool = True, hint: str | None = None) -> list[Question]:
    """The questions of one note (a cloze note with c1, c2... gives one fill question each).
    `hint`: the note's Hint field (HTML when is_html)."""
    first = fields[0] if fields else ""
    second = fields[1] if len(fields) > 1 else ""
    hint = (to_text(hint, is_html=is_html) or None) if hint else None
    if kind == CLOZE or (kind != BASIC and _CLOZE.search(first)):
        return _cloze(first, second, qid, tags, line, is_html, hint)
    if len(fields) < 2:
        raise NoteError("a note needs two fields, a front and a back (or a {{c1::cloze}} text)")
    ans, accept, expl, src = _back(second, is_html)

    def question(qtype: QuestionType, prompt: str, answers: tuple[str, ...],
                 choices: tuple[str, ...] = ()) -> list[Question]:
        return [Question(qid, qtype, prompt, answers, choices, explanation=expl, source=src, hint=hint, tags=tags,
                         line=line)]

    prompt = _find("prompt", first) if is_html else None
    if prompt is not None:
        for qtype in (QuestionType.CHOICE, QuestionType.MULTI):
            opts = _list(qtype.value, first, "ol")
            if opts is not None:
                if qtype is QuestionType.CHOICE:
                    answers = tuple(dict.fromkeys([_need(ans, "answer"), *accept]))
                else:
                    right_set = set(_list("answer", second) or ())
                    answers = tuple(o for o in opts if o in right_set)
                return question(qtype, _need(prompt, "prompt"), answers, tuple(opts))
        in_order = _list("answer", second, "ol")
        if _list("order", first, "ul") is not None and in_order:
            return question(QuestionType.ORDER, _need(prompt, "prompt"), tuple(in_order), tuple(in_order))
        if _find("truefalse", first) is not None:
            value = parse_bool((ans or "").strip())
            if value is None:
                raise NoteError(f"a true/false answer must be 对/错 or true/false, not '{ans}'")
            return question(QuestionType.TRUEFALSE, _need(prompt, "prompt"), (bool_answer(value),))
    front = _need(to_text(first, is_html=is_html), "front")
    return question(QuestionType.CARD, front, (_need(ans, "back"),))


def cloze_numbers(text: str) -> int:
    """How many questions a cloze text makes (one per deletion number), without making them."""
    return len({m.group(1) for m in _CLOZE.finditer(text)})


def _cloze(text: str, extra: str, qid: str, tags, line: int, is_html: bool, note_hint: str | None = None
           ) -> list[Question]:
    """One fill question per deletion number. Each prompt is the text with the other deletions shown:
    the text is laid out once and each prompt cut from it (linear in what it makes)."""
    found = list(_CLOZE.finditer(text))
    if not found:
        raise NoteError("a cloze note needs a {{c1::...}} deletion in its text")
    ans, accept, expl, src = _back(extra, is_html)
    if ans and not (expl or src or accept):  # a plain Back Extra is an explanation
        expl, ans = ans, None
    explicit = is_html and re.search(r'<div class="blank">\{\{c\d+::.*?\}\}</div>', text, re.S) is not None
    # the text with every deletion shown, and where each deletion's text sits in it
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = size = 0
    for m in found:
        pieces.append(text[pos:m.start()])
        size += m.start() - pos
        pieces.append(m.group(2))
        spans.append((size, size + len(m.group(2))))
        size += len(m.group(2))
        pos = m.end()
    pieces.append(text[pos:])
    shown = "".join(pieces)
    first: dict[int, int] = {}  # deletion number -> its first deletion (the blank; the others show their text)
    for i, m in enumerate(found):
        first.setdefault(int(m.group(1)), i)
    out = []
    for n in sorted(first):
        i = first[n]
        m = found[i]
        answer = to_text(m.group(2), is_html=is_html)
        hint = (to_text(m.group(3), is_html=is_html) if m.group(3) else None) or note_hint
        s, e = spans[i]
        if explicit:
            raw = shown[:s] + shown[e:]
            prompt = to_text(raw.replace('<div class="blank"></div>', ""), is_html=is_html)
        else:
            prompt = (_side(shown[:s], is_html) + BLANK + _side(shown[e:], is_html)).strip()
        answer = _need(answer, f"deletion c{n}")
        prompt = _need(prompt, "cloze text")
        answers = tuple(dict.fromkeys([answer, *accept]))
        out.append(Question(qid if len(first) == 1 else f"{qid}-c{n}", QuestionType.FILL, prompt, answers,
                            explanation=expl, source=src, hint=hint or None, tags=tags, line=line))
    return out


def _side(s: str, is_html: bool) -> str:
    """One side of the blank as text, keeping the spaces that touch the blank."""
    if not s.strip():
        return s
    lead = s[: len(s) - len(s.lstrip(" "))]
    trail = s[len(s.rstrip(" ")):]
    return lead + to_text(s, is_html=is_html) + trail


def free_id(qid: str, taken) -> str:
    """`qid`, or the first of qid-2, qid-3... not in `taken` (two notes or rows made the same id)."""
    if qid not in taken:
        return qid
    k = 2
    while f"{qid}-{k}" in taken:
        k += 1
    return f"{qid}-{k}"


def content_id(text: str) -> str:
    return "q-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
