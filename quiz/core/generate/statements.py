"""Run-on statistics asked in one question: which of these did the report state?

A report often packs a season's work into one sentence of parallel figures
(新建改扩建幼儿园420所、新增学位9.6万个，开展课后服务的义务教育学校覆盖率达到98.5%…).
One question per figure would spend the sentence's share of questions on the
first few and print the others in their prompts. Asked together, the blank takes
the run and the options are its parts as written, with two or three of them
changed in their figure alone (新建改扩建幼儿园520所): the learner picks the ones
the report states, and every figure of the run is asked.
"""
from __future__ import annotations

from quiz.core.generate import distractors
from quiz.core.generate import score as S
from quiz.core.generate.candidates import BLANK, Builder, fact_key, shuffled, where_of
from quiz.core.generate.chars import CLOSE_MARKS, OPEN_MARKS, han_count
from quiz.core.generate.facts import Fact
from quiz.core.generate.ids import fact_id, seed_of
from quiz.core.generate.segment import words
from quiz.core.qtype import QuestionType as QT

LEAD = "横线处原文写了哪几项？（多选）"
_CUTS = "、，；："
_LINKS = ("其中", "并且", "同时", "此外", "另外")
MIN_RUN = 3          # fewer parallel figures are asked one by one
MAX_TRUE = 5         # a longer run is asked on its first five parts
PART_MIN, PART_MAX = 5, 26   # a part that is a statement of its own, short enough to read as an option


def parts(norm: str) -> list[tuple[int, int]]:
    """The pieces of a sentence between 、，；： outside quotes and brackets, as (start, end)."""
    out, start, depth = [], 0, 0
    for i, ch in enumerate(norm):
        if ch in OPEN_MARKS:
            depth += 1
        elif ch in CLOSE_MARKS:
            depth = max(0, depth - 1)
        elif ch in _CUTS and depth == 0:
            out.append((start, i))
            start = i + 1
    end = len(norm.rstrip("。！？…"))
    if start < end:
        out.append((start, end))
    return out


def runs(facts: list[Fact]) -> list[list[tuple[Fact, int, int]]]:
    """Runs of consecutive parts of one sentence that each state one figure: (fact, start, end)."""
    out: list[list[tuple[Fact, int, int]]] = []
    figures = [f for f in facts if f.kind == "figure"]
    by_sentence: dict[int, list[Fact]] = {}
    for f in figures:
        by_sentence.setdefault(f.sentence.index, []).append(f)
    for figs in by_sentence.values():
        if len(figs) < 2:
            continue
        sent = figs[0].sentence
        run: list[tuple[Fact, int, int]] = []
        for a, b in parts(sent.norm):
            inside = [f for f in figs if a <= f.start and f.end <= b]
            text = sent.norm[a:b].strip()
            cjk = han_count(text) - sum(han_count(f.norm_text) for f in inside)
            if len(inside) == 1 and PART_MIN <= len(text) <= PART_MAX and cjk >= 3 and '“' not in text:
                lead = len(sent.norm[a:b]) - len(sent.norm[a:b].lstrip())
                if sent.norm.startswith(_LINKS, a + lead) and a + lead + 2 < inside[0].start:
                    lead += 2   # 其中单期最高点击量…: the part without its link word
                run.append((inside[0], a + lead, b))
                continue
            if _enough(run, sent.norm):
                out.append(run)
            run = []
            if len(inside) >= 2:   # 100多名老党员已宣讲200多场次、受教育6000多人次: the last figure
                tail = _tail_part(sent.norm, inside, a, b)   # starts a run with the parts after it
                if tail:
                    run = [tail]
        if _enough(run, sent.norm):
            out.append(run)
    return out


def _tail_part(norm: str, inside: list[Fact], a: int, b: int) -> tuple[Fact, int, int] | None:
    """The last figure of a part with several, as a part of its own when it ends the part: from
    after the figure before it (and after a closing quote: 100多名“光荣在党50年”老党员已宣讲200多场次
    -> 老党员已宣讲200多场次)."""
    last = max(inside, key=lambda f: f.start)
    if norm[last.end:b].strip():
        return None
    lo = max(max(f.end for f in inside if f is not last), a)
    q = norm.rfind("”", lo, last.start)
    lo = q + 1 if q >= 0 else lo
    text = norm[lo:b].strip()
    cjk = han_count(text) - han_count(last.norm_text)
    if not (PART_MIN <= len(text) <= PART_MAX and cjk >= 3 and "“" not in text):
        return None
    return last, lo, b


def _enough(run: list[tuple[Fact, int, int]], norm: str) -> bool:
    """Three parts or more; or two joined by 、 (12个专业院团、90余支文艺轻骑兵: one clause, so
    neither can be asked without printing the other)."""
    if len(run) == 2 and norm[max(0, run[0][1] - 3):run[0][1]].rstrip("，,").endswith("其中"):
        return False   # 共有队员326名，其中在职党员218名、退休党员64名: the parts of a total, not the news
    return len(run) >= MIN_RUN or len(run) == 2 and norm[run[0][2]:run[1][1]] == "、"


def ask_run(b: Builder, run: list[tuple[Fact, int, int]]) -> None:
    """One multiple choice on a run of parallel figures (see the module's docstring)."""
    run = run[:MAX_TRUE]
    f0 = run[0][0]
    sent = f0.sentence
    start, end = run[0][1], run[-1][2]
    true = [sent.text[a:z] for _, a, z in run]
    base = fact_id("figures", "、".join(true), sent.norm)
    seed = seed_of(base)
    changed = sorted(range(len(run)), key=lambda k: seed_of(str(seed), str(k)))[:2]   # two changed parts
    false = []
    for k in changed:
        f, a, z = run[k]
        wrong = distractors.for_fact(f, b.pools, seed)
        if not wrong:
            return
        false.append(sent.text[a:f.start] + wrong[0] + sent.text[f.end:z])
    if len(set(true + false)) != len(true) + len(false):
        return
    b.penalty = b.base_penalty = 0.0
    ws = words(sent.text)
    drop = "" if ws.whole(start, end) else "boundary"
    forms = _prompts(sent.text, sent.norm, start, end)
    told = [b.refer(text, f0) for text in forms]
    usable = [t for t in told if t is not None]
    if not usable:
        return
    choices = shuffled(true + false, seed)
    answers = [c for c in choices if c in true]
    expl = f"原文：{'、'.join(true)}{where_of(f0)}。改动过数字的是：{'；'.join(false)}。"
    score = max(S.importance(f) for f, _, _ in run) + 0.1   # one question, every figure of the run
    b.emit(f0, base, QT.MULTI, LEAD + usable[0], answers, choices, score=score, explanation=expl,
           shows=tuple(true), drop=drop, kind="figure", extra_tags=("list",),
           fact=fact_key(f0), also=tuple(fact_key(f) for f, _, _ in run[1:]),
           narrow=tuple(LEAD + t for t in usable[1:]))


HEAD_MOST = 50   # characters of the sentence before the run that a prompt shows
TAIL_MOST = 16   # ... and after it, when the sentence ends soon after


def _prompts(text: str, norm: str, start: int, end: int) -> list[str]:
    """Prompts for a blank over norm[start:end], widest first: the clauses before the run (as
    many as fit), the last of them, and its words after the last quote (a kept slogan's answer
    is then not shown); the rest of the sentence after the run when it is short."""
    stop = len(norm.rstrip())
    tail = text[end:stop] if stop - end <= TAIL_MOST else "……"
    lo = max(0, start - HEAD_MOST)
    starts = ([0] if lo == 0 else []) + [i + 1 for i in range(lo, start) if norm[i] in "，；：。"]
    q = norm.rfind("”", lo, start)
    heads = sorted(set(starts + ([q + 1] if q >= 0 else [])))
    out: list[str] = []
    for h in heads:
        body = text[h:start].strip()
        if han_count(body) < 2:
            continue
        lead = "……" if h > 0 and norm[h - 1] not in "，；：。" else ""
        out.append(f"{lead}{body}{BLANK}{tail}")
    return out[:1] + out[-2:] if len(out) > 3 else out


