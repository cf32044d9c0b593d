"""Plain files: text and HTML articles read from disk or stdin."""
from __future__ import annotations

import os
import sys

from ..errors import InputError
from . import RawDocument

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def sniff_media_type(path: str, data: bytes) -> str:
    """HTML by file name, or by a leading tag when the name says nothing."""
    if path.lower().endswith(HTML_SUFFIXES):
        return "text/html"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head[:512]:
        return "text/html"
    return "text/plain"


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read one article file ("-" is stdin) as a RawDocument, or raise InputError saying why not."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        source = "-"
    else:
        if not os.path.exists(path):
            raise InputError(path, "no such file")
        if os.path.isdir(path):
            raise InputError(path, "is a folder (extract takes files; ingest takes folders)")
        try:
            size = os.path.getsize(path)
            if size > max_bytes:
                raise InputError(path, f"file is {size:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)")
            with open(path, "rb") as f:
                data = f.read()
        except PermissionError:
            raise InputError(path, "permission denied") from None
        except OSError as e:
            raise InputError(path, f"cannot be read ({e.strerror or e})") from None
        source = path
    if len(data) > max_bytes:
        raise InputError(source, f"input is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    return RawDocument(source=source, data=data, media_type=sniff_media_type(source, data))
