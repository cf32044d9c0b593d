"""Loading the Spark job's Parquet tables (partitioned folders) without extracting again."""
from __future__ import annotations

import pyarrow as pa
import pyarrow.dataset as ds

from quotegraph.tables import SCHEMAS, result_from_rows, result_rows
from quotegraph.ingest import ingest


def _write_spark_like(folder, results):
    """Tables as the Spark job writes them: one folder per table, hive partitions by bucket, a _SUCCESS marker."""
    rows = {name: [] for name in SCHEMAS}
    for i, res in enumerate(results):
        for name, table_rows in result_rows(res).items():
            rows[name] += [r | {"bucket": i % 2} for r in table_rows]
    for name, schema in SCHEMAS.items():
        table = pa.Table.from_pylist(rows[name], schema=schema.append(pa.field("bucket", pa.int32())))
        ds.write_dataset(table, folder / name, format="parquet", partitioning=["bucket"], partitioning_flavor="hive")
        (folder / name / "_SUCCESS").write_bytes(b"")


def test_rows_and_back_give_the_same_result(park_articles):
    for res in park_articles:
        t = result_rows(res)
        assert result_from_rows(t["articles"][0], t["quotes"], t["entities"], t["relations"]) == res


def test_spark_tables_ingest_like_the_articles_themselves(kb, park_articles, tmp_path, counts):
    from quotegraph.kb import open_kb

    _write_spark_like(tmp_path / "out", park_articles)
    summary = ingest(kb, [str(tmp_path / "out")])
    assert (summary.new, summary.failed) == (2, 0)
    with open_kb(str(tmp_path / "direct.db")) as direct:
        for res in park_articles:
            direct.add_result(res)
        assert counts(direct) | {"raw_documents": 0} == counts(kb) | {"raw_documents": 0}
        assert [q.to_dict() for q in direct.quotes().items] == [q.to_dict() for q in kb.quotes().items]


def test_a_damaged_table_is_reported(kb, tmp_path):
    folder = tmp_path / "out"
    for name in ("articles", "quotes"):
        (folder / name).mkdir(parents=True)
        (folder / name / "part-0.parquet").write_bytes(b"PAR1 this is not parquet PAR1")
    summary = ingest(kb, [str(folder)])
    assert summary.failed == 1 and "Parquet" in summary.errors[0]


def test_a_speaker_who_is_only_a_mention_survives_the_round_trip():
    from quotegraph.result import ArticleResult, Quote, Speaker, Span

    text = 'The pump was "patched," a spokesman said.'
    res = ArticleResult(source="a.txt", text=text, quotes=[Quote(
        id="q1", kind="partial", text="patched,", start=14, end=22,
        speaker=Speaker(name=None, entity=None, mention=Span(24, 35, "a spokesman")), cue=Span(36, 40, "said"))])
    rows = result_rows(res)
    back = result_from_rows(rows["articles"][0], rows["quotes"], rows["entities"], rows["relations"])
    assert back.quotes[0].speaker == Speaker(name=None, entity=None, mention=Span(24, 35, "a spokesman"))


def test_a_named_pipe_inside_a_table_is_refused_at_once_and_the_run_goes_on(kb, park_articles, tmp_path):
    import os
    import threading

    folder = tmp_path / "out"
    _write_spark_like(folder, park_articles)
    os.mkfifo(folder / "quotes" / "bucket=0" / "part-pipe.parquet")  # pyarrow would block opening it
    done = threading.Event()
    box = {}

    def run():
        box["summary"] = ingest(kb, [str(folder)])
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(60), "ingest blocked on a named pipe inside a Parquet table"
    summary = box["summary"]
    assert summary.failed == 1 and "not a regular file" in summary.errors[0] and "part-pipe" in summary.errors[0]
