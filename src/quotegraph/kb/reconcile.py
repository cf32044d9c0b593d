"""Lone-name records joined to a full name once the evidence arrives.

An article that says only "Obama" may come before any article that says "Barack Obama"; its
lone name then became a record of its own. When an article gives a full name, the lone-name
records of its first or last name are looked at again: one joins the full-name record when
that record is the only full name it fits whose context agrees best (the same works,
characters, organisations and people around both; for a lone first name, works and characters
only), exactly the test a lone name meets at ingest. The mentions move as resolution's own choice (resolved_id), so re-ingest keeps it, and
a record a person pinned, blocked or merged is left alone.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .names import NameKey, names_agree
from .resolve import Candidate, _best

MAX_LONE = 20  # lone-name records looked at per full name (bounded, so an article's cost does not grow)
MAX_FULL = 50  # full-name records a lone name is compared with


def _names(conn: sqlite3.Connection, eid: int) -> list[NameKey]:
    return [NameKey(r[0], r[1], r[2], r[3]) for r in conn.execute(
        "SELECT key, first, last, tokens FROM entity_names WHERE entity_id = ?", (eid,))]


def lone_records(conn: sqlite3.Connection, key: NameKey) -> list[int]:
    """Person records known only by one word that is `key`'s first or last name."""
    rows = conn.execute(
        "SELECT DISTINCT n.entity_id FROM entity_names n JOIN entities e ON e.id = n.entity_id "
        "WHERE n.key IN (?, ?) AND n.tokens = 1 AND +e.type = 'person' AND +e.merged_into IS NULL LIMIT ?",
        (key.first, key.last, MAX_LONE)).fetchall()
    out = []
    for (eid,) in rows:
        if conn.execute("SELECT 1 FROM entity_names WHERE entity_id = ? AND tokens > 1", (eid,)).fetchone():
            continue
        if conn.execute("SELECT 1 FROM pins WHERE entity_id = ?", (eid,)).fetchone() or \
                conn.execute("SELECT 1 FROM entities WHERE merged_into = ?", (eid,)).fetchone():
            continue
        out.append(eid)
    return out


def best_full_record(conn: sqlite3.Connection, lone: int) -> int | None:
    """The one full-name record a lone-name record's context points at, or None."""
    names = _names(conn, lone)
    if len(names) != 1:
        return None
    key = names[0]
    rows = conn.execute(
        "SELECT DISTINCT e.id, e.work_id, e.article_count FROM entity_names n JOIN entities e ON e.id = n.entity_id "
        "WHERE (n.first = :k OR n.last = :k) AND n.tokens > 1 AND +e.type = 'person' AND +e.merged_into IS NULL "
        "ORDER BY e.article_count DESC "
        "LIMIT :n", {"k": key.key, "n": MAX_FULL}).fetchall()
    cands = []
    for eid, work_id, articles in rows:
        if conn.execute("SELECT 1 FROM blocks WHERE entity_id = ? AND key = ?", (eid, key.key)).fetchone():
            continue
        ns = _names(conn, eid)
        if names_agree(key, ns):
            n = conn.execute("SELECT n FROM entity_names WHERE entity_id = ? AND key = ?", (eid, key.key)).fetchone()
            cands.append(Candidate(eid, ns, work_id, articles, alias_n=n[0] if n else 0))
    if not cands:
        return None
    for c in cands:
        # a lone first name takes only works and characters as evidence (see Resolver.work_context)
        surname = any(n.last == key.key and not n.single for n in c.names)
        only = "" if surname else " AND EXISTS (SELECT 1 FROM entities x WHERE x.id = a.context_id " \
                                  "AND x.type IN ('work', 'character'))"
        c.score = conn.execute(
            "SELECT COUNT(*) FROM entity_context a JOIN entity_context b ON b.context_id = a.context_id "
            f"WHERE a.entity_id = ? AND b.entity_id = ? AND a.context_id NOT IN (?, ?){only}",
            (lone, c.entity_id, lone, c.entity_id)).fetchone()[0]
    return _best(cands, require_unique=True, need_context=True)


def join_lone_names(conn: sqlite3.Connection, records: set[int],
                    relink_article: Callable[[sqlite3.Connection, int], None]) -> set[int]:
    """Join lone-name records to the full-name `records` their evidence points at; the records touched.

    `relink_article` points a joined article's quotes and facts at the records (the store's, passed in so
    that this module, which the store calls, does not import the store back)."""

    touched: set[int] = set()
    keys = set()
    for eid in records:
        row = conn.execute("SELECT type, merged_into FROM entities WHERE id = ?", (eid,)).fetchone()
        if row is None or row[0] != "person" or row[1] is not None:
            continue
        keys |= {k for k in _names(conn, eid) if not k.single}
    seen: set[int] = set()
    for k in keys:
        for lone in lone_records(conn, k):
            if lone in seen:
                continue
            seen.add(lone)
            target = best_full_record(conn, lone)
            if target is None:
                continue
            articles = [r[0] for r in conn.execute(
                "SELECT DISTINCT article_id FROM article_entities WHERE entity_id = ?", (lone,))]
            conn.execute("UPDATE article_entities SET entity_id = ?, resolved_id = ? WHERE entity_id = ?",
                         (target, target, lone))
            conn.execute("UPDATE article_entities SET resolved_id = ? WHERE resolved_id = ?", (target, lone))
            for aid in articles:
                relink_article(conn, aid)
            touched |= {lone, target}
    return touched
