from __future__ import annotations

from pathlib import Path

from quiz.core.banks.library import bank_dirs, find_bank_files, shipped_dirs, user_bank_dir


def test_shipped_banks_are_found():
    names = {p.name for d in shipped_dirs() for p in d.glob("*.yaml")}
    assert {"tutorial.yaml", "xizang-dangshi-2021.yaml"} <= names


def test_order_and_dedup(tmp_path):
    cwd, data, extra = tmp_path / "cwd", tmp_path / "data", tmp_path / "extra"
    for d in (cwd / "banks", user_bank_dir(data), extra):
        d.mkdir(parents=True)
    (cwd / "banks" / "a.yaml").write_text("x", encoding="utf-8")
    (user_bank_dir(data) / "b.yml").write_text("x", encoding="utf-8")
    (extra / "c.yaml").write_text("x", encoding="utf-8")
    (extra / "notes.txt").write_text("x", encoding="utf-8")
    dirs = bank_dirs([str(extra), str(cwd / "banks")], cwd=cwd, data_dir=data)
    files = find_bank_files(dirs)
    names = [f.name for f in files]
    assert names[0] == "a.yaml" and names[-2:] == ["b.yml", "c.yaml"]
    assert names.count("a.yaml") == 1 and "notes.txt" not in names
    assert find_bank_files([Path(tmp_path / "missing")]) == []
