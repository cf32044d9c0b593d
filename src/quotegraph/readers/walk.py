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
import os
from dataclasses import dataclass
from typing import Callable, Iterator

from ..errors import InputError
from ..result import ArticleResult
from ..settings import Settings
from . import RawDocument, open_input
from .files import read_file, sniff_media_type

Document = RawDocument | ArticleResult | InputError  # what a reader yields: a page, a stored result, or an error


@dataclass(frozen=True)
class Format:
    """One input format: the file names that are it and the reader that reads one such input."""

    name: str
    suffixes: tuple[str, ...]  # lower-case endings that name the format; none for formats found otherwise
    read: Callable[[str, Settings], Iterator[Document]]


def read_page_file(path: str, max_bytes: int) -> RawDocument:
    """One text or HTML page, gzipped (.gz) or not, as `ingest` and `extract` both read it."""
    return _read_gzip(path, max_bytes) if path.lower().endswith(".gz") else read_file(path, max_bytes)


def _read_page(path: str, settings: Settings, media_type: str | None = None) -> Iterator[Document]:
    try:
        raw = read_page_file(path, settings.max_bytes)
    except InputError as e:
        yield e
        return
    if media_type:
        raw.media_type = media_type
    yield raw


def _read_warc(path: str, settings: Settings) -> Iterator[Document]:
    from .warc import read_warc

    return read_warc(path, max_record_bytes=settings.max_record_bytes)


def _read_feed(path: str, settings: Settings) -> Iterator[Document]:
    from .feed import read_feed

    return read_feed(path, max_bytes=settings.max_bytes)


def _read_jsonl(path: str, settings: Settings) -> Iterator[Document]:
    from .jsonl import read_jsonl

    return read_jsonl(path, max_line_bytes=settings.max_bytes)


def _read_tables(path: str, settings: Settings) -> Iterator[Document]:
    from .parquet import iter_results

    return iter_results(path)


# The registry: every format the readers know, in the order their names are tried (longest endings first).
REGISTRY: dict[str, Format] = {f.name: f for f in (
    Format("warc", (".warc.gz", ".warc"), _read_warc),
    Format("jsonl", (".jsonl.gz", ".ndjson.gz", ".jsonl", ".ndjson"), _read_jsonl),
    Format("html", (".html.gz", ".htm.gz", ".html", ".htm", ".xhtml"),
           lambda path, settings: _read_page(path, settings, "text/html")),
    Format("text", (".txt.gz", ".txt", ".text"), _read_page),
    Format("feed", (".rss", ".atom", ".xml"), _read_feed),
    Format("tables", (), _read_tables),  # a folder holding Parquet tables (is_tables_folder)
)}
FORMATS = tuple(REGISTRY)
SUFFIX_FORMATS: tuple[tuple[str, str], ...] = tuple((suffix, f.name) for f in REGISTRY.values()
                                                    for suffix in f.suffixes)
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class InputPath:
    """One file (or Parquet tables folder) to read, and the format to read it as."""

    path: str
    format: str  # a name in REGISTRY


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
        with open_input(path) as f:
            head = f.read(4096)
    except (InputError, OSError):
        return "text"  # read_file reports why it cannot be read
    if head[:2] == b"\x1f\x8b":
        try:
            with open_input(path, gzipped=True) as f:
                head = f.read(4096)
        except (InputError, OSError, EOFError):
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


def read_documents(item: InputPath, settings: Settings | None = None, max_bytes: int | None = None
                   ) -> Iterator[Document]:
    """What one input holds, read by its format's reader: RawDocuments (stored ArticleResults for a tables
    folder), with an InputError for each part that cannot be read."""
    settings = (settings or Settings()).but(max_bytes=max_bytes)
    fmt = REGISTRY.get(item.format)
    if fmt is None:
        yield InputError(item.path, f"unknown input format {item.format!r}")
        return
    yield from fmt.read(item.path, settings)


def _read_gzip(path: str, max_bytes: int) -> RawDocument:
    try:
        with open_input(path, gzipped=True) as f:
            data = f.read(max_bytes + 1)
    except (OSError, EOFError) as e:
        raise InputError(path, f"is not a readable gzip file ({e})") from None
    if len(data) > max_bytes:
        raise InputError(path, f"unpacks to over the limit of {max_bytes:,} bytes")
    inner = path[:-3]
    return RawDocument(source=path, data=data, media_type=sniff_media_type(inner, data))
