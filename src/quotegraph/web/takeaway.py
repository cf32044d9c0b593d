"""Ways to take results away and to follow them: the articles list, CSV and JSON downloads of a search, a
person's quotes and a work's quotes, and an Atom feed of every search and person.

A search's download and feed answer with the quotes its page shows (the same words, filters and the
same reading of a box that holds a person's name), newest first; downloads hold at most MAX_ROWS quotes.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from typing import Any, Iterator
from urllib.parse import urlencode
from xml.sax.saxutils import escape as xml_escape

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from ..errors import UserInputError
from ..kb import KnowledgeBase
from ..kb.models import QuoteRecord, QuoteSort
from ..result import QUOTE_KINDS
from .deps import reader
from .citation import citation
from .pages import PAGE_SIZE, _field, _named_person, _page_number, render
from .params import checked_date
from .problems import ProblemError

MAX_ROWS = 10_000
FEED_SIZE = 50
CSV_COLUMNS = ("id", "speaker", "speaker_id", "kind", "text", "cue", "published", "outlet", "article_title",
               "article_url", "article_id", "citation")

router = APIRouter(include_in_schema=False)


# -- what a search, a person or a work holds -------------------------------------------------

def search_filters(request: Request, kb: KnowledgeBase) -> tuple[dict[str, Any], str]:
    """The kb.quotes arguments and title for the search page's address (its q, filters and order)."""
    form = {name: _field(request, name) for name in ("q", "speaker", "outlet", "since", "until", "kind", "sort")}
    if form["kind"] and form["kind"] not in QUOTE_KINDS:
        raise ProblemError(400, f"kind must be one of {', '.join(QUOTE_KINDS)}")
    args: dict[str, Any] = {k: form[k] or None for k in ("speaker", "outlet", "kind")}
    for name in ("since", "until"):
        args[name] = checked_date(form[name] or None, name)
    q = form["q"]
    sort = form["sort"] if form["sort"] in tuple(QuoteSort) else QuoteSort.newest
    if not q:
        return {**args, "sort": QuoteSort.oldest if sort == QuoteSort.oldest else QuoteSort.newest}, "Latest quotes"
    people = kb.find(q, ("person",), limit=6)
    named = _named_person(q, people) if request.query_params.get("match") != "words" else None
    if named is not None:
        return {**{k: v for k, v in args.items() if k != "speaker"}, "speaker_id": named.id}, f"Quotes by {named.name}"
    return {**args, "text": q, "sort": sort}, f"Quotes with “{q}”"


def _all_quotes(kb: KnowledgeBase, args: dict[str, Any], limit: int = MAX_ROWS) -> Iterator[QuoteRecord]:
    offset = 0
    while offset < limit:
        page = kb.quotes(**args, limit=min(1000, limit - offset), offset=offset)
        yield from page.items
        if not page.has_more:
            return
        offset += len(page.items)


def _person_args(kb: KnowledgeBase, person_id: int) -> tuple[dict[str, Any], str]:
    s = kb.entity(person_id)
    if s is None or s.type == "work":
        raise ProblemError(404, f"there is no person #{person_id} in this knowledge base")
    return {"speaker_id": s.id}, f"Quotes by {s.name}"


def _work_args(kb: KnowledgeBase, work_id: int) -> tuple[dict[str, Any], str]:
    s = kb.entity(work_id)
    if s is None or s.type != "work":
        raise ProblemError(404, f"there is no work #{work_id} in this knowledge base")
    return {"about_id": s.id}, f"Quotes about {s.name}"


# -- downloads -------------------------------------------------------------------------------

def _row(q: QuoteRecord) -> dict[str, Any]:
    return {"id": q.id, "speaker": (q.speaker.name or q.speaker.as_written) if q.speaker else None,
            "speaker_id": q.speaker.id if q.speaker else None, "kind": q.kind, "text": q.text,
            "cue": q.cue.text if q.cue else None, "published": q.published, "outlet": q.article.outlet,
            "article_title": q.article.title, "article_url": q.article.url, "article_id": q.article.id,
            "citation": citation(q)}


def download(kb: KnowledgeBase, args: dict[str, Any], fmt: str, name: str) -> Response:
    try:
        quotes = list(_all_quotes(kb, args))
    except UserInputError as e:
        raise ProblemError(400, str(e)) from None
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    if fmt == "json":
        body = json.dumps({"quotes": [_row(q) for q in quotes], "count": len(quotes)}, ensure_ascii=False, indent=1)
        return Response(body, media_type="application/json", headers=headers)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for q in quotes:
        writer.writerow(_row(q))
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


def _format(fmt: str) -> str:
    if fmt not in ("csv", "json"):
        raise ProblemError(404, "downloads are .csv or .json")
    return fmt


@router.get("/quotes.{fmt}")
def search_download(fmt: str, request: Request, kb: KnowledgeBase = Depends(reader)) -> Response:
    args, _ = search_filters(request, kb)
    return download(kb, args, _format(fmt), "quotes")


@router.get("/people/{person_id}/quotes.{fmt}")
def person_download(person_id: int, fmt: str, kb: KnowledgeBase = Depends(reader)) -> Response:
    args, _ = _person_args(kb, person_id)
    return download(kb, args, _format(fmt), f"person-{person_id}-quotes")


@router.get("/works/{work_id}/quotes.{fmt}")
def work_download(work_id: int, fmt: str, kb: KnowledgeBase = Depends(reader)) -> Response:
    args, _ = _work_args(kb, work_id)
    return download(kb, args, _format(fmt), f"work-{work_id}-quotes")


# -- feeds -----------------------------------------------------------------------------------

def _atom_time(published: str | None) -> str:
    if published and len(published) >= 10:
        return published[:10] + "T00:00:00Z"
    return "1970-01-01T00:00:00Z"


def atom_feed(request: Request, kb: KnowledgeBase, args: dict[str, Any], title: str, page_path: str) -> Response:
    try:
        quotes = kb.quotes(**{**args, "sort": QuoteSort.newest if args.get("sort") != QuoteSort.relevance
                              else QuoteSort.relevance}, limit=FEED_SIZE).items
    except UserInputError as e:
        raise ProblemError(400, str(e)) from None
    base = str(request.base_url).rstrip("/")
    self_url = str(request.url)
    updated = max((_atom_time(q.published) for q in quotes), default=datetime.now(timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%SZ"))
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"<title>{xml_escape(title)} · quotegraph</title>", f"<id>{xml_escape(self_url)}</id>",
           f'<link rel="self" href="{xml_escape(self_url, {chr(34): "&quot;"})}"/>',
           f'<link rel="alternate" type="text/html" href="{xml_escape(base + page_path, {chr(34): "&quot;"})}"/>',
           f"<updated>{updated}</updated>", "<author><name>quotegraph</name></author>"]
    for q in quotes:
        link = f"{base}/quotes/{q.id}"
        who = ((q.speaker.name or q.speaker.as_written) if q.speaker else None) or "Unknown speaker"
        out += ["<entry>", f"<title>{xml_escape(who)}: {xml_escape(q.text[:120])}</title>",
                f"<id>{xml_escape(link)}</id>", f'<link href="{xml_escape(link)}"/>',
                f"<updated>{_atom_time(q.published)}</updated>",
                f"<summary>{xml_escape(citation(q))}</summary>", "</entry>"]
    out.append("</feed>")
    return Response("\n".join(out), media_type="application/atom+xml; charset=utf-8")


@router.get("/feed.atom")
def search_feed(request: Request, kb: KnowledgeBase = Depends(reader)) -> Response:
    args, title = search_filters(request, kb)
    query = urlencode(list(request.query_params.multi_items()))
    return atom_feed(request, kb, args, title, "/" + ("?" + query if query else ""))


@router.get("/people/{person_id}/feed.atom")
def person_feed(person_id: int, request: Request, kb: KnowledgeBase = Depends(reader)) -> Response:
    args, title = _person_args(kb, person_id)
    return atom_feed(request, kb, args, title, f"/people/{person_id}")


# -- articles --------------------------------------------------------------------------------

@router.get("/articles")
def articles(request: Request, kb: KnowledgeBase = Depends(reader)) -> Response:
    """Every article in the store, newest first; ?outlet= keeps one outlet's, ?mentions=ID those naming a record."""
    page = _page_number(request.query_params.get("page"))
    outlet = _field(request, "outlet") or None
    mentions = _field(request, "mentions")
    heading = "Articles"
    if mentions:
        if not mentions.isdigit():
            raise ProblemError(400, "mentions must be a record's id")
        s = kb.entity(int(mentions))
        if s is None:
            raise ProblemError(404, f"there is no record #{mentions} in this knowledge base")
        listing = kb.q.articles_mentioning(s.id, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        heading = f"Articles that mention {s.name}"
    else:
        listing = kb.articles(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, outlet=outlet)
        if outlet:
            heading = f"Articles from {outlet}"
    return render(request, "articles.html", title=heading, heading=heading, listing=listing, page=page)
