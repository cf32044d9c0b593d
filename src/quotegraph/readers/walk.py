"""Files, folders (recursively) and globs -> inputs by format -> RawDocuments.

`expand_paths` turns what a user typed into a sorted stream of `InputPath`s, each with its
format (by name, or by content when the name says nothing); `read_documents` reads one of
them with the reader for its format. Inside folders, hidden entries and files of formats we
do not read (gold.json, images, ...) are skipped; a file named on the command line is read
whatever its name. Paths are made absolute, so that an article keeps its identity however
the folder is named on a later run.
"""
from __future__ import annotations

import glob
import gzip
import os
from dataclasses import dataclass
from typing import Iterator

from ..errors import InputError
from . import RawDocument
from .files import DEFAULT_MAX_BYTES, read_file, sniff_media_type

FORMATS = ("text", "html", "warc", "feed", "jsonl", "tables")

SUFFIX_FORMATS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"), (".warc", "warc"),
    (".jsonl.gz", "jsonl"), (".ndjson.gz", "jsonl"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
    (".html.gz", "html"), (".htm.gz", "html"), (".html", "html"), (".htm", "html"), (".xhtml", "html"),
    (".txt.gz", "text"), (".txt", "text"), (".text", "text"),
    (".rss", "feed"), (".atom", "feed"), (".xml", "feed"),
)
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class InputPath:
    """One file (or Parquet tables folder) to read, and the format to read it as."""

    path: str
    format: str  # one of FORMATS


def format_by_name(path: str) -> str | None:
    low = path.lower()
    for suffix, fmt in SUFFIX_FORMATS:
        if low.endswith(suffix):
            return fmt
    return None


def is_tables_folder(path: str) -> bool:
    """A folder holding the Parquet tables of `quotegraph export --format parquet` or the Spark job."""
    def has(name: str) -> bool:
        return os.path.isdir(os.path.join(path, name)) or os.path.isfile(os.path.join(path, f"{name}.parquet"))

    return os.path.isdir(path) and has("articles") and has("quotes")


def sniff_format(path: str) -> str:
    """The format of a file whose name says nothing, from its first bytes."""
    from .feed import looks_like_feed

    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return "text"  # read_file reports why it cannot be read
    if head[:2] == b"\x1f\x8b":
        try:
            with gzip.open(path, "rb") as f:
                head = f.read(4096)
        except (OSError, EOFError):
            return "text"
        if head.startswith(b"WARC/"):
            return "warc"
    if head.startswith(b"WARC/"):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    if head.lstrip().startswith(b"{") and b'"url"' in head:
        return "jsonl"
    return "html" if sniff_media_type(path, head) == "text/html" else "text"


def expand_paths(paths: list[str]) -> Iterator[InputPath | InputError]:
    """Every input named by `paths` (files, folders walked recursively, globs), sorted within each."""
    for given in paths:
        if not os.path.lexists(given) and _GLOB_CHARS & set(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield InputError(given, "no files match this pattern")
            for m in matches:
                yield from _expand_one(m, named=False)
        else:
            yield from _expand_one(given, named=True)


def _expand_one(path: str, named: bool) -> Iterator[InputPath | InputError]:
    if not os.path.exists(path):
        yield InputError(path, "no such file or folder")
        return
    path = os.path.abspath(path)
    if os.path.isdir(path):
        if is_tables_folder(path):
            yield InputPath(path, "tables")
            return
        yield from _walk_folder(path)
        return
    fmt = format_by_name(path)
    if fmt is None:
        if not named:
            return
        fmt = sniff_format(path)
    yield InputPath(path, fmt)


def _walk_folder(root: str) -> Iterator[InputPath | InputError]:
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        tables = [d for d in dirnames if is_tables_folder(os.path.join(dirpath, d))]
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            fmt = format_by_name(name)
            if fmt is not None:
                yield InputPath(os.path.join(dirpath, name), fmt)
        for d in tables:  # read as tables, not walked into
            dirnames.remove(d)
            yield InputPath(os.path.join(dirpath, d), "tables")


def read_documents(item: InputPath, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """The RawDocuments of one input file, with an InputError for each part that cannot be read."""
    if item.format == "warc":
        from .warc import read_warc

        yield from read_warc(item.path)
    elif item.format == "feed":
        from .feed import read_feed

        yield from read_feed(item.path, max_bytes=max_bytes)
    elif item.format == "jsonl":
        from .jsonl import read_jsonl

        yield from read_jsonl(item.path, max_line_bytes=max_bytes)
    elif item.format in ("text", "html"):
        try:
            raw = _read_gzip(item.path, max_bytes) if item.path.lower().endswith(".gz") else read_file(item.path, max_bytes)
        except InputError as e:
            yield e
            return
        if item.format == "html":
            raw.media_type = "text/html"
        yield raw
    elif item.format == "tables":
        yield InputError(item.path, "is a folder of Parquet tables; load it with the knowledge base's table loader")
    else:
        yield InputError(item.path, f"unknown input format {item.format!r}")


def _read_gzip(path: str, max_bytes: int) -> RawDocument:
    try:
        with gzip.open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (OSError, EOFError) as e:
        raise InputError(path, f"is not a readable gzip file ({e})") from None
    if len(data) > max_bytes:
        raise InputError(path, f"unpacks to over the limit of {max_bytes:,} bytes")
    inner = path[:-3]
    return RawDocument(source=path, data=data, media_type=sniff_media_type(inner, data))
