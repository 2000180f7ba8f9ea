"""Hypothesis strategies: valid banks whose texts are single-line and trimmed (what survives Anki's text format)."""
from __future__ import annotations

from hypothesis import strategies as st

from quiz.core.answers.normalize import normalize
from quiz.core.model import Bank, Question

ALPHABET = "学史明理增信崇德力行西藏拉萨党的年月日万个abcXYZ0129 、，。：“”<>&\"'{}:#-_!?%;|/\\[]=+@$()"
BLANK = "____"


def _ok(t: str) -> bool:
    return t == t.strip() and "  " not in t and "{{" not in t and "}}" not in t and "__" not in t


text = st.text(alphabet=ALPHABET, min_size=1, max_size=12).filter(lambda t: t.strip() and _ok(t))
opt_text = st.one_of(st.none(), text)
tag = st.text(alphabet="党史西藏abc-_:0=+@<&\"", min_size=1, max_size=6)
tags = st.lists(tag, max_size=3, unique=True).map(tuple)


@st.composite
def question(draw, qid: str) -> Question:
    qtype = draw(st.sampled_from(["choice", "multi", "truefalse", "fill", "order", "card"]))
    common = dict(explanation=draw(opt_text), source=draw(opt_text), hint=draw(opt_text), tags=draw(tags))
    prompt = draw(text)
    if qtype in ("choice", "multi", "order"):
        opts = tuple(draw(st.lists(text, min_size=2, max_size=5, unique=True)))
        if qtype == "choice":
            right = draw(st.sampled_from(opts))
            accept = [a for a in draw(st.lists(text, max_size=2, unique=True)) if a != right]
            return Question(qid, qtype, prompt, (right, *accept), opts, **common)
        if qtype == "multi":
            picked = draw(st.sets(st.sampled_from(opts), min_size=1))
            return Question(qid, qtype, prompt, tuple(o for o in opts if o in picked), opts, **common)
        return Question(qid, qtype, prompt, opts, opts, **common)
    if qtype == "truefalse":
        return Question(qid, qtype, prompt, (draw(st.sampled_from(["true", "false"])),), **common)
    if qtype == "card":
        return Question(qid, qtype, prompt, (draw(text),), **common)
    # a typed answer needs a letter or digit (one of only punctuation could never be matched: invalid)
    answers = tuple(draw(st.lists(text.filter(normalize), min_size=1, max_size=3, unique=True)))
    if draw(st.booleans()):  # cloze form: the blank inside the prompt
        after = draw(st.one_of(st.just(""), text))
        lead = draw(st.one_of(st.just(""), text))
        prompt = (lead + (" " if lead and draw(st.booleans()) else "") + BLANK + after)
    return Question(qid, qtype, prompt, answers, **common)


@st.composite
def banks(draw) -> Bank:
    ids = draw(st.lists(st.from_regex(r"[a-z][a-z0-9._-]{0,8}", fullmatch=True), min_size=1, max_size=6, unique=True))
    qs = tuple(draw(question(i)) for i in ids)
    title = draw(text)
    return Bank(id=draw(st.from_regex(r"[a-z][a-z0-9-]{1,10}", fullmatch=True)), title=title, questions=qs)
