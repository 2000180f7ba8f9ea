"""Facts -> Questions -> Bank."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from quiz.core.generate import distractors
from quiz.core.generate.extract_basic import extract_dates, extract_figures, extract_quotes
from quiz.core.generate.extract_lists import extract_lists
from quiz.core.generate.extract_names import extract_orgs, extract_places, find_places
from quiz.core.generate.facts import KIND_ZH, Fact
from quiz.core.generate.ids import fact_id, seed_of, unique
from quiz.core.generate.people import extract_people
from quiz.core.generate.text import Article, parse_article
from quiz.core.model import Bank, Question, Source

BLANK = "____"
Progress = Callable[[int, int], None]


@dataclass(slots=True)
class Result:
    bank: Bank
    warnings: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)   # (kind, type) -> n


def extract(article: Article, progress: Progress | None = None) -> list[Fact]:
    """Every fact of the article, in reading order."""
    facts: list[Fact] = []
    total = len(article.sentences)
    known_places: set[str] = set()
    step = max(total // 50, 200)
    for i, sent in enumerate(article.sentences):
        if progress and i % step == 0:
            progress(i, total)
        if "{{" in sent.norm or "}}" in sent.norm:
            continue
        qf, masked = extract_quotes(sent)
        found = qf + extract_dates(sent, masked) + extract_figures(sent, masked)
        found += extract_lists(sent)
        people = extract_people(sent, masked)
        found += people
        masked += [(f.start, f.end) for f in people if f.kind == "person"]
        place_spans = find_places(sent.norm)
        for a, b in place_spans:
            if len(known_places) < 5000:
                known_places.add(sent.norm[a:b])
        orgs = extract_orgs(sent, masked, known_places, place_spans)
        found += orgs
        masked += [(f.start, f.end) for f in orgs]
        found += extract_places(sent, masked, place_spans)
        found.sort(key=lambda f: (f.start, f.end))
        facts.extend(found)
    if progress:
        progress(total, total)
    return facts


def _clause(f: Fact) -> str:
    """The comma-clause around the fact, for explanations."""
    t = f.sentence.text
    n = f.sentence.norm
    a = f.start
    while a > 0 and n[a - 1] not in "，。；：！？":
        a -= 1
    b = f.end
    while b < len(n) and n[b] not in "，。；！？":
        b += 1
    return t[a:b].strip("“”‘’ ")


def _blank(f: Fact) -> str:
    t = f.sentence.text
    return t[:f.start] + BLANK + t[f.end:]


def _unambiguous(f: Fact) -> bool:
    return f.sentence.norm.count(f.norm_text) == 1


def _shuffle(items: list[str], seed: int) -> list[str]:
    return sorted(items, key=lambda x: seed_of(str(seed), x))


def _where(f: Fact) -> str:
    h = f.sentence.heading
    return f"（见「{h}」部分）" if h else ""


class Builder:
    def __init__(self, facts: list[Fact]):
        self.pools = distractors.Pools(facts)
        self.questions: list[tuple[str, Question, str]] = []   # (base id, question, kind)
        self.prompts: set[str] = set()
        # quoted slogans (“学思想、强本领、办实事”): a list with one of these texts is a slogan
        self.quoted = {f.norm_text for f in facts if f.kind == "slogan" and not f.items}

    def add(self, base: str, kind: str, qtype: str, prompt: str, answers, choices=(), *,
            f: Fact, explanation: str, extra_tags=()) -> None:
        if prompt in self.prompts:
            return
        self.prompts.add(prompt)
        tags = (kind, *extra_tags) + ((f.sentence.heading,) if f.sentence.heading else ())
        q = Question(id=base, type=qtype, prompt=prompt, answers=tuple(answers), choices=tuple(choices),
                     explanation=explanation, source=f.sentence.text, tags=tuple(dict.fromkeys(tags)))
        self.questions.append((base, q, kind))

    def single(self, f: Fact) -> None:
        base = fact_id(f.kind, f.norm_text, f.sentence.norm)
        seed = seed_of(base)
        wrong = distractors.for_fact(f, self.pools, seed)
        zh = KIND_ZH[f.kind]
        expl = f"{zh}：{f.text}{_where(f)}。原文：{_clause(f)}"
        prompt = _blank(f)
        typing = f.kind in ("date", "figure", "slogan") and seed % 3 == 0
        if len(wrong) >= 3 and not typing:
            choices = _shuffle([f.text, *wrong[:3]], seed)
            self.add(base, f.kind, "choice", prompt, (f.text,), choices, f=f, explanation=expl)
        else:
            self.add(base, f.kind, "fill", prompt, (f.text,), f=f, explanation=expl)
        if wrong and (seed >> 8) % 4 == 0:
            t = f.sentence.text
            if (seed >> 12) % 2:
                self.add(base + "-tf", f.kind, "truefalse", t, ("true",), f=f,
                         explanation=f"对。{expl}")
            else:
                statement = t[:f.start] + wrong[0] + t[f.end:]
                self.add(base + "-tf", f.kind, "truefalse", statement, ("false",), f=f,
                         explanation=f"错。原文是“{f.text}”，不是“{wrong[0]}”。{_where(f)}")

    def role(self, f: Fact, roles: dict[str, str]) -> None:
        base = fact_id("role", f.norm_text, f.sentence.norm)
        seed = seed_of(base)
        others = [r for p, r in roles.items() if p != f.person and r not in f.role and f.role not in r]
        expl = f"{f.person}：{f.role}{_where(f)}。"
        if len(others) >= 3:
            choices = _shuffle([f.role, *others[:3]], seed)
            self.add(base, "role", "choice", f"原文中，{f.person}的身份是？", (f.role,), choices,
                     f=f, explanation=expl)
        elif others and seed % 2:
            self.add(base, "role", "truefalse", f"原文中，{f.person}的身份是“{others[0]}”。", ("false",),
                     f=f, explanation=f"错。{expl}")
        else:
            self.add(base, "role", "truefalse", f"原文中，{f.person}的身份是“{f.role}”。", ("true",),
                     f=f, explanation=f"对。{expl}")

    def listing(self, f: Fact) -> None:
        base = fact_id("list", "、".join(f.items), f.sentence.norm)
        seed = seed_of(base)
        prompt = _blank(f)
        expl = f"原文列举：{'、'.join(f.items)}{_where(f)}。"
        wrong = [] if f.parallel else distractors.for_items(f, self.pools, seed, 3)
        if f.parallel or len(wrong) < 2:
            kind = "slogan" if f.parallel or f.norm_text in self.quoted else "list"
            self.add(base + "-order", kind, "order", f"按原文顺序排列横线处的各项：{prompt}",
                     f.items, f.items, f=f, explanation=expl, extra_tags=("list",))
            i = seed % len(f.items)
            item = f.items[i]
            if f.sentence.norm.count(f.sentence.norm[f.start:f.end].split("、")[i]) == 1:
                off = f.start + sum(len(x) + 1 for x in f.items[:i])
                t = f.sentence.text
                self.add(base, kind, "fill", t[:off] + BLANK + t[off + len(item):], (item,),
                         f=f, explanation=expl)
        else:
            choices = _shuffle([*f.items, *wrong], seed)
            answers = [c for c in choices if c in f.items]
            self.add(base, "list", "multi", f"横线处原文列举了哪些？（多选）{prompt}", answers, choices,
                     f=f, explanation=expl)


def build_questions(facts: list[Fact]) -> list[Question]:
    b = Builder(facts)
    seen: set[tuple] = set()
    roles: dict[str, str] = {}
    for f in facts:
        if f.kind == "role" and f.person not in roles:
            roles[f.person] = f.role
    # a quoted slogan that is itself a list is asked item by item (order + fill), not whole
    listed = {f.norm_text for f in facts if f.items}
    for f in facts:
        if f.key in seen:
            continue
        if f.kind == "slogan" and not f.items and f.norm_text in listed:
            continue
        if f.items:
            seen.add(f.key)
            b.listing(f)
            continue
        if f.kind == "role":
            seen.add(f.key)
            b.role(f, roles)
            continue
        if not _unambiguous(f):
            continue   # a later occurrence may do
        seen.add(f.key)
        b.single(f)
    ids = unique([base for base, _, _ in b.questions])
    out = []
    for new_id, (_, q, _) in zip(ids, b.questions):
        out.append(Question(id=new_id, type=q.type, prompt=q.prompt, answers=q.answers, choices=q.choices,
                            explanation=q.explanation, source=q.source, tags=q.tags))
    return out


def generate(text: str, *, bank_id: str, title: str | None = None, source: Source | None = None,
             description: str | None = None, tags: tuple[str, ...] = (),
             progress: Progress | None = None) -> Result:
    """Generate a Bank from the text of an article (pure: no I/O)."""
    article = parse_article(text)
    facts = extract(article, progress)
    questions = build_questions(facts)
    warnings = []
    if not article.sentences:
        warnings.append("the article has no body text")
    elif not questions:
        warnings.append("no facts found (dates, figures, slogans, names): the bank is empty")
    bank_title = title or article.title or bank_id
    bank = Bank(id=bank_id, title=bank_title, questions=tuple(questions), description=description,
                language="zh", source=source, tags=tags)
    counts = Counter((q.tags[0], q.type) for q in questions)
    return Result(bank, warnings, counts)
