from __future__ import annotations

from quiz.cli import main

BANK = """bank:
  id: t
  title: 测试
questions:
  - id: a
    type: multi
    prompt: 哪些？
    choices: [广播, 电视]
    answer: [广播, 电视]
    source: 原文
"""


def test_lint_prints_warnings_and_strict_fails(tmp_path, capsys):
    f = tmp_path / "b.yaml"
    f.write_text(BANK, "utf-8")
    assert main(["lint", str(f)]) == 0
    out = capsys.readouterr()
    assert out.out == f"{f}:9:13: warning: question 'a': every option is right; add options that are wrong\n"
    assert "1 warning" in out.err
    assert main(["lint", "--strict", str(f)]) == 1


def test_lint_invalid_bank_prints_errors(tmp_path, capsys):
    f = tmp_path / "b.yaml"
    f.write_text(BANK.replace("type: multi", "type: mutli"), "utf-8")
    assert main(["lint", str(f), str(tmp_path / "missing.yaml")]) == 1
    out = capsys.readouterr().out
    assert f"{f}:6:11: unknown question type 'mutli'" in out
    assert "missing.yaml:1:1: no such file" in out


def test_lint_real_command_on_tutorial(run_quiz):
    r = run_quiz("lint", "banks/tutorial.yaml")
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert all(": warning: " in ln for ln in r.stdout.splitlines())
