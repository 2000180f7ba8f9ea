"""One catalog for every string the user reads (the app, plain mode, `quiz stats`), zh-CN and en.

The language: `--lang` when given, else the saved setting (where a store is open), else the
locale (zh when it says Chinese, en otherwise). No textual import here: plain mode and the CLI use it.
"""
from __future__ import annotations

import os
from collections.abc import Mapping

from quiz.i18n.catalog import CATALOG

LANGS = ("zh", "en")
LANG_SETTING = "tui.lang"  # the store setting the app's language switch saves


def default_lang(env: Mapping[str, str] | None = None) -> str:
    """zh when the locale says Chinese, en otherwise (LC_ALL > LC_MESSAGES > LANG > LANGUAGE)."""
    env = os.environ if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def saved_lang(store) -> str | None:
    """The language saved in the store's settings, None when there is none or it cannot be read."""
    if store is None:
        return None
    try:
        value = store.get_setting(LANG_SETTING)
    except Exception:  # a damaged or unreadable store: fall back to the locale
        return None
    return value if value in LANGS else None


def resolve_lang(arg: str | None, store=None, env: Mapping[str, str] | None = None) -> str:
    """--lang, else the saved setting, else the locale."""
    if arg in LANGS:
        return arg
    return saved_lang(store) or default_lang(env)


def cli_lang(arg: str | None, data_dir=None, env: Mapping[str, str] | None = None) -> str:
    """The one rule of every command: --lang, else the setting saved in the data dir (the app's
    language switch), else the locale. Reads the setting without opening the store for study."""
    if arg in LANGS:
        return arg
    saved = None
    try:
        from quiz.core import paths
        from quiz.core.store.store import saved_setting

        saved = saved_setting(paths.data_dir(data_dir), LANG_SETTING)
    except Exception:  # no data dir yet, or it cannot be read: the locale decides
        saved = None
    return saved if saved in LANGS else default_lang(env)


def text(lang: str, key: str, /, **fields: object) -> str:
    """The string for `key` in `lang` (zh or en), with `fields` filled in; the key itself if unknown."""
    pair = CATALOG.get(key)
    if pair is None:
        return key
    value = pair[0] if lang == "zh" else pair[1]
    return value.format(**fields) if fields else value


def messages(lang: str, prefix: str) -> dict[str, str]:
    """Every string under `prefix.` in `lang`, keyed by the rest of its key (unformatted)."""
    n = len(prefix) + 1
    return {k[n:]: text(lang, k) for k in CATALOG if k.startswith(prefix + ".")}


# the app's current language (one app per process) -----------------------------------------------
_current = ["zh"]


def set_lang(lang: str | None) -> str:
    _current[0] = lang if lang in LANGS else default_lang()
    return _current[0]


def get_lang() -> str:
    return _current[0]


def t(key: str, /, **fields: object) -> str:
    """The string for `key` in the app's current language, with `fields` filled in."""
    return text(_current[0], key, **fields)


__all__ = ["CATALOG", "LANGS", "LANG_SETTING", "cli_lang", "default_lang", "get_lang", "messages", "resolve_lang",
           "saved_lang", "set_lang", "t", "text"]
