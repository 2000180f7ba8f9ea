"""Fuzzing: the loader with arbitrary YAML documents and bytes, the checker with arbitrary strings, the
CSV importer with arbitrary rows. Nothing escapes but the project's own result or error type.
`make reliability` (QUIZ_RELIABILITY=1) runs 10,000 examples each; `make test` a quick profile."""
from __future__ import annotations

import csv
import io
import os

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.answers.checking import Verdict, check
from quiz.core.banks.loader import load_bytes, load_text
from quiz.core.model import LoadResult, Question

FUZZ_PROFILE = "quiz-reliability" if os.environ.get("QUIZ_RELIABILITY") else "quiz-quick"
PROFILE = settings.get_profile(FUZZ_PROFILE)
N = PROFILE.max_examples

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
scalars = st.one_of(text, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
                    st.sampled_from(["choice", "multi", "truefalse", "fill", "order", "card", "id", "type", "prompt",
                                     "answer", "choices", "accept", "back", "{{答}}", "true", "~", "bank", "questions"]))
keys = st.sampled_from(["bank", "questions", "id", "title", "type", "prompt", "answer", "choices", "accept",
                        "explanation", "source", "hint", "tags", "back", "items", "language", "x"]) | text
documents = st.recursive(scalars, lambda inner: st.lists(inner, max_size=5)
                         | st.dictionaries(keys, inner, max_size=6), max_leaves=30)
bank_like = st.fixed_dictionaries({"bank": st.fixed_dictionaries({"id": scalars, "title": scalars}),
                                   "questions": st.lists(st.dictionaries(keys, documents, max_size=7), max_size=4)})


def _only_problems(result) -> None:
    assert isinstance(result, LoadResult)
    for p in result.problems:
        assert p.line >= 1 and p.col >= 1 and p.message, p
        assert str(p).startswith(f"{p.path}:{p.line}:{p.col}: ")
    assert result.ok == (result.bank is not None and not result.problems)


def _record(figures, promise: str) -> None:
    figures.add(promise, trials=N, failures=0, note=f"{N} hypothesis examples (profile {FUZZ_PROFILE}); "
                "only LoadResult/Check/ImportError_ came out")


def test_loader_arbitrary_yaml_documents(figures):
    @settings(PROFILE)
    @given(st.one_of(documents, bank_like), st.sampled_from([None, True, False]))
    def prop(doc, flow):
        try:
            src = yaml.safe_dump(doc, allow_unicode=True, default_flow_style=flow)
        except yaml.YAMLError:
            return
        _only_problems(load_text(src, "fuzz.yaml"))
        _only_problems(load_bytes(src.encode("utf-8", "surrogatepass"), "fuzz.yaml"))

    prop()
    _record(figures, "fuzz-loader-yaml")


def test_loader_arbitrary_bytes(figures):
    yamlish = st.lists(st.sampled_from([b"bank:\n", b"  id: a\n", b"questions:\n", b"  - ", b"id: q\n", b"&a ",
                                        b"*a", b"[", b"]", b"{", b"}", b"!!python/object ", b"\"\\", b"'", b"\t",
                                        b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xed\xa0\x80", b"\xe4\xb8", b"---\n",
                                        b"    type: fill\n", b"? ", b": ", b"\r", b"%YAML 1.2\n", b"|\n", b">-\n"]),
                       max_size=30).map(b"".join)

    @settings(PROFILE)
    @given(st.one_of(st.binary(max_size=300), yamlish))
    def prop(data):
        _only_problems(load_bytes(data, "fuzz.yaml"))

    prop()
    _record(figures, "fuzz-loader-bytes")


QUESTIONS = [
    Question(id="c", type="choice", prompt="p", answers=("甲",), choices=("甲", "乙", "丙")),
    Question(id="m", type="multi", prompt="p", answers=("甲", "丙"), choices=("甲", "乙", "丙")),
    Question(id="t", type="truefalse", prompt="p", answers=("true",)),
    Question(id="f", type="fill", prompt="p", answers=("1951年5月23日", "十七条")),
    Question(id="n", type="fill", prompt="p", answers=("3.5万人",)),
    Question(id="y", type="fill", prompt="p", answers=("学史明理",)),
    Question(id="o", type="order", prompt="p", answers=("一", "二", "三"), choices=("一", "二", "三")),
]


def test_checker_arbitrary_strings(figures):
    responses = st.one_of(text, st.lists(text, max_size=4), st.booleans(), st.none(), st.integers(),
                          st.text(max_size=20).map(lambda s: s + "年"), st.just("xue shi ming li"))

    @settings(PROFILE)
    @given(st.sampled_from(QUESTIONS), responses)
    def prop(q, response):
        try:
            r = check(q, response)
        except (TypeError, ValueError) as e:  # a response of the wrong kind for the type is a caller error
            assert not isinstance(response, str) or q.type == "truefalse", e
            return
        assert isinstance(r, Verdict) and isinstance(r.correct, bool)

    prop()
    _record(figures, "fuzz-checker")


def test_csv_importer_arbitrary_rows(figures):
    try:
        from quiz.core.exchange.delimited import ImportError_, import_bytes
    except ImportError:
        pytest.skip("no CSV importer yet")
    cell = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)

    @settings(PROFILE)
    @given(st.lists(st.lists(cell, min_size=1, max_size=5), max_size=6), st.sampled_from(["\t", ",", ";"]),
           st.lists(st.sampled_from(["#separator:tab\n", "#separator:comma\n", "#html:true\n", "#deck:D\n",
                                     "#notetype column:1\n", "#guid column:1\n", "#tags column:3\n"]), max_size=3))
    def prop(rows, sep, header):
        out = io.StringIO()
        csv.writer(out, delimiter=sep, lineterminator="\n").writerows(rows)
        data = ("".join(header) + out.getvalue()).encode("utf-8")
        try:
            bank = import_bytes(data)
        except ImportError_ as e:
            assert e.problems
            return
        assert load_text(__import__("quiz.core.exchange.yaml_out", fromlist=["dump_bank"]).dump_bank(bank)).ok

    prop()
    _record(figures, "fuzz-csv")
