"""WARC files (.warc, .warc.gz, as from Common Crawl's CC-NEWS): HTTP response records holding HTML.

Each response record with an HTML payload becomes one RawDocument whose url is the record's
WARC-Target-URI and whose source is "path#offset" (the record's byte offset, so an error
names the record). Requests, metadata, revisits and non-HTML responses are skipped; a record
that cannot be read is reported and the rest of the file is still read.
"""
from __future__ import annotations

import os
from typing import Iterator

from ..errors import InputError
from . import RawDocument

HTML_TYPES = ("text/html", "application/xhtml+xml")
DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024


def read_warc(path: str, max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES) -> Iterator[RawDocument | InputError]:
    """Yield one RawDocument per HTML response record, or an InputError for a record (or file) that fails."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    if not os.path.isfile(path):
        yield InputError(path, "no such file")
        return
    try:
        stream = open(path, "rb")
    except OSError as e:
        yield InputError(path, f"cannot be read ({e.strerror or e})")
        return
    with stream:
        records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True,
                                  auto_decode="all")
        n_read = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as e:  # fastwarc raises OSError and others on a damaged archive
                yield InputError(path, f"WARC archive is damaged after {n_read} records ({e})")
                return
            n_read += 1
            source = f"{path}#{record.stream_pos}"
            try:
                doc = _record_document(record, source, max_record_bytes)
            except InputError as e:
                yield e
                continue
            except Exception as e:
                yield InputError(source, f"WARC record cannot be read ({e})")
                continue
            if doc is not None:
                yield doc
        if n_read == 0 and stream.tell() == 0:
            yield InputError(path, "not a WARC file (no records found)")


def _record_document(record, source: str, max_record_bytes: int) -> RawDocument | None:
    """The RawDocument of one response record, or None when it is not an HTML page."""
    if not record.is_http:
        return None
    status = record.http_headers.status_code
    if status is not None and not (200 <= status < 300):
        return None
    content_type = (record.http_content_type or "").lower()
    if content_type and content_type not in HTML_TYPES:
        return None
    if record.content_length > max_record_bytes:
        raise InputError(source, f"WARC record is {record.content_length:,} bytes, over the limit of "
                                 f"{max_record_bytes:,}")
    data = record.reader.read()
    if not data.strip():
        return None
    url = record.headers.get("WARC-Target-URI")
    fetched = record.headers.get("WARC-Date")
    return RawDocument(source=source, data=data, media_type="text/html", url=url or None,
                       fetched=fetched or None)
