"""quiz new FILE.yaml [--from-article ARTICLE] [--force]: start a bank, valid as written."""
from __future__ import annotations

import os
from pathlib import Path

from quiz.commands.common import USAGE, bank_id_option, check_output, fail, free_bank_id, say, write_or_print

TEMPLATE = """\
{modeline}
# A new question bank. Every question type has one example below: change them,
# copy them, delete what you do not need. Check the file with
#   quiz validate {name}      (mistakes, with line and column)
#   quiz lint {name}          (things a careful editor would flag)
# The format: docs/bank-format.md; a teacher's guide: docs/authoring.md.
# Questions with the same `source` sentence (or the same `group:`) are siblings: a session shows
# one of them, so that one does not give another's answer away.
bank:
  id: {id}            # history is kept by bank id + question id: do not change them later
  title: {title}
  description: 在这里写一句题库说明
  tags: [党史]
questions:
  # choice: one right option; `answer` must be one of `choices`.
  - id: example-choice
    type: choice
    prompt: 党史学习教育的目标要求中，“学史明理”之后是哪一句？
    choices: [学史增信, 学史崇德, 学史力行, 学史知行]
    answer: 学史增信
    explanation: 目标要求依次是学史明理、学史增信、学史崇德、学史力行。
    source: 学史明理、学史增信、学史崇德、学史力行。   # the sentence the fact comes from
    tags: [口号]

  # multi: several right options; `answer` is the list of the right ones.
  - id: example-multi
    type: multi
    prompt: 下列哪些是党史学习教育的目标要求？
    choices: [学史明理, 学史增信, 学史致富, 学史力行]
    answer: [学史明理, 学史增信, 学史力行]
    source: 学史明理、学史增信、学史崇德、学史力行。

  # truefalse: a statement; `answer` is true or false.
  - id: example-truefalse
    type: truefalse
    prompt: 党史学习教育的目标要求共有四句。
    answer: true
    explanation: 学史明理、学史增信、学史崇德、学史力行，共四句。

  # fill: the answer is typed. Put it in the prompt as one {{{{blank}}}} ...
  - id: example-fill-cloze
    type: fill
    prompt: 学史明理、{{{{学史增信}}}}、学史崇德、学史力行
    hint: 第二句讲的是信念   # optional; without it the hint is the source with the answer hidden
    source: 学史明理、学史增信、学史崇德、学史力行。

  # ... or as `answer` (with other accepted spellings in `accept`).
  # Numbers are compared by value (4 = 四), pinyin is accepted for Chinese.
  - id: example-fill-answer
    type: fill
    prompt: 党史学习教育的目标要求共有几句？
    answer: 4句
    accept: [四句]
    source: 学史明理、学史增信、学史崇德、学史力行。

  # order: `items` in the right order; learners see them shuffled.
  - id: example-order
    type: order
    prompt: 按顺序排列党史学习教育的目标要求
    items: [学史明理, 学史增信, 学史崇德, 学史力行]
    source: 学史明理、学史增信、学史崇德、学史力行。

  # card: a flashcard the learner grades (1 again, 2 hard, 3 good, 4 easy).
  - id: example-card
    type: card
    front: 党史学习教育的目标要求是什么？
    back: 学史明理、学史增信、学史崇德、学史力行
    explanation: 十六个字，四句话。
"""


def add_arguments(p) -> None:
    p.add_argument("file", metavar="FILE", help="the new bank file (.yaml)")
    p.add_argument("--from-article", metavar="ARTICLE", help="start from the bank generated from this article")
    p.add_argument("--id", dest="bank_id", help="bank id (default: from the file name)")
    p.add_argument("--title", help="bank title (default: from the file name or the article)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _yaml_scalar(text: str) -> str:
    import yaml
    return yaml.safe_dump(text, allow_unicode=True, default_flow_style=True, width=10**6).strip().removesuffix("...").strip()


def template(file: str, *, bank_id: str, title: str) -> str:
    from quiz.core.exchange.yaml_out import modeline, schema_ref

    out_dir = os.path.dirname(os.path.abspath(file))
    return TEMPLATE.format(modeline=modeline(schema_ref(out_dir)), name=os.path.basename(file),
                           id=bank_id, title=_yaml_scalar(title))


def _from_article(args, bank_id: str | None) -> str:
    from quiz.commands.generate import bank_from_article
    from quiz.core.exchange.yaml_out import dump_bank, schema_ref

    path = Path(args.from_article)
    result = bank_from_article(path, bank_id=bank_id or _id_of(args.file), title=args.title)
    if result.bank.id != (chosen := free_bank_id(result.bank.id, args, writing=args.file, explicit=bool(bank_id))):
        from dataclasses import replace

        result.bank = replace(result.bank, id=chosen)
    header = [f"Generated from {path.name} by `quiz new --from-article`: edit it freely (this copy is yours).",
              "Check it with `quiz validate` and `quiz lint`; the format is in docs/bank-format.md."]
    return dump_bank(result.bank, schema=schema_ref(os.path.dirname(os.path.abspath(args.file))),
                     header_comment_lines=header)


def _id_of(file: str) -> str:
    from quiz.core.generate.meta import bank_id_from
    return bank_id_from(os.path.basename(file))


def run(args) -> int:
    bank_id = bank_id_option(args.bank_id)
    if not args.file.strip():
        fail("give the name of the new bank file (for example mybank.yaml)", USAGE)
    if os.path.isdir(args.file):
        fail(f"{args.file} is a folder; give the name of the new bank file", USAGE)
    check_output(args.file, args.from_article, what="article", force=args.force)
    if args.from_article:
        text = _from_article(args, bank_id)
    else:
        stem = os.path.basename(args.file).rsplit(".", 1)[0]
        chosen = free_bank_id(bank_id or _id_of(args.file), args, writing=args.file, explicit=bool(bank_id))
        text = template(args.file, bank_id=chosen, title=args.title or stem or "新题库")
    write_or_print(args.file, text, force=args.force)
    say(f"quiz: wrote {args.file}; check it with `quiz validate {args.file}`")
    return 0
