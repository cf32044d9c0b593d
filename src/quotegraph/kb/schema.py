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
                    A quote's id is (publication day's ordinal << 24) + n: ids sort newest last;
                    its number (1, 2, 3, ...) is what people see and type
  quote_clusters (+ quote_fingerprints)  one entry per quotation across articles (kb/clusters.py)
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
    # 3 -> 4: a record's name a person fixed; short quote numbers to type (`quotegraph show 12`; the id keeps the newest-first order),
    # quote clusters (one entry per quotation across articles) and their shingle fingerprints;
    # existing quotes are clustered when the store is next opened for writing (clusters.backfill)
    """
    ALTER TABLE quotes ADD COLUMN number INTEGER;
    ALTER TABLE quotes ADD COLUMN cluster_id INTEGER;
    UPDATE quotes SET number = (SELECT n FROM (SELECT id AS qid, ROW_NUMBER() OVER (ORDER BY article_id, start, id) AS n
                                               FROM quotes) WHERE qid = quotes.id);
    CREATE UNIQUE INDEX quotes_number ON quotes(number);
    CREATE INDEX quotes_cluster ON quotes(cluster_id, article_id);
    CREATE INDEX quotes_speaker_clusters ON quotes(speaker_id, id, cluster_id);  -- a speaker's clusters, newest first
    CREATE TABLE quote_clusters (
        id         INTEGER PRIMARY KEY,
        speaker_id INTEGER,                 -- the speaker its copies agree on
        text       TEXT NOT NULL,           -- the longest copy's words
        first_seen TEXT,                    -- publication days of its first and last copy
        last_seen  TEXT,
        copies     INTEGER NOT NULL DEFAULT 0,
        articles   INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX quote_clusters_speaker ON quote_clusters(speaker_id);
    CREATE TABLE quote_fingerprints (
        hash        INTEGER NOT NULL,
        speaker_key INTEGER NOT NULL,        -- the speaker of the copy it came from, 0 when unattributed
        cluster_id  INTEGER NOT NULL,
        PRIMARY KEY (hash, speaker_key, cluster_id)
    ) WITHOUT ROWID;
    CREATE INDEX quote_fingerprints_cluster ON quote_fingerprints(cluster_id);
    ALTER TABLE entities ADD COLUMN fixed_name TEXT;    -- a name a person gave it (merge keeps, rename)
    """,
    # 4 -> 5 (search stemming): quotes_fts again with the Porter stemmer over unicode61, so "taxes" finds "tax";
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
    # 5 -> 6 (Datasette view): each quote with its speaker's name and its article's title, outlet, date and URL,
    # for reading the store in Datasette or any SQLite tool (the tables themselves hold ids)
    """
    CREATE VIEW quotes_with_sources AS
    SELECT q.id, q.number, q.cluster_id, q.kind, q.text, COALESCE(s.name, q.speaker_name) AS speaker, q.speaker_id,
           q.cue_text AS cue, a.title AS article_title, a.outlet, a.published, a.url, a.key AS article_key
    FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities s ON s.id = q.speaker_id;
    """,
]
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"  # quotes_fts's, as the latest migration made it

SCHEMA_VERSION = len(MIGRATIONS)


def connect(path: str, readonly: bool = False, timeout: float = 30.0) -> sqlite3.Connection:
    """Open (creating and migrating when needed) the store at `path`; `readonly` needs it to exist and only reads.

    A read-only open writes nothing to the file: a store of this schema is read as it is (see
    open_readonly, which also reads one on a read-only filesystem), and a file that is not a
    quotegraph store (an empty file, another SQLite database) is refused; only an older store is
    opened for writing, to be migrated."""
    if path != ":memory:":
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise StoreError(f"cannot open the knowledge base {path}: folder {folder} does not exist")
        if readonly and not os.path.exists(path):
            raise StoreError(f"no knowledge base at {path}; build one with `quotegraph ingest PATH...` "
                             f"(or point --db / QUOTEGRAPH_DB at it)")
        if readonly:
            conn = _current_readonly(path, timeout)
            if conn is not None:
                return conn
        elif os.path.exists(path) and not (os.access(path, os.W_OK) and os.access(folder, os.W_OK)):
            raise StoreError(f"the knowledge base {path} cannot be written (the file or its folder is read-only); "
                             f"commands that only read it (quotes, stats, check, serve) still work")
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        _tune(conn, timeout)
        if path != ":memory:" and conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"cannot put the knowledge base {path} in WAL mode (journal mode is {mode})")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn, path)
        if not readonly and conn.execute("SELECT 1 FROM quotes WHERE cluster_id IS NULL LIMIT 1").fetchone():
            from .clusters import backfill

            conn.execute("BEGIN IMMEDIATE")
            try:
                backfill(conn)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        if readonly:
            conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as e:
        raise StoreError(f"cannot open the knowledge base {path}: {_store_reason(e)}") from None
    return conn


def _tune(conn: sqlite3.Connection, timeout: float) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA temp_store = MEMORY")


def _current_readonly(path: str, timeout: float) -> sqlite3.Connection | None:
    """A read-only connection to a store of this schema; None for an older one (to migrate); StoreError for a
    file that is not a quotegraph store, or is damaged past opening."""
    conn = open_readonly(path, timeout)
    try:
        conn.row_factory = sqlite3.Row
        version = check_version(conn, path)
        if version == 0:
            tables = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
            what = "an empty SQLite database" if tables else "another program's SQLite database"
            if os.path.getsize(path) == 0:
                what = "an empty file"
            raise StoreError(f"{path} is not a quotegraph knowledge base ({what}); build one with "
                             f"`quotegraph ingest --db {path} PATH...`")
        if version < SCHEMA_VERSION:
            conn.close()
            return None
        _tune(conn, timeout)
        conn.execute("PRAGMA query_only = ON")
        return conn
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(f"cannot open the knowledge base {path}: {_store_reason(e)}") from None
    except BaseException:
        conn.close()
        raise


def open_readonly(path: str, timeout: float = 30.0) -> sqlite3.Connection:
    """A connection that only reads the existing file `path` (mode=ro): nothing is created, migrated or written.

    A store in WAL mode needs its WAL index (the -shm file) to be read, and SQLite creates it when it
    is missing, which it cannot on a read-only filesystem (or a folder it may not write). Then,
    when no write-ahead log holds commits that are not in the file yet, the file is opened as
    immutable, as SQLite documents for databases on read-only media: nothing can be writing it."""
    try:
        conn = sqlite3.connect(f"file:{_uri_path(path)}?mode=ro", uri=True, timeout=timeout, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open the knowledge base {path} ({e})") from None
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # opening is lazy: this reads the file
        return conn
    except sqlite3.DatabaseError as e:
        if not (isinstance(e, sqlite3.OperationalError) and _unwritable_without_index(path)):
            return conn  # a damaged file or another kind of file: the caller's first question meets it
        conn.close()
    wal = path + "-wal"
    if os.path.exists(wal) and os.path.getsize(wal) > 0:
        raise StoreError(f"cannot read the knowledge base {path}: its write-ahead log {wal} holds commits, and "
                         f"without its -shm index on a filesystem that cannot be written they cannot be read; "
                         f"copy the store with its -wal file to a writable place")
    try:
        conn = sqlite3.connect(f"file:{_uri_path(path)}?mode=ro&immutable=1", uri=True, timeout=timeout,
                               isolation_level=None, check_same_thread=False)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as e:
        raise StoreError(f"cannot open the knowledge base {path} ({e})") from None
    return conn


def _unwritable_without_index(path: str) -> bool:
    folder = os.path.dirname(os.path.abspath(path))
    return not os.path.exists(path + "-shm") and not os.access(folder, os.W_OK)


def _uri_path(path: str) -> str:
    from urllib.parse import quote

    return quote(os.path.abspath(path))


def _store_reason(e: sqlite3.DatabaseError) -> str:
    """SQLite's message, with what to do when the file is damaged."""
    text = str(e)
    if "malformed" in text or "not a database" in text:
        return f"{text} (the file is damaged: `quotegraph check` says where; restore a backup)"
    return text


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
