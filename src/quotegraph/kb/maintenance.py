"""What `quotegraph check` and `quotegraph backup` run: a store file checked, or copied while in use.

Both open the file themselves instead of through schema.connect, which would create a missing
store or migrate an old one: a check must not change what it checks, and a backup must not
change what it copies.

`check_path` runs kb.check.check_store (SQLite's integrity check, foreign keys, the FTS5
index's own integrity check against the quotes, rows that belong to nothing, counters) on a
connection that may write, since FTS5's integrity-check command is an INSERT, and adds what
that leaves out: every quote indexed exactly once, offsets inside their article's text,
context rows of records that are gone. A file that is not a store, or is damaged past opening,
is one problem like any other.

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
from .schema import SCHEMA_VERSION

BUSY_TIMEOUT_MS = 30_000
REQUIRED_TABLES = ("articles", "quotes", "quotes_fts", "entities", "article_entities", "quote_about", "relations")

EXTRA_CHECKS = (
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


def open_store_file(path: str, write: bool = False) -> sqlite3.Connection:
    """A connection to an existing store file, created or migrated by nothing; StoreError when there is none."""
    if not os.path.exists(path):
        raise StoreError(f"no knowledge base at {path} (point --db or QUOTEGRAPH_DB at one)")
    if os.path.isdir(path):
        raise StoreError(f"{path} is a folder, not a knowledge base file")
    mode = "rw" if write else "ro"
    try:
        conn = sqlite3.connect(f"file:{_uri_path(path)}?mode={mode}", uri=True, isolation_level=None,
                               timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlite3.Error as e:
        raise StoreError(f"cannot open the knowledge base {path} ({e})") from None
    return conn


def _uri_path(path: str) -> str:
    from urllib.parse import quote

    return quote(os.path.abspath(path))


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
    """Every problem of an open store, one line each."""
    from .check import check_store

    conn.row_factory = sqlite3.Row
    problems = _shape_problems(conn)
    if problems:
        return problems
    try:
        found = check_store(conn, counters=counters)
    except sqlite3.DatabaseError as e:
        return [f"the store is damaged: {e} (restore a backup, or recover it with the sqlite3 shell's .recover)"]
    # FTS5's integrity-check is an INSERT: on a file we may not write it cannot run, which is no damage
    problems += [("the full-text index was not checked: the store file is read-only" if "readonly database" in p else p)
                 for p in found]
    for what, sql in EXTRA_CHECKS:
        try:
            n = conn.execute(sql).fetchone()[0]
        except sqlite3.DatabaseError as e:
            problems.append(f"cannot count {what} ({e})")
            continue
        if n:
            problems.append(f"{n:,} {what}")
    return problems


def check_path(path: str, counters: bool = True) -> CheckReport:
    """Check the store file at `path`; StoreError only when there is no file to check."""
    started = time.perf_counter()
    conn = open_store_file(path, write=os.access(path, os.W_OK))
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
    started = time.perf_counter()
    if os.path.lexists(dest):
        raise StoreError(f"{dest} exists; back up to a new file")
    folder = os.path.dirname(os.path.abspath(dest))
    if not os.path.isdir(folder):
        raise StoreError(f"cannot write the backup: folder {folder} does not exist")
    if os.path.exists(path) and os.path.exists(dest) and os.path.samefile(path, dest):
        raise StoreError("the backup must go to another file than the store")
    source = open_store_file(path)
    partial = os.path.join(folder, f".{os.path.basename(dest)}.partial-{os.getpid()}")
    try:
        problems = _shape_problems(source)
        if problems:
            raise StoreError(f"cannot back up {path}: {problems[0]}")
        target = sqlite3.connect(partial, isolation_level=None)
        try:
            source.backup(target)  # pages=-1: one step, one read transaction, one committed state
            rows = [r[0] for r in target.execute("PRAGMA quick_check")]
            if rows != ["ok"]:
                raise StoreError(f"the copy of {path} failed its check ({rows[0]}); the store itself may be damaged "
                                 f"(run `quotegraph check`)")
            articles = target.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            quotes = target.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
        finally:
            target.close()
        if os.path.lexists(dest):
            raise StoreError(f"{dest} appeared while the backup was written; back up to a new file")
        os.replace(partial, dest)
    except sqlite3.Error as e:
        raise StoreError(f"backup of {path} to {dest} failed ({e})") from None
    finally:
        source.close()
        for leftover in (partial, partial + "-journal", partial + "-wal", partial + "-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)
    return BackupReport(path, dest, os.path.getsize(dest), articles, quotes, time.perf_counter() - started)
