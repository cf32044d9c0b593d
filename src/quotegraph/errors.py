"""Errors of our own, each with a message a user can act on. The CLI prints them as one line."""
from __future__ import annotations

import re

# What must not reach a message or the store as it is: control characters (a newline in a file name
# would forge a second error line) and lone surrogates (the bytes of a file name that is not UTF-8).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _escaped(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return ch.encode("unicode_escape").decode("ascii") if code < 0x100 else f"\\u{code:04x}"


def storable(name: str) -> str:
    """A name (a path, a URL) that UTF-8 can hold: undecodable file-name bytes written as \\xNN.

    The same name always gives the same text, so an article keeps its identity from run to run."""
    return _SURROGATE.sub(lambda m: _escaped(m.group()), name) if _SURROGATE.search(name) else name


def shown(name: str) -> str:
    """A name as a one-line message shows it: control characters and undecodable bytes escaped."""
    name = storable(name)
    return _CONTROL.sub(lambda m: _escaped(m.group()), name) if _CONTROL.search(name) else name


class QuotegraphError(Exception):
    """Base class: str(error) is the one line the CLI shows."""


class UserInputError(QuotegraphError):
    """What a user asked for cannot be done as asked: a bad option, query, name or environment variable."""


class ArticleFailed(QuotegraphError):
    """One article (or input) that could not be read, extracted or stored, as a value: its source and why.

    Extraction yields these in place of results, the worker pool carries them back, and the ingest
    and the Spark job report them; one failed article never stops a run."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{shown(source)}: {' '.join(reason.splitlines())}")

    def __reduce__(self):  # pickled through the worker pool with both arguments
        return (type(self), (self.source, self.reason))


class InputError(ArticleFailed):
    """An input file cannot be read as an article (missing, unreadable, binary, empty, too large)."""


class ModelError(QuotegraphError):
    """The spaCy pipeline asked for is not installed or cannot be loaded."""


class StoreError(QuotegraphError):
    """The knowledge base cannot be opened or written."""


class Skipped(InputError):
    """An input that is deliberately not read as an article (a feed item holding only a teaser): counted
    apart from failures, with its reason."""
