"""JSON Lines: one article per line, `{"url": ..., "html": ...}` or `{"url": ..., "text": ...}`.

A line that is not such an object is reported with its line number and the rest of the file
is still read. Files ending in .gz are read through gzip.
"""
from __future__ import annotations

import json
from typing import Iterator

from ..errors import InputError
from ..settings import default
from . import RawDocument, open_input


def read_jsonl(path: str, max_line_bytes: int = default("max_bytes")) -> Iterator[RawDocument | InputError]:
    """Yield one RawDocument per line, or an InputError naming the line that cannot be read."""
    try:
        stream = open_input(path, gzipped=path.lower().endswith(".gz"))
    except InputError as e:
        yield e
        return
    with stream:
        lineno = 0
        while True:
            try:
                line = stream.readline(max_line_bytes + 1)
            except (OSError, EOFError) as e:
                yield InputError(path, f"cannot be read after line {lineno} ({e})")
                return
            if not line:
                break
            lineno += 1
            source = f"{path}:{lineno}"
            if len(line) > max_line_bytes:
                yield InputError(source, f"line is over the limit of {max_line_bytes:,} bytes")
                while line and not line.endswith(b"\n"):  # skip the rest of the long line
                    line = stream.readline(max_line_bytes)
                continue
            if not line.strip():
                continue
            try:
                yield line_document(line, source)
            except InputError as e:
                yield e


def line_document(line: bytes, source: str) -> RawDocument:
    """The RawDocument of one JSON line, or InputError saying what is wrong with it."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise InputError(source, f"not valid JSON ({e})") from None
    except RecursionError:
        raise InputError(source, "JSON nested too deeply to read") from None
    if not isinstance(obj, dict):
        raise InputError(source, 'expected an object like {"url": ..., "html": ...} or {"url": ..., "text": ...}')
    url = obj.get("url")
    if url is not None and not isinstance(url, str):
        raise InputError(source, '"url" must be a string')
    for key, media_type in (("html", "text/html"), ("text", "text/plain")):
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return RawDocument(source=source, data=value.encode("utf-8"), media_type=media_type,
                               url=url or None)
    raise InputError(source, 'has no "html" or "text" string to read')
