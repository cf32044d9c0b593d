"""Knowledge-base commands: quotes, person, work, show, people, works, export, merge, split, stats.

Each is a thin shell over quotegraph.kb.KnowledgeBase: parse options, call one method,
print the answer for people (Rich) or as JSON (--json).
"""
from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

import typer

from ..sorts import EntitySort, Order, QuoteSort
from .common import fail
from .common import out as _out
from .common import print_json as _print_json
from .options import AsJson, Db, Limit, Offset

if TYPE_CHECKING:
    from ..kb import KnowledgeBase


def _open(db: str | None, readonly: bool = True) -> KnowledgeBase:
    from ..kb import open_kb  # here, not above: `quotegraph --help` imports no store code

    return open_kb(db, readonly=readonly)


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


# -- questions -------------------------------------------------------------------------------

def quotes(
    speaker: str = typer.Option(None, "--speaker", help="Who said it (a name, a first or last name, or #ID)."),
    about: str = typer.Option(None, "--about", help="Whom or what the quote or the sentence around it names."),
    text: str = typer.Option(None, "--text", help='Words in the quote: all must occur; "a phrase", OR, NOT, word* for a prefix.'),
    since: str = typer.Option(None, "--since", help="Published on or after (YYYY, YYYY-MM or YYYY-MM-DD)."),
    until: str = typer.Option(None, "--until", help="Published on or before (YYYY, YYYY-MM or YYYY-MM-DD)."),
    outlet: str = typer.Option(None, "--outlet", help="Outlet that published it."),
    kind: str = typer.Option(None, "--kind", help="direct, partial, indirect or nested."),
    article: str = typer.Option(None, "--article", help="Only quotes of this article (its id)."),
    sort: QuoteSort = typer.Option(QuoteSort.newest, "--sort", help="newest, oldest, or relevance (with --text)."),
    limit: Limit = 20,
    offset: Offset = 0,
    all_copies: bool = typer.Option(False, "--all-copies", help="Every article's copy, not one line per quote."),
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """Quotes with speaker, article and date, newest first: one line per quote however many articles
    carry it (--all-copies lists each article's copy).

    Examples:

      quotegraph quotes --speaker "Ashley Park" --since 2021

      quotegraph quotes --text escapism --json
    """
    with _open(db) as kb:
        page = kb.quotes(speaker=speaker, about=about, text=text, since=since, until=until, outlet=outlet, kind=kind,
                         article=article, sort=sort.value, limit=limit, offset=offset, all_copies=all_copies)
    if as_json:
        _print_json({"quotes": [q.to_dict() for q in page.items], "limit": page.limit, "offset": page.offset,
                     "has_more": page.has_more})
        return
    from .kb_render import print_quotes

    out = _out()
    print_quotes(out, page.items)
    if not page.items:
        out.print("[dim]no quotes match")
    elif page.has_more:
        out.print(f"[dim]{page.offset + 1}–{page.offset + len(page.items)}; more with --offset {page.offset + page.limit}")


def _record(kind: str, key: str, limit: int, offset: int, as_json: bool, db: str | None) -> None:
    """`person` and `work`: one record by name or #ID, as JSON or for people."""
    from ..kb.models import PersonRecord
    from .kb_render import print_person, print_work

    with _open(db) as kb:
        rec = kb.person(key, limit=limit, offset=offset) if kind == "person" else kb.work(key, limit=limit, offset=offset)
    if rec is None:
        listing = "people" if kind == "person" else "works"
        fail(f"no {kind} called {key!r} in the knowledge base (list them with `quotegraph {listing}`)")
    if as_json:
        _print_json(rec.to_dict())
    elif isinstance(rec, PersonRecord):
        print_person(_out(), rec)
    else:
        print_work(_out(), rec)


def person(
    name: str = typer.Argument(..., help="A name (full, first or last) or #ID."),
    limit: Limit = 100,
    offset: Offset = 0,
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """A person: aliases, roles (character, work), works, quotes over time, outlets, people they talk about."""
    _record("person", name, limit, offset, as_json, db)


def work(
    title: str = typer.Argument(..., help="A title or #ID."),
    limit: Limit = 50,
    offset: Offset = 0,
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """A work: kind, creators, network or platform, cast with characters, quotes about it."""
    _record("work", title, limit, offset, as_json, db)


def show(
    quote_id: int = typer.Argument(..., metavar="QUOTE_ID", help="A quote's id (as `quotes` lists it)."),
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """A quote in its paragraph, with the speaker mention and cue marked, and its article's metadata."""
    with _open(db) as kb:
        detail = kb.show(quote_id)
    if detail is None:
        fail(f"no quote #{quote_id} in the knowledge base")
    if as_json:
        _print_json(detail.to_dict())
        return
    from .kb_render import print_show

    print_show(_out(), detail)


def _listing(kind: str, db, sort: EntitySort, order: Order, limit: int, offset: int, query: str | None, as_json: bool):
    with _open(db) as kb:
        method = {"people": kb.people, "works": kb.works, "characters": kb.characters}[kind]
        page = method(sort=sort.value, order=order.value, limit=limit, offset=offset, query=query)
    if as_json:
        _print_json({kind: [s.to_dict() for s in page.items], "total": page.total, "limit": page.limit,
                     "offset": page.offset, "has_more": page.has_more})
        return
    from .kb_render import print_listing

    print_listing(_out(), kind, page)


def people(
    sort: EntitySort = typer.Option(EntitySort.quotes, "--sort", help="quotes (said), about, articles or name."),
    order: Order = typer.Option(Order.desc, "--order"),
    query: str = typer.Option(None, "--name", help="Only names containing this."),
    limit: Limit = 50,
    offset: Offset = 0,
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """People in the knowledge base with how often they are quoted, quoted about and mentioned."""
    _listing("people", db, sort, order, limit, offset, query, as_json)


def works(
    sort: EntitySort = typer.Option(EntitySort.articles, "--sort", help="articles, about (quotes about it), quotes or name."),
    order: Order = typer.Option(Order.desc, "--order"),
    query: str = typer.Option(None, "--name", help="Only titles containing this."),
    limit: Limit = 50,
    offset: Offset = 0,
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """Works (shows, films, books, ...) in the knowledge base with their counts."""
    _listing("works", db, sort, order, limit, offset, query, as_json)


def export(
    format: ExportFormat = typer.Option(ExportFormat.parquet, "--format", "-f", help="jsonl, csv or parquet."),
    out: str = typer.Option("quotegraph-export", "--out", "-o", help="Folder to write the tables to."),
    db: Db = None,
) -> None:
    """Write articles, quotes, entities, relations (and kb_entities) as tables pandas, polars and DuckDB read.

    The columns are those of the Spark job's tables plus the knowledge base's ids; a Parquet
    export can be ingested again.
    """
    with _open(db) as kb:
        paths = kb.export(out, format.value)
    for name, path in paths.items():
        typer.echo(f"{name}\t{path}")


def merge(
    keep: str = typer.Argument(..., help="The record to keep (name or #ID)."),
    absorb: str = typer.Argument(..., help="The record that is the same one (name or #ID)."),
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """Make two records one (a person under two names, say). The fix is kept: later ingests respect it."""
    with _open(db, readonly=False) as kb:
        result = kb.merge(keep, absorb)
        kept = kb.entity(result.entity)
    if as_json:
        _print_json(result.to_dict())
    else:
        typer.echo(f"merged #{result.other} into #{result.entity} {kept.name if kept else ''} "
                   f"({result.moved} article mentions moved)")


def rename(
    record: str = typer.Argument(..., help="The record (name or #ID)."),
    name: str = typer.Argument(..., help="Its name from now on."),
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """Give a record the name you choose. The fix is kept: later ingests respect it."""
    with _open(db, readonly=False) as kb:
        result = kb.rename(record, name)
    if as_json:
        _print_json(result.to_dict())
    else:
        typer.echo(f"#{result.entity} is now called {' '.join(name.split())}")


def split(
    entity: str = typer.Argument(..., help="The record to split (name or #ID)."),
    merged: str = typer.Argument(None, help="Undo a merge: the record that was merged into ENTITY (name or #ID)."),
    names: list[str] = typer.Option(None, "--name", help="Take the mentions under this name into a record of their own "
                                                         "(repeatable); the name no longer resolves to ENTITY."),
    articles: list[str] = typer.Option(None, "--article", help="Take ENTITY's mentions in this article (its id) into a "
                                                               "record of their own (repeatable)."),
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """Fix a wrong merge: undo `merge ENTITY MERGED`, or split off mentions by --name or --article. The fix is kept.

    Examples:

      quotegraph split "Ashley Park" --name Ashley          # the lone "Ashley"s were someone else

      quotegraph split "#12" --article 5510e7960be4aebb      # in that article it was another person

      quotegraph split "Ashley Park" "#40"                   # undo merging #40 into Ashley Park
    """
    if merged is None and not names and not articles:
        fail("say what to split: a merged record, --name NAME or --article ID")
    with _open(db, readonly=False) as kb:
        result = kb.split(entity, names=names or None, articles=articles or None, merged=merged)
        new = kb.entity(result.other)
    if as_json:
        _print_json(result.to_dict())
    else:
        typer.echo(f"split #{result.other} {new.name if new else ''} from #{result.entity} "
                   f"({result.moved} article mentions moved)")


def stats(as_json: AsJson = False, db: Db = None) -> None:
    """How much the knowledge base holds."""
    with _open(db) as kb:
        s = kb.stats()
    if as_json:
        _print_json(s.to_dict())
    else:
        from .kb_render import print_stats

        print_stats(_out(), s)

