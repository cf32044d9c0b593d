"""What the knowledge base's questions return: plain dataclasses, each with `to_dict()` for JSON.

The CLI prints these (or their dicts with --json); the web app serves the same dicts.
Offsets are character indices into the article's `text` (see `ArticleRecord`).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Generic, TypeVar

from ..sorts import EntitySort, Order, QuoteSort  # noqa: F401  (the orders the queries accept, re-exported)

T = TypeVar("T")


class _Dict:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass
class ArticleRef(_Dict):
    """Where something was said or stated: the article and its metadata."""

    id: str  # the article's stable key (tables.article_id)
    title: str | None
    url: str | None
    source: str
    outlet: str | None
    authors: list[str]
    published: str | None


@dataclass
class SpanRef(_Dict):
    start: int
    end: int
    text: str


@dataclass
class SpeakerRef(_Dict):
    id: int | None  # the person's record, when resolved
    name: str | None  # the record's name ("Ashley Park")
    as_written: str | None  # the name the article gives
    mention: SpanRef | None  # where the article names them for this quote ("she", "Ashley")


@dataclass
class ClusterRef(_Dict):
    """One quotation across articles: its copies, the articles carrying it, when it was first and last seen."""

    id: int
    copies: int
    articles: int
    first_seen: str | None
    last_seen: str | None


@dataclass
class QuoteRecord(_Dict):
    id: int
    text: str
    kind: str
    speaker: SpeakerRef | None
    cue: SpanRef | None
    article: ArticleRef
    published: str | None
    start: int
    end: int
    local_id: str  # the quote's id inside its article ("q3")
    nested_in: str | None = None
    cluster: ClusterRef | None = None  # the quotation this copy is one of


@dataclass
class ClusterRecord(_Dict):
    """A quotation with every copy: its words (the longest copy), variants, and each article and outlet carrying it."""

    id: int
    text: str
    speaker: EntityRef | None
    first_seen: str | None
    last_seen: str | None
    variants: list[str]
    copies: list[QuoteRecord]
    outlets: list[str]


@dataclass
class Page(_Dict, Generic[T]):
    """One page of a longer answer; ask again with offset + limit while has_more."""

    items: list[T]
    limit: int
    offset: int
    has_more: bool
    total: int | None = None  # given when it is cheap to count


@dataclass
class EntityRef(_Dict):
    id: int
    name: str
    type: str


@dataclass
class Evidence(_Dict):
    """The sentence that states a fact, and where."""

    article: ArticleRef
    start: int
    end: int
    text: str


@dataclass
class Fact(_Dict):
    subject: str
    subject_id: int | None
    predicate: str
    object: str
    object_id: int | None
    qualifier: str | None
    qualifier_id: int | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Role(_Dict):
    character: str
    character_id: int | None
    work: str | None
    work_id: int | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class CastMember(_Dict):
    person: str | None
    person_id: int | None
    character: str | None
    character_id: int | None


@dataclass
class Count(_Dict):
    """A count under a label: quotes per month, per outlet, per person talked about."""

    label: str
    count: int
    id: int | None = None
    type: str | None = None


@dataclass
class EntitySummary(_Dict):
    """A line of `people` / `works`."""

    id: int
    name: str
    type: str
    aliases: list[str]
    quotes: int  # quotes this record said
    about: int  # quotes about it
    articles: int
    kind: str | None = None  # works: film, TV series, ...
    work: EntityRef | None = None  # characters: their work


@dataclass
class PersonRecord(_Dict):
    id: int
    name: str
    type: str
    aliases: list[str]
    roles: list[Role]
    works: list[Count]  # works they play in, created or performed in (label = title, count = sources)
    quote_count: int
    quotes: list[QuoteRecord]
    quotes_has_more: bool
    timeline: list[Count]  # quotes per month (label YYYY-MM), oldest first
    outlets: list[Count]  # outlets that quoted them
    talks_about: list[Count]  # who and what their quotes name
    facts: list[Fact]
    articles: int
    others: list[EntitySummary] = field(default_factory=list)  # other records the name could mean


@dataclass
class WorkRecord(_Dict):
    id: int
    title: str
    type: str
    kind: str | None
    aliases: list[str]
    created_by: list[str]
    network: list[str]
    cast: list[CastMember]
    characters: list[EntityRef]
    facts: list[Fact]
    quote_count: int  # quotes about it
    quotes: list[QuoteRecord]  # quotes about it, newest first
    quotes_has_more: bool
    articles: int
    others: list[EntitySummary] = field(default_factory=list)


@dataclass
class Mark(_Dict):
    kind: str  # quote, speaker, cue
    start: int
    end: int
    text: str


@dataclass
class QuoteDetail(_Dict):
    """`quotegraph show`: a quote in its paragraph with the speaker mention and cue marked."""

    quote: QuoteRecord
    excerpt: SpanRef  # the paragraph(s) holding the quote, its speaker mention and cue
    marks: list[Mark]  # offsets into the article text, inside the excerpt
    about: list[EntityRef]
    article: ArticleRef
    dek: str | None


@dataclass
class ArticleEntity(_Dict):
    id: int
    local_id: str
    name: str
    type: str
    record_name: str
    mentions: list[list[int]]


@dataclass
class ArticleRecord(_Dict):
    id: str
    title: str | None
    dek: str | None
    authors: list[str]
    published: str | None
    outlet: str | None
    url: str | None
    source: str
    media_type: str
    text: str
    paragraphs: list[list[int]]
    quotes: list[QuoteRecord]
    entities: list[ArticleEntity]
    facts: list[Fact]
    content_hash: str
    ingested_at: str
    updated: str | None = None  # when the article says it was last updated


@dataclass
class StoreCounts(_Dict):
    """How much the store holds (what GET /api/stats answers)."""

    articles: int
    quotes: int
    people: int
    works: int
    characters: int
    organizations: int
    relations: int
    schema_version: int


@dataclass
class StoreStats(StoreCounts):
    """The counts and the store's file (what `quotegraph stats` prints)."""

    path: str
