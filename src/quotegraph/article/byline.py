"""Byline lines: who wrote the article, for which outlet, and when.

Reads "By Beth Roe, Al Doe Jan 02, 2021 6:49 PM", "By A, B and C", "By Jane Roe | Updated Jan. 3,
2021", "BY JANE ROE, CNN", "Written by Jane Roe and Ann Poe, Staff Writers", "Author: Jane Roe", and
bylines that name only the outlet: "By Example News Staff", "By Reuters".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import DateMatch, find_dates
from ..wordlists import word_set

# "By", "Written by", "Words by", "Author:", at the start of the line, then a capital.
_LEAD = re.compile(r"^\s*(?:(?:(?i:written|reported|story|words|text|posted|published)\s+)?(?:[Bb]y|BY)\s*:?"
                   r"|(?i:authors?|writer|reporter)\s*:)\s*(?=[A-Z\u00c0-\u024f])")
# Where the list of names stops: a separator, or a label that starts the date part.
_STOP = re.compile(r"\s*(?:[|\u00b7\u2022\t]|\s[\u2013\u2014-]\s|(?i:\b(?:updated|published|posted|last updated|"
                   r"modified|first published|on)\b)|\bTags\b|$)")
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bwith\b|\bAND\b)\s*")
_NAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u024f][\w'\u2019.-]*|[A-Z]\.|(?:de|da|del|della|di|du|la|le|van|von|der|den|bin|al|el|y|st\.?)|Jr\.?|Sr\.?|I{1,3}|IV)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9!&.]{1,6}$")
_OUTLET_WORDS = re.compile(r"(?i)\b(?:news|press|times|post|journal|herald|tribune|gazette|daily|weekly|magazine|"
                           r"reuters|agency|agencies|network|media|wire|radio|tv|television|online)\b|[!+]")


BYLINE_MAX_CHARS = 400  # a byline line with its date is never longer


@dataclass
class Byline:
    """What a byline line tells: authors in the order printed, an outlet if named, and its date."""

    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    date: DateMatch | None = None
    names_end: int = 0  # where the names part of the line ends (offset into the line)


def byline_lead(line: str) -> int:
    """Length of the "By " lead when the line is a byline, else 0."""
    m = _LEAD.match(line)
    return m.end() if m else 0


def _fix_case(name: str) -> str:
    """Names printed in capitals ("JANE ROE") in ordinary case; others as printed."""
    if name.isupper() and len(name) > 3:
        return " ".join(w.capitalize() if len(w) > 2 or not w.endswith(".") else w for w in name.split())
    return name


def looks_like_name(item: str) -> bool:
    words = item.split()
    if not 1 <= len(words) <= 5:
        return False
    if not words[0][:1].isupper():
        return False
    return all(_NAME_WORD.match(w) for w in words)


def split_names(part: str) -> tuple[list[str], str | None, bool]:
    """Names from the names part of a byline; an item that names an outlet is returned apart.

    The flag says every item was a name, a role or an outlet, as in a real byline (a sentence that
    happens to start with "By" has items that are none of these).
    """
    roles = word_set("layout_author_roles.txt")
    staff = sorted(word_set("layout_staff_roles.txt"), key=len, reverse=True)
    authors: list[str] = []
    outlet = None
    clean = True
    for raw in _SPLIT.split(part):
        item = raw.strip(" \t\u00a0.,;:-\u2013\u2014()")
        if not item:
            continue
        low = " ".join(item.lower().split())
        if low in roles:
            continue
        # "Example News Staff": no one person signs it, the words before the role name the outlet
        crew = next((r for r in staff if low == r or low.endswith(" " + r)), None)
        if crew is not None:
            name = item[: len(item) - len(crew)].strip(" ,")
            if re.sub(r"^(?i:the)\b\s*", "", name)[:1].isupper():
                outlet = outlet or name
            continue
        # "Jane Roe, Staff Writer" comes as its own item; "Jane Roe Staff Writer" loses the role
        for role in sorted(roles, key=len, reverse=True):
            if low.endswith(" " + role) and len(role) > 3:
                item = item[: len(item) - len(role)].strip()
                low = low[: len(low) - len(role)].strip()
                break
        first = item.split()[0]
        if (_ACRONYM.match(item) or (_OUTLET_WORDS.search(item) and len(item.split()) <= 5)
                or (re.fullmatch(r"[A-Z]{2,}[A-Z0-9!&+]*", first) and not item.isupper())):
            outlet = outlet or item
            continue
        if looks_like_name(item):
            authors.append(_fix_case(item))
        else:
            clean = False
    return authors, outlet, clean


def parse_byline(line: str) -> Byline | None:
    """Authors, outlet and date of a byline line, or None when the line is not a byline."""
    lead = byline_lead(line)
    if not lead or len(line) > BYLINE_MAX_CHARS:
        return None
    dates = find_dates(line)
    first = dates[0] if dates else None
    stop = len(line)
    if first is not None:
        stop = first.label_start if first.label_start is not None else first.start
    m = _STOP.search(line, lead, stop)
    names_end = m.start() if m else stop
    authors, outlet, clean = split_names(line[lead:names_end])
    if not (authors or outlet) or not clean:  # "By Example News Staff" names only the outlet
        return None
    rest = line[names_end:]
    for d in reversed(dates):
        if d.start >= names_end:
            rest = rest[: d.start - names_end] + " " + rest[d.end - names_end:]
    if len(re.findall(r"[^\W\d_]{2,}", rest)) > 4:  # more than labels and "Tags" after the names
        return None
    published = next((d for d in dates if d.label != "updated"), first)
    return Byline(authors=authors, outlet=outlet, date=published, names_end=names_end)
