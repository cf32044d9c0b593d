"""POST /api/articles: the bearer token (off, missing, wrong, right), the ways an article arrives, size and type limits."""
from __future__ import annotations

import pytest

TOKEN = "test-token-5b1f0e7c2d"  # the `writer` fixture's token (tests/web/conftest.py)

PROBLEM = "application/problem+json"
ARTICLE = """Rain stops play at the village fete

By Jane Smith

Organisers of the village fete called off the cake contest on Saturday. "We have never seen rain like it," said Margaret Holt, who has run the fete for twenty years.

Holt said the contest would take place next weekend instead.
"""
HTML = """<!doctype html><html><head><title>Harbour reopens after storm</title></head><body><article>
<h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Monday after a week of repairs. "Every boat is back on its mooring," said harbour master Tom Reyes.</p>
<p>Fishermen said they were glad to be working again.</p></article></body></html>"""


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def post_text(c, body: str = ARTICLE, headers: dict | None = None, **kw):
    return c.post("/api/articles", content=body.encode(), headers={"Content-Type": "text/plain", **(headers or {})}, **kw)


def problem(r, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    return r.json()


# -- the token ------------------------------------------------------------------------------------

def test_writing_is_off_without_a_configured_token(client):
    body = problem(post_text(client, headers=auth()), 403)
    assert "QUOTEGRAPH_TOKEN" in body["detail"] and "Authorization: Bearer" in body["detail"]


def test_missing_token_is_401_with_a_challenge(writer):
    r = post_text(writer)
    assert "Bearer" in problem(r, 401)["detail"]
    assert r.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header", [f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", "Bearer ", f"Basic {TOKEN}", TOKEN,
                                    f"Bearer {TOKEN.upper()}"])
def test_wrong_token_is_401(writer, header):
    r = post_text(writer, headers={"Authorization": header})
    problem(r, 401)
    assert "Bearer" in r.headers["www-authenticate"]


def test_token_is_compared_in_constant_time(writer, monkeypatch):
    import hmac

    from quotegraph.web import uploads

    calls, compare = [], hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return compare(a, b)

    monkeypatch.setattr(uploads.hmac, "compare_digest", spy)
    problem(post_text(writer, headers=auth("nope")), 401)
    assert calls == [(b"nope", TOKEN.encode())]


def test_no_write_happens_without_the_token(writer):
    before = writer.get("/api/stats").json()["articles"]
    post_text(writer, headers=auth("wrong"))
    assert writer.get("/api/stats").json()["articles"] == before


# -- adding articles (these run the extraction engine) ----------------------------------------------

def test_right_token_adds_a_text_article(writer, nlp):
    r = post_text(writer, headers=auth())
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "new" and body["quotes"] >= 1
    assert r.headers["location"] == f"/api/articles/{body['article']}" == body["links"]["api"]
    art = writer.get(r.headers["location"]).json()
    assert art["title"] == "Rain stops play at the village fete"
    assert any("never seen rain like it" in q["text"] for q in art["quotes"])
    assert writer.get(body["links"]["page"]).status_code == 200
    again = post_text(writer, headers=auth())
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    assert again.json()["article"] == body["article"]


def test_html_with_its_url_as_json(writer, nlp):
    r = writer.post("/api/articles", json={"html": HTML, "url": "https://news.example/harbour"}, headers=auth())
    assert r.status_code == 201, r.text
    art = writer.get(r.json()["links"]["api"]).json()
    assert art["url"] == "https://news.example/harbour" and art["media_type"] == "text/html"
    assert any("Every boat is back" in q["text"] for q in art["quotes"])


def test_html_body_with_url_query_and_a_file_upload(writer, nlp):
    r = writer.post("/api/articles", params={"url": "https://news.example/harbour-2"}, content=HTML.encode(),
                    headers={"Content-Type": "text/html; charset=utf-8", **auth()})
    assert r.status_code == 201, r.text
    assert writer.get(r.json()["links"]["api"]).json()["url"] == "https://news.example/harbour-2"
    r = writer.post("/api/articles", files={"file": ("fete.txt", ARTICLE.encode(), "text/plain")}, headers=auth())
    assert r.status_code == 201, r.text
    assert writer.get(r.json()["links"]["api"]).json()["source"].endswith(":fete.txt")


def test_form_fields_url_and_html(writer, nlp):
    r = writer.post("/api/articles", data={"html": HTML, "url": "https://news.example/harbour-3"}, headers=auth())
    assert r.status_code == 201, r.text
    assert writer.get(r.json()["links"]["api"]).json()["url"] == "https://news.example/harbour-3"


def test_a_file_named_like_a_server_path_is_only_a_label(writer, nlp):
    r = writer.post("/api/articles", files={"file": ("../../etc/passwd.txt", ARTICLE.encode(), "text/plain")},
                    headers=auth())
    assert r.status_code == 201, r.text
    art = writer.get(r.json()["links"]["api"]).json()
    assert "root:" not in art["text"] and art["source"].endswith(":passwd.txt") and "/" not in art["source"]


# -- limits and bad requests --------------------------------------------------------------------------

def test_too_large_by_content_length_is_413(fresh_store, make_client):
    c = make_client(fresh_store, token=TOKEN, max_upload_bytes=200)
    body = problem(post_text(c, "x" * 201, headers=auth()), 413)
    assert body["limit"] == 200 and "--max-upload" in body["detail"]


def test_too_large_streamed_without_content_length_is_413(fresh_store, make_client):
    c = make_client(fresh_store, token=TOKEN, max_upload_bytes=200)

    def chunks():
        for _ in range(10):
            yield b"y" * 50

    r = c.post("/api/articles", content=chunks(), headers={"Content-Type": "text/plain", **auth()})
    assert "content-length" not in {k.lower() for k in r.request.headers}
    problem(r, 413)
    assert c.get("/api/stats").json()["articles"] == 2


def test_too_large_multipart_is_413(fresh_store, make_client):
    c = make_client(fresh_store, token=TOKEN, max_upload_bytes=300)
    problem(c.post("/api/articles", files={"file": ("big.txt", b"z" * 1000, "text/plain")}, headers=auth()), 413)


@pytest.mark.parametrize("ctype", ["application/pdf", "image/png", "application/octet-stream", ""])
def test_unsupported_content_types_are_415(writer, ctype):
    headers = {**auth(), "Content-Type": ctype} if ctype else auth()
    body = problem(writer.post("/api/articles", content=b"%PDF-1.4 something", headers=headers), 415)
    assert "text/plain" in body["detail"]


def test_uploaded_file_of_another_type_is_415(writer):
    problem(writer.post("/api/articles", files={"file": ("photo.png", b"\x89PNG\r\n", "image/png")}, headers=auth()), 415)
    problem(writer.post("/api/articles", files={"file": ("blob.bin", b"\x00\x01", "application/octet-stream")},
                        headers=auth()), 415)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/a", "javascript:alert(1)", "/local/path",
                                 "http://", "https://exa mple.com/", "https://example.com/" + "a" * 3000])
def test_urls_that_are_not_web_addresses_are_422(writer, url):
    body = problem(writer.post("/api/articles", json={"html": HTML, "url": url}, headers=auth()), 422)
    assert "never fetched" in body["detail"]


@pytest.mark.parametrize("payload", [{"body": "text"}, {"html": 42}, {"text": ["a"]}, {"text": "a", "url": 5}])
def test_json_without_an_article_is_422(writer, payload):
    problem(writer.post("/api/articles", json=payload, headers=auth()), 422)


def test_json_that_is_not_an_object_or_not_json(writer):
    problem(writer.post("/api/articles", json=["a"], headers=auth()), 422)
    problem(writer.post("/api/articles", content=b"{not json", headers={"Content-Type": "application/json", **auth()}),
            400)


def test_form_without_an_article_is_422(writer):
    problem(writer.post("/api/articles", data={"url": "https://example.com/a"}, headers=auth()), 422)


def test_empty_article_is_400(writer):
    problem(post_text(writer, "   \n\n  ", headers=auth()), 400)


def test_binary_content_as_text_is_422(writer, nlp):
    body = problem(writer.post("/api/articles", content=bytes(range(256)) * 4,
                               headers={"Content-Type": "text/plain", **auth()}), 422)
    assert body["detail"].startswith("cannot read this article")
