"""Facts stated about entities: who plays whom, who created a work, where it streams."""
from __future__ import annotations

from ..nlp import ParsedArticle
from ..result import Entity, Relation


def find_relations(parsed: ParsedArticle, entities: list[Entity]) -> list[Relation]:
    return []
