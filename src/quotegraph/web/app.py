"""The FastAPI application: the HTTP API under /api, the pages, their security headers and error shapes.

`create_app(Settings(db=...))` builds one app over one store file. Each request opens its
own read-only connection (SQLite in WAL mode lets readers go on while an ingest writes), so
nothing is shared between threads but the settings and the write lock.
"""
from __future__ import annotations

import logging
import sqlite3
import threading

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import StoreError
from ..kb import open_kb
from ..settings import VERSION, Settings
from . import api, pages, takeaway
from .deps import HERE
from .problems import ProblemError, problem_response

log = logging.getLogger(__name__)

# Pages load nothing from elsewhere and run no inline script; /docs (Swagger UI) needs inline styles and data: images.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'")


def wants_problem_json(request_path: str) -> bool:
    """API paths answer errors with problem details; pages answer with an HTML page."""
    return request_path.startswith("/api/") or request_path == "/api" or request_path == "/openapi.json"


class SecurityHeaders:
    """Content-Security-Policy, nosniff, no framing and a same-origin referrer on every response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = DOCS_CSP if scope["path"] == "/docs" or scope["path"].startswith("/docs/") else PAGE_CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                for name, value in ((b"content-security-policy", csp), (b"x-content-type-options", "nosniff"),
                                    (b"x-frame-options", "DENY"), (b"referrer-policy", "same-origin")):
                    if name not in names:
                        headers.append((name, value.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """HEAD on any address answers what GET would, headers only (FastAPI routes list GET alone)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def allowed_methods(request: Request) -> str:
    """Every method some route answers at this address (a 405's Allow header), HEAD wherever GET is."""
    routes = [r for r in request.app.router.routes if not isinstance(r, Mount)]  # mounts answer any method
    methods = {m for m in ("GET", "POST", "PUT", "PATCH", "DELETE")
               if any(r.matches({**request.scope, "method": m})[0] == Match.FULL for r in routes)}
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods))


class BodyTooLarge(ProblemError):
    def __init__(self, limit: int):
        super().__init__(413, f"the request body is larger than this server accepts ({limit:,} bytes); send a smaller "
                              f"article or start the server with a larger --max-upload", limit=limit)


class BodyLimit:
    """Refuse request bodies over the cap: at once from Content-Length, or as soon as a streamed body passes it."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0 or declared > self.limit:
                    detail = (BodyTooLarge(self.limit).detail if declared > self.limit
                              else "the Content-Length header is not a number of bytes")
                    if declared > self.limit:
                        response = problem_response(413, detail, scope["path"], limit=self.limit)
                    else:
                        response = problem_response(400, detail, scope["path"])
                    await response(scope, receive, send)
                    return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        await self.app(scope, limited_receive, send)


def create_app(settings: Settings) -> FastAPI:
    """The web app and HTTP API over the store `settings.db` (which must exist; see `quotegraph serve --create`)."""
    # fail now, with the store's own message, rather than on the first request
    open_kb(settings.db, readonly=True).close()
    app = FastAPI(
        title="quotegraph",
        version=VERSION,
        summary="Who said what, about whom, when and where: attributed quotes from news articles, with sources.",
        description=API_DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        openapi_tags=[{"name": "quotes"}, {"name": "people"}, {"name": "works"}, {"name": "articles"}],
    )
    app.state.settings = settings
    app.state.write_lock = threading.Lock()
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    _add_error_handlers(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _mount_docs(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(takeaway.router)
    return app


def app_from_env() -> FastAPI:
    """For `uvicorn --factory quotegraph.web:app_from_env`: settings from the environment."""
    return create_app(Settings.from_env())


API_DESCRIPTION = """\
Read the knowledge base: quotes with their speaker, cue, article and date; people with their roles, \
timeline and outlets; works with their creators, network and cast; articles with every quote's offsets.

Lists are paginated with `limit` and `offset`; each answer says `total` and `has_more`, and `next` \
is the address of the following page. Errors are problem details (RFC 9457, `application/problem+json`).

`POST /api/articles` adds an article. It needs `Authorization: Bearer <token>` where the token is the \
server's `QUOTEGRAPH_TOKEN`; a server started without one does not accept writes.
"""


def _add_error_handlers(app: FastAPI) -> None:
    error_page = pages.error_page

    def respond(request: Request, status: int, detail: str, headers: dict[str, str] | None = None,
                **extra) -> Response:
        if wants_problem_json(request.url.path):
            return problem_response(status, detail, request.url.path, headers=headers, **extra)
        return error_page(request, status, detail, headers=headers)

    @app.exception_handler(ProblemError)
    async def on_problem(request: Request, exc: ProblemError) -> Response:
        return respond(request, exc.status, exc.detail, exc.headers, **exc.extra)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else None
        if exc.status_code == 404 and (detail is None or detail == "Not Found"):
            detail = f"nothing here at {request.url.path}; the API is described at /docs and /openapi.json"
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request) or headers.get("Allow", "")
            detail = f"{request.method} is not allowed on {request.url.path} (allowed: {headers['Allow']})"
        return respond(request, exc.status_code, detail or "", headers)

    @app.exception_handler(sqlite3.DatabaseError)
    @app.exception_handler(StoreError)
    async def on_store(request: Request, exc: Exception) -> Response:
        """A store that is damaged or cannot be read is the server's trouble, not the request's: 503."""
        log.error("%s %s: the knowledge base cannot be read: %s", request.method, request.url.path, exc)
        return respond(request, 503, f"the knowledge base cannot be read ({exc}); `quotegraph check` says what is "
                                     f"wrong with it", {"Retry-After": "60"})

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()]
        where = "; ".join(f"{'.'.join(e['loc'][1:]) or e['loc'][0] if e['loc'] else 'request'}: {e['msg']}"
                          for e in errors)
        if wants_problem_json(request.url.path):
            return problem_response(422, f"invalid request: {where}", request.url.path, errors=errors)
        return error_page(request, 400, f"this address has a value quotegraph cannot read ({where})")

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> Response:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        detail = "quotegraph failed on this request; the server log has the details"
        if wants_problem_json(request.url.path):
            return problem_response(500, detail, request.url.path)
        return error_page(request, 500, detail)


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the swagger-ui-bundle-v2 package (no CDN); without it, /docs says how to get it."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        swagger_ui_path = None
    if swagger_ui_path is not None:
        app.mount("/docs/assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> Response:
        return pages.templates().TemplateResponse(request, "docs.html", {"bundled": swagger_ui_path is not None})


__all__ = ["create_app", "app_from_env"]
