"""Readers turn files, folders and streams into RawDocuments. One module per input format, chosen from
the one format registry in readers/formats.py."""
from __future__ import annotations

import gzip
import os
from dataclasses import dataclass
from typing import IO, cast

from ..errors import InputError


@dataclass
class RawDocument:
    """One article as it arrived: its bytes, where it came from and what kind of document it is."""

    source: str  # the path as given, or a URI / "path#record" for archive members
    data: bytes
    media_type: str  # "text/plain" or "text/html"
    url: str | None = None
    fetched: str | None = None  # ISO 8601 date the archive or feed gives, if any


def open_input(path: str, gzipped: bool = False) -> IO[bytes]:
    """A file opened for reading (through gzip when `gzipped`), or InputError saying why it cannot be:
    the one place the readers turn a failed open into a message."""
    try:
        return cast(IO[bytes], gzip.open(path, "rb") if gzipped else open(path, "rb"))
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror or e})") from None


def read_input(path: str, max_bytes: int, what: str = "file") -> bytes:
    """A whole file's bytes, refused (InputError) when it is larger than `max_bytes` or cannot be read."""
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror or e})") from None
    if size > max_bytes:
        raise InputError(path, f"{what} is {size:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)")
    with open_input(path) as f:
        try:
            return f.read()
        except OSError as e:
            raise InputError(path, f"cannot be read ({e.strerror or e})") from None
