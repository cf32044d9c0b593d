"""Readers turn files, folders and streams into RawDocuments. One module per input format, chosen from
the one format registry in readers/formats.py."""
from __future__ import annotations

import gzip
import os
import stat
from dataclasses import dataclass
from typing import IO, cast

from ..errors import InputError, storable


@dataclass
class RawDocument:
    """One article as it arrived: its bytes, where it came from and what kind of document it is."""

    source: str  # the path as given, or a URI / "path#record" for archive members
    data: bytes
    media_type: str  # "text/plain" or "text/html"
    url: str | None = None
    fetched: str | None = None  # ISO 8601 date the archive or feed gives, if any

    def __post_init__(self) -> None:  # a file name that is not UTF-8 is still a name the store can hold
        self.source = storable(self.source)
        if self.url is not None:
            self.url = storable(self.url)


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words (None for a regular file)."""
    for test, kind in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


def open_input(path: str, gzipped: bool = False) -> IO[bytes]:
    """A regular file opened for reading (through gzip when `gzipped`), or InputError saying why it cannot be:
    the one place the readers open a file and turn a failed open into a message.

    Only regular files are read: a named pipe would block forever and a device (/dev/zero) never
    ends, so they are refused. The file is opened without blocking (opening a FIFO with no writer
    would wait for one) and checked on the open descriptor, so a link or a rename cannot slip one past."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror or e})") from None
    try:
        kind = special_kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise InputError(path, f"is {kind}, not a regular file; only files are read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        f = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    if not gzipped:
        return f
    stream = gzip.GzipFile(fileobj=f, mode="rb")
    stream.myfileobj = f  # type: ignore[assignment]  # closed with the gzip stream, as gzip.open(path) would
    return cast(IO[bytes], stream)


def read_input(path: str, max_bytes: int, what: str = "file") -> bytes:
    """A whole file's bytes, refused (InputError) when it is larger than `max_bytes` or cannot be read.

    At most `max_bytes` + 1 bytes are ever read, whatever the file's size said when it was opened."""
    with open_input(path) as f:
        try:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise InputError(path, f"{what} is {size:,} bytes, over the limit of {max_bytes:,} "
                                       f"(raise it with --max-bytes)")
            data = f.read(max_bytes + 1)
        except OSError as e:
            raise InputError(path, f"cannot be read ({e.strerror or e})") from None
    if len(data) > max_bytes:
        raise InputError(path, f"{what} is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    return data
