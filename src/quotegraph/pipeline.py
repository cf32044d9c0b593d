"""The extraction pipeline, top to bottom: RawDocument -> Article -> parse -> entities, quotes, speakers, relations."""
from __future__ import annotations

from typing import Iterable, Iterator

import spacy

from .article import Article, read_article
from .entities import find_entities
from .entities.relations import find_relations
from .errors import InputError, QuotegraphError
from .limits import Budget, Limits, check_length, check_raw_size, guard_pipeline
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


class ExtractionError(InputError):
    """An article that raised an unexpected exception: a bug, reported for that article alone."""


def read_limited(raw: RawDocument, limits: Limits, budget: Budget) -> Article:
    """read_article within the limits: plain text too large to parse is refused before it is decoded."""
    if raw.media_type != "text/html":
        check_raw_size(raw.source, raw.data, limits)
    with budget.stage(raw.source):
        article = read_article(raw)
    check_length(raw.source, article.text, limits)
    return article


def _failure(raw: RawDocument, stage: str, e: Exception) -> ExtractionError:
    detail = " ".join(str(e).split())  # one line, whatever the exception says
    err = ExtractionError(raw.source, f"internal error while {stage} ({type(e).__name__}: {detail}); please report it")
    err.__cause__ = e
    return err


def extract_documents(raws: Iterable[RawDocument], nlp: spacy.Language | None = None,
                      batch_size: int = 64, limits: Limits | None = None
                      ) -> Iterator[tuple[RawDocument, ArticleResult | QuotegraphError]]:
    """Extract many documents, batching the parse; a document that fails yields its error, in order.

    `limits` bound each article (limits.py): its length before the parse, its time in our own
    stages. An unexpected exception in one article becomes that article's ExtractionError.
    """
    limits = limits or Limits()
    nlp = nlp or load_pipeline()
    guard_pipeline(nlp, limits)
    pending: list[tuple[RawDocument, Article | QuotegraphError, Budget]] = []

    def flush():
        arts = [a for _, a, _ in pending if isinstance(a, Article)]
        parsed = iter(parse_articles(arts, nlp, batch_size=batch_size))
        for raw, a, budget in pending:
            if not isinstance(a, Article):
                yield raw, a
                continue
            p = next(parsed)
            try:
                with budget.stage(raw.source):
                    res = build_result(p)
            except QuotegraphError as e:
                res = e
            except Exception as e:
                res = _failure(raw, "extracting", e)
            yield raw, res
        pending.clear()

    for raw in raws:
        budget = Budget(limits.time_limit)
        try:
            pending.append((raw, read_limited(raw, limits, budget), budget))
        except QuotegraphError as e:
            pending.append((raw, e, budget))
        except Exception as e:
            pending.append((raw, _failure(raw, "reading", e), budget))
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()
