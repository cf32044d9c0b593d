"""The articles list, downloads (CSV, JSON) of a search, a person and a work, Atom feeds, citations, links."""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import lxml.html

from quotegraph.kb.models import ArticleRef, QuoteRecord, SpeakerRef
from quotegraph.web.citation import citation

ATOM = "{http://www.w3.org/2005/Atom}"


def _doc(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text[:500]
    return lxml.html.fromstring(r.text)


def test_citation_reads_name_outlet_day_words_and_url():
    q = QuoteRecord(id=1, text="We will win,", kind="direct", speaker=SpeakerRef(id=3, name="Ada Lovelace",
                    as_written="Lovelace", mention=None), cue=None,
                    article=ArticleRef(id="k", title="T", url="https://planet.example/a", source="a.txt",
                                       outlet="Daily Planet", authors=[], published="2021-01-02T10:00"),
                    published="2021-01-02T10:00", start=0, end=1, local_id="q1")
    assert citation(q) == "Ada Lovelace, quoted in Daily Planet, 2 January 2021: 'We will win,' https://planet.example/a"


def test_articles_list_page_newest_first_and_by_record(client, ids):
    doc = _doc(client, "/articles")
    titles = [a.text_content() for a in doc.cssselect(".article-list a")]
    assert titles == ["A year of the Engine", "The engine that would compose"]
    doc = _doc(client, "/articles", mentions=ids["William Gibson"])
    assert [a.text_content() for a in doc.cssselect(".article-list a")] == ["The engine that would compose"]
    assert "/articles" in [a.get("href") for a in _doc(client, "/").cssselect("nav a")]


def test_work_page_links_its_creators_and_its_articles(client, ids):
    doc = _doc(client, f"/works/{ids['The Difference Engine']}")
    facts = doc.cssselect(".work-facts")[0]
    hrefs = {a.text_content(): a.get("href") for a in facts.cssselect("a")}
    assert hrefs["William Gibson"] == "/?q=William%20Gibson"
    assert hrefs["2 articles"] == f"/articles?mentions={ids['The Difference Engine']}"


def test_docs_page_has_a_way_back(client):
    doc = _doc(client, "/docs")
    assert doc.cssselect(".back-link a")[0].get("href") == "/"


def test_search_downloads_csv_and_json_of_what_the_page_shows(client):
    r = client.get("/quotes.csv", params={"q": "music"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="quotes.csv"'
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["text"] for row in rows} == {"The engine might compose elaborate pieces of music,",
                                             "Music is the least of it,", "the machine would one day compose music"}
    assert all(row["citation"].startswith(row["speaker"] + ", quoted in ") for row in rows)
    data = client.get("/quotes.json", params={"q": "Charles Babbage"}).json()  # a name: their quotes, as on the page
    assert data["count"] == 3 and {q["speaker"] for q in data["quotes"]} == {"Charles Babbage"}
    assert client.get("/quotes.csv", params={"q": '"unclosed'}).status_code == 400
    assert client.get("/quotes.xml").status_code == 404


def test_person_and_work_downloads(client, ids):
    data = client.get(f"/people/{ids['Ada Lovelace']}/quotes.json").json()
    assert data["count"] == 4 and {q["speaker"] for q in data["quotes"]} == {"Ada Lovelace"}
    rows = list(csv.DictReader(io.StringIO(client.get(f"/works/{ids['The Difference Engine']}/quotes.csv").text)))
    assert "The Difference Engine is the finest thing on television," in {r["text"] for r in rows}
    assert client.get(f"/people/{ids['The Difference Engine']}/quotes.csv").status_code == 404


def test_pages_link_their_downloads_and_feeds(client, ids):
    doc = _doc(client, "/", q="music")
    links = [a.get("href") for a in doc.cssselect(".takeaway a")]
    assert links == ["/quotes.csv?q=music", "/quotes.json?q=music", "/feed.atom?q=music"]
    assert doc.cssselect('link[rel="alternate"][type="application/atom+xml"]')[0].get("href") == "/feed.atom?q=music"
    person = ids["Ada Lovelace"]
    doc = _doc(client, f"/people/{person}")
    assert doc.cssselect('link[rel="alternate"][type="application/atom+xml"]')[0].get("href") == f"/people/{person}/feed.atom"
    assert f"/people/{person}/quotes.csv" in [a.get("href") for a in doc.cssselect(".takeaway a")]
    doc = _doc(client, f"/works/{ids['The Difference Engine']}")
    assert f"/works/{ids['The Difference Engine']}/quotes.json" in [a.get("href") for a in doc.cssselect(".takeaway a")]


def test_every_quote_card_carries_its_citation_for_the_copy_button(client):
    doc = _doc(client, "/", q="finest")
    button = doc.cssselect(".quote-card button.copy-citation")[0]
    assert button.get("hidden") is not None  # shown by app.js, which can copy
    assert button.get("data-citation") == ("Charles Babbage, quoted in Evening Star, 1 July 2022: "
                                           "'The Difference Engine is the finest thing on television,'")


def test_atom_feeds_of_a_search_and_a_person(client, ids):
    r = client.get("/feed.atom", params={"q": "music"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(r.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3 and feed.find(f"{ATOM}title").text == "Quotes with “music” · quotegraph"
    assert all(e.find(f"{ATOM}link").get("href").startswith("http://testserver/quotes/") for e in entries)
    feed = ET.fromstring(client.get(f"/people/{ids['Charles Babbage']}/feed.atom").content)
    assert len(feed.findall(f"{ATOM}entry")) == 3
    assert feed.find(f"{ATOM}title").text == "Quotes by Charles Babbage · quotegraph"
