"""A person's quotes over time as bar-chart geometry; the template draws it as SVG on the server.

Months with no quotes between the first and the last get an empty bar, so the gaps show. A
span longer than MAX_MONTHS is drawn per year instead.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from ..kb.models import Count

MAX_MONTHS = 48
WIDTH, HEIGHT = 640, 180
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 36, 8, 12, 30
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass
class Bar:
    label: str  # "2021-01" or "2021"
    count: int
    x: float
    y: float
    width: float
    height: float
    title: str  # what hovering says: "January 2021: 15 quotes"


@dataclass
class Tick:
    x: float
    text: str


@dataclass
class Timeline:
    bars: list[Bar]
    ticks: list[Tick]
    peak: int
    total: int
    unit: str  # month or year
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PAD_LEFT
    right: int = WIDTH - PAD_RIGHT
    top: int = PAD_TOP
    baseline: int = HEIGHT - PAD_BOTTOM

    @property
    def summary(self) -> str:
        """The chart in words, for screen readers."""
        if not self.bars:
            return "No dated quotes."
        busiest = max(self.bars, key=lambda b: b.count)
        return (f"{self.total} dated quotes from {self.bars[0].title.split(':')[0]} to {self.bars[-1].title.split(':')[0]}; "
                f"most in {busiest.title.split(':')[0]} ({busiest.count}).")


def _months(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    out, (y, m) = [], first
    while (y, m) <= last:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _plural(n: int) -> str:
    return f"{n} quote" if n == 1 else f"{n} quotes"


def build_timeline(counts: list[Count]) -> Timeline:
    """Bars for quotes per month (or per year when the span is long), scaled to the busiest."""
    per_month: dict[tuple[int, int], int] = {}
    for c in counts:
        m = _MONTH.match(c.label or "")
        if m and 1 <= int(m.group(2)) <= 12:
            key = (int(m.group(1)), int(m.group(2)))
            per_month[key] = per_month.get(key, 0) + c.count
    if not per_month:
        return Timeline(bars=[], ticks=[], peak=0, total=0, unit="month")
    months = _months(min(per_month), max(per_month))
    if len(months) > MAX_MONTHS:
        unit = "year"
        years = list(range(months[0][0], months[-1][0] + 1))
        series = [(str(y), f"{y}", sum(n for (yy, _), n in per_month.items() if yy == y)) for y in years]
    else:
        unit = "month"
        series = [(f"{y}-{m:02d}", f"{calendar.month_name[m]} {y}", per_month.get((y, m), 0)) for y, m in months]
    peak = max(n for _, _, n in series)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    slot = inner_w / len(series)
    gap = min(6.0, slot * 0.2)
    bars = []
    for i, (label, long_label, n) in enumerate(series):
        h = inner_h * n / peak if peak else 0
        if n and h < 2:
            h = 2
        bars.append(Bar(label=label, count=n, x=round(PAD_LEFT + i * slot + gap / 2, 2), y=round(HEIGHT - PAD_BOTTOM - h, 2),
                        width=round(max(slot - gap, 1), 2), height=round(h, 2), title=f"{long_label}: {_plural(n)}"))
    ticks = _ticks(bars, unit, slot)
    return Timeline(bars=bars, ticks=ticks, peak=peak, total=sum(n for _, _, n in series), unit=unit)


def _ticks(bars: list[Bar], unit: str, slot: float) -> list[Tick]:
    """Labels under the bars, as many as fit without overlapping (about 7 characters each)."""
    every = max(1, int(56 // slot) + (1 if 56 % slot else 0))
    out = []
    for i, b in enumerate(bars):
        if unit == "month":
            y, m = b.label.split("-")
            text = f"{calendar.month_abbr[int(m)]} {y[2:]}"
            show = i % every == 0 if every <= 12 else (m == "01" and int(y) % max(1, every // 12) == 0)
        else:
            text, show = b.label, i % every == 0
        if show:
            out.append(Tick(x=round(b.x + b.width / 2, 2), text=text))
    return out
