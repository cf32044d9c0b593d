"""Builders for reader tests: WARC files written with fastwarc's own writer, RSS and Atom feeds as XML."""
from __future__ import annotations

import html as html_lib

import pytest


def write_warc(path, records, gzip: bool = True) -> None:
    """records: (url, body bytes, content type, status) -> a WARC of response records (plus a request record)."""
    from fastwarc.stream_io import GzipWriter
    from fastwarc.warc import WarcRecord, WarcRecordType

    with open(path, "wb") as f:
        out = GzipWriter(f) if gzip else f
        for url, body, content_type, status in records:
            request = b"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"
            r = WarcRecord()
            r.init_headers(WarcRecordType.request, content_length=len(request))
            r.headers["WARC-Target-URI"] = url
            r.headers["Content-Type"] = "application/http; msgtype=request"
            r.set_bytes_content(request)
            r.write(out)
            reason = b"OK" if status == 200 else b"Not Found"
            http = (b"HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
                    % (status, reason, content_type.encode(), len(body)) + body)
            r = WarcRecord()
            r.init_headers(WarcRecordType.response, content_length=len(http))
            r.headers["WARC-Target-URI"] = url
            r.headers["Content-Type"] = "application/http; msgtype=response"
            r.set_bytes_content(http)
            r.write(out, checksum_data=True)
        if gzip:
            out.close()


def rss(items, title="Example News") -> bytes:
    """items: dicts with title, link, author, date (RFC 2822), content (HTML), summary."""
    parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
             f'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
             f'<channel><title>{html_lib.escape(title)}</title><link>https://example.com/</link>']
    for it in items:
        parts.append("<item>")
        for tag, key in (("title", "title"), ("link", "link"), ("dc:creator", "author"), ("pubDate", "date"),
                         ("description", "summary")):
            if it.get(key):
                parts.append(f"<{tag}>{html_lib.escape(it[key])}</{tag}>")
        if it.get("content"):
            parts.append(f"<content:encoded><![CDATA[{it['content'].replace(']]>', ']]&gt;')}]]></content:encoded>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


ARTICLE_HTML = ("<p>The mayor of Springfield opened a new library on Monday, the first in the town for forty years. "
                "Hundreds of residents queued outside before the doors opened.</p>"
                "<p>\"This is a place for everyone,\" the mayor, Jane Roe, said at the ceremony. "
                "\"Books change lives, and this town deserves more of them.\"</p>"
                "<p>The library holds more than twenty thousand books and a room for children.</p>")


@pytest.fixture
def article_html():
    return ARTICLE_HTML


@pytest.fixture
def warc_writer():
    """write_warc(path, [(url, body, content type, status), ...], gzip=True)"""
    return write_warc


@pytest.fixture
def rss_feed():
    """rss([{title, link, author, date, content, summary}, ...]) -> bytes"""
    return rss


@pytest.fixture
def kb(tmp_path):
    """A fresh knowledge base in the test's folder."""
    from quotegraph.kb import open_kb

    store = open_kb(str(tmp_path / "kb.db"))
    yield store
    store.close()


@pytest.fixture
def counts():
    """Row counts of every table of a store, to compare before and after."""
    def table_counts(kb) -> dict[str, int]:
        names = [r[0] for r in kb.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'quotes_fts%'")]
        return {n: kb.conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}

    return table_counts
