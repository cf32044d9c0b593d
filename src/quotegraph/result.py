"""ArticleResult and friends: the JSON contract of `quotegraph extract`.

Every offset is a character index into `ArticleResult.text` (the input text exactly as
read for plain text; the extracted body text for HTML). Fields may be added; none may be
renamed, because the scorers in ../shared/eval read them by name.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from functools import cache
from typing import Any


# The vocabularies of the contract, defined once. StrEnum members are the JSON strings themselves:
# QuoteKind.direct == "direct", and json.dumps writes "direct".
class QuoteKind(StrEnum):
    direct = "direct"
    partial = "partial"
    indirect = "indirect"
    nested = "nested"


class EntityType(StrEnum):
    person = "person"
    work = "work"
    character = "character"
    organization = "organization"
    place = "place"
    other = "other"


class Predicate(StrEnum):
    plays = "plays"
    created = "created"
    streams_on = "streams on"
    airs_on = "airs on"
    performed_in = "performed in"
    is_friends_with = "is friends with"


QUOTE_KINDS = tuple(k.value for k in QuoteKind)
ENTITY_TYPES = tuple(t.value for t in EntityType)
PREDICATES = tuple(p.value for p in Predicate)


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Mention:
    start: int
    end: int


@dataclass
class Speaker:
    """Who said a quote: the canonical name, the entity id and the mention in the text."""

    name: str | None
    entity: str | None
    mention: Span | None


@dataclass
class Quote:
    id: str
    kind: str  # a QuoteKind
    text: str
    start: int
    end: int
    speaker: Speaker | None = None
    cue: Span | None = None
    nested_in: str | None = None

    def __post_init__(self) -> None:  # the JSON's plain string, also for pickles read outside Python (Spark's JVM)
        self.kind = str(self.kind)


@dataclass
class Entity:
    id: str
    name: str  # the fullest form the article gives
    type: str  # an EntityType
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.type = str(self.type)


@dataclass
class Relation:
    subject: str
    predicate: str  # a Predicate
    object: str
    qualifier: str | None
    evidence: Mention
    subject_entity: str | None = None
    object_entity: str | None = None

    def __post_init__(self) -> None:
        self.predicate = str(self.predicate)


@dataclass
class ArticleResult:
    source: str
    text: str
    title: str | None = None
    dek: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    url: str | None = None
    outlet: str | None = None
    media_type: str = "text/plain"
    paragraphs: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """dataclasses.asdict(self) in half its time: asdict deep-copies every value it meets, and
        ours are strings, numbers and None, which a copy leaves as they are."""
        return _plain(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ArticleResult":
        """Inverse of to_dict (used by the store, Spark output and tests)."""

        def span(x):
            return Span(**x) if x else None

        quotes = [
            Quote(
                id=q["id"], kind=q["kind"], text=q["text"], start=q["start"], end=q["end"],
                speaker=(Speaker(name=q["speaker"]["name"], entity=q["speaker"].get("entity"),
                                 mention=span(q["speaker"].get("mention"))) if q.get("speaker") else None),
                cue=span(q.get("cue")), nested_in=q.get("nested_in"),
            )
            for q in d.get("quotes", [])
        ]
        entities = [
            Entity(id=e["id"], name=e["name"], type=e["type"],
                   mentions=[Mention(**m) for m in e.get("mentions", [])], aliases=list(e.get("aliases", [])))
            for e in d.get("entities", [])
        ]
        relations = [
            Relation(subject=r["subject"], predicate=r["predicate"], object=r["object"], qualifier=r.get("qualifier"),
                     evidence=Mention(**r["evidence"]), subject_entity=r.get("subject_entity"),
                     object_entity=r.get("object_entity"))
            for r in d.get("relations", [])
        ]
        simple = {k: d[k] for k in ("title", "dek", "published", "updated", "url", "outlet", "media_type") if k in d}
        return cls(source=d["source"], text=d["text"], authors=list(d.get("authors", [])),
                   paragraphs=[Mention(**p) for p in d.get("paragraphs", [])],
                   quotes=quotes, entities=entities, relations=relations, **simple)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    """`value` as asdict gives it: dataclasses as dicts, lists, tuples and dicts rebuilt, all the way down."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    cls: Any = type(value)  # Any: mypy takes a type for unhashable
    if hasattr(cls, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(cls)}
    if isinstance(value, tuple):
        return cls(*map(_plain, value)) if hasattr(value, "_fields") else cls(map(_plain, value))
    if isinstance(value, dict):
        return cls((_plain(k), _plain(v)) for k, v in value.items())
    return value
