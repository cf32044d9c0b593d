"""Damaged WARC records and feed items: each gives a document or an InputError naming it and the reason,
never nothing. Archives are written byte by byte here, so that each kind of damage is exactly where it says."""
from __future__ import annotations

import gzip
import hashlib

import pytest

from quotegraph.errors import InputError, Skipped
from quotegraph.readers.feed import read_feed
from quotegraph.readers.warc import record_document, read_warc

PAGE = b"<html><body><p>The council voted to build a bridge over the river.</p></body></html>"
HTTP_OK = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"


def record(url: str, http: bytes, kind: bytes = b"response") -> bytes:
    """One uncompressed WARC record holding the HTTP block `http`."""
    head = (b"WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Target-URI: %s\r\n"
            b"WARC-Date: 2024-03-04T05:06:07Z\r\nContent-Type: application/http; msgtype=%s\r\n"
            b"Content-Length: %d\r\n\r\n"
            % (kind, hashlib.md5(url.encode()).hexdigest().encode(), url.encode(), kind, len(http)))
    return head + http + b"\r\n\r\n"


GOOD = record("https://example.com/good", HTTP_OK + PAGE)


def outcomes(path) -> list[tuple[str, str]]:
    """(source suffix, "doc" or the error's reason) for everything read_warc yields."""
    out = []
    for x in read_warc(str(path)):
        suffix = x.source[len(str(path)):]
        out.append((suffix, x.reason if isinstance(x, InputError) else "doc"))
    return out


def test_a_whole_archive_reads_without_errors(tmp_path):
    path = tmp_path / "a.warc"
    path.write_bytes(GOOD + record("https://example.com/b", HTTP_OK + PAGE))
    assert outcomes(path) == [("#0", "doc"), (f"#{len(GOOD)}", "doc")]
    gz = tmp_path / "a.warc.gz"
    gz.write_bytes(gzip.compress(GOOD) + gzip.compress(GOOD))
    assert [kind for _, kind in outcomes(gz)] == ["doc", "doc"]


def test_a_record_the_file_ends_inside_is_an_error_not_a_fragment(tmp_path):
    path = tmp_path / "cut.warc"
    cut = record("https://example.com/cut", HTTP_OK + PAGE)
    path.write_bytes(GOOD + cut[:-40])
    ((first, doc), (second, reason)) = outcomes(path)
    assert (first, doc) == ("#0", "doc") and second == f"#{len(GOOD)}"
    assert reason.startswith("WARC record is cut short: the file ends inside it, after ")


def test_a_cut_record_is_found_whatever_its_content_encoding(tmp_path):
    body = gzip.compress(PAGE * 20)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + body
    path = tmp_path / "encoded.warc"
    path.write_bytes(record("https://example.com/gz", http))
    (doc,) = read_warc(str(path))
    assert doc.data == PAGE * 20  # whole: decoded as before
    path.write_bytes(record("https://example.com/gz", http)[:-30])
    ((_, reason),) = outcomes(path)
    assert "cut short" in reason


def test_http_headers_that_never_end_are_an_error(tmp_path):
    garbage = b"HTTP/1.1 200 OK\r\nContent-Type: text/h" + b"\x00\xff" * 50  # no blank line ever
    path = tmp_path / "garbage.warc"
    path.write_bytes(record("https://example.com/g", garbage) + GOOD)
    assert outcomes(path) == [("#0", "WARC record's HTTP headers are damaged: they never end, so no page follows them"),
                              (f"#{len(record('https://example.com/g', garbage))}", "doc")]


def test_an_empty_page_is_an_error_and_lf_only_headers_are_read(tmp_path):
    path = tmp_path / "odd.warc"
    empty = record("https://example.com/empty", HTTP_OK)
    lf_only = record("https://example.com/lf", b"HTTP/1.1 200 OK\nContent-Type: text/html\n\n" + PAGE)
    path.write_bytes(empty + lf_only)
    assert outcomes(path) == [("#0", "WARC record's HTTP response is an empty page"), (f"#{len(empty)}", "doc")]


def test_non_pages_are_still_passed_over_in_silence(tmp_path):
    path = tmp_path / "other.warc"
    path.write_bytes(record("https://example.com/logo.png", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG")
                     + record("https://example.com/gone", b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n" + PAGE)
                     + record("https://example.com/", b"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", kind=b"request"))
    assert outcomes(path) == []


@pytest.mark.parametrize("cut_at", [20, 120], ids=["in WARC/1.0 line", "in the WARC headers"])
def test_a_file_that_ends_inside_a_records_warc_headers_says_so(tmp_path, cut_at):
    path = tmp_path / "cut-headers.warc"
    path.write_bytes(GOOD + GOOD[:cut_at])
    assert outcomes(path) == [("#0", "doc"), (f"#{len(GOOD)}", "WARC archive is cut short: the file ends inside a "
                                                               "record's WARC headers (an incomplete download? fetch "
                                                               "the file again)")]
    path.write_bytes(GOOD[:cut_at])  # nothing whole at all
    ((where, reason),) = outcomes(path)
    assert where == "#0" and "ends inside a record's WARC headers" in reason


def test_a_gzip_member_that_ends_early_is_reported(tmp_path):
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(gzip.compress(GOOD) + gzip.compress(GOOD)[:-6])
    found = outcomes(path)
    assert found[0] == ("#0", "doc") and "cut short" in found[-1][1]


def test_a_cut_request_record_at_the_end_is_reported(tmp_path):
    path = tmp_path / "cut-request.warc"
    request = record("https://example.com/", b"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", kind=b"request")
    path.write_bytes(GOOD + request[:-10])
    assert outcomes(path)[-1][1].startswith("WARC record is cut short")


def test_the_spark_jobs_parsed_records_get_the_same_verdicts(tmp_path):
    """spark.py hands record_document records whose HTTP headers fastwarc has parsed already."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    path = tmp_path / "parsed.warc"
    path.write_bytes(GOOD + record("https://example.com/empty", HTTP_OK)
                     + record("https://example.com/cut", HTTP_OK + PAGE)[:-40])
    verdicts = []
    with open(path, "rb") as f:
        for rec in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True, auto_decode="all"):
            try:
                verdicts.append("doc" if record_document(rec, "x", 1 << 20) is not None else None)
            except InputError as e:
                verdicts.append(e.reason.split(":")[0])
    assert verdicts == ["doc", "WARC record's HTTP response is an empty page", "WARC record is cut short"]


# -- feeds -------------------------------------------------------------------------------------

def feed(items: list[str]) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Town News</title>\n'
            + "\n".join(items) + "\n</channel></rss>").encode()


def item(n: int, content: bool = True) -> str:
    body = f"<content:encoded><![CDATA[<p>{'The council voted to build a bridge. ' * 10}</p>]]></content:encoded>"
    teaser = "<description>Read more on our site.</description>"
    return f"<item><title>Item {n}</title><link>https://example.com/{n}</link>{body if content else teaser}</item>"


def feed_outcomes(tmp_path, data: bytes) -> list[tuple[str, str]]:
    path = tmp_path / "news.rss"
    path.write_bytes(data)
    return [(x.source[len(str(path)):], "skipped" if isinstance(x, Skipped) else x.reason if isinstance(x, InputError)
             else "doc") for x in read_feed(str(path))]


def test_a_feed_cut_inside_an_item_reports_that_item(tmp_path):
    data = feed([item(1), item(2)])
    cut = data[: data.rindex(b"bridge.")]  # inside item 2's content
    found = feed_outcomes(tmp_path, cut)
    assert found[0] == ("#item-1", "doc")
    assert found[1][0] == "#item-2" and found[1][1].startswith("item is cut short: the feed ends inside it (")


def test_a_feed_cut_inside_a_teaser_reports_it_and_a_cut_after_the_items_loses_nothing(tmp_path):
    data = feed([item(1), item(2, content=False)])
    assert feed_outcomes(tmp_path, data) == [("#item-1", "doc"), ("#item-2", "skipped")]  # a whole teaser: skipped
    found = feed_outcomes(tmp_path, data[: data.rindex(b"Read more") + 4])
    assert found[1][0] == "#item-2" and "cut short" in found[1][1]
    assert feed_outcomes(tmp_path, data[:-8]) == [("#item-1", "doc"), ("#item-2", "skipped")]  # cut in </rss>


def test_a_feed_cut_before_its_first_item_is_an_error(tmp_path):
    data = feed([item(1)])
    ((where, reason),) = feed_outcomes(tmp_path, data[: data.index(b"<item>") - 5])
    assert where == "" and reason.startswith("feed is damaged (") and reason.endswith("no item could be read")


def test_items_the_parser_lost_are_counted(tmp_path):
    data = feed([item(1), item(2), item(3)]).replace(b"</title>", b"</titel>", 1)  # breaks the channel's title
    found = feed_outcomes(tmp_path, data)
    assert found[0][0] == "" and found[0][1].endswith("3 items in the file, 2 could be read")


def test_a_broken_entity_loses_nothing_and_reports_nothing(tmp_path):
    data = feed([item(1), item(2).replace("Item 2", "Item &nbsp; 2")])
    assert feed_outcomes(tmp_path, data) == [("#item-1", "doc"), ("#item-2", "doc")]
