"""A printable 试卷 (.docx, python-docx) drawn from a bank, with its answer key.

The paper: the title, name/class/score lines, then the questions by type in the usual order
(一、单选题 二、多选题 三、判断题 四、填空题 五、排序题 六、简答题; sections without questions
are left out and the others numbered on), numbered 1, 2, 3… through the paper. Options are
laid out A–D four to a line when short, two when longer, one when long; a blank is an
underline; a 判断题 and a choice end with the answer bracket （　　）. The answer key (answers,
解析 and 出处 of each question) follows on a new page, or goes to a second file.

Which questions: those with the tag, if one is given; at most `count`; never two siblings
(questions cut from the same source sentence, or sharing a `group`, as in the app). The
seed decides the draw and the order of options and items, so the same seed gives the same
paper (byte for byte: the file's dates are fixed too).
"""
from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from quiz.core.exchange.wordml import Run, Writer
from quiz.core.model import Bank, Question, QuestionType
from quiz.core.qtype import BLANK, is_true, shuffled_items
from quiz.core.siblings import sibling_key
from quiz.core.textsafe import clean

T = QuestionType
SECTIONS = ((T.CHOICE, "单选题"), (T.MULTI, "多选题"), (T.TRUEFALSE, "判断题"), (T.FILL, "填空题"), (T.ORDER, "排序题"),
            (T.CARD, "简答题"))
NUMERALS = "一二三四五六七八九十"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
BRACKET = "（\u3000\u3000）"
UNDERLINE = "\u3000" * 6
FIXED_DATE = datetime(2021, 1, 1)  # the file's created/modified dates: the same paper is the same file
NOTES = {T.TRUEFALSE: "（正确的打“√”，错误的打“×”）", T.ORDER: "（按正确顺序写出序号）"}


class PaperError(ValueError):
    """No paper can be drawn (no question has the tag, a count below 1)."""


@dataclass(frozen=True, slots=True)
class Item:
    """A question as printed: its number, options or items in the printed order, and the key."""

    number: int
    question: Question
    shown: tuple[str, ...]
    key: str


def draw(bank: Bank, *, count: int | None = None, tag: str | None = None, seed: int = 0) -> list[Item]:
    """The questions of the paper in printed order, numbered, with shown options and keys."""
    if count is not None and count < 1:
        raise PaperError(f"--count must be at least 1, not {count}")
    pool = [q for q in bank.questions if tag is None or tag in q.tags or tag in bank.tags]
    if not pool:
        raise PaperError(f"no question of bank '{bank.id}' has the tag '{tag}'")
    rng = random.Random(seed)
    order = {q.id: i for i, q in enumerate(bank.questions)}
    picked: list[Question] = []
    used: set[str] = set()
    for q in rng.sample(pool, len(pool)):
        key = sibling_key(bank.id, q)  # the app's rule: one question of a family on a paper
        if key is not None and key in used:
            continue
        if key is not None:
            used.add(key)
        picked.append(q)
        if count is not None and len(picked) == count:
            break
    items: list[Item] = []
    for qtype, _name in SECTIONS:
        for q in sorted((q for q in picked if q.type is qtype), key=lambda q: order[q.id]):
            items.append(_item(len(items) + 1, q, rng))
    return items


def _item(number: int, q: Question, rng: random.Random) -> Item:
    qt = q.type
    if qt.picks_options:
        shown = tuple(q.choices if getattr(q, "shuffle", True) is False else rng.sample(q.choices, len(q.choices)))
        key = "".join(LETTERS[i] for i, c in enumerate(shown) if c in (q.answers[:1] if qt is T.CHOICE else q.answers))
        return Item(number, q, shown, key)
    if qt is T.ORDER:
        shown = tuple(shuffled_items(q.choices, rng))
        left = list(range(len(shown)))
        marks = []
        for a in q.answers:
            k = next(i for i in left if shown[i] == a)
            left.remove(k)
            marks.append(CIRCLED[k] if k < len(CIRCLED) else f"({k + 1})")
        return Item(number, q, shown, "".join(marks))
    if qt is T.TRUEFALSE:
        return Item(number, q, (), "√" if is_true(q) else "×")
    if qt is T.FILL:
        return Item(number, q, (), "；".join(q.answers[:1]) + (f"（也可答：{'、'.join(q.answers[1:])}）" if q.answers[1:] else ""))
    return Item(number, q, (), q.answer)


# ---- the document -------------------------------------------------------------------------

def _new_document():
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(11)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    style.paragraph_format.space_after = Pt(2)
    props = d.core_properties
    props.author = props.last_modified_by = "quiz"
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    return d


def _width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _options(w: Writer, shown: Sequence[str], marks: str) -> None:
    """Options laid out as papers do: four to a line when short, two when longer, else one."""
    labels = [f"{marks[i] if marks == CIRCLED else marks[i] + '. '}{t}" for i, t in enumerate(shown)]
    widest = max((_width(x) for x in labels), default=0)
    # at 11 pt a half-width character is about 0.2 cm: a quarter of the line (4 cm, less the
    # indent and a gap) holds 13 of them, a half 32
    per_line = 4 if widest <= 13 and len(labels) <= 4 else 2 if widest <= 32 else 1
    usable = 16.0  # cm between the margins of an A4 page
    tabs = tuple(usable * k / per_line for k in range(1, per_line))
    for start in range(0, len(labels), per_line):
        w.para("\t".join(labels[start:start + per_line]), indent_cm=0.74, tabs_cm=tabs)


def _prompt(w: Writer, item: Item) -> None:
    """`1. prompt` with each blank an underline; a choice or 判断题 ends with the answer bracket,
    a 填空题 without a blank with an answer line."""
    q = item.question
    runs: list[Run | str] = [f"{item.number}. "]
    parts = q.prompt.split(BLANK)
    for i, part in enumerate(parts):
        if part:
            runs.append(part)
        if i < len(parts) - 1:
            runs.append(Run(UNDERLINE, underline=True))
    if q.type is T.FILL and len(parts) == 1:
        runs += [" ", Run(UNDERLINE * 2, underline=True)]
    if q.type in (T.CHOICE, T.MULTI, T.TRUEFALSE):
        runs.append(BRACKET)
    w.para(*runs)


def _sections(items: Sequence[Item]) -> list[tuple[str, T, list[Item]]]:
    out: list[tuple[str, T, list[Item]]] = []
    for qtype, name in SECTIONS:
        group = [it for it in items if it.question.type is qtype]
        if group:
            out.append((f"{NUMERALS[len(out)]}、{name}（共{len(group)}题）", qtype, group))
    return out


def _paper(w: Writer, title: str, items: Sequence[Item]) -> None:
    w.para(Run(title, bold=True, size=16), center=True)
    w.para("姓名：__________　　班级：__________　　得分：__________", center=True, after_pt=12)
    for head, qtype, group in _sections(items):
        w.para(Run(head + NOTES.get(qtype, ""), bold=True, size=12))
        for it in group:
            _prompt(w, it)
            if it.shown:
                _options(w, it.shown, CIRCLED if qtype is T.ORDER else LETTERS)
            if qtype is T.ORDER:
                w.para("正确顺序：" + "_" * 16, indent_cm=0.74)
            if qtype is T.CARD:
                for _ in range(3):
                    w.para()


def _key(w: Writer, title: str, items: Sequence[Item]) -> None:
    w.para(Run(f"{title}　参考答案", bold=True, size=16), center=True)
    for head, _qtype, group in _sections(items):
        w.para(Run(head, bold=True, size=12))
        for it in group:
            runs: list[Run | str] = [f"{it.number}. ", Run("【答案】", bold=True), it.key]
            if it.question.explanation:
                runs += [Run("　【解析】", bold=True), it.question.explanation]
            if it.question.source:
                runs += [Run("　【出处】", bold=True), it.question.source]
            w.para(*runs)


def _bytes(d) -> bytes:
    """The document, its zip entries dated like its properties (so a paper is the same file twice)."""
    raw = io.BytesIO()
    d.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def paper(bank: Bank, items: Sequence[Item], *, title: str | None = None, with_key: bool = True) -> bytes:
    """The paper as .docx bytes; `with_key`: the answer key on a page of its own at the end."""
    title = title or bank.title
    d = _new_document()
    d.core_properties.title = clean(title)
    w = Writer(d)
    _paper(w, title, items)
    if with_key:
        w.page_break()
        _key(w, title, items)
    return _bytes(d)


def answer_key(bank: Bank, items: Sequence[Item], *, title: str | None = None) -> bytes:
    """The answer key alone, as .docx bytes."""
    title = title or bank.title
    d = _new_document()
    d.core_properties.title = clean(f"{title} 参考答案")
    _key(Writer(d), title, items)
    return _bytes(d)


def key_path(output: str) -> str:
    """试卷.docx -> 试卷-答案.docx: where --answer-key writes the key."""
    stem, dot, ext = output.rpartition(".")
    return f"{stem}-答案.{ext}" if dot and "/" not in ext else f"{output}-答案.docx"


def export_files(bank: Bank, args, output: str) -> list[tuple[str, bytes]]:
    """The files `quiz export --format docx` writes: the paper (with its key at the end), or the
    paper and the key as a second file with --answer-key."""
    seed = args.seed if getattr(args, "seed", None) is not None else random.SystemRandom().randrange(2**32)
    items = draw(bank, count=getattr(args, "count", None), tag=getattr(args, "tag", None), seed=seed)
    title = getattr(args, "title", None)
    if getattr(args, "answer_key", False):
        return [(output, paper(bank, items, title=title, with_key=False)),
                (key_path(output), answer_key(bank, items, title=title))]
    return [(output, paper(bank, items, title=title))]
