"""The pages: search with its filters, person, work, article with highlighted quotes; escaping and basic accessibility."""
from __future__ import annotations

import lxml.html
import pytest

from quotegraph.kb import open_kb


def page(client, path: str, status: int = 200, **params):
    r = client.get(path, params=params)
    assert r.status_code == status, r.text[:2000]
    assert r.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(r.text)


def text_of(el) -> str:
    return " ".join(el.text_content().split())


def cards(doc) -> list:
    return doc.cssselect(".quote-card")


def card_words(doc) -> list[str]:
    return [text_of(c.cssselect(".quote-words")[0]) for c in cards(doc)]


def article_key(client, outlet: str) -> str:
    return client.get("/api/articles", params={"outlet": outlet}).json()["items"][0]["id"]


# -- search -------------------------------------------------------------------------------------

def test_home_shows_counts_latest_quotes_and_most_quoted(client):
    doc = page(client, "/")
    assert "8 quotes from 2 articles" in text_of(doc.cssselect(".lede")[0])
    assert len(cards(doc)) == 8
    assert [text_of(a) for a in doc.cssselect(".ranked a")][:2] == ["Ada Lovelace", "Charles Babbage"]


def test_search_by_words_gives_quote_cards_with_speaker_cue_outlet_date_and_article_link(client, ids):
    doc = page(client, "/", q="finest television")
    (card,) = cards(doc)
    assert text_of(card.cssselect(".quote-words")[0]) == "“The Difference Engine is the finest thing on television,”"
    who = card.cssselect("a.who")[0]
    assert text_of(who) == "Charles Babbage" and who.get("href") == f"/people/{ids['Charles Babbage']}"
    assert text_of(card.cssselect(".cue-word")[0]) == "said"
    assert text_of(card.cssselect(".outlet")[0]) == "Evening Star"
    assert card.cssselect("time")[0].get("datetime") == "2022-07-01" and text_of(card.cssselect("time")[0]) == "1 July 2022"
    link = card.cssselect(".quote-source a")[0]
    assert link.get("href") == f"/articles/{article_key(client, 'Evening Star')}#q1"
    assert text_of(link) == "A year of the Engine"


def test_search_box_finds_people_and_works_and_their_quotes(client, ids):
    doc = page(client, "/", q="Charles Babbage")
    assert [a.get("href") for a in doc.cssselect(".matches a.chip")] == [f"/people/{ids['Charles Babbage']}"]
    assert text_of(doc.cssselect("#results-heading")[0]) == "Quotes by Charles Babbage"
    assert len(cards(doc)) == 3
    doc = page(client, "/", q="The Difference Engine")
    assert f"/works/{ids['The Difference Engine']}" in [a.get("href") for a in doc.cssselect(".matches a.chip")]


def test_search_filters(client):
    assert len(cards(page(client, "/", speaker="Ada Lovelace"))) == 4
    assert len(cards(page(client, "/", outlet="Evening Star"))) == 3
    assert card_words(page(client, "/", kind="nested")) == ["“we order it,”"]
    assert len(cards(page(client, "/", since="2022-01-01"))) == 3
    assert len(cards(page(client, "/", until="2021"))) == 5
    assert len(cards(page(client, "/", q="compose", speaker="Lovelace", kind="direct"))) == 1


def test_indirect_quotes_are_not_put_in_quotation_marks(client):
    assert card_words(page(client, "/", kind="indirect")) == ["the machine would one day compose music"]


def test_search_with_a_bad_date_says_so(client):
    doc = page(client, "/", status=400, since="2021-02-30")
    assert "YYYY-MM-DD" in text_of(doc.cssselect("[role=alert]")[0])
    doc = page(client, "/", status=400, kind="rumour")
    assert "kind must be one of" in text_of(doc.cssselect("[role=alert]")[0])


def test_search_pages_through_results(client, monkeypatch):
    from quotegraph.web import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 3)
    doc = page(client, "/")
    assert len(cards(doc)) == 3
    nxt = doc.cssselect(".pager a[rel=next]")[0].get("href")
    assert nxt == "/?page=2"
    doc = page(client, "/", page=3)
    assert len(cards(doc)) == 2 and not doc.cssselect(".pager a[rel=next]")
    assert doc.cssselect(".pager a[rel=prev]")[0].get("href") == "/?page=2"
    page(client, "/", status=400, page="x")


def test_search_form_has_labels_for_every_field(client):
    doc = page(client, "/")
    for field in doc.cssselect("form.search-form input, form.search-form select"):
        assert doc.cssselect(f"label[for={field.get('id')}]"), field.get("name")


# -- people and works ----------------------------------------------------------------------------

def test_person_page(client, ids):
    doc = page(client, f"/people/{ids['Ada Lovelace']}")
    assert text_of(doc.cssselect("h1")[0]) == "Ada Lovelace"
    assert "Lovelace" in text_of(doc.cssselect(".aliases")[0])
    role = text_of(doc.cssselect(".sidebar li")[0])
    assert role == "Plays the Countess in The Difference Engine"
    assert doc.cssselect(".sidebar cite a")[0].get("href") == f"/works/{ids['The Difference Engine']}"
    outlets = [text_of(e) for e in doc.cssselect(".bar-label")]
    assert sorted(outlets) == ["Daily Planet", "Evening Star"]
    words = card_words(doc)
    assert words[0] == "“Music is the least of it,”" and len(words) == 4  # newest first


def test_person_timeline_is_an_svg_with_a_bar_per_month(client, ids):
    doc = page(client, f"/people/{ids['Ada Lovelace']}")
    (svg,) = doc.cssselect("figure.timeline svg")
    assert svg.get("role") == "img" and svg.cssselect("title")[0].text == "Quotes by Ada Lovelace per month"
    bars = svg.cssselect("g.bar")
    assert len(bars) == 17  # March 2021 to July 2022
    assert bars[0].cssselect("title")[0].text == "March 2021: 3 quotes"
    assert bars[-1].cssselect("title")[0].text == "July 2022: 1 quote"
    assert len(svg.cssselect("g.bar.empty")) == 15


def test_work_page_has_creators_network_cast_and_quotes_about_it(client, ids):
    doc = page(client, f"/works/{ids['The Difference Engine']}")
    assert text_of(doc.cssselect("h1")[0]) == "The Difference Engine"
    facts = {text_of(d.cssselect("dt")[0]): text_of(d.cssselect("dd")[0]) for d in doc.cssselect(".work-facts div")}
    assert facts["Created by"] == "William Gibson" and facts["Network"] == "Channel Nine"
    rows = [[text_of(td) for td in tr.cssselect("td")] for tr in doc.cssselect("table.cast tbody tr")]
    assert rows == [["Ada Lovelace", "the Countess"]]
    assert [th.text for th in doc.cssselect("table.cast th")] == ["Actor", "Character"]
    assert card_words(doc) == ["“The Difference Engine is the finest thing on television,”"]


def test_people_and_works_listings(client):
    doc = page(client, "/people")
    assert [text_of(a) for a in doc.cssselect("table.listing tbody td:first-child a")][:2] == ["Ada Lovelace",
                                                                                               "Charles Babbage"]
    doc = page(client, "/people", name="gibson")
    assert [text_of(a) for a in doc.cssselect("table.listing tbody a")] == ["William Gibson"]
    doc = page(client, "/works")
    assert [text_of(a) for a in doc.cssselect("table.listing tbody a")] == ["The Difference Engine"]


def test_ids_of_the_other_kind_redirect(client, ids):
    r = client.get(f"/people/{ids['The Difference Engine']}", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == f"/works/{ids['The Difference Engine']}"
    r = client.get(f"/works/{ids['Ada Lovelace']}", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == f"/people/{ids['Ada Lovelace']}"


def test_missing_pages_are_html_404s(client):
    for path in ("/people/99999", "/works/99999", "/articles/nope", "/quotes/99999", "/no/such/page"):
        doc = page(client, path, status=404)
        assert text_of(doc.cssselect("h1")[0]) == "Not found"
    page(client, "/people/abc", status=400)


# -- the article page ------------------------------------------------------------------------------

def test_article_page_header(client):
    doc = page(client, f"/articles/{article_key(client, 'Daily Planet')}")
    assert text_of(doc.cssselect("h1")[0]) == "The engine that would compose"
    assert text_of(doc.cssselect(".dek")[0]) == "Two inventors on music and machines"
    assert text_of(doc.cssselect(".byline")[0]) == "By Lois Lane · 5 March 2021"
    assert doc.cssselect(".source-line a")[0].get("href") == "https://planet.example/engine"


def test_article_quotes_are_highlighted_in_their_speakers_colours_with_labels(client):
    doc = page(client, f"/articles/{article_key(client, 'Daily Planet')}")
    marks = doc.cssselect(".article-body mark.q")
    assert len(marks) == 5
    by_id = {m.get("id"): m for m in marks}
    q2 = by_id["q2"]
    assert text_of(q2.cssselect(".q-label")[0]) == "Ada Lovelace"
    assert q2.get("title").startswith("Said by Ada Lovelace (direct quote")
    assert q2.get("tabindex") == "0"
    colour = lambda m: next(c for c in m.get("class").split() if c.startswith("spk-"))  # noqa: E731
    assert colour(by_id["q1"]) == colour(q2) != colour(by_id["q3"])
    legend = [(text_of(li), li.cssselect(".swatch")[0].get("class")) for li in doc.cssselect(".legend-item")]
    assert legend[0][0] == "Ada Lovelace 3" and colour(q2) in legend[0][1]


def test_article_marks_speaker_mentions_and_cues(client):
    doc = page(client, f"/articles/{article_key(client, 'Daily Planet')}")
    mentions = [text_of(m) for m in doc.cssselect(".article-body .spk-mention")]
    cues = [text_of(c) for c in doc.cssselect(".article-body .cue")]
    assert mentions == ["Ada Lovelace", "Lovelace", "Babbage", "she"]
    assert cues == ["said", "wrote", "said", "told"]


def test_article_nested_quote_is_inside_its_outer_quote(client):
    doc = page(client, f"/articles/{article_key(client, 'Daily Planet')}")
    outer = doc.cssselect("mark#q4")[0]
    (inner,) = [m for m in outer.cssselect("mark.q") if m is not outer]
    assert inner.get("id") == "q5" and "q-nested" in inner.get("class")
    assert text_of(inner.cssselect(".q-label")[0]) == "Ada Lovelace"
    assert inner.cssselect(".spk-mention") == [] and text_of(outer.cssselect(".spk-mention")[0]) == "she"


def test_article_body_keeps_the_text(client):
    key = article_key(client, "Daily Planet")
    text = client.get(f"/api/articles/{key}").json()["text"]
    doc = page(client, f"/articles/{key}")
    for label in doc.cssselect(".q-label"):
        label.drop_tree()
    shown = [p.text_content() for p in doc.cssselect(".article-body p")]
    assert shown == text.split("\n\n")


def test_unattributed_quotes_are_grey_and_say_so(client):
    doc = page(client, f"/articles/{article_key(client, 'Evening Star')}")
    (mark,) = [m for m in doc.cssselect("mark.q") if "Nobody" in text_of(m)]
    assert "spk-none" in mark.get("class") and text_of(mark.cssselect(".q-label")[0]) == "unknown speaker"


def test_quote_address_goes_to_its_place_in_the_article(client):
    qid = client.get("/api/quotes", params={"kind": "nested"}).json()["items"][0]["id"]
    r = client.get(f"/quotes/{qid}", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == f"/articles/{article_key(client, 'Daily Planet')}#q5"


# -- accessibility basics -------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/people", "/works", "/people/{Ada Lovelace}", "/works/{The Difference Engine}",
                                  "/articles/{Daily Planet}", "/nothing"])
def test_every_page_has_lang_title_one_h1_skip_link_and_main(client, ids, path):
    if "{" in path:
        name = path[path.index("{") + 1:-1]
        path = path[:path.index("{")] + (article_key(client, name) if path.startswith("/articles") else str(ids[name]))
    r = client.get(path)
    doc = lxml.html.fromstring(r.text)
    assert doc.get("lang") == "en"
    assert doc.cssselect("title")[0].text.strip().endswith("quotegraph")
    assert len(doc.cssselect("h1")) == 1
    skip = doc.cssselect("a.skip-link")[0]
    assert skip.get("href") == "#main" and doc.cssselect("main#main")
    assert doc.cssselect("meta[name=viewport]")
    for field in doc.cssselect("input:not([type=hidden]), select"):
        assert doc.cssselect(f"label[for={field.get('id')}]"), (path, field.get("name"))
    assert not doc.cssselect("[style]") and not [s for s in doc.cssselect("script") if (s.text or "").strip()]


# -- hostile article text ---------------------------------------------------------------------------

HOSTILE_TEXT = """<script>window.pwned=1</script> said <img src=x onerror="document.title='pwned'">.

"<script>alert('q')</script> and <img src=x onerror=alert(1)>," said <b onmouseover=alert(2)>Mallory</b>."""


def build_hostile(path: str) -> str:
    from quotegraph.result import ArticleResult, Entity, Mention, Quote, Span, Speaker

    text = HOSTILE_TEXT
    name = "<b onmouseover=alert(2)>Mallory</b>"
    q_words = "<script>alert('q')</script> and <img src=x onerror=alert(1)>,"
    qs, ms = text.index(q_words), text.index(name)
    res = ArticleResult(
        source="hostile.txt", text=text, title="<script>document.title='pwned'</script>Title",
        dek="<img src=x onerror=alert(3)>", authors=["<svg onload=alert(4)>"], published="2023-01-01",
        outlet="<i>Outlet</i>", url="javascript:alert(5)",
        paragraphs=[Mention(0, text.index("\n\n")), Mention(text.index("\n\n") + 2, len(text))],
        entities=[Entity(id="e1", name=name, type="person", mentions=[Mention(ms, ms + len(name))])],
        quotes=[Quote(id="q1", kind="direct", text=q_words, start=qs, end=qs + len(q_words),
                      speaker=Speaker(name=name, entity="e1", mention=Span(ms, ms + len(name), name)),
                      cue=Span(text.index("said", qs), text.index("said", qs) + 4, "said"))])
    with open_kb(path) as kb:
        kb.add_result(res, engine="test")
    return path


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from quotegraph.settings import Settings
    from quotegraph.web import create_app

    path = build_hostile(str(tmp_path_factory.mktemp("hostile") / "h.db"))
    with TestClient(create_app(Settings(db=path))) as c:
        yield c


def _pages_of_hostile(c) -> list[str]:
    key = c.get("/api/articles").json()["items"][0]["id"]
    pid = c.get("/api/people").json()["items"][0]["id"]
    return ["/", "/?q=script", f"/people/{pid}", "/people", f"/articles/{key}", "/?speaker=%3Cb%3E"]


def test_hostile_text_is_escaped_in_every_page(hostile_client):
    for path in _pages_of_hostile(hostile_client):
        html = hostile_client.get(path).text
        assert "<script>alert" not in html and "<script>window" not in html and "<script>document" not in html, path
        assert "<img src=x" not in html and "<b onmouseover" not in html and "<svg onload" not in html, path
        assert "<i>Outlet" not in html, path
        doc = lxml.html.fromstring(html)
        for el in doc.iter():
            assert not any(attr.startswith("on") for attr in el.attrib), (path, el.tag, dict(el.attrib))
        assert all(s.get("src", "").startswith("/static/") for s in doc.cssselect("script")), path


def test_hostile_text_is_shown_as_text(hostile_client):
    key = hostile_client.get("/api/articles").json()["items"][0]["id"]
    r = hostile_client.get(f"/articles/{key}")
    assert "&lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt;" in r.text
    doc = lxml.html.fromstring(r.text)
    assert text_of(doc.cssselect("h1")[0]) == "<script>document.title='pwned'</script>Title"
    assert text_of(doc.cssselect("mark.q .q-label")[0]) == "<b onmouseover=alert(2)>Mallory</b>"


def test_javascript_urls_are_not_links(hostile_client):
    key = hostile_client.get("/api/articles").json()["items"][0]["id"]
    doc = lxml.html.fromstring(hostile_client.get(f"/articles/{key}").text)
    assert not [a for a in doc.cssselect("a") if a.get("href", "").lower().startswith("javascript")]
    assert "javascript:alert(5)" in text_of(doc.cssselect(".source-line")[0])


def test_search_box_holding_a_name_shows_their_quotes_and_links_to_the_words(fresh_store, make_client):
    from quotegraph.kb import open_kb

    from .conftest import make_article

    text = '"Charles Babbage is the real inventor," William Gibson said.'
    with open_kb(fresh_store) as kb:
        kb.add_result(make_article(text, "notes/third.txt", published="2023-02-01", outlet="Daily Planet",
                                   entities=[("William Gibson", "person"), ("Charles Babbage", "person")],
                                   quotes=[{"words": "Charles Babbage is the real inventor,", "speaker": "William Gibson",
                                            "mention": "William Gibson", "cue": "said"}]), engine="test")
    client = make_client(fresh_store)
    doc = page(client, "/", q="Charles Babbage")
    assert text_of(doc.cssselect("#results-heading")[0]) == "Quotes by Charles Babbage"
    assert "No quote has the words" not in doc.text_content()
    assert len(cards(doc)) == 3
    link = [a for a in doc.cssselect(".notice a") if "with the words" in text_of(a)][0]
    assert text_of(link) == "1 quote with the words “Charles Babbage”"
    assert link.get("href").startswith("/?") and "match=words" in link.get("href")
    doc = page(client, "/", q="Charles Babbage", match="words")
    assert text_of(doc.cssselect("#results-heading")[0]) == "Quotes with “Charles Babbage”"
    assert card_words(doc) == ["“Charles Babbage is the real inventor,”"]
    doc = page(client, "/", q="Ada")  # one word is searched as a word first
    assert text_of(doc.cssselect("#results-heading")[0]) == "Quotes with “Ada”"


def test_search_box_with_no_quote_holding_the_words_says_so_once(client):
    doc = page(client, "/", q="Lovelace")
    assert text_of(doc.cssselect("#results-heading")[0]) == "Quotes by Ada Lovelace"
    assert "No quote has the words “Lovelace”" in text_of(doc.cssselect(".notice")[0])


def test_search_box_phrase_or_and_a_malformed_query(client):
    assert card_words(page(client, "/", q='"compose elaborate"')) == [
        "“The engine might compose elaborate pieces of music,”"]
    assert card_words(page(client, "/", q='"elaborate compose"')) == []
    assert len(cards(page(client, "/", q="finest OR elaborate"))) == 2
    doc = page(client, "/", 400, q="music OR")
    assert "OR needs words after it" in text_of(doc.cssselect(".notice.error")[0])
