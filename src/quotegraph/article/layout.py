"""Scraped page text -> Article: title, dek, byline and date lines, furniture, body paragraphs."""
from __future__ import annotations

import re

from . import Article, Block

_PARA = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def read_scraped_text(text: str, source: str, url: str | None = None) -> Article:
    blocks = [Block("body", m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]
    title = None
    if blocks:
        blocks[0].kind = "title"
        title = text[blocks[0].start:blocks[0].end].strip()
    return Article(source=source, text=text, url=url, title=title, blocks=blocks)
