"""The person page's timeline: a bar per month with gaps shown, per year when the span is long."""
from __future__ import annotations

from quotegraph.kb.models import Count
from quotegraph.web.timeline import HEIGHT, MAX_MONTHS, PAD_BOTTOM, build_timeline


def test_months_between_the_first_and_last_get_empty_bars():
    t = build_timeline([Count("2021-01", 15), Count("2021-04", 5)])
    assert [(b.label, b.count) for b in t.bars] == [("2021-01", 15), ("2021-02", 0), ("2021-03", 0), ("2021-04", 5)]
    assert t.unit == "month" and t.peak == 15 and t.total == 20
    assert t.bars[0].title == "January 2021: 15 quotes" and t.bars[1].title == "February 2021: 0 quotes"


def test_bars_scale_to_the_busiest_and_stand_on_the_baseline():
    t = build_timeline([Count("2022-01", 10), Count("2022-02", 5), Count("2022-03", 1)])
    tallest, half, small = t.bars
    assert half.height * 2 == tallest.height and small.height >= 2
    assert all(abs(b.y + b.height - (HEIGHT - PAD_BOTTOM)) < 0.01 for b in t.bars)
    assert all(b.x >= t.left and b.x + b.width <= t.right + 0.01 for b in t.bars)


def test_a_long_span_is_drawn_per_year():
    t = build_timeline([Count("2010-05", 2), Count("2010-09", 1), Count("2020-01", 4)])
    assert t.unit == "year" and len(t.bars) == 11
    assert (t.bars[0].label, t.bars[0].count) == ("2010", 3) and t.bars[-1].count == 4
    assert len(build_timeline([Count("2000-01", 1), Count(f"{2000 + MAX_MONTHS // 12 - 1}-12", 1)]).bars) == MAX_MONTHS


def test_ticks_do_not_crowd_and_summary_says_it_in_words():
    t = build_timeline([Count("2019-01", 1), Count("2022-12", 3)])
    assert 2 <= len(t.ticks) <= 12
    xs = [tick.x for tick in t.ticks]
    assert all(b - a >= 50 for a, b in zip(xs, xs[1:]))
    assert t.summary.startswith("4 dated quotes from January 2019 to December 2022")


def test_no_dated_quotes_and_bad_labels():
    assert build_timeline([]).bars == []
    assert build_timeline([Count("undated", 3), Count("2021-13", 2)]).bars == []
    assert build_timeline([]).summary == "No dated quotes."
