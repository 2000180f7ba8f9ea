"""The pictures of the stats screen."""
from __future__ import annotations

from datetime import date, timedelta

from rich.cells import cell_len

from quiz.tui.widgets import charts


def test_heatmap_has_a_row_per_weekday_and_shades_by_count():
    today = date(2025, 6, 15)  # a Sunday
    per_day = {today: 10, today - timedelta(days=1): 1, today - timedelta(days=400): 99}
    lines = charts.heatmap(per_day, today, zh=False).plain.split("\n")
    assert len(lines) == 8  # month labels + 7 weekdays
    sunday = lines[7]
    assert sunday.rstrip().endswith("█")  # busiest day, last column
    assert "░" in lines[6]  # Saturday: a tenth of the peak
    assert all(cell_len(line) <= 4 + 26 * 2 for line in lines)  # fits 80 columns
    assert "Jun" in lines[0]


def test_levels():
    assert charts.level(0, 10) == 0
    assert charts.level(1, 10) == 1
    assert charts.level(10, 10) == 4


def test_bars_scale_to_the_peak():
    lines = charts.bars([0, 4, 8], height=2, width=1).plain.split("\n")
    assert lines[0].startswith("8│")
    assert lines[0].endswith("█")  # the peak fills the top row
    assert lines[1][-3:] == " ██"  # zero stays empty, 4 fills the bottom row
    assert lines[2].startswith(" └")
