"""Quote clusters: one entry per quotation across articles, with every article carrying it."""
from __future__ import annotations

import os
import re

import pytest

from quotegraph.ingest import ingest
from quotegraph.kb.clusters import fingerprints, normalise, same_words

SEEDS = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "seeds")


def test_normalise_and_match():
    a = normalise("“I think people love the escapism,” she said")
    assert a == "i think people love the escapism she said"
    assert same_words(normalise("I think people love the escapism."), normalise("i think people LOVE the escapism"))
    # a cut inside a longer quote, and a small edit
    long_ = normalise("We are filming in spring and I think people will love the escapism of it all")
    assert same_words(normalise("I think people will love the escapism"), long_)
    assert same_words(normalise("We are filming in the spring and I think people will love the escapism of it all"),
                      long_)
    # other figures or other words are another quotation; a few words match only when they are the same
    assert not same_words(normalise("We won game 12 and we will win again next week"),
                          normalise("We won game 13 and we will win again next week"))
    assert not same_words(normalise("We won"), normalise("We lost"))
    assert not same_words(normalise("The economy is strong and growing every single month"),
                          normalise("Our schools are failing children in every single state"))
    # winnowing: any six words in common share a fingerprint
    assert fingerprints(normalise("one two three four five six")) & fingerprints(
        normalise("zero one two three four five six seven eight nine ten"))


def _quote_variants(text: str) -> list[str]:
    """Six ways another outlet re-reports a quote: as it is, re-punctuated and re-cased, cut at either end,
    with a small edit, and cut and re-punctuated."""
    words = text.split()
    plain = re.sub(r"[,;:.!?—–-]+", "", text).strip()
    cut_front = " ".join(words[2:]) if len(words) >= 10 else text
    cut_back = " ".join(words[:-2]) if len(words) >= 10 else text
    edited = " ".join(words[:len(words) // 2] + ["really"] + words[len(words) // 2:]) if len(words) >= 12 else text
    return [text, plain.upper() if len(words) < 6 else plain.lower(), cut_front, cut_back, edited,
            re.sub(r"[,.]", ";", cut_front)]


@pytest.mark.skipif(not os.path.isdir(SEEDS), reason="needs ../shared/data/seeds beside the project")
def test_seed_quotes_reported_again_by_six_articles_are_one_cluster_each(kb, article):
    ingest(kb, [SEEDS])
    seeds = kb.quotes(all_copies=True, limit=1000).items
    assert seeds
    seed_clusters = {q.id: q.cluster.id for q in seeds}
    for i in range(6):
        paragraphs, quotes, entities = [f"Report {i} on the interviews"], [], {}
        for q in seeds:
            if not q.speaker or not q.speaker.name:
                continue
            words = _quote_variants(q.text)[i]
            paragraphs.append(f"\u201c{words}\u201d {q.speaker.name} told reporters.")
            quotes.append((words, q.speaker.name, q.speaker.name, "told"))
            entities[q.speaker.name] = (q.speaker.name, "person")
        text = "\n\n".join(paragraphs)
        kb.add_result(article(text, f"again-{i}.txt", outlet=f"Other Outlet {i}", published=f"2023-0{i + 1}-01",
                              entities=list(entities.values()), quotes=quotes))
    for q in seeds:
        if not q.speaker or not q.speaker.name:
            continue
        c = kb.cluster(seed_clusters[q.id])
        sources = {copy.article.source for copy in c.copies}
        assert {f"again-{i}.txt" for i in range(6)} <= sources, (q.text, sources)
        assert q.article.source in sources
        assert {f"Other Outlet {i}" for i in range(6)} <= set(c.outlets)
        assert c.last_seen == "2023-06-01"
    # one line per quotation by default; every copy on asking
    listed = kb.quotes(limit=1000).items
    attributed = [q for q in seeds if q.speaker and q.speaker.name]
    assert len({q.cluster.id for q in listed}) == len(listed)
    assert len(kb.quotes(all_copies=True, limit=1000).items) == len(seeds) + 6 * len(attributed)


def test_clusters_follow_article_removal_and_speakers_must_agree(kb, article):
    words = "We are building a new stadium for the whole city this year"
    a = article(f"\u201c{words},\u201d Mia Cole said.", "a.txt", published="2023-01-02", outlet="A",
                entities=[("Mia Cole", "person")], quotes=[(words + ",", "Mia Cole", "Mia Cole", "said")])
    b = article(f"\u201c{words.lower()}\u201d Mia Cole said.", "b.txt", published="2023-01-05", outlet="B",
                entities=[("Mia Cole", "person")], quotes=[(words.lower(), "Mia Cole", "Mia Cole", "said")])
    c = article(f"\u201c{words}.\u201d Ned Park said.", "c.txt", published="2023-01-07", outlet="C",
                entities=[("Ned Park", "person")], quotes=[(words + ".", "Ned Park", "Ned Park", "said")])
    for x in (a, b, c):
        kb.add_result(x)
    rows = kb.conn.execute("SELECT id, copies, articles, first_seen, last_seen FROM quote_clusters ORDER BY id").fetchall()
    assert [tuple(r)[1:] for r in rows] == [(2, 2, "2023-01-02", "2023-01-05"), (1, 1, "2023-01-07", "2023-01-07")]
    assert len(kb.quotes().items) == 2 and len(kb.quotes(all_copies=True).items) == 3
    kb.delete_article(kb.conn.execute("SELECT key FROM articles WHERE source = 'a.txt'").fetchone()[0])
    r = kb.conn.execute("SELECT copies, first_seen FROM quote_clusters ORDER BY id").fetchone()
    assert tuple(r) == (1, "2023-01-05")


def test_quote_ids_are_short_and_lists_stay_newest_first(kb, article):
    for i, day in enumerate(["2021-03-01", "2023-03-01", "2022-03-01"]):
        kb.add_result(article(f"\u201cLine number {i} is here for everyone to read today,\u201d Ann Lee said.",
                              f"{i}.txt", published=day, entities=[("Ann Lee", "person")],
                              quotes=[(f"Line number {i} is here for everyone to read today,", "Ann Lee", "Ann Lee",
                                       "said")]))
    page = kb.quotes()
    assert [q.published[:4] for q in page.items] == ["2023", "2022", "2021"]
    assert sorted(q.id for q in page.items) == [1, 2, 3]
    assert kb.show(2).quote.text.startswith("Line number 1")


def test_merge_keeps_the_first_name_and_rename_survives_reingest(kb, article):
    a = article("\u201cWe ship it,\u201d Tim Cook said.", "a.txt", entities=[("Tim Cook", "person")],
                quotes=[("We ship it,", "Tim Cook", "Tim Cook", "said")])
    b = article("Hosting Cook spoke.\n\n\u201cWe ship it again today,\u201d Hosting Cook said.", "b.txt",
                entities=[("Hosting Cook", "person")],
                quotes=[("We ship it again today,", "Hosting Cook", "Hosting Cook", "said")])
    kb.add_result(a)
    kb.add_result(b)
    kb.merge("Tim Cook", "Hosting Cook")
    assert [p.name for p in kb.people().items] == ["Tim Cook"]
    kb.add_result(b, force=True)
    assert [p.name for p in kb.people().items] == ["Tim Cook"]
    kb.rename("Tim Cook", "Timothy D. Cook")
    kb.add_result(a, force=True)
    assert [p.name for p in kb.people().items] == ["Timothy D. Cook"]
    assert kb.person("Timothy D. Cook").quote_count == 2


def test_a_store_of_schema_3_gets_numbers_and_clusters_when_opened(tmp_path, article):
    import sqlite3

    from quotegraph.kb import SCHEMA_VERSION, open_kb

    path = str(tmp_path / "old.db")
    words = "The river will be clean again within five years if we act"
    with open_kb(path) as kb:
        for i in range(2):
            kb.add_result(article(f"\u201c{words},\u201d Ida Moss said on day {i}.", f"{i}.txt", published=f"2020-01-0{i + 1}",
                                  entities=[("Ida Moss", "person")], quotes=[(words + ",", "Ida Moss", "Ida Moss", "said")]))
    old = sqlite3.connect(path)  # back to schema 3: no numbers, clusters or fixed names
    for sql in ("DROP VIEW quotes_with_sources", "DROP INDEX quotes_number", "DROP INDEX quotes_cluster", "DROP INDEX quotes_speaker_clusters",
                "ALTER TABLE quotes DROP COLUMN number",
                "ALTER TABLE quotes DROP COLUMN cluster_id", "DROP TABLE quote_clusters", "DROP TABLE quote_fingerprints",
                "ALTER TABLE entities DROP COLUMN fixed_name", "PRAGMA user_version = 3"):
        old.execute(sql)
    old.commit()
    old.close()
    with open_kb(path) as kb:  # every later migration too (search stemming, the Datasette view)
        assert kb.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert sorted(r[0] for r in kb.conn.execute("SELECT number FROM quotes")) == [1, 2]
        page = kb.quotes()
        assert len(page.items) == 1 and page.items[0].cluster.articles == 2
        assert kb.show(1).quote.text == words + ","
        assert kb.check() == []
