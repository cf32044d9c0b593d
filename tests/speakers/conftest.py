"""Fixtures for the speakers tests: parse a small article of our own (blank-line paragraphs)."""
from __future__ import annotations

import re

import pytest

from quotegraph.article import Article, Block
from quotegraph.nlp import ParsedArticle, parse_articles


def _article(text: str, title: bool) -> Article:
    blocks = []
    for i, m in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)):
        blocks.append(Block("title" if title and i == 0 else "body", m.start(), m.end()))
    return Article(source="<test>", text=text, blocks=blocks,
                   title=text[blocks[0].start:blocks[0].end] if title else None)


@pytest.fixture
def parse(nlp):
    """parse(text, title=False) -> ParsedArticle; with title=True the first paragraph is the headline."""

    def _parse(text: str, title: bool = False) -> ParsedArticle:
        return next(parse_articles([_article(text, title)], nlp))

    return _parse
