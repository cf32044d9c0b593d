"""`quotegraph spark`: the extraction as a Spark job over WARC files, writing Parquet tables."""
from __future__ import annotations

import time

import typer

from ..settings import Settings, default
from .options import MaxRecordBytes, Model


def spark(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...",
                                       help="WARC files (.warc, .warc.gz), folders of them or globs; local paths or "
                                            "any Hadoop URI (hdfs://, s3a://, gs://)."),
    out: str = typer.Option(..., "--out", "-o", help="Folder or URI to write articles/, quotes/, entities/, "
                                                     "relations/ and skipped/ to (Parquet)."),
    master: str = typer.Option(None, "--master",
                               help="Spark master URL [default: spark-submit's, else local[2]]."),
    model: Model = None,
    buckets: int = typer.Option(16, "--buckets", help="Hash buckets the tables are partitioned into."),
    partitions: int = typer.Option(None, "--partitions",
                                   help="Tasks the pages are spread over [default: twice the cores, at least one "
                                        "per file]."),
    batch_size: int = typer.Option(64, "--batch-size", help="Articles parsed per spaCy batch."),
    max_bytes: MaxRecordBytes = default("max_record_bytes"),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace tables already under --out."),
) -> None:
    """Run the extraction on Spark over WARC files and write partitioned Parquet tables.

    Each table has the columns of `quotegraph export` plus `bucket` (a hash of the article id, the
    partition key). Pages that cannot be read or extracted are counted and listed in skipped/.

    Examples:

      quotegraph spark crawl/*.warc.gz --out tables/

      spark-submit --master yarn .../quotegraph/spark.py 's3a://commoncrawl/crawl-data/CC-NEWS/2024/05/*.warc.gz' --out s3a://bucket/quotes/
    """
    from rich.console import Console
    from rich.table import Table

    from ..spark import SparkJobOptions, run_job, start_session

    settings = Settings.from_env(only=("model",), model=model, max_record_bytes=max_bytes)
    opts = SparkJobOptions(inputs=inputs, out=out, settings=settings, buckets=buckets, partitions=partitions,
                           batch_size=batch_size, overwrite=overwrite)
    err = Console(stderr=True)
    started = time.perf_counter()
    with err.status("starting Spark"):
        session = start_session(master)
    try:
        with err.status(f"extracting on {session.sparkContext.master}"):
            summary = run_job(session, opts)
    finally:
        session.stop()
    seconds = time.perf_counter() - started

    table = Table(title=f"wrote {summary.out}", title_justify="left")
    table.add_column("")
    table.add_column("count", justify="right")
    table.add_row("WARC files", f"{summary.files:,}")
    for name, n in summary.rows.items():
        table.add_row(name, f"{n:,}")
    for kind, n in sorted(summary.skipped.items()):
        table.add_row(f"records {kind}", f"{n:,}")
    table.add_row("seconds", f"{seconds:,.1f}")
    if summary.articles:
        table.add_row("articles/s", f"{summary.articles / seconds:,.2f}")
    Console().print(table)
    for reason, n in summary.top_reasons:
        err.print(f"[yellow]skipped {n:,}[/]: {reason}", highlight=False)
