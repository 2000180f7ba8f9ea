"""`quiz stats [--json] [--bank ID]`: what has been studied, what is due, how well it is going."""
from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--bank", action="append", default=None, metavar="ID",
                        help="only this bank id (may repeat)")


def run(args: argparse.Namespace) -> int:
    from datetime import datetime, timezone

    from quiz.core import paths, stats
    from quiz.core.store import Store, StoreError

    now = datetime.now(timezone.utc)
    try:
        with Store.open(paths.data_dir(args.data_dir), clock=lambda: now, create=False, backup=False) as store:
            over = stats.overview(store, now, args.bank)
            data = over.to_dict()
            data["accuracy_by_bank"] = {b: {"right": r, "answered": n} for b, (r, n) in
                                        stats.accuracy_by_bank(store, args.bank, 30, now).items()}
            data["seconds_per_answer"] = stats.time_per_answer(store, args.bank, 30, now)
            data["reviews_per_day"] = {d.isoformat(): n for d, n in
                                       sorted(stats.reviews_per_day(store, now, 30, args.bank).items())}
    except StoreError as e:
        print(f"quiz: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(render(data, args.lang or "zh"))
    return 0


def render(d: dict, lang: str) -> str:
    ret = "-" if d["retention"] is None else f"{d['retention'] * 100:.1f}%"
    spa = "-" if d["seconds_per_answer"] is None else f"{d['seconds_per_answer']:.1f}"
    if lang == "en":
        lines = [f"Reviews: {d['reviews']} (today {d['reviews_today']})",
                 f"Due today: {d['due_today']}   New: {d['new']}   Learning: {d['learning']}",
                 f"Missed: {d['missed']}   Leeches: {d['leeches']}",
                 f"Retention (30 days): {ret}   Seconds per answer: {spa}",
                 f"Study streak: {d['streak_days']} days",
                 "Due in the next 7 days: " + " ".join(str(n) for n in d["forecast"][:7])]
        head = "By bank (30 days):"
    else:
        lines = [f"答题总数：{d['reviews']}（今天 {d['reviews_today']}）",
                 f"今日到期：{d['due_today']}   新题：{d['new']}   学习中：{d['learning']}",
                 f"错题：{d['missed']}   难题（已暂停）：{d['leeches']}",
                 f"近 30 天记忆保持率：{ret}   每题用时（秒）：{spa}",
                 f"连续学习：{d['streak_days']} 天",
                 "未来 7 天到期：" + " ".join(str(n) for n in d["forecast"][:7])]
        head = "各题库正确率（近 30 天）："
    if d["accuracy_by_bank"]:
        lines.append(head)
        for bank, a in d["accuracy_by_bank"].items():
            pct = a["right"] / a["answered"] * 100 if a["answered"] else 0
            lines.append(f"  {bank}: {a['right']}/{a['answered']} ({pct:.0f}%)")
    return "\n".join(lines)
