"""Quotation marks: the spans of body text between double marks, and single-mark quotes nested inside them.

Works on characters only (no parse), one body paragraph at a time, so that a stray mark can never
swallow the rest of the article. Handles straight and curly marks mixed in one quote (the direction
of a straight mark is read from its neighbours), the doubled apostrophe some archives print for a
double mark (''like this''), a quote that runs over several paragraphs (the paragraph ends with the
quote still open and the next one reopens it), and a quote whose closing mark is missing before the
next one opens (the caller cuts it at its cue).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..article import Block
from .lexicon import read_entries


@cache
def _double_marks() -> tuple[re.Pattern, frozenset[str], frozenset[str]]:
    """The double marks of quote_marks.txt: a pattern matching any, and those facing one way only."""
    marks = read_entries("quote_marks.txt")
    pattern = re.compile("|".join(re.escape(m) for m in sorted((m for m, _ in marks), key=len, reverse=True)))
    return (pattern, frozenset(m for m, way in marks if way == "open"),
            frozenset(m for m, way in marks if way == "close"))


_SINGLE = re.compile(r"['\u2018\u2019\u201a\u201b]")
_OPEN_BEFORE = set(" \t\n\u00a0([{\u2014\u2013-/\u201c\"")  # characters after which a mark opens
_CLOSE_AFTER = set(" \t\n\u00a0)]}.,;:!?\u2014\u2013-/\u201d\"")  # characters before which a mark closes


@dataclass
class MarkedSpan:
    """Text between quotation marks inside one body paragraph (marks excluded).

    `opened`/`closed` say whether a mark actually bounds each side: a quote that runs on into the
    next paragraph is not closed, and its continuation there is marked `continues`. `interrupted`
    says the span ran into another opening mark without being closed (an unbalanced quote whose
    cue sits before that mark); the caller decides where it really ends.
    """

    start: int
    end: int
    paragraph: int  # index into the article's body paragraphs
    mark_start: int  # where the opening mark starts (the content start when none)
    mark_end: int  # where the closing mark ends (the content end when none)
    opened: bool = True
    closed: bool = True
    interrupted: bool = False
    continues: bool = False  # continues the previous paragraph's unclosed quote


@dataclass
class _Mark:
    start: int
    end: int
    can_open: bool
    can_close: bool


def _classify(text: str, m: re.Match, lo: int, hi: int) -> _Mark:
    s, e = m.start(), m.end()
    before = text[s - 1] if s > lo else " "
    after = text[e] if e < hi else " "
    mark = m.group()
    _, opening, closing = _double_marks()
    if mark in opening:
        return _Mark(s, e, True, False)
    if mark in closing:
        return _Mark(s, e, False, True)
    can_open = before in _OPEN_BEFORE and not after.isspace()
    can_close = not before.isspace() and (after in _CLOSE_AFTER or after.isspace())
    if not can_open and not can_close:  # spaced on both sides or glued on both: let the state decide
        can_open = can_close = True
    return _Mark(s, e, can_open, can_close)


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def find_marked_spans(text: str, paragraphs: list[Block]) -> list[MarkedSpan]:
    """Double-quoted spans of every body paragraph, and single-quoted ones outside them (the British
    style: 'We're ready,' she said), in text order."""
    doubles = _double_spans(text, paragraphs)
    singles = []
    for k, b in enumerate(paragraphs):
        taken = [(d.mark_start, d.mark_end) for d in doubles if d.paragraph == k]
        lo = b.start
        for s, e in taken + [(b.end, b.end)]:
            singles.extend(_single_spans(text, lo, s, k))
            lo = max(lo, e)
    return sorted(doubles + singles, key=lambda m: m.start)


_SINGLE_OPEN_BEFORE = set(" \t\n\u00a0([{\u2014\u2013-/")
_SINGLE_CLOSE_AFTER = set(".,;:!?)]}\u2014\u2013-/")
_MAX_SINGLE = 600  # characters: a longer run between single marks is two apostrophes, not a quote


def _single_spans(text: str, lo: int, hi: int, paragraph: int) -> list[MarkedSpan]:
    """Quotes between single marks in text[lo:hi] (no double marks there), telling marks from apostrophes:
    an apostrophe has letters on both sides (it's) or opens a number ('90s); a closing mark follows a word
    and comes before a space, punctuation or the end."""
    out: list[MarkedSpan] = []
    open_at: int | None = None
    for m in _SINGLE.finditer(text, lo, hi):
        i = m.start()
        ch = m.group()
        before = text[i - 1] if i > lo else " "
        after = text[i + 1] if i + 1 < hi else " "
        if (before.isalnum() and after.isalnum()) or "''" in text[max(lo, i - 1):i + 2]:
            continue
        can_open = ch in "'\u2018\u201b" and (i == lo or before in _SINGLE_OPEN_BEFORE) and (
            after.isalpha() or after in "[(\u2026")
        can_close = ch in "'\u2019" and not before.isspace() and i > lo and (
            after.isspace() or after in _SINGLE_CLOSE_AFTER or i + 1 == hi)
        if open_at is not None and can_close:
            s, e = _strip(text, open_at + 1, i)
            if e > s and e - s <= _MAX_SINGLE and "\n" not in text[s:e] and any(c.isalpha() for c in text[s:e]):
                out.append(MarkedSpan(s, e, paragraph, open_at, i + 1))
            open_at = None
        elif can_open:
            open_at = i
    return out


def _double_spans(text: str, paragraphs: list[Block]) -> list[MarkedSpan]:
    out: list[MarkedSpan] = []
    running = False  # the previous paragraph ended inside a quote
    for k, b in enumerate(paragraphs):
        marks = [_classify(text, m, b.start, b.end) for m in _double_marks()[0].finditer(text, b.start, b.end)]
        first = True
        open_at: _Mark | None = None
        for mk in marks:
            if open_at is None:
                if mk.can_open:
                    open_at = mk
                # a lone closing mark with nothing open is stray: skip it
            elif mk.can_close:
                s, e = _strip(text, open_at.end, mk.start)
                if e > s:
                    out.append(MarkedSpan(s, e, k, open_at.start, mk.end, continues=running and first))
                first = False
                open_at = None
            else:  # a second opening mark while one is open: the first was never closed
                s, e = _strip(text, open_at.end, mk.start)
                if e > s:
                    out.append(MarkedSpan(s, e, k, open_at.start, e, closed=False, interrupted=True,
                                          continues=running and first))
                first = False
                open_at = mk
        running_next = False
        if open_at is not None:  # still open at the paragraph's end
            s, e = _strip(text, open_at.end, b.end)
            if e > s:
                out.append(MarkedSpan(s, e, k, open_at.start, e, closed=False, continues=running and first))
                running_next = True
        running = running_next and opens_with_mark(text, paragraphs, k + 1)
    return out


def opens_with_mark(text: str, paragraphs: list[Block], k: int) -> bool:
    """Whether body paragraph k starts with an opening mark (so it continues an open quote)."""
    if k >= len(paragraphs):
        return False
    b = paragraphs[k]
    m = _double_marks()[0].match(text, b.start, b.end)
    return m is not None and _classify(text, m, b.start, b.end).can_open


def find_nested_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Single-quoted spans inside a double-quoted span [start, end), telling marks from apostrophes.

    An apostrophe has letters on both sides (it's, Emily's) or opens a year ('90s) with no partner;
    a nested quote opens after a space or the outer mark and closes before a space, punctuation or
    the outer closing mark.
    """
    opens: list[int] = []
    spans: list[tuple[int, int]] = []
    for m in _SINGLE.finditer(text, start, end):
        i = m.start()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        ch = m.group()
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word
        can_open = ch != "\u2019" and (before.isspace() or before in "([{\u2014\u2013-\"\u201c" or i == start) \
            and (after.isalpha() or after in "[(\u2026")
        can_close = ch != "\u2018" and not before.isspace() and i > start and \
            (after.isspace() or after in ".,;:!?)]}\u2014\u2013-\"\u201d" or i + 1 == end)
        if can_open and not (opens and can_close):
            opens.append(i)
        elif can_close and opens:
            o = opens.pop()
            s, e = _strip(text, o + 1, i)
            if e > s and not opens:
                spans.append((s, e))
    return spans
