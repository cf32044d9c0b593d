"""The Spark job on local[2] gives the same tables as extraction on one machine, and skips bad records."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.spark, pytest.mark.slow]

N_PAGES = 10


def _response(url: str, body: bytes, status: str = "200 OK", content_type: str = "text/html; charset=utf-8"):
    from fastwarc.warc import WarcRecord, WarcRecordType

    http = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
            .encode("ascii") + body)
    rec = WarcRecord()
    rec.init_headers(record_type=WarcRecordType.response)
    rec.headers["WARC-Target-URI"] = url
    rec.headers["Content-Type"] = "application/http; msgtype=response"
    rec.set_bytes_content(http)
    return rec


def write_warc(path: Path, records) -> None:
    """A .warc.gz as crawlers write them: one gzip member per record, so record offsets are file offsets."""
    from fastwarc.stream_io import GzipWriter

    with open(path, "wb") as f:
        for rec in records:
            member = GzipWriter(f)
            rec.write(member)
            member.finish()


@pytest.fixture(scope="module")
def crawl(shared, tmp_path_factory) -> Path:
    """A folder with one WARC of real article pages plus records that are not articles, and a file that is no WARC."""
    bench = shared / "data" / "article-extraction"
    urls = {k: v.get("url") for k, v in json.loads((bench / "ground-truth.json").read_text()).items()}
    pages = sorted((bench / "html").glob("*.html.gz"))[:N_PAGES]
    records = [_response(urls.get(p.name.split(".")[0]) or f"https://example.org/{p.name}",
                         gzip.decompress(p.read_bytes())) for p in pages]
    records.insert(3, _response("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64),
                                content_type="image/png"))
    records.insert(5, _response("https://example.org/moved", b"", status="301 Moved Permanently"))
    records.append(_response("https://example.org/empty-page", b"<html><body><div></div></body></html>"))
    folder = tmp_path_factory.mktemp("crawl")
    write_warc(folder / "pages.warc.gz", records)
    (folder / "notes.txt").write_text("not a WARC file\n")
    return folder


@pytest.fixture(scope="module")
def spark_run(crawl, tmp_path_factory, skip_unless_ci):
    try:
        import pyspark  # noqa: F401
    except ImportError:
        skip_unless_ci("pyspark is not installed (pip install -e '.[spark]')")
    if not shutil.which("java"):
        skip_unless_ci("no Java runtime (scripts/system-deps.sh installs one)")
    from quotegraph.spark import SparkJobOptions, read_tables, run_job, start_session

    out = tmp_path_factory.mktemp("tables")
    session = start_session("local[2]")
    try:
        summary = run_job(session, SparkJobOptions(inputs=[str(crawl)], out=str(out), overwrite=True, buckets=4))
    finally:
        session.stop()
    return summary, read_tables(str(out)), out


# Single-machine extraction of a WARC: the reader `quotegraph ingest` uses when it is there, else the job's own.
LOCAL_EXTRACTION = """
import json, sys
from pathlib import Path
from quotegraph.pipeline import extract_documents
from quotegraph.tables import result_rows
path = sys.argv[1]
try:
    from quotegraph.readers.warc import read_warc
    docs = [d for d in read_warc(path) if not isinstance(d, Exception)]
except ImportError:
    from quotegraph.spark import SkippedRecord, warc_documents
    docs = [d for d in warc_documents(Path(path).read_bytes(), path) if not isinstance(d, SkippedRecord)]
rows = {"articles": [], "quotes": [], "entities": [], "relations": []}
for _, res in extract_documents(docs):
    if not isinstance(res, Exception):
        for table, table_rows in result_rows(res).items():
            rows[table].extend(table_rows)
json.dump(rows, sys.stdout)
"""


@pytest.fixture(scope="module")
def local_rows(crawl):
    """The same WARC extracted on one machine, in a process of its own with the hash seed that Spark gives
    its Python workers (PYTHONHASHSEED=0), so that only the Spark path is compared, not set ordering."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run([sys.executable, "-c", LOCAL_EXTRACTION, str(crawl / "pages.warc.gz")], env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _quotegraph(*args: str, ok: tuple[int, ...] = (0,)) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # as Spark's Python workers, see local_rows
    done = subprocess.run([sys.executable, "-m", "quotegraph", *args], env=env, capture_output=True, text=True)
    assert done.returncode in ok, f"quotegraph {' '.join(args)} exited {done.returncode}: {done.stderr[-2000:]}"


def _exported(db: Path, out: Path) -> dict[str, list[dict]]:
    """The store's tables through `quotegraph export`, cut to the columns of tables.SCHEMAS."""
    import pyarrow.parquet as pq

    from quotegraph.tables import SCHEMAS

    _quotegraph("export", "--db", str(db), "--format", "parquet", "--out", str(out))
    return {name: pq.read_table(out / f"{name}.parquet", columns=SCHEMAS[name].names).to_pylist()
            for name in ("articles", "quotes", "entities", "relations")}


@pytest.fixture(scope="module")
def ingested_rows(crawl, tmp_path_factory) -> dict[str, list[dict]]:
    """The same WARC through single-machine `quotegraph ingest`, exported."""
    work = tmp_path_factory.mktemp("ingest")
    # exit status 1: the WARC's page with no article text is reported as failed
    _quotegraph("ingest", "--quiet", "--language", "en", "--db", str(work / "kb.db"), str(crawl / "pages.warc.gz"),
                ok=(0, 1))  # --language en: every page read, as the job reads them
    return _exported(work / "kb.db", work / "export")


def _key(row: dict) -> tuple:
    return tuple((k, json.dumps(v, sort_keys=True)) for k, v in sorted(row.items()))


def _same_rows(a: list[dict], b: list[dict]) -> bool:
    return sorted(_key(r) for r in a) == sorted(_key(r) for r in b)


def test_spark_quotes_equal_single_machine_extraction(spark_run, local_rows):
    _, tables, _ = spark_run
    assert local_rows["quotes"], "the single-machine run found no quotes to compare"
    assert _same_rows(tables["quotes"].to_pylist(), local_rows["quotes"])


def test_spark_articles_entities_relations_equal_single_machine(spark_run, local_rows):
    _, tables, _ = spark_run
    assert _same_rows(tables["articles"].to_pylist(), local_rows["articles"])
    for table in ("entities", "relations"):
        assert _same_rows(tables[table].to_pylist(), local_rows[table])


def test_spark_quotes_equal_single_machine_ingest(spark_run, ingested_rows):
    _, tables, _ = spark_run
    assert ingested_rows["quotes"]
    assert _same_rows(tables["quotes"].to_pylist(), ingested_rows["quotes"])
    assert _same_rows(tables["articles"].to_pylist(), ingested_rows["articles"])


def test_ingest_loads_the_spark_tables(spark_run, ingested_rows, tmp_path):
    _, _, out = spark_run
    _quotegraph("ingest", "--quiet", "--db", str(tmp_path / "kb.db"), str(out))
    loaded = _exported(tmp_path / "kb.db", tmp_path / "export")
    assert _same_rows(loaded["quotes"], ingested_rows["quotes"])
    assert _same_rows(loaded["entities"], ingested_rows["entities"])


def test_bad_and_non_article_records_are_counted_not_fatal(spark_run, local_rows):
    import pyarrow.parquet as pq

    summary, _, out = spark_run
    assert summary.files == 2
    assert summary.rows["articles"] == len(local_rows["articles"]) >= N_PAGES - 1
    assert summary.skipped["ignored"] == 2  # the image and the redirect
    # every page that gave no article, the page with no article text, and the file that is not a WARC
    assert summary.skipped["failed"] == (N_PAGES + 1 - summary.rows["articles"]) + 1
    skipped = pq.read_table(out / "skipped").to_pylist()
    by_url = {r["url"]: r for r in skipped}
    assert by_url["https://example.org/logo.png"]["reason"] == "not an HTML page (image/png)"
    assert by_url["https://example.org/moved"]["reason"] == "HTTP status 301"
    assert by_url["https://example.org/empty-page"]["kind"] == "failed"
    not_warc = [r for r in skipped if r["source"].endswith("notes.txt")]
    assert len(not_warc) == 1 and "not a WARC file" in not_warc[0]["reason"]


def test_tables_are_partitioned_by_article_bucket(spark_run):
    _, tables, out = spark_run
    from quotegraph.spark import bucket_of
    import pyarrow.dataset as ds

    for name in ("articles", "quotes"):
        dirs = {p.name for p in (out / name).iterdir() if p.is_dir()}
        assert dirs and all(d.startswith("bucket=") for d in dirs)
        data = ds.dataset(out / name, format="parquet", partitioning="hive").to_table(["article_id", "bucket"])
        for aid, bucket in zip(data["article_id"].to_pylist(), data["bucket"].to_pylist()):
            assert bucket == bucket_of(aid, 4)
