"""Bytes to text: BOMs, UTF-8, then the Windows and Latin encodings scraped pages really use.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without a mark (every other byte zero);
for HTML the charset the page declares; UTF-8; Windows-1252 (a superset of Latin-1 for text,
and what browsers read "iso-8859-1" as); Latin-1 for the few bytes cp1252 leaves undefined. When
a single-byte decoding comes out as mostly accented Latin letters, the text was in another
script's legacy encoding (Cyrillic, Greek, ...) and charset-normalizer picks it. Line endings
are never touched, so offsets index the text exactly as read. Empty and binary input is refused.
"""
from __future__ import annotations

import codecs
import re

from ..errors import InputError
from ..readers.encoding import SAMPLE, utf16_without_bom

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Control characters other than tab, newline, carriage return and form feed mark binary data.
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))
# A declared charset in the first bytes of an HTML page: <meta charset>, http-equiv, or an XML declaration.
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""",
                       re.I)
# Labels browsers read as Windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
              "iso_8859-1", "x-cp1252", "cp819", "ibm819"}


def looks_binary(data: bytes) -> bool:
    sample = data[:SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(8, len(sample) // 100)


def _from_bom(data: bytes, source: str) -> str | None:
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(source, f"starts with a {enc} byte-order mark but does not decode ({e.reason})") from None
    return None


def _other_script(text: str) -> bool:
    """Whether a single-byte decoding reads as mostly accented letters (so the script was not Latin)."""
    letters = [c for c in text[:SAMPLE] if c.isalpha()]
    if len(letters) < 20:
        return False
    high = sum(1 for c in letters if ord(c) > 0x7F)
    return high / len(letters) > 0.3


def _single_byte(data: bytes) -> str:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if _other_script(text):
        try:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            if best is not None and best.encoding:
                return str(best)
        except Exception:  # charset-normalizer missing or failing: keep the Windows reading
            pass
    return text


def _finish(text: str, source: str) -> str:
    if not text.strip():
        raise InputError(source, "empty file (no text to read)")
    return text


def decode_text(data: bytes, source: str) -> str:
    """Decode an article's bytes, or raise InputError for empty or binary input."""
    if not data.strip():
        raise InputError(source, "empty file (no text to read)")
    text = _from_bom(data, source)
    if text is not None:
        return _finish(text, source)
    enc = utf16_without_bom(data)
    if enc:
        return _finish(data[: len(data) - len(data) % 2].decode(enc), source)
    if looks_binary(data):
        raise InputError(source, "binary data, not a text or HTML article")
    try:
        return _finish(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        return _finish(_single_byte(data), source)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes, as a Python codec name, or None."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii", "replace").strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, source: str) -> str:
    """Decode an HTML page: its byte-order mark, else the charset it declares, else as text."""
    if not data.strip():
        raise InputError(source, "empty file (no text to read)")
    text = _from_bom(data, source)
    if text is not None:
        return _finish(text, source)
    if utf16_without_bom(data) is None and not looks_binary(data):
        enc = declared_charset(data)
        if enc and enc not in ("utf-16", "utf-32", "utf-16-le", "utf-16-be"):  # a UTF-16 page would have zeros
            try:
                return _finish(data.decode(enc), source)
            except UnicodeDecodeError:
                pass
    return decode_text(data, source)
