"""quiz generate ARTICLE.txt [-o BANK.yaml] [--id ID] [--title TITLE] [--max N | --all] [--explain]:
a question bank from an article."""
from __future__ import annotations

import os
import sys

HELP = "generate a question bank from an article"
BIG = 1_000_000  # bytes: show progress above this size


def add_arguments(p) -> None:
    p.add_argument("article", metavar="ARTICLE", help="the article, a UTF-8 text file")
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


def _err(msg: str) -> None:
    from quiz.core.textsafe import printable
    print(printable(f"quiz: {msg}"), file=sys.stderr)


def _summary(result, dest: str) -> None:
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
    print("\n".join(lines), file=sys.stderr)


def _report(result) -> list[str]:
    """How many candidates were found and why the others were not kept (by reason, then kind)."""
    from collections import Counter

    from quiz.core.generate.select import REASONS
    total = len(result.bank.questions)
    lines = [f"  {result.candidates} candidates, {total} kept"]
    why: Counter = Counter(reason for _, reason in result.dropped)
    for reason, n in why.most_common():
        kinds = Counter(c.question.tags[0] for c, r in result.dropped if r == reason)
        parts = ", ".join(f"{k} {m}" for k, m in sorted(kinds.items()))
        lines.append(f"  dropped {n:>4}  {REASONS.get(reason, reason)} ({parts})")
    return lines


def _explain(result) -> None:
    from quiz.core.generate.select import REASONS
    from quiz.core.textsafe import printable
    for c, reason in result.dropped:
        q = c.question
        answer = "、".join(q.answers) if q.type in ("multi", "order") else q.answer
        line = f"  dropped {q.id} [{q.tags[0]} {q.type} {c.score:.2f}] {REASONS.get(reason, reason)}: {answer} | {q.prompt}"
        print(printable(line), file=sys.stderr)


def run(args) -> int:
    from pathlib import Path

    from quiz.core.generate import ArticleError, decode_article, generate
    from quiz.core.generate.meta import bank_id_from, read_meta
    from quiz.core.model import Source

    path = Path(args.article)
    from quiz.core.fileio import same_file

    if args.output and same_file(args.article, args.output):
        _err(f"{args.output} is the article itself; write the bank to another file")
        return 2
    try:
        from quiz.core.fileio import read_input

        data = read_input(path, 64 * 1024 * 1024)  # bounded: /dev/zero is refused, not read forever
    except FileNotFoundError:
        _err(f"{args.article}: no such file")
        return 2
    except IsADirectoryError:
        _err(f"{args.article}: is a folder, not an article")
        return 2
    except OSError as e:
        _err(f"{args.article}: cannot read the file: {e.strerror or e}")
        return 2
    try:
        text = decode_article(data, args.article)
        meta = read_meta(path)
    except (ArticleError, ValueError) as e:
        _err(str(e))
        return 2
    progress = None
    if len(data) > BIG:
        tty = sys.stderr.isatty()
        last = [-1]

        def _progress(done: int, total: int) -> None:
            pct = 100 * done // max(total, 1)
            if pct // 10 != last[0] // 10 or (tty and pct != last[0]):
                last[0] = pct
                end = "\r" if tty and pct < 100 else "\n"
                print(f"quiz: reading {args.article}: {pct}%", end=end, file=sys.stderr, flush=True)

        progress = _progress

    bank_id = args.bank_id or meta.id or bank_id_from(path.name)
    from quiz.core.generate.meta import _ID_OK
    if _ID_OK.search(bank_id):
        _err(f"--id {bank_id!r}: use only letters, digits, - _ .")
        return 2
    result = generate(text, bank_id=bank_id, title=args.title or meta.title, description=meta.description,
                      tags=meta.tags, progress=progress, keep_all=args.keep_all, most=args.most,
                      source=Source(file=path.name, title=meta.full_title or None,
                                    publisher=meta.publisher, date=meta.date))
    if result.bank.source and not result.bank.source.title:
        from dataclasses import replace
        from quiz.core.generate.text import parse_article
        full = parse_article(text).title if not meta.full_title else meta.full_title
        result.bank = replace(result.bank, source=replace(result.bank.source, title=full or None))
    from quiz.core.emit import dump_bank, schema_ref
    out_dir = os.path.dirname(os.path.abspath(args.output)) if args.output else None
    header = [f"Generated by `quiz generate {path.name}`: regenerate it rather than editing it."]
    yaml_text = dump_bank(result.bank, schema=schema_ref(out_dir), header_comment_lines=header)
    for w in result.warnings:
        _err(f"{args.article}: warning: {w}")
    if args.explain:
        _explain(result)
    if args.output:
        from quiz.core.fileio import write_output
        try:
            write_output(args.output, yaml_text)
        except OSError as e:
            _err(f"{args.output}: cannot write the bank: {e.strerror or e}")
            return 2
        _summary(result, args.output)
    else:
        sys.stdout.write(yaml_text)
        sys.stdout.flush()
        _summary(result, "stdout")
    return 0
