"""Writing to the store: one article version in one transaction, and the fixes a person makes.

`write_result` is the only way articles get in. It either finds the article unchanged (same
content hash, same engine: nothing is written) or replaces every row of the old version
with the new one - resolution, counts, names and context included - inside one
transaction, so a reader (or a crash) sees the old version or the new, never half of
either.

Counters (entities.quote_count, ...), entity_names and entity_context are kept in step
by an article's "footprint": what its rows add to them, computed from the rows themselves
after they are written and subtracted before they are deleted, so adding and removing an
article are exact inverses. Merges and splits recompute the touched records from scratch.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Iterator

from ..errors import StoreError
from ..result import ArticleResult
from ..tables import article_id, content_hash
from . import clusters
from .context import sentence_span
from .names import NameKey, display_rank
from .reconcile import join_lone_names
from .resolve import PERSON_CONTEXT_TYPES, LocalEntity, Resolver, inserted_id, now, prepare_entities

PERSONAL = ("person", "character")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass
class WriteOutcome:
    """What writing one article did: status is new, updated, unchanged or duplicate."""

    status: str
    article: str  # the article's key (tables.article_id)
    quotes: int = 0
    entities: list[int] = field(default_factory=list)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT: one writer at a time, everything or nothing."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        raise StoreError(f"the knowledge base is busy or read-only ({e}); try again when the other "
                         f"writer has finished") from None
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def published_day(published: str | None) -> str | None:
    """YYYY-MM-DD of an ISO 8601 or RFC 2822 date, or None."""
    if not published:
        return None
    m = _DAY.match(published.strip())
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    try:
        return parsedate_to_datetime(published).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        return None


DAY_SHIFT = 24  # quotes per day before ids of one day run into the next: 16.7 million


def day_ordinal(day: str | None) -> int:
    """Days since 0001-01-01 (1 for that day), 0 when undated."""
    if not day:
        return 0
    try:
        return date.fromisoformat(day).toordinal()
    except ValueError:
        return 0


def quote_id_range(day: str | None) -> tuple[int, int]:
    """The ids of one day's quotes: [first, next day's first)."""
    base = day_ordinal(day) << DAY_SHIFT
    return base, base + (1 << DAY_SHIFT)


def next_quote_id(conn: sqlite3.Connection, day: str | None) -> int:
    """A fresh quote id that sorts by publication day: newest first is simply id descending."""
    lo, hi = quote_id_range(day)
    top = conn.execute("SELECT max(id) FROM quotes WHERE id >= ? AND id < ?", (lo, hi)).fetchone()[0]
    nxt = (top + 1) if top is not None else lo + 1
    if nxt + 10_000 >= hi:  # a day that is full (never seen so far) spills past the newest id
        nxt = (conn.execute("SELECT max(id) FROM quotes").fetchone()[0] or 0) + 1
    return nxt


def has_raw(conn: sqlite3.Connection, raw_hash: str, engine: str) -> bool:
    """Were these input bytes read before by this engine? (Then extraction can be skipped.)"""
    row = conn.execute("SELECT engine FROM raw_documents WHERE raw_hash = ?", (raw_hash,)).fetchone()
    return row is not None and row[0] == engine


def write_result(conn: sqlite3.Connection, res: ArticleResult, engine: str, raw_hash: str | None = None,
                 force: bool = False) -> WriteOutcome:
    """Store one article (one transaction). Same content again changes nothing; a new version replaces the old."""
    key, chash = article_id(res), content_hash(res)
    with transaction(conn):
        old = conn.execute("SELECT id, content_hash, engine FROM articles WHERE key = ?", (key,)).fetchone()
        if old is not None and old["content_hash"] == chash and old["engine"] == engine and not force:
            _remember_raw(conn, raw_hash, old["id"], engine)
            return WriteOutcome("unchanged", key)
        if old is None and not force:
            dup = conn.execute("SELECT id, key FROM articles WHERE content_hash = ? LIMIT 1", (chash,)).fetchone()
            if dup is not None:  # the same text under another path or URL
                _remember_raw(conn, raw_hash, dup["id"], engine)
                return WriteOutcome("duplicate", dup["key"])
        prior: dict[tuple[str, str], int] = {}
        touched: set[int] = set()
        if old is not None:
            prior, touched = _delete_article(conn, old["id"])
        aid = _insert_article(conn, res, key, chash, engine)
        prepared = prepare_entities(res)
        resolver = Resolver(conn, key, prior)
        resolver.resolve_all(prepared)
        n_quotes = _insert_rows(conn, aid, res, prepared)
        footprint = article_footprint(conn, aid)
        apply_footprint(conn, footprint, +1)
        touched |= footprint.entities | resolver.created
        full_names = {e.entity_id for e in prepared.entities
                      if e.entity_id is not None and e.type == "person" and not e.key.single}
        joined = join_lone_names(conn, full_names, relink_article)
        if joined:
            rebuild_entities(conn, joined)
            touched |= joined
        refresh_display_names(conn, touched)
        collect_garbage(conn, touched)
        clusters.assign(conn, clusters.article_quotes(conn, aid, unplaced=True))
        _remember_raw(conn, raw_hash, aid, engine)
        return WriteOutcome("updated" if old is not None else "new", key, n_quotes, sorted(footprint.entities))


def delete_article(conn: sqlite3.Connection, key: str) -> bool:
    """Remove an article and everything extracted from it (one transaction)."""
    with transaction(conn):
        row = conn.execute("SELECT id FROM articles WHERE key = ?", (key,)).fetchone()
        if row is None:
            return False
        _, touched = _delete_article(conn, row["id"])
        refresh_display_names(conn, touched)
        collect_garbage(conn, touched)
        return True


def _remember_raw(conn: sqlite3.Connection, raw_hash: str | None, aid: int, engine: str) -> None:
    if raw_hash:
        conn.execute("INSERT INTO raw_documents (raw_hash, article_id, engine) VALUES (?, ?, ?) "
                     "ON CONFLICT(raw_hash) DO UPDATE SET article_id = excluded.article_id, engine = excluded.engine",
                     (raw_hash, aid, engine))


def _insert_article(conn: sqlite3.Connection, res: ArticleResult, key: str, chash: str, engine: str) -> int:
    cur = conn.execute(
        "INSERT INTO articles (key, content_hash, source, url, title, dek, authors, published, published_day, "
        "updated, outlet, media_type, text, paragraphs, engine, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (key, chash, res.source, res.url, res.title, res.dek, json.dumps(list(res.authors), ensure_ascii=False),
         res.published, published_day(res.published), res.updated, res.outlet, res.media_type,
         res.text, json.dumps([[p.start, p.end] for p in res.paragraphs]), engine, now()))
    return inserted_id(cur)


def _insert_rows(conn: sqlite3.Connection, aid: int, res: ArticleResult, prepared) -> int:
    """The article's entities, quotes (with what they are about) and relations."""
    ents: list[LocalEntity] = prepared.entities
    by_local = prepared.by_local()
    conn.executemany(
        "INSERT INTO article_entities (article_id, local_id, name, key, type, aliases, mentions, kind_hint, synthetic, "
        "entity_id, resolved_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(aid, e.local_id, e.name, e.key.key, e.type, json.dumps(e.aliases, ensure_ascii=False),
          json.dumps([list(m) for m in e.mentions]), e.kind_hint, int(e.synthetic), e.entity_id, e.resolved_id)
         for e in ents])
    day = published_day(res.published)
    paragraphs = [(p.start, p.end) for p in res.paragraphs]
    text = res.text
    next_id = next_quote_id(conn, day)
    number = (conn.execute("SELECT max(number) FROM quotes").fetchone()[0] or 0) + 1
    for q, speaker_local in zip(res.quotes, prepared.speakers):
        speaker = by_local.get(speaker_local) if speaker_local else None
        m = q.speaker.mention if q.speaker else None
        ctx_start, ctx_end = sentence_span(text, q.start, q.end, paragraphs)
        quote_id, next_id = next_id, next_id + 1
        conn.execute(
            'INSERT INTO quotes (id, article_id, local_id, kind, text, start, "end", speaker_name, speaker_local, '
            "speaker_id, speaker_start, speaker_end, speaker_text, cue_start, cue_end, cue_text, nested_in, "
            "context_start, context_end, published_day, outlet, number) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (quote_id, aid, q.id, q.kind, q.text, q.start, q.end,
             (speaker.name if speaker else (q.speaker.name if q.speaker else None)),
             speaker.local_id if speaker else None, speaker.entity_id if speaker else None,
             m.start if m else None, m.end if m else None, m.text if m else None,
             q.cue.start if q.cue else None, q.cue.end if q.cue else None, q.cue.text if q.cue else None,
             q.nested_in, ctx_start, ctx_end, day, res.outlet, number))
        number += 1
        about = quote_subjects(ents, speaker, (q.start, q.end), (ctx_start, ctx_end), (m.start, m.end) if m else None)
        conn.executemany("INSERT INTO quote_about (quote_id, entity_id, in_quote) VALUES (?, ?, ?) "
                         "ON CONFLICT(quote_id, entity_id) DO UPDATE SET in_quote = max(in_quote, excluded.in_quote)",
                         [(quote_id, eid, in_quote) for eid, in_quote in about.items()])
    rows = []
    for r, (s, o, ql) in zip(res.relations, prepared.relation_ends):
        se, oe, qe = by_local.get(s) if s else None, by_local.get(o) if o else None, by_local.get(ql) if ql else None
        rows.append((aid, r.subject, r.predicate, r.object, r.qualifier, r.evidence.start, r.evidence.end,
                     se.local_id if se else None, oe.local_id if oe else None, qe.local_id if qe else None,
                     se.entity_id if se else None, oe.entity_id if oe else None, qe.entity_id if qe else None))
    conn.executemany(
        "INSERT INTO relations (article_id, subject, predicate, object, qualifier, evidence_start, evidence_end, "
        "subject_local, object_local, qualifier_local, subject_id, object_id, qualifier_id) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    return len(res.quotes)


def quote_subjects(ents: list[LocalEntity], speaker: LocalEntity | None, quote: tuple[int, int],
                   context: tuple[int, int], speaker_mention: tuple[int, int] | None) -> dict[int, int]:
    """Which records a quote is about: {entity_id: 1 if its words name it, 0 if only the sentence around does}.

    The speaker's own mention does not make a quote about the speaker; a speaker is the
    subject of their own quote only when the quoted words name them.
    """
    about: dict[int, int] = {}
    for e in ents:
        if e.entity_id is None:
            continue
        for start, end in e.mentions:
            if end <= context[0] or start >= context[1]:
                continue
            if speaker_mention and start < speaker_mention[1] and end > speaker_mention[0]:
                continue
            inside = int(start >= quote[0] and end <= quote[1])
            if speaker is not None and e.entity_id == speaker.entity_id and not inside:
                continue
            about[e.entity_id] = max(about.get(e.entity_id, 0), inside)
    return about


@dataclass
class Footprint:
    """What one article's rows add to the store's counters, names and context."""

    entities: set[int]
    quotes: Counter
    about: Counter
    names: Counter  # (entity_id, key, name, first, last, tokens) -> n
    pairs: set[tuple[int, int]]


def article_footprint(conn: sqlite3.Connection, aid: int) -> Footprint:
    rows = conn.execute("SELECT entity_id, type, name, aliases FROM article_entities WHERE article_id = ?",
                        (aid,)).fetchall()
    names: Counter = Counter()
    for r in rows:
        seen = set()
        for n in [r["name"], *json.loads(r["aliases"])]:
            k = NameKey.of(n, r["type"])
            if k.key and k.key not in seen:
                seen.add(k.key)
                names[(r["entity_id"], k.key, n, k.first, k.last, k.tokens)] += 1
    typed = {(r["entity_id"], r["type"]) for r in rows}
    people = {e for e, t in typed if t in PERSONAL}
    context = {e for e, t in typed if t in PERSON_CONTEXT_TYPES}
    quotes = Counter(dict(conn.execute(
        "SELECT speaker_id, COUNT(*) FROM quotes WHERE article_id = ? AND speaker_id IS NOT NULL GROUP BY speaker_id",
        (aid,)).fetchall()))
    about = Counter(dict(conn.execute(
        "SELECT qa.entity_id, COUNT(*) FROM quote_about qa JOIN quotes q ON q.id = qa.quote_id "
        "WHERE q.article_id = ? GROUP BY qa.entity_id", (aid,)).fetchall()))
    return Footprint({r["entity_id"] for r in rows}, quotes, about, names,
                     {(p, c) for p in people for c in context if p != c})


def apply_footprint(conn: sqlite3.Connection, fp: Footprint, sign: int) -> None:
    conn.executemany("UPDATE entities SET article_count = article_count + ? WHERE id = ?",
                     [(sign, e) for e in fp.entities])
    conn.executemany("UPDATE entities SET quote_count = quote_count + ? WHERE id = ?",
                     [(sign * n, e) for e, n in fp.quotes.items()])
    conn.executemany("UPDATE entities SET about_count = about_count + ? WHERE id = ?",
                     [(sign * n, e) for e, n in fp.about.items()])
    for (eid, key, name, first, last, tokens), n in fp.names.items():
        if sign > 0:
            # of the ways one name is written, keep the shortest: "Jeb Bush" over "Florida Gov. Jeb Bush"
            conn.execute("INSERT INTO entity_names (entity_id, key, name, first, last, tokens, n) VALUES (?,?,?,?,?,?,?) "
                         "ON CONFLICT(entity_id, key) DO UPDATE SET n = n + excluded.n, name = CASE WHEN "
                         "length(excluded.name) < length(name) THEN excluded.name ELSE name END",
                         (eid, key, name, first, last, tokens, n))
        else:
            conn.execute("UPDATE entity_names SET n = n - ? WHERE entity_id = ? AND key = ?", (n, eid, key))
    for p, c in fp.pairs:
        if sign > 0:
            conn.execute("INSERT INTO entity_context (entity_id, context_id, n) VALUES (?, ?, 1) "
                         "ON CONFLICT(entity_id, context_id) DO UPDATE SET n = n + 1", (p, c))
        else:
            conn.execute("UPDATE entity_context SET n = n - 1 WHERE entity_id = ? AND context_id = ?", (p, c))
    if sign < 0:
        conn.execute("DELETE FROM entity_names WHERE n <= 0")
        conn.execute("DELETE FROM entity_context WHERE n <= 0")


def _delete_article(conn: sqlite3.Connection, aid: int) -> tuple[dict[tuple[str, str], int], set[int]]:
    """Remove an article's rows; return what its entities resolved to (for the next version) and the records touched."""
    prior: dict[tuple[str, str], int] = {}
    ambiguous: set[tuple[str, str]] = set()
    for r in conn.execute("SELECT type, key, name, aliases, resolved_id FROM article_entities WHERE article_id = ?",
                          (aid,)).fetchall():
        for k in {r["key"]} | {NameKey.of(a, r["type"]).key for a in json.loads(r["aliases"])}:
            if not k:
                continue
            if prior.get((r["type"], k), r["resolved_id"]) != r["resolved_id"]:
                ambiguous.add((r["type"], k))  # a short name two records went by: no hint
            prior[(r["type"], k)] = r["resolved_id"]
    for k in ambiguous:
        del prior[k]
    fp = article_footprint(conn, aid)
    apply_footprint(conn, fp, -1)
    carried = clusters.detach_article(conn, aid)
    conn.execute("DELETE FROM quote_about WHERE quote_id IN (SELECT id FROM quotes WHERE article_id = ?)", (aid,))
    conn.execute("DELETE FROM quotes WHERE article_id = ?", (aid,))
    clusters.refresh(conn, carried)
    conn.execute("DELETE FROM relations WHERE article_id = ?", (aid,))
    conn.execute("DELETE FROM article_entities WHERE article_id = ?", (aid,))
    conn.execute("DELETE FROM raw_documents WHERE article_id = ?", (aid,))
    conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
    return prior, fp.entities


def refresh_display_names(conn: sqlite3.Connection, ids: set[int]) -> None:
    """Each record's name: for people and characters the fullest name, else the most used."""
    for eid in ids:
        row = conn.execute("SELECT type, fixed_name FROM entities WHERE id = ?", (eid,)).fetchone()
        if row is None:
            continue
        if row["fixed_name"]:  # named by `merge` or `rename`: kept whatever names later articles give
            conn.execute("UPDATE entities SET name = ? WHERE id = ? AND name != ?", (row[1], eid, row[1]))
            continue
        names = conn.execute("SELECT name, key, first, last, tokens, n FROM entity_names WHERE entity_id = ?",
                             (eid,)).fetchall()
        if not names:
            continue
        best = max(names, key=lambda r: display_rank(r["name"], NameKey(r["key"], r["first"], r["last"], r["tokens"]),
                                                     r["n"], row["type"]))
        conn.execute("UPDATE entities SET name = ? WHERE id = ? AND name != ?", (best["name"], eid, best["name"]))


def collect_garbage(conn: sqlite3.Connection, ids: set[int]) -> None:
    """Delete records no article mentions any more, unless a fix or another record points at them."""
    for eid in ids:
        row = conn.execute(
            "SELECT 1 FROM entities e WHERE e.id = ? AND e.merged_into IS NULL AND "
            "NOT EXISTS (SELECT 1 FROM article_entities WHERE entity_id = e.id) AND "
            "NOT EXISTS (SELECT 1 FROM pins WHERE entity_id = e.id) AND "
            "NOT EXISTS (SELECT 1 FROM entities o WHERE o.merged_into = e.id OR o.work_id = e.id)", (eid,)).fetchone()
        if row is None:
            continue
        conn.execute("DELETE FROM entity_names WHERE entity_id = ?", (eid,))
        conn.execute("DELETE FROM entity_context WHERE entity_id = ? OR context_id = ?", (eid, eid))
        conn.execute("DELETE FROM blocks WHERE entity_id = ?", (eid,))
        conn.execute("DELETE FROM entities WHERE id = ?", (eid,))


def rebuild_entities(conn: sqlite3.Connection, ids: set[int]) -> None:
    """Recompute counters, names and context of some records from their rows (after a merge or split)."""
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    idl = list(ids)
    conn.execute(
        f"UPDATE entities SET quote_count = (SELECT COUNT(*) FROM quotes WHERE speaker_id = entities.id), "
        f"about_count = (SELECT COUNT(*) FROM quote_about WHERE entity_id = entities.id), "
        f"article_count = (SELECT COUNT(DISTINCT article_id) FROM article_entities WHERE entity_id = entities.id) "
        f"WHERE id IN ({marks})", idl)
    conn.execute(f"DELETE FROM entity_names WHERE entity_id IN ({marks})", idl)
    conn.execute(f"DELETE FROM entity_context WHERE entity_id IN ({marks}) OR context_id IN ({marks})", idl + idl)
    articles = [r[0] for r in conn.execute(
        f"SELECT DISTINCT article_id FROM article_entities WHERE entity_id IN ({marks})", idl)]
    for aid in articles:
        fp = article_footprint(conn, aid)
        fp.entities, fp.quotes, fp.about = set(), Counter(), Counter()
        fp.names = Counter({k: n for k, n in fp.names.items() if k[0] in ids})
        fp.pairs = {(p, c) for p, c in fp.pairs if p in ids or c in ids}
        apply_footprint(conn, fp, +1)
    refresh_display_names(conn, ids)


def relink_article(conn: sqlite3.Connection, aid: int) -> None:
    """Point an article's quotes, relations and 'about' rows at the records its entities now resolve to."""
    rows = conn.execute("SELECT local_id, entity_id, mentions FROM article_entities WHERE article_id = ?",
                        (aid,)).fetchall()
    by_local = {r["local_id"]: r["entity_id"] for r in rows}
    ents = [LocalEntity(local_id=r["local_id"], name="", type="", entity_id=r["entity_id"],
                        mentions=[tuple(m) for m in json.loads(r["mentions"])]) for r in rows]
    locals_ = {e.local_id: e for e in ents}
    quotes = conn.execute('SELECT id, speaker_local, start, "end", context_start, context_end, speaker_start, '
                          'speaker_end FROM quotes WHERE article_id = ?', (aid,)).fetchall()
    for q in quotes:
        speaker = locals_.get(q["speaker_local"]) if q["speaker_local"] else None
        conn.execute("UPDATE quotes SET speaker_id = ? WHERE id = ?", (speaker.entity_id if speaker else None, q["id"]))
        conn.execute("DELETE FROM quote_about WHERE quote_id = ?", (q["id"],))
        mention = (q["speaker_start"], q["speaker_end"]) if q["speaker_start"] is not None else None
        about = quote_subjects(ents, speaker, (q["start"], q["end"]), (q["context_start"], q["context_end"]), mention)
        conn.executemany("INSERT INTO quote_about (quote_id, entity_id, in_quote) VALUES (?, ?, ?)",
                         [(q["id"], eid, inside) for eid, inside in about.items()])
    clusters.recheck_speakers(conn, aid)
    for r in conn.execute("SELECT id, subject_local, object_local, qualifier_local FROM relations WHERE article_id = ?",
                          (aid,)).fetchall():
        conn.execute("UPDATE relations SET subject_id = ?, object_id = ?, qualifier_id = ? WHERE id = ?",
                     (by_local.get(r["subject_local"]), by_local.get(r["object_local"]),
                      by_local.get(r["qualifier_local"]), r["id"]))
