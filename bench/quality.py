"""`make quality`: how good are the questions `quiz generate` writes? (issue 10)

    python -m bench.quality [PATH ...] [--json] [--show] [--only] [--gen-arg=ARG ...]

Generates a bank with the project's own `quiz generate` (a child process, as a teacher runs it)
for the seed and every article of the three held-out evaluation sets (tests/data/eval/*.facts.yaml,
tests/data/eval2, tests/data/eval3: each its own group in the table), plus each PATH: a folder of
NAME.facts.yaml files or one such file (e.g. real reports kept outside the repository); a PATH
already scored (tests/data/eval2 given again) counts once. A facts file names its article and the facts a teacher would ask,
most important first:

    article: tests/data/eval/NAME.txt      # relative to the repo, or to the facts file
    subject: [青禾县]                       # optional: what the whole article is about
    facts:
      - {kind: date, any: ["2月21日"], near: "常委会"}

Per article and in total it prints: the number of questions; recall of the facts by any
question and strict recall by questions that pass every automatic check (bench/quality_checks.py
plus the two bank-wide ones below), and how many of the first ten facts are asked so; the
automatic defect rate (questions with at least one defect); the leak rate (fill/choice answers
printed verbatim in another question's prompt); the ratio and rank attacks on number options
against chance (bench/quality_numbers.py); the largest number of questions from one sentence.
Columns marked * leave out the two bank-wide defects (a leak, an answer the ratio attack gives
away), which have columns of their own: defects* is comparable with issue 10's "automatic
defects <= 5%", strict* with the shared yardstick's strict recall.
True/false questions never count as asking a fact. --show lists every defect and missed fact;
--json prints the same figures for machines. The last line holds the totals."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bench.quality_checks import Article, question_defects
from bench.quality_numbers import Attacks
from bench.quality_text import contains, norm

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "data" / "eval"
EVAL2 = ROOT / "tests" / "data" / "eval2"  # the second held-out set (issue 10's unseen articles)
EVAL3 = ROOT / "tests" / "data" / "eval3"  # the third, for the final measurement of generator round 3
SETS = (EVAL, EVAL2, EVAL3)
SEED = ROOT / "seeds" / "xizang-dangshi-2021.txt"


@dataclass
class Case:
    name: str
    group: str
    facts_path: Path
    article: Path
    facts: list[dict]
    subject: list[str] | None


@dataclass
class Score:
    name: str
    group: str
    n: int = 0
    facts: int = 0
    hit: int = 0
    strict: int = 0
    strict_own: int = 0
    top10: int = 0
    top10_of: int = 0
    defective: int = 0
    defective_own: int = 0
    leaked: int = 0
    askable: int = 0
    per_sentence_max: int = 0
    attacks: Attacks = field(default_factory=Attacks)
    kinds: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    defects: dict = field(default_factory=dict)
    missed: list = field(default_factory=list)
    error: str | None = None


def load_case(facts_path: Path, group: str | None = None) -> Case:
    data = yaml.safe_load(facts_path.read_text(encoding="utf-8")) or {}
    art = Path(str(data.get("article", "")))
    if not art.is_absolute():
        beside = facts_path.parent / art
        art = beside if beside.exists() else ROOT / art
    name = facts_path.name.removesuffix(".facts.yaml").removesuffix(".yaml")
    if group is None:
        group = "seed" if art.resolve() == SEED.resolve() else facts_path.parent.name
    subject = data.get("subject")
    return Case(name=name, group=group, facts_path=facts_path, article=art, facts=list(data.get("facts") or []),
                subject=[subject] if isinstance(subject, str) else subject)


def find_cases(paths: list[str], only: bool) -> list[Case]:
    files: list[tuple[Path, str | None]] = []
    if not only:
        files += [(p, None) for d in SETS for p in sorted(d.glob("*.facts.yaml"))]
    for p in map(Path, paths):
        if p.is_dir():
            files += [(f, p.resolve().name) for f in sorted(p.glob("*.facts.yaml"))]
        else:
            files.append((p, p.resolve().parent.name))
    seen: set[Path] = set()
    cases = []
    for f, g in files:
        if f.resolve() not in seen:
            seen.add(f.resolve())
            cases.append(load_case(f, g))
    order = {"seed": 0, **{d.name: i + 1 for i, d in enumerate(SETS)}}
    return sorted(cases, key=lambda c: (order.get(c.group, len(order)), c.group, c.name))


def generate(case: Case, workdir: Path, extra: list[str]):
    """The bank `quiz generate` writes for the article, loaded by the project's loader."""
    from quiz.core.banks.loader import load_path

    out = workdir / f"{case.group}-{case.name}.yaml"
    cmd = [sys.executable, "-m", "quiz", "generate", str(case.article), "-o", str(out), *extra]
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=600)
    if run.returncode != 0:
        raise RuntimeError(f"quiz generate exited {run.returncode}: {run.stderr.strip()[-300:]}")
    result = load_path(out)
    if not result.ok or result.bank is None:
        raise RuntimeError(f"the bank does not load: {result.problems[:1]}")
    return result.bank


def fact_asked(fact: dict, q) -> bool:
    if q.type == "truefalse":
        return False
    near = fact.get("near")
    if near and norm(near) not in norm(f"{q.prompt} {q.source or ''}"):
        return False
    return any(contains(str(k), a) for a in q.answers for k in fact.get("any") or [])


BANK_WIDE = ("leak", "ratio-guess")  # found across the bank's questions; each has its own column too


def leaks(questions) -> dict[str, str]:
    """id -> answer, for fill/choice questions whose answer another question's prompt prints."""
    prompts = [(q.id, norm(q.prompt)) for q in questions]
    out = {}
    for q in questions:
        if q.type not in ("fill", "choice") or not q.answers or len(norm(q.answer)) < 2:
            continue
        if any(oid != q.id and contains(q.answer, p) for oid, p in prompts):
            out[q.id] = q.answer
    return out


def score(case: Case, bank) -> Score:
    s = Score(case.name, case.group)
    qs = list(bank.questions)
    art = Article.read(case.article.read_text(encoding="utf-8"), case.subject)
    s.n = len(qs)
    s.types = Counter(q.type for q in qs)
    leaked = leaks(qs)
    attacks = Attacks()
    for q in qs:
        if q.type == "choice" and q.answers:
            attacks.add(q.id, list(q.choices), q.answer)
    guessed = set(attacks.guessed)
    for q in qs:
        d = question_defects(q, art)
        if q.id in leaked:
            d.append(f"leak: {leaked[q.id]} is printed in another question's prompt")
        if q.id in guessed:
            d.append(f"ratio-guess: the others are simple multiples of {q.answer}")
        if d:
            s.defects[q.id] = d
            s.kinds.update({x.split(":")[0] for x in d})
    own = {qid for qid, d in s.defects.items() if any(x.split(":")[0] not in BANK_WIDE for x in d)}
    s.defective = len(s.defects)
    s.defective_own = len(own)
    s.askable = sum(1 for q in qs if q.type in ("fill", "choice"))
    s.leaked = len(leaked)
    s.attacks = attacks
    s.per_sentence_max = max(Counter(norm(q.source or q.prompt) for q in qs).values(), default=0)
    s.facts = len(case.facts)
    s.top10_of = min(10, s.facts)
    clean = [q for q in qs if q.id not in s.defects]
    clean_own = [q for q in qs if q.id not in own]
    for i, f in enumerate(case.facts):
        anyq = any(fact_asked(f, q) for q in qs)
        strict = any(fact_asked(f, q) for q in clean)
        s.hit += anyq
        s.strict += strict
        s.strict_own += any(fact_asked(f, q) for q in clean_own)
        s.top10 += strict and i < 10
        if not strict:
            s.missed.append({"fact": f, "asked_with_defects": anyq})
    return s


def total(name: str, scores: list[Score]) -> Score:
    t = Score(name, name)
    for s in scores:
        for k in ("n", "facts", "hit", "strict", "strict_own", "top10", "top10_of", "defective", "defective_own",
                  "leaked", "askable"):
            setattr(t, k, getattr(t, k) + getattr(s, k))
        t.per_sentence_max = max(t.per_sentence_max, s.per_sentence_max)
        t.attacks.merge(s.attacks)
        t.kinds.update(s.kinds)
        t.types.update(s.types)
    return t


def _r(x: int, n: int) -> float | None:
    return round(x / n, 3) if n else None


def as_dict(s: Score, details: bool) -> dict:
    d = {"name": s.name, "group": s.group, "questions": s.n, "facts": s.facts,
         "recall": _r(s.hit, s.facts), "strict_recall": _r(s.strict, s.facts),
         "strict_recall_own": _r(s.strict_own, s.facts), "top10_strict": s.top10,
         "top10_of": s.top10_of, "defect_rate": _r(s.defective, s.n), "defective": s.defective,
         "own_defect_rate": _r(s.defective_own, s.n), "own_defective": s.defective_own,
         "leak_rate": _r(s.leaked, s.askable), "leaked": s.leaked, "fill_choice": s.askable,
         **s.attacks.summary(), "per_sentence_max": s.per_sentence_max,
         "defect_kinds": dict(sorted(s.kinds.items())), "types": dict(sorted(s.types.items()))}
    if s.error:
        d["error"] = s.error
    if details:
        d["defects"] = s.defects
        d["missed"] = s.missed
    return d


HEAD = (f"{'article':<28}{'qs':>5}{'facts':>6}{'recall':>8}{'strict':>8}{'strict*':>8}{'top10':>7}{'defects':>9}"
        f"{'defects*':>9}{'leak':>7}{'ratio (chance)':>16}{'rank (chance)':>16}{'max/sent':>9}")


def _f(x) -> str:
    return "-" if x is None else f"{x:.2f}"


def row(s: Score) -> str:
    if s.error:
        return f"{s.name:<28}  ERROR: {s.error}"
    a = s.attacks.summary()
    ratio = f"{_f(a['ratio'])} ({_f(a['ratio_chance'])})"
    rank = f"{_f(a['rank'])} ({_f(a['rank_chance'])})"
    return (f"{s.name[:27]:<28}{s.n:>5}{s.facts:>6}{_f(_r(s.hit, s.facts)):>8}{_f(_r(s.strict, s.facts)):>8}"
            f"{_f(_r(s.strict_own, s.facts)):>8}{f'{s.top10}/{s.top10_of}':>7}{_f(_r(s.defective, s.n)):>9}"
            f"{_f(_r(s.defective_own, s.n)):>9}{_f(_r(s.leaked, s.askable)):>7}"
            f"{ratio:>16}{rank:>16}{s.per_sentence_max:>9}")


def show(case: Case, s: Score, bank) -> None:
    print(f"\n== {s.group}/{s.name}: {case.article}")
    byid = {q.id: q for q in bank.questions} if bank else {}
    for qid, ds in s.defects.items():
        q = byid.get(qid)
        print(f"  {qid} [{q.type if q else '?'}] {q.answer if q else ''}: " + "; ".join(ds))
    for m in s.missed:
        f = m["fact"]
        how = "only by defective questions" if m["asked_with_defects"] else "not asked"
        print(f"  missed ({how}): {f.get('kind')} {f.get('any')}" + (f" near {f['near']}" if f.get("near") else ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.quality", description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="more NAME.facts.yaml files or folders of them")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--show", action="store_true", help="list every defect and missed fact")
    ap.add_argument("--only", action="store_true", help="score only PATHs, not the seed and the eval set")
    ap.add_argument("--gen-arg", action="append", default=[], help="an extra argument for quiz generate")
    args = ap.parse_args(argv)
    cases = find_cases(args.paths, args.only)
    if not cases:
        print("no facts files found", file=sys.stderr)
        return 2
    scores: list[Score] = []
    banks = {}
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(generate, c, Path(tmp), args.gen_arg) for c in cases]
        for c, fut in zip(cases, futures):
            try:
                if not c.article.exists():
                    raise FileNotFoundError(f"no article {c.article}")
                banks[c.name, c.group] = bank = fut.result()
                scores.append(score(c, bank))
            except Exception as e:  # one broken article is reported, the others still count
                scores.append(Score(c.name, c.group, error=f"{type(e).__name__}: {e}"))
    groups = list(dict.fromkeys(s.group for s in scores))
    good = [s for s in scores if not s.error]
    subtotals = [total(f"{g} ({sum(1 for s in good if s.group == g)})", [s for s in good if s.group == g])
                 for g in groups]
    grand = total(f"TOTAL ({len(good)})", good)
    failed = sum(1 for s in scores if s.error)
    if args.json:
        print(json.dumps({"articles": [as_dict(s, args.show) for s in scores],
                          "groups": [as_dict(t, False) for t in subtotals], "total": as_dict(grand, False)},
                         ensure_ascii=False, indent=1))
        return 1 if failed else 0
    if args.show:
        for c, s in zip(cases, scores):
            show(c, s, banks.get((c.name, c.group)))
        print()
    print(HEAD)
    for g in groups:
        for s in scores:
            if s.group == g:
                print(row(s))
    print("-" * len(HEAD))
    for t in subtotals:
        print(row(t))
    kinds = ", ".join(f"{k} {n}" for k, n in grand.kinds.most_common())
    print(f"questions with each defect: {kinds or 'none'}")
    print("strict: recall by questions with no defect; top10: of the ten most important facts, asked so; "
          "*: a leak or a ratio guess not counted; rank: best of median/extreme pick")
    print(row(grand))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
