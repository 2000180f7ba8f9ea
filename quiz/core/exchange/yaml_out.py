r"""Write a Bank as canonical YAML text: deterministic, block style, Chinese kept as is.

The text is safe to print on a terminal: a string holding a control character, a C1 control or a
bidi override is written double-quoted with that character escaped (`\e`, `\x9B`, `\u202E`: the
same data when loaded), and header comments (which may name a file) are made printable on one line.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from quiz.core.model import Bank, Question
from quiz.core.qtype import BLANK, QuestionType, is_true

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "bank.schema.json"  # quiz/core/bank.schema.json


def schema_ref(out_dir: str | os.PathLike | None = None) -> str:
    """The packaged schema's path relative to `out_dir` (default: the current folder)."""
    base = os.path.abspath(out_dir or os.curdir)
    try:
        return Path(os.path.relpath(SCHEMA_FILE, base)).as_posix()
    except ValueError:  # another drive on Windows
        return SCHEMA_FILE.as_posix()


def modeline(ref: str) -> str:
    return f"# yaml-language-server: $schema={ref}"


def question_dict(q: Question, bank_shuffle: bool | None = None) -> dict:
    d: dict = {"id": q.id, "type": q.type.value}
    if q.type is QuestionType.CARD:
        d["front"] = q.prompt
        d["back"] = q.answer
    elif q.type is QuestionType.FILL:
        if (q.prompt.count(BLANK) == 1 and not any(b in q.prompt for b in "{}")
                and not any(b in q.answer for b in "{}") and q.answer == q.answer.strip()):
            d["prompt"] = q.prompt.replace(BLANK, "{{" + q.answer + "}}")
        else:
            d["prompt"] = q.prompt
            d["answer"] = q.answer
        if len(q.answers) > 1:
            d["accept"] = list(q.answers[1:])
    else:
        d["prompt"] = q.prompt
        if q.type is QuestionType.CHOICE:
            d["choices"] = list(q.choices)
            d["answer"] = q.answer
            if len(q.answers) > 1:
                d["accept"] = list(q.answers[1:])
        elif q.type is QuestionType.MULTI:
            d["choices"] = list(q.choices)
            d["answer"] = list(q.answers)
        elif q.type is QuestionType.TRUEFALSE:
            d["answer"] = is_true(q)
        elif q.type is QuestionType.ORDER:
            d["items"] = list(q.answers)
    if q.type.picks_options and q.shuffle is not None and q.shuffle != (bank_shuffle is not False):
        d["shuffle"] = q.shuffle
    for key in ("explanation", "source", "hint", "group"):
        val = getattr(q, key)
        if val:
            d[key] = val
    if q.tags:
        d["tags"] = list(q.tags)
    if q.score is not None:
        d["score"] = q.score
    return d


def bank_dict(bank: Bank) -> dict:
    head: dict = {"id": bank.id, "title": bank.title}
    if bank.description:
        head["description"] = bank.description
    if bank.language and bank.language != "zh":
        head["language"] = bank.language
    if bank.source is not None:
        src = {k: getattr(bank.source, k) for k in ("file", "title", "publisher", "date", "url")
               if getattr(bank.source, k)}
        if src:
            head["source"] = src
    if bank.tags:
        head["tags"] = list(bank.tags)
    if bank.shuffle is False:
        head["shuffle"] = False
    return {"bank": head, "questions": [question_dict(q, bank.shuffle) for q in bank.questions]}


class _Dumper(yaml.SafeDumper):
    """Block style with list items indented under their key (as people write YAML)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


# what PyYAML writes raw with allow_unicode (bidi overrides, isolates, marks): escaped after dumping;
# every such character is inside a double-quoted scalar (see _str), where \uXXXX means the character
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _str(dumper, value: str):
    if _UNSAFE.search(value):
        style: str | None = '"'  # the emitter escapes controls there; bidi characters are escaped below
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _comment(line: str) -> str:
    from quiz.core.textsafe import printable

    return re.sub("[\n\r\u2028\u2029]", lambda m: repr(m.group(0))[1:-1], printable(line))  # one line


_Dumper.add_representer(str, _str)


def dump_bank(bank: Bank, *, schema: str | None = None, header_comment_lines=()) -> str:
    """Canonical YAML of `bank`. `schema` is the modeline's $schema value (default: schema_ref())."""
    body = yaml.dump(bank_dict(bank), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100000, indent=2)
    body = _BIDI.sub(lambda m: f"\\u{ord(m.group(0)):04X}", body)
    lines = [_comment(modeline(schema if schema is not None else schema_ref()))]
    lines += [f"# {_comment(c)}" if c else "#" for c in header_comment_lines]
    return "\n".join(lines) + "\n" + body
