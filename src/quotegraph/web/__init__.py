"""The web app and HTTP API over a knowledge base: `quotegraph serve`, or `create_app(WebSettings(db=...))`.

    from quotegraph.web import WebSettings, create_app
    app = create_app(WebSettings(db="quotegraph.db", token=None))   # read-only: writing through the API is off

Deployments can also run `uvicorn --factory quotegraph.web:app_from_env` with QUOTEGRAPH_DB
(and QUOTEGRAPH_TOKEN to allow POST /api/articles) in the environment.
"""
from __future__ import annotations

from .app import DEFAULT_MAX_UPLOAD, WebSettings, app_from_env, create_app

__all__ = ["WebSettings", "create_app", "app_from_env", "DEFAULT_MAX_UPLOAD"]
