"""Where each field of each question sits in a bank file (line, col), for lint warnings."""
from __future__ import annotations

from quiz.core.banks.yamlnodes import MAPPING, SCALAR, SEQUENCE, EventReader, YamlProblem


def field_positions(text: str) -> dict[str, dict[str, object]]:
    """question id -> {field: (line, col) or [(line, col) per item], "": (line, col) of the question}.

    Empty on any YAML trouble (lint runs on banks the loader accepted)."""
    out: dict[str, dict[str, object]] = {}
    reader = None
    try:
        reader = EventReader(text)
        if not reader.start_document():
            return out
        root = reader.read()
    except (YamlProblem, UnicodeEncodeError):
        return out
    finally:
        if reader is not None:
            reader.close()
    if root.kind != MAPPING:
        return out
    for key, value in root.value:
        if key.kind == SCALAR and key.value == "questions" and value.kind == SEQUENCE:
            for q in value.value:
                if q.kind != MAPPING:
                    continue
                pos: dict[str, object] = {"": (q.line, q.col)}
                qid = None
                for k, v in q.value:
                    if k.kind != SCALAR:
                        continue
                    pos[k.value] = (v.line, v.col)
                    if v.kind == SEQUENCE:
                        pos[k.value + "[]"] = [(i.line, i.col) for i in v.value]
                    if k.value == "id" and v.kind == SCALAR:
                        qid = v.value
                    pos["key:" + k.value] = (k.line, k.col)
                if qid is not None:
                    out[qid] = pos
    return out
