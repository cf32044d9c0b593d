"""Entities: mentions, name chains inside an article, types (person, work, character, organization)."""
from __future__ import annotations

from ..nlp import ParsedArticle
from ..result import Entity, Mention

_TYPES = {"PERSON": "person", "ORG": "organization", "WORK_OF_ART": "work", "GPE": "place", "LOC": "place"}


def find_entities(parsed: ParsedArticle) -> list[Entity]:
    by_name: dict[tuple[str, str], Entity] = {}
    for ent in parsed.doc.ents:
        typ = _TYPES.get(ent.label_)
        if not typ:
            continue
        key = (ent.text, typ)
        if key not in by_name:
            by_name[key] = Entity(id=f"e{len(by_name) + 1}", name=ent.text, type=typ)
        by_name[key].mentions.append(Mention(ent.start_char, ent.end_char))
    return list(by_name.values())
