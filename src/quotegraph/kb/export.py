"""`quotegraph export`: the store as tables that pandas, polars and DuckDB read directly.

Four tables in the schema of quotegraph.tables (the Spark job's schema, so either loads the
same way, and `quotegraph ingest` reads a Parquet export back), each with the knowledge
base's ids added as extra columns, plus `kb_entities`: one row per record with its aliases.
Rows are streamed a chunk of articles at a time, so export needs little memory.
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
from typing import Any, Iterator

import pyarrow as pa

from ..errors import StoreError, UserInputError
from ..tables import SCHEMAS

FORMATS = ("jsonl", "csv", "parquet")
CHUNK_ARTICLES = 500

EXTRA_COLUMNS: dict[str, list[tuple[str, pa.DataType]]] = {
    "articles": [("ingested_at", pa.string())],
    "quotes": [("kb_quote_id", pa.int64()), ("speaker_kb_id", pa.int64()), ("speaker_kb_name", pa.string()),
               ("outlet", pa.string()), ("cluster_id", pa.int64())],
    "entities": [("kb_entity_id", pa.int64()), ("kb_name", pa.string())],
    "relations": [("subject_kb_id", pa.int64()), ("object_kb_id", pa.int64()), ("qualifier_kb_id", pa.int64())],
}
KB_ENTITIES = pa.schema([
    ("kb_entity_id", pa.int64()), ("type", pa.string()), ("name", pa.string()), ("aliases", pa.list_(pa.string())),
    ("work_kb_id", pa.int64()), ("quote_count", pa.int64()), ("about_count", pa.int64()),
    ("article_count", pa.int64()),
])
QUOTE_CLUSTERS = pa.schema([
    ("cluster_id", pa.int64()), ("text", pa.string()), ("speaker_kb_id", pa.int64()), ("speaker_kb_name", pa.string()),
    ("first_seen", pa.string()), ("last_seen", pa.string()), ("copies", pa.int64()), ("article_count", pa.int64()),
    ("article_ids", pa.list_(pa.string())), ("outlets", pa.list_(pa.string())), ("kb_quote_ids", pa.list_(pa.int64())),
    ("variants", pa.list_(pa.string())),
])


def export_schema(name: str) -> pa.Schema:
    if name == "kb_entities":
        return KB_ENTITIES
    if name == "quote_clusters":
        return QUOTE_CLUSTERS
    schema = SCHEMAS[name]
    for col, typ in EXTRA_COLUMNS[name]:
        if col not in schema.names:
            schema = schema.append(pa.field(col, typ))
    return schema


def _article_chunks(conn: sqlite3.Connection) -> Iterator[list[sqlite3.Row]]:
    last = 0
    while True:
        rows = conn.execute("SELECT * FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, CHUNK_ARTICLES)).fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]


def _pairs(js: str) -> tuple[list[int], list[int]]:
    pairs = json.loads(js or "[]")
    return [p[0] for p in pairs], [p[1] for p in pairs]


def table_rows(conn: sqlite3.Connection) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(table name, rows) chunk by chunk: articles, quotes, entities, relations, then kb_entities and quote_clusters."""
    for chunk in _article_chunks(conn):
        ids = [a["id"] for a in chunk]
        keys = {a["id"]: a["key"] for a in chunk}
        published = {a["id"]: a["published"] for a in chunk}
        marks = ",".join("?" * len(ids))
        articles = []
        for a in chunk:
            starts, ends = _pairs(a["paragraphs"])
            articles.append({"article_id": a["key"], "content_hash": a["content_hash"], "source": a["source"],
                             "url": a["url"], "title": a["title"], "dek": a["dek"], "authors": json.loads(a["authors"]),
                             "published": a["published"], "outlet": a["outlet"], "media_type": a["media_type"],
                             "text": a["text"], "paragraph_starts": starts, "paragraph_ends": ends,
                             "updated": a["updated"], "ingested_at": a["ingested_at"]})
        yield "articles", articles
        quotes = [{
            "article_id": keys[q["article_id"]], "quote_id": q["local_id"], "kind": q["kind"], "text": q["text"],
            "start": q["start"], "end": q["end"], "speaker": q["speaker_name"], "speaker_entity": q["speaker_local"],
            "speaker_start": q["speaker_start"], "speaker_end": q["speaker_end"], "speaker_text": q["speaker_text"],
            "cue_start": q["cue_start"], "cue_end": q["cue_end"], "cue_text": q["cue_text"],
            "nested_in": q["nested_in"], "published": published[q["article_id"]], "kb_quote_id": q["number"],
            "speaker_kb_id": q["speaker_id"], "speaker_kb_name": q["record_name"], "outlet": q["outlet"],
            "cluster_id": q["cluster_id"],
        } for q in conn.execute(
            f"SELECT q.*, e.name AS record_name FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id "
            f"WHERE q.article_id IN ({marks}) ORDER BY q.article_id, q.id", ids)]
        yield "quotes", quotes
        entities = []
        for e in conn.execute(
                f"SELECT ae.*, e.name AS record_name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
                f"WHERE ae.article_id IN ({marks}) ORDER BY ae.article_id, ae.id", ids):
            starts, ends = _pairs(e["mentions"])
            entities.append({"article_id": keys[e["article_id"]], "entity_id": e["local_id"], "name": e["name"],
                             "type": e["type"], "aliases": json.loads(e["aliases"]), "mention_starts": starts,
                             "mention_ends": ends, "kb_entity_id": e["entity_id"], "kb_name": e["record_name"]})
        yield "entities", entities
        relations = [{
            "article_id": keys[r["article_id"]], "subject": r["subject"], "predicate": r["predicate"],
            "object": r["object"], "qualifier": r["qualifier"], "evidence_start": r["evidence_start"],
            "evidence_end": r["evidence_end"], "subject_entity": r["subject_local"], "object_entity": r["object_local"],
            "subject_kb_id": r["subject_id"], "object_kb_id": r["object_id"], "qualifier_kb_id": r["qualifier_id"],
        } for r in conn.execute(f"SELECT * FROM relations WHERE article_id IN ({marks}) ORDER BY article_id, id", ids)]
        yield "relations", relations
    last = 0
    while True:
        rows = conn.execute("SELECT * FROM entities WHERE id > ? AND merged_into IS NULL AND article_count > 0 "
                            "ORDER BY id LIMIT 2000", (last,)).fetchall()
        if not rows:
            break
        last = rows[-1]["id"]
        out = []
        for e in rows:
            aliases = [r[0] for r in conn.execute("SELECT name FROM entity_names WHERE entity_id = ? ORDER BY n DESC, name",
                                                  (e["id"],))]
            out.append({"kb_entity_id": e["id"], "type": e["type"], "name": e["name"], "aliases": aliases,
                        "work_kb_id": e["work_id"], "quote_count": e["quote_count"], "about_count": e["about_count"],
                        "article_count": e["article_count"]})
        yield "kb_entities", out
    yield from _cluster_rows(conn)


def _cluster_rows(conn: sqlite3.Connection) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """quote_clusters: one row per quotation with the articles, outlets and quotes that carry it."""
    last = 0
    while True:
        rows = conn.execute("SELECT c.*, e.name AS speaker_name FROM quote_clusters c LEFT JOIN entities e "
                            "ON e.id = c.speaker_id WHERE c.id > ? ORDER BY c.id LIMIT 2000", (last,)).fetchall()
        if not rows:
            return
        last = rows[-1]["id"]
        out = []
        for c in rows:
            copies = conn.execute("SELECT q.number, q.text, q.outlet, a.key FROM quotes q JOIN articles a "
                                  "ON a.id = q.article_id WHERE q.cluster_id = ? ORDER BY q.id", (c["id"],)).fetchall()
            out.append({"cluster_id": c["id"], "text": c["text"], "speaker_kb_id": c["speaker_id"],
                        "speaker_kb_name": c["speaker_name"], "first_seen": c["first_seen"], "last_seen": c["last_seen"],
                        "copies": c["copies"], "article_count": c["articles"],
                        "article_ids": list(dict.fromkeys(r["key"] for r in copies)),
                        "outlets": sorted({r["outlet"] for r in copies if r["outlet"]}),
                        "kb_quote_ids": [r["number"] for r in copies],
                        "variants": list(dict.fromkeys(r["text"] for r in copies))})
        yield "quote_clusters", out


TABLES = ("articles", "quotes", "entities", "relations", "kb_entities", "quote_clusters")


def export_tables(conn: sqlite3.Connection, out_dir: str, fmt: str) -> dict[str, str]:
    """Write every table to out_dir as <table>.jsonl, <table>.csv or <table>.parquet; return the paths."""
    if fmt not in FORMATS:
        raise UserInputError(f"export format must be one of {', '.join(FORMATS)}")
    try:
        os.makedirs(out_dir, exist_ok=True)
    except OSError as e:
        raise StoreError(f"cannot create the export folder {out_dir} ({e.strerror or e})") from None
    paths = {name: os.path.join(out_dir, f"{name}.{fmt}") for name in TABLES}
    writers = {name: _writer(fmt, paths[name], export_schema(name)) for name in TABLES}
    try:
        conn.execute("BEGIN")  # one consistent snapshot while a writer may be busy
        try:
            for name, rows in table_rows(conn):
                if rows:
                    writers[name].write(rows)
        finally:
            conn.execute("COMMIT")
    finally:
        for w in writers.values():
            w.close()
    return paths


class _Writer:
    def write(self, rows: list[dict[str, Any]]) -> None: ...

    def close(self) -> None: ...


def _writer(fmt: str, path: str, schema: pa.Schema) -> _Writer:
    if fmt == "parquet":
        return _ParquetWriter(path, schema)
    if fmt == "csv":
        return _CsvWriter(path, schema)
    return _JsonlWriter(path)


class _ParquetWriter(_Writer):
    def __init__(self, path: str, schema: pa.Schema):
        import pyarrow.parquet as pq

        self.schema = schema
        self.writer = pq.ParquetWriter(path, schema, compression="zstd")

    def write(self, rows):
        self.writer.write_table(pa.Table.from_pylist(rows, schema=self.schema))

    def close(self):
        self.writer.close()


class _CsvWriter(_Writer):
    """CSV with one header row; list columns as JSON arrays, so every cell is a string or a number."""

    def __init__(self, path: str, schema: pa.Schema):
        self.file = open(path, "w", encoding="utf-8", newline="")
        self.names = schema.names
        self.writer = csv.DictWriter(self.file, fieldnames=self.names, extrasaction="ignore")
        self.writer.writeheader()

    def write(self, rows):
        for r in rows:
            self.writer.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v)
                                  for k, v in r.items()})

    def close(self):
        self.file.close()


class _JsonlWriter(_Writer):
    def __init__(self, path: str):
        self.file = open(path, "w", encoding="utf-8")

    def write(self, rows):
        for r in rows:
            self.file.write(json.dumps(r, ensure_ascii=False) + "\n")

    def close(self):
        self.file.close()
