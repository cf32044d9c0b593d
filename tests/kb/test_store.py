"""The store: schema and migrations, provenance, re-ingest, new versions, one transaction per article."""
from __future__ import annotations

import sqlite3

import pytest

from quotegraph.errors import StoreError
from quotegraph.kb import SCHEMA_VERSION, open_kb
from quotegraph.kb import store as store_module


def test_new_store_is_wal_with_schema_version_and_fts(tmp_path):
    path = str(tmp_path / "x.db")
    with open_kb(path) as kb:
        assert kb.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert kb.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert kb.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'quotes_fts'").fetchone()
    with open_kb(path) as kb:  # opening again migrates nothing and keeps the version
        assert kb.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_store_from_a_newer_quotegraph_is_refused(tmp_path):
    path = str(tmp_path / "future.db")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer quotegraph"):
        open_kb(path)


def test_readonly_open_of_a_missing_store_says_how_to_build_one(tmp_path):
    with pytest.raises(StoreError, match="quotegraph ingest"):
        open_kb(str(tmp_path / "missing.db"), readonly=True)


def test_a_file_that_is_not_a_store_is_a_store_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_kb(str(path))


def test_every_quote_keeps_its_provenance(kb, park_articles):
    a1, _ = park_articles
    a1.url = "https://example.com/park"
    kb.add_result(a1)
    q = kb.quotes(text="escapism").items[0]
    assert (q.article.title, q.article.outlet, q.article.authors, q.article.published, q.article.url) == (
        "Ashley Park Talks Season Two", "E! News", ["Beth Sobol"], "2021-01-02T18:49", "https://example.com/park")
    assert a1.text[q.start:q.end] == q.text
    assert a1.text[q.speaker.mention.start:q.speaker.mention.end] == "Ashley"
    assert a1.text[q.cue.start:q.cue.end] == "said"


def test_adding_the_same_article_again_changes_nothing(kb, park_articles, counts):
    a1, a2 = park_articles
    assert kb.add_result(a1).status == "new"
    assert kb.add_result(a2).status == "new"
    before = counts(kb)
    assert kb.add_result(a1).status == "unchanged"
    assert kb.add_result(a2).status == "unchanged"
    assert counts(kb) == before


def test_the_same_text_under_another_path_is_a_duplicate(kb, park_articles, counts):
    a1, _ = park_articles
    kb.add_result(a1)
    before = counts(kb)
    a1.source = "copy/of/park-2021.txt"
    assert kb.add_result(a1).status == "duplicate"
    assert counts(kb) == before


def test_a_new_version_replaces_the_old_rows(kb, article, park_articles, counts):
    a1, _ = park_articles
    kb.add_result(a1)
    new_text = a1.text.replace("We are filming in spring", "We start filming in May")
    v2 = article(new_text, a1.source, title=a1.title, published=a1.published, outlet=a1.outlet,
                 entities=[("Ashley Park", "person", ["Ashley Park", "Ashley"]), ("Emily in Paris", "work")],
                 quotes=[("We start filming in May,", "Ashley Park", "she", "added")])
    out = kb.add_result(v2)
    assert out.status == "updated"
    assert kb.stats().articles == 1
    texts = [q.text for q in kb.quotes().items]
    assert texts == ["We start filming in May,"]
    assert kb.quotes(text="escapism").items == []  # the old words left the full-text index too
    assert kb.quotes(text="May").items[0].text == "We start filming in May,"
    # records only the old version named are gone; the person kept her id
    assert kb.find("Darren Star") == []
    assert kb.person("Ashley Park").quote_count == 1
    c = counts(kb)
    assert c["fts"] == c["quotes"] == 1


def test_a_new_version_keeps_the_record_ids_it_resolved_to(kb, article, park_articles):
    a1, _ = park_articles
    kb.add_result(a1)
    pid = kb.person("Ashley Park").id
    v2 = article(a1.text + "\n\nMore to come.", a1.source,
                 entities=[("Ashley", "person", ["Ashley"])],  # only her first name this time
                 quotes=[("I think people love the escapism,", "Ashley", "Ashley", "said")])
    kb.add_result(v2)
    assert kb.quotes(text="escapism").items[0].speaker.id == pid


def test_an_article_is_written_in_one_transaction(kb, park_articles, counts, monkeypatch):
    a1, a2 = park_articles
    kb.add_result(a1)
    before = counts(kb)

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store_module, "apply_footprint", boom)  # fails after the article's rows are inserted
    with pytest.raises(RuntimeError):
        kb.add_result(a2)
    assert counts(kb) == before
    assert kb.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_delete_article_removes_its_rows_and_orphan_records(kb, park_articles, counts):
    a1, a2 = park_articles
    kb.add_result(a1)
    before = counts(kb)
    out = kb.add_result(a2)
    assert kb.delete_article(out.article)
    assert counts(kb) == before


def test_footprints_keep_counters_exact(kb, park_articles):
    for a in park_articles:
        kb.add_result(a)
    rows = kb.conn.execute(
        "SELECT e.id, e.quote_count, (SELECT COUNT(*) FROM quotes WHERE speaker_id = e.id), e.article_count, "
        "(SELECT COUNT(DISTINCT article_id) FROM article_entities WHERE entity_id = e.id), e.about_count, "
        "(SELECT COUNT(*) FROM quote_about WHERE entity_id = e.id) FROM entities e").fetchall()
    for r in rows:
        assert (r[1], r[3], r[5]) == (r[2], r[4], r[6])


def test_published_day_reads_iso_and_rfc_2822_dates():
    assert store_module.published_day("2021-01-02T18:49") == "2021-01-02"
    assert store_module.published_day("Sat, 02 Jan 2021 18:49:00 GMT") == "2021-01-02"
    assert store_module.published_day("sometime") is None


def test_migration_from_version_1_renumbers_quotes_by_day_and_keeps_search_working(tmp_path):
    from quotegraph.kb.schema import MIGRATIONS, _statements

    path = str(tmp_path / "v1.db")
    conn = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO articles (id, key, content_hash, source, media_type, text, engine, ingested_at, "
                 "published_day) VALUES (1, 'k1', 'h1', 's1', 'text/plain', 'x', 'e', 't', '2022-01-03'), "
                 "(2, 'k2', 'h2', 's2', 'text/plain', 'x', 'e', 't', '2021-01-02')")
    conn.execute("INSERT INTO entities (id, type, name, created_at) VALUES (1, 'person', 'Jane Roe', 't')")
    for qid, aid, words, day in ((1, 1, "newer words", "2022-01-03"), (2, 2, "older words", "2021-01-02"),
                                 (3, 2, "undated words", None)):
        conn.execute('INSERT INTO quotes (id, article_id, local_id, kind, text, start, "end", context_start, '
                     "context_end, published_day) VALUES (?, ?, 'q', 'direct', ?, 0, 1, 0, 1, ?)",
                     (qid, aid, words, day))
    conn.execute("INSERT INTO quote_about (quote_id, entity_id, in_quote) VALUES (2, 1, 1)")
    conn.commit()
    conn.close()
    with open_kb(path) as kb:
        assert kb.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [q.text for q in kb.quotes().items] == ["newer words", "older words", "undated words"]
        assert [q.text for q in kb.quotes(text="older").items] == ["older words"]
        assert [q.text for q in kb.quotes(about="#1").items] == ["older words"]
        assert [q.text for q in kb.quotes(since="2022").items] == ["newer words"]
        assert kb.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_migration_to_stemmed_search_reindexes_the_quotes_of_an_older_store(tmp_path):
    """The search-stemming step: a store made before it finds "taxes" for "tax" once opened, and stays sound."""
    from quotegraph.kb.schema import FTS_TOKENIZER, MIGRATIONS, _statements

    step = next(i for i, m in enumerate(MIGRATIONS) if "porter" in m)
    path = str(tmp_path / "old.db")
    conn = sqlite3.connect(path)
    for migration in MIGRATIONS[:step]:
        for statement in _statements(migration):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {step}")
    conn.execute("INSERT INTO articles (id, key, content_hash, source, media_type, text, engine, ingested_at, "
                 "published_day) VALUES (1, 'k1', 'h1', 's1', 'text/plain', 'x', 'e', 't', '2022-01-03')")
    conn.execute('INSERT INTO quotes (id, article_id, local_id, kind, text, start, "end", context_start, context_end) '
                 "VALUES (7, 1, 'q1', 'direct', 'We will cut taxes for families', 0, 1, 0, 1)")
    conn.commit()
    assert conn.execute("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'tax'").fetchone()[0] == 0
    conn.close()
    with open_kb(path) as kb:
        assert kb.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [q.text for q in kb.quotes(text="tax").items] == ["We will cut taxes for families"]
        assert [q.text for q in kb.quotes(text="family").items] == ["We will cut taxes for families"]
        sql = kb.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'").fetchone()[0]
        assert FTS_TOKENIZER in sql and 'content="quotes"' in sql
        assert kb.check() == []


def test_check_finds_nothing_wrong_with_a_sound_store_and_reports_damage(kb, park_articles):
    for a in park_articles:
        kb.add_result(a)
    assert kb.check() == []
    kb.conn.execute("UPDATE entities SET quote_count = quote_count + 5 WHERE id = (SELECT MIN(id) FROM entities)")
    kb.conn.execute("PRAGMA foreign_keys = OFF")
    kb.conn.execute("DELETE FROM articles WHERE id = (SELECT MIN(id) FROM articles)")
    problems = kb.check()
    assert any("counts" in p for p in problems) and any("belong to nothing" in p for p in problems)


def test_backup_is_a_consistent_copy(kb, park_articles, tmp_path, counts):
    for a in park_articles:
        kb.add_result(a)
    dest = kb.backup(str(tmp_path / "copy.db"))
    with open_kb(dest) as copy:
        assert counts(copy) == counts(kb)
        assert copy.check() == []
    with pytest.raises(StoreError, match="exists"):
        kb.backup(dest)
