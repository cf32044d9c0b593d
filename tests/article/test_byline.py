"""Byline lines: authors, outlet and date in the common formats."""
from __future__ import annotations

import pytest

from quotegraph.article.byline import parse_byline


@pytest.mark.parametrize("line, authors", [
    ("By Ann Poe, Bo Roe and Cy Doe", ["Ann Poe", "Bo Roe", "Cy Doe"]),
    ("By Ann Poe & Bo Roe", ["Ann Poe", "Bo Roe"]),
    ("By Ann Poe, Bo Roe Jan 02, 2021 6:49 PMTags", ["Ann Poe", "Bo Roe"]),
    ("By Ann Poe | Updated Jan. 3, 2021", ["Ann Poe"]),
    ("BY ANN POE", ["Ann Poe"]),
    ("Written by Ann Poe and Bo Roe, Staff Writers", ["Ann Poe", "Bo Roe"]),
    ("Author: Ann Poe", ["Ann Poe"]),
    ("by Maria de la Cruz - 2 January 2021", ["Maria de la Cruz"]),
    ("By J.R. Poe and Ann O'Roe", ["J.R. Poe", "Ann O'Roe"]),
])
def test_authors(line, authors):
    assert parse_byline(line).authors == authors


@pytest.mark.parametrize("line, outlet", [("By Ann Poe, CNN", "CNN"), ("By Ann Poe, The Associated Press", "The Associated Press"),
                                          ("By Ann Poe, E! News", "E! News")])
def test_outlet_named_in_the_byline(line, outlet):
    b = parse_byline(line)
    assert b.authors == ["Ann Poe"] and b.outlet == outlet


def test_byline_date_prefers_published_over_updated():
    b = parse_byline("By Ann Poe Published January 2, 2021 at 6:49 p.m. ET Updated January 3, 2021")
    assert b.date.iso == "2021-01-02T18:49-05:00"


@pytest.mark.parametrize("line", ["By Monday, the senator had won three states.", "By 2020 the plan was done.",
                                  "By the way, nobody asked.", "Bystanders said the fire started at noon."])
def test_sentences_starting_with_by_are_not_bylines(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("line, outlet", [("By Example News Staff", "Example News"), ("By NME Staff", "NME"),
                                          ("By Harbour Gazette staff and agencies", "Harbour Gazette"),
                                          ("By Reuters", "Reuters")])
def test_byline_naming_only_the_outlet(line, outlet):
    b = parse_byline(line)
    assert b is not None and b.authors == [] and b.outlet == outlet


def test_outlet_staff_after_a_name_is_the_outlet_not_an_author():
    b = parse_byline("By Ann Poe, Example Times Staff")
    assert b is not None and b.authors == ["Ann Poe"] and b.outlet == "Example Times"


def test_staff_role_alone_names_no_outlet():
    b = parse_byline("By Ann Poe, Staff")
    assert b is not None and b.authors == ["Ann Poe"] and b.outlet is None
    assert parse_byline("By The Editors") is None
