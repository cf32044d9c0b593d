"""The web app and HTTP API over a knowledge base: `quotegraph serve`, or `create_app(Settings(db=...))`.

    from quotegraph.settings import Settings
    from quotegraph.web import create_app
    app = create_app(Settings(db="quotegraph.db", token=None))   # read-only: writing through the API is off

Deployments can also run `uvicorn --factory quotegraph.web:app_from_env` with QUOTEGRAPH_DB
(and QUOTEGRAPH_TOKEN to allow POST /api/articles) in the environment.
"""
from __future__ import annotations

from .app import app_from_env, create_app

__all__ = ["create_app", "app_from_env"]
