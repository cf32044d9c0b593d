"""The Spark job: `quotegraph extract` over WARC files anywhere Hadoop reads, into partitioned Parquet tables.

The job is a thin shell over the library, run inside each partition:

    binaryFiles(WARC URIs) -> WARC records -> RawDocument -> (repartition) ->
    mapPartitions(extract_documents with one cached spaCy pipeline per Python worker) ->
    rows of tables.SCHEMAS -> Parquet: OUT/articles, OUT/quotes, OUT/entities, OUT/relations (+ OUT/skipped)

Files are read with Spark's `binaryFiles`, so any Hadoop-compatible URI works (file://, hdfs://,
s3a://, gs://, abfss://), and parsed with fastwarc inside the task. A whole WARC file is one value
in the JVM and in Python, so executors need a few times the largest file in memory (CC-NEWS
files are about 1 GB; Java arrays cap a file at 2 GB).

Partitioning: every table is partitioned by `bucket`, a hash of the article id
(bucket = int(article_id[:8], 16) % buckets), not by published date. All rows of one article,
in all four tables, land in the same bucket, so a reader (`quotegraph ingest`, DuckDB, pandas)
can load or join one bucket at a time with bounded memory; buckets are the same size whatever the
crawl's date skew; and the date that news pages give is often missing or wrong, which would make a
date partition a catch-all. The `bucket` column is added to each table; the schema's own columns
are unchanged (tables.SCHEMAS), and `read_tables` returns them exactly in that schema.

A record that cannot be read or extracted is counted and written to OUT/skipped with its reason;
it never fails the job.

This file also runs as a script, for spark-submit: `spark-submit .../quotegraph/spark.py INPUT... --out DIR`
(or `python -m quotegraph.spark`); it takes the same options as `quotegraph spark`.
"""
from __future__ import annotations

if __name__ == "__main__":  # run as a spark-submit script: import the installed package, not this file's folder
    import os as _os
    import sys as _sys

    _here = _os.path.dirname(_os.path.abspath(__file__))
    _sys.path[:] = [p for p in _sys.path if _os.path.abspath(p or ".") != _here]

import io
import logging
import os
import re
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, Iterable, Iterator

import pyarrow as pa

# Absolute imports, so that this file also works as spark-submit's main script.
from quotegraph.errors import ArticleFailed, InputError, QuotegraphError
from quotegraph.limits import Limits
from quotegraph.pipeline import extract_guarded
from quotegraph.readers import RawDocument
from quotegraph.readers.warc import HTML_TYPES, record_document
from quotegraph.settings import Settings
from quotegraph.tables import SCHEMAS, article_id, result_rows

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

TABLES = ("articles", "quotes", "entities", "relations")
SKIPPED_TABLE = "skipped"
SKIPPED_SCHEMA = pa.schema([("source", pa.string()), ("url", pa.string()), ("kind", pa.string()),
                            ("reason", pa.string())])
BUCKET_COLUMN = "bucket"
DEFAULT_BUCKETS = 16
LOCAL_MASTER = "local[2]"

log = logging.getLogger(__name__)


class SparkJobError(QuotegraphError):
    """The Spark job cannot start or cannot write its output (not: a bad record, which is skipped)."""


@dataclass
class SkippedRecord:
    """A WARC record or file that gave no article. kind: "ignored" (not an article: a redirect, an image)
    or "failed" (meant to be one but could not be read or extracted)."""

    source: str
    url: str | None
    kind: str
    reason: str


@dataclass
class SparkJobOptions:
    inputs: list[str]
    out: str
    settings: Settings = field(default_factory=lambda: Settings.from_env(only=("model",)))  # model, limits
    buckets: int = DEFAULT_BUCKETS
    partitions: int | None = None  # records are spread over this many tasks; None: twice the cores, at least one per file
    batch_size: int = 64
    overwrite: bool = False


@dataclass
class SparkJobSummary:
    out: str
    files: int = 0
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows written
    skipped: dict[str, int] = field(default_factory=dict)  # kind -> records
    top_reasons: list[tuple[str, int]] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return self.rows.get("articles", 0)


# ---------------------------------------------------------------- WARC records -> RawDocument

def warc_documents(data: bytes, source: str, max_bytes: int | None = None
                   ) -> Iterator[RawDocument | SkippedRecord]:
    """The HTML pages of one WARC file (gzip or not) as RawDocuments, in file order; every other
    response record, and a file or record that cannot be read, as a SkippedRecord.

    Which records are pages, and the RawDocument each becomes, is decided by readers/warc.py, the
    reader of `quotegraph ingest`, record by record; only the iteration differs, because here
    the file is bytes handed over by Spark rather than a local path. A record's source is
    "FILE#OFFSET" and its URL the WARC-Target-URI, which makes the article id the same wherever
    the WARC is read from."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    max_bytes = max_bytes or Settings().max_record_bytes
    n = 0
    # As read_warc does: HTTP headers are parsed by record_document, after it has measured the record's block.
    records = ArchiveIterator(io.BytesIO(data), record_types=WarcRecordType.response, parse_http=False)
    while True:
        try:
            rec = next(records)
        except StopIteration:
            break
        except Exception as e:  # noqa: BLE001 -- fastwarc raises OSError and others on a damaged archive
            # The records before the damage have been yielded; nothing after it can be found.
            reason = (f"WARC archive is damaged after {n} records ({e})" if n else
                      f"not a WARC file, or damaged at the start ({e})")
            yield SkippedRecord(source, None, "failed", reason)
            return
        n += 1
        where = f"{source}#{rec.stream_pos}"
        url = rec.headers.get("WARC-Target-URI") or None
        try:
            doc = record_document(rec, where, max_bytes)
        except InputError as e:
            yield SkippedRecord(where, url, "failed", e.reason)
            continue
        except Exception as e:  # noqa: BLE001 -- one unreadable record; go on with the next
            yield SkippedRecord(where, url, "failed", f"WARC record cannot be read ({e})")
            continue
        yield doc if doc is not None else SkippedRecord(where, url, "ignored", _not_a_page(rec))
    if n == 0:
        yield SkippedRecord(source, None, "failed", "not a WARC file (no response records found)")


def local_path(uri: str) -> str:
    """Hadoop names local files "file:/x/y"; sources say "/x/y", as `quotegraph ingest` does. Other URIs stay."""
    if uri.startswith("file://"):
        return uri[len("file://"):]
    if uri.startswith("file:/"):
        return uri[len("file:"):]
    return uri


def _not_a_page(rec: Any) -> str:
    """Why the WARC reader passed a record over, for the skipped table."""
    if not rec.is_http:
        return "response record without HTTP headers"
    status = rec.http_headers.status_code
    if status is not None and not 200 <= status < 300:
        return f"HTTP status {status}"
    media_type = (rec.http_content_type or "").lower()
    if media_type and media_type not in HTML_TYPES:
        return f"not an HTML page ({media_type})"
    return "empty page"


# ---------------------------------------------------------------- extraction inside a partition

def bucket_of(aid: str, buckets: int) -> int:
    """The partition an article's rows go to: a stable hash of its id, the same in every table."""
    return int(aid[:8], 16) % buckets


def extract_partition(items: Iterable[RawDocument | SkippedRecord], model: str | None, batch_size: int,
                      buckets: int, limits: Limits | None = None) -> Iterator[tuple[str, tuple]]:
    """mapPartitions body: ("table", row tuple) pairs for each table, in SCHEMAS column order plus bucket.

    The spaCy pipeline comes from load_pipeline, which is cached per process: Spark reuses its
    Python workers, so each worker loads the model once, however many tasks it runs."""
    from quotegraph.nlp import load_pipeline

    skipped: list[SkippedRecord] = []

    def documents() -> Iterator[RawDocument]:
        for item in items:
            if isinstance(item, SkippedRecord):
                skipped.append(item)
            else:
                yield item

    def drain() -> Iterator[tuple[str, tuple]]:
        for s in skipped:
            yield SKIPPED_TABLE, (s.source, s.url, s.kind, s.reason)
        skipped.clear()

    nlp = load_pipeline(model)
    for raw, res in extract_guarded(documents(), nlp, batch_size, limits=limits):
        yield from drain()
        if isinstance(res, ArticleFailed):
            yield SKIPPED_TABLE, (raw.source, raw.url, "failed", res.reason)
            continue
        rows = result_rows(res)
        bucket = bucket_of(article_id(res), buckets)
        for table in TABLES:
            names = SCHEMAS[table].names
            for row in rows[table]:
                yield table, tuple(row[c] for c in names) + (bucket,)
    yield from drain()


# ---------------------------------------------------------------- the job

def spark_schema(schema: pa.Schema, with_bucket: bool = True):
    """A pyarrow schema of tables.SCHEMAS as a Spark StructType (strings, int64 and lists of those)."""
    from pyspark.sql import types as T

    def convert(t: pa.DataType):
        if pa.types.is_string(t):
            return T.StringType()
        if pa.types.is_int64(t):
            return T.LongType()
        if pa.types.is_int32(t):
            return T.IntegerType()
        if pa.types.is_list(t):
            return T.ArrayType(convert(t.value_type))
        raise TypeError(f"no Spark type for {t}")

    fields = [T.StructField(f.name, convert(f.type), True) for f in schema]
    if with_bucket:
        fields.append(T.StructField(BUCKET_COLUMN, T.IntegerType(), False))
    return T.StructType(fields)


def start_session(master: str | None = None, app_name: str = "quotegraph") -> "SparkSession":
    """A SparkSession: spark-submit's when run under it; else `master`, by default local[2], kept light
    (no UI, few shuffle partitions) because a local run shares the machine."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkJobError("pyspark is not installed; install it with: pip install 'quotegraph[spark]'") from None
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise SparkJobError("Spark needs a Java runtime (17 or newer) and none was found; install one "
                            "(Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME")
    builder = SparkSession.builder.appName(app_name)
    # Under spark-submit the driver joins the JVM spark-submit started, whose master must not be overridden.
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    if master or not submitted:
        builder = builder.master(master or LOCAL_MASTER)
    if (master or LOCAL_MASTER).startswith("local") and not submitted:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter (and its packages)
        builder = (builder.config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.shuffle.partitions", "4")
                   .config("spark.python.worker.reuse", "true"))
    try:
        spark = builder.getOrCreate()
    except Exception as e:  # noqa: BLE001 -- py4j / JVM start-up failures, in many shapes
        raise SparkJobError(f"Spark did not start: {str(e).strip().splitlines()[0] if str(e).strip() else e}") from None
    spark.sparkContext.setLogLevel("WARN")
    return spark


def _hadoop_fs(spark: "SparkSession", uri: str):
    jvm: Any = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    return jvm, path, path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())


def _existing_tables(spark: "SparkSession", out: str) -> list[str]:
    jvm, root, fs = _hadoop_fs(spark, out)
    return [t for t in (*TABLES, SKIPPED_TABLE) if fs.exists(jvm.org.apache.hadoop.fs.Path(root, t))]


def list_input_files(spark: "SparkSession", inputs: list[str]) -> list[str]:
    """The files that binaryFiles will read: each input is a file, a folder (read recursively) or a
    Hadoop glob. Listed on the driver through Hadoop's FileSystem, so a missing input fails at once
    and nothing is read twice. Names starting with "_" or "." are skipped, as Hadoop does."""
    files: list[str] = []
    for uri in inputs:
        try:
            jvm, path, fs = _hadoop_fs(spark, uri)
            matches = fs.globStatus(path)
        except Exception as e:  # noqa: BLE001 -- py4j wraps Hadoop's IOExceptions
            raise SparkJobError(f"cannot list {uri}: {_java_message(e)}") from None
        if not matches:
            raise SparkJobError(f"{uri}: no such file or folder")
        for status in matches:
            if not status.isDirectory():
                files.append(status.getPath().toString())
                continue
            listing = fs.listFiles(status.getPath(), True)
            while listing.hasNext():
                p = listing.next().getPath()
                rel = p.toString()[len(status.getPath().toString()):]
                if not any(part.startswith(("_", ".")) for part in rel.split("/") if part):
                    files.append(p.toString())
    return files


def _java_message(e: Exception) -> str:
    """The line of a py4j error that says what went wrong: the Python error raised in a worker, else the
    Java exception's message."""
    lines = [line.strip() for line in str(e).strip().splitlines()]
    python_errors = [line for line in lines if re.match(r"^[\w.]+(Error|Exception): ", line)
                     and not line.startswith(("org.", "java.", "py4j."))]
    if python_errors:
        kind, _, message = python_errors[-1].partition(": ")
        return message if kind.startswith("quotegraph.") else python_errors[-1]  # ours already read as a sentence
    for line in lines:
        if "Exception:" in line:
            return line.split("Exception:", 1)[1].strip()
    return lines[0] if lines and lines[0] else type(e).__name__


def run_job(spark: "SparkSession", opts: SparkJobOptions) -> SparkJobSummary:
    """Extract every HTML page of the WARC files `opts.inputs` and write the tables under `opts.out`."""
    from pyspark import StorageLevel

    if opts.buckets < 1:
        raise SparkJobError("--buckets must be at least 1")
    sc = spark.sparkContext
    existing = _existing_tables(spark, opts.out)
    if existing and not opts.overwrite:
        raise SparkJobError(f"{opts.out} already holds {', '.join(existing)}; pass --overwrite to replace them "
                            f"or choose another --out")

    paths = list_input_files(spark, opts.inputs)
    if not paths:
        raise SparkJobError(f"no files in {', '.join(opts.inputs)}")
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    files = sc.binaryFiles(",".join(opts.inputs))

    max_bytes, model = opts.settings.max_record_bytes, opts.settings.model
    batch_size, buckets = opts.batch_size, opts.buckets
    limits = Limits.of(opts.settings)
    documents = files.flatMap(lambda kv: warc_documents(kv[1], local_path(kv[0]), max_bytes))
    partitions = opts.partitions or max(len(paths), sc.defaultParallelism * 2)
    if partitions != files.getNumPartitions():
        documents = documents.repartition(partitions)  # spread one big WARC's records over all cores
    tagged = documents.mapPartitions(partial(extract_partition, model=model, batch_size=batch_size, buckets=buckets,
                                             limits=limits))
    tagged.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = tagged.map(lambda t: t[0]).countByValue()  # the one pass that runs the extraction
        summary = SparkJobSummary(out=opts.out, files=len(paths),
                                  rows={t: counts.get(t, 0) for t in TABLES})
        skipped = tagged.filter(lambda t: t[0] == SKIPPED_TABLE).map(lambda t: t[1])
        if counts.get(SKIPPED_TABLE, 0):
            summary.skipped = dict(skipped.map(lambda r: r[2]).countByValue())
            summary.top_reasons = Counter(
                skipped.filter(lambda r: r[2] == "failed").map(lambda r: r[3]).countByValue()).most_common(5)
        mode = "overwrite" if opts.overwrite else "errorifexists"
        for table in TABLES:
            rows = tagged.filter(partial(_is_table, table)).map(lambda t: t[1])
            df = spark.createDataFrame(rows, spark_schema(SCHEMAS[table]))
            (df.repartition(BUCKET_COLUMN)  # one file per bucket
             .write.mode(mode).partitionBy(BUCKET_COLUMN).parquet(f"{opts.out.rstrip('/')}/{table}"))
        spark.createDataFrame(skipped, spark_schema(SKIPPED_SCHEMA, with_bucket=False)).coalesce(1) \
            .write.mode(mode).parquet(f"{opts.out.rstrip('/')}/{SKIPPED_TABLE}")
    except SparkJobError:
        raise
    except Exception as e:  # noqa: BLE001 -- py4j errors: one line for the user
        raise SparkJobError(f"the Spark job failed: {_java_message(e)}") from None
    finally:
        tagged.unpersist()
    return summary


def _is_table(table: str, tagged: tuple[str, tuple]) -> bool:
    return tagged[0] == table


# ---------------------------------------------------------------- reading the output back

def read_tables(out: str) -> dict[str, pa.Table]:
    """The job's output as pyarrow tables in exactly tables.SCHEMAS (the bucket partition column dropped).

    `out` is a local folder or any URI pyarrow's filesystems read (s3://, gs://, hdfs://)."""
    import pyarrow.dataset as ds

    tables = {}
    for name in TABLES:
        data = ds.dataset(f"{out.rstrip('/')}/{name}", format="parquet", partitioning="hive").to_table()
        if data.num_rows == 0:  # a table with no rows has no files, hence no columns
            tables[name] = SCHEMAS[name].empty_table()
        else:
            tables[name] = data.select(SCHEMAS[name].names).cast(SCHEMAS[name])
    return tables


def main(argv: list[str] | None = None) -> None:
    """`python -m quotegraph.spark ...` / spark-submit: runs `python -m quotegraph spark ...`.

    The job is a library that the command line drives, never the other way: the script hands its
    arguments to the package's own entry point (quotegraph/__main__.py) rather than importing the CLI."""
    import runpy

    sys.argv = ["quotegraph", "spark", *(sys.argv[1:] if argv is None else argv)]
    log.debug("spark-submit script: %s", " ".join(sys.argv))
    runpy.run_module("quotegraph", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
