"""The HTTP API: the CLI's questions as JSON (the same dataclasses' dicts), and POST /api/articles to add one.

Handlers only read parameters, call one KnowledgeBase method and wrap the answer; every query
is the knowledge base's own (parameterised) SQL.
"""
from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from ..errors import ArticleFailed, QuotegraphError, StoreError, UserInputError
from ..kb import KnowledgeBase, open_kb
from ..kb.models import (ArticleRecord, ArticleRef, ClusterRecord, EntitySort, EntitySummary, Order, Page, PersonRecord,
                         QuoteDetail, QuoteRecord, QuoteSort, StoreCounts, WorkRecord)
from ..result import EntityType, QuoteKind
from .deps import reader
from .params import checked_date
from .problems import ProblemError, problem_responses
from .uploads import ACCEPTED, check_token, read_upload

router = APIRouter(prefix="/api", responses=problem_responses(400, 422, 503))
bearer = HTTPBearer(auto_error=False, description="The server's QUOTEGRAPH_TOKEN; needed only to add articles.")
KB = Annotated[KnowledgeBase, Depends(reader)]
PERSON_TYPES = tuple(t for t in EntityType if t != EntityType.work)

T = TypeVar("T")


class Listing(BaseModel, Generic[T]):
    """One page of a list: ask for `next` while `has_more`."""

    items: list[T]
    total: int | None
    limit: int
    offset: int
    has_more: bool
    next: str | None


class Written(BaseModel):
    """What adding an article did: status is new, updated, unchanged or duplicate."""

    status: str
    article: str
    quotes: int
    links: dict[str, str]


MAX_OFFSET = 2**62  # far past any store; SQLite's integers end at 2**63 - 1
Limit = Annotated[int, Query(ge=1, le=1000, description="How many to return (1-1000).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many to skip.")]
Id = Annotated[int, Path(ge=1, le=2**62, description="The record's id.")]


def listing(request: Request, page: Page) -> dict:
    nxt = None
    if page.has_more:
        url = request.url.include_query_params(offset=page.offset + page.limit, limit=page.limit)
        nxt = url.path + ("?" + url.query if url.query else "")
    return {"items": page.items, "total": page.total, "limit": page.limit, "offset": page.offset,
            "has_more": page.has_more, "next": nxt}


def _bad_query(e: UserInputError) -> ProblemError:
    return ProblemError(400, str(e))


@router.get("/quotes", response_model=Listing[QuoteRecord], tags=["quotes"])
def list_quotes(
    request: Request,
    kb: KB,
    speaker: Annotated[str | None, Query(max_length=500, description="Who said it: a name, first or last name, or #ID.")] = None,
    about: Annotated[str | None, Query(max_length=500, description="Whom or what the quote or its sentence names.")] = None,
    text: Annotated[str | None, Query(max_length=1000, description='Words in the quote: all must occur; "a phrase", OR, NOT, word* for a prefix.')] = None,
    since: Annotated[str | None, Query(max_length=40, description="Published on or after: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(max_length=40, description="Published on or before: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="The outlet that published it.")] = None,
    kind: Annotated[QuoteKind | None, Query(description="direct, partial, indirect or nested.")] = None,
    article: Annotated[str | None, Query(max_length=200, description="Only quotes of this article (its id).")] = None,
    sort: Annotated[QuoteSort, Query(description="newest, oldest, or relevance (with text).")] = QuoteSort.newest,
    limit: Limit = 20,
    offset: Offset = 0,
    all_copies: Annotated[bool, Query(description="Every article's copy of a quote, not one per quote cluster.")] = False,
):
    """Quotes matching every filter given, newest first: the same question as `quotegraph quotes`
    (one item per quote cluster, with the cluster's article count and first and last day seen)."""
    since, until = checked_date(since, "since"), checked_date(until, "until")
    try:
        page = kb.quotes(speaker=speaker, about=about, text=text, since=since, until=until, outlet=outlet,
                         kind=kind.value if kind else None, article=article, sort=sort.value, limit=limit,
                         offset=offset, count=True, all_copies=all_copies)
    except UserInputError as e:
        raise _bad_query(e) from None
    return listing(request, page)


@router.get("/clusters/{cluster_id}", response_model=ClusterRecord, tags=["quotes"], responses=problem_responses(404))
def get_cluster(cluster_id: Id, kb: KB):
    """One quotation across articles: its words, variants, every copy (newest first), outlets, first and last seen."""
    rec = kb.cluster(cluster_id)
    if rec is None:
        raise ProblemError(404, f"no quote cluster #{cluster_id} in the knowledge base")
    return rec


@router.get("/quotes/{quote_id}", response_model=QuoteDetail, tags=["quotes"], responses=problem_responses(404))
def get_quote(quote_id: Id, kb: KB):
    """A quote in its paragraph, with the speaker mention and cue marked (offsets into the article's text)."""
    detail = kb.show(quote_id)
    if detail is None:
        raise ProblemError(404, f"no quote #{quote_id} in the knowledge base")
    return detail


def _entities(request: Request, kb: KnowledgeBase, kind: str, name: str | None, sort: EntitySort, order: Order,
              limit: int, offset: int) -> dict:
    method = {"people": kb.people, "works": kb.works}[kind]
    try:
        page = method(sort=sort.value, order=order.value, limit=limit, offset=offset, query=name)
    except UserInputError as e:
        raise _bad_query(e) from None
    return listing(request, page)


NameFilter = Annotated[str | None, Query(max_length=200, description="Only names containing this.")]


@router.get("/people", response_model=Listing[EntitySummary], tags=["people"])
def list_people(request: Request, kb: KB, name: NameFilter = None,
                sort: Annotated[EntitySort, Query(description="quotes (said), about, articles or name.")] = EntitySort.quotes,
                order: Order = Order.desc, limit: Limit = 50, offset: Offset = 0):
    """People with how often they are quoted, quoted about and mentioned."""
    return _entities(request, kb, "people", name, sort, order, limit, offset)


def _record(kb: KnowledgeBase, entity_id: int, kind: str, limit: int, offset: int) -> PersonRecord | WorkRecord:
    """A person's or a work's record; a 404 naming the right address for a record of the other kind."""
    summary = kb.entity(entity_id)
    noun = "person" if kind == "people" else "work"
    if summary is None:
        raise ProblemError(404, f"no {noun} #{entity_id} in the knowledge base")
    is_work = summary.type == EntityType.work
    if is_work != (kind == "works"):
        raise ProblemError(404, f"#{entity_id} is a {summary.type}, not a {noun}: see "
                                f"/api/{'works' if is_work else 'people'}/{entity_id}")
    record = (kb.work_by_id if is_work else kb.person_by_id)(entity_id, limit=limit, offset=offset)
    assert record is not None  # kb.entity found it
    return record


@router.get("/people/{person_id}", response_model=PersonRecord, tags=["people"], responses=problem_responses(404))
def get_person(person_id: Id, kb: KB, limit: Limit = 100, offset: Offset = 0):
    """A person: aliases, roles, works, quotes per month, outlets, whom they talk about, and their quotes (paginated)."""
    return _record(kb, person_id, "people", limit, offset)


@router.get("/works", response_model=Listing[EntitySummary], tags=["works"])
def list_works(request: Request, kb: KB, name: NameFilter = None,
               sort: Annotated[EntitySort, Query(description="articles, about (quotes about it), quotes or name.")] = EntitySort.articles,
               order: Order = Order.desc, limit: Limit = 50, offset: Offset = 0):
    """Works (shows, films, books, ...) with their counts."""
    return _entities(request, kb, "works", name, sort, order, limit, offset)


@router.get("/works/{work_id}", response_model=WorkRecord, tags=["works"], responses=problem_responses(404))
def get_work(work_id: Id, kb: KB, limit: Limit = 50, offset: Offset = 0):
    """A work: kind, creators, network, cast (actor and character), and quotes about it (paginated)."""
    return _record(kb, work_id, "works", limit, offset)


@router.get("/articles", response_model=Listing[ArticleRef], tags=["articles"])
def list_articles(request: Request, kb: KB,
                  outlet: Annotated[str | None, Query(max_length=200, description="Only this outlet's articles.")] = None,
                  limit: Limit = 50, offset: Offset = 0):
    """Articles, newest first."""
    return listing(request, kb.articles(limit=limit, offset=offset, outlet=outlet))


@router.get("/articles/{article_id}", response_model=ArticleRecord, tags=["articles"], responses=problem_responses(404))
def get_article(article_id: Annotated[str, Path(max_length=200, description="The article's id.")], kb: KB):
    """An article: metadata, text, paragraphs, quotes, entities and facts, with offsets into `text`."""
    rec = kb.article(article_id)
    if rec is None:
        raise ProblemError(404, f"no article {article_id!r} in the knowledge base")
    return rec


@router.get("/stats", response_model=StoreCounts, tags=["articles"])
def get_stats(kb: KB):
    """How much the knowledge base holds."""
    s = kb.stats().to_dict()
    s.pop("path", None)  # the server's file layout is none of a client's business
    return s


UPLOAD_BODY = {
    "description": f"The article: {ACCEPTED}. `url` (query, form field or JSON member) is recorded, never fetched.",
    "required": True,
    "content": {
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
        "multipart/form-data": {"schema": {"type": "object", "properties": {
            "file": {"type": "string", "format": "binary"}, "text": {"type": "string"}, "html": {"type": "string"},
            "url": {"type": "string", "format": "uri"}}}},
        "application/json": {"schema": {"type": "object", "properties": {
            "html": {"type": "string"}, "text": {"type": "string"}, "url": {"type": "string", "format": "uri"}}}},
    },
}


@router.post("/articles", response_model=Written, status_code=201, tags=["articles"],
             responses=problem_responses(401, 403, 413, 415),
             openapi_extra={"requestBody": UPLOAD_BODY,
                            "parameters": [{"name": "url", "in": "query", "required": False,
                                            "schema": {"type": "string", "format": "uri"},
                                            "description": "The article's address (recorded, never fetched)."}]})
async def add_article(request: Request,
                      credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]):
    """Extract an article (text or HTML) and add it to the knowledge base. Needs the bearer token.

    201 for a new article, 200 when it was there already (unchanged) or replaced an older version.
    """
    settings = request.app.state.settings
    check_token(credentials, request, settings.token)
    raw = await read_upload(request)
    outcome = await run_in_threadpool(_write, request, raw)
    links = {"api": f"/api/articles/{outcome.article}", "page": f"/articles/{outcome.article}"}
    body = Written(status=outcome.status, article=outcome.article, quotes=outcome.quotes, links=links)
    return JSONResponse(body.model_dump(), status_code=201 if outcome.status == "new" else 200,
                        headers={"Location": links["api"]})


def _write(request: Request, raw):
    from ..ingest import add_document  # the spaCy pipeline and the extraction load on the first write only

    settings = request.app.state.settings
    with request.app.state.write_lock:
        try:
            kb = open_kb(settings.db, readonly=False)
        except StoreError as e:
            raise ProblemError(503, f"the knowledge base cannot be opened for writing: {e}") from None
        try:
            return add_document(kb, raw, model=settings.model)
        except ArticleFailed as e:
            raise ProblemError(422, f"cannot read this article: {e.reason}") from None
        except QuotegraphError as e:  # the store is busy, the spaCy pipeline is missing, ...
            raise ProblemError(503, str(e)) from None
        finally:
            kb.close()
