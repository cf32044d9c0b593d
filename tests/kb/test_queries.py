"""Each question the knowledge base answers, over two small articles of our own."""
from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from quotegraph.errors import UserInputError
from quotegraph.kb.queries import date_bound, fts_query
from quotegraph.ingest import ingest


@pytest.fixture
def filled(kb, park_articles):
    for a in park_articles:
        kb.add_result(a)
    return kb


def _texts(page):
    return [q.text for q in page.items]


def test_quotes_newest_first_with_speaker_article_and_date(filled):
    page = filled.quotes()
    assert _texts(page) == ["She is my friendship soulmate,", "We are filming in spring,",
                            "I think people love the escapism,"]
    first = page.items[0]
    assert (first.speaker.name, first.published, first.article.title) == (
        "Lily Collins", "2022-01-03T19:42", "Best Friends On Set")


def test_quotes_by_speaker_full_first_or_last_name(filled):
    for name in ("Ashley Park", "ashley park", "Park", "#" + str(filled.person("Ashley Park").id)):
        assert set(_texts(filled.quotes(speaker=name))) == {"I think people love the escapism,",
                                                              "We are filming in spring,"}, name
    assert filled.quotes(speaker="Nobody Here").items == []


def test_quotes_about_an_entity_named_in_the_words_or_the_sentence(filled):
    # Lily's quote is about Ashley: the sentence around it names her ("said about Ashley")
    assert _texts(filled.quotes(about="Ashley Park")) == ["She is my friendship soulmate,"]
    assert filled.quotes(about="Darren Star").items == []


def test_quotes_by_words_through_full_text_search(filled):
    assert _texts(filled.quotes(text="escapism")) == ["I think people love the escapism,"]
    assert _texts(filled.quotes(text="ESCAPISM people")) == ["I think people love the escapism,"]
    assert _texts(filled.quotes(text="escap*")) == ["I think people love the escapism,"]
    assert filled.quotes(text="escapism soulmate").items == []


def test_full_text_search_is_safe_with_any_input(filled):
    for nasty in ("NEAR(a b)", "'; DROP TABLE quotes; --", "*", "-x", "^", "a:b", "{x}", "x + y", "\\"):
        filled.quotes(text=nasty)  # never an error
    for malformed in ('"', 'escapism " OR', "a AND", "OR b", "(a", "a)", "a NOT", "()"):
        with pytest.raises(UserInputError, match="cannot read the search"):  # never SQLite's own error
            filled.quotes(text=malformed)
    assert fts_query('"; DROP TABLE quotes"') == '"DROP TABLE quotes"'
    assert filled.stats().quotes == 3


def test_quotes_between_dates(filled):
    assert _texts(filled.quotes(since="2022")) == ["She is my friendship soulmate,"]
    assert len(filled.quotes(until="2021-12").items) == 2
    assert filled.quotes(since="2021-01-03", until="2022-01-02").items == []
    with pytest.raises(UserInputError, match="cannot read the date"):
        filled.quotes(since="last tuesday")


def test_date_bounds():
    assert (date_bound("2021", False), date_bound("2021", True)) == ("2021-01-01", "2021-12-31")
    assert (date_bound("2021-02", False), date_bound("2021-02", True)) == ("2021-02-01", "2021-02-31")


def test_quotes_by_outlet_kind_and_article(filled, kb, article):
    kb.add_result(article('"Yes," Jane Roe said.', "other.txt", outlet="Variety", published="2020-05-05",
                          quotes=[("Yes,", "Jane Roe", "Jane Roe", "said", "partial")]))
    assert _texts(filled.quotes(outlet="variety")) == ["Yes,"]
    assert _texts(filled.quotes(kind="partial")) == ["Yes,"]
    key = filled.quotes(text="soulmate").items[0].article.id
    assert _texts(filled.quotes(article=key)) == ["She is my friendship soulmate,"]


def test_quotes_paginate(filled):
    first = filled.quotes(limit=2, count=True)
    second = filled.quotes(limit=2, offset=2, count=True)
    assert (len(first.items), first.has_more, first.total) == (2, True, 3)
    assert (len(second.items), second.has_more) == (1, False)
    assert not set(_texts(first)) & set(_texts(second))
    with pytest.raises(UserInputError):
        filled.quotes(limit=0)


def test_quotes_oldest_first(filled):
    assert _texts(filled.quotes(sort="oldest"))[-1] == "She is my friendship soulmate,"


def test_person_shape(filled):
    d = filled.person("Ashley Park").to_dict()
    for key in ("name", "aliases", "roles", "quotes", "works", "timeline", "outlets", "talks_about", "facts"):
        assert key in d
    assert d["name"] == "Ashley Park"
    assert "Ashley" in d["aliases"]
    assert [(r["character"], r["work"]) for r in d["roles"]] == [("Mindy Chen", "Emily in Paris")]
    assert {q["published"][:10] for q in d["quotes"]} == {"2021-01-02"}
    assert set(d["quotes"][0]) >= {"id", "text", "kind", "article", "published"}
    assert [(c["label"], c["count"]) for c in d["timeline"]] == [("2021-01", 2)]
    assert [(c["label"], c["count"]) for c in d["outlets"]] == [("E! News", 2)]
    assert [w["label"] for w in d["works"]] == ["Emily in Paris"]


def test_person_lists_who_they_talk_about(filled):
    talks = filled.person("Lily Collins").talks_about
    assert [(t.label, t.type) for t in talks] == [("Ashley Park", "person")]


def test_person_by_character_name_is_none_and_unknown_name_is_none(filled):
    assert filled.person("Nobody Else") is None


def test_work_shape(filled):
    d = filled.work("Emily in Paris").to_dict()
    for key in ("title", "created_by", "network", "cast", "kind", "quotes", "characters"):
        assert key in d
    assert d["title"] == "Emily in Paris"
    assert d["created_by"] == ["Darren Star"]
    assert d["network"] == ["Netflix"]
    assert sorted((c["person"], c["character"]) for c in d["cast"]) == [("Ashley Park", "Mindy Chen"),
                                                                         ("Lily Collins", "Emily")]
    assert d["kind"] == "TV series"  # "the Netflix series"


def test_show_marks_quote_speaker_and_cue_in_the_paragraph(filled):
    qid = filled.quotes(text="escapism").items[0].id
    d = filled.show(qid)
    assert d.excerpt.text.startswith('"I think people love the escapism," Ashley said.')
    kinds = {m.kind: m.text for m in d.marks}
    assert kinds == {"quote": "I think people love the escapism,", "speaker": "Ashley", "cue": "said"}
    assert filled.show(999999) is None


def test_people_and_works_listings_with_counts_sortable(filled):
    people = filled.people()
    assert [(p.name, p.quotes) for p in people.items][:2] == [("Ashley Park", 2), ("Lily Collins", 1)]
    assert people.total == 3
    by_name = filled.people(sort="name", order="asc")
    assert [p.name for p in by_name.items] == ["Ashley Park", "Darren Star", "Lily Collins"]
    assert [p.name for p in filled.people(query="lily").items] == ["Lily Collins"]
    works = filled.works()
    assert [(w.name, w.articles, w.kind) for w in works.items] == [("Emily in Paris", 2, "TV series")]
    with pytest.raises(UserInputError):
        filled.people(sort="height")


def test_article_record_has_text_quotes_entities_and_facts(filled):
    key = filled.quotes(text="escapism").items[0].article.id
    rec = filled.article(key)
    assert rec.title == "Ashley Park Talks Season Two"
    assert all(rec.text[q.start:q.end] == q.text for q in rec.quotes)
    assert {e.record_name for e in rec.entities} >= {"Ashley Park", "Emily in Paris"}
    assert {(f.subject, f.predicate, f.object) for f in rec.facts} >= {("Darren Star", "created", "Emily in Paris")}
    assert filled.article("nope") is None


def test_export_writes_tables_pandas_and_duckdb_read(filled, tmp_path):
    for fmt in ("parquet", "csv", "jsonl"):
        paths = filled.export(str(tmp_path / fmt), fmt)
        assert set(paths) == {"articles", "quotes", "entities", "relations", "kb_entities", "quote_clusters"}
    quotes = pq.read_table(tmp_path / "parquet" / "quotes.parquet").to_pylist()
    clusters = pq.read_table(tmp_path / "parquet" / "quote_clusters.parquet").to_pylist()
    assert {q["cluster_id"] for q in quotes} == {c["cluster_id"] for c in clusters} and len(clusters) == 3
    assert sorted(n for c in clusters for n in c["kb_quote_ids"]) == sorted(q["kb_quote_id"] for q in quotes)
    assert {q["text"] for q in quotes} == {"I think people love the escapism,", "We are filming in spring,",
                                           "She is my friendship soulmate,"}
    assert all(q["speaker_kb_id"] for q in quotes)
    with open(tmp_path / "csv" / "quotes.csv", newline="", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == 3
    lines = (tmp_path / "jsonl" / "relations.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["predicate"] for line in lines} == {"plays", "created", "streams on"}


def test_a_parquet_export_ingests_into_another_store_without_extracting(filled, tmp_path, counts):
    from quotegraph.kb import open_kb

    filled.export(str(tmp_path / "tables"), "parquet")
    with open_kb(str(tmp_path / "copy.db")) as copy:
        summary = ingest(copy, [str(tmp_path / "tables")])
        assert (summary.new, summary.failed) == (2, 0)
        assert copy.stats().to_dict() | {"path": ""} == filled.stats().to_dict() | {"path": ""}
        assert copy.work("Emily in Paris").created_by == ["Darren Star"]
        again = ingest(copy, [str(tmp_path / "tables")])
        assert (again.new, again.unchanged) == (0, 2)


def test_quotes_best_match_first_and_until_the_end_of_a_month(filled):
    assert _texts(filled.quotes(text="escapism", sort="relevance")) == ["I think people love the escapism,"]
    assert len(filled.quotes(until="2021-02").items) == 2
    assert len(filled.quotes(since="2021-01-02", until="2021-01-02").items) == 2


def test_quotes_combine_speaker_and_words(filled):
    assert _texts(filled.quotes(speaker="Ashley Park", text="spring")) == ["We are filming in spring,"]
    assert filled.quotes(speaker="Lily Collins", text="spring").items == []
    assert _texts(filled.quotes(about="Ashley Park", text="soulmate")) == ["She is my friendship soulmate,"]


def test_full_text_search_phrases_or_not_and_prefixes(filled):
    assert _texts(filled.quotes(text='"people love"')) == ["I think people love the escapism,"]
    assert filled.quotes(text='"love people"').items == []  # a phrase keeps its order
    assert set(_texts(filled.quotes(text="escapism OR soulmate"))) == {"I think people love the escapism,",
                                                                       "She is my friendship soulmate,"}
    assert _texts(filled.quotes(text="love NOT escapism")) == []
    assert _texts(filled.quotes(text="(escapism OR soulmate) NOT friendship")) == ["I think people love the escapism,"]
    assert _texts(filled.quotes(text="soul*")) == ["She is my friendship soulmate,"]
    assert _texts(filled.quotes(text="filming and spring")) == []  # lower-case "and" is a word to find


def test_full_text_search_stems_words(filled):
    assert _texts(filled.quotes(text="films")) == ["We are filming in spring,"]
    assert _texts(filled.quotes(text="loves")) == ["I think people love the escapism,"]
    assert _texts(filled.quotes(text="friendships")) == ["She is my friendship soulmate,"]


def test_fts_query_keeps_operators_and_quotes_everything_else():
    assert fts_query('"love people" OR tax* NOT (a AND b)') == '"love people" OR "tax"* NOT ( "a" AND "b" )'
    assert fts_query("tax (a OR b)") == '"tax" AND ( "a" OR "b" )'
    assert fts_query("it’s") == "\"it's\""
    assert fts_query('""') is None
    with pytest.raises(UserInputError, match="a quotation mark is not closed"):
        fts_query('"love people')
