"""Article -> facts -> candidate questions -> the selected ones -> Bank."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from quiz.core.generate import asked_people, statements, who
from quiz.core.generate.candidates import Builder, Candidate
from quiz.core.generate.context import Context, article_year, main_body, main_place, mentions, subject_names
from quiz.core.generate.extract_basic import (
    extract_classes,
    extract_dates,
    extract_figures,
    extract_quotes,
    extract_sessions,
)
from quiz.core.generate.extract_lists import extract_lists
from quiz.core.generate.extract_names import extract_orgs, extract_places, find_places
from quiz.core.generate.facts import Fact
from quiz.core.generate.gate import REASONS as GATE_REASONS
from quiz.core.generate.gate import gate
from quiz.core.generate.ids import unique
from quiz.core.generate.people import extract_people
from quiz.core.generate.segment import words
from quiz.core.generate.select import REASONS as SELECT_REASONS
from quiz.core.generate.select import select
from quiz.core.generate.subtitles import ask_in_body
from quiz.core.generate.text import Article, parse_article
from quiz.core.generate.titled import extract_listed, extract_titled, extract_untitled, is_roster_line
from quiz.core.model import Bank, Question, Source

Progress = Callable[[int, int], None]
# why a candidate was not kept, as the teacher's report (--explain) words it: the selection's and the gate's
DROP_REASONS = {**SELECT_REASONS, **GATE_REASONS}


@dataclass(slots=True)
class Result:
    bank: Bank
    warnings: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)   # (kind, type) -> n
    candidates: int = 0                                # questions built before selection
    dropped: tuple = ()                                # (Candidate, reason key) not kept


def extract(article: Article, progress: Progress | None = None) -> list[Fact]:
    """Every fact of the article, in reading order."""
    facts: list[Fact] = []
    total = len(article.sentences)
    known_places: set[str] = set()
    rostered = 0   # people read from the roster lines of the current run
    step = max(total // 50, 200)
    body = "\n".join(s.norm for s in article.sentences[:2000])

    def recurs(name: str) -> bool:   # does the article name it twice (许道贵 … 老党员许道贵)?
        i = body.find(name)
        return i >= 0 and body.find(name, i + len(name)) >= 0

    for i, sent in enumerate(article.sentences):
        if progress and i % step == 0:
            progress(i, total)
        if "{{" in sent.norm or "}}" in sent.norm:
            continue
        qf, masked = extract_quotes(sent)
        found = qf + extract_classes(sent, masked) + extract_sessions(sent, masked)
        found += extract_dates(sent, masked) + extract_figures(sent, masked)
        found += extract_lists(sent)
        people = extract_people(sent, masked)
        masked += [(f.start, f.end) for f in people if f.kind == "person"]
        people += extract_titled(sent, masked, recurs)   # masks its names itself
        people += extract_untitled(sent, masked)
        people += extract_listed(sent, masked)
        if not is_roster_line(sent.norm):
            rostered = 0
        elif any(f.kind == "person" for f in people):
            rostered += 1
            if rostered > ROSTER_MOST:
                people = []
        found += people
        place_spans = find_places(sent.norm)
        for a, b in place_spans:
            if len(known_places) < 5000:
                known_places.add(sent.norm[a:b])
        orgs = extract_orgs(sent, masked, known_places, place_spans)
        found += orgs
        masked += [(f.start, f.end) for f in orgs]
        found += extract_places(sent, masked, place_spans)
        found.sort(key=lambda f: (f.start, f.end))
        facts.extend(found[:MAX_FACTS_PER_SENTENCE])
        if len(facts) >= MAX_FACTS:
            del facts[MAX_FACTS:]
            break
    if progress:
        progress(total, total)
    return facts


ROSTER_MOST = 4                 # of a roster of twenty names, the first few are asked (not one question each)
MAX_FACTS_PER_SENTENCE = 40     # a sentence of 600 characters holds far fewer real facts
MAX_FACTS = 8_000               # bounded work on any input (an article has a few hundred): the rest is not read


def _context(article: Article, facts: list[Fact], date: str | None) -> Context:
    ctx = Context(year=article_year(article.title, date, list(article.years)), subject=subject_names(article.title),
                  title=article.title)
    if not ctx.subject:   # no title: the place most sentences are about
        texts = [s.text for s in article.sentences]
        ctx.subject = main_place(facts, texts) | main_body(facts, texts)
    ctx.texts = [s.text for s in article.sentences]
    ctx.people = mentions(ctx.texts, [f.text for f in facts if f.kind == "person"])
    for f in facts:
        i = f.sentence.index
        if f.kind in ("org", "place", "name") and words(f.sentence.text).whole(f.start, f.end):
            ctx.names.append((i, f.kind, f.text))
        if f.kind == "date" and f.date.kind in ("full", "range"):
            ctx.days.append((i, f"{f.date.month}月{f.date.day}日"))
    return ctx


def candidates(facts: list[Fact], ctx: Context) -> list[Candidate]:
    b = Builder(facts, ctx)
    seen: set[tuple] = set()
    # a quoted slogan that is itself a list is asked item by item (order + fill), not whole
    listed = {f.norm_text for f in facts if f.items}
    quoted = {f.norm_text for f in facts if f.kind == "slogan" and not f.items}
    for run in who.groups(facts):
        asked_people.people_group(b, run)
    for figures in statements.runs(facts):
        statements.ask_run(b, figures)
    for f in facts:
        if f.key in seen and (f.items or f.kind == "role"):
            continue
        if f.kind == "slogan" and not f.items and f.norm_text in listed:
            continue
        if f.items:
            seen.add(f.key)
            b.listing(f, quoted)
        elif f.kind == "role":
            seen.add(f.key)
            b.role(f)
        elif f.sentence.norm.find(f.norm_text) == f.start:
            # a value the sentence names twice is asked where it first stands, with a prompt that
            # does not print the other occurrence (Builder.emit sees to that)
            if f.kind == "person":
                asked_people.person_role(b, f)
            b.single(f)
    return b.out


def _finish(chosen: list[Candidate]) -> list[Question]:
    ids = unique([c.question.id for c in chosen])
    return [replace(c.question, id=new_id, score=c.score) for new_id, c in zip(ids, chosen)]


def generate(text: str, *, bank_id: str, title: str | None = None, source: Source | None = None,
             description: str | None = None, tags: tuple[str, ...] = (),
             progress: Progress | None = None, keep_all: bool = False, most: int | None = None) -> Result:
    """Generate a Bank from the text of an article (pure: no I/O).

    Every candidate question is built and scored; by default the best are kept (few per
    sentence, no answer shown by another prompt); `most` keeps at most that many, `keep_all`
    every candidate, best first."""
    article = parse_article(text)
    facts = extract(article, progress)
    warnings = []
    if len(facts) >= MAX_FACTS:
        warnings.append(f"the text is very long: only its first {MAX_FACTS} facts were read")
    cands = ask_in_body(candidates(facts, _context(article, facts, source.date if source else None)),
                        article.sentences)
    cands = gate(cands)   # what a teacher deletes never reaches the selection (each with its reason)
    chosen = select(cands, keep_all=keep_all, most=most)
    questions = _finish(list(chosen.kept))
    if not article.sentences:
        warnings.append("the article has no body text")
    elif not questions:
        warnings.append("no facts found (dates, figures, slogans, names): the bank is empty")
    bank_title = title or article.title or bank_id
    bank = Bank(id=bank_id, title=bank_title, questions=tuple(questions), description=description,
                language="zh", source=source, tags=tags)
    counts = Counter((q.tags[0], q.type) for q in questions)
    return Result(bank, warnings, counts, len(cands), tuple(chosen.dropped))
