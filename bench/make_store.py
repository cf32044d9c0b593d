"""A knowledge base of a million quotes for the query benchmark, grown from a real one.

    python bench/make_store.py SEED.db OUT.db [--quotes 1000000] [--people 20000]

SEED.db is a store `quotegraph ingest` built from real articles (run.py uses the PolNeAR train
store of figure 3). OUT.db starts as a copy of it and is filled up to --quotes with copies of its
articles and their quotes, written straight into the store's tables. Articles and quotes are
copied column for column, whatever columns the schema has grown; the few tables written with
columns of our own (WRITTEN) are checked first, and a schema that needs more of them is refused
rather than misfilled. Every copy of an
article gets its own key, a publication day drawn from a ten-year span, and, for each of its
speakers, one of --people made-up people, chosen with a Zipf law so that a few people are quoted
tens of thousands of times and most a handful, as on a real news beat. Made-up people have names
(first and last names recombined from the seed's real people), entity_names rows for lookup and
the counts the store keeps; the quotes' words, cues and spans are the real extracted ones, so
full-text search sees real text. Quote ids follow the store's rule (publication day << 24 + n);
quote numbers go on from the seed's, and each copy is in a quote cluster with the other copies of
its seed quote under the same made-up speaker (so quote lists, one line per cluster, skip copies).
Prints one JSON line: quotes, articles, people, seconds.
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import json
import os
import random
import sqlite3
import sys
import time
from datetime import date, timedelta

# the tables this generator writes with columns it chooses: every column it must fill is listed
WRITTEN = {
    "entities": ("id", "type", "name", "created_at"),
    "entity_names": ("entity_id", "key", "name", "first", "last", "tokens", "n"),
    "quote_about": ("quote_id", "entity_id", "in_quote"),
}
SPAN_START = date(2015, 1, 1)
SPAN_DAYS = 3652
ZIPF_EXPONENT = 1.0


def fail(message: str) -> None:
    print(f"make_store: {message}", file=sys.stderr)
    raise SystemExit(1)


def made_up_people(conn: sqlite3.Connection, n: int, rng: random.Random) -> list[str]:
    """`n` distinct "First Last" names recombined from the seed's people with two-word names."""
    rows = conn.execute("SELECT e.name FROM entities e WHERE e.type = 'person' AND e.merged_into IS NULL").fetchall()
    firsts, lasts = set(), set()
    for (name,) in rows:
        parts = name.split()
        if len(parts) == 2 and all(p[:1].isupper() and p.isalpha() for p in parts):
            firsts.add(parts[0])
            lasts.add(parts[1])
    firsts, lasts = sorted(firsts), sorted(lasts)
    if len(firsts) < 5 or len(lasts) < 5:
        fail(f"the seed has too few two-word person names ({len(firsts)} first, {len(lasts)} last) to make people from")
    if len(firsts) * len(lasts) < n * 2:  # a small seed: as many people as its names can make
        n = len(firsts) * len(lasts) // 2
        print(f"make_store: the seed's names make {n} people, fewer than asked", file=sys.stderr)
    taken = {r[0] for r in rows}
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
        if name not in seen and name not in taken:
            seen.add(name)
            out.append(name)
    return out


def check_schema(conn: sqlite3.Connection) -> None:
    """Refuse a store whose tables need columns this generator does not fill (a newer schema)."""
    for table, ours in WRITTEN.items():
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()
        if not info:
            fail(f"the store has no table {table}; bench/make_store.py needs updating to the store's schema")
        names = {row[1] for row in info}
        missing = [c for c in ours if c not in names]
        required = [row[1] for row in info if row[3] and row[4] is None and not row[5] and row[1] not in ours]
        if missing or required:
            fail(f"the store's table {table} changed ({'no column ' + ', '.join(missing) if missing else ''}"
                 f"{'; needs ' + ', '.join(required) if required else ''}); update WRITTEN in bench/make_store.py")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("seed")
    ap.add_argument("out")
    ap.add_argument("--quotes", type=int, default=1_000_000)
    ap.add_argument("--people", type=int, default=20_000)
    ap.add_argument("--random-seed", type=int, default=7)
    args = ap.parse_args()
    started = time.perf_counter()
    rng = random.Random(args.random_seed)

    from quotegraph.kb.names import NameKey
    from quotegraph.kb.store import DAY_SHIFT, day_ordinal

    from quotegraph.kb.schema import connect

    src = connect(args.seed)  # brings an older seed up to the current schema, as any quotegraph command would
    version = src.execute("PRAGMA user_version").fetchone()[0]
    check_schema(src)
    tmp = f"{args.out}.partial"
    for suffix in ("", "-wal", "-shm"):
        for base in (tmp, args.out):
            if os.path.exists(base + suffix):
                os.remove(base + suffix)
    dst = sqlite3.connect(tmp, isolation_level=None)
    src.backup(dst)
    src.close()
    dst.row_factory = sqlite3.Row
    dst.execute("PRAGMA journal_mode = OFF")
    dst.execute("PRAGMA synchronous = OFF")
    dst.execute("PRAGMA foreign_keys = OFF")
    dst.execute("PRAGMA cache_size = -262144")

    articles = [dict(r) for r in dst.execute("SELECT * FROM articles ORDER BY id")]
    quotes_by_article: dict[int, list[dict]] = {}
    for r in dst.execute("SELECT * FROM quotes ORDER BY id"):
        quotes_by_article.setdefault(r["article_id"], []).append(dict(r))
    about: dict[int, list[tuple[int, int]]] = {}
    for r in dst.execute("SELECT quote_id, entity_id, in_quote FROM quote_about"):
        about.setdefault(r[0], []).append((r[1], r[2]))
    n_seed = sum(len(v) for v in quotes_by_article.values())
    if n_seed == 0:
        fail(f"{args.seed} holds no quotes")
    article_columns = list(articles[0])
    quote_columns = list(next(iter(quotes_by_article.values()))[0])

    # made-up people, their names for lookup, and the Zipf law that picks them
    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    names = made_up_people(dst, args.people, rng)
    first_person = (dst.execute("SELECT max(id) FROM entities").fetchone()[0] or 0) + 1
    people = list(range(first_person, first_person + len(names)))
    dst.execute("BEGIN")
    dst.executemany("INSERT INTO entities (id, type, name, created_at) VALUES (?, 'person', ?, ?)",
                    [(pid, name, now) for pid, name in zip(people, names)])
    rows = []
    for pid, name in zip(people, names):
        k = NameKey.of(name)
        rows.append((pid, k.key, name, k.first, k.last, k.tokens, 1))
    dst.executemany("INSERT INTO entity_names (entity_id, key, name, first, last, tokens, n) VALUES (?,?,?,?,?,?,?)",
                    rows)
    zipf = list(itertools.accumulate(1.0 / (i + 1) ** ZIPF_EXPONENT for i in range(len(people))))

    def pick_person() -> int:
        return people[bisect.bisect_left(zipf, rng.random() * zipf[-1])]

    # bulk insert without the per-row full-text trigger; the index is rebuilt once at the end
    trigger = dst.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'quotes_fts_insert'"
                          ).fetchone()
    if trigger:
        dst.execute("DROP TRIGGER quotes_fts_insert")
    next_id: dict[int, int] = {}
    for (qid,) in dst.execute("SELECT id FROM quotes"):
        day = qid >> DAY_SHIFT
        next_id[day] = max(next_id.get(day, 0), qid + 1)
    article_stride = (dst.execute("SELECT max(id) FROM articles").fetchone()[0] or 0) + 1
    # quote numbers go on from the seed's; a copy joins the cluster of its seed quote's copies with the same
    # made-up speaker (as a re-reported quote would), else a cluster of its own
    has_clusters = "cluster_id" in quote_columns
    next_number = (dst.execute("SELECT max(number) FROM quotes").fetchone()[0] or 0) + 1 if has_clusters else 0
    next_cluster = (dst.execute("SELECT max(id) FROM quote_clusters").fetchone()[0] or 0) + 1 if has_clusters else 0
    cluster_of: dict[tuple[int, int | None], int] = {}
    new_clusters: list[tuple[int, int | None, str]] = []
    total = n_seed
    copy = 0
    def insert_sql(table: str, columns: list[str]) -> str:
        quoted = ", ".join('"' + c + '"' for c in columns)
        return f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(columns))})"

    a_sql, q_sql = insert_sql("articles", article_columns), insert_sql("quotes", quote_columns)
    while total < args.quotes:
        copy += 1
        new_articles, new_quotes, new_about = [], [], []
        for a in articles:
            if total >= args.quotes:
                break
            day = SPAN_START + timedelta(days=rng.randrange(SPAN_DAYS))
            new_id = a["id"] + copy * article_stride
            row = dict(a, id=new_id, key=f"{a['key']}~{copy}", content_hash=f"{a['content_hash']}~{copy}",
                       source=f"{a['source']}#copy{copy}", url=f"{a['url']}#copy{copy}" if a["url"] else None,
                       published=day.isoformat(), published_day=day.isoformat())
            new_articles.append(tuple(row[c] for c in article_columns))
            ordinal = day_ordinal(day.isoformat())
            speakers: dict[int, int] = {}
            for q in quotes_by_article.get(a["id"], []):
                if total >= args.quotes:
                    break
                qid = next_id.get(ordinal, (ordinal << DAY_SHIFT) + 1)
                next_id[ordinal] = qid + 1
                person = None
                if q["speaker_id"] is not None:
                    person = speakers.setdefault(q["speaker_id"], pick_person())
                row = dict(q, id=qid, article_id=new_id, published_day=day.isoformat(),
                           speaker_id=person, speaker_name=names[person - first_person] if person else q["speaker_name"])
                if has_clusters:
                    ck = (q["cluster_id"] or -q["id"], person)
                    if ck not in cluster_of:
                        cluster_of[ck] = next_cluster
                        new_clusters.append((next_cluster, person, q["text"]))
                        next_cluster += 1
                    row.update(number=next_number, cluster_id=cluster_of[ck])
                    next_number += 1
                new_quotes.append(tuple(row[c] for c in quote_columns))
                for eid, in_quote in about.get(q["id"], []):
                    new_about.append((qid, person if eid == q["speaker_id"] and person else eid, in_quote))
                total += 1
        dst.executemany(a_sql, new_articles)
        dst.executemany(q_sql, new_quotes)
        dst.executemany("INSERT OR IGNORE INTO quote_about (quote_id, entity_id, in_quote) VALUES (?, ?, ?)",
                        new_about)
    if has_clusters:
        dst.executemany("INSERT INTO quote_clusters (id, speaker_id, text) VALUES (?, ?, ?)", new_clusters)
        dst.execute("CREATE TEMP TABLE cluster_counts AS SELECT cluster_id AS id, COUNT(*) AS n, "
                    "COUNT(DISTINCT article_id) AS a, min(published_day) AS lo, max(published_day) AS hi "
                    "FROM quotes WHERE cluster_id IS NOT NULL GROUP BY cluster_id")
        dst.execute("CREATE UNIQUE INDEX temp.cluster_counts_id ON cluster_counts(id)")
        dst.execute("UPDATE quote_clusters SET (copies, articles, first_seen, last_seen) = "
                    "(SELECT n, a, lo, hi FROM cluster_counts c WHERE c.id = quote_clusters.id)")
    if trigger:
        dst.execute(trigger[0])
    dst.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")
    # the counts the store keeps on each entity
    dst.execute("CREATE TEMP TABLE said AS SELECT speaker_id AS id, COUNT(*) AS n, COUNT(DISTINCT article_id) AS a "
                "FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id")
    dst.execute("CREATE TEMP TABLE spoken_of AS SELECT entity_id AS id, COUNT(*) AS n FROM quote_about GROUP BY entity_id")
    dst.execute("UPDATE entities SET quote_count = COALESCE((SELECT n FROM said WHERE said.id = entities.id), 0), "
                "about_count = COALESCE((SELECT n FROM spoken_of WHERE spoken_of.id = entities.id), 0)")
    dst.execute("UPDATE entities SET article_count = COALESCE((SELECT a FROM said WHERE said.id = entities.id), 0) "
                "WHERE id >= ?",
                (first_person,))
    dst.execute("COMMIT")
    dst.execute("ANALYZE")
    dst.execute("PRAGMA journal_mode = WAL")
    counts = {"quotes": dst.execute("SELECT COUNT(*) FROM quotes").fetchone()[0],
              "articles": dst.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
              "made_up_people": len(people),
              "most_quoted": dst.execute("SELECT max(quote_count) FROM entities").fetchone()[0]}
    dst.close()
    os.replace(tmp, args.out)
    print(json.dumps({**counts, "seed_quotes": n_seed, "copies": copy, "schema": version,
                      "megabytes": round(os.path.getsize(args.out) / 2**20, 1),
                      "seconds": round(time.perf_counter() - started, 1)}))


if __name__ == "__main__":
    main()
