"""Readers turn files, folders and streams into RawDocuments. One module per input format."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawDocument:
    """One article as it arrived: its bytes, where it came from and what kind of document it is."""

    source: str  # the path as given, or a URI / "path#record" for archive members
    data: bytes
    media_type: str  # "text/plain" or "text/html"
    url: str | None = None
    fetched: str | None = None  # ISO 8601 date the archive or feed gives, if any
