"""RSS and Atom feeds saved to disk: each item that carries the full article becomes an HTML article.

feedparser reads the feed (and cleans the HTML it holds). An item's full content
(content:encoded, Atom content) is wrapped in a small HTML page whose head carries the
item's title, authors, date and the feed's title as outlet, so that the HTML reader finds
the same metadata it finds on a real page; the item's link is the article's url. Items
that carry only a teaser (a short description) are not articles: each is a Skipped value with its reason,
which ingest counts apart from failures.

A damaged feed (not well-formed XML) is read as far as feedparser can, and what it cost is
reported, never passed over: an item the damage emptied (the file ends inside it, or the XML
breaks inside it) gives an error naming "path#item-N", and items feedparser could not find at
all give an error naming the feed.
"""
from __future__ import annotations

import calendar
import html
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterator

from ..errors import InputError, Skipped
from ..settings import default
from . import RawDocument, read_input

# An item's text shorter than this (in characters, markup removed) is a teaser, not an article.
MIN_ARTICLE_CHARS = 200
MIN_SUMMARY_CHARS = 1000


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of a file are an RSS, RDF or Atom document."""
    h = head[:4096].lstrip().lower()
    return (h.startswith(b"<?xml") or h.startswith(b"<rss") or h.startswith(b"<feed")
            or h.startswith(b"<rdf")) and (b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h)


def read_feed(path: str, max_bytes: int = default("max_bytes")) -> Iterator[RawDocument | InputError]:
    """Yield one HTML RawDocument per full-content item, Skipped for an item that holds only a teaser, or an
    InputError for a feed (or item) that cannot be read."""
    import feedparser

    try:
        data = read_input(path, max_bytes, what="feed")
    except InputError as e:
        yield e
        return
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)() or "no RSS or Atom items"
        yield InputError(path, f"not a readable RSS or Atom feed ({reason})")
        return
    damage = _Damage.of(parsed, data)
    if damage is not None and not parsed.entries:
        yield InputError(path, f"feed is damaged ({damage.reason}) and no item could be read")
        return
    if damage is not None and damage.items_in_file > len(parsed.entries):
        yield InputError(path, f"feed is damaged ({damage.reason}): {damage.items_in_file} items in the file, "
                               f"{len(parsed.entries)} could be read")
    outlet = (parsed.feed.get("title") or "").strip() or None
    for i, entry in enumerate(parsed.entries):
        source = f"{path}#item-{i + 1}"
        body = _full_content(entry)
        if body is None:
            if damage is not None and damage.emptied(i + 1, len(parsed.entries)):
                yield InputError(source, damage.item_reason())
            else:
                yield Skipped(source, _teaser_reason(entry))
            continue
        page = item_page(entry, body, outlet)
        yield RawDocument(source=source, data=page.encode("utf-8"), media_type="text/html",
                          url=(entry.get("link") or "").strip() or None, fetched=_item_date(entry))


_ITEM_TAG = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s>/]", re.IGNORECASE)
_ITEM_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.IGNORECASE)
_ROOT_END = re.compile(rb"</(?:[\w.-]+:)?(?:rss|feed|rdf)\s*>\s*\Z", re.IGNORECASE)


@dataclass
class _Damage:
    """Where and how a feed's XML breaks, as the XML parser under feedparser saw it."""

    reason: str  # the parser's message, with line and column when it gives them
    cut: bool  # the file ends inside its last item (no end tag after it, root element not closed)
    item: int | None  # 1-based item the parser stopped in (by line and column), if known
    items_in_file: int  # item or entry start tags in the raw bytes

    @classmethod
    def of(cls, parsed, data: bytes) -> "_Damage | None":
        import xml.sax

        error = parsed.get("bozo_exception")
        if not isinstance(error, xml.sax.SAXException):  # e.g. an encoding override: nothing is lost
            return None
        reason = error.getMessage() if hasattr(error, "getMessage") else str(error)
        starts = [m.start() for m in _ITEM_TAG.finditer(data)]
        item = None
        if isinstance(error, xml.sax.SAXParseException) and error.getLineNumber():
            line, column = error.getLineNumber() or 0, error.getColumnNumber() or 0
            reason += f" at line {line}, column {column}"
            offset = sum(len(s) + 1 for s in data.split(b"\n", line - 1)[: line - 1]) + column
            inside = [k for k, start in enumerate(starts, 1) if start < offset]
            if inside and _ITEM_END.search(data[starts[inside[-1] - 1]:offset]) is None:
                item = inside[-1]
        last_item_open = bool(starts) and _ITEM_END.search(data, starts[-1]) is None
        return cls(reason, last_item_open and _ROOT_END.search(data) is None, item, len(starts))

    def emptied(self, n: int, read: int) -> bool:
        """Item n (of `read`) holds no article, and the damage is what may have emptied it."""
        if self.cut and n == read:
            return True
        return self.item == n and read == self.items_in_file

    def item_reason(self) -> str:
        if self.cut:
            return f"item is cut short: the feed ends inside it ({self.reason})"
        return f"item is damaged: the feed's XML breaks inside it ({self.reason})"


def _full_content(entry) -> str | None:
    """The item's full HTML, or None when it carries only a teaser.

    Full content (content:encoded, Atom content) counts from MIN_ARTICLE_CHARS; a description
    alone only from MIN_SUMMARY_CHARS, since most feeds put a paragraph or two there.
    """
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    best = max(contents, key=lambda s: len(_strip_tags(s)), default="")
    if len(_strip_tags(best)) >= MIN_ARTICLE_CHARS:
        return best
    summary = entry.get("summary") or ""
    return summary if len(_strip_tags(summary)) >= MIN_SUMMARY_CHARS else None


def _teaser_reason(entry) -> str:
    chars = max([len(_strip_tags(c.get("value") or "")) for c in entry.get("content") or []]
                + [len(_strip_tags(entry.get("summary") or ""))])
    what = f"only a short description ({chars:,} characters)" if chars else "no text"
    return f"skipped: the item holds {what}, not the article"


def _strip_tags(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", s)).strip()


def _item_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return datetime.fromtimestamp(calendar.timegm(t), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _item_authors(entry) -> list[str]:
    names = [(a.get("name") or "").strip() for a in entry.get("authors") or [] if isinstance(a, dict)]
    names = [n for n in names if n]
    if not names and entry.get("author"):
        names = [entry["author"].strip()]
    return names


def item_page(entry, body: str, outlet: str | None) -> str:
    """An HTML page for one feed item: metadata in the head, the item's title and content in an <article>."""
    title = (entry.get("title") or "").strip()
    date = _item_date(entry)
    meta = []
    if title:
        meta.append(f'<meta property="og:title" content="{html.escape(title)}">')
    for name in _item_authors(entry):
        meta.append(f'<meta name="author" content="{html.escape(name)}">')
    if date:
        meta.append(f'<meta property="article:published_time" content="{html.escape(date)}">')
    if outlet:
        meta.append(f'<meta property="og:site_name" content="{html.escape(outlet)}">')
    link = (entry.get("link") or "").strip()
    if link:
        meta.append(f'<link rel="canonical" href="{html.escape(link)}">')
    head = "\n".join(meta)
    h1 = f"<h1>{html.escape(title)}</h1>" if title else ""
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>\n{head}\n"
            f"</head><body><article>{h1}\n{body}\n</article></body></html>")


__all__ = ["read_feed", "looks_like_feed", "item_page", "MIN_ARTICLE_CHARS"]
