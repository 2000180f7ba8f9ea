"""Pictures from numbers: a calendar heatmap, vertical bars. Pure functions returning Content."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from textual.content import Content

SHADES = "·░▒▓█"
EIGHTHS = " ▁▂▃▄▅▆▇█"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def level(count: int, peak: int) -> int:
    """0 for none, else 1..4 by share of the busiest day."""
    if count <= 0 or peak <= 0:
        return 0
    return min(4, 1 + (count * 4 - 1) // peak)


def heatmap(per_day: Mapping[date, int], today: date, *, weeks: int = 26, zh: bool = True,
            style: str = "green") -> Content:
    """Weeks as columns (Monday first row), the last column holding `today`; two cells per day."""
    last_monday = today - timedelta(days=today.weekday())
    first = last_monday - timedelta(weeks=weeks - 1)
    peak = max((v for d, v in per_day.items() if first <= d <= today), default=0)
    names = ("一", "", "三", "", "五", "", "日") if zh else ("Mon", "", "Wed", "", "Fri", "", "Sun")
    pad = 3 if zh else 4
    month_row = [" "] * (pad + weeks * 2)
    prev_month = None
    for w in range(weeks):
        monday = first + timedelta(weeks=w)
        if monday.month != prev_month:
            label = f"{monday.month}月" if zh else MONTHS[monday.month - 1]
            pos = pad + w * 2
            cells = _cells(label)
            end = pos + len(cells)
            if end <= len(month_row) and all(c == " " for c in month_row[max(0, pos - 1):end + 1]):
                month_row[pos:end] = cells
            prev_month = monday.month
    lines: list[Content] = [Content("".join(month_row).rstrip())]
    for wd in range(7):
        name = names[wd]
        label = (name + " " * (pad - 2 * len(name))) if zh else f"{name:<{pad}}"[:pad]
        row = Content(label.ljust(pad) if not zh else label)
        for w in range(weeks):
            day = first + timedelta(weeks=w, days=wd)
            if day > today:
                row = row + Content("  ")
                continue
            lv = level(per_day.get(day, 0), peak)
            cell = Content(SHADES[lv] + " ")
            row = row + (cell.stylize(style) if lv else cell.stylize("dim"))
        lines.append(row)
    return Content("\n").join(lines)


def bars(values: Sequence[float], *, height: int = 6, width: int = 2, style: str = "cyan",
         top: float | None = None, labels: Sequence[str] = ()) -> Content:
    """Vertical bars (eighth blocks), one per value, `width` cells each, max label at the left."""
    values = [max(0.0, float(v or 0)) for v in values]
    peak = top if top is not None else max(values, default=0)
    scale = peak if peak > 0 else 1
    axis_w = max(len(_num(peak)), 1) + 1
    lines: list[Content] = []
    for r in range(height, 0, -1):
        axis = (_num(peak) if r == height else "").rjust(axis_w - 1) + "│"
        row = Content(axis)
        for v in values:
            eighths = round(v / scale * height * 8)
            fill = max(0, min(8, eighths - (r - 1) * 8))
            if v > 0 and r == 1 and fill == 0:
                fill = 1
            row = row + Content(EIGHTHS[fill] * width).stylize(style)
        lines.append(row)
    base = Content(" " * (axis_w - 1) + "└" + "─" * (len(values) * width))
    lines.append(base)
    if labels:
        label_row = [" "] * (len(values) * width)
        for i, text in enumerate(labels):
            if text and i * width + len(text) <= len(label_row):
                label_row[i * width:i * width + len(text)] = list(text)
        lines.append(Content(" " * axis_w + "".join(label_row).rstrip()))
    return Content("\n").join(lines)


def _cells(text: str) -> list[str]:
    """One entry per terminal cell: a wide character is followed by an empty filler."""
    out: list[str] = []
    for ch in text:
        out.append(ch)
        if ord(ch) > 0x2E80:
            out.append("")
    return out


def _num(v: float) -> str:
    return f"{v:.0f}" if v >= 10 or v == int(v) else f"{v:.1f}"
