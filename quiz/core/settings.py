"""The learner's scheduling settings: their names, ranges, defaults and validation (one home).

Two ways in, both validated here:
- what a person types (`quiz config KEY VALUE`, the app's settings screen): `parse` gives the
  value or raises SettingError, which says what is wrong with it (the front ends word it in
  the learner's language from its `reason`);
- what the database holds (`from_stored`): a bad stored value (text, null, NaN, 1e400, 99 for
  an hour...) is never used: the default is, and a StoredProblem says so, so the front ends
  can warn. Nothing here raises on stored data.
"""
from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any


class Reason(StrEnum):
    """Why a value was refused (each has a message in zh and en in the catalog)."""

    UNKNOWN = "unknown"            # no such setting
    NOT_NUMBER = "not_number"      # not a number at all
    NOT_WHOLE = "not_whole"        # a fraction where a whole number is needed
    RANGE = "range"                # a number outside the setting's range


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    default: float | int
    low: float | int
    high: float | int
    whole: bool  # a whole number (hours, cards, days, lapses) rather than a fraction

    def text(self, value: float | int) -> str:
        """A value as it is typed and shown: 0.9, 4, 36500."""
        return str(int(value)) if self.whole else f"{value:g}"

    @property
    def range_text(self) -> str:
        return f"{self.text(self.low)}–{self.text(self.high)}"


DESIRED_RETENTION = Setting("desired_retention", 0.9, 0.70, 0.99, whole=False)
DAY_START_HOUR = Setting("day_start_hour", 4, 0, 23, whole=True)
NEW_CARDS_PER_DAY = Setting("new_cards_per_day", 20, 0, 9999, whole=True)
MAXIMUM_INTERVAL = Setting("maximum_interval", 36500, 1, 36500, whole=True)  # days (py-fsrs's own maximum)
LEECH_THRESHOLD = Setting("leech_threshold", 8, 1, 999, whole=True)          # lapses, as Anki's

SETTINGS: dict[str, Setting] = {s.key: s for s in (DESIRED_RETENTION, DAY_START_HOUR, NEW_CARDS_PER_DAY,
                                                   MAXIMUM_INTERVAL, LEECH_THRESHOLD)}


class SettingError(ValueError):
    """A value a person typed that cannot be used; `reason` says why, `setting` what it is for."""

    def __init__(self, key: str, value: str, reason: Reason, setting: Setting | None = None) -> None:
        self.key, self.value, self.reason, self.setting = key, value, reason, setting
        if reason is Reason.UNKNOWN:
            detail = f"no setting is called {key!r}; the settings are {', '.join(SETTINGS)}"
        elif reason is Reason.NOT_NUMBER:
            detail = f"{key} must be a number, not {value!r}"
        elif reason is Reason.NOT_WHOLE:
            detail = f"{key} must be a whole number, not {value!r}"
        else:
            assert setting is not None
            detail = f"{key} must be in the range {setting.range_text}, not {value!r}"
        super().__init__(detail)


@dataclass(frozen=True, slots=True)
class StoredProblem:
    """A stored value that could not be used: `stored` is the database's text, the default is used."""

    key: str
    stored: str
    default: str

    def __str__(self) -> str:
        return (f"the saved setting {self.key} = {self.stored} is not valid; using the default {self.default} "
                f"(set it with: quiz config {self.key} VALUE)")


@dataclass(frozen=True, slots=True)
class Prefs:
    """Every scheduling setting's value in force (defaults where nothing valid is stored)."""

    desired_retention: float = float(DESIRED_RETENTION.default)
    day_start_hour: int = int(DAY_START_HOUR.default)
    new_cards_per_day: int = int(NEW_CARDS_PER_DAY.default)
    maximum_interval: int = int(MAXIMUM_INTERVAL.default)
    leech_threshold: int = int(LEECH_THRESHOLD.default)
    problems: tuple[StoredProblem, ...] = ()

    def value(self, key: str) -> float | int:
        return getattr(self, setting(key).key)

    def items(self) -> list[tuple[Setting, float | int]]:
        return [(s, getattr(self, s.key)) for s in SETTINGS.values()]


assert [f.name for f in fields(Prefs)][:-1] == list(SETTINGS)  # one field per setting, same order


def setting(key: str) -> Setting:
    """The setting called `key` (a hyphen may stand for an underscore), or SettingError."""
    found = SETTINGS.get(key.strip().lower().replace("-", "_"))
    if found is None:
        raise SettingError(key, "", Reason.UNKNOWN)
    return found


def check(s: Setting, number: float, shown: str) -> float | int:
    """`number` as the setting's value, or SettingError naming `shown` (what the person typed)."""
    if not math.isfinite(number):
        raise SettingError(s.key, shown, Reason.NOT_NUMBER, s)
    if s.whole:
        if number != int(number):
            raise SettingError(s.key, shown, Reason.NOT_WHOLE, s)
        number = int(number)
    if not s.low <= number <= s.high:
        raise SettingError(s.key, shown, Reason.RANGE, s)
    return number


def parse(key: str, text: str) -> float | int:
    """The value a person typed for `key`: full-width digits are read as digits (an IME's "０.８５"),
    a retention may be a percentage ("85%"). SettingError when it cannot be used."""
    s = setting(key)
    typed = unicodedata.normalize("NFKC", text).strip()
    percent = typed.endswith("%") and not s.whole
    number_text = typed[:-1].strip() if percent else typed
    try:
        number = float(number_text)
    except ValueError:
        raise SettingError(s.key, text, Reason.NOT_NUMBER, s) from None
    return check(s, number / 100 if percent else number, text)


def _no_constants(name: str) -> float:
    raise ValueError(name)  # NaN, Infinity: JSON that Python would otherwise accept


def from_stored(key: str, raw: object) -> tuple[float | int, StoredProblem | None]:
    """The value for `key` from the database's stored text (JSON); the default and a problem when
    the stored value is not a valid value of the setting. Never raises on the stored data."""
    s = SETTINGS[key]
    try:
        if isinstance(raw, bytes):
            raise ValueError("bytes")
        value = json.loads(raw, parse_constant=_no_constants) if isinstance(raw, str) else raw
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("not a number")
        return check(s, float(value), str(raw)), None
    except (ValueError, TypeError, OverflowError, RecursionError):
        shown = repr(raw) if isinstance(raw, bytes) else str(raw)
        if len(shown) > 40:
            shown = shown[:40] + "…"
        return s.default, StoredProblem(key, shown, s.text(s.default))


def prefs_from(rows: dict[str, object]) -> Prefs:
    """Prefs from the stored (key -> raw text) rows; missing keys take their defaults."""
    values: dict[str, Any] = {}  # each value checked by from_stored: a float or an int as its setting says
    problems: list[StoredProblem] = []
    for key in SETTINGS:
        if key in rows:
            values[key], problem = from_stored(key, rows[key])
            if problem is not None:
                problems.append(problem)
    return Prefs(**values, problems=tuple(problems))


__all__ = ["DAY_START_HOUR", "DESIRED_RETENTION", "LEECH_THRESHOLD", "MAXIMUM_INTERVAL", "NEW_CARDS_PER_DAY",
           "SETTINGS", "Prefs", "Reason", "Setting", "SettingError", "StoredProblem", "check", "from_stored",
           "parse", "prefs_from", "setting"]
