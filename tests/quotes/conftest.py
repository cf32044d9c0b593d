"""Run the quotes stage on small texts of our own: each argument is one body paragraph."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from quotegraph.article import Article, Block
from quotegraph.nlp import parse_articles
from quotegraph.quotes import QuoteCandidate, find_quotes


@dataclass
class Found:
    text: str
    quotes: list[QuoteCandidate]

    def content(self, q: QuoteCandidate) -> str:
        return self.text[q.start:q.end]

    def cue(self, q: QuoteCandidate) -> str | None:
        return self.text[q.cue[0]:q.cue[1]] if q.cue else None

    def source(self, q: QuoteCandidate) -> str | None:
        return self.text[q.source[0]:q.source[1]] if q.source else None

    def one(self, words: str) -> QuoteCandidate:
        """The only quotation whose content contains `words`."""
        hits = [q for q in self.quotes if words in self.content(q)]
        assert len(hits) == 1, f"{len(hits)} quotes hold {words!r}: {[self.content(q) for q in self.quotes]}"
        return hits[0]

    def contents(self, kind: str | None = None) -> list[str]:
        return [self.content(q) for q in self.quotes if kind is None or q.kind == kind]


@pytest.fixture
def quotes(nlp):
    """quotes(paragraph, ...) -> Found: the body paragraphs' quotations, parsed with the real pipeline."""

    def run(*paragraphs: str) -> Found:
        text = "\n\n".join(paragraphs)
        blocks, pos = [], 0
        for p in paragraphs:
            blocks.append(Block("body", pos, pos + len(p)))
            pos += len(p) + 2
        article = Article(source="<test>", text=text, blocks=blocks)
        parsed = next(parse_articles([article], nlp))
        return Found(text, find_quotes(parsed))

    return run
