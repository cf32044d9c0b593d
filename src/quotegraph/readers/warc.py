"""WARC files (.warc, .warc.gz, as from Common Crawl's CC-NEWS): HTTP response records holding HTML.

Each response record with an HTML payload becomes one RawDocument whose url is the record's
WARC-Target-URI and whose source is "path#offset" (the record's byte offset, so an error
names the record). Requests, metadata, revisits and non-HTML responses are skipped; a record
that cannot be read is reported and the rest of the file is still read. A damaged record is
never passed over in silence: a record the file ends inside (a cut download), an HTML response
whose HTTP headers never end, or one with an empty body each give an InputError naming
"path#offset" and what is wrong with it.
"""
from __future__ import annotations

import re
import zlib
from typing import Iterator

from ..errors import InputError
from ..settings import default
from . import RawDocument, open_input

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: str, max_record_bytes: int = default("max_record_bytes")) -> Iterator[RawDocument | InputError]:
    """Yield one RawDocument per HTML response record, or an InputError for a record (or file) that fails."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    try:
        stream = open_input(path)
    except InputError as e:
        yield e
        return
    with stream:
        # Every record type, so that the last record's place is known (see _damage_after); HTTP headers
        # are parsed per record, after its block is measured (see record_document).
        records = ArchiveIterator(stream, parse_http=False)
        n_read = 0
        last_pos, last_checked = 0, False
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as e:  # fastwarc raises OSError and others on a damaged archive
                yield InputError(path, f"WARC archive is damaged after {n_read} records ({e})")
                return
            n_read += 1
            last_pos, last_checked = record.stream_pos, False
            if record.record_type != WarcRecordType.response:
                continue
            last_checked = record.is_http  # record_document measures it (and reports it if cut short)
            source = f"{path}#{record.stream_pos}"
            try:
                doc = record_document(record, source, max_record_bytes)
            except InputError as e:
                yield e
                continue
            except Exception as e:
                yield InputError(source, f"WARC record cannot be read ({e})")
                continue
            if doc is not None:
                yield doc
    damage = _damage_after(path, last_pos, last_checked)
    if damage is not None:
        yield damage
    elif n_read == 0:
        yield InputError(path, "not a WARC file (no records found)")


# What fastwarc stops at without a word: a file that ends inside a record's WARC headers, or a
# gzip member that ends early. Found by walking the file from the last record fastwarc gave.
_MAX_TAIL_BYTES = 64 * 1024 * 1024  # a single-member .warc.gz larger than this is not walked again
_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d+)[ \t]*\r?$")
_SPACE = re.compile(rb"[\r\n \t]*")


def _damage_after(path: str, last_pos: int, last_checked: bool) -> InputError | None:
    """An InputError for bytes after the last record read that are not whole records, else None.

    `last_pos` is where the last record fastwarc gave starts; `last_checked`: it was a response, so
    record_document has already reported it if the file ends inside its block."""
    try:
        with open(path, "rb") as f:
            f.seek(last_pos)
            raw = f.read(_MAX_TAIL_BYTES + 1)
    except OSError:
        return None
    if len(raw) > _MAX_TAIL_BYTES:
        return None
    gzipped = raw[:2] == b"\x1f\x8b"
    if gzipped:
        data, ends_early = _gunzip(raw)
    elif raw.lstrip(b"\r\n \t").startswith(b"WARC/"):
        data, ends_early = raw, False
    else:
        return None  # another compression (zstd, lz4): fastwarc's word stands
    pos = 0
    while True:
        pos = _skip_space(data, pos)
        if pos >= len(data):
            break
        where = f"{path}#{last_pos + pos}" if not gzipped else path
        if not data.startswith(b"WARC/", pos):
            return InputError(where, f"WARC archive ends with {len(data) - pos:,} bytes that are not a WARC record")
        head_end = data.find(b"\r\n\r\n", pos)
        if head_end < 0:
            return InputError(where, "WARC archive is cut short: the file ends inside a record's WARC headers "
                                     "(an incomplete download? fetch the file again)")
        length = _CONTENT_LENGTH.search(data, pos, head_end + 2)
        if length is None:
            return InputError(where, "WARC record has no Content-Length header")
        end = head_end + 4 + int(length[1])
        if end > len(data):  # the last record fastwarc gave
            if last_checked:
                return None
            return InputError(where, _cut_short(len(data) - head_end - 4, int(length[1])))
        pos = end
    if ends_early:
        return InputError(path, "WARC archive is cut short: its gzip data ends early "
                                "(an incomplete download? fetch the file again)")
    return None


def _skip_space(data: bytes, pos: int) -> int:
    """The first position at or after `pos` that is not blank (_SPACE matches the empty string too)."""
    m = _SPACE.match(data, pos)
    return m.end() if m else pos


def _gunzip(raw: bytes) -> tuple[bytes, bool]:
    """The bytes of consecutive gzip members, and whether the data ends inside one (or is damaged)."""
    out = []
    while raw and raw[:2] == b"\x1f\x8b":
        member = zlib.decompressobj(wbits=31)
        try:
            out.append(member.decompress(raw))
        except zlib.error:
            return b"".join(out), True
        if not member.eof:
            return b"".join(out), True
        raw = member.unused_data
    return b"".join(out), False


def record_document(record, source: str, max_record_bytes: int) -> RawDocument | None:
    """The RawDocument of one response record, or None when it is not an HTML page.

    Takes a record whose HTTP headers are parsed already (as the Spark job's iterator gives) or
    not yet (as read_warc's does: then the whole block is measured first, so that a record the
    file ends inside is found whatever its encoding)."""
    if not record.is_http:
        return None
    block_size = block_read = None
    if not record.is_http_parsed:
        block_size = record.content_length  # the WARC Content-Length: HTTP headers and payload
        if block_size > max_record_bytes:  # not read into memory: only its headers, to say why it is left out
            record.parse_http(auto_decode="all", quirks_mode=True)
            if _is_page(record):
                raise InputError(source, f"WARC record is {block_size:,} bytes, over the limit of "
                                         f"{max_record_bytes:,}")
            return None
        record.freeze()
        block_read = record.reader.consume()
        if block_read < block_size:
            raise InputError(source, _cut_short(block_read, block_size))
        record.reader.seek(max(block_read - 4, 0))
        ends_blank = record.reader.read().endswith((b"\r\n\r\n", b"\n\n"))
        record.reader.seek(0)
        record.parse_http(auto_decode="all", quirks_mode=True)
        if record.content_length == 0 and not ends_blank:  # headers took the whole block and never ended
            raise InputError(source, "WARC record's HTTP headers are damaged: they never end, so no page follows them")
    if not _is_page(record):
        return None
    if record.content_length > max_record_bytes:
        raise InputError(source, f"WARC record is {record.content_length:,} bytes, over the limit of "
                                 f"{max_record_bytes:,}")
    expected = record.content_length  # payload bytes the headers left, as stored (encoded)
    data = record.reader.read()
    if block_read is None and len(data) < expected and not _encoded(record):
        raise InputError(source, _cut_short(len(data), expected, "its page"))
    if not data.strip():
        raise InputError(source, "WARC record's HTTP response is an empty page")
    url = record.headers.get("WARC-Target-URI")
    fetched = record.headers.get("WARC-Date")
    return RawDocument(source=source, data=data, media_type="text/html", url=url or None,
                       fetched=fetched or None)


def _is_page(record) -> bool:
    """A successful response that is (or may be: no content type) an HTML page."""
    status = record.http_headers.status_code
    if status is not None and not (200 <= status < 300):
        return False
    content_type = (record.http_content_type or "").lower()
    return not content_type or content_type in HTML_TYPES


def _encoded(record) -> bool:
    """The payload is stored compressed or chunked, so its decoded length says nothing of truncation."""
    headers = record.http_headers
    return any((headers.get(name) or "identity").strip().lower() != "identity"
               for name in ("Content-Encoding", "Transfer-Encoding"))


def _cut_short(got: int, expected: int, what: str = "it") -> str:
    return (f"WARC record is cut short: the file ends inside {what}, after {got:,} of {expected:,} bytes "
            f"(an incomplete download? fetch the file again)")
