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


# ---- BankLibrary ------------------------------------------------------------------------------

from quiz.core.banks.library import BankLibrary  # noqa: E402


def bank_yaml(bank_id: str, title: str = "题库", n: int = 1) -> str:
    return f"bank:\n  id: {bank_id}\n  title: {title}\nquestions:\n" + "".join(
        f"  - id: q{i}\n    type: fill\n    prompt: 第{i}题 ____\n    answer: 答{i}\n" for i in range(n))


def read_all(lib: BankLibrary) -> None:
    for p in lib.stale():
        lib.apply(lib.read(p))


def test_two_banks_with_one_id_are_both_listed_and_the_later_one_says_what_to_change(tmp_path):
    first, second = tmp_path / "a" / "x.yaml", tmp_path / "b" / "x.yaml"
    for p, title in ((first, "原版"), (second, "老师改过的")):
        p.parent.mkdir()
        p.write_text(bank_yaml("same", title), encoding="utf-8")
    lib = BankLibrary(paths=[first, second])
    read_all(lib)
    entries = lib.entries()
    assert [e.bank.title for e in entries if e.bank] == ["原版", "老师改过的"]  # never hidden
    assert entries[0].ok and not entries[1].ok
    assert entries[1].conflict == first
    message = entries[1].problems[0]
    assert str(first) in message and str(second) in message and "same-2" in message
    assert [b.title for b in lib.banks()] == ["原版"]  # only the first is studied until fixed
    assert lib.ids() == {"same"}


def test_a_bank_given_in_memory_comes_first_and_a_file_with_its_id_conflicts(tmp_path):
    from quiz.core.banks.loader import load_text

    given = load_text(bank_yaml("same", "内存"), "given.yaml").bank
    path = tmp_path / "same.yaml"
    path.write_text(bank_yaml("same", "文件"), encoding="utf-8")
    lib = BankLibrary([given], [path])
    read_all(lib)
    assert [e.ok for e in lib.entries()] == [True, False]
    assert "a bank already open" in lib.entries()[1].problems[0]


def test_changed_deleted_and_new_files_are_seen_again(tmp_path):
    import os

    a = tmp_path / "a.yaml"
    a.write_text(bank_yaml("a"), encoding="utf-8")
    lib = BankLibrary(paths=[a], dirs=[tmp_path])
    assert lib.stale() == [a]
    read_all(lib)
    assert lib.stale() == [] and [b.id for b in lib.banks()] == ["a"]
    a.write_text(bank_yaml("a", n=3), encoding="utf-8")
    st = a.stat()
    os.utime(a, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert lib.stale() == [a]
    read_all(lib)
    assert len(lib.banks()[0].questions) == 3
    (tmp_path / "b.yaml").write_text(bank_yaml("b"), encoding="utf-8")
    assert [p.name for p in lib.discover()] == ["b.yaml"]
    read_all(lib)
    a.unlink()
    read_all(lib)
    assert [b.id for b in lib.banks()] == ["b"]


def test_a_broken_file_is_an_entry_with_its_located_problems(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("bank:\n  id: bad\n  title: x\nquestions:\n  - id: q1\n    type: nope\n", encoding="utf-8")
    lib = BankLibrary(paths=[bad])
    read_all(lib)
    (entry,) = lib.entries()
    assert entry.bank is None and entry.path == bad and not entry.ok
    assert entry.problems[0].startswith(f"{bad}:6:")
    assert lib.banks() == []
