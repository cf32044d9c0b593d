"""Quotation marks: pairs of straight or curly double quotes inside body paragraphs."""
from __future__ import annotations

import re

from ..nlp import ParsedArticle
from . import QuoteCandidate

_PAIR = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d\n]+)[\"\u201c\u201d]")


def find_marked_quotes(parsed: ParsedArticle) -> list[QuoteCandidate]:
    text = parsed.article.text
    out = []
    for b in parsed.article.paragraphs:
        for m in _PAIR.finditer(text, b.start, b.end):
            out.append(QuoteCandidate("direct", m.start(1), m.end(1)))
    return out
