"""Bytes to text: BOMs, UTF-8, then the Windows and Latin encodings scraped pages really use."""
from __future__ import annotations

import codecs

from ..errors import InputError

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Control characters other than tab, newline, carriage return and form feed mark binary data.
_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(8, len(sample) // 100)


def decode_text(data: bytes, source: str) -> str:
    """Decode an article's bytes, or raise InputError for empty or binary input."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(source, f"starts with a {enc} byte-order mark but does not decode ({e.reason})") from None
            break
    else:
        if looks_binary(data):
            raise InputError(source, "binary data, not a text or HTML article")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    if not text.strip():
        raise InputError(source, "empty file (no text to read)")
    return text
