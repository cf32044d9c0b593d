"""What the API and the pages share from the app: the package folder and a store connection per request."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastapi import Request

from ..errors import StoreError
from ..kb import KnowledgeBase, open_kb
from ..settings import Settings
from .problems import ProblemError

HERE = Path(__file__).resolve().parent


def reader(request: Request) -> Iterator[KnowledgeBase]:
    """A read-only connection for one request (a FastAPI dependency)."""
    settings: Settings = request.app.state.settings
    try:
        kb = open_kb(settings.db, readonly=True)
    except StoreError as e:
        raise ProblemError(503, f"the knowledge base cannot be opened: {e}") from None
    try:
        yield kb
    finally:
        kb.close()
