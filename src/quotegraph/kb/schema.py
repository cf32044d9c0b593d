"""The store's schema and its migrations: one SQLite file, WAL, versioned with PRAGMA user_version.

Migrations only ever append: MIGRATIONS[i] takes a store from version i to i + 1, each in
its own transaction, so an old store opens under new code and a store written by a newer
quotegraph is refused rather than misread.

Tables, in the order data flows into them:
  articles          one row per article version in the store; provenance of everything else
  raw_documents     hashes of input bytes already read, so unchanged input skips extraction
  entities          one record per person, work, character, organisation, place across articles
  entity_names      every name an entity goes by (aliases), normalised for lookup, with counts
  article_entities  an article's own entities (mentions, aliases) and the record each resolved to
  quotes (+ quotes_fts)  quotes with speaker, cue and the sentence around them; FTS5 over the words (Porter stems).
                    A quote's id is (publication day's ordinal << 24) + n: ids sort newest last
  quote_about       which entities a quote's words or surrounding sentence name
  relations         facts (plays, created, streams on, ...) with their evidence span
  entity_context    which works and characters an entity appears with: the context resolution compares
  pins, blocks, overrides   a person's fixes (merge, split), replayed on every later ingest
  quotes_with_sources  (a view) each quote with speaker name, article title, outlet, date and URL
"""
from __future__ import annotations

import os
import sqlite3

from ..errors import StoreError

MIGRATIONS: list[str] = [
    # 0 -> 1
    """
    CREATE TABLE articles (
        id            INTEGER PRIMARY KEY,
        key           TEXT NOT NULL UNIQUE,       -- tables.article_id: stable across versions
        content_hash  TEXT NOT NULL,              -- tables.content_hash: this version
        source        TEXT NOT NULL,
        url           TEXT,
        title         TEXT,
        dek           TEXT,
        authors       TEXT NOT NULL DEFAULT '[]', -- JSON list of names
        published     TEXT,                       -- as the article gives it (ISO 8601)
        published_day TEXT,                       -- YYYY-MM-DD when known: filters and order
        outlet        TEXT,
        media_type    TEXT NOT NULL,
        text          TEXT NOT NULL,              -- every offset in the store indexes this
        paragraphs    TEXT NOT NULL DEFAULT '[]', -- JSON [[start, end], ...]
        engine        TEXT NOT NULL,              -- quotegraph version and model that extracted it
        ingested_at   TEXT NOT NULL
    );
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_published_day ON articles(published_day);

    CREATE TABLE raw_documents (
        raw_hash   TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        engine     TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX raw_documents_article ON raw_documents(article_id);

    CREATE TABLE entities (
        id            INTEGER PRIMARY KEY,
        type          TEXT NOT NULL,
        name          TEXT NOT NULL,
        work_id       INTEGER REFERENCES entities(id),   -- characters: the work they belong to
        merged_into   INTEGER REFERENCES entities(id),   -- set by `quotegraph merge`
        quote_count   INTEGER NOT NULL DEFAULT 0,        -- quotes this entity said
        about_count   INTEGER NOT NULL DEFAULT 0,        -- quotes about it
        article_count INTEGER NOT NULL DEFAULT 0,        -- articles that mention it
        created_at    TEXT NOT NULL
    );
    CREATE INDEX entities_type_quotes ON entities(type, quote_count);
    CREATE INDEX entities_type_articles ON entities(type, article_count);
    CREATE INDEX entities_type_about ON entities(type, about_count);
    CREATE INDEX entities_type_name ON entities(type, name COLLATE NOCASE);
    CREATE INDEX entities_work ON entities(work_id);
    CREATE INDEX entities_merged_into ON entities(merged_into);

    CREATE TABLE entity_names (
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        key       TEXT NOT NULL,
        name      TEXT NOT NULL,
        first     TEXT NOT NULL,
        last      TEXT NOT NULL,
        tokens    INTEGER NOT NULL,
        n         INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (entity_id, key)
    ) WITHOUT ROWID;
    CREATE INDEX entity_names_key ON entity_names(key);
    CREATE INDEX entity_names_first ON entity_names(first, last);
    CREATE INDEX entity_names_last ON entity_names(last);

    CREATE TABLE article_entities (
        id          INTEGER PRIMARY KEY,
        article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        local_id    TEXT NOT NULL,               -- the id inside the article ("e3")
        name        TEXT NOT NULL,
        key         TEXT NOT NULL,
        type        TEXT NOT NULL,
        aliases     TEXT NOT NULL DEFAULT '[]',  -- JSON list
        mentions    TEXT NOT NULL DEFAULT '[]',  -- JSON [[start, end], ...]
        kind_hint   TEXT,                        -- works: what the text calls it (film, TV series, ...)
        synthetic   INTEGER NOT NULL DEFAULT 0,  -- made for a speaker or relation name the engine listed no entity for
        entity_id   INTEGER NOT NULL REFERENCES entities(id),
        resolved_id INTEGER NOT NULL             -- what resolution chose, before any merge
    );
    CREATE INDEX article_entities_article ON article_entities(article_id);
    CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);
    CREATE INDEX article_entities_resolved ON article_entities(resolved_id);

    CREATE TABLE quotes (
        id            INTEGER PRIMARY KEY,
        article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        local_id      TEXT NOT NULL,
        kind          TEXT NOT NULL,
        text          TEXT NOT NULL,
        start         INTEGER NOT NULL,
        "end"         INTEGER NOT NULL,
        speaker_name  TEXT,                -- the name the article gives
        speaker_local TEXT,
        speaker_id    INTEGER REFERENCES entities(id),
        speaker_start INTEGER,
        speaker_end   INTEGER,
        speaker_text  TEXT,
        cue_start     INTEGER,
        cue_end       INTEGER,
        cue_text      TEXT,
        nested_in     TEXT,
        context_start INTEGER NOT NULL,    -- the sentence(s) around the quote
        context_end   INTEGER NOT NULL,
        published_day TEXT,                -- copied from the article: filters and order without a join
        outlet        TEXT
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE INDEX quotes_speaker ON quotes(speaker_id, published_day);
    CREATE INDEX quotes_published_day ON quotes(published_day);
    CREATE INDEX quotes_outlet ON quotes(outlet COLLATE NOCASE, published_day);
    CREATE INDEX quotes_kind ON quotes(kind, published_day);

    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
    END;

    CREATE TABLE quote_about (
        quote_id  INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        in_quote  INTEGER NOT NULL,        -- 1 when the quoted words themselves name it
        PRIMARY KEY (quote_id, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX quote_about_entity ON quote_about(entity_id, quote_id);

    CREATE TABLE relations (
        id             INTEGER PRIMARY KEY,
        article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        subject        TEXT NOT NULL,
        predicate      TEXT NOT NULL,
        object         TEXT NOT NULL,
        qualifier      TEXT,
        evidence_start INTEGER NOT NULL,
        evidence_end   INTEGER NOT NULL,
        subject_local  TEXT,
        object_local   TEXT,
        qualifier_local TEXT,
        subject_id     INTEGER REFERENCES entities(id),
        object_id      INTEGER REFERENCES entities(id),
        qualifier_id   INTEGER REFERENCES entities(id)
    );
    CREATE INDEX relations_article ON relations(article_id);
    CREATE INDEX relations_subject ON relations(subject_id, predicate);
    CREATE INDEX relations_object ON relations(object_id, predicate);
    CREATE INDEX relations_qualifier ON relations(qualifier_id, predicate);

    CREATE TABLE entity_context (
        entity_id  INTEGER NOT NULL,
        context_id INTEGER NOT NULL,
        n          INTEGER NOT NULL,
        PRIMARY KEY (entity_id, context_id)
    ) WITHOUT ROWID;
    CREATE INDEX entity_context_context ON entity_context(context_id);

    CREATE TABLE pins (
        article_key TEXT NOT NULL,
        type        TEXT NOT NULL,
        key         TEXT NOT NULL,
        entity_id   INTEGER NOT NULL REFERENCES entities(id),
        PRIMARY KEY (article_key, type, key)
    ) WITHOUT ROWID;
    CREATE INDEX pins_entity ON pins(entity_id);

    CREATE TABLE blocks (
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        key       TEXT NOT NULL,
        PRIMARY KEY (entity_id, key)
    ) WITHOUT ROWID;

    CREATE TABLE overrides (
        id         INTEGER PRIMARY KEY,
        action     TEXT NOT NULL,     -- merge, split, unmerge
        detail     TEXT NOT NULL,     -- JSON
        created_at TEXT NOT NULL
    );
    """,
    # 1 -> 2: quote ids that sort by publication day (day ordinal << 24 | sequence), so that every list of
    # quotes streams newest first from an index, words included (FTS5 reads rowids in order); indexes to
    # match; term statistics for planning word searches
    """
    PRAGMA defer_foreign_keys = ON;
    CREATE TEMP TABLE quote_renumber AS
        SELECT id AS old, (COALESCE(CAST(julianday(published_day) - julianday('0001-01-01') AS INTEGER) + 1, 0) << 24)
               + ROW_NUMBER() OVER (PARTITION BY published_day ORDER BY id) AS new
        FROM quotes;
    CREATE UNIQUE INDEX temp.quote_renumber_old ON quote_renumber(old);
    UPDATE quotes SET id = -id;
    UPDATE quotes SET id = (SELECT new FROM quote_renumber WHERE old = -quotes.id);
    UPDATE quote_about SET quote_id = (SELECT new FROM quote_renumber WHERE old = quote_about.quote_id);
    DROP TABLE temp.quote_renumber;
    INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
    DROP INDEX quotes_speaker;
    DROP INDEX quotes_outlet;
    DROP INDEX quotes_kind;
    CREATE INDEX quotes_speaker ON quotes(speaker_id);
    CREATE INDEX quotes_speaker_days ON quotes(speaker_id, published_day, outlet);
    CREATE INDEX quotes_outlet ON quotes(outlet COLLATE NOCASE);
    CREATE INDEX quotes_kind ON quotes(kind);
    """,
    # 2 -> 3: when the article says it was last updated
    """
    ALTER TABLE articles ADD COLUMN updated TEXT;
    """,
    # 3 -> 4 (search stemming): quotes_fts again with the Porter stemmer over unicode61, so "taxes" finds "tax";
    # content="quotes" written in double quotes, the form Datasette looks for, so it offers _search on quotes
    """
    DROP TRIGGER quotes_fts_insert;
    DROP TRIGGER quotes_fts_delete;
    DROP TRIGGER quotes_fts_update;
    DROP TABLE quotes_fts;
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content="quotes", content_rowid="id", tokenize='porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
    END;
    INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
    """,
    # 4 -> 5 (Datasette view): each quote with its speaker's name and its article's title, outlet, date and URL,
    # for reading the store in Datasette or any SQLite tool (the tables themselves hold ids)
    """
    CREATE VIEW quotes_with_sources AS
    SELECT q.id, q.kind, q.text, COALESCE(s.name, q.speaker_name) AS speaker, q.speaker_id,
           q.cue_text AS cue, a.title AS article_title, a.outlet, a.published, a.url, a.key AS article_key
    FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities s ON s.id = q.speaker_id;
    """,
]
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"  # quotes_fts's, as the latest migration made it

SCHEMA_VERSION = len(MIGRATIONS)


def connect(path: str, readonly: bool = False, timeout: float = 30.0) -> sqlite3.Connection:
    """Open (creating and migrating when needed) the store at `path`; `readonly` needs it to exist and only reads."""
    if path != ":memory:":
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise StoreError(f"cannot open the knowledge base {path}: folder {folder} does not exist")
        if readonly and not os.path.exists(path):
            raise StoreError(f"no knowledge base at {path}; build one with `quotegraph ingest PATH...` "
                             f"(or point --db / QUOTEGRAPH_DB at it)")
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("PRAGMA temp_store = MEMORY")
        if path != ":memory:" and conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"cannot put the knowledge base {path} in WAL mode (journal mode is {mode})")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn, path)
        if readonly:
            conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as e:
        raise StoreError(f"cannot open the knowledge base {path}: {e}") from None
    return conn


def check_version(conn: sqlite3.Connection, path: str) -> int:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(f"the knowledge base {path} was written by a newer quotegraph (schema {version}, "
                         f"this one reads up to {SCHEMA_VERSION}); upgrade quotegraph")
    return version


def migrate(conn: sqlite3.Connection, path: str) -> None:
    """Bring the store up to SCHEMA_VERSION, one migration per transaction."""
    version = check_version(conn, path)
    while version < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated
            if current == version:
                for statement in _statements(MIGRATIONS[version]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version = conn.execute("PRAGMA user_version").fetchone()[0]


def _statements(script: str) -> list[str]:
    """Split a migration into statements (sqlite3.complete_statement knows about trigger bodies)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
