"""RawDocument -> Article: the page's title, standfirst, byline, date and body paragraphs.

Scraped text goes through our own layout reader (`layout.read_scraped_text`); HTML goes
through trafilatura (`html.read_html`). Both return an Article whose offsets index `text`.
"""
from __future__ import annotations

from ..readers import RawDocument
from .decode import decode_text
from .model import Article, Block


def read_article(raw: RawDocument) -> Article:
    """Decode and lay out one RawDocument."""
    if raw.media_type == "text/html":
        from .html import read_html

        return read_html(raw)
    from .layout import read_scraped_text

    return read_scraped_text(decode_text(raw.data, raw.source), source=raw.source, url=raw.url)


__all__ = ["Article", "Block", "read_article"]
