"""Plain files: text and HTML articles read from disk or stdin."""
from __future__ import annotations

import codecs
import os
import re
import sys

from ..errors import InputError
from ..settings import default
from . import RawDocument, read_input
from .encoding import utf16_without_bom

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


_HTML_STARTS = ("<!doctype html", "<html", "<?xml", "<head", "<body", "<meta", "<title", "<article")
_COMMENT = re.compile(r"^(?:\s|<!--.*?-->)*", re.S)


# Byte-order marks and the codec that reads what follows them (UTF-32 first: its LE mark starts like UTF-16's).
_HEAD_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
              (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _head_text(data: bytes) -> str:
    """The first bytes as lower-case text, whatever the encoding (BOMs and UTF-16 included)."""
    head = data[:4096]
    for bom, enc in _HEAD_BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(enc, "ignore").lower()
    utf16 = utf16_without_bom(head)
    if utf16:
        return head.decode(utf16, "ignore").lower()
    return head.decode("latin-1").lower()


def sniff_media_type(path: str, data: bytes) -> str:
    """HTML by file name, or by the markup it opens with (after any comments) when the name says nothing."""
    if path.lower().endswith(HTML_SUFFIXES):
        return "text/html"
    head = _COMMENT.sub("", _head_text(data), count=1)
    if head.startswith(_HTML_STARTS) or (head.startswith("<") and ("<html" in head[:1024] or "<body" in head[:1024])):
        return "text/html"
    return "text/plain"


def read_file(path: str, max_bytes: int = default("max_bytes")) -> RawDocument:
    """Read one article file ("-" is stdin) as a RawDocument, or raise InputError saying why not."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        source = "-"
    else:
        if not os.path.lexists(path):
            raise InputError(path, "no such file")
        if os.path.isdir(path):
            raise InputError(path, "is a folder (extract takes files; ingest takes folders)")
        data = read_input(path, max_bytes)
        source = path
    if len(data) > max_bytes:
        raise InputError(source, f"input is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    return RawDocument(source=source, data=data, media_type=sniff_media_type(source, data))
