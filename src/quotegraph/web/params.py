"""Checks on what a client typed, shared by the API and the pages, before anything reaches the store."""
from __future__ import annotations

from ..errors import UserInputError
from ..kb.queries import date_bound
from .problems import ProblemError


def checked_date(value: str | None, name: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day or month (kb.queries.date_bound, the CLI's own reading);
    anything else is a 400 saying so."""
    try:
        date_bound(value, end=False, name=name)
    except UserInputError as e:
        raise ProblemError(400, str(e)) from None
    return value.strip() if value and value.strip() else None
