"""Dates and times as pages print them, turned into ISO 8601.

"Jan 02, 2021 6:49 PM" -> "2021-01-02T18:49" (local time as printed when no zone is given);
"January 2, 2021 at 6:49 p.m. ET" -> "2021-01-02T18:49-05:00" (the zone's offset on that day);
"2021-01-02T18:49:00Z", "2 January 2021", "Sat, Jan. 2, 2021", "01/02/2021" (month first unless the
first number cannot be a month), and a time printed before its date ("6:49 PM ET, Jan 2, 2021").
A time glued onto the next word ("6:49 PMTags", as scraped) still reads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from ..wordlists import table

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
           "oct": 10, "nov": 11, "dec": 12}
_MONTH = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:tember|t)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![A-Za-z])\.?")
_WEEKDAY = (r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu"
            r"|fri|sat|sun)(?![A-Za-z])\.?,?\s+)")
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"

_DATE = re.compile(
    r"(?<![\w/.-])(?:"
    # ISO: 2021-01-02, with an optional T time and zone
    r"(?P<iy>\d{4})-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)"
    r"(?:T(?P<ih>[0-2]?\d):(?P<imi>[0-5]\d)(?::(?P<isec>[0-5]\d)(?:[.,]\d+)?)?(?P<iz>Z|[+-][01]\d(?::?[0-5]\d)?)?)?"
    r"|" + _WEEKDAY + r"?(?P<mdy_m>" + _MONTH + r")\s*(?P<mdy_d>" + _DAY + r")(?!\d),?\s+(?P<mdy_y>\d{4})"
    r"|" + _WEEKDAY + r"?(?P<dmy_d>" + _DAY + r")\s+(?:of\s+)?(?P<dmy_m>" + _MONTH + r"),?\s+(?P<dmy_y>\d{4})"
    r"|(?P<na>[0-3]?\d)/(?P<nb>[0-3]?\d)/(?P<ny>\d{4}|\d{2})"
    r"|(?P<da>[0-3]?\d)\.(?P<db>[01]?\d)\.(?P<dy>\d{4})"
    r")(?![\w/])"
)


@cache
def _zones() -> dict[str, tuple[str, ...]]:
    return {row[0]: row[1:] for row in table("layout_timezones.txt")}


@cache
def _time_re() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    names = "|".join(sorted((re.escape(z) for z in _zones()), key=len, reverse=True))
    zone = (r"(?:\s*\(?(?P<zone>(?:GMT|UTC)\s?[+-]\d{1,2}(?::?\d{2})?|[+-][01]\d:?[0-5]\d|" + names +
            r")\)?(?![A-Za-z]))?")
    time = (r"(?:(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?(?::(?P<s>[0-5]\d))?\s?(?P<ap>[AaPp]\.?\s?[Mm]\.?)(?![a-z])"
            r"|(?P<h24>[0-2]?\d):(?P<mi24>[0-5]\d)(?::(?P<s24>[0-5]\d))?(?![\d:]))" + zone)
    after = re.compile(r"\s*,?\s*(?:(?i:at)\s+|[@|/\u00b7\u2022\u2013\u2014-]\s*)?" + time)
    before = re.compile(time + r"\s*(?:,|(?i:on)|[|/\u00b7\u2022\u2013\u2014-])?\s*$")
    return re.compile(time), after, before


@cache
def _labels() -> tuple[tuple[re.Pattern, str], ...]:
    rows = sorted(table("layout_date_labels.txt"), key=lambda r: -len(r[0]))
    return tuple((re.compile(r"(?i)(?<![A-Za-z])" + re.escape(r[0]).replace(r"\ ", r"\s+") + r"\s*:?\s*$"), r[1])
                 for r in rows)


@dataclass
class DateMatch:
    """A date (and time, when printed) found in a text: its span, ISO 8601 value and label."""

    start: int
    end: int
    iso: str
    has_time: bool
    label: str | None = None  # "published" or "updated" when a word before the date says so
    label_start: int | None = None


def _year(y: str) -> int:
    n = int(y)
    if len(y) == 2:
        n += 2000 if n <= (date.today().year % 100) + 1 else 1900
    return n


def _leading_number(text: str) -> int:
    """The number a day is printed with ("3" of "3rd"); ValueError when it does not start with one."""
    digits = re.match(r"\d+", text)
    if digits is None:
        raise ValueError(f"no day number in {text!r}")
    return int(digits.group())


def _ymd(m: re.Match) -> tuple[int, int, int] | None:
    g = m.groupdict()
    try:
        if g["iy"]:
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        elif g["mdy_m"]:
            y, mo, d = int(g["mdy_y"]), _MONTHS[g["mdy_m"][:3].lower()], _leading_number(g["mdy_d"])
        elif g["dmy_m"]:
            y, mo, d = int(g["dmy_y"]), _MONTHS[g["dmy_m"][:3].lower()], _leading_number(g["dmy_d"])
        elif g["na"]:
            a, b, y = int(g["na"]), int(g["nb"]), _year(g["ny"])
            mo, d = (a, b) if a <= 12 else (b, a)
        else:
            d, mo, y = int(g["da"]), int(g["db"]), int(g["dy"])
        date(y, mo, d)
    except (ValueError, KeyError, AttributeError):
        return None
    if not 1800 <= y <= 2200:
        return None
    return y, mo, d


def _offset(zone: str | None, when: datetime) -> str:
    """The UTC offset ("+01:00") a printed zone stands for on that date, or "" when none was printed."""
    if not zone:
        return ""
    z = zone.replace(" ", "")
    m = re.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?", z)
    if m:
        return f"{m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}"
    spec = _zones().get(z)
    if not spec:
        return ""
    if "/" in spec[0]:
        try:
            from zoneinfo import ZoneInfo

            off = when.replace(tzinfo=ZoneInfo(spec[0])).utcoffset()
            if off is not None:
                mins = int(off.total_seconds() // 60)
                sign = "+" if mins >= 0 else "-"
                return f"{sign}{abs(mins) // 60:02d}:{abs(mins) % 60:02d}"
        except Exception:  # no time-zone database on this machine: the standard offset
            pass
        return spec[1] if len(spec) > 1 else ""
    return spec[0]


def _hms(t: re.Match) -> tuple[int, int, int | None] | None:
    if t.group("h") is not None:
        h, mi = int(t.group("h")), int(t.group("mi") or 0)
        sec = t.group("s")
        if not 1 <= h <= 12:
            return None
        pm = t.group("ap")[0] in "Pp"
        h = (h % 12) + (12 if pm else 0)
    else:
        h, mi, sec = int(t.group("h24")), int(t.group("mi24")), t.group("s24")
        if h > 23:
            return None
    return h, mi, (int(sec) if sec is not None else None)


def _iso(ymd: tuple[int, int, int], hms: tuple[int, int, int | None] | None, zone: str | None) -> str:
    y, mo, d = ymd
    out = f"{y:04d}-{mo:02d}-{d:02d}"
    if hms is None:
        return out
    h, mi, sec = hms
    out += f"T{h:02d}:{mi:02d}" + (f":{sec:02d}" if sec is not None else "")
    return out + _offset(zone, datetime(y, mo, d, h, mi, sec or 0))


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every date in text[start:end], with the time printed next to it and the label before it."""
    end = len(text) if end is None else end
    _, after, before = _time_re()
    out: list[DateMatch] = []
    for m in _DATE.finditer(text, start, end):
        ymd = _ymd(m)
        if ymd is None:
            continue
        s, e = m.start(), m.end()
        hms = None
        zone = None
        if m.group("ih"):
            h, mi = int(m.group("ih")), int(m.group("imi"))
            if h > 23:
                continue
            hms = (h, mi, int(m.group("isec")) if m.group("isec") else None)
            zone = m.group("iz")
        else:
            t = after.match(text, e, end)
            if t and _hms(t):
                hms, zone, e = _hms(t), t.group("zone"), t.end()
            else:
                window_start = max(start, s - 40)
                t = before.search(text, window_start, s)
                if t and _hms(t):
                    hms, zone, s = _hms(t), t.group("zone"), t.start()
        label, label_start = None, None
        window = text[max(start, s - 30):s]
        for pat, which in _labels():
            lm = pat.search(window)
            if lm:
                label, label_start = which, s - len(window) + lm.start()
                break
        out.append(DateMatch(s, e, _iso(ymd, hms, zone), hms is not None, label, label_start))
    return out
