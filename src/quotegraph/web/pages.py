"""The pages: search (home), people, a person, works, a work, an article; server-rendered, no script needed.

Jinja autoescapes every value; article bodies reach the template as a tree of text nodes
(article_body.py), never as HTML, so nothing an article says can become markup.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import quote as quote_path
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from ..errors import UserInputError
from ..kb import KnowledgeBase
from ..kb.models import EntitySort, EntitySummary, Order, Page, QuoteRecord, QuoteSort
from ..kb.names import name_key
from ..result import QUOTE_KINDS, EntityType, Predicate
from ..settings import VERSION
from .deps import HERE, reader
from .article_body import build_article_body
from .citation import citation
from .formats import day, safe_href
from .params import checked_date
from .problems import ProblemError
from .timeline import build_timeline

PAGE_SIZE = 20
SEARCH_FIELDS = ("q", "speaker", "outlet", "since", "until", "kind", "sort")
MAX_FIELD = 500
# how a person is in a work
WORK_VERBS = {Predicate.plays: "Acts in", Predicate.performed_in: "Performed in", Predicate.created: "Created"}

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["day"] = day
    env.filters["month"] = month
    env.filters["safe_href"] = safe_href
    env.filters["source_label"] = source_label
    env.globals.update(entity_url=entity_url, plural=plural, version=VERSION, kinds=QUOTE_KINDS, citation=citation)
    return env


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    """The page templates (built once: they are package files and do not change while serving)."""
    return Jinja2Templates(env=_environment())


def month(label: str) -> str:
    m = re.match(r"^(\d{4})-(\d{2})$", label or "")
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{date(int(m.group(1)), int(m.group(2)), 1):%b %Y}"
    return label


def entity_url(entity_id: int | None, entity_type: str | None = None) -> str | None:
    if entity_id is None:
        return None
    return f"/works/{entity_id}" if entity_type == EntityType.work else f"/people/{entity_id}"


def source_label(source: str | None) -> str:
    """Where an article came from, without the server's folders: a file's name, or an archive member's."""
    if not source:
        return ""
    if "://" in source or source.startswith("upload:"):
        return source
    path, hash_, member = source.partition("#")
    return path.replace("\\", "/").rsplit("/", 1)[-1] + hash_ + member


def plural(n: int | None, word: str, many: str | None = None) -> str:
    n = n or 0
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def page_url(request: Request, **changes: Any) -> str:
    """This page's address with some query parameters changed (None drops one)."""
    params = {k: v for k, v in request.query_params.items()}
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    query = urlencode(params)
    return request.url.path + ("?" + query if query else "")


def render(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    context.setdefault("title", None)
    context.setdefault("q", "")
    context["page_url"] = lambda **changes: page_url(request, **changes)
    here = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "page"])
    context["here_query"] = "?" + here if here else ""  # this page's question, for its downloads and feed
    return templates().TemplateResponse(request, template, context, status_code=status)


def error_page(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    heading = {400: "That address has a problem", 404: "Not found", 503: "The knowledge base is unavailable"}.get(
        status, "Something went wrong")
    response = render(request, "error.html", status=status, title=heading, heading=heading, detail=detail,
                      status_code=status)
    for k, v in (headers or {}).items():
        response.headers[k] = v
    return response


def _page_number(value: str | None) -> int:
    try:
        n = int(value or 1)
    except ValueError:
        raise ProblemError(400, "page must be a number") from None
    if n < 1 or n > 100_000:
        raise ProblemError(400, "page must be between 1 and 100000")
    return n


def _field(request: Request, name: str) -> str:
    value = (request.query_params.get(name) or "").strip()
    if len(value) > MAX_FIELD:
        raise ProblemError(400, f"{name} is too long (at most {MAX_FIELD} characters)")
    return value


# -- search ---------------------------------------------------------------------------------

@router.get("/")
def search(request: Request, kb: KnowledgeBase = Depends(reader)) -> Response:
    """One box over quote text, speakers and works, with filters; with nothing asked, the newest quotes."""
    form = {name: _field(request, name) for name in SEARCH_FIELDS}
    page = _page_number(request.query_params.get("page"))
    offset = (page - 1) * PAGE_SIZE
    error = None
    if form["kind"] and form["kind"] not in QUOTE_KINDS:
        error, form["kind"] = f"kind must be one of {', '.join(QUOTE_KINDS)}", ""
    sort = form["sort"] if form["sort"] in tuple(QuoteSort) else QuoteSort.newest
    filters = {k: form[k] or None for k in ("speaker", "outlet", "since", "until", "kind")}
    q = form["q"]
    try:
        for name in ("since", "until"):
            filters[name] = checked_date(filters[name], name)
    except ProblemError as e:
        error, filters["since"], filters["until"] = e.detail, None, None
    people: list[EntitySummary] = []
    works: list[EntitySummary] = []
    heading: str | None = None
    results: Page[QuoteRecord] = Page([], PAGE_SIZE, offset, False, 0)
    notice: tuple[str, str | None] | str | None = None
    try:
        if q:
            people = kb.find(q, (EntityType.person,), limit=6)
            works = kb.find(q, (EntityType.work,), limit=6)
            named = _named_person(q, people) if request.query_params.get("match") != "words" else None
            if named is not None:
                # the box holds a person's name: their quotes, and a way to the quotes with those words
                results, heading, notice = _quotes_by_named_person(request, kb, q, named, sort, offset, filters)
            else:
                results = kb.quotes(text=q, sort=sort, limit=PAGE_SIZE, offset=offset, count=True, **filters)
                heading = f"Quotes with “{q}”"
            if named is None and not results.total and (people or works):
                # the box named someone or something rather than words they said
                if people:
                    results = kb.quotes(speaker_id=people[0].id, limit=PAGE_SIZE, offset=offset, count=True,
                                        sort=_by_date(sort), **_without(filters, "speaker"))
                    heading = f"Quotes by {people[0].name}"
                    notice = f"No quote has the words “{q}”; these are quotes by {people[0].name}."
                if not results.total and works:
                    results = kb.quotes(about_id=works[0].id, limit=PAGE_SIZE, offset=offset, count=True,
                                        sort=_by_date(sort), **filters)
                    heading = f"Quotes about {works[0].name}"
                    notice = f"No quote has the words “{q}”; these are quotes about {works[0].name}."
        else:
            results = kb.quotes(sort=_by_date(sort), limit=PAGE_SIZE, offset=offset,
                                count=True, **filters)
            heading = "Quotes" if any(filters.values()) else "Latest quotes"
    except UserInputError as e:
        error = str(e)
    home = not q and not any(filters.values()) and page == 1
    stats = kb.stats() if home else None  # counting a large store is not free: only the home page says how large
    top_people = kb.people(limit=8).items if home else []
    top_works = kb.works(limit=8).items if home else []
    status = 400 if error else 200
    return render(request, "search.html", status=status, title=q or None, q=q, form=form, sort=sort, heading=heading,
                  results=results, people=people, works=works, error=error, stats=stats, page=page, notice=notice,
                  top_people=top_people, top_works=top_works, filters_open=any(filters.values()) or bool(error))


def _named_person(q: str, people: list) -> Any:
    """The person whose full name (or one of whose aliases) is exactly what the box holds, else None."""
    key = name_key(q)
    if not key or " " not in key:  # a lone word is more often a word than a name
        return None
    for p in people:
        if key in {name_key(n) for n in (p.name, *p.aliases)}:
            return p
    return None


def _quotes_by_named_person(request: Request, kb: KnowledgeBase, q: str, person: Any, sort: str, offset: int,
                            filters: dict) -> tuple[Page, str, tuple[str, str] | None]:
    """A person's quotes for a search that is their name, with a link to the quotes holding the words when some do."""
    results = kb.quotes(speaker_id=person.id, limit=PAGE_SIZE, offset=offset, count=True, sort=_by_date(sort),
                        **_without(filters, "speaker"))
    with_words = kb.quotes(text=q, limit=1, count=True, **filters).total or 0
    notice = None
    if with_words:
        notice = (f"{plural(with_words, 'quote')} with the words “{q}”", page_url(request, match="words", page=None))
    return results, f"Quotes by {person.name}", notice


def _by_date(sort: str) -> str:
    """Best match means nothing without words: newest first then."""
    return QuoteSort.oldest if sort == QuoteSort.oldest else QuoteSort.newest


def _without(filters: dict, key: str) -> dict:
    return {k: v for k, v in filters.items() if k != key}


# -- people and works -----------------------------------------------------------------------

# How each kind of record is listed and shown: its default order, its noun, its page.
LISTINGS = {"people": (EntitySort.quotes, "People"), "works": (EntitySort.articles, "Works")}


def _listing(request: Request, kb: KnowledgeBase, kind: str) -> Response:
    default_sort, heading = LISTINGS[kind]
    name = _field(request, "name")
    page = _page_number(request.query_params.get("page"))
    sort = request.query_params.get("sort") or default_sort
    if sort not in tuple(EntitySort):
        sort = default_sort
    method = kb.people if kind == "people" else kb.works
    order = Order.asc if sort == EntitySort.name else Order.desc
    listing = method(sort=sort, order=order, limit=50, offset=(page - 1) * 50, query=name or None)
    return render(request, "entities.html", title=heading, heading=heading, kind=kind, listing=listing,
                  name=name, sort=sort, page=page)


@router.get("/people")
def people(request: Request, kb: KnowledgeBase = Depends(reader)) -> Response:
    return _listing(request, kb, "people")


@router.get("/works")
def works(request: Request, kb: KnowledgeBase = Depends(reader)) -> Response:
    return _listing(request, kb, "works")


def _record(request: Request, kb: KnowledgeBase, entity_id: int, kind: str) -> Response:
    """A person's or a work's page; a record of the other kind, or merged into another, redirects to its own."""
    page = _page_number(request.query_params.get("page"))
    summary = kb.entity(entity_id)
    if summary is None:
        noun = "person" if kind == "people" else "work"
        raise ProblemError(404, f"there is no {noun} #{entity_id} in this knowledge base")
    is_work = summary.type == EntityType.work
    if is_work != (kind == "works"):
        return RedirectResponse(f"/{'works' if is_work else 'people'}/{entity_id}", status_code=308)
    if is_work:
        work = kb.work_by_id(entity_id, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        assert work is not None  # kb.entity found it
        if work.id != entity_id:  # merged into another record
            return RedirectResponse(f"/works/{work.id}", status_code=308)
        return render(request, "work.html", title=work.title, rec=work, page=page)
    rec = kb.person_by_id(entity_id, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    assert rec is not None
    if rec.id != entity_id:
        return RedirectResponse(f"/people/{rec.id}", status_code=308)
    return render(request, "person.html", title=rec.name, rec=rec, timeline=build_timeline(rec.timeline), page=page,
                  work_verbs=WORK_VERBS)


@router.get("/people/{person_id}")
def person(person_id: int, request: Request, kb: KnowledgeBase = Depends(reader)) -> Response:
    return _record(request, kb, person_id, "people")


@router.get("/works/{work_id}")
def work(work_id: int, request: Request, kb: KnowledgeBase = Depends(reader)) -> Response:
    return _record(request, kb, work_id, "works")


# -- articles and quotes --------------------------------------------------------------------

@router.get("/articles/{article_id}")
def article(article_id: str, request: Request, kb: KnowledgeBase = Depends(reader)) -> Response:
    if len(article_id) > 200:
        raise ProblemError(404, "there is no such article in this knowledge base")
    rec = kb.article(article_id)
    if rec is None:
        raise ProblemError(404, f"there is no article {article_id!r} in this knowledge base")
    body = build_article_body(rec)
    people_here = [e for e in rec.entities if e.type != EntityType.work]
    works_here = [e for e in rec.entities if e.type == EntityType.work]
    return render(request, "article.html", title=rec.title or source_label(rec.source), rec=rec, body=body,
                  people_here=_unique_records(people_here), works_here=_unique_records(works_here))


def _unique_records(entities: list) -> list:
    seen, out = set(), []
    for e in entities:
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out


@router.get("/quotes/{quote_id}")
def quote(quote_id: int, kb: KnowledgeBase = Depends(reader)) -> Response:
    """A quote's address: its place in its article."""
    q = kb.quote(quote_id)
    if q is None:
        raise ProblemError(404, f"there is no quote #{quote_id} in this knowledge base")
    return RedirectResponse(f"/articles/{quote_path(q.article.id, safe='')}#{quote_path(q.local_id, safe='')}",
                            status_code=307)
