"""The app's strings: a re-export of the one catalog in quiz.i18n (shared with plain mode and the CLI)."""
from __future__ import annotations

from quiz.i18n import CATALOG, LANGS, default_lang, get_lang, set_lang, t

__all__ = ["CATALOG", "LANGS", "default_lang", "get_lang", "set_lang", "t"]
