"""Bank text is cleaned of controls; the catalog is complete in both languages."""
from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from quiz.core.textsafe import clean, one_line
from quiz.tui import i18n


@given(st.text())
def test_clean_leaves_no_controls_or_bidi(text):
    out = clean(text)
    for ch in out:
        assert ch == "\n" or not (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F)
        assert ch not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_clean_removes_escape_sequences_and_overrides():
    assert clean("\x1b[31m红\x1b[0m") == "[31m红[0m"
    assert clean("abc\u202edef") == "abcdef"
    assert one_line("a\nb\tc") == "a b c"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_string_has_both_languages_with_the_same_fields():
    for key, (zh, en) in i18n.CATALOG.items():
        assert zh and en, key
        assert _fields(zh) == _fields(en), key


def test_lookup_follows_the_language():
    try:
        i18n.set_lang("zh")
        assert i18n.t("action.study") == "学习"
        i18n.set_lang("en")
        assert i18n.t("action.study") == "Study"
        assert i18n.t("session.progress", done=2, total=5) == "2 of 5"
    finally:
        i18n.set_lang("en")


def test_default_language_follows_the_locale():
    assert i18n.default_lang({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert i18n.default_lang({"LANG": "en_US.UTF-8"}) == "en"
    assert i18n.default_lang({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US"}) == "zh"
    assert i18n.default_lang({}) == "en"
