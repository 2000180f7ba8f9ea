"""The one catalog (quiz.i18n): no textual import, one language rule for the app, plain mode and `quiz stats`."""
from __future__ import annotations

import json
import subprocess
import sys

from quiz import i18n


def test_the_catalog_imports_without_textual():
    code = ("import sys, json, quiz.i18n, quiz.plain, quiz.commands.stats\n"
            "print(json.dumps(sorted(k for k in sys.modules if k.split('.')[0] in ('textual', 'rich'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == []


def test_the_app_plain_mode_and_stats_share_one_catalog():
    from quiz import plain
    from quiz.tui import i18n as tui_i18n

    assert tui_i18n.CATALOG is i18n.CATALOG
    assert plain.MESSAGES["zh"]["right"] == i18n.text("zh", "plain.right") == "正确"
    assert plain.MESSAGES["en"]["summary"].startswith("Session: {answered} answered")
    assert set(plain.MESSAGES["zh"]) == set(plain.MESSAGES["en"])
    assert any(k.startswith("cli.stats.") for k in i18n.CATALOG)


class _Store:
    def __init__(self, value=None, broken=False):
        self.value, self.broken = value, broken

    def get_setting(self, key, default=None):
        if self.broken:
            raise OSError("damaged")
        assert key == i18n.LANG_SETTING
        return self.value


def test_lang_rule_flag_then_setting_then_locale():
    zh, en = {"LANG": "zh_CN.UTF-8"}, {"LANG": "C.UTF-8"}
    assert i18n.resolve_lang(None, None, zh) == "zh"
    assert i18n.resolve_lang(None, None, en) == "en"
    assert i18n.resolve_lang(None, _Store("zh"), en) == "zh"
    assert i18n.resolve_lang("en", _Store("zh"), zh) == "en"
    assert i18n.resolve_lang(None, _Store("fr"), zh) == "zh"          # an odd saved value: ignored
    assert i18n.resolve_lang(None, _Store(broken=True), en) == "en"    # an unreadable store: the locale


# ---- one --lang rule for every command (issue 11, #8) -----------------------------------------------

def _cli(monkeypatch, capsys, *argv):
    from quiz.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out + err


COMMANDS = (["leeches"], ["doctor"], ["validate", "banks/tutorial.yaml"], ["optimize"], ["stats"])


def test_every_command_speaks_the_language_given_before_or_after_it(monkeypatch, capsys, tmp_path):
    from pathlib import Path

    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    data = str(tmp_path / "d")
    _cli(monkeypatch, capsys, "--data-dir", data, "stats")
    for command in COMMANDS:
        before = _cli(monkeypatch, capsys, "--lang", "zh", "--data-dir", data, *command)
        after = _cli(monkeypatch, capsys, *command, "--data-dir", data, "--lang", "zh")
        assert before == after, command
        assert any("\u4e00" <= ch <= "\u9fff" for ch in before[1]), (command, before)
        english = _cli(monkeypatch, capsys, *command, "--data-dir", data)
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in english[1].replace("学史", "")), (command, english)


def test_the_saved_setting_decides_when_there_is_no_flag(monkeypatch, capsys, tmp_path):
    from datetime import UTC, datetime

    from quiz.core.store import Store

    monkeypatch.setenv("LANG", "en_US.UTF-8")
    data = tmp_path / "d"
    with Store.open(data, clock=lambda: datetime.now(UTC)) as store:
        store.set_setting(i18n.LANG_SETTING, "zh")
    assert _cli(monkeypatch, capsys, "leeches", "--data-dir", str(data))[1].strip() == "没有难题"
    assert _cli(monkeypatch, capsys, "leeches", "--data-dir", str(data), "--lang", "en")[1].strip() == "no leeches"
    assert i18n.cli_lang(None, tmp_path / "nowhere", env={"LANG": "zh_CN.UTF-8"}) == "zh"


def test_every_bank_problem_of_the_bad_bank_corpus_has_a_chinese_form():
    from pathlib import Path

    from quiz.core.banks.loader import load_path
    from quiz.i18n.problems import translate

    corpus = sorted((Path(__file__).resolve().parent / "data" / "bad-banks").glob("*"))
    messages = {p.message for path in corpus for p in load_path(path).problems}
    assert len(messages) > 40
    missing = sorted(m for m in messages if translate(m) is None)
    assert missing == []


def test_validate_prints_problems_in_chinese(monkeypatch, capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("bank:\n  id: x\n  title: X\nquestions:\n  - id: a\n    type: choice\n    prompt: 谁？\n"
                   "    choices: [吴英杰, 石角]\n    answer: 吴英\n    shuffle: maybe\n", encoding="utf-8")
    code, text = _cli(monkeypatch, capsys, "validate", str(bad), "--lang", "zh")
    assert code == 1
    assert f"{bad}:9:13: 答案 '吴英' 不在选项里（是不是要写 '吴英杰'？）" in text
    assert f"{bad}:10:14: shuffle 必须是 true 或 false，不能是 'maybe'" in text
