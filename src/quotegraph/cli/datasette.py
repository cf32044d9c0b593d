"""`quotegraph datasette-metadata`: the metadata.yaml that makes the store read well in Datasette."""
from __future__ import annotations

import typer

from .options import Db


def datasette_metadata(
    db: Db = None,
    out: str = typer.Option("metadata.yaml", "--out", "-o", metavar="PATH", help="The file to write."),
) -> None:
    """Write a metadata.yaml for Datasette: table descriptions, record labels and canned queries.

    Then: datasette quotegraph.db -m metadata.yaml (pip install 'quotegraph[datasette]').
    """
    from ..kb import default_path
    from ..kb.datasette import write_metadata

    path = db or default_path()
    write_metadata(path, out)
    typer.echo(f"wrote {out}; open the store with: datasette {path} -m {out}")
