"""Telling the encoding of bytes that carry no byte-order mark, shared by the readers' sniffing and the
article stage's decoding (article/decode.py)."""
from __future__ import annotations

import re

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
SAMPLE = 8192


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes read as UTF-16 text with no byte-order mark, else None.

    Text in a Latin script stored as UTF-16 has a zero byte in every other place; binary data
    has zeros at both parities.
    """
    sample = data[: SAMPLE - SAMPLE % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd >= 0.3 and zeros_even <= 0.02:
        enc = "utf-16-le"
    elif zeros_even >= 0.3 and zeros_odd <= 0.02:
        enc = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) - len(data) % 2].decode(enc)
    except UnicodeDecodeError:
        return None
    if len(_CONTROL_CHARS.findall(text[:SAMPLE])) > max(2, len(text[:SAMPLE]) // 200):
        return None
    return enc
