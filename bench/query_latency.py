"""Latency of the knowledge base's questions on a large store: `quotes --speaker`, `quotes --text`, `person`.

    python bench/query_latency.py STORE.db [--n 200] [--json] [--explain]

Times the library calls the commands make (KnowledgeBase.quotes / .person, first page, as the
CLI and the web pages ask), in one process with the store opened read-only, after a warm-up of
each kind: the steady state of a server or of someone asking question after question. Process
start-up and printing are not part of it. The questions are drawn from the store itself:
speakers both among the most quoted (the long lists) and uniformly among everyone quoted, full
names and last names; words from the quotes' own text, common and rare, one and two at a time.
--explain prints SQLite's plan for the statements of the slowest question of each kind.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import Counter

WORD = re.compile(r"[A-Za-z]{4,}")
WARM_UP = 10


def speaker_names(conn, n: int, rng: random.Random) -> list[str]:
    """Half from the 100 most quoted people, half from everyone quoted; a fifth of them by last name only."""
    top = [r[0] for r in conn.execute("SELECT name FROM entities WHERE type = 'person' AND merged_into IS NULL "
                                      "ORDER BY quote_count DESC LIMIT 100")]
    everyone = [r[0] for r in conn.execute("SELECT name FROM entities WHERE type = 'person' AND merged_into IS NULL "
                                           "AND quote_count > 0")]
    names = [rng.choice(top) for _ in range(n // 2)] + [rng.choice(everyone) for _ in range(n - n // 2)]
    rng.shuffle(names)
    return [name.split()[-1] if i % 5 == 0 and len(name.split()) > 1 else name for i, name in enumerate(names)]


def text_queries(conn, n: int, rng: random.Random) -> list[str]:
    """Words of the quotes: half common, a third rare, the rest two words from one quote."""
    sample = [r[0] for r in conn.execute("SELECT text FROM quotes WHERE rowid % 97 = 0 LIMIT 20000")]
    counts = Counter(w.lower() for t in sample for w in WORD.findall(t))
    ranked = [w for w, _ in counts.most_common()]
    common, rare = ranked[:300], ranked[len(ranked) // 2:]
    out = [rng.choice(common) for _ in range(n // 2)] + [rng.choice(rare) for _ in range(n // 3)]
    while len(out) < n:
        words = WORD.findall(rng.choice(sample))
        if len(words) >= 2:
            a = rng.randrange(len(words) - 1)
            out.append(f"{words[a]} {words[a + 1]}".lower())
    rng.shuffle(out)
    return out


def timed(fn, args: list[str], trace: list[str] | None = None) -> list[tuple[float, str, list[str]]]:
    out = []
    for a in args:
        if trace is not None:
            trace.clear()
        t = time.perf_counter()
        fn(a)
        out.append(((time.perf_counter() - t) * 1000, a, list(trace) if trace is not None else []))
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--n", type=int, default=200, help="questions of each kind [200]")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--explain", action="store_true", help="print the plan of the slowest question of each kind")
    ap.add_argument("--random-seed", type=int, default=11)
    args = ap.parse_args()
    from quotegraph.kb import KnowledgeBase

    rng = random.Random(args.random_seed)
    kb = KnowledgeBase(args.store, readonly=True)
    trace: list[str] = []
    kb.conn.set_trace_callback(trace.append)
    speakers = speaker_names(kb.conn, args.n + WARM_UP, rng)
    words = text_queries(kb.conn, args.n + WARM_UP, rng)
    people = speaker_names(kb.conn, args.n + WARM_UP, rng)
    kinds = {
        "quotes --speaker": (lambda name: kb.quotes(speaker=name), speakers),
        "quotes --text": (lambda w: kb.quotes(text=w), words),
        "person": (lambda name: kb.person(name), people),
    }
    results = {}
    for label, (fn, questions) in kinds.items():
        timed(fn, questions[:WARM_UP])
        runs = timed(fn, questions[WARM_UP:], trace)
        ms = [r[0] for r in runs]
        slowest = max(runs)
        results[label] = {"n": len(ms), "p50_ms": round(statistics.median(ms), 2),
                          "p95_ms": round(percentile(ms, 95), 2), "max_ms": round(max(ms), 2),
                          "slowest": f"{slowest[1]!r} {slowest[0]:.0f} ms", "_statements": slowest[2]}
    kb.conn.set_trace_callback(None)
    stats = {"quotes": kb.conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0],
             "people": kb.conn.execute("SELECT COUNT(*) FROM entities WHERE type = 'person'").fetchone()[0]}
    if args.explain:
        for label, r in results.items():
            print(f"-- {label}: slowest {r['slowest']}", file=sys.stderr)
            for sql in r["_statements"]:
                if not sql.lstrip().upper().startswith("SELECT"):
                    continue
                print(sql, file=sys.stderr)
                try:
                    for row in kb.conn.execute(f"EXPLAIN QUERY PLAN {sql}"):
                        print("   ", row[-1], file=sys.stderr)
                except Exception as e:  # noqa: BLE001 -- statements with bound parameters cannot be re-planned as text
                    print(f"    (no plan: {e})", file=sys.stderr)
    for r in results.values():
        del r["_statements"]
    kb.close()
    if args.json:
        print(json.dumps({"store": stats, "queries": results}))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"query latency on {stats['quotes']:,} quotes, {stats['people']:,} people", title_justify="left")
    for col in ("question", "n", "p50 ms", "p95 ms", "max ms", "slowest"):
        t.add_column(col, justify="left" if col in ("question", "slowest") else "right")
    for label, r in results.items():
        t.add_row(label, str(r["n"]), f"{r['p50_ms']:.1f}", f"{r['p95_ms']:.1f}", f"{r['max_ms']:.1f}", r["slowest"])
    Console().print(t)


if __name__ == "__main__":
    main()
