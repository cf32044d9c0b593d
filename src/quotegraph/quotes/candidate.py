"""What the quote finders return, before the speakers stage resolves who spoke."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class QuoteCandidate:
    """A quotation found in the text, before its speaker is resolved to a person.

    `source` is the span the syntax names as the speaker ("she", "the 29-year-old actress",
    "Ashley"); resolving it to a full name is the speakers stage's work.
    """

    kind: str  # direct, partial, indirect, nested
    start: int  # content span, quotation marks excluded
    end: int
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    nested_in: int | None = None  # index of the enclosing candidate in the returned list
    continues: int | None = None  # index of the previous piece of the same quotation (interrupted or run on)
