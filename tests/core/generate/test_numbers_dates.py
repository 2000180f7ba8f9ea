from __future__ import annotations

import datetime as _dt
import re

from hypothesis import given
from hypothesis import strategies as st

from quiz.core.generate import dates, numbers


def fig(text):
    m = numbers.FIGURE_RE.fullmatch(text)
    assert m, text
    return numbers.parse_match(m)


def test_figure_parse_round_trips():
    for t in ("800余场次", "2万余名", "1.2万余人次", "2700平方米", "6万余元", "40多家", "数千人", "12.5%", "1,300人"):
        assert fig(t).text() == t


def test_figure_values():
    assert fig("1.2万余人次").value == 12000
    assert fig("2700平方米").value == 2700
    assert fig("三千人").value == 3000


def test_perturb_keeps_surface_form_and_avoids_true_values():
    for t in ("800余场次", "2万余名", "1.2万余人次", "2700平方米", "62周年", "1465.4吨", "3个"):
        f = fig(t)
        outs = numbers.perturb(f, seed=7, taken={t}, forbidden={1000.0, 2.0})
        assert len(outs) == 3 and len(set(outs)) == 3 and t not in outs
        shape = re.sub(r"[\d.]+", "9", t)
        for o in outs:
            assert re.sub(r"[\d.]+", "9", o) == shape
            assert fig(o).value not in (1000.0, 2.0)
            if "." in t:
                assert "." in o and not o.split(".")[1].startswith("0" * len(t.split(".")[1].rstrip("吨人次万余")))


def test_perturb_round_numbers_stay_round():
    outs = numbers.perturb(fig("800余场次"), seed=1, taken=set(), forbidden=set())
    assert all(int(o[:-3]) % 100 == 0 for o in outs)


def test_perturb_vague_and_chinese():
    assert sorted(numbers.perturb(fig("数千人"), 0, {"数千人"}, set())) == ["数万人", "数十人", "数百人"]
    outs = numbers.perturb(fig("三千人"), 0, {"三千人"}, set())
    assert outs and all(re.fullmatch(r"[一二三四五六七八九十百千万零]+人", o) for o in outs)


def date(text):
    m = dates.DATE_RE.fullmatch(text)
    assert m, text
    return dates.parse(m)


def test_dates_shift_by_days_and_keep_part_of_day():
    outs = dates.shifts(date("2月21日上午"), 3, forbidden={date("2月22日上午").key()}, taken={"2月21日上午"})
    assert len(outs) == 3 and "2月22日上午" not in outs
    assert all(o.endswith("日上午") for o in outs)


def test_dates_ranges_months_festivals_years():
    outs = dates.shifts(date("4月1日至4月15日"), 1, set(), set())
    assert all(re.fullmatch(r"\d+月\d+日至(\d+月)?\d+日", o) for o in outs)
    assert all(o.endswith("月份") for o in dates.shifts(date("3月份"), 1, set(), set()))
    assert all(o.endswith("期间") and o != "清明节期间" for o in dates.shifts(date("清明节期间"), 1, set(), {"清明节期间"}))
    assert all(re.fullmatch(r"20\d\d年", o) for o in dates.shifts(date("2021年"), 1, set(), set()))


def test_dateline_is_not_a_date():
    assert not any(m.group("full") for m in dates.DATE_RE.finditer("本报拉萨4月2日电"))


@given(st.integers(2, 11), st.integers(8, 20), st.integers(0, 10_000))
def test_a_days_options_are_evenly_spaced_around_the_answer(month, day, seed):
    # 9月6日, 7日, 8日 and the answer 11日: a gap singled the answer out (rank and ends are seeded too)
    answer = f"{month}月{day}日上午"
    outs = dates.shifts(date(answer), seed, set(), {answer})
    days = sorted(_dt.date(2021, *map(int, re.match(r"(\d+)月(\d+)日", o).groups())).toordinal()
                  for o in [answer, *outs])
    assert len(days) == 4 and len({b - a for a, b in zip(days, days[1:])}) == 1
