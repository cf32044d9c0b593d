"""`quotegraph serve`: the web app and HTTP API over a knowledge base, with uvicorn."""
from __future__ import annotations

import os

import typer

from ..settings import Settings
from .common import fail
from .options import Db, MaxUpload, Model


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        import ipaddress

        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: Db = None,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="Port to listen on."),
    max_upload: MaxUpload = None,
    model: Model = None,
    create: bool = typer.Option(False, "--create", help="Start an empty knowledge base when the file does not exist."),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn's log level: critical, error, warning, info, debug."),
) -> None:
    """Open the knowledge base in a browser and to other programs: pages at /, the HTTP API under /api, docs at /docs.

    Writing (POST /api/articles) is off unless the environment holds QUOTEGRAPH_TOKEN; clients then send `Authorization: Bearer <token>`. The token is read from the environment only, so it never shows in a process list.

    Examples:

      quotegraph serve --db seeds.db

      QUOTEGRAPH_TOKEN=$(python -c 'import secrets; print(secrets.token_urlsafe(32))') quotegraph serve --port 8080
    """
    import uvicorn

    from ..kb import open_kb
    from ..web import create_app

    settings = Settings.from_env(db=db, max_upload_bytes=max_upload, model=model)  # the token: environment only
    path = settings.db
    if not os.path.exists(path):
        if not create:
            fail(f"no knowledge base at {path}; build one with `quotegraph ingest PATH... --db {path}`, "
                 "or start an empty one with --create")
        open_kb(path).close()
    token = settings.token
    web_app = create_app(settings)  # a missing or unreadable store fails here, as one line
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"quotegraph: serving {path} at http://{shown}:{port}/ (API docs at /docs; "
               f"writing through the API is {'on' if token else 'off: set QUOTEGRAPH_TOKEN to allow it'})", err=True)
    if token and not _is_loopback(host):
        typer.echo("quotegraph: warning: the bearer token travels in clear over plain HTTP; put a TLS proxy in front",
                   err=True)
    try:
        uvicorn.run(web_app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)
    except OSError as e:  # the port is taken, the address is not ours, ...
        fail(f"cannot listen on {host}:{port}: {e.strerror or e}")
