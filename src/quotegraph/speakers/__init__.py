"""Who said it: resolving each quote's source mention (name, pronoun, description) to a person."""
from __future__ import annotations

from ..nlp import ParsedArticle
from ..quotes import QuoteCandidate
from ..result import Entity, Quote, Span


def attribute_speakers(parsed: ParsedArticle, candidates: list[QuoteCandidate], entities: list[Entity]) -> list[Quote]:
    text = parsed.article.text
    quotes = []
    for i, c in enumerate(candidates):
        quotes.append(Quote(
            id=f"q{i + 1}", kind=c.kind, text=text[c.start:c.end], start=c.start, end=c.end, speaker=None,
            cue=Span(c.cue[0], c.cue[1], text[c.cue[0]:c.cue[1]]) if c.cue else None,
            nested_in=f"q{c.nested_in + 1}" if c.nested_in is not None else None,
        ))
    return quotes
