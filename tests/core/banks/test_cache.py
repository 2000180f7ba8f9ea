"""Parsed banks kept between runs: an unchanged file is not parsed again; any change, a damaged or
foreign cache file, or a bank with problems means the YAML is read."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quiz.core.banks import cache
from quiz.core.banks.library import BankLibrary
from quiz.core.banks.loader import load_path

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def parsed(monkeypatch):
    """Count the YAML parses."""
    import quiz.core.banks.loader as loader

    calls: list[Path] = []
    real = loader.load_path

    def counting(path, **kw):
        calls.append(Path(path))
        return real(path, **kw)

    monkeypatch.setattr(loader, "load_path", counting)
    return calls


@pytest.mark.parametrize("name", ["tutorial.yaml", "xizang-dangshi-2021.yaml"])
def test_an_unchanged_bank_comes_from_the_cache_equal_to_the_parsed_one(tmp_path, parsed, name):
    path = tmp_path / name
    path.write_bytes((ROOT / "banks" / name).read_bytes())
    first = BankLibrary(cache=tmp_path / "c").read(path)
    second = BankLibrary(cache=tmp_path / "c").read(path)
    assert parsed == [path]                                   # parsed once
    assert second.result.bank == first.result.bank == load_path(path).bank
    assert [q.line for q in second.result.bank.questions] == [q.line for q in first.result.bank.questions]
    assert second.result.bank.path == str(path)


def test_a_changed_file_is_parsed_again(tmp_path, parsed):
    path = tmp_path / "b.yaml"
    path.write_text("bank: {id: b, title: 一}\nquestions: []\n", encoding="utf-8")
    lib = BankLibrary(cache=tmp_path / "c")
    assert lib.read(path).result.bank.title == "一"
    path.write_text("bank: {id: b, title: 二二}\nquestions: []\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert lib.read(path).result.bank.title == "二二" and len(parsed) == 2


def test_a_damaged_or_foreign_cache_file_is_ignored(tmp_path, parsed):
    path = tmp_path / "b.yaml"
    path.write_text("bank: {id: b, title: 一}\nquestions: []\n", encoding="utf-8")
    lib = BankLibrary(cache=tmp_path / "c")
    lib.read(path)
    (entry,) = (tmp_path / "c").iterdir()
    for damage in ("{not json", json.dumps({"version": cache.VERSION + 1}), json.dumps([1, 2])):
        entry.write_text(damage, encoding="utf-8")
        assert lib.read(path).result.bank.title == "一"
    assert len(parsed) == 4


def test_a_bank_with_problems_is_never_cached(tmp_path, parsed):
    path = tmp_path / "bad.yaml"
    path.write_text("bank: {id: b}\nquestions: []\n", encoding="utf-8")
    lib = BankLibrary(cache=tmp_path / "c")
    assert not lib.read(path).result.ok and not lib.read(path).result.ok
    assert len(parsed) == 2 and not (tmp_path / "c").exists()


def test_an_unwritable_cache_only_costs_a_parse(tmp_path, parsed):
    path = tmp_path / "b.yaml"
    path.write_text("bank: {id: b, title: 一}\nquestions: []\n", encoding="utf-8")
    blocker = tmp_path / "c"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    lib = BankLibrary(cache=blocker / "banks")
    assert lib.read(path).result.ok and lib.read(path).result.ok and len(parsed) == 2
