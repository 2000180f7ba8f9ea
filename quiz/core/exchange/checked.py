"""Check a bank made from another format (an Anki text file, a spreadsheet) by the bank format's own
rules, each question at the line of the input it came from.

The loader's validators run on the nodes it would read from the bank's YAML, built here straight
from what quiz.core.exchange.yaml_out would write: no YAML is written and read back (that cost
time, and the problems it found pointed at lines of the YAML, not of the input)."""
from __future__ import annotations

from quiz.core.model import Bank


def problems_of(bank: Bank, lines: dict[str, int]) -> list[tuple[int, str]]:
    """(line, message) of every problem; `lines` maps a question id to its line in the input (else 1)."""
    from quiz.core.banks.validate import Collector
    from quiz.core.banks.validate_question import bank_header, question_of
    from quiz.core.exchange.yaml_out import bank_dict

    out = Collector()
    data = bank_dict(bank)
    bank_header(node(data["bank"], 1), out)
    for i, (q, d) in enumerate(zip(bank.questions, data["questions"])):
        question_of(node(d, lines.get(q.id, 1)), i, out)
    found = [(line, msg) for line, _col, msg in out.items]
    if out.dropped:
        found.append((out.first_dropped[0] if out.first_dropped else 1, f"and {out.dropped} more problems"))
    return found


def node(value, line: int):
    """`value` (what yaml_out would write: dicts, lists, text, booleans) as the loader's nodes, at `line`."""
    from quiz.core.banks.yamlnodes import MAPPING, SCALAR, SEQUENCE, Node

    if isinstance(value, dict):
        return Node(MAPPING, [(Node(SCALAR, k, line, 1, None, True), node(v, line)) for k, v in value.items()],
                    line, 1, None, False)
    if isinstance(value, list):
        return Node(SEQUENCE, [node(v, line) for v in value], line, 1, None, False)
    if isinstance(value, bool):
        return Node(SCALAR, "true" if value else "false", line, 1, None, True)
    return Node(SCALAR, str(value), line, 1, None, False)
