"""The extraction pipeline, top to bottom: RawDocument -> Article -> parse -> entities, quotes, speakers, relations."""
from __future__ import annotations

from typing import Iterable, Iterator

import spacy

from .article import Article, read_article
from .entities import find_entities
from .entities.relations import find_relations
from .errors import QuotegraphError
from .nlp import ParsedArticle, load_pipeline, parse_articles
from .quotes import find_quotes
from .readers import RawDocument
from .result import ArticleResult, Mention
from .speakers import attribute_speakers


def build_result(parsed: ParsedArticle) -> ArticleResult:
    """Everything after the parse, for one article."""
    art = parsed.article
    entities = find_entities(parsed)
    candidates = find_quotes(parsed)
    quotes = attribute_speakers(parsed, candidates, entities)
    relations = find_relations(parsed, entities, quotes)
    return ArticleResult(
        source=art.source, text=art.text, title=art.title, dek=art.dek, authors=list(art.authors),
        published=art.published, updated=art.updated, url=art.url, outlet=art.outlet, media_type=art.media_type,
        paragraphs=[Mention(b.start, b.end) for b in art.paragraphs],
        quotes=quotes, entities=entities, relations=relations,
    )


def extract_documents(raws: Iterable[RawDocument], nlp: spacy.Language | None = None,
                      batch_size: int = 64) -> Iterator[tuple[RawDocument, ArticleResult | QuotegraphError]]:
    """Extract many documents, batching the parse; a document that fails yields its error, in order."""
    nlp = nlp or load_pipeline()
    pending: list[tuple[RawDocument, Article | QuotegraphError]] = []

    def flush():
        arts = [a for _, a in pending if isinstance(a, Article)]
        parsed = iter(parse_articles(arts, nlp, batch_size=batch_size))
        for raw, a in pending:
            yield raw, (build_result(next(parsed)) if isinstance(a, Article) else a)
        pending.clear()

    for raw in raws:
        try:
            pending.append((raw, read_article(raw)))
        except QuotegraphError as e:
            pending.append((raw, e))
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()
