"""Quote clusters and merged records in the HTTP API and pages."""
from __future__ import annotations

import lxml.html

from quotegraph.kb import open_kb

from .conftest import make_article

WORDS = "We are opening three new libraries across the county before winter"


def _store(path: str) -> str:
    with open_kb(path) as kb:
        for i, (outlet, words) in enumerate([("Daily A", WORDS + ","), ("Daily B", WORDS.lower() + "."),
                                             ("Daily C", "opening three new libraries across the county")]):
            text = f"\u201c{words}\u201d Rosa Diaz said on day {i}."
            kb.add_result(make_article(text, f"{i}.txt", published=f"2024-02-0{i + 1}", outlet=outlet,
                                       entities=[("Rosa Diaz", "person")],
                                       quotes=[{"words": words, "speaker": "Rosa Diaz", "mention": "Rosa Diaz",
                                                "cue": "said"}]))
        kb.add_result(make_article("\u201cWe will see,\u201d R. Diaz said.", "3.txt", published="2024-02-09",
                                   entities=[("R. Diaz", "person")],
                                   quotes=[{"words": "We will see,", "speaker": "R. Diaz", "mention": "R. Diaz",
                                            "cue": "said"}]))
    return path


def test_api_lists_one_item_per_cluster_and_shows_the_cluster(tmp_path, make_client):
    c = make_client(_store(str(tmp_path / "c.db")))
    items = c.get("/api/quotes").json()["items"]
    assert len(items) == 2 and len(c.get("/api/quotes", params={"all_copies": "true"}).json()["items"]) == 4
    cluster = next(i["cluster"] for i in items if i["cluster"]["articles"] == 3)
    assert cluster["first_seen"] == "2024-02-01" and cluster["last_seen"] == "2024-02-03"
    rec = c.get(f"/api/clusters/{cluster['id']}").json()
    assert rec["outlets"] == ["Daily A", "Daily B", "Daily C"] and len(rec["copies"]) == 3 and len(rec["variants"]) == 3
    assert c.get("/api/clusters/999999").status_code == 404
    doc = lxml.html.fromstring(c.get("/").text)
    assert any("Carried by 3 articles" in p.text_content() for p in doc.cssselect("p.quote-cluster"))


def test_merged_person_page_points_at_the_record_kept(tmp_path, make_client):
    path = _store(str(tmp_path / "m.db"))
    with open_kb(path) as kb:
        keep = kb.resolve("Rosa Diaz")
        gone = kb.resolve("R. Diaz")
        kb.merge("Rosa Diaz", "R. Diaz")
    c = make_client(path)
    r = c.get(f"/people/{gone}", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == f"/people/{keep}"
    person = c.get(f"/api/people/{keep}").json()
    assert person["name"] == "Rosa Diaz" and person["quote_count"] == 4
