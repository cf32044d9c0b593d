"""Errors of our own, each with a message a user can act on. The CLI prints them as one line."""
from __future__ import annotations


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
        super().__init__(f"{source}: {reason}")

    def __reduce__(self):  # pickled through the worker pool with both arguments
        return (type(self), (self.source, self.reason))


class InputError(ArticleFailed):
    """An input file cannot be read as an article (missing, unreadable, binary, empty, too large)."""


class ModelError(QuotegraphError):
    """The spaCy pipeline asked for is not installed or cannot be loaded."""


class StoreError(QuotegraphError):
    """The knowledge base cannot be opened or written."""
