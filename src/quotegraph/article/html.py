"""HTML -> Article through trafilatura: body text, title, description, authors, date."""
from __future__ import annotations

import re

import trafilatura

from ..errors import InputError
from ..readers import RawDocument
from . import Article, Block
from .decode import decode_text

_PARA = re.compile(r"[^\n]+")


def read_html(raw: RawDocument) -> Article:
    html = decode_text(raw.data, raw.source)
    doc = trafilatura.bare_extraction(html, url=raw.url, with_metadata=True, include_comments=False)
    if doc is None or not (doc.text or "").strip():
        raise InputError(raw.source, "no article text found in the HTML")
    text = doc.text
    blocks = [Block("body", m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]
    authors = [a.strip() for a in re.split(r";|,| and ", doc.author or "") if a.strip()]
    return Article(source=raw.source, text=text, media_type="text/html", url=raw.url or doc.url, title=doc.title,
                   dek=doc.description, authors=authors, published=doc.date, outlet=doc.sitename, blocks=blocks)
