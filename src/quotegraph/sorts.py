"""The orders lists come in: a module of its own outside kb, so the CLI's options name them without loading the store."""
from __future__ import annotations

from enum import StrEnum


class QuoteSort(StrEnum):
    newest = "newest"
    oldest = "oldest"
    relevance = "relevance"


class EntitySort(StrEnum):
    quotes = "quotes"
    about = "about"
    articles = "articles"
    name = "name"


class Order(StrEnum):
    desc = "desc"
    asc = "asc"
