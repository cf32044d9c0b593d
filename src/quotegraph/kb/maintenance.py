"""Checking a store and copying it while it is in use: the one implementation behind
`quotegraph check` / `quotegraph backup` and KnowledgeBase.check() / KnowledgeBase.backup().

Both open the file themselves instead of through schema.connect, which would create a missing
store or migrate an old one: a check must not change what it checks, and a backup must not
change what it copies. Both only read, so they work on a store opened read-only, on a file
that may not be written, and while an ingest writes.

`check_path` (and `check_connection`, for a connection already open) lists what is wrong, in
words a user can act on (an empty list: all is well): whether the file is a store this version
reads, SQLite's integrity check, foreign keys, the full-text index against the quotes it
indexes, every quote indexed exactly once, offsets inside their article's text, rows that
belong to nothing, and counters that disagree with the rows they count. It reads one
committed state of the store (one read transaction). FTS5's own integrity check is an INSERT
command, which a read-only connection cannot run; it runs instead on a copy of the index in
the connection's temporary database, checked against the quotes of the store itself, so the
check is the same whoever may write the file. A file that is not a store, or is damaged past
opening, is one problem like any other.

`backup_path` copies with SQLite's online backup in a single step: a read transaction that,
in WAL mode, neither waits for a writer nor makes one wait, and sees one committed state
(copying page batches instead would restart whenever an ingest commits between them, so a
busy store might never finish). The copy is written beside the destination under a temporary
name, checked, and only then renamed into place, so a destination that exists is always a
whole store.
"""
from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass

from ..errors import StoreError
from .schema import FTS_TOKENIZER, SCHEMA_VERSION, open_readonly

BUSY_TIMEOUT_MS = 30_000
REQUIRED_TABLES = ("articles", "quotes", "quotes_fts", "entities", "article_entities", "quote_about", "relations")

# (what, SQL counting the rows that are wrong): each is one line of the report when the count is not 0.
ROW_CHECKS = (
    ("quotes in no quote cluster, or in one that is gone",
     "SELECT COUNT(*) FROM quotes q WHERE q.cluster_id IS NULL OR NOT EXISTS "
     "(SELECT 1 FROM quote_clusters c WHERE c.id = q.cluster_id)"),
    ("quote clusters whose copies were miscounted",
     "SELECT COUNT(*) FROM quote_clusters c WHERE c.copies != (SELECT COUNT(*) FROM quotes q WHERE q.cluster_id = c.id)"),
    ("quotes belong to nothing",
     "SELECT COUNT(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article_id)"),
    ("entity mentions belong to nothing",
     "SELECT COUNT(*) FROM article_entities ae WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = ae.article_id)"),
    ("relations belong to nothing",
     "SELECT COUNT(*) FROM relations r WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id)"),
    ("quote subjects belong to nothing",
     "SELECT COUNT(*) FROM quote_about qa WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.id = qa.quote_id)"),
    ("raw document hashes belong to nothing",
     "SELECT COUNT(*) FROM raw_documents r WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id)"),
    ("entity names belong to nothing",
     "SELECT COUNT(*) FROM entity_names n WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = n.entity_id)"),
    ("quotes missing from the full-text index",
     "SELECT COUNT(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM quotes_fts_docsize d WHERE d.id = q.id)"),
    ("full-text index entries for quotes that are gone",
     "SELECT COUNT(*) FROM quotes_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.id = d.id)"),
    ("quotes whose offsets fall outside their article's text",
     'SELECT COUNT(*) FROM quotes q JOIN articles a ON a.id = q.article_id '
     'WHERE q.start < 0 OR q."end" < q.start OR q."end" > length(a.text) '
     'OR q.context_start < 0 OR q.context_end > length(a.text)'),
    ("relations whose evidence falls outside their article's text",
     "SELECT COUNT(*) FROM relations r JOIN articles a ON a.id = r.article_id "
     "WHERE r.evidence_start < 0 OR r.evidence_end < r.evidence_start OR r.evidence_end > length(a.text)"),
    ("context rows of records that are gone",
     "SELECT COUNT(*) FROM entity_context c WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = c.entity_id) "
     "OR NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = c.context_id)"),
)
COUNTER_CHECK = (
    "SELECT COUNT(*) FROM entities e WHERE e.quote_count != (SELECT COUNT(*) FROM quotes WHERE speaker_id = e.id) "
    "OR e.article_count != (SELECT COUNT(DISTINCT article_id) FROM article_entities WHERE entity_id = e.id) "
    "OR e.about_count != (SELECT COUNT(*) FROM quote_about WHERE entity_id = e.id)")

# The FTS5 table quotes_fts as schema.py declares it, and the shadow tables that hold its index.
FTS_SHADOW_TABLES = ("data", "idx", "docsize", "config")


@dataclass
class CheckReport:
    """What `check_path` found: problems, one line each, and what the store holds."""

    path: str
    problems: list[str]
    articles: int = 0
    quotes: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {"path": self.path, "ok": self.ok, "problems": self.problems, "articles": self.articles,
                "quotes": self.quotes, "seconds": round(self.seconds, 3)}


@dataclass
class BackupReport:
    source: str
    dest: str
    bytes: int
    articles: int
    quotes: int
    seconds: float

    def to_dict(self) -> dict:
        return {"source": self.source, "dest": self.dest, "bytes": self.bytes, "articles": self.articles,
                "quotes": self.quotes, "seconds": round(self.seconds, 3)}


def open_store_file(path: str) -> sqlite3.Connection:
    """A read-only connection to an existing store file, created or migrated by nothing; StoreError when there is none."""
    if not os.path.exists(path):
        raise StoreError(f"no knowledge base at {path} (point --db or QUOTEGRAPH_DB at one)")
    if os.path.isdir(path):
        raise StoreError(f"{path} is a folder, not a knowledge base file")
    conn = open_readonly(path, timeout=BUSY_TIMEOUT_MS / 1000)  # on a read-only filesystem too
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlite3.Error as e:
        conn.close()
        raise StoreError(f"cannot open the knowledge base {path} ({e})") from None
    return conn


def _shape_problems(conn: sqlite3.Connection) -> list[str]:
    """Whether the file is a quotegraph store this version reads; the row checks need it to be."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as e:
        return [f"not a readable SQLite database ({e})"]
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        return [f"not a quotegraph knowledge base (no {', '.join(missing)} table)"]
    if version > SCHEMA_VERSION:
        return [f"written by a newer quotegraph (schema {version}; this one reads up to {SCHEMA_VERSION})"]
    if version < SCHEMA_VERSION:
        return [f"schema {version} is older than this quotegraph's {SCHEMA_VERSION}; open it once with any "
                f"command that writes (e.g. `quotegraph ingest`) to migrate it, then check again"]
    return []


def check_connection(conn: sqlite3.Connection, counters: bool = True) -> list[str]:
    """Every problem of an open store, one line each ([] when it is sound), read in one transaction.

    `conn` may be read-only (opened with mode=ro) but must be able to write its temporary
    database, which `PRAGMA query_only` forbids: KnowledgeBase.check opens a connection of its own."""
    problems = _shape_problems(conn)
    if problems:
        return problems
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")
    try:
        return _store_problems(conn, counters)
    except sqlite3.DatabaseError as e:
        return [f"the store is damaged: {e} (restore a backup, or recover it with the sqlite3 shell's .recover)"]
    finally:
        if began and conn.in_transaction:
            conn.execute("ROLLBACK")  # nothing was written but the temporary copy of the index


def _store_problems(conn: sqlite3.Connection, counters: bool) -> list[str]:
    problems: list[str] = []
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        problems += [f"SQLite integrity: {r}" for r in rows[:20]]
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        problems.append(f"{len(fk)} rows point at rows that do not exist (first: table {fk[0][0]}, row {fk[0][1]})")
    fts = _full_text_problem(conn)
    if fts:
        problems.append(fts)
    for what, sql in ROW_CHECKS:
        try:
            n = conn.execute(sql).fetchone()[0]
        except sqlite3.DatabaseError as e:
            problems.append(f"cannot run the check for {what} ({e})")
            continue
        if n:
            problems.append(f"{n:,} {what}")
    n = conn.execute(COUNTER_CHECK).fetchone()[0] if counters else 0
    if n:
        problems.append(f"{n:,} records have counts that disagree with their rows")
    return problems


def _full_text_problem(conn: sqlite3.Connection) -> str | None:
    """FTS5's integrity check of quotes_fts (index sound, and in step with the quotes' text), without writing the store.

    The shadow tables holding the index are copied into a temporary FTS5 table of the same
    definition, whose content is a temporary view of the store's quotes, and the check runs there."""
    try:
        conn.execute("CREATE TEMP VIEW qg_check_quotes AS SELECT id, text FROM main.quotes")
        conn.execute(f"CREATE VIRTUAL TABLE temp.qg_check_fts USING fts5(text, content='qg_check_quotes', "
                     f"content_rowid='id', tokenize='{FTS_TOKENIZER}')")
        for shadow in FTS_SHADOW_TABLES:
            conn.execute(f"DELETE FROM temp.qg_check_fts_{shadow}")
            conn.execute(f"INSERT INTO temp.qg_check_fts_{shadow} SELECT * FROM main.quotes_fts_{shadow}")
        conn.execute("INSERT INTO temp.qg_check_fts(qg_check_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as e:
        return (f"the full-text index is out of step with the quotes ({e}); rebuild it with "
                f"INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.qg_check_fts")
        conn.execute("DROP VIEW IF EXISTS temp.qg_check_quotes")
    return None


def check_path(path: str, counters: bool = True) -> CheckReport:
    """Check the store file at `path`; StoreError only when there is no file to check."""
    started = time.perf_counter()
    conn = open_store_file(path)
    try:
        problems = check_connection(conn, counters=counters)
        articles = quotes = 0
        if not problems or not problems[0].startswith(("not a", "written by", "schema")):
            try:
                articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                quotes = conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
            except sqlite3.DatabaseError:
                pass
    finally:
        conn.close()
    return CheckReport(path, problems, articles, quotes, time.perf_counter() - started)


def backup_path(path: str, dest: str) -> BackupReport:
    """Copy the store at `path` to the new file `dest`, consistently, while others read and write it."""
    _check_dest(dest)
    source = open_store_file(path)
    try:
        return backup_connection(source, dest, label=path)
    finally:
        source.close()


def backup_connection(source: sqlite3.Connection, dest: str, label: str) -> BackupReport:
    """Copy the store open on `source` (named `label` in messages) to the new file `dest`; see backup_path."""
    started = time.perf_counter()
    folder = _check_dest(dest)
    partial = os.path.join(folder, f".{os.path.basename(dest)}.partial-{os.getpid()}")
    try:
        problems = _shape_problems(source)
        if problems:
            raise StoreError(f"cannot back up {label}: {problems[0]}")
        target = sqlite3.connect(partial, isolation_level=None)
        try:
            source.backup(target)  # pages=-1: one step, one read transaction, one committed state
            rows = [r[0] for r in target.execute("PRAGMA quick_check")]
            if rows != ["ok"]:
                raise StoreError(f"the copy of {label} failed its check ({rows[0]}); the store itself may be damaged "
                                 f"(run `quotegraph check`)")
            articles = target.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            quotes = target.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
        finally:
            target.close()
        if os.path.lexists(dest):
            raise StoreError(f"{dest} appeared while the backup was written; back up to a new file")
        os.replace(partial, dest)
    except sqlite3.Error as e:
        raise StoreError(f"backup of {label} to {dest} failed ({e})") from None
    finally:
        for leftover in (partial, partial + "-journal", partial + "-wal", partial + "-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)
    return BackupReport(label, dest, os.path.getsize(dest), articles, quotes, time.perf_counter() - started)


def _check_dest(dest: str) -> str:
    """The folder the backup goes to; StoreError when `dest` exists or its folder does not."""
    if os.path.lexists(dest):
        raise StoreError(f"{dest} exists; back up to a new file")
    folder = os.path.dirname(os.path.abspath(dest))
    if not os.path.isdir(folder):
        raise StoreError(f"cannot write the backup: folder {folder} does not exist")
    return folder
