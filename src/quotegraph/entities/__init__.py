"""Entities: mentions, name chains inside an article, types (person, work, character, organization, place).

find_entities reads top to bottom: name mentions (mentions.py) -> type votes from context
(types.py) -> name chains to the fullest form (chains.py) -> Entity records. Mentions are
sorted; every entity's `name` is the fullest form the article gives and `aliases` the others.
"""
from __future__ import annotations

from ..nlp import ParsedArticle
from ..result import Entity, Mention
from .chains import build_chains, fullest_name
from .mentions import find_name_mentions
from .types import vote_types
from ..wordlists import word_set

KEPT_TYPES = ("person", "character", "work", "organization", "place")


def find_entities(parsed: ParsedArticle) -> list[Entity]:
    mentions = find_name_mentions(parsed)
    votes = vote_types(parsed.doc, mentions)
    chains = build_chains(mentions, votes)
    works = [fullest_name(mentions, c)[0] for c in chains if c.type() == "work"]
    drafts = []
    for chain in chains:
        typ = chain.type()
        name, aliases = fullest_name(mentions, chain)
        if typ in ("person", None) and _title_character(name, chain, works):
            typ = "character"
        if typ not in KEPT_TYPES:
            continue
        if typ == "character":
            name, aliases = _titled_character(parsed, mentions, chain, name, aliases)
        elif typ in ("organization", "place") and name.startswith(("The ", "the ")) and len(name.split()) > 1:
            # "The World Health Organization" is the World Health Organization; a work keeps its "The"
            name, aliases = name[4:], sorted({name, *aliases})
        spans = sorted({(mentions[i].start, mentions[i].end) for i in chain.mentions})
        drafts.append((spans[0][0], name, typ, spans, aliases))
    drafts.sort()
    return [Entity(id=f"e{k + 1}", name=name, type=typ, mentions=[Mention(s, e) for s, e in spans], aliases=aliases)
            for k, (_, name, typ, spans, aliases) in enumerate(drafts)]


def _titled_character(parsed: ParsedArticle, mentions, chain, name: str, aliases: list[str]) -> tuple[str, list[str]]:
    """A character's title is part of the character's name ("Dr Andy Brenner", "Captain Vance"): fiction
    names people by it. The title as written on the fullest mention that has one; the bare name stays an alias."""
    honorifics = word_set("honorifics.txt")
    doc = parsed.doc
    for i in chain.mentions:
        m = mentions[i]
        if m.text == name and m.honorific and m.honorific in honorifics and m.honorific_start >= 0:
            title = doc[m.honorific_start:m.tok_start].text
            return f"{title} {name}", sorted({name, *aliases})
    return name, aliases


def _title_character(name: str, chain, works: list[str]) -> bool:
    """A lone first name that is also a word of a work's title is that work's title character
    ("Emily" beside "Emily in Paris"), unless the context said it is a real person."""
    if len(name.split()) != 1 or chain.votes.rules:
        return False
    return any(name in work.split()[:1] + work.split()[-1:] and work != name for work in works)
