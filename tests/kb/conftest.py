"""Fixtures for knowledge-base tests: a fresh store, and ArticleResults built by hand from small texts.

`article(...)` finds every span by its words in the text, so a test states what the engine
would say ("Ashley Park plays Mindy Chen in Emily in Paris") without counting offsets, and
does not depend on the engine's accuracy.
"""
from __future__ import annotations

import pytest

from quotegraph.result import ArticleResult, Entity, Mention, Quote, Relation, Span, Speaker


def _spans(text: str, words: str) -> list[Mention]:
    """Every occurrence of `words`; "[Emily])" finds "Emily)" and keeps the part in brackets."""
    lead, inner, tail = (words.partition("[")[0], words.partition("[")[2].partition("]")[0],
                         words.partition("]")[2]) if "[" in words else ("", words, "")
    needle = lead + inner + tail
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(Mention(i + len(lead), i + len(lead) + len(inner)))
        i = text.find(needle, i + len(needle))
    assert out, f"{words!r} is not in the text"
    return out


def _span(text: str, words: str, after: int = 0) -> Span:
    i = text.find(words, after)
    if i < 0:
        i = text.find(words)
    assert i >= 0, f"{words!r} is not in the text"
    return Span(i, i + len(words), words)


def build_article(text: str, source: str = "a.txt", *, title: str | None = None, published: str | None = None,
                  outlet: str | None = None, url: str | None = None, authors: list[str] | None = None,
                  entities: list[tuple] = (), quotes: list[tuple] = (), relations: list[tuple] = ()) -> ArticleResult:
    """entities: (name, type, [surface forms]) with ids e1, e2, ...; quotes: (words, speaker name or None,
    speaker mention words or None, cue words or None[, kind]); relations: (subject, predicate, object, qualifier)."""
    ents = []
    for i, (name, typ, *rest) in enumerate(entities):
        forms = rest[0] if rest else [name]
        mentions = sorted({(m.start, m.end) for f in forms for m in _spans(text, f)})
        aliases = [f for f in forms if f != name and "[" not in f]
        ents.append(Entity(id=f"e{i + 1}", name=name, type=typ, mentions=[Mention(s, e) for s, e in mentions],
                           aliases=aliases))
    by_name = {e.name: e.id for e in ents}
    qs = []
    for i, (words, speaker, mention, cue, *kind) in enumerate(quotes):
        span = _span(text, words)
        sp = None
        if speaker:
            sp = Speaker(name=speaker, entity=by_name.get(speaker),
                         mention=_span(text, mention, span.end) if mention else None)
        qs.append(Quote(id=f"q{i + 1}", kind=kind[0] if kind else "direct", text=words, start=span.start,
                        end=span.end, speaker=sp, cue=_span(text, cue, span.end) if cue else None))
    rels = []
    for subject, predicate, obj, qualifier in relations:
        # the evidence is the paragraph that names both ends
        starts = [p for p in _paragraphs(text) if subject in text[p.start:p.end] and obj in text[p.start:p.end]]
        ev = starts[0] if starts else Mention(0, len(text))
        rels.append(Relation(subject=subject, predicate=predicate, object=obj, qualifier=qualifier, evidence=ev,
                             subject_entity=by_name.get(subject), object_entity=by_name.get(obj)))
    return ArticleResult(source=source, text=text, title=title, published=published, outlet=outlet, url=url,
                         authors=list(authors or []), paragraphs=_paragraphs(text), quotes=qs, entities=ents,
                         relations=rels)


def _paragraphs(text: str) -> list[Mention]:
    out, start = [], 0
    for block in text.split("\n\n"):
        if block.strip():
            out.append(Mention(start, start + len(block)))
        start += len(block) + 2
    return out


@pytest.fixture
def article():
    return build_article


@pytest.fixture
def kb(tmp_path):
    from quotegraph.kb import open_kb

    store = open_kb(str(tmp_path / "kb.db"))
    yield store
    store.close()


def table_counts(kb) -> dict[str, int]:
    names = ["articles", "raw_documents", "entities", "entity_names", "article_entities", "quotes", "quote_about",
             "relations", "entity_context", "pins", "blocks", "overrides"]
    counts = {n: kb.conn.execute(f"SELECT COUNT(*) FROM {n}").fetchone()[0] for n in names}
    counts["fts"] = kb.conn.execute("SELECT COUNT(*) FROM quotes_fts").fetchone()[0]
    counts["sum_quote_count"] = kb.conn.execute("SELECT COALESCE(SUM(quote_count), 0) FROM entities").fetchone()[0]
    counts["sum_article_count"] = kb.conn.execute("SELECT COALESCE(SUM(article_count), 0) FROM entities").fetchone()[0]
    return counts


@pytest.fixture
def counts():
    return table_counts


# Two small articles of our own, in the shape of entertainment news.
PARK_2021 = (
    "Ashley Park Talks Season Two\n\n"
    "Ashley Park, who plays Mindy Chen on Emily in Paris, the Netflix series created by Darren Star, spoke about "
    "season two.\n\n"
    '"I think people love the escapism," Ashley said. "We are filming in spring," she added.'
)
PARK_2022 = (
    "Best Friends On Set\n\n"
    "Lily Collins (Emily) and Ashley (Mindy) of Emily in Paris are friends.\n\n"
    '"She is my friendship soulmate," Lily Collins said about Ashley.'
)


@pytest.fixture
def park_articles(article):
    a1 = article(PARK_2021, "park-2021.txt", title="Ashley Park Talks Season Two", published="2021-01-02T18:49",
                 outlet="E! News", authors=["Beth Sobol"],
                 entities=[("Ashley Park", "person", ["Ashley Park", "Ashley"]), ("Mindy Chen", "character"),
                           ("Emily in Paris", "work"), ("Netflix", "organization"), ("Darren Star", "person")],
                 quotes=[("I think people love the escapism,", "Ashley Park", "Ashley", "said"),
                         ("We are filming in spring,", "Ashley Park", "she", "added")],
                 relations=[("Ashley Park", "plays", "Mindy Chen", "Emily in Paris"),
                            ("Darren Star", "created", "Emily in Paris", None),
                            ("Emily in Paris", "streams on", "Netflix", None)])
    a2 = article(PARK_2022, "park-2022.txt", title="Best Friends On Set", published="2022-01-03T19:42",
                 outlet="E! News", authors=["Jillian Fabiano"],
                 entities=[("Lily Collins", "person"), ("Emily", "character", ["[Emily])"]),
                           ("Ashley", "person", ["Ashley"]), ("Mindy", "character"), ("Emily in Paris", "work")],
                 quotes=[("She is my friendship soulmate,", "Lily Collins", "Lily Collins", "said")],
                 relations=[("Lily Collins", "plays", "Emily", "Emily in Paris"),
                            ("Ashley", "plays", "Mindy", "Emily in Paris")])
    return a1, a2
