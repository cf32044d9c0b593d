"""Dates and times as pages print them, in ISO 8601."""
from __future__ import annotations

import pytest

from quotegraph.article.dates import find_dates


def iso(s: str) -> str | None:
    found = find_dates(s)
    return found[0].iso if found else None


@pytest.mark.parametrize("printed, expected", [
    ("Jan 02, 2021 6:49 PM", "2021-01-02T18:49"),
    ("Jan 02, 2021 6:49 PMTags", "2021-01-02T18:49"),
    ("Jan. 2, 2021", "2021-01-02"),
    ("January 2, 2021 at 6:49 p.m. ET", "2021-01-02T18:49-05:00"),
    ("July 2, 2021 at 6:49 p.m. ET", "2021-07-02T18:49-04:00"),
    ("Sept. 12, 2016 11:02 AM", "2016-09-12T11:02"),
    ("Saturday, 2 January 2021 14:05 GMT", "2021-01-02T14:05+00:00"),
    ("2 January 2021", "2021-01-02"),
    ("July 4th, 2020 at 10 a.m. PT", "2020-07-04T10:00-07:00"),
    ("12:30 am EST, Jan 3, 2021", "2021-01-03T00:30-05:00"),
    ("6:49 PM ET, Sat January 2, 2021", "2021-01-02T18:49-05:00"),
    ("2021-01-02", "2021-01-02"),
    ("2021-01-02T18:49:00Z", "2021-01-02T18:49:00+00:00"),
    ("2021-01-02T18:49:00-0800", "2021-01-02T18:49:00-08:00"),
    ("2021-01-02T18:49", "2021-01-02T18:49"),
    ("01/02/2021", "2021-01-02"),
    ("25/12/2020", "2020-12-25"),
    ("02.01.2021", "2021-01-02"),
    ("Dec 1, 2020 18:30 UTC+1", "2020-12-01T18:30+01:00"),
])
def test_formats(printed, expected):
    assert iso(printed) == expected


@pytest.mark.parametrize("text", ["The Mayor 2 2021 plan", "In May 2021 we", "version 1.2.3", "Feb 30, 2021", "13/13/2021"])
def test_not_dates(text):
    assert iso(text) is None


def test_labels_say_published_or_updated():
    found = find_dates("Published Jan 2, 2021 | Updated: Jan 3, 2021 5:00 pm EST")
    assert [(d.label, d.iso) for d in found] == [("published", "2021-01-02"), ("updated", "2021-01-03T17:00-05:00")]


def test_span_covers_date_and_time():
    s = "By Ann Poe Jan 02, 2021 6:49 PMTags"
    d = find_dates(s)[0]
    assert s[d.start:d.end] == "Jan 02, 2021 6:49 PM" and d.has_time
