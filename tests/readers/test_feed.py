"""RSS and Atom feeds: full-content items become HTML articles carrying the item's metadata."""
from __future__ import annotations

from quotegraph.errors import InputError, Skipped
from quotegraph.readers import RawDocument
from quotegraph.readers.feed import read_feed


def test_full_content_items_become_html_articles_with_their_link(tmp_path, article_html, rss_feed):
    path = tmp_path / "news.rss"
    path.write_bytes(rss_feed([
        {"title": "Library opens", "link": "https://example.com/library", "author": "Sam Writer",
         "date": "Mon, 04 Mar 2024 09:30:00 GMT", "content": article_html, "summary": "A library."},
        {"title": "Teaser only", "link": "https://example.com/teaser", "summary": "Read more on our site."},
    ]))
    doc, teaser = list(read_feed(str(path)))
    assert isinstance(teaser, Skipped) and teaser.source.endswith("#item-2")
    assert doc.url == "https://example.com/library" and doc.media_type == "text/html"
    assert doc.fetched == "2024-03-04T09:30:00"
    page = doc.data.decode()
    for expected in ("Library opens", "Sam Writer", "2024-03-04T09:30:00", "Example News", "Books change lives"):
        assert expected in page


def test_atom_feeds_read_too(tmp_path, article_html, rss_feed):
    path = tmp_path / "news.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>'
        '<entry><title>Library</title><link href="https://example.com/a"/><updated>2024-03-04T09:30:00Z</updated>'
        f'<author><name>Ann</name></author><content type="html"><![CDATA[{article_html}]]></content></entry></feed>',
        encoding="utf-8")
    (doc,) = list(read_feed(str(path)))
    assert doc.url == "https://example.com/a" and b"Ann" in doc.data


def test_items_with_missing_fields_still_read(tmp_path, article_html, rss_feed):
    path = tmp_path / "bare.rss"
    path.write_bytes(rss_feed([{"content": article_html}]))
    (doc,) = list(read_feed(str(path)))
    assert doc.url is None and b"Books change lives" in doc.data


def test_markup_in_titles_is_escaped_in_the_page(tmp_path, article_html, rss_feed):
    path = tmp_path / "x.rss"
    path.write_bytes(rss_feed([{"title": 'Hello <script>alert(1)</script> "x"', "content": article_html}]))
    (doc,) = list(read_feed(str(path)))
    assert b"<script>alert(1)</script>" not in doc.data


def test_a_file_that_is_not_a_feed_is_an_error(tmp_path):
    path = tmp_path / "x.rss"
    path.write_bytes(b"\x00\x01 not xml at all")
    (err,) = list(read_feed(str(path)))
    assert isinstance(err, InputError) and "feed" in str(err)


def test_a_long_description_is_the_article_when_there_is_no_content(tmp_path, article_html, rss_feed):
    path = tmp_path / "d.rss"
    path.write_bytes(rss_feed([{"title": "Long", "link": "https://example.com/l", "summary": article_html * 3},
                               {"title": "Short", "link": "https://example.com/s", "summary": article_html[:400]}]))
    assert [d.url if isinstance(d, RawDocument) else d.source[-7:] for d in read_feed(str(path))] == [
        "https://example.com/l", "#item-2"]
