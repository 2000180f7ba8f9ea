"""Hostile text for the tests: Textual/Rich markup (actions, links, unbalanced tags), ANSI CSI and OSC
sequences (title, OSC 52 clipboard, OSC 8 links), C1 controls, bidi overrides and isolates."""
from __future__ import annotations

import re

# What must never reach a terminal: C0 controls but tab/newline, DEL, C1, bidi embeddings/overrides/isolates
# and marks. (The last: a right-to-left mark also reorders what follows.)
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")

# What a bank may hold, as YAML double-quoted escapes. `{dir}`: where a screenshot action would write.
HOSTILE_YAML = (r"[@click=app.screenshot('victim.svg','{dir}')]点我[/] [@click=app.quit]退出[/] "
                r"[link=https://evil.example]链接[/link] [/bold] [b \e[31m红\e[0m \e]0;PWNED\a "
                r"\e]52;c;ZXZpbA==\a \x9b2J \u202e倒序\u202c \u2066隔离\u2069 \e]8;;https://evil.example\e\\L\e]8;;\e\\")

# Literal pieces that must show on screen as written (markup is text, not style or action); the first
# is the head of a title, which a narrow column may cut before the others.
LITERALS = ("[@click=app.screenshot(", "[@click=app.quit]", "[link=https://evil.example]")


def unsafe(text: str) -> list[str]:
    """The unsafe characters in `text`, as U+XXXX (sorted, once each)."""
    return sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(text)})


def hostile_bank_yaml(target_dir: str, bank_id: str = "hostile") -> str:
    """A valid bank of one question of each type whose every text field, tag and title is hostile
    (ids hold markup only: an id cannot hold spaces or controls)."""
    h = HOSTILE_YAML.format(dir=target_dir)

    def txt(label: str) -> str:
        return f'"{label} {h}"'

    def common(n: str) -> str:
        return (f"    explanation: {txt('解析' + n)}\n    source: {txt('出处' + n)}\n    hint: {txt('提示' + n)}\n"
                f'    tags: ["[@click=app.quit]标签{n}[/]", {txt("标签")}]\n')

    return (
        "bank:\n"
        f'  id: "{bank_id}"\n'
        f"  title: {txt('标题')}\n"
        f"  description: {txt('说明')}\n"
        f"  source: {{file: {txt('文件')}, title: {txt('来源')}, publisher: {txt('发布')}, date: {txt('日期')}}}\n"
        f"  tags: [{txt('题库标签')}]\n"
        "questions:\n"
        '  - id: "[@click=app.quit]choice[/]"\n    type: choice\n'
        f"    prompt: {txt('单选')}\n    choices: [{txt('甲')}, {txt('乙')}, {txt('丙')}]\n    answer: {txt('甲')}\n"
        + common("1") +
        '  - id: "[link=https://evil.example]multi[/link]"\n    type: multi\n'
        f"    prompt: {txt('多选')}\n    choices: [{txt('子')}, {txt('丑')}, {txt('寅')}]\n"
        f"    answer: [{txt('子')}, {txt('丑')}]\n" + common("2") +
        '  - id: "[@click=app.bell]tf[/]"\n    type: truefalse\n'
        f"    prompt: {txt('判断')}\n    answer: true\n" + common("3") +
        '  - id: "[b]fill"\n    type: fill\n'
        f"    prompt: {txt('填空')}\n    answer: \"[bold]答案[/bold]\"\n    accept: [{txt('也对')}]\n" + common("4") +
        '  - id: "order[/]"\n    type: order\n'
        f"    prompt: {txt('排序')}\n    items: [{txt('一')}, {txt('二')}, {txt('三')}]\n" + common("5") +
        '  - id: "[@click=app.screenshot()]card"\n    type: card\n'
        f"    front: {txt('正面')}\n    back: {txt('背面')}\n" + common("6")
    )
