from __future__ import annotations

import json
import os
import stat
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad-banks"


def test_validate_ok(run_quiz):
    r = run_quiz("validate", "banks/tutorial.yaml")
    assert r.returncode == 0 and r.stdout == ""
    assert "ok (9 questions)" in r.stderr


def test_validate_reports_every_problem_like_a_compiler(run_quiz):
    bad = BAD / "10-unknown-key.yaml"
    r = run_quiz("validate", "banks/tutorial.yaml", bad)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert lines == [f"{bad}:5:5: question 'a' (fill) needs an answer: 'answer: ...' or a {{{{blank}}}} in the prompt",
                     f"{bad}:8:5: unknown key 'anwser' in a question (did you mean 'answer'?)"]
    assert "Traceback" not in r.stderr


def test_validate_whole_corpus_without_traceback(run_quiz):
    files = sorted(BAD.glob("*.yaml"))
    r = run_quiz("validate", *files)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr + r.stdout
    named = {line.split(":", 1)[0] for line in r.stdout.splitlines()}
    assert named == {str(f) for f in files}


def test_validate_missing_file(run_quiz, tmp_path):
    r = run_quiz("validate", tmp_path / "none.yaml")
    assert r.returncode == 1 and r.stdout.strip() == f"{tmp_path / 'none.yaml'}:1:1: no such file"


def test_validate_needs_a_file(run_quiz):
    r = run_quiz("validate")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_export_json_canonical_form(run_quiz, tmp_path):
    r = run_quiz("export", "banks/tutorial.yaml", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["bank"]["id"] == "tutorial"
    qs = {q["id"]: q for q in data["questions"]}
    assert set(qs["venues"]) == {"id", "type", "prompt", "choices", "answers", "source", "explanation", "hint",
                                 "tags", "group", "shuffle", "score"}
    assert qs["venues"]["answers"] == ["726个", "726个会场"]
    assert qs["four-slogans"]["answers"] == ["学史明理", "学史增信", "学史崇德", "学史力行"]
    assert qs["memorial-area"]["answers"] == ["true"]
    assert qs["anniversary"]["answers"] == ["62周年"]
    assert qs["media-forms"]["answers"] == ["广播", "电视", "报刊", "网络新媒体"]
    out = tmp_path / "t.json"
    assert run_quiz("export", "banks/tutorial.yaml", "-o", out).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8")) == data


def test_export_invalid_bank_and_format(run_quiz):
    r = run_quiz("export", BAD / "13-answer-not-in-choices.yaml")
    assert r.returncode == 1 and ":9:13: answer '吴英'" in r.stderr and r.stdout == ""
    r = run_quiz("export", "banks/tutorial.yaml", "--format", "pdf")
    assert r.returncode == 2 and "unknown export format" in r.stderr


def test_schema_is_json_and_written(run_quiz, tmp_path):
    r = run_quiz("schema")
    schema = json.loads(r.stdout)
    assert schema["required"] == ["bank", "questions"]
    out = tmp_path / "s.json"
    assert run_quiz("schema", "-o", out).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8")) == schema


def test_python_dash_m(run_quiz):
    import subprocess
    import sys
    r = subprocess.run([sys.executable, "-m", "quiz", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "validate" in r.stdout


def test_endless_input_is_refused(run_quiz):
    r = run_quiz("validate", "/dev/zero", timeout=30)
    assert r.returncode == 1 and "larger than" in r.stdout and "Traceback" not in r.stderr


def test_export_to_a_device_writes_it_not_replaces_it(run_quiz):
    import os
    import stat
    r = run_quiz("export", "banks/tutorial.yaml", "-o", "/dev/null")
    assert r.returncode == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_an_output_never_overwrites_its_input(run_quiz, tmp_path):
    bank = tmp_path / "b.yaml"
    bank.write_text((ROOT / "banks" / "tutorial.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text((ROOT / "seeds" / "xizang-dangshi-2021.txt").read_text(encoding="utf-8"), encoding="utf-8")
    before = (bank.read_bytes(), article.read_bytes())
    assert run_quiz("export", bank, "--format", "csv", "-o", bank).returncode == 2
    assert run_quiz("generate", article, "-o", article).returncode == 2
    assert run_quiz("new", article, "--from-article", article, "--force").returncode == 2
    assert run_quiz("import", bank, "-o", bank, "--force").returncode == 2
    assert (bank.read_bytes(), article.read_bytes()) == before


def test_a_data_dir_that_is_a_file_is_named(run_quiz, tmp_path):
    f = tmp_path / "file"
    f.write_text("x", encoding="utf-8")
    for args in (("stats",), ("doctor",), ("leeches",), ("study", "banks/tutorial.yaml", "--plain")):
        r = run_quiz(*args, "--data-dir", f, input="")
        assert r.returncode == 1 and "is a file, not a folder" in r.stderr, args
    assert f.read_text(encoding="utf-8") == "x"


def test_an_option_value_that_names_a_command(run_quiz, tmp_path):
    r = run_quiz("--data-dir", tmp_path / "new", "validate", "banks/tutorial.yaml")
    assert r.returncode == 0, r.stderr
    r = run_quiz("--lang", "en", "--data-dir", "stats", "validate", ROOT / "banks" / "tutorial.yaml", cwd=tmp_path)
    assert r.returncode == 0 and "unrecognized" not in r.stderr


def test_unknown_bank_dir_and_tag_are_named(run_quiz, tmp_path):
    r = run_quiz("--bank-dir", tmp_path / "none")
    assert r.returncode == 2 and "no such folder" in r.stderr
    r = run_quiz("study", "banks/tutorial.yaml", "--plain", "--tag", "nosuch", input="")
    assert r.returncode == 1 and "nosuch" in r.stderr and "person" in r.stderr


def test_export_needs_force_to_replace_a_file_and_keeps_its_mode(run_quiz, tmp_path):
    out = tmp_path / "b.json"
    out.write_text("keep", encoding="utf-8")
    os.chmod(out, 0o600)
    r = run_quiz("export", "banks/tutorial.yaml", "-o", out)
    assert r.returncode == 1 and "--force" in r.stderr and out.read_text(encoding="utf-8") == "keep"
    assert run_quiz("export", "banks/tutorial.yaml", "-o", out, "--force").returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["bank"]["id"] == "tutorial"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_dash_is_stdout(run_quiz, tmp_path):
    r = run_quiz("export", os.path.abspath("banks/tutorial.yaml"), "-o", "-", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout)["bank"]["id"] == "tutorial"
    assert not (tmp_path / "-").exists()  # no file named -


def test_empty_data_dir_and_empty_bank_name_say_so(run_quiz, tmp_path):
    r = run_quiz("stats", "--data-dir", "")
    assert r.returncode == 2 and "--data-dir is empty" in r.stderr
    r = run_quiz("new", "", cwd=tmp_path)
    assert r.returncode == 2 and "give the name of the new bank file" in r.stderr and "exists" not in r.stderr


def test_a_big_file_is_measured_to_a_tenth_of_a_mb(tmp_path):
    from quiz.core.banks.loader import load_path

    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(int(33.9 * 1024 * 1024))
    assert "file is 33.9 MB" in load_path(big).problems[0].message


def test_an_overlong_utf8_sequence_is_not_called_gbk(tmp_path):
    from quiz.core.banks.loader import load_bytes

    msg = load_bytes("bank:\n  id: a\n  title: 学史".encode() + b"\xc0\xaf\n").problems[0].message
    assert "overlong UTF-8 sequence" in msg and "GBK" not in msg
    gbk = load_bytes("bank:\n  id: a\n  title: 学史明理\n".encode("gbk")).problems[0].message
    assert "GBK" in gbk
