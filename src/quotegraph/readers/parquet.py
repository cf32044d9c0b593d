"""Loading the Parquet tables of `quotegraph export` or the Spark job back into ArticleResults.

The tables (articles/, quotes/, entities/, relations/, each a Parquet file or a folder of
them, partitioned or not) are read in record batches. Rows of the three child tables are
first spilled into a temporary SQLite file keyed by article, so memory stays flat however
large the tables are; then each article row is joined with its rows and turned back into an
ArticleResult (tables.result_from_rows) without extracting anything again.
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from typing import Iterator

from ..errors import InputError
from . import special_kind
from ..result import ArticleResult
from ..tables import result_from_rows

CHILD_TABLES = ("quotes", "entities", "relations")
BATCH_ROWS = 4096


def _table_path(folder: str, name: str) -> str | None:
    for p in (os.path.join(folder, name), os.path.join(folder, f"{name}.parquet")):
        if os.path.exists(p):
            return p
    return None


def _not_regular(path: str) -> tuple[str, str] | None:
    """The first file of a table (a file or a folder of them) that is not a regular file, with what it is
    (readers.special_kind, as open_input decides it): pyarrow would block on a named pipe or read a device
    without end. Names pyarrow itself skips (_SUCCESS, .crc) are not looked at."""
    def kind(p: str) -> str | None:
        try:
            return special_kind(os.stat(p).st_mode)
        except OSError:
            return None  # gone or unreadable: pyarrow says so itself
    if not os.path.isdir(path):
        k = kind(path)
        return (path, k) if k else None
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        for f in files:
            k = kind(os.path.join(root, f)) if not f.startswith((".", "_")) else None
            if k:
                return os.path.join(root, f), k
    return None


def _batches(path: str) -> Iterator[list[dict]]:
    import pyarrow.dataset as ds

    odd = _not_regular(path)
    if odd is not None:
        raise InputError(odd[0], f"is {odd[1]}, not a regular file; only files are read")

    dataset = ds.dataset(path, format="parquet", partitioning="hive")  # _SUCCESS, .crc: ignored by prefix
    for batch in dataset.to_batches(batch_size=BATCH_ROWS):
        yield batch.to_pylist()


def iter_results(folder: str) -> Iterator[ArticleResult | InputError]:
    """Every article of a tables folder as an ArticleResult; an InputError when the tables cannot be read."""
    articles_path = _table_path(folder, "articles")
    if articles_path is None:
        yield InputError(folder, "has no articles table (articles/ or articles.parquet)")
        return
    with tempfile.TemporaryDirectory(prefix="quotegraph-tables-") as tmp:
        spill = sqlite3.connect(os.path.join(tmp, "rows.db"))
        try:
            spill.execute("PRAGMA journal_mode = OFF")
            spill.execute("PRAGMA synchronous = OFF")
            for name in CHILD_TABLES:
                spill.execute(f"CREATE TABLE {name} (article_id TEXT, seq INTEGER, row TEXT)")
                path = _table_path(folder, name)
                if path is None:
                    continue
                seq = 0
                try:
                    for rows in _batches(path):
                        spill.executemany(f"INSERT INTO {name} VALUES (?, ?, ?)",
                                          [(r.get("article_id"), seq + i, json.dumps(r, default=str))
                                           for i, r in enumerate(rows)])
                        seq += len(rows)
                except InputError as e:
                    yield e
                    return
                except Exception as e:  # pyarrow raises several kinds for damaged files
                    yield InputError(path, f"Parquet table cannot be read ({e})")
                    return
                spill.execute(f"CREATE INDEX {name}_article ON {name}(article_id, seq)")
            spill.execute("CREATE TABLE seen (article_id TEXT PRIMARY KEY)")  # on disk: flat memory
            spill.commit()
            try:
                for rows in _batches(articles_path):
                    for article in rows:
                        aid = article.get("article_id")
                        if not aid or spill.execute("INSERT OR IGNORE INTO seen VALUES (?)", (aid,)).rowcount == 0:
                            continue  # the first row of an article id wins
                        children = {name: [json.loads(r[0]) for r in spill.execute(
                            f"SELECT row FROM {name} WHERE article_id = ? ORDER BY seq", (aid,))]
                            for name in CHILD_TABLES}
                        try:
                            yield result_from_rows(article, children["quotes"], children["entities"],
                                                   children["relations"])
                        except (KeyError, TypeError, ValueError) as e:
                            yield InputError(f"{folder}#{aid}", f"article rows are incomplete ({e!r})")
            except InputError as e:
                yield e
            except Exception as e:
                yield InputError(articles_path, f"Parquet table cannot be read ({e})")
        finally:
            spill.close()
