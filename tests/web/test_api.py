"""The read API: every endpoint, every filter of /api/quotes, pagination, problem details, SQL-injection strings."""
from __future__ import annotations

import pytest

from quotegraph.kb import open_kb

PROBLEM = "application/problem+json"


def texts(response) -> list[str]:
    return [q["text"] for q in response.json()["items"]]


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status and body["title"] and body["type"] == "about:blank"
    assert body["detail"]
    return body


# -- /api/quotes ------------------------------------------------------------------------------

def test_quotes_lists_all_newest_first_with_total(client):
    r = client.get("/api/quotes")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 8 and len(body["items"]) == 8 and body["has_more"] is False and body["next"] is None
    days = [q["published"] for q in body["items"]]
    assert days == sorted(days, reverse=True)
    first = body["items"][0]
    assert set(first) >= {"id", "text", "kind", "speaker", "cue", "article", "published", "start", "end", "local_id"}


def test_quotes_pagination_with_limit_offset_and_next(client):
    first = client.get("/api/quotes", params={"limit": 3}).json()
    assert len(first["items"]) == 3 and first["has_more"] and first["total"] == 8
    assert first["next"].startswith("/api/quotes?") and "offset=3" in first["next"]
    second = client.get(first["next"]).json()
    assert second["offset"] == 3 and len(second["items"]) == 3
    last = client.get("/api/quotes", params={"limit": 3, "offset": 6}).json()
    assert len(last["items"]) == 2 and not last["has_more"] and last["next"] is None
    seen = [q["id"] for page in (first, second, last) for q in page["items"]]
    assert len(seen) == len(set(seen)) == 8


def test_quotes_pagination_keeps_the_filters_in_next(client):
    body = client.get("/api/quotes", params={"speaker": "Ada Lovelace", "limit": 1}).json()
    assert "speaker=Ada+Lovelace" in body["next"]
    assert all(q["speaker"]["name"] == "Ada Lovelace" for q in client.get(body["next"]).json()["items"])


def test_quotes_by_speaker(client):
    r = client.get("/api/quotes", params={"speaker": "Charles Babbage"})
    assert sorted(texts(r)) == sorted(["It only does what we order it to perform,",
                                       "and Ada knows it: 'we order it,' she told me once.",
                                       "The Difference Engine is the finest thing on television,"])
    assert r.json()["total"] == 3


def test_quotes_by_speaker_last_name_and_id(client, ids):
    assert client.get("/api/quotes", params={"speaker": "Babbage"}).json()["total"] == 3
    assert client.get("/api/quotes", params={"speaker": f"#{ids['Ada Lovelace']}"}).json()["total"] == 4


def test_quotes_about_a_work(client):
    r = client.get("/api/quotes", params={"about": "The Difference Engine"})
    assert texts(r) == ["The Difference Engine is the finest thing on television,"]


def test_quotes_by_words(client):
    assert texts(client.get("/api/quotes", params={"text": "compose elaborate"})) == [
        "The engine might compose elaborate pieces of music,"]
    assert client.get("/api/quotes", params={"text": "compos*"}).json()["total"] == 2
    assert client.get("/api/quotes", params={"text": "zeppelin"}).json()["total"] == 0


def test_quotes_since_and_until(client):
    assert client.get("/api/quotes", params={"since": "2022"}).json()["total"] == 3
    assert client.get("/api/quotes", params={"until": "2021-12-31"}).json()["total"] == 5
    assert client.get("/api/quotes", params={"since": "2021-03", "until": "2021-03"}).json()["total"] == 5
    assert client.get("/api/quotes", params={"since": "2023-01-01"}).json()["total"] == 0


def test_quotes_by_outlet(client):
    r = client.get("/api/quotes", params={"outlet": "Evening Star"})
    assert r.json()["total"] == 3
    assert {q["article"]["outlet"] for q in r.json()["items"]} == {"Evening Star"}


def test_quotes_by_kind(client):
    assert texts(client.get("/api/quotes", params={"kind": "nested"})) == ["we order it,"]
    assert texts(client.get("/api/quotes", params={"kind": "indirect"})) == ["the machine would one day compose music"]


def test_quotes_of_one_article_and_sorted_oldest_first(client):
    articles = client.get("/api/articles").json()["items"]
    planet = next(a["id"] for a in articles if a["outlet"] == "Daily Planet")
    r = client.get("/api/quotes", params={"article": planet, "sort": "oldest"})
    assert r.json()["total"] == 5
    days = [q["published"] for q in client.get("/api/quotes", params={"sort": "oldest"}).json()["items"]]
    assert days == sorted(days)


def test_quotes_filters_combine(client):
    r = client.get("/api/quotes", params={"speaker": "Ada Lovelace", "outlet": "Daily Planet", "kind": "direct"})
    assert texts(r) == ["The engine might compose elaborate pieces of music,"]


def test_quote_speaker_cue_and_article_are_given(client):
    q = client.get("/api/quotes", params={"text": "finest television"}).json()["items"][0]
    assert q["speaker"]["name"] == "Charles Babbage" and q["speaker"]["mention"]["text"] == "Babbage"
    assert q["cue"]["text"] == "said"
    assert q["article"]["title"] == "A year of the Engine" and q["article"]["outlet"] == "Evening Star"


@pytest.mark.parametrize("value", ["yesterday", "2021-13-45", "31/02/2021", "20211"])
def test_quotes_bad_dates_are_400_problems(client, value):
    body = assert_problem(client.get("/api/quotes", params={"since": value}), 400)
    assert "YYYY" in body["detail"]
    assert_problem(client.get("/api/quotes", params={"until": value}), 400)


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1001}, {"limit": "ten"}, {"offset": -1},
                                    {"kind": "rumour"}, {"sort": "loudest"}])
def test_quotes_bad_parameters_are_422_problems(client, params):
    body = assert_problem(client.get("/api/quotes", params=params), 422)
    assert body["errors"] and any(next(iter(params)) in e["loc"] for e in body["errors"])


def test_quote_by_id_shows_it_in_its_paragraph(client):
    qid = client.get("/api/quotes", params={"kind": "nested"}).json()["items"][0]["id"]
    r = client.get(f"/api/quotes/{qid}")
    assert r.status_code == 200
    detail = r.json()
    assert detail["quote"]["text"] == "we order it,"
    assert {m["kind"] for m in detail["marks"]} == {"quote", "speaker", "cue"}
    assert "we order it," in detail["excerpt"]["text"]


def test_quote_by_id_missing_or_malformed(client):
    assert "#99999" in assert_problem(client.get("/api/quotes/99999"), 404)["detail"]
    assert_problem(client.get("/api/quotes/abc"), 422)
    assert_problem(client.get("/api/quotes/0"), 422)


# -- people and works -----------------------------------------------------------------------------

def test_people_list_sorted_by_quotes_with_total(client):
    body = client.get("/api/people").json()
    names = [p["name"] for p in body["items"]]
    assert names[:2] == ["Ada Lovelace", "Charles Babbage"] and "William Gibson" in names
    assert body["total"] == len(names)
    assert body["items"][0]["quotes"] == 4


def test_people_list_filters_sorts_and_pages(client):
    assert [p["name"] for p in client.get("/api/people", params={"name": "bbag"}).json()["items"]] == ["Charles Babbage"]
    by_name = client.get("/api/people", params={"sort": "name", "order": "asc"}).json()["items"]
    assert [p["name"] for p in by_name] == sorted(p["name"] for p in by_name)
    page = client.get("/api/people", params={"limit": 1, "offset": 1}).json()
    assert len(page["items"]) == 1 and page["items"][0]["name"] == "Charles Babbage" and page["has_more"]
    assert_problem(client.get("/api/people", params={"sort": "height"}), 422)


def test_person_by_id(client, ids):
    r = client.get(f"/api/people/{ids['Ada Lovelace']}")
    assert r.status_code == 200
    p = r.json()
    assert p["name"] == "Ada Lovelace" and p["quote_count"] == 4 and "Lovelace" in p["aliases"]
    assert [(r["character"], r["work"]) for r in p["roles"]] == [("the Countess", "The Difference Engine")]
    assert [c["label"] for c in p["timeline"]] == ["2021-03", "2022-07"]
    assert {o["label"] for o in p["outlets"]} == {"Daily Planet", "Evening Star"}
    assert len(p["quotes"]) == 4


def test_person_quotes_paginate(client, ids):
    p = client.get(f"/api/people/{ids['Ada Lovelace']}", params={"limit": 2}).json()
    assert len(p["quotes"]) == 2 and p["quotes_has_more"]
    rest = client.get(f"/api/people/{ids['Ada Lovelace']}", params={"limit": 2, "offset": 2}).json()
    assert len(rest["quotes"]) == 2 and not rest["quotes_has_more"]


def test_person_missing_or_a_work(client, ids):
    assert_problem(client.get("/api/people/424242"), 404)
    body = assert_problem(client.get(f"/api/people/{ids['The Difference Engine']}"), 404)
    assert f"/api/works/{ids['The Difference Engine']}" in body["detail"]


def test_works_list(client):
    body = client.get("/api/works").json()
    assert [w["name"] for w in body["items"]] == ["The Difference Engine"] and body["total"] == 1
    assert client.get("/api/works", params={"name": "nothing like it"}).json()["items"] == []


def test_work_by_id(client, ids):
    w = client.get(f"/api/works/{ids['The Difference Engine']}").json()
    assert w["title"] == "The Difference Engine"
    assert w["created_by"] == ["William Gibson"] and w["network"] == ["Channel Nine"]
    assert [(c["person"], c["character"]) for c in w["cast"]] == [("Ada Lovelace", "the Countess")]
    assert [q["text"] for q in w["quotes"]] == ["The Difference Engine is the finest thing on television,"]


def test_work_missing_or_a_person(client, ids):
    assert_problem(client.get("/api/works/424242"), 404)
    assert "/api/people/" in assert_problem(client.get(f"/api/works/{ids['Ada Lovelace']}"), 404)["detail"]


# -- articles -------------------------------------------------------------------------------------

def test_articles_list_and_outlet_filter(client):
    body = client.get("/api/articles").json()
    assert [a["title"] for a in body["items"]] == ["A year of the Engine", "The engine that would compose"]
    assert [a["title"] for a in client.get("/api/articles", params={"outlet": "Daily Planet"}).json()["items"]] == [
        "The engine that would compose"]


def test_article_by_id_has_text_quotes_and_offsets(client):
    key = client.get("/api/articles", params={"outlet": "Daily Planet"}).json()["items"][0]["id"]
    a = client.get(f"/api/articles/{key}").json()
    assert a["title"] == "The engine that would compose" and a["dek"] == "Two inventors on music and machines"
    assert a["authors"] == ["Lois Lane"] and a["url"] == "https://planet.example/engine"
    assert len(a["quotes"]) == 5
    for q in a["quotes"]:
        assert a["text"][q["start"]:q["end"]] == q["text"]


def test_article_missing(client):
    assert_problem(client.get("/api/articles/0000000000000000"), 404)
    assert_problem(client.get("/api/articles/" + "x" * 300), 422)


def test_stats_do_not_reveal_server_paths(client, store):
    body = client.get("/api/stats").json()
    assert body["articles"] == 2 and body["quotes"] == 8
    assert "path" not in body and store not in client.get("/api/stats").text


# -- errors, headers, documents ---------------------------------------------------------------------

def test_unknown_api_path_and_method_are_problems(client):
    assert_problem(client.get("/api/nothing-here"), 404)
    assert_problem(client.delete("/api/quotes"), 405)


def test_security_headers_on_api_and_pages(client):
    for path in ("/api/quotes", "/", "/api/nothing-here", "/no-such-page"):
        h = client.get(path).headers
        assert "script-src 'self'" in h["content-security-policy"] and "object-src 'none'" in h["content-security-policy"]
        assert "unsafe-inline" not in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff"


def test_openapi_document_lists_every_endpoint(client):
    doc = client.get("/openapi.json").json()
    paths = doc["paths"]
    for path in ("/api/quotes", "/api/quotes/{quote_id}", "/api/people", "/api/people/{person_id}", "/api/works",
                 "/api/works/{work_id}", "/api/articles", "/api/articles/{article_id}"):
        assert "get" in paths[path], path
    assert "post" in paths["/api/articles"]
    assert {p["name"] for p in paths["/api/quotes"]["get"]["parameters"]} >= {
        "speaker", "about", "text", "since", "until", "outlet", "kind", "limit", "offset"}
    assert "Problem" in doc["components"]["schemas"]
    assert "HTTPBearer" in doc["components"]["securitySchemes"]


def test_docs_are_served_without_a_cdn(client):
    r = client.get("/docs")
    assert r.status_code == 200 and "swagger-ui" in r.text
    assert "http://" not in r.text and "https://" not in r.text  # every asset from this server
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/docs.js").status_code == 200


def test_store_that_disappears_gives_503(fresh_store, make_client, tmp_path):
    import os

    c = make_client(fresh_store)
    os.rename(fresh_store, str(tmp_path / "moved.db"))
    assert_problem(c.get("/api/quotes"), 503)


# -- SQL injection ----------------------------------------------------------------------------------

INJECTIONS = ["' OR '1'='1", "'; DROP TABLE quotes; --", '" OR 1=1 --', "1) UNION SELECT name, sql FROM sqlite_master --",
              "%' --", "\\'; DELETE FROM articles; --", "NEAR(a b)", "text:* OR *", "Lovelace' --"]


@pytest.mark.parametrize("field", ["speaker", "about", "text", "outlet", "article"])
@pytest.mark.parametrize("value", INJECTIONS)
def test_sql_injection_in_quote_filters_gives_ordinary_answers(client, store, field, value):
    r = client.get("/api/quotes", params={field: value})
    assert r.status_code in (200, 400), r.text
    if r.status_code == 200:  # an ordinary answer: the words are read as a name, words or a value, never as SQL
        body = r.json()
        assert body["total"] == len(body["items"]) < 8
    else:
        assert_problem(r, 400)
    with open_kb(store, readonly=True) as kb:
        s = kb.stats()
        assert (s.articles, s.quotes) == (2, 8)


@pytest.mark.parametrize("value", INJECTIONS)
def test_sql_injection_in_dates_listings_and_ids(client, store, value):
    assert client.get("/api/quotes", params={"since": value}).status_code in (400, 422)
    for path in ("/api/people", "/api/works"):
        r = client.get(path, params={"name": value})
        assert r.status_code == 200 and r.json()["items"] == []
    assert client.get("/api/articles", params={"outlet": value}).json()["items"] == []
    assert client.get(f"/api/articles/{value}").status_code in (404, 422)
    assert client.get("/api/quotes", params={"sort": value}).status_code == 422
    assert client.get(f"/api/people/{value}").status_code in (404, 422)
    with open_kb(store, readonly=True) as kb:
        assert (kb.stats().articles, kb.stats().quotes) == (2, 8)


def test_quotes_by_words_take_fts_syntax_and_a_malformed_query_is_a_400(client):
    r = client.get("/api/quotes", params={"text": '"compose elaborate" OR finest'})
    assert r.status_code == 200 and r.json()["total"] == 2
    r = client.get("/api/quotes", params={"text": '"compose elaborate'})
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json")
    assert "a quotation mark is not closed" in r.json()["detail"] and "\n" not in r.json()["detail"]
