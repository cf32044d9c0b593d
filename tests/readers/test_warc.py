"""WARC files: HTML response records become documents; everything else is skipped; damage is reported."""
from __future__ import annotations

from quotegraph.errors import InputError
from quotegraph.readers.warc import read_warc


def test_html_responses_become_documents_with_their_url(tmp_path, article_html, warc_writer):
    path = tmp_path / "crawl.warc.gz"
    page = f"<html><head><title>Library</title></head><body>{article_html}</body></html>".encode()
    warc_writer(path, [("https://example.com/library", page, "text/html; charset=utf-8", 200),
                      ("https://example.com/logo.png", b"\x89PNG....", "image/png", 200),
                      ("https://example.com/missing", b"<html>404</html>", "text/html", 404),
                      ("https://example.com/second", page, "application/xhtml+xml", 200)])
    docs = list(read_warc(str(path)))
    assert [d.url for d in docs] == ["https://example.com/library", "https://example.com/second"]
    assert all(d.media_type == "text/html" and d.data == page for d in docs)
    assert docs[0].source.startswith(str(path) + "#")
    assert docs[0].fetched


def test_uncompressed_warc_reads_the_same(tmp_path, article_html, warc_writer):
    path = tmp_path / "crawl.warc"
    warc_writer(path, [("https://example.com/a", article_html.encode(), "text/html", 200)], gzip=False)
    assert [d.url for d in read_warc(str(path))] == ["https://example.com/a"]


def test_a_truncated_warc_reports_an_error_after_the_good_records(tmp_path, article_html, warc_writer):
    path = tmp_path / "cut.warc"
    warc_writer(path, [(f"https://example.com/{i}", article_html.encode(), "text/html", 200) for i in range(3)],
               gzip=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    out = list(read_warc(str(path)))
    docs = [d for d in out if not isinstance(d, InputError)]
    assert len(docs) >= 2


def test_a_file_that_is_not_a_warc_is_an_error(tmp_path):
    path = tmp_path / "x.warc"
    path.write_bytes(b"hello, this is not an archive\n" * 10)
    out = list(read_warc(str(path)))
    assert out and all(isinstance(e, InputError) for e in out)
