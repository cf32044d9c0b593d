"""`quotegraph check` and `quotegraph backup`: a store verified, or copied while it is in use."""
from __future__ import annotations

import typer

from ..errors import shown
from .common import print_json
from .options import Db


def _db(db: str | None) -> str:
    from ..kb import default_path

    return db or default_path()


def check(
    db: Db = None,
    counters: bool = typer.Option(True, "--counters/--no-counters",
                                  help="Also compare every record's counts with the rows they count (slower)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Verify a knowledge base: SQLite's integrity check, rows that point at nothing, the full-text
    index against the quotes, offsets inside their article, counters.

    Safe while an ingest runs, and on a store that may not be written: it only reads, one committed
    state of the store. Exit status 1 when anything is wrong, with one line per problem.

    Examples:

      quotegraph check

      quotegraph check --db backup.db --json
    """
    from ..kb.maintenance import check_path

    path = _db(db)
    report = check_path(path, counters=counters)
    if as_json:
        print_json(report.to_dict())
    elif report.ok:
        typer.echo(f"ok: {path} ({report.articles:,} articles, {report.quotes:,} quotes; "
                   f"checked in {report.seconds:.1f} s)")
    for problem in report.problems:
        typer.echo(f"quotegraph: error: {shown(path)}: {problem}", err=True)
    if not report.ok:
        raise typer.Exit(1)


def backup(
    dest: str = typer.Argument(..., metavar="DEST", help="The new file to write the copy to."),
    db: Db = None,
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Write a consistent copy of a knowledge base to DEST, while others read it and an ingest writes.

    The copy is one committed state of the store, checked before it is put in place; DEST must
    not exist yet.

    Examples:

      quotegraph backup quotegraph-$(date +%F).db
    """
    from ..kb.maintenance import backup_path

    path = _db(db)
    report = backup_path(path, dest)
    if as_json:
        print_json(report.to_dict())
    else:
        typer.echo(f"backed up {path} to {report.dest}: {report.articles:,} articles, {report.quotes:,} quotes, "
                   f"{report.bytes / 1e6:.1f} MB in {report.seconds:.1f} s")
