"""Checking a store and copying it while it is in use.

`check_store` lists what is wrong, in words a user can act on (an empty list: all is well):
SQLite's own integrity check, foreign keys, the full-text index against the quotes it
indexes, rows whose article is gone, and counters that disagree with the rows they count.
`backup_store` writes a consistent copy with SQLite's online backup, readers and a writer
carrying on meanwhile.
"""
from __future__ import annotations

import os
import sqlite3

from ..errors import StoreError

ORPHAN_CHECKS = (
    ("quotes", "SELECT COUNT(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article_id)"),
    ("entity mentions", "SELECT COUNT(*) FROM article_entities ae "
                        "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = ae.article_id)"),
    ("relations", "SELECT COUNT(*) FROM relations r WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id)"),
    ("quote subjects", "SELECT COUNT(*) FROM quote_about qa WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.id = qa.quote_id)"),
    ("raw document hashes", "SELECT COUNT(*) FROM raw_documents r "
                            "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id)"),
    ("entity names", "SELECT COUNT(*) FROM entity_names n WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = n.entity_id)"),
)


def check_store(conn: sqlite3.Connection, counters: bool = True) -> list[str]:
    """Problems found in the store; [] when it is sound."""
    problems: list[str] = []
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        problems += [f"SQLite integrity: {r}" for r in rows[:20]]
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        problems.append(f"{len(fk)} rows point at rows that do not exist (first: table {fk[0][0]}, row {fk[0][1]})")
    try:
        conn.execute("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as e:
        problems.append(f"the full-text index is out of step with the quotes ({e}); rebuild it with "
                        f"INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")
    for what, sql in ORPHAN_CHECKS:
        n = conn.execute(sql).fetchone()[0]
        if n:
            problems.append(f"{n} {what} belong to nothing")
    if counters:
        n = conn.execute(
            "SELECT COUNT(*) FROM entities e WHERE e.quote_count != (SELECT COUNT(*) FROM quotes WHERE speaker_id = e.id) "
            "OR e.article_count != (SELECT COUNT(DISTINCT article_id) FROM article_entities WHERE entity_id = e.id) "
            "OR e.about_count != (SELECT COUNT(*) FROM quote_about WHERE entity_id = e.id)").fetchone()[0]
        if n:
            problems.append(f"{n} records have counts that disagree with their rows")
    return problems


def backup_store(conn: sqlite3.Connection, dest: str) -> str:
    """A consistent copy of the store at `dest` (a new file), taken while others read and write."""
    if os.path.exists(dest):
        raise StoreError(f"{dest} exists; back up to a new file")
    folder = os.path.dirname(os.path.abspath(dest))
    if not os.path.isdir(folder):
        raise StoreError(f"cannot write the backup: folder {folder} does not exist")
    target = sqlite3.connect(dest)
    try:
        conn.backup(target, pages=1024)
    except sqlite3.Error as e:
        target.close()
        os.remove(dest)
        raise StoreError(f"backup to {dest} failed ({e})") from None
    target.close()
    return dest
