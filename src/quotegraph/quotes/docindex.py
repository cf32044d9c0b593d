"""Fast lookups in a parsed Doc: the token at a character, a token's sentence, the tokens of a character span.

spaCy's Token.sent and Doc.char_span walk the document on every call; an article asks thousands of
times, so the offsets are indexed once.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token


class DocIndex:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = doc.to_array("IDX").tolist()
        self.sent_starts = [s.start for s in doc.sents]
        self.sent_ends = self.sent_starts[1:] + [len(doc)]

    def token_at(self, char: int) -> int | None:
        """Index of the first token starting at or after `char` (None past the end)."""
        k = bisect_left(self.starts, char)
        if k > 0 and self.starts[k - 1] < char < self.starts[k - 1] + len(self.doc[k - 1]):
            k -= 1  # `char` falls inside a token
        return k if k < len(self.starts) else None

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens overlapping characters [start, end)."""
        lo = bisect_right(self.starts, start) - 1
        if lo < 0 or self.starts[lo] + len(self.doc[lo]) <= start:
            lo += 1
        hi = bisect_left(self.starts, end)
        return [self.doc[i] for i in range(max(lo, 0), hi)]

    def sentence(self, i: int) -> Span:
        """The sentence holding token i."""
        k = bisect_right(self.sent_starts, i) - 1
        return self.doc[self.sent_starts[k]:self.sent_ends[k]]
