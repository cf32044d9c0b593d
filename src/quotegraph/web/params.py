"""Checks on what a client typed, shared by the API and the pages, before anything reaches the store."""
from __future__ import annotations

import re
from datetime import date

from .problems import ProblemError

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def checked_date(value: str | None, name: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day or month; anything else is a 400 saying so."""
    if value is None or not value.strip():
        return None
    v = value.strip()
    m = _DATE.match(v)
    ok = bool(m)
    if m:
        year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
        try:
            date(year, month, day)
        except ValueError:
            ok = False
    if not ok:
        raise ProblemError(400, f"cannot read the date {value!r} given as {name}; use YYYY, YYYY-MM or YYYY-MM-DD")
    return v
