"""A person's fixes to resolution: merge two records, split a wrong merge apart, undo a merge.

Fixes are stored, not just applied, so that they survive re-ingest:
  - merge B into A marks B `merged_into` A; whatever later resolves to B lands on A;
  - split takes some of a record's mentions (by name, or by article) into a new record and
    pins each of those (article, name) pairs to it; a name taken away is also blocked from
    resolving to the old record again;
  - unmerge undoes a merge: the mentions resolution had put on B go back to B.
Every fix is logged in `overrides`.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from ..errors import UserInputError
from .names import NameKey
from .resolve import now
from .store import rebuild_entities, relink_article, transaction


@dataclass
class FixResult:
    """What a merge or split did: the record kept or made, and how many article mentions moved."""

    action: str
    entity: int
    other: int
    moved: int

    def to_dict(self) -> dict:
        return {"action": self.action, "entity": self.entity, "other": self.other, "moved": self.moved}


def _entity(conn: sqlite3.Connection, eid: int) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM entities WHERE id = ?", (eid,)).fetchone()
    if row is None:
        raise UserInputError(f"no record #{eid} in the knowledge base")
    return row


def _log(conn: sqlite3.Connection, action: str, detail: dict) -> None:
    conn.execute("INSERT INTO overrides (action, detail, created_at) VALUES (?, ?, ?)",
                 (action, json.dumps(detail, ensure_ascii=False), now()))


def merge(conn: sqlite3.Connection, keep: int, absorb: int) -> FixResult:
    """Merge record `absorb` into `keep`: one record from now on, under every later ingest too."""
    with transaction(conn):
        a, b = _entity(conn, keep), _entity(conn, absorb)
        if a["merged_into"] is not None:
            raise UserInputError(f"#{keep} was merged into #{a['merged_into']}; merge into that one")
        if b["merged_into"] is not None:
            raise UserInputError(f"#{absorb} is already merged into #{b['merged_into']}")
        if keep == absorb:
            raise UserInputError(f"#{keep} and #{absorb} are the same record")
        if a["type"] != b["type"]:
            raise UserInputError(f"#{keep} is a {a['type']} and #{absorb} a {b['type']}; only records of one type merge")
        articles = [r[0] for r in conn.execute(
            "SELECT DISTINCT article_id FROM article_entities WHERE entity_id = ?", (absorb,))]
        moved = conn.execute("UPDATE article_entities SET entity_id = ? WHERE entity_id = ?", (keep, absorb)).rowcount
        conn.execute("UPDATE entities SET merged_into = ? WHERE id = ?", (keep, absorb))
        conn.execute("UPDATE entities SET work_id = ? WHERE work_id = ?", (keep, absorb))
        conn.execute("UPDATE pins SET entity_id = ? WHERE entity_id = ?", (keep, absorb))
        conn.execute("DELETE FROM blocks WHERE entity_id = ?", (absorb,))
        conn.execute("UPDATE entities SET work_id = ? WHERE id = ? AND work_id IS NULL", (b["work_id"], keep))
        for aid in articles:
            relink_article(conn, aid)
        conn.execute("UPDATE entities SET fixed_name = COALESCE(fixed_name, name) WHERE id = ?", (keep,))
        rebuild_entities(conn, {keep, absorb})
        _log(conn, "merge", {"keep": keep, "absorb": absorb, "keep_name": a["name"], "absorb_name": b["name"]})
        return FixResult("merge", keep, absorb, moved)


def rename(conn: sqlite3.Connection, entity: int, name: str) -> FixResult:
    """Give a record the name a person chose; later ingests keep it."""
    name = " ".join((name or "").split())
    if not name:
        raise UserInputError("give the record's new name, e.g. quotegraph rename \"#12\" \"Tim Cook\"")
    with transaction(conn):
        e = _entity(conn, entity)
        if e["merged_into"] is not None:
            raise UserInputError(f"#{entity} is merged into #{e['merged_into']}; rename that one")
        conn.execute("UPDATE entities SET fixed_name = ?, name = ? WHERE id = ?", (name, name, entity))
        key = NameKey.of(name, e["type"])
        if key.key:  # the new name finds the record too
            conn.execute("INSERT INTO entity_names (entity_id, key, name, first, last, tokens, n) VALUES (?,?,?,?,?,?,0) "
                         "ON CONFLICT(entity_id, key) DO NOTHING", (entity, key.key, name, key.first, key.last, key.tokens))
        _log(conn, "rename", {"entity": entity, "old_name": e["name"], "name": name})
        return FixResult("rename", entity, entity, 0)


def unmerge(conn: sqlite3.Connection, entity: int, merged: int) -> FixResult:
    """Undo `merge(entity, merged)`: the mentions resolution had given `merged` return to it."""
    with transaction(conn):
        _entity(conn, entity)
        b = _entity(conn, merged)
        if b["merged_into"] != entity:
            raise UserInputError(f"#{merged} is not merged into #{entity}; to take mentions out of #{entity} "
                             f"use split with --name or --article")
        family = _merged_family(conn, merged)
        marks = ",".join("?" * len(family))
        articles = [r[0] for r in conn.execute(
            f"SELECT DISTINCT article_id FROM article_entities WHERE entity_id = ? AND resolved_id IN ({marks})",
            [entity, *family])]
        moved = conn.execute(f"UPDATE article_entities SET entity_id = ? WHERE entity_id = ? AND resolved_id IN ({marks})",
                             [merged, entity, *family]).rowcount
        conn.execute("UPDATE entities SET merged_into = NULL WHERE id = ?", (merged,))
        for aid in articles:
            relink_article(conn, aid)
        rebuild_entities(conn, {entity, merged})
        _log(conn, "unmerge", {"entity": entity, "merged": merged})
        return FixResult("unmerge", entity, merged, moved)


def _merged_family(conn: sqlite3.Connection, root: int) -> list[int]:
    """A record and every record merged into it, directly or through others."""
    out, todo = [root], [root]
    while todo:
        nxt = [r[0] for r in conn.execute("SELECT id FROM entities WHERE merged_into = ?", (todo.pop(),))]
        out += nxt
        todo += nxt
    return out


def split(conn: sqlite3.Connection, entity: int, names: list[str] | None = None,
          articles: list[str] | None = None) -> FixResult:
    """Take the mentions of `entity` under some names, or in some articles, into a new record of their own."""
    names, articles = names or [], articles or []
    if not names and not articles:
        raise UserInputError("say what to split off: --name NAME (mentions under that name) or --article ID")
    with transaction(conn):
        e = _entity(conn, entity)
        if e["merged_into"] is not None:
            raise UserInputError(f"#{entity} is merged into #{e['merged_into']}; to undo that, split "
                             f"#{e['merged_into']} #{entity}")
        keys = sorted({NameKey.of(n, e["type"]).key for n in names} - {""})
        conditions: list[str] = []
        params: list[int | str] = [entity]
        if keys:
            conditions.append(f"ae.key IN ({','.join('?' * len(keys))})")
            params += keys
        if articles:
            conditions.append(f"(a.key IN ({','.join('?' * len(articles))}) OR CAST(a.id AS TEXT) IN "
                              f"({','.join('?' * len(articles))}))")
            params += articles + articles
        rows = conn.execute(
            f"SELECT ae.id, ae.article_id, ae.name, ae.key, ae.type, a.key AS article_key FROM article_entities ae "
            f"JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ? AND ({' OR '.join(conditions)})",
            params).fetchall()
        if not rows:
            what = ", ".join([repr(n) for n in names] + [f"article {a}" for a in articles])
            raise UserInputError(f"#{entity} ({e['name']}) has no mentions under {what}")
        total = conn.execute("SELECT COUNT(*) FROM article_entities WHERE entity_id = ?", (entity,)).fetchone()[0]
        if len(rows) == total:
            raise UserInputError(f"that is every mention of #{entity} ({e['name']}); nothing would be left to split from")
        counts: dict[str, int] = {}
        for r in rows:
            counts[r["name"]] = counts.get(r["name"], 0) + 1
        name = max(sorted(counts), key=lambda n: (len(n.split()), counts[n]))
        new = int(conn.execute("INSERT INTO entities (type, name, work_id, created_at) VALUES (?, ?, ?, ?)",
                               (e["type"], name, e["work_id"], now())).lastrowid or 0)
        conn.executemany("UPDATE article_entities SET entity_id = ?, resolved_id = ? WHERE id = ?",
                         [(new, new, r["id"]) for r in rows])
        conn.executemany("INSERT INTO pins (article_key, type, key, entity_id) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT(article_key, type, key) DO UPDATE SET entity_id = excluded.entity_id",
                         sorted({(r["article_key"], r["type"], r["key"], new) for r in rows}))
        conn.executemany("INSERT OR IGNORE INTO blocks (entity_id, key) VALUES (?, ?)", [(entity, k) for k in keys])
        for aid in sorted({r["article_id"] for r in rows}):
            relink_article(conn, aid)
        rebuild_entities(conn, {entity, new})
        _log(conn, "split", {"entity": entity, "new": new, "names": names, "articles": articles})
        return FixResult("split", entity, new, len(rows))
