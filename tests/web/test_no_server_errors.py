"""No 500s (issue 17, faults 4 and 8): numbers past SQLite's integers, JSON nested deeper than Python reads,
a damaged store, methods a route does not take, HEAD."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

TOKEN = "test-token-5b1f0e7c2d"  # the `writer` fixture's token (tests/web/conftest.py)

PROBLEM = "application/problem+json"
HUGE = 2**63  # one past SQLite's largest integer
LISTS = ["/api/quotes", "/api/people", "/api/works", "/api/articles"]


def assert_problem(response, status: int | tuple[int, ...]) -> dict:
    statuses = status if isinstance(status, tuple) else (status,)
    assert response.status_code in statuses, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == response.status_code and body["detail"]
    return body


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("offset", [HUGE, 10**30])
def test_huge_offsets_on_every_list_are_client_errors(client, path, offset):
    assert_problem(client.get(path, params={"offset": offset}), 422)


@pytest.mark.parametrize("path", ["/api/quotes/{}", "/api/people/{}", "/api/works/{}"])
def test_huge_ids_are_client_errors(client, path, ids):
    for n in (HUGE, 99999999999999999999):
        assert_problem(client.get(path.format(n)), (404, 422))
    person = ids["Ada Lovelace"]
    assert client.get(f"/api/people/{person}", params={"offset": HUGE}).status_code == 422


@pytest.mark.parametrize("path", ["/quotes/{}", "/people/{}", "/works/{}"])
def test_huge_ids_on_pages_are_not_found(client, path):
    for n in (HUGE, 99999999999999999999):
        r = client.get(path.format(n), follow_redirects=False)
        assert r.status_code == 404 and "text/html" in r.headers["content-type"]


def test_pages_with_a_huge_page_number_are_client_errors(client, ids):
    for path in ("/", f"/people/{ids['Ada Lovelace']}", "/people"):
        assert client.get(path, params={"page": HUGE, "q": "engine"}).status_code == 400


def test_json_nested_1000_deep_is_a_client_error(fresh_store, make_client):
    c = make_client(fresh_store, token=TOKEN)
    for body in ("[" * 1000 + "]" * 1000, '{"a":' * 1000 + "1" + "}" * 1000, "[" * 100_000):
        r = c.post("/api/articles", content=body.encode(), headers={"Content-Type": "application/json",
                                                                      "Authorization": f"Bearer {TOKEN}"})
        assert_problem(r, (400, 422))


def damage_pages(path: str, *tables: str) -> None:
    """Overwrite the root pages of `tables` with noise: the store opens, and reading those tables fails."""
    conn = sqlite3.connect(path)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    roots = [conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0] for t in tables]
    conn.close()
    assert not Path(f"{path}-wal").exists()
    with open(path, "r+b") as f:
        for root in roots:
            f.seek((root - 1) * page)
            f.write(b"\x55" * page)


def test_a_damaged_store_answers_503_with_a_problem_document(fresh_store, make_client):
    c = make_client(fresh_store)
    assert c.get("/api/stats").status_code == 200
    damage_pages(fresh_store, "articles", "quotes", "entities")
    for path in ("/api/stats", "/api/quotes", "/api/people", "/api/articles"):
        body = assert_problem(c.get(path), 503)
        assert "cannot be read" in body["detail"] and "malformed" in body["detail"]
    for path in ("/", "/people", "/works"):
        r = c.get(path, params={"q": "engine"} if path == "/" else None)
        assert r.status_code == 503 and "text/html" in r.headers["content-type"] and "cannot be read" in r.text


def test_405_lists_every_method_the_address_takes(client):
    r = client.put("/api/articles")
    assert_problem(r, 405)
    assert {m.strip() for m in r.headers["allow"].split(",")} >= {"GET", "POST"}
    r = client.delete("/api/quotes")
    assert r.status_code == 405 and "GET" in r.headers["allow"] and "POST" not in r.headers["allow"]


def test_head_is_answered_wherever_get_is(client, ids):
    for path in ("/", "/people", "/works", f"/people/{ids['Ada Lovelace']}", "/api/quotes", "/api/stats",
                 "/openapi.json", "/static/docs.js"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"], path
    assert client.head("/nothing-here").status_code == 404


def test_the_problem_document_is_json_even_for_a_damaged_store(fresh_store, make_client):
    c = make_client(fresh_store)
    damage_pages(fresh_store, "articles")
    json.dumps(c.get("/api/articles").json())  # a document, not an HTML page or a bare string
