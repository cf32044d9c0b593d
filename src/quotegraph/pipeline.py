"""The extraction pipeline, top to bottom: RawDocument -> Article -> parse -> entities, quotes, speakers, relations."""
from __future__ import annotations

import logging
from typing import Iterable, Iterator

import spacy

from .article import Article, read_article
from .entities import find_entities
from .entities.coref import MentionResolver, quoted_spans
from .entities.relations import find_relations
from .errors import ArticleFailed, QuotegraphError
from .limits import Budget, Limits, check_length, check_raw_size, guard_pipeline
from .nlp import ParsedArticle, load_pipeline, parse_articles
from .quotes import find_quotes
from .readers import RawDocument
from .result import ArticleResult, Mention
from .speakers import attribute_speakers

log = logging.getLogger(__name__)


def build_result(parsed: ParsedArticle) -> ArticleResult:
    """Everything after the parse, for one article."""
    art = parsed.article
    entities = find_entities(parsed)
    candidates = find_quotes(parsed)
    # one resolver's indexes serve both steps; relations get a copy untaught by the speakers found
    resolver = MentionResolver(parsed, entities, quoted=quoted_spans(candidates))
    untaught = resolver.fresh()
    quotes = attribute_speakers(parsed, candidates, entities, resolver)
    relations = find_relations(parsed, entities, quotes, untaught)
    log.debug("%s: %d quotes, %d entities, %d relations", art.source, len(quotes), len(entities), len(relations))
    return ArticleResult(
        source=art.source, text=art.text, title=art.title, dek=art.dek, authors=list(art.authors),
        published=art.published, updated=art.updated, url=art.url, outlet=art.outlet, media_type=art.media_type,
        paragraphs=[Mention(b.start, b.end) for b in art.paragraphs],
        quotes=quotes, entities=entities, relations=relations,
    )


class ExtractionError(ArticleFailed):
    """An article that raised an unexpected exception: a bug, reported for that article alone."""


def read_limited(raw: RawDocument, limits: Limits, budget: Budget, readable: str = "en") -> Article:
    """read_article within the limits: plain text too large to parse is refused before it is decoded."""
    if raw.media_type != "text/html":
        check_raw_size(raw.source, raw.data, limits)
    with budget.stage(raw.source):
        article = read_article(raw)
    check_length(raw.source, article.text, limits)
    if limits.language is not None:
        from .language import check_language

        check_language(raw.source, article.text, readable, limits.language)
    return article


def article_failure(source: str, stage: str, e: Exception) -> ArticleFailed:
    """The one guard's verdict on an exception raised for one article, wherever it runs (the pipeline,
    the ingest's pool and writer, the Spark job): our own errors keep their message, anything else is
    an ExtractionError naming the stage. The caller goes on with the next article."""
    if isinstance(e, ArticleFailed):
        return e
    if isinstance(e, QuotegraphError):
        return ArticleFailed(source, str(e))
    detail = " ".join(str(e).split())  # one line, whatever the exception says
    log.debug("%s: internal error while %s", source, stage, exc_info=e)
    err = ExtractionError(source, f"internal error while {stage} ({type(e).__name__}: {detail}); please report it")
    err.__cause__ = e
    return err


def extract_documents(raws: Iterable[RawDocument], nlp: spacy.Language | None = None,
                      batch_size: int = 64, limits: Limits | None = None
                      ) -> Iterator[tuple[RawDocument, ArticleResult | ArticleFailed]]:
    """Extract many documents, batching the parse; a document that fails yields its error, in order.

    `limits` bound each article (limits.py): its length before the parse, its time in our own
    stages. An unexpected exception in one article becomes that article's ExtractionError.
    """
    limits = limits or Limits()
    nlp = nlp or load_pipeline()
    guard_pipeline(nlp, limits)
    pending: list[tuple[RawDocument, Article | ArticleFailed, Budget]] = []

    def flush():
        arts = [a for _, a, _ in pending if isinstance(a, Article)]
        parsed = iter(parse_articles(arts, nlp, batch_size=batch_size))
        for raw, a, budget in pending:
            if not isinstance(a, Article):
                yield raw, a
                continue
            p = next(parsed)
            res: ArticleResult | ArticleFailed
            try:
                with budget.stage(raw.source):
                    res = build_result(p)
            except Exception as e:
                res = article_failure(raw.source, "extracting", e)
            yield raw, res
        pending.clear()

    for raw in raws:
        budget = Budget(limits.time_limit)
        try:
            pending.append((raw, read_limited(raw, limits, budget, nlp.lang or "en"), budget))
        except Exception as e:
            pending.append((raw, article_failure(raw.source, "reading", e), budget))
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()


def extract_guarded(raws: Iterable[RawDocument], nlp: spacy.Language | None = None, batch_size: int = 64,
                    limits: Limits | None = None) -> Iterator[tuple[RawDocument, ArticleResult | ArticleFailed]]:
    """extract_documents, batch by batch, for runs that must not stop: a batch that raises (a crash in
    the parse itself) is redone one document at a time, so one bad page costs its own result alone.
    The one guard of the CLI, the ingest's workers and the Spark job's partitions."""

    def run(batch: list[RawDocument]) -> list[tuple[RawDocument, ArticleResult | ArticleFailed]]:
        try:
            return list(extract_documents(batch, nlp, batch_size=batch_size, limits=limits))
        except Exception as e:  # a bug or a pathological page: that page fails, the run goes on
            if len(batch) == 1:
                return [(batch[0], article_failure(batch[0].source, "extracting", e))]
            return [done for raw in batch for done in run([raw])]

    batch: list[RawDocument] = []
    for raw in raws:
        batch.append(raw)
        if len(batch) >= batch_size:
            yield from run(batch)
            batch = []
    if batch:
        yield from run(batch)
