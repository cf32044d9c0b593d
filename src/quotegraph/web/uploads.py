"""Reading an article sent to POST /api/articles, and the bearer-token check that guards it.

An article arrives as a raw body (text/plain or text/html, `?url=` optional), as a form upload
(multipart/form-data with a `file`, or a `text` or `html` field, and an optional `url`), or as
JSON ({"html": ..., "url": ...} or {"text": ...}). The URL is only recorded as the article's
address: the server never fetches it, and nothing a client sends names a file on the server.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import re
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.security import HTTPAuthorizationCredentials
from starlette.datastructures import UploadFile

from ..readers import RawDocument
from .problems import ProblemError

MAX_URL = 2048
TEXT_TYPES = {"text/plain": "text/plain", "text/html": "text/html", "application/xhtml+xml": "text/html"}
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
EXTENSIONS = {".txt": "text/plain", ".text": "text/plain", ".html": "text/html", ".htm": "text/html",
              ".xhtml": "text/html"}
ACCEPTED = ("text/plain, text/html, a form (multipart/form-data with a `file`, or a `text` or `html` field) "
            "or application/json")
TURN_ON = ("writing through the API is off on this server: start it with QUOTEGRAPH_TOKEN set to a long random "
           "secret (for example QUOTEGRAPH_TOKEN=$(python -c 'import secrets; print(secrets.token_urlsafe(32))') "
           "quotegraph serve) and send the header `Authorization: Bearer <that secret>`")
_FILENAME_SAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def check_token(credentials: HTTPAuthorizationCredentials | None, request: Request, token: str | None) -> None:
    """Allow a write only with the configured bearer token, compared in constant time."""
    if not token:
        raise ProblemError(403, TURN_ON)
    challenge = 'Bearer realm="quotegraph"'
    if credentials is None:
        has_header = bool(request.headers.get("authorization"))
        raise ProblemError(401, "this request needs `Authorization: Bearer <token>` with the server's QUOTEGRAPH_TOKEN"
                           + (" (the header given is not a bearer token)" if has_header else ""),
                           headers={"WWW-Authenticate": challenge})
    given = credentials.credentials.strip().encode("utf-8", "surrogatepass")
    if not hmac.compare_digest(given, token.encode("utf-8", "surrogatepass")):
        raise ProblemError(401, "the bearer token is not this server's QUOTEGRAPH_TOKEN",
                           headers={"WWW-Authenticate": f'{challenge}, error="invalid_token"'})


def media_type_of(request: Request) -> str:
    return (request.headers.get("content-type") or "").split(";", 1)[0].strip().lower()


def checked_url(url: str | None) -> str | None:
    """An absolute http(s) address to record with the article, or None; anything else is a 422."""
    if url is None or not url.strip():
        return None
    url = url.strip()
    parts = urlsplit(url)
    if (len(url) > MAX_URL or parts.scheme not in ("http", "https") or not parts.netloc
            or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url)):
        raise ProblemError(422, f"url must be an absolute http or https address of at most {MAX_URL} characters "
                                "(it is recorded as the article's address, never fetched)")
    return url


async def read_upload(request: Request) -> RawDocument:
    """The article in this request as a RawDocument; 415 for a content type we do not read, 400/422 for bad content."""
    mtype = media_type_of(request)
    url = request.query_params.get("url")
    filename = None
    if mtype in TEXT_TYPES:
        data = await request.body()
        media = TEXT_TYPES[mtype]
    elif mtype in FORM_TYPES:
        data, media, url, filename = await _read_form(request, url)
    elif mtype == "application/json":
        data, media, url = _read_json(await request.body(), url)
    else:
        raise ProblemError(415, f"cannot read an article sent as {mtype or 'a body without Content-Type'}; "
                                f"send {ACCEPTED}", accepted=[*TEXT_TYPES, *FORM_TYPES, "application/json"])
    url = checked_url(url)
    if not data.strip():
        raise ProblemError(400, "the article is empty")
    digest = hashlib.sha256(data).hexdigest()[:16]
    source = url or (f"upload:{digest}" + (f":{filename}" if filename else ""))
    return RawDocument(source=source, data=data, media_type=media, url=url)


async def _read_form(request: Request, url: str | None) -> tuple[bytes, str, str | None, str | None]:
    try:
        form = await request.form(max_files=1, max_fields=8)
    except ProblemError:
        raise
    except Exception as e:  # multipart syntax errors, too many parts
        raise ProblemError(400, f"cannot read the form upload: {e}") from None
    url = _form_text(form.get("url")) or url
    file = form.get("file")
    if isinstance(file, UploadFile):
        filename = _FILENAME_SAFE.sub("_", (file.filename or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1])[:100] or None
        ctype = (file.content_type or "").split(";", 1)[0].strip().lower()
        media = TEXT_TYPES.get(ctype)
        if media is None:
            ext = ("." + filename.rsplit(".", 1)[-1].lower()) if filename and "." in filename else ""
            media = EXTENSIONS.get(ext) if ctype in ("", "application/octet-stream") else None
        if media is None:
            raise ProblemError(415, f"the uploaded file is {ctype or 'of no stated type'}; upload a text or HTML "
                                    "article (text/plain or text/html, or a .txt/.html file)")
        return await file.read(), media, url, filename
    for field, media in (("html", "text/html"), ("text", "text/plain")):
        value = _form_text(form.get(field))
        if value is not None:
            return value.encode("utf-8", "replace"), media, url, None
    raise ProblemError(422, "the form has no article: send it as a `file`, or as a `text` or `html` field")


def _form_text(value) -> str | None:
    return value if isinstance(value, str) else None


def _read_json(body: bytes, url: str | None) -> tuple[bytes, str, str | None]:
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError) as e:
        raise ProblemError(400, f"the body is not valid JSON ({e})") from None
    except RecursionError:
        raise ProblemError(400, "the body is JSON nested too deeply to read; send a flat object") from None
    if not isinstance(doc, dict):
        raise ProblemError(422, 'send a JSON object: {"html": "...", "url": "..."} or {"text": "..."}')
    for field, media in (("html", "text/html"), ("text", "text/plain")):
        if field in doc:
            value = doc[field]
            if not isinstance(value, str):
                raise ProblemError(422, f"`{field}` must be a string")
            u = doc.get("url", url)
            if u is not None and not isinstance(u, str):
                raise ProblemError(422, "`url` must be a string")
            return value.encode("utf-8", "replace"), media, u
    raise ProblemError(422, 'the JSON object has no article: give "html" (and "url") or "text"')
