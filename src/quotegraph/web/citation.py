"""A quote as a citation a journalist pastes under it: "Name, quoted in Outlet, 2 January 2021: '...' URL"."""
from __future__ import annotations

from ..kb.models import QuoteRecord
from .formats import day, safe_href


def citation(q: QuoteRecord) -> str:
    """Who, where, when, the words and the article's address (only an http(s) one)."""
    who = ((q.speaker.name or q.speaker.as_written) if q.speaker else None) or "Unknown speaker"
    when = day(q.published) if q.published else None
    head = ", ".join(x for x in (who, f"quoted in {q.article.outlet}" if q.article.outlet else "quoted", when) if x)
    url = safe_href(q.article.url)
    return f"{head}: '{q.text}'" + (f" {url}" if url else "")
