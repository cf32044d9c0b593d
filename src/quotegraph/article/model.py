"""What the article stage returns: an Article and the Blocks of its text worth parsing."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """A span of `Article.text` that is prose worth parsing: the title, the dek, or a body paragraph."""

    kind: str  # "title", "dek", "body", or "heading" (a subheading naming a cast member: "Jane Roe (Character)")
    start: int
    end: int


@dataclass
class Article:
    source: str
    text: str  # offsets of everything downstream index this string
    media_type: str = "text/plain"
    url: str | None = None
    title: str | None = None
    dek: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601; the updated date when the page prints no other
    updated: str | None = None  # ISO 8601, when the page says the article was updated
    outlet: str | None = None
    blocks: list[Block] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "body"]
