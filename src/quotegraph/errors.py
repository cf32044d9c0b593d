"""Errors of our own, each with a message a user can act on. The CLI prints them as one line."""


class QuotegraphError(Exception):
    """Base class: str(error) is the one line the CLI shows."""


class InputError(QuotegraphError):
    """An input file cannot be read as an article (missing, unreadable, binary, empty, too large)."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class ModelError(QuotegraphError):
    """The spaCy pipeline asked for is not installed or cannot be loaded."""


class StoreError(QuotegraphError):
    """The knowledge base cannot be opened or written."""
