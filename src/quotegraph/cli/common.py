"""What every command shares: the one way to report an error, and JSON and Rich output."""
from __future__ import annotations

import sys
from typing import Any, NoReturn

import typer


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit: the only way a command reports an error."""
    from ..errors import shown

    typer.echo(f"quotegraph: error: {shown(message)}", err=True)  # control characters escaped: one line always
    raise typer.Exit(code)


def print_json(obj: Any) -> None:
    import json

    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def out():
    """The console commands print to (Rich, imported when a command prints: `--help` needs none of it)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)
