"""`quiz leeches [--bank ID] [--unsuspend BANK:QUESTION | --unsuspend-all] [--json]`:
the cards suspended after 8 lapses (Anki's rule), and a way to bring them back."""
from __future__ import annotations

import argparse
from datetime import UTC

from quiz.commands.common import out, out_json, say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bank", action="append", default=None, metavar="ID", help="only this bank id (may repeat)")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--unsuspend", action="append", default=None, metavar="BANK:QUESTION",
                      help="study this leech again (may repeat)")
    what.add_argument("--unsuspend-all", action="store_true", help="study every listed leech again")
    parser.add_argument("--json", action="store_true", help="print JSON")


def _prompts(args) -> dict[tuple[str, str], str]:
    """(bank id, question id) -> prompt, from the banks quiz can find (best effort)."""
    from quiz.core.banks.library import bank_dirs, find_bank_files
    from quiz.core.banks.loader import load_path
    from quiz.core.paths import data_dir

    out: dict[tuple[str, str], str] = {}
    for path in find_bank_files(bank_dirs(args.bank_dir, data_dir=data_dir(args.data_dir))):
        bank = load_path(path).bank
        if bank is not None:
            for q in bank.questions:
                out.setdefault((bank.id, q.id), q.prompt)
    return out


def run(args: argparse.Namespace) -> int:
    from datetime import datetime

    from quiz.core import paths
    from quiz.core.store import Store, StoreError
    from quiz.core.textsafe import one_line, printable
    from quiz.i18n import text

    lang = args.lang or "en"  # resolved by quiz.cli: --lang, else the saved setting, else the locale

    writing = bool(args.unsuspend or args.unsuspend_all)
    try:
        with Store.open(paths.data_dir(args.data_dir), clock=lambda: datetime.now(UTC),
                        create=writing, backup=False) as store:
            leeches = store.leeches(args.bank)
            if writing:
                wanted = None if args.unsuspend_all else set(args.unsuspend)
                by_key = {f"{c.bank_id}:{c.question_id}": c for c in leeches}
                unknown = sorted((wanted or set()) - set(by_key))
                if unknown:
                    say("quiz: " + text(lang, "cli.leeches.not_leech", cards=printable(", ".join(unknown))))
                    return 1
                chosen = [c for k, c in by_key.items() if wanted is None or k in wanted]
                for c in chosen:
                    store.set_suspended(c.id, False)
                out(text(lang, "cli.leeches.unsuspended_one" if len(chosen) == 1 else "cli.leeches.unsuspended",
                         n=len(chosen)))
                return 0
    except StoreError as e:
        say(f"quiz: {e}")
        return 1
    prompts = _prompts(args) if leeches else {}
    rows = [{"bank": c.bank_id, "question": c.question_id, "lapses": c.st.lapses, "suspended": c.st.suspended,
             "prompt": prompts.get((c.bank_id, c.question_id))} for c in leeches]
    if args.json:
        out_json(rows)
        return 0
    if not rows:
        out(text(lang, "cli.leeches.none"))
        return 0
    for r in rows:
        state = text(lang, "cli.leeches.suspended" if r["suspended"] else "cli.leeches.active")
        out(text(lang, "cli.leeches.row", card=f"{r['bank']}:{r['question']}", lapses=r["lapses"], state=state,
                 prompt=one_line(r["prompt"] or "")[:60]))
    return 0
