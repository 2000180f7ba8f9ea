"""Synthetic banks for benchmarks: every question type, Chinese text, realistic sizes."""
from __future__ import annotations

import random


def big_bank_text(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    names = ["吴英杰", "石角", "齐扎拉", "白玛赤林", "罗布顿珠", "次仁卓嘎"]
    out = ["# yaml-language-server: $schema=bank.schema.json\nbank:\n  id: bench\n  title: 基准题库\nquestions:\n"]
    for i in range(n):
        t = i % 6
        n1 = rng.randint(10, 9999)
        src = f"    source: 截至目前，已开展各类学习研讨活动{n1}余场次，第{i}次统计。\n    tags: [figure, 精心部署落实]\n"
        if t == 0:
            ch = rng.sample(names, 4)
            out.append(f"  - id: q{i}\n    type: choice\n    prompt: 第{i}题：文中的讲话者是谁？\n    choices: [{', '.join(ch)}]\n    answer: {ch[0]}\n" + src)
        elif t == 1:
            out.append(f"  - id: q{i}\n    type: fill\n    prompt: 已开展各类学习研讨活动{{{{{n1}余场次}}}}（第{i}题）\n    explanation: 见原文第{i % 40}段。\n" + src)
        elif t == 2:
            out.append(f"  - id: q{i}\n    type: multi\n    prompt: 第{i}题：通过哪些形式设立专题专栏？\n    choices:\n      - 广播\n      - 电视\n      - 报刊\n      - 电影\n    answer: [广播, 电视, 报刊]\n" + src)
        elif t == 3:
            out.append(f"  - id: q{i}\n    type: truefalse\n    prompt: 纪念馆新馆占地{n1}平方米（第{i}题）。\n    answer: {'true' if n1 % 2 else 'false'}\n" + src)
        elif t == 4:
            out.append(f"  - id: q{i}\n    type: order\n    prompt: 第{i}题：按原文顺序排列\n    items: [学史明理, 学史增信, 学史崇德, 学史力行]\n" + src)
        else:
            out.append(f"  - id: q{i}\n    type: card\n    front: 第{i}题：西藏民主改革多少周年？\n    back: {n1}周年\n" + src)
    return "".join(out)
