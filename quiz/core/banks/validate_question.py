"""Validation of one question mapping (and of the bank header)."""
from __future__ import annotations

import re

from quiz.core.answers.normalize import normalize
from quiz.core.banks.validate import (
    ALL_QUESTION_KEYS,
    BANK_KEYS,
    BLANK,
    CLOZE,
    COMMON_KEYS,
    MAX_OPTIONS,
    TYPE_KEYS,
    Collector,
    bool_of,
    check_unique,
    did_you_mean,
    kind_name,
    mapping_fields,
    source_of,
    tags_of,
    text_of,
    texts_of,
    valid_id,
)
from quiz.core.banks.yamlnodes import MAPPING, Node
from quiz.core.model import QUESTION_TYPES, Question
from quiz.core.qtype import QuestionType, bool_answer

ANKI_CLOZE = re.compile(r"^c\d+::")


def _label(qid: str | None, index: int) -> str:
    return f"question '{qid}'" if qid else f"question #{index + 1}"


def question_of(node: Node, index: int, out: Collector) -> Question | None:
    """A Question, or None after adding every problem found to `out`."""
    if node.kind != MAPPING:
        out.add(node, f"question #{index + 1} must be a mapping (id, type, prompt, ...), not {kind_name(node)}")
        return None
    before = len(out)
    qtype: QuestionType | None = None
    tnode = None  # the last `type:` key, as a mapping keeps the last of a repeated key
    for pair in node.value:
        if pair[0].value == "type" and pair[0].kind == "scalar":
            tnode = pair
    if tnode is not None:
        t = text_of(tnode[1], "type", out)
        if t is not None and t not in QUESTION_TYPES:
            out.add(tnode[1], f"unknown question type '{t}'{did_you_mean(t, QUESTION_TYPES)}; "
                    f"use one of: {', '.join(QUESTION_TYPES)}")
        elif t is not None:
            qtype = QuestionType(t)
    allowed = COMMON_KEYS + TYPE_KEYS[qtype] if qtype else ALL_QUESTION_KEYS
    if qtype is QuestionType.CARD:
        allowed = tuple(k for k in allowed if k != "prompt")
    fields = mapping_fields(node, allowed, "a question", out)
    # keys that belong to another type get a clearer message than "unknown"
    qid = None
    if "id" in fields:
        qid = text_of(fields["id"][1], "id", out)
        if qid is not None and (why := valid_id(qid)):
            out.add(fields["id"][1], f"id '{qid}' {why}")
            qid = None
    else:
        out.add(node, f"{_label(None, index)} has no 'id' (ids keep the history of a question)")
    label = _label(qid, index)
    if tnode is None:
        out.add(node, f"{label} has no 'type' (one of: {', '.join(QUESTION_TYPES)})")

    def opt_text(name: str) -> str | None:
        return text_of(fields[name][1], name, out) if name in fields else None

    def need(name: str) -> Node | None:
        if name not in fields:
            out.add(node, f"{label} ({qtype.value if qtype else '?'}) needs '{name}'")
            return None
        return fields[name][1]

    prompt = None
    if qtype is not QuestionType.CARD:
        pnode = need("prompt") if qtype else fields.get("prompt", (None, None))[1]
        if pnode is not None:
            prompt = text_of(pnode, "prompt", out)
    explanation, source, hint = opt_text("explanation"), opt_text("source"), opt_text("hint")
    group = opt_text("group")
    tags = tags_of(fields["tags"][1], "tags", out) if "tags" in fields else ()
    shuffle = bool_of(fields["shuffle"][1], "shuffle", out) if "shuffle" in fields else None
    score = _score(fields, out)
    if qtype is None:
        return None
    answers: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    if qtype.picks_options:
        answers, choices, prompt = _choices(qtype, fields, need, label, out, prompt)
    elif qtype is QuestionType.TRUEFALSE:
        anode = need("answer")
        if anode is not None:
            b = anode.as_bool()
            if b is None:
                out.add(anode, f"answer of a truefalse question must be true or false, not '{anode.value if anode.kind == 'scalar' else kind_name(anode)}'")
            else:
                answers = (bool_answer(b),)
    elif qtype is QuestionType.FILL:
        answers, prompt = _fill(fields, node, label, out, prompt)
    elif qtype is QuestionType.ORDER:
        inode = need("items")
        if inode is not None and (got := texts_of(inode, "items", out, most=MAX_OPTIONS)):
            if len(got[0]) < 2:
                out.add(inode, f"{label}: an order question needs at least 2 items")
            elif check_unique(got[0], got[1], "item", out):
                answers = choices = tuple(got[0])
    elif qtype is QuestionType.CARD:
        front, back = need("front"), need("back")
        prompt = text_of(front, "front", out) if front is not None else None
        back_text = text_of(back, "back", out) if back is not None else None
        answers = (back_text,) if back_text else ()
    if len(out) > before or qid is None or prompt is None:
        return None
    return Question(id=qid, type=qtype, prompt=prompt, answers=answers, choices=choices,
                    explanation=explanation, source=source, hint=hint, tags=tags or (), group=group,
                    shuffle=shuffle, line=node.line, score=score)


def _score(fields, out: Collector) -> float | None:
    """The optional `score` of a generated question: a number from 0 to 1."""
    if "score" not in fields:
        return None
    snode = fields["score"][1]
    raw = snode.value if snode.kind == "scalar" and snode.plain else None
    try:
        value = float(raw) if isinstance(raw, str) and len(raw) <= 20 else None
    except ValueError:
        value = None
    if value is None or not 0 <= value <= 1:
        out.add(snode, "score must be a number from 0 to 1")
        return None
    return value


def _accept(fields, out: Collector) -> list[str]:
    if "accept" not in fields:
        return []
    anode = fields["accept"][1]
    if anode.kind == "scalar" and not anode.is_null():
        t = text_of(anode, "accept", out)
        return [t] if t else []
    got = texts_of(anode, "accept", out)
    return got[0] if got else []


def _choices(qtype, fields, need, label, out: Collector, prompt):
    cnode = need("choices")
    anode = need("answer")
    choices: list[str] = []
    if cnode is not None and (got := texts_of(cnode, "choices", out, most=MAX_OPTIONS)):
        choices = got[0]
        if len(choices) < 2:
            out.add(cnode, f"{label}: a {qtype.value} question needs at least 2 choices")
        check_unique(got[0], got[1], "choice", out)
    answers: list[str] = []
    if anode is not None:
        if qtype is QuestionType.CHOICE:
            a = text_of(anode, "answer", out)
            if a is not None:
                if choices and a not in choices:
                    out.add(anode, f"answer '{a}' is not among the choices{did_you_mean(a, choices)}")
                answers = [a] + [x for x in _accept(fields, out) if x != a]
        else:
            if anode.kind == "scalar" and not anode.is_null():
                t = text_of(anode, "answer", out)
                got = ([t], [anode]) if t is not None else None
            else:
                got = texts_of(anode, "answer", out, most=MAX_OPTIONS)
            if got:
                if not got[0]:
                    out.add(anode, f"{label}: a multi question needs at least one right answer")
                check_unique(got[0], got[1], "answer", out)
                known = set(choices)
                for a, n in zip(*got):
                    if choices and a not in known:
                        out.add(n, f"answer '{a}' is not among the choices{did_you_mean(a, choices)}")
                right = set(got[0])
                answers = [c for c in choices if c in right]
    return tuple(answers), tuple(choices), prompt


def _fill(fields, node: Node, label: str, out: Collector, prompt: str | None):
    anode = fields.get("answer", (None, None))[1]
    explicit = text_of(anode, "answer", out) if anode is not None else None
    accept = _accept(fields, out)
    if prompt is None:
        return (), None
    pnode = fields["prompt"][1]
    blanks = CLOZE.findall(prompt)
    if len(blanks) > 1:
        out.add(pnode, f"{label}: a fill prompt has one {{{{...}}}} blank, this one has {len(blanks)}")
        return (), None
    if blanks:
        cloze = blanks[0].strip()
        if not cloze:
            out.add(pnode, f"{label}: the {{{{...}}}} blank is empty")
            return (), None
        if anode is not None:
            out.add(anode, f"{label}: give the answer either as {{{{...}}}} in the prompt or as 'answer', not both")
            return (), None
        if ANKI_CLOZE.match(cloze):
            out.add(pnode, f"{label}: {{{{c1::...}}}} is Anki's cloze syntax; in a bank write the answer alone: "
                           "{{answer}}")
            return (), None
        prompt = CLOZE.sub(BLANK, prompt)
        if "{{" in prompt or "}}" in prompt or "{" in cloze or "}" in cloze:
            out.add(pnode, f"{label}: unbalanced {{{{ or }}}} in the prompt besides its blank")
            return (), None
        main = cloze
    else:
        if "{{" in prompt or "}}" in prompt:
            out.add(pnode, f"{label}: unbalanced {{{{ or }}}} in the prompt (a blank is written {{{{answer}}}})")
            return (), None
        if anode is None:
            out.add(node, f"{label} (fill) needs an answer: 'answer: ...' or a {{{{blank}}}} in the prompt")
            return (), None
        if explicit is None:
            return (), None
        main = explicit
    for text in (main, *accept):
        if not normalize(text):
            out.add(fields["accept"][1] if text != main else (anode or pnode),
                    f"{label}: the answer '{text}' has no letters or digits, so no typed answer could match it")
            return (), None
    return tuple(dict.fromkeys([main, *accept])), prompt


def bank_header(node: Node, out: Collector):
    """(id, title, description, language, source, tags) or None."""
    if node.kind != MAPPING:
        out.add(node, f"'bank' must be a mapping with id and title, not {kind_name(node)}")
        return None
    before = len(out)
    fields = mapping_fields(node, BANK_KEYS, "the bank", out)
    vals: dict = {}
    for name in ("id", "title"):
        if name not in fields:
            out.add(node, f"the bank has no '{name}'")
        else:
            vals[name] = text_of(fields[name][1], f"bank {name}", out)
    if vals.get("id") and (why := valid_id(vals["id"])):
        out.add(fields["id"][1], f"bank id '{vals['id']}' {why}")
    for name in ("description", "language"):
        if name in fields:
            vals[name] = text_of(fields[name][1], f"bank {name}", out)
    vals["source"] = source_of(fields["source"][1], out) if "source" in fields else None
    vals["tags"] = tags_of(fields["tags"][1], "bank tags", out) if "tags" in fields else ()
    vals["shuffle"] = bool_of(fields["shuffle"][1], "bank shuffle", out) if "shuffle" in fields else None
    if len(out) > before:
        return None
    return vals
