"""The learner's settings: what a person types is validated with a reason; what the database holds
is validated on read and falls back to the default with a problem, never an exception."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.core import settings
from quiz.core.settings import SETTINGS, Prefs, Reason, SettingError, from_stored, parse, prefs_from


def test_parse_reads_what_people_type():
    assert parse("desired_retention", "0.85") == 0.85
    assert parse("desired_retention", "85%") == pytest.approx(0.85)
    assert parse("desired-retention", "０.８５") == 0.85   # an IME's full-width digits, a hyphen for _
    assert parse("day_start_hour", " 0 ") == 0
    assert parse("day_start_hour", "23.0") == 23
    assert isinstance(parse("new_cards_per_day", "30"), int)


@pytest.mark.parametrize("key,text,reason", [
    ("desired_retention", "0.5", Reason.RANGE),
    ("desired_retention", "1", Reason.RANGE),
    ("desired_retention", "abc", Reason.NOT_NUMBER),
    ("desired_retention", "nan", Reason.NOT_NUMBER),
    ("day_start_hour", "24", Reason.RANGE),
    ("day_start_hour", "-1", Reason.RANGE),
    ("day_start_hour", "4.5", Reason.NOT_WHOLE),
    ("day_start_hour", "inf", Reason.NOT_NUMBER),
    ("new_cards_per_day", "1e400", Reason.NOT_NUMBER),
    ("maximum_interval", "0", Reason.RANGE),
    ("leech_threshold", "", Reason.NOT_NUMBER),
    ("nope", "1", Reason.UNKNOWN),
])
def test_parse_refuses_with_a_reason(key, text, reason):
    with pytest.raises(SettingError) as e:
        parse(key, text)
    assert e.value.reason is reason
    assert key.replace("-", "_") in str(e.value)
    if reason is Reason.RANGE:
        assert e.value.setting is not None and e.value.setting.range_text in str(e.value)


@pytest.mark.parametrize("key", list(SETTINGS))
def test_both_ends_of_each_range_are_accepted(key):
    s = SETTINGS[key]
    assert parse(key, s.text(s.low)) == s.low
    assert parse(key, s.text(s.high)) == s.high


# issue 12 item 15: values a settings table may hold
BAD_STORED = ["abc", '"abc"', "null", "1e400", "-1e400", "NaN", "Infinity", "99", "-5", "4.5", "true", "[4]",
              '{"a": 1}', "", "[" * 5000, b"\x00\x01", 4.5]


@pytest.mark.parametrize("raw", BAD_STORED, ids=repr)
def test_a_bad_stored_hour_falls_back_with_a_problem(raw):
    value, problem = from_stored("day_start_hour", raw)
    assert value == 4
    assert problem is not None and problem.key == "day_start_hour" and problem.default == "4"
    assert "day_start_hour" in str(problem) and "quiz config" in str(problem)


def test_good_stored_values_are_read():
    assert from_stored("day_start_hour", "7") == (7, None)
    assert from_stored("day_start_hour", 7) == (7, None)      # an integer stored through SQL
    assert from_stored("desired_retention", "0.85") == (0.85, None)


def test_prefs_from_rows_keep_good_values_and_report_bad_ones():
    p = prefs_from({"desired_retention": "0.8", "day_start_hour": "NaN", "leech_threshold": "12"})
    assert (p.desired_retention, p.day_start_hour, p.leech_threshold, p.new_cards_per_day) == (0.8, 4, 12, 20)
    assert [x.key for x in p.problems] == ["day_start_hour"]
    assert prefs_from({}) == Prefs()


@given(st.text(max_size=30))
def test_parse_never_raises_anything_but_a_setting_error(text):
    for key in SETTINGS:
        try:
            value = parse(key, text)
        except SettingError:
            continue
        s = SETTINGS[key]
        assert s.low <= value <= s.high


@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.none(), st.binary(max_size=8)))
def test_from_stored_never_raises_and_always_gives_a_valid_value(raw):
    for key, s in SETTINGS.items():
        stored = json.dumps(raw) if raw is None else raw
        value, _problem = from_stored(key, stored)
        assert s.low <= value <= s.high
        assert settings.check(s, float(value), str(value)) == value
