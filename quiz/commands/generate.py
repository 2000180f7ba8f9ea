"""quiz generate ARTICLE(.txt|.docx|.html|.pdf) [-o BANK.yaml] [--id ID] [--title TITLE]: a question bank from an article."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands.common import (
    bank_id_option,
    check_bank_size,
    check_output,
    fail,
    free_bank_id,
    read_input,
    say,
    write_or_print,
)

if TYPE_CHECKING:
    from quiz.core.generate import Result

BIG = 1_000_000  # bytes: show progress above this size


def add_arguments(p) -> None:
    p.add_argument("article", metavar="ARTICLE", help="the article: UTF-8 text, Word (.docx), a saved web page "
                   "(.html) or a text PDF")
    p.add_argument("-o", "--output", metavar="BANK", default=None,
                   help="write the bank here (default: print it on stdout)")
    p.add_argument("--id", dest="bank_id", default=None, help="bank id (default: from the file name)")
    p.add_argument("--title", default=None, help="bank title (default: the metadata file or the article's title)")
    p.add_argument("--max", dest="most", type=_count, default=None, metavar="N",
                   help="keep at most the N best questions")
    p.add_argument("--all", dest="keep_all", action="store_true",
                   help="keep every candidate question, best first (default: the best few per sentence)")
    p.add_argument("--explain", action="store_true",
                   help="print on stderr one line for each candidate that was not kept, and why")


def _count(text: str) -> int:
    import argparse
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def _summary(result: Result, dest: str) -> None:
    from collections import defaultdict
    by_kind: dict[str, dict[str, int]] = defaultdict(dict)
    by_type: dict[str, int] = defaultdict(int)
    for (kind, qtype), n in sorted(result.counts.items()):
        by_kind[kind][qtype] = n
        by_type[qtype] += n
    total = sum(by_type.values())
    lines = [f"quiz: {total} question{'s' if total != 1 else ''} -> {dest}"]
    for kind, types in by_kind.items():
        parts = ", ".join(f"{t} {n}" for t, n in types.items())
        lines.append(f"  {kind:<7} {sum(types.values()):>4}  ({parts})")
    if by_type:
        lines.append("  by type: " + ", ".join(f"{t} {n}" for t, n in sorted(by_type.items())))
    lines += _report(result)
    say("\n".join(lines))


def _report(result: Result) -> list[str]:
    """How many candidates were found and why the others were not kept (by reason, then kind)."""
    from collections import Counter

    from quiz.core.generate.build import DROP_REASONS as REASONS
    total = len(result.bank.questions)
    lines = [f"  {result.candidates} candidates, {total} kept"]
    why: Counter = Counter(reason for _, reason in result.dropped)
    for reason, n in why.most_common():
        kinds = Counter(c.question.tags[0] for c, r in result.dropped if r == reason)
        parts = ", ".join(f"{k} {m}" for k, m in sorted(kinds.items()))
        lines.append(f"  dropped {n:>4}  {REASONS.get(reason, reason)} ({parts})")
    return lines


def _explain(result: Result) -> None:
    """One line on stderr for each candidate that was not kept, and why."""
    from quiz.core.generate.build import DROP_REASONS as REASONS
    from quiz.core.qtype import expected_text

    for c, reason in result.dropped:
        q = c.question
        say(f"  dropped {q.id} [{q.tags[0]} {q.type} {c.score:.2f}] {REASONS.get(reason, reason)}: "
            f"{expected_text(q)} | {q.prompt}")


def bank_from_article(path: Path, *, bank_id: str | None = None, title: str | None = None,
                      progress: Callable[[int, int], None] | None = None, keep_all: bool = False,
                      most: int | None = None) -> Result:
    """The generator's whole pipeline for an article file (with its ARTICLE.meta.yaml): read, decode,
    generate, name. `quiz generate` and `quiz new --from-article` both call it. Raises Failure."""
    from quiz.core.articles import read_article
    from quiz.core.generate import generate
    from quiz.core.generate.meta import bank_id_from, read_meta
    from quiz.core.model import Source

    data = read_input(path, what="article")
    try:
        article = read_article(data, str(path))  # .txt, .docx, .html, .pdf: by content and name
        text = article.text
        meta = read_meta(path)
    except ValueError as e:
        fail(str(e))
    result = generate(text, bank_id=bank_id or meta.id or bank_id_from(path.name),
                      title=title or meta.title or article.title or None,
                      description=meta.description, tags=meta.tags, progress=progress, keep_all=keep_all, most=most,
                      source=Source(file=path.name, title=meta.full_title or article.title or None,
                                    publisher=meta.publisher or article.source_publisher,
                                    date=meta.date or article.date))
    if result.bank.source and not result.bank.source.title:
        from dataclasses import replace

        from quiz.core.generate.text import parse_article
        full = parse_article(text).title
        result.bank = replace(result.bank, source=replace(result.bank.source, title=full or None))
    for w in result.warnings:
        say(f"quiz: {path}: warning: {w}")
    return result


def _progress(article: str) -> Callable[[int, int], None]:
    from quiz.core.textsafe import printable

    tty = sys.stderr.isatty()
    last = [-1]

    def progress(done: int, total: int) -> None:
        pct = 100 * done // max(total, 1)
        if pct // 10 != last[0] // 10 or (tty and pct != last[0]):
            last[0] = pct
            end = "\r" if tty and pct < 100 else "\n"
            print(printable(f"quiz: reading {article}: {pct}%", keep_newlines=False), end=end, file=sys.stderr,
                  flush=True)

    return progress


def run(args) -> int:
    from quiz.core.exchange.yaml_out import dump_bank, schema_ref

    path = Path(args.article)
    check_output(args.output, path, what="article")
    bank_id = bank_id_option(args.bank_id)
    big = os.path.isfile(path) and os.path.getsize(path) > BIG
    result = bank_from_article(path, bank_id=bank_id, title=args.title, progress=_progress(args.article) if big else None,
                               keep_all=args.keep_all, most=args.most)
    # no clash with a bank in the bank folders (on stdout, e.g. regenerating a bank: kept, with a warning)
    chosen = free_bank_id(result.bank.id, args, writing=args.output, explicit=bool(bank_id) or not args.output)
    if chosen != result.bank.id:
        from dataclasses import replace
        result.bank = replace(result.bank, id=chosen)
    if args.explain:
        _explain(result)
    out_dir = os.path.dirname(os.path.abspath(args.output)) if args.output else None
    header = [f"Generated by `quiz generate {path.name}`: regenerate it rather than editing it."]
    text = dump_bank(result.bank, schema=schema_ref(out_dir), header_comment_lines=header)
    check_bank_size(text, what=f"the bank generated from {path}")
    write_or_print(args.output, text)
    _summary(result, args.output or "stdout")
    return 0
