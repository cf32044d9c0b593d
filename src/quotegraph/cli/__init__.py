"""The `quotegraph` command: a thin Typer shell over the library. Each command group lives in its own module
and is registered here, explicitly, in the order `quotegraph --help` lists them."""
from __future__ import annotations

import sys

import typer

from ..errors import QuotegraphError, shown
from . import datasette, evaluate, extract, ingest, kb, maintenance, serve, spark
from .common import fail
from .help import HelpCommand, short_help

app = typer.Typer(
    name="quotegraph",
    help="Who said what, about whom, when and where: attributed quotes, people, works and facts from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

COMMANDS = (
    evaluate.evaluate, extract.extract, ingest.ingest,
    kb.quotes, kb.person, kb.work, kb.show, kb.people, kb.works, kb.export, kb.merge, kb.rename, kb.split, kb.stats,
    serve.serve, spark.spark, maintenance.check, maintenance.backup, datasette.datasette_metadata,
)
for command in COMMANDS:
    app.command(cls=HelpCommand, short_help=short_help(command))(command)


def _version(value: bool) -> None:
    if value:
        from ..settings import VERSION

        typer.echo(f"quotegraph {VERSION}")
        raise typer.Exit()


def configure_logging(verbosity: int) -> None:
    """-v: what each stage reports (info); -vv: debug, with the traceback of every internal error."""
    if verbosity <= 0:
        return
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("quotegraph: %(levelname)s: %(name)s: %(message)s"))
    root = logging.getLogger("quotegraph")
    root.addHandler(handler)
    root.setLevel(logging.INFO if verbosity == 1 else logging.DEBUG)


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, show_default=False,
                                help="Log what each stage does to stderr (-v: info, -vv: debug)."),
) -> None:
    """Who said what, about whom, when and where: attributed quotes, people, works and facts from news articles.

    Start with `quotegraph extract ARTICLE.txt`; build a knowledge base with `quotegraph ingest FOLDER`.
    """
    configure_logging(verbose)


def main() -> None:
    try:
        app()
    except QuotegraphError as e:  # one line, whatever names it holds (a --db path with a newline forges none)
        typer.echo(f"quotegraph: error: {shown(str(e))}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("quotegraph: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as e:
        import sqlite3  # here, not above: `quotegraph --help` opens no store

        if not isinstance(e, sqlite3.DatabaseError):
            raise
        # the store, damaged or read-only, met in the middle of a command
        typer.echo(f"quotegraph: error: the knowledge base cannot be {_verb(e)} ({e}); "
                   f"`quotegraph check` says what is wrong with it", err=True)
        sys.exit(1)


def _verb(e: Exception) -> str:
    return "written" if "readonly" in str(e) or "read-only" in str(e) else "read"


__all__ = ["app", "main", "fail"]
