"""A quote as a citation a journalist pastes under it: "Name, quoted in Outlet, 2 January 2021: '...' URL"."""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from ..kb.models import QuoteRecord


def _day(published: str | None) -> str | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", published or "")
    if not m:
        return None
    try:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return f"{d.day} {d:%B %Y}"


def _http(url: str | None) -> str | None:
    try:
        return url.strip() if url and urlsplit(url.strip()).scheme.lower() in ("http", "https") else None
    except ValueError:
        return None


def citation(q: QuoteRecord) -> str:
    """Who, where, when, the words and the article's address (only an http(s) one)."""
    who = ((q.speaker.name or q.speaker.as_written) if q.speaker else None) or "Unknown speaker"
    head = ", ".join(x for x in (who, f"quoted in {q.article.outlet}" if q.article.outlet else "quoted",
                                  _day(q.published)) if x)
    url = _http(q.article.url)
    return f"{head}: '{q.text}'" + (f" {url}" if url else "")
