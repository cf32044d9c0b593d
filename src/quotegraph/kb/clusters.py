"""Quote clusters: one entry per quotation, however many articles carry it.

Wire copy, follow-ups and aggregators re-report the same words, cut, re-punctuated, lightly
edited. Each quote joins the cluster of an earlier copy when

  - its words and the cluster's are nearly the same once marks, case and accents are
    normalised: rapidfuzz's ratio >= RATIO (small edits), or, for a quote of at least
    MIN_CONTAINED words, partial_ratio >= PARTIAL (a shorter quote inside a longer one); and
  - their speakers agree (the same record, or one side unattributed).

A quote is compared with the cluster's longest copy and a few of its other wordings.
Candidates come from winnowed word shingles (Schleimer, Wilkerson and Aiken's winnowing, as
in MOSS): every K-word shingle is hashed and the smallest hash of each window of W shingles is
kept as a fingerprint, so any run of K + W - 1 words two quotes share gives them a common
fingerprint, and a quote shorter than that keeps every shingle. `quote_fingerprints` indexes
(hash, speaker, cluster); a new quote looks up its own fingerprints under its own speaker and
under no speaker (any speaker when it has none), at most FANOUT clusters each, so the cost of
placing one quote does not grow with the store, however common its words. No pair of quotes is
ever compared but these candidates; a cluster's counts and days are kept up as copies join, and
recounted only when copies leave.

A cluster keeps its longest copy's words, its speaker, how many copies and articles carry it
and the first and last day it was seen; removing an article takes its copies out again.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

K = 3  # words per shingle
W = 4  # shingles per winnowing window
FANOUT = 64  # clusters read per fingerprint
CANDIDATES = 8  # clusters checked per quote
VARIANTS = 8  # wordings of a cluster compared with a quote
RATIO = 90.0
PARTIAL = 95.0
MIN_CONTAINED = 6  # words a cut must have to match inside a longer quote

_NOT_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """Lower case, no accents, every mark and dash a space: the words only."""
    t = text or ""
    if not t.isascii():
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    t = t.casefold()
    t = t.replace("'", "").replace("\u2019", "")  # don't / don’t / dont
    return " ".join(_NOT_WORD.sub(" ", t).split())


def _hash(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def fingerprints(norm: str) -> set[int]:
    """The winnowed shingle hashes of normalised words."""
    words = norm.split()
    if not words:
        return set()
    if len(words) <= K:
        return {_hash(" ".join(words))}
    hashes = [_hash(" ".join(words[i:i + K])) for i in range(len(words) - K + 1)]
    if len(hashes) <= W:
        return set(hashes)
    return {min(hashes[i:i + W]) for i in range(len(hashes) - W + 1)}


def same_words(a: str, b: str) -> bool:
    """Are two normalised quotes one quotation (small edits, or one inside the other)?"""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    sw, lw = short.split(), long_.split()
    if len(sw) < MIN_CONTAINED:  # a few words are one quotation only when they are the same words
        return False
    if not {w for w in sw if w.isdigit()} <= {w for w in lw if w.isdigit()}:  # other figures: another statement
        return False
    return fuzz.ratio(a, b) >= RATIO or fuzz.partial_ratio(short, long_) >= PARTIAL


@dataclass
class NewQuote:
    id: int
    text: str
    speaker_id: int | None
    article_id: int
    day: str | None


def _agree(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def assign(conn: sqlite3.Connection, quotes: list[NewQuote]) -> None:
    """Put each quote in the cluster of an earlier copy, or a cluster of its own."""
    for q in quotes:
        norm = normalise(q.text)
        fps = fingerprints(norm)
        found = _find(conn, norm, fps, q.speaker_id) if fps else None
        if found is None:
            cid = conn.execute(
                "INSERT INTO quote_clusters (speaker_id, text, first_seen, last_seen, copies, articles) "
                "VALUES (?, ?, ?, ?, 1, 1)", (q.speaker_id, q.text, q.day, q.day)).lastrowid
        else:
            cid = found
            row = conn.execute("SELECT text, speaker_id FROM quote_clusters WHERE id = ?", (cid,)).fetchone()
            if len(norm) > len(normalise(row[0])):  # the longest copy speaks for the cluster
                conn.execute("UPDATE quote_clusters SET text = ? WHERE id = ?", (q.text, cid))
            if row[1] is None and q.speaker_id is not None:
                conn.execute("UPDATE quote_clusters SET speaker_id = ? WHERE id = ?", (q.speaker_id, cid))
            new_article = conn.execute("SELECT 1 FROM quotes WHERE cluster_id = ? AND article_id = ? LIMIT 1",
                                       (cid, q.article_id)).fetchone() is None
            conn.execute("UPDATE quote_clusters SET copies = copies + 1, articles = articles + ?, "
                         "first_seen = CASE WHEN first_seen IS NULL OR ? < first_seen THEN ? ELSE first_seen END, "
                         "last_seen = CASE WHEN last_seen IS NULL OR ? > last_seen THEN ? ELSE last_seen END "
                         "WHERE id = ?", (int(new_article), q.day, q.day, q.day, q.day, cid))
        conn.execute("UPDATE quotes SET cluster_id = ? WHERE id = ?", (cid, q.id))
        conn.executemany("INSERT OR IGNORE INTO quote_fingerprints (hash, speaker_key, cluster_id) VALUES (?, ?, ?)",
                         [(h, q.speaker_id or 0, cid) for h in fps])


def _find(conn: sqlite3.Connection, norm: str, fps: set[int], speaker: int | None) -> int | None:
    shared: dict[int, int] = {}
    for h in fps:
        if speaker is None:
            rows = conn.execute("SELECT cluster_id FROM quote_fingerprints WHERE hash = ? LIMIT ?", (h, FANOUT))
        else:
            rows = conn.execute("SELECT cluster_id FROM quote_fingerprints WHERE hash = ? AND speaker_key IN (?, 0) "
                                "LIMIT ?", (h, speaker, FANOUT))
        for (cid,) in rows:
            shared[cid] = shared.get(cid, 0) + 1
    best = sorted(shared, key=lambda c: (-shared[c], -c))[:CANDIDATES]
    for cid in best:
        row = conn.execute("SELECT text, speaker_id FROM quote_clusters WHERE id = ?", (cid,)).fetchone()
        if row is None or not _agree(row[1], speaker):
            continue
        if same_words(norm, normalise(row[0])):
            return cid
        # the longest copy may be an edited one: the other wordings too (a few)
        for (text,) in conn.execute("SELECT DISTINCT text FROM quotes WHERE cluster_id = ? LIMIT ?", (cid, VARIANTS)):
            if text != row[0] and same_words(norm, normalise(text)):
                return cid
    return None


def refresh(conn: sqlite3.Connection, ids: set[int]) -> None:
    """Recount clusters from their copies (after copies left); a cluster left with none is removed."""
    for cid in ids:
        row = conn.execute("SELECT COUNT(*), COUNT(DISTINCT article_id), min(published_day), max(published_day) "
                           "FROM quotes WHERE cluster_id = ?", (cid,)).fetchone()
        if row[0] == 0:
            conn.execute("DELETE FROM quote_fingerprints WHERE cluster_id = ?", (cid,))
            conn.execute("DELETE FROM quote_clusters WHERE id = ?", (cid,))
            continue
        longest = conn.execute("SELECT text FROM quotes WHERE cluster_id = ? ORDER BY length(text) DESC, id LIMIT 1",
                               (cid,)).fetchone()[0]
        conn.execute("UPDATE quote_clusters SET copies = ?, articles = ?, first_seen = ?, last_seen = ?, text = ? "
                     "WHERE id = ?", (row[0], row[1], row[2], row[3], longest, cid))


def detach_article(conn: sqlite3.Connection, aid: int) -> set[int]:
    """Before an article's quotes are deleted: the clusters they are in (to refresh once they are gone)."""
    return {r[0] for r in conn.execute("SELECT DISTINCT cluster_id FROM quotes WHERE article_id = ? "
                                       "AND cluster_id IS NOT NULL", (aid,))}


def article_quotes(conn: sqlite3.Connection, aid: int, unplaced: bool = False) -> list[NewQuote]:
    """An article's quotes (only those in no cluster yet, with `unplaced`)."""
    extra = " AND cluster_id IS NULL" if unplaced else ""
    return [NewQuote(r[0], r[1], r[2], aid, r[3]) for r in conn.execute(
        f"SELECT id, text, speaker_id, published_day FROM quotes WHERE article_id = ?{extra} ORDER BY id", (aid,))]


def recheck_speakers(conn: sqlite3.Connection, aid: int) -> None:
    """After an article's speakers changed (a merge, a split, a lone name joined): its copies whose
    speaker no longer agrees with their cluster's are placed again."""
    moved, old = [], set()
    for q in article_quotes(conn, aid):
        row = conn.execute("SELECT c.id, c.speaker_id FROM quotes q JOIN quote_clusters c ON c.id = q.cluster_id "
                           "WHERE q.id = ?", (q.id,)).fetchone()
        if row is None or not _agree(row[1], q.speaker_id):
            if row is not None:
                old.add(row[0])
            conn.execute("UPDATE quotes SET cluster_id = NULL WHERE id = ?", (q.id,))
            moved.append(q)
    if old:
        refresh(conn, old)
        # a cluster whose speaker left with its copies takes the speaker of those that stay
        for cid in old:
            conn.execute("UPDATE quote_clusters SET speaker_id = (SELECT speaker_id FROM quotes WHERE cluster_id = ? "
                         "AND speaker_id IS NOT NULL LIMIT 1) WHERE id = ?", (cid, cid))
    assign(conn, moved)


def backfill(conn: sqlite3.Connection, batch: int = 5000) -> int:
    """Cluster every quote that has no cluster yet (a store made before clusters existed)."""
    n = 0
    while True:
        rows = conn.execute("SELECT id, text, speaker_id, article_id, published_day FROM quotes "
                            "WHERE cluster_id IS NULL ORDER BY id LIMIT ?", (batch,)).fetchall()
        if not rows:
            return n
        assign(conn, [NewQuote(r[0], r[1], r[2], r[3], r[4]) for r in rows])
        n += len(rows)
