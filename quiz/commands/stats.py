"""`quiz stats [--json] [--bank ID]`: what has been studied, what is due, how well it is going."""
from __future__ import annotations

import argparse
from datetime import UTC

from quiz.commands.common import Failure, out, out_json, say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--bank", action="append", default=None, metavar="ID",
                        help="only this bank id (may repeat)")


def run(args: argparse.Namespace) -> int:
    from datetime import datetime

    from quiz.core import paths
    from quiz.core.store import Store, StoreError, stats
    from quiz.i18n import resolve_lang, text

    now = datetime.now(UTC)
    try:
        with Store.open(paths.data_dir(args.data_dir), clock=lambda: now, create=False, backup=False) as store:
            lang = resolve_lang(args.lang, store)  # --lang, else the saved setting, else the locale
            known = stats.studied_banks(store)
            unknown = [b for b in args.bank or () if b not in known]
            if unknown:
                raise Failure(text(lang, "cli.stats.unknown_bank", banks=", ".join(unknown),
                                   known=", ".join(known) or text(lang, "cli.stats.no_banks")))
            over = stats.overview(store, now, args.bank)
            data = over.to_dict()
            data["accuracy_by_bank"] = {b: {"right": r, "answered": n} for b, (r, n) in
                                        stats.accuracy_by_bank(store, args.bank, 30, now).items()}
            data["seconds_per_answer"] = stats.time_per_answer(store, args.bank, 30, now)
            data["reviews_per_day"] = {d.isoformat(): n for d, n in
                                       sorted(stats.reviews_per_day(store, now, 30, args.bank).items())}
    except StoreError as e:
        say(f"quiz: {e}")
        return 1
    if args.json:
        out_json(data)
        return 0
    out(render(data, lang))
    return 0


def render(d: dict, lang: str) -> str:
    """`quiz stats` as text in `lang`, from the catalog (keys cli.stats.*)."""
    from quiz.i18n import text

    ret = "-" if d["retention"] is None else f"{d['retention'] * 100:.1f}%"
    spa = "-" if d["seconds_per_answer"] is None else f"{d['seconds_per_answer']:.1f}"
    lines = [
        text(lang, "cli.stats.reviews", reviews=d["reviews"], today=d["reviews_today"]),
        text(lang, "cli.stats.due", due=d["due_today"], new=d["new"], learning=d["learning"]),
        text(lang, "cli.stats.missed", missed=d["missed"], leeches=d["leeches"]),
        text(lang, "cli.stats.retention", retention=ret, seconds=spa),
        text(lang, "cli.stats.streak", days=days(lang, d["streak_days"]),
             best=days(lang, d.get("best_streak_days", d["streak_days"]))),
        text(lang, "cli.stats.forecast", days=" ".join(str(n) for n in d["forecast"][:7])),
    ]
    if d["accuracy_by_bank"]:
        lines.append(text(lang, "cli.stats.by_bank"))
        for bank, a in d["accuracy_by_bank"].items():
            pct = a["right"] / a["answered"] * 100 if a["answered"] else 0
            lines.append(f"  {bank}: {a['right']}/{a['answered']} ({pct:.0f}%)")
    return "\n".join(lines)


def days(lang: str, n: int) -> str:
    """"1 day", "3 days", "3 天"."""
    from quiz.i18n import text

    return text(lang, "cli.day" if n == 1 else "cli.days", n=n)
