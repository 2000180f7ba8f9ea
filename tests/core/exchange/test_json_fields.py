"""The canonical JSON keeps every field of the bank format (issue 11: `hint` and `bank.source.url` were
dropped): every field of the model is in the JSON, and a bank read back from its JSON equals the bank."""
from __future__ import annotations

import dataclasses
import json

from quiz.core.banks.loader import load_text
from quiz.core.exchange.json_out import dumps
from quiz.core.model import Bank, Question, Source

EVERY_FIELD = """\
bank:
  id: all
  title: 全部字段
  description: 说明
  language: zh
  source: {file: a.txt, title: 来源, publisher: 人民日报, date: "2021-03-26", url: "https://example.org/a"}
  tags: [党史]
questions:
  - {id: c, type: choice, prompt: 问, choices: [甲, 乙], answer: 甲, accept: [甲的], explanation: 解析, source: 出处,
     hint: 提示, tags: [一]}
  - {id: m, type: multi, prompt: 问, choices: [甲, 乙, 丙], answer: [甲, 丙], hint: 多选提示}
  - {id: t, type: truefalse, prompt: 对吗, answer: false, hint: 判断提示}
  - {id: f, type: fill, prompt: "学史{{明理}}", accept: [明理啊], hint: 填空提示}
  - {id: o, type: order, prompt: 排序, items: [一, 二, 三], hint: 排序提示}
  - {id: k, type: card, front: 正面, back: 背面, hint: 卡片提示}
"""


def from_json(data: dict) -> Bank:
    head = data["bank"]
    qs = tuple(Question(id=q["id"], type=q["type"], prompt=q["prompt"], answers=tuple(q["answers"]),
                        choices=tuple(q["choices"]), explanation=q["explanation"], source=q["source"],
                        hint=q["hint"], tags=tuple(q["tags"])) for q in data["questions"])
    return Bank(id=head["id"], title=head["title"], questions=qs, description=head["description"],
                language=head["language"], source=Source(**head["source"]) if head["source"] else None,
                tags=tuple(head["tags"]))


def test_every_field_survives_json_export():
    bank = load_text(EVERY_FIELD).bank
    assert bank is not None and bank.source.url == "https://example.org/a"
    data = json.loads(dumps(bank))
    assert from_json(data) == bank
    assert [q["hint"] for q in data["questions"]] == ["提示", "多选提示", "判断提示", "填空提示", "排序提示", "卡片提示"]


def test_the_json_names_every_field_of_the_model():
    data = json.loads(dumps(load_text(EVERY_FIELD).bank))
    question_fields = {f.name for f in dataclasses.fields(Question)} - {"line"}
    assert question_fields <= set(data["questions"][0]), question_fields - set(data["questions"][0])
    bank_fields = {f.name for f in dataclasses.fields(Bank)} - {"path", "questions"}
    assert bank_fields <= set(data["bank"]), bank_fields - set(data["bank"])
    assert {f.name for f in dataclasses.fields(Source)} == set(data["bank"]["source"])
