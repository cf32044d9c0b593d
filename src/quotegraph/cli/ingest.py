"""`quotegraph ingest`: files, folders, globs and tables into the knowledge base (a shell over quotegraph.ingest)."""
from __future__ import annotations

import time

import typer

from ..settings import Settings, default
from .common import out as console
from .common import print_json
from .options import Db, MaxBytes, MaxChars, Model, TimeLimit


def ingest(
    paths: list[str] = typer.Argument(..., metavar="PATH...",
                                      help="Files, folders (read recursively) and globs: .txt, .html/.htm, .warc/.warc.gz, "
                                           "RSS/Atom feeds, .jsonl, or a folder of Parquet tables from `export`/Spark."),
    db: Db = None,
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes that extract articles (each loads the "
                                                              "spaCy pipeline once); the store is written by this one."),
    model: Model = None,
    force: bool = typer.Option(False, "--force", help="Extract and store again even what is unchanged."),
    max_bytes: MaxBytes = default("max_bytes"),
    max_chars: MaxChars = default("max_chars"),
    time_limit: TimeLimit = default("time_limit"),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    language: str = typer.Option(None, "--language", metavar="CODE",
                                 help="What the input is written in (en, ...): read every article as that, instead "
                                      "of detecting each one's language and skipping those the model cannot read."),
) -> None:
    """Read articles into the knowledge base: extract quotes, people, works and facts, and resolve them across articles.

    Ingesting the same content again changes nothing; a changed article replaces its old version.
    Exit status 1 if any input could not be read or extracted, or was skipped as no article (a feed item
    holding only a teaser); each is reported on one line.

    Examples:

      quotegraph ingest ../shared/data/seeds

      quotegraph ingest --jobs 2 'crawl/*.warc.gz' feeds/ extra.jsonl
    """
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from ..ingest import ingest as ingest_paths
    from ..kb import open_kb

    from rich.console import Console
    from rich.markup import escape

    err = Console(stderr=True, highlight=False)
    settings = Settings.from_env(only=("db", "model"), db=db, model=model, max_bytes=max_bytes, max_chars=max_chars,
                                 time_limit=time_limit)
    kb = open_kb(settings.db, readonly=False)
    counts = {"done": 0, "failed": 0}
    progress = Progress(SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(bar_width=None, pulse_style="cyan"),
                        TextColumn("{task.completed:,.0f} articles"), TextColumn("[cyan]{task.fields[rate]:.1f} articles/s"),
                        TextColumn("[red]{task.fields[failed]} failed"), TimeElapsedColumn(),
                        console=err, transient=True, disable=quiet or not err.is_terminal,
                        auto_refresh=False)  # no refresh thread: worker processes fork from a single thread
    started = time.perf_counter()

    last_refresh = [0.0]

    def on_event(event) -> None:
        counts["done"] += 1
        if event.status == "failed":
            counts["failed"] += 1
            progress.console.print(f"quotegraph: error: {escape(event.message or event.source)}", soft_wrap=True)
        elif event.status == "skipped":
            progress.console.print(f"quotegraph: skipped: {escape(event.message or event.source)}", soft_wrap=True)
        now = time.perf_counter()
        elapsed = max(now - started, 1e-6)
        progress.update(task, completed=counts["done"], rate=counts["done"] / elapsed, failed=counts["failed"])
        if now - last_refresh[0] > 0.1:
            last_refresh[0] = now
            progress.refresh()

    with progress:
        task = progress.add_task("ingest", total=None, rate=0.0, failed=0)
        try:
            summary = ingest_paths(kb, paths, jobs=jobs, settings=settings, on_event=on_event, force=force,
                                   language=language)
        finally:
            kb.close()
    if as_json:
        print_json(summary.to_dict())
    else:
        from rich.table import Table

        out = console()
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold")
        table.add_column()
        for label, value in (("articles new", summary.new), ("articles updated", summary.updated),
                             ("articles unchanged", summary.unchanged),
                             ("inputs skipped", summary.skipped), ("articles failed", summary.failed),
                             ("quotes stored", summary.quotes)):
            table.add_row(label, f"[red]{value:,}" if label == "articles failed" and value else f"{value:,}")
        table.add_row("in the store", f"{summary.total_articles:,} articles, {summary.total_quotes:,} quotes, "
                                      f"{summary.people:,} people, {summary.works:,} works")
        table.add_row("time", f"{summary.seconds:.1f} s ({summary.rate:.1f} articles/s)")
        for reason in summary.skipped_reasons[:10]:
            table.add_row("skipped", escape(reason))
        out.print(table)
    if summary.failed or summary.skipped:
        raise typer.Exit(1)
