"""The Spark job's parts that run without Spark: WARC bytes to documents, the guarded extraction, names and errors."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from quotegraph.readers import RawDocument
from quotegraph.errors import ArticleFailed
from quotegraph.pipeline import extract_guarded
from quotegraph.spark import SkippedRecord, _java_message, bucket_of, local_path, warc_documents

PAGE = b"<html><head><title>Council votes</title></head><body><article><p>The council voted on Tuesday.</p></article></body></html>"


def _response(url: str, body: bytes, status: str = "200 OK", content_type: str = "text/html"):
    from fastwarc.warc import WarcRecord, WarcRecordType

    rec = WarcRecord()
    rec.init_headers(record_type=WarcRecordType.response)
    rec.headers["WARC-Target-URI"] = url
    rec.headers["Content-Type"] = "application/http; msgtype=response"
    rec.set_bytes_content(f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + body)
    return rec


def _warc_bytes(tmp_path: Path, records) -> bytes:
    from fastwarc.stream_io import GzipWriter

    path = tmp_path / "x.warc.gz"
    with open(path, "wb") as f:
        for rec in records:
            member = GzipWriter(f)
            rec.write(member)
            member.finish()
    return path.read_bytes()


def test_pages_become_documents_and_other_records_are_skipped_with_reasons(tmp_path):
    data = _warc_bytes(tmp_path, [
        _response("https://example.org/a", PAGE),
        _response("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        _response("https://example.org/old", b"", status="301 Moved Permanently"),
        _response("https://example.org/b", PAGE),
    ])
    out = list(warc_documents(data, "/crawl/x.warc.gz"))
    docs = [d for d in out if isinstance(d, RawDocument)]
    skipped = {s.url: s for s in out if isinstance(s, SkippedRecord)}
    assert [d.url for d in docs] == ["https://example.org/a", "https://example.org/b"]
    assert all(d.media_type == "text/html" and d.data == PAGE for d in docs)
    assert docs[0].source == "/crawl/x.warc.gz#0" and docs[1].source.startswith("/crawl/x.warc.gz#")
    assert skipped["https://example.org/logo.png"].kind == "ignored"
    assert skipped["https://example.org/logo.png"].reason == "not an HTML page (image/png)"
    assert (skipped["https://example.org/old"].kind, skipped["https://example.org/old"].reason) == \
        ("ignored", "HTTP status 301")


def test_a_file_that_is_not_a_warc_is_one_failed_record():
    out = list(warc_documents(b"just some text\n" * 10, "/crawl/notes.txt"))
    assert len(out) == 1 and isinstance(out[0], SkippedRecord)
    assert out[0].kind == "failed" and "not a WARC file" in out[0].reason


def test_a_cut_download_keeps_the_records_before_the_cut(tmp_path):
    data = _warc_bytes(tmp_path, [_response(f"https://example.org/{i}", PAGE) for i in range(3)])
    cut = gzip.compress(gzip.decompress(data)[:-40])  # the last page loses its end
    out = list(warc_documents(cut, "/crawl/cut.warc.gz"))
    docs = [d for d in out if isinstance(d, RawDocument)]
    failed = [s for s in out if isinstance(s, SkippedRecord) and s.kind == "failed"]
    assert [d.url for d in docs] == ["https://example.org/0", "https://example.org/1"]
    assert len(failed) == 1


def test_a_record_over_the_limit_is_failed_not_read(tmp_path):
    data = _warc_bytes(tmp_path, [_response("https://example.org/huge", PAGE * 50)])
    (only,) = warc_documents(data, "/crawl/x.warc.gz", max_bytes=1000)
    assert isinstance(only, SkippedRecord) and only.kind == "failed" and "over the limit" in only.reason


def test_one_document_that_raises_costs_only_its_own_result(monkeypatch):
    import quotegraph.pipeline as pipeline

    def fake_extract(raws, nlp, batch_size=64, limits=None):
        raws = list(raws)
        if any(r.source == "bad" for r in raws):
            raise RuntimeError("parser crashed")
        return [(r, f"result of {r.source}") for r in raws]

    monkeypatch.setattr(pipeline, "extract_documents", fake_extract)
    raws = [RawDocument(source=s, data=b"x", media_type="text/plain") for s in ("a", "b", "bad", "c", "d")]
    out = list(extract_guarded(iter(raws), nlp=None, batch_size=2))
    assert [r.source for r, _ in out] == ["a", "b", "bad", "c", "d"]
    assert [res for r, res in out if r.source != "bad"] == ["result of a", "result of b", "result of c", "result of d"]
    (bad,) = [res for r, res in out if r.source == "bad"]
    assert isinstance(bad, ArticleFailed) and "RuntimeError: parser crashed" in bad.reason


@pytest.mark.parametrize("uri, path", [
    ("file:/data/crawl/a.warc.gz", "/data/crawl/a.warc.gz"),
    ("file:///data/crawl/a.warc.gz", "/data/crawl/a.warc.gz"),
    ("hdfs://nn:8020/crawl/a.warc.gz", "hdfs://nn:8020/crawl/a.warc.gz"),
    ("s3a://commoncrawl/crawl-data/CC-NEWS/a.warc.gz", "s3a://commoncrawl/crawl-data/CC-NEWS/a.warc.gz"),
])
def test_local_files_are_named_as_ingest_names_them(uri, path):
    assert local_path(uri) == path


def test_bucket_is_a_stable_function_of_the_article_id():
    assert bucket_of("00000000aaaaaaaa", 16) == 0
    assert bucket_of("0000001fffffffff", 16) == 0x1F % 16
    assert all(0 <= bucket_of(f"{i:016x}", 7) < 7 for i in range(0, 2**40, 2**33))


def test_worker_errors_are_told_in_one_line():
    from_worker = ("An error occurred while calling o77.collectAndServe.\n"
                   "org.apache.spark.SparkException: Job aborted due to stage failure: ...\n"
                   "Traceback (most recent call last):\n  File \"/x/worker.py\", line 1, in main\n"
                   "quotegraph.errors.ModelError: spaCy pipeline 'xx' is not installed\n\tat org.apache.spark.api")
    assert _java_message(Exception(from_worker)) == "spaCy pipeline 'xx' is not installed"
    listing = ("An error occurred while calling o40.globStatus.\n"
               "java.io.IOException: No FileSystem for scheme: nope\n\tat org.apache.hadoop.fs.FileSystem")
    assert _java_message(Exception(listing)) == "No FileSystem for scheme: nope"
