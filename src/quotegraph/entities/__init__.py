"""Entities: mentions, name chains inside an article, types (person, work, character, organization, place).

find_entities reads top to bottom: name mentions (mentions.py) -> type votes from context
(types.py) -> name chains to the fullest form (chains.py) -> Entity records. Mentions are
sorted; every entity's `name` is the fullest form the article gives and `aliases` the others.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..nlp import ParsedArticle
from ..result import Entity, Mention
from .chains import build_chains, fullest_name
from .mentions import find_name_mentions, lower_written
from .types import vote_types
from ..wordlists import word_set

KEPT_TYPES = ("person", "character", "work", "organization", "place")


def find_entities(parsed: ParsedArticle) -> list[Entity]:
    mentions = find_name_mentions(parsed)
    votes = vote_types(parsed.doc, mentions)
    chains = build_chains(mentions, votes, parsed.doc)
    common = lower_written(parsed.doc)
    chains = [c for c in chains if not _common_word(parsed.doc, mentions, c, common)]
    named = [(chain, chain.type(), *fullest_name(mentions, chain)) for chain in chains]
    works = [name for _, typ, name, _ in named if typ == "work"]
    people_last_words = {name.split()[-1] for _, typ, name, _ in named if typ == "person" and len(name.split()) >= 2}
    drafts = []
    for chain, typ, name, aliases in named:
        if typ in ("person", None) and _title_character(name, chain, works):
            typ = "character"
        if typ not in KEPT_TYPES:
            continue
        if typ == "person" and _not_a_person(parsed.doc, mentions, chain, name, people_last_words):
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


def _not_a_person(doc: Doc, mentions, chain, name: str, last_words: set[str]) -> bool:
    """A one-word "person" that is no one's name: written after "the" every time ("the Moon": people's
    names take no article), or a family in the plural ("the Eavises" beside "Michael Eavis")."""
    if len(name.split()) != 1:
        return False
    if any(name in (w + "s", w + "es") for w in last_words):
        return True
    ms = [mentions[i] for i in chain.mentions]
    determined = [_after_determiner(doc, m) for m in ms]
    # a mention modifying the next noun ("a Moon landing", "the Nixon impeachment") says nothing either way
    return any(determined) and all(d or doc[m.tok_end - 1].dep_ in ("compound", "nmod", "amod")
                                   for d, m in zip(determined, ms))


def _after_determiner(doc: Doc, m) -> bool:
    """The name heads a phrase opened by a determiner, adjectives allowed between ("the Moon", "the
    lunar Gateway", "no Gateway required")."""
    j = m.tok_start - 1
    while j >= 0 and doc[j].pos_ == "ADJ" and doc[j].is_lower:
        j -= 1
    return j >= 0 and doc[j].is_lower and doc[j].lower_ in _DETERMINERS and m.tok_start <= doc[j].head.i < m.tok_end


_DETERMINERS = {"the", "a", "an", "no", "this", "that", "every"}


def _common_word(doc: Doc, mentions, chain, common: frozenset[int]) -> bool:
    """A one-word name met only where capitals say nothing (opening a sentence, a quotation or a headline)
    that the article also writes in lower case is a common word ("Meth. We're on it." beside "the meth crisis")."""
    ms = [mentions[i] for i in chain.mentions]
    if chain.votes.rules or any(m.tok_end - m.tok_start != 1 for m in ms) or doc[ms[0].tok_start].lower not in common:
        return False
    return all(m.block == "title" or _grammatical_position(doc, m.tok_start) for m in ms)


def _grammatical_position(doc: Doc, i: int) -> bool:
    """Token i opens its sentence or a quotation, where any word is capitalized."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or "\n" in doc[j].whitespace_:
        return True
    prev = doc[j]
    if prev.text in {'"', "“", "‘", "'", ":", "—", "–", "("}:
        return True
    return doc[i].is_sent_start or prev.text in {".", "!", "?"}


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
