"""The `quotegraph` command: a thin Typer shell over the library. Each command group lives in its own module."""
from __future__ import annotations

import sys

import typer

from ..errors import QuotegraphError

app = typer.Typer(
    name="quotegraph",
    help="Who said what, about whom, when and where: attributed quotes, people, works and facts from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"quotegraph {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Who said what, about whom, when and where: attributed quotes, people, works and facts from news articles.

    Start with `quotegraph extract ARTICLE.txt`; build a knowledge base with `quotegraph ingest FOLDER`.
    """


def fail(message: str, code: int = 1) -> None:
    """Print one line to stderr and exit: the only way a command reports an error."""
    typer.echo(f"quotegraph: error: {message}", err=True)
    raise typer.Exit(code)


def _register() -> None:
    from . import evaluate, extract  # noqa: F401  (each module adds its commands to `app`)

    for optional in ("kb", "serve", "spark", "maintenance"):
        try:
            __import__(f"{__name__}.{optional}")
        except ModuleNotFoundError as e:
            if e.name != f"{__name__}.{optional}":
                raise


def main() -> None:
    _register()
    try:
        app()
    except QuotegraphError as e:
        typer.echo(f"quotegraph: error: {e}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("quotegraph: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
