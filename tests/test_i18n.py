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
