"""`quiz config [KEY [VALUE]]`: see and change the scheduling settings without SQL.

`quiz config` lists every setting (value, default, range); `quiz config KEY` prints one value;
`quiz config KEY VALUE` checks and saves it; `quiz config KEY --reset` goes back to the default.
The settings, their ranges and their validation live in quiz.core.settings."""
from __future__ import annotations

import argparse
from datetime import UTC

from quiz.commands.common import USAGE, fail, out, say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", metavar="KEY", nargs="?",
                        help="desired_retention, day_start_hour, new_cards_per_day, maximum_interval or "
                             "leech_threshold")
    parser.add_argument("value", metavar="VALUE", nargs="?", help="the new value (checked before it is saved)")
    parser.add_argument("--reset", action="store_true", help="go back to the default value of KEY")
    parser.add_argument("--reschedule", action="store_true",
                        help="after changing desired_retention or maximum_interval, recompute the due dates of "
                             "studied cards with it (otherwise each card follows it from its next answer)")


def describe(lang: str, key: str) -> str:
    from quiz.i18n import text

    return text(lang, f"settings.{key}")


def error_text(lang: str, e) -> str:
    """A SettingError in the learner's language: what is wrong, and what would be right."""
    from quiz.core.settings import SETTINGS, Reason
    from quiz.i18n import text

    if e.reason is Reason.UNKNOWN:
        return text(lang, "settings.error.unknown", key=e.key, keys=", ".join(SETTINGS))
    s = e.setting
    return text(lang, f"settings.error.{e.reason.value}", name=describe(lang, s.key), key=s.key, value=e.value,
                range=s.range_text)


def warn_bad_settings(store, lang: str) -> None:
    """On stderr: each stored setting that could not be used (its default is used instead)."""
    from quiz.i18n import text

    for p in store.prefs.problems:
        say("quiz: " + text(lang, "settings.bad_stored", key=p.key, stored=p.stored, default=p.default))


RESCHEDULES = ("desired_retention", "maximum_interval")  # settings that change the intervals of cards already due


def _reschedule(store, wanted: bool) -> None:
    if wanted:
        from quiz.core.optimizer import reschedule

        cards, moved = reschedule(store, store.scheduler())
        out(f"rescheduled: {cards} studied cards recomputed; {moved} moved to another due day")


def run(args: argparse.Namespace) -> int:
    from datetime import datetime

    from quiz.core import paths, settings
    from quiz.core.store import Store, StoreError
    from quiz.i18n import resolve_lang, text

    def clock() -> datetime:
        return datetime.now(UTC)

    key = None
    if args.key is not None:
        try:
            key = settings.setting(args.key).key
        except settings.SettingError as e:
            fail(error_text(resolve_lang(args.lang), e), USAGE)
    if args.reset and (key is None or args.value is not None):
        fail("--reset needs a KEY and no VALUE: quiz config KEY --reset", USAGE)
    writing = args.value is not None or args.reset
    if args.reschedule and not (writing and key in RESCHEDULES):
        fail(f"--reschedule goes with a new value of {' or '.join(RESCHEDULES)}", USAGE)
    data_dir = paths.data_dir(args.data_dir)
    try:
        with Store.open(data_dir, clock=clock, create=writing, backup=False) as store:
            lang = resolve_lang(args.lang, store)
            if args.value is not None:
                assert key is not None
                try:
                    value = settings.parse(key, args.value)
                except settings.SettingError as e:
                    fail(error_text(lang, e), USAGE)
                store.set_setting(key, value)
                out(f"{key} = {settings.SETTINGS[key].text(value)}")
                _reschedule(store, args.reschedule)
                return 0
            if args.reset:
                assert key is not None
                store.delete_setting(key)
                out(f"{key} = {settings.SETTINGS[key].text(store.prefs.value(key))}  ({text(lang, 'config.default')})")
                _reschedule(store, args.reschedule)
                return 0
            warn_bad_settings(store, lang)
            if key is not None:
                out(settings.SETTINGS[key].text(store.prefs.value(key)))
                return 0
            for s, value in store.prefs.items():
                note = text(lang, "config.row", name=describe(lang, s.key), default=s.text(s.default),
                            range=s.range_text)
                out(f"{s.key} = {s.text(value)}    # {note}")
    except StoreError as e:
        fail(str(e))
    return 0
