"""Scraped page text -> Article: title, dek, byline and date, furniture, body paragraphs.

A scraped page reads top to bottom as: the title (first line), the standfirst or dek, a byline
with the date, then the body, with page furniture (teasers, credits, links to other stories,
calls to action) mixed in. Plain articles (a title, then paragraphs) are the same page without
the header, and every paragraph of them stays body.

The reader works on lines (offsets into the text exactly as read, any line ending). The title is
the first line. When a byline or date line follows within a few lines, the paragraph between the
title and it is the dek, and the byline gives the authors, the date and maybe the outlet. Every
other line is judged by `furniture.classify_line`; after a heading such as "Latest News" the
short lines that follow are the page's list of other stories. Lines of body in one paragraph
(no blank line between) make one block when the first stops mid-sentence (a hard-wrapped line),
and separate blocks otherwise.

The outlet, first found first kept: a byline ("By Jane Roe, CNN", "By Example News Staff"), a
copyright line, a wire dateline ("WASHINGTON (Reuters) -"), an outlet the prose says was given an
exclusive interview (`outlet_in_text`), and the page's URL.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .model import Article, Block
from .byline import Byline, parse_byline
from .dates import find_dates
from .furniture import (classify_line, is_caption_shape, is_cast_heading, ends_as_sentence, is_date_line, is_label,
                        is_tail_marker, normal, pull_quotes, words)
from ..wordlists import table

HEADER_SPAN = 5  # the byline sits within this many lines under the title
TITLE_MAX_WORDS = 40  # a first line longer than this is prose, not a title
DEK_MIN_WORDS = 4
TAIL_PROSE_WORDS = 30  # after a "Latest News" heading, a paragraph this long means the article goes on

_LINE = re.compile(r"[^\r\n]+")
# "WASHINGTON (Reuters) -", "NEW YORK (AP) \u2014": the wire service in a dateline opening the body
_DATELINE = re.compile(r"[A-Z][A-Z .,'\u2019-]{1,40}\s*\((?P<outlet>[A-Z][\w.&! ]{0,30})\)\s*[-\u2013\u2014]")


@dataclass
class Line:
    """One non-blank line: the span of its text without surrounding spaces, and its paragraph."""

    start: int
    end: int
    group: int  # lines with no blank line between them share a group
    text: str


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    group = 0
    prev_end = 0
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        gap = text[prev_end:m.start()]
        breaks = gap.count("\n") + gap.count("\r") - gap.count("\r\n")
        if out and breaks >= 2:
            group += 1
        start = m.start() + (len(raw) - len(raw.lstrip()))
        end = m.start() + len(raw.rstrip())
        out.append(Line(start, end, group, text[start:end]))
        prev_end = m.end()
    return out


_CONTINUES = re.compile(r"(?:[,\u2013\u2014(-]|\b(?:and|or|but|the|a|an|of|to|in|for|with|that|who)\b)$")


def join_wrapped(lines: list[Line], text: str) -> list[Line]:
    """Lines of one paragraph that a hard wrap split mid-sentence, joined back into one unit.

    A line continues the one above it (no blank line between) when that one stops without sentence
    punctuation and this one starts in lower case, or that one ends on a comma, a dash or a word
    that cannot end a sentence. Judging the joined unit keeps a wrapped fragment such as
    "incites" from reading as a kicker line.
    """
    runs: list[list[Line]] = []
    for ln in lines:
        last = runs[-1][-1] if runs else None
        if last is not None and last.group == ln.group and not ends_as_sentence(last.text):
            if ln.text[:1].islower() or _CONTINUES.search(last.text[-20:]):
                runs[-1].append(ln)
                continue
        runs.append([ln])
    return [run[0] if len(run) == 1 else Line(run[0].start, run[-1].end, run[0].group, text[run[0].start:run[-1].end])
            for run in runs]


def _is_byline_or_date(line: Line) -> bool:
    return parse_byline(line.text) is not None or (len(words(line.text)) <= 25 and is_date_line(line.text))


def _header_dates(line: Line) -> tuple[Byline | None, list]:
    by = parse_byline(line.text)
    return by, ([by.date] if by and by.date else find_dates(line.text))


def _host(url: str) -> str:
    """The URL's host, lower-cased ("" when it has none); a URL without a scheme is read as a host first."""
    return (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()


def outlet_from_url(url: str | None) -> str | None:
    """The outlet's name for a URL's domain (layout_outlets.txt), or the bare domain."""
    if not url:
        return None
    host = _host(url)
    if not host:
        return None
    names = {row[0].lower(): row[1] for row in table("layout_outlets.txt") if len(row) > 1}
    parts = host.split(".")
    for k in range(len(parts) - 1):
        cand = ".".join(parts[k:])
        if cand in names:
            return names[cand]
    return host[4:] if host.startswith("www.") else host


def stray_lines(texts: list[str], groups: list[int], body: list[bool]) -> set[int]:
    """Which body lines are furniture by their place among the others: pull quotes (`furniture.pull_quotes`)
    and captions or headlines of other stories (`furniture.is_caption_shape`) standing alone as a paragraph
    between lines that are not of that shape (a run of them is a list; a line sharing its paragraph with
    the next is a hard wrap).
    """
    idx = [k for k, b in enumerate(body) if b]
    out = {idx[j] for j in pull_quotes([texts[k] for k in idx])}
    shaped = [b and is_caption_shape(t) for t, b in zip(texts, body)]
    for k in idx:
        if not shaped[k]:
            continue
        alone = all(not 0 <= j < len(texts) or groups[j] != groups[k] for j in (k - 1, k + 1))
        if alone and not any(0 <= j < len(texts) and shaped[j] for j in (k - 1, k + 1)):
            out.add(k)
    return out


# an outlet's name as prose prints it: "OK!", "The Example Times", "Example News Online"
_OUTLET_NAME = r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w'\u2019&!.+-]*(?:[ \t]+(?:[A-Z0-9][\w'\u2019&!.+-]*|of|&))*)"
# an exclusive interview is given to the outlet that prints it: "exclusively told OK!", "speaking
# exclusively to The Example Times", "tells Example News in an exclusive interview"
_EXCLUSIVE = [
    re.compile(r"\b(?i:exclusively\s+(?:told|tells|telling|(?:revealed|reveals|said|says|spoke|speaks|speaking|talking|"
               r"confirmed|confirms)\s+to))\s+" + _OUTLET_NAME),
    re.compile(r"\b(?i:(?:spoke|speaks|speaking|talking|talked|talks)\s+exclusively\s+(?:to|with))\s+" + _OUTLET_NAME),
    re.compile(r"\b(?i:told|tells|telling)\s+" + _OUTLET_NAME + r",?\s+(?i:in\s+an\s+exclusive\b|exclusively\b)"),
]
# whom a person talked to: the article's own outlet only some of the time (on PolNeAR, "told X" names
# the publisher in about one case of five), so it is believed only when the page's URL agrees
_TOLD = re.compile(r"\b(?i:told|tells|telling|(?:speaking|spoke|speaks|talking|talked)\s+(?:to|with)|in\s+an\s+interview\s+with)"
                   r"\s+" + _OUTLET_NAME)


def _clean_outlet_name(name: str) -> str | None:
    name = re.split(r"['\u2019]s\b", name)[0].rstrip(".,;:")  # "Example TV's Morning Show" -> "Example TV"
    return name if len(name) > 1 and re.search(r"[A-Za-z]", name) and name.lower() != "the" else None


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", re.sub(r"(?i)^the\s+", "", name).lower())


def outlet_in_text(text: str, body: list[Block], url: str | None = None) -> str | None:
    """The outlet the article's prose names as its own: the one given an exclusive interview, or,
    when the page's URL is known, one a person "told" or spoke to whose name spells the URL's domain
    ("told The Example Reporter" on exampleeporter.com)."""
    if "xclusiv" in text or "XCLUSIV" in text:  # most pages have no exclusive: skip the patterns
        for b in body:
            for pat in _EXCLUSIVE:
                m = pat.search(text, b.start, b.end)
                if m and (name := _clean_outlet_name(m.group("name"))):
                    return name
    if not url:
        return None
    labels = [x for x in _host(url).split(".") if x not in ("www", "m", "amp")]
    if not labels:
        return None
    site = labels[-2] if len(labels) > 1 else labels[0]
    for b in body:
        for m in _TOLD.finditer(text, b.start, b.end):
            name = _clean_outlet_name(m.group("name"))
            if name and _squash(name) == site:
                return name
    return None


def read_scraped_text(text: str, source: str, url: str | None = None) -> Article:
    """Lay out one page of scraped text (see the module docstring); offsets index `text`."""
    lines = join_wrapped(split_lines(text), text)
    kinds: list[str | None] = [None] * len(lines)  # "title", "dek", "body", "furniture"
    ends = [ln.end for ln in lines]
    title = dek = published = updated = outlet = None
    authors: list[str] = []

    def take_dates(found: list) -> None:
        nonlocal published, updated
        for d in found:
            if d.label == "updated":
                updated = updated or d.iso
            else:
                published = published or d.iso

    # the title: the first line that is not a widget label, unless it is too long to be one
    i = 0
    while i < len(lines) and is_label(lines[i].text):
        kinds[i] = "furniture"
        i += 1
    if i < len(lines) and len(words(lines[i].text)) <= TITLE_MAX_WORDS and not _is_byline_or_date(lines[i]):
        kinds[i] = "title"
        title = lines[i].text
        i += 1

    # the header: a byline or date line close under the title, with the dek above it
    by_at = next((j for j in range(i, min(i + HEADER_SPAN, len(lines))) if _is_byline_or_date(lines[j])), None)
    prose_above = [j for j in range(i, by_at or i) if classify_line(lines[j].text).kind == "body"]
    if len(prose_above) > 1:  # two paragraphs of prose before it: the article has begun, this is no header
        by_at = None
    if by_at is not None:
        if prose_above and len(words(lines[prose_above[0]].text)) >= DEK_MIN_WORDS:
            kinds[prose_above[0]] = "dek"
            dek = lines[prose_above[0]].text
        j = by_at
        while j < len(lines) and _is_byline_or_date(lines[j]):
            by, found = _header_dates(lines[j])
            if by:
                authors = authors or by.authors
                outlet = outlet or by.outlet
            take_dates(found)
            kinds[j] = "furniture"
            j += 1

    # the body, line by line
    in_tail = False
    for k, ln in enumerate(lines):
        if kinds[k] is not None:
            continue
        if in_tail and len(words(ln.text)) < TAIL_PROSE_WORDS:
            kinds[k] = "furniture"
            continue
        in_tail = False
        if is_tail_marker(ln.text):
            kinds[k] = "furniture"
            in_tail = True
            continue
        verdict = classify_line(ln.text)
        kinds[k] = "heading" if verdict.kind == "furniture" and is_cast_heading(ln.text) else verdict.kind
        if verdict.kind == "body":
            ends[k] = ln.start + verdict.body_end
        elif verdict.reason in ("byline", "date"):  # a byline or date further down (or at the end)
            by, found = _header_dates(ln)
            if by and not authors:
                authors, outlet = by.authors, outlet or by.outlet
            if not published and not updated:
                # away from the header a bare date may be a correction's; only a labelled one counts
                take_dates([d for d in found if d.label])
        elif verdict.reason == "credit" and normal(ln.text).startswith(("\u00a9", "(c)", "copyright")) and not outlet:
            outlet = copyright_holder(ln.text)

    for k in stray_lines([ln.text for ln in lines], [ln.group for ln in lines], [x == "body" for x in kinds]):
        kinds[k] = "furniture"

    # blocks: title, dek, and body lines joined where a line stops mid-sentence
    blocks: list[Block] = []
    prev: Line | None = None
    for k, ln in enumerate(lines):
        kind = kinds[k]
        if kind in ("title", "dek", "heading"):
            blocks.append(Block(kind, ln.start, ln.end))
            prev = None
        elif kind == "body" and ends[k] > ln.start:
            if (prev is not None and blocks and blocks[-1].kind == "body" and prev.group == ln.group
                    and blocks[-1].end == prev.end and not ends_as_sentence(prev.text)):
                blocks[-1].end = ends[k]
            else:
                blocks.append(Block("body", ln.start, ends[k]))
            prev = ln
        else:
            prev = None

    body = [b for b in blocks if b.kind == "body"]
    if not body and dek is not None:  # a dek with nothing under it was the article's only paragraph
        for b in blocks:
            if b.kind == "dek":
                b.kind = "body"
                body = [b]
        dek = None
    if body and not outlet:
        m = _DATELINE.match(text, body[0].start, body[0].end)
        if m:
            outlet = m.group("outlet").strip()
    outlet = outlet or outlet_in_text(text, body, url) or outlet_from_url(url)
    return Article(source=source, text=text, url=url, title=title, dek=dek, authors=authors,
                   published=published or updated, updated=updated, outlet=outlet, blocks=blocks)


def copyright_holder(line: str) -> str | None:
    """The holder in "© 2021 E! Entertainment Television, LLC. All rights reserved."."""
    m = re.match(r"(?i)^\s*(?:\u00a9|\(c\)|copyright)\s*(?:\u00a9\s*)?(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)?\s*,?\s*"
                 r"(?P<who>[^.,;|]{2,60})", line)
    if not m:
        return None
    who = re.sub(r"(?i)^by\s+", "", m.group("who").strip())
    return who if who and not who.lower().startswith("all rights") else None

