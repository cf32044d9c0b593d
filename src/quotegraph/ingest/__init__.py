"""`quotegraph ingest`: inputs -> readers -> extraction (in worker processes) -> the store, in order.

The only place that runs extraction into a store: it sits above both the readers and pipeline
and the knowledge base (kb/ only stores, resolves and answers).

The parent process reads the inputs, skips bytes it has already read (by hash, before any
extraction), and writes each result in its own transaction in input order. Extraction runs
in the parent (jobs=1) or in `jobs` worker processes that each load the spaCy pipeline once;
at most a few batches per worker are in flight, workers are replaced after every 2,000 articles
or so (a spaCy pipeline's vocabulary only grows), and the writer keeps a small page cache, so
memory stays flat however many articles come through. A file or article that cannot be read
or extracted is reported and the run goes on.
"""
from __future__ import annotations

import hashlib
import logging
import os
import time
from collections import deque
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from typing import Callable, Iterable, Iterator

from ..errors import ArticleFailed, InputError, Skipped
from ..kb import KnowledgeBase
from ..kb.store import WriteOutcome, has_raw
from ..limits import Limits
from ..nlp import load_pipeline
from ..pipeline import article_failure, extract_guarded
from ..readers import RawDocument
from ..readers.walk import expand_paths, read_documents
from ..result import ArticleResult
from ..settings import Settings, engine_id
from .orphans import end_with_parent

log = logging.getLogger(__name__)

BATCH_DOCUMENTS = 8
IN_FLIGHT_PER_WORKER = 3
RECYCLE_BATCHES_PER_WORKER = 250  # batches a worker extracts before it is replaced (2,000 articles, minutes)
INGEST_CACHE_KIB = 16 * 1024  # the writer's SQLite page cache during ingest (queries keep the store's default)
MAX_ERRORS_KEPT = 1000


@dataclass
class IngestEvent:
    """One input done: status is new, updated, unchanged, duplicate, skipped (not read as an article: a feed
    item holding only a teaser, a language the pipeline cannot read; message says why) or failed."""

    status: str
    source: str
    message: str | None = None
    quotes: int = 0
    article: str | None = None


@dataclass
class IngestSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0  # same content as already stored (duplicates included)
    failed: int = 0
    skipped: int = 0  # inputs not read as articles: feed teasers, languages the pipeline cannot read (see skipped_reasons)
    quotes: int = 0  # quotes written by this run
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    skipped_reasons: list[str] = field(default_factory=list)
    # the store after the run
    total_articles: int = 0
    total_quotes: int = 0
    people: int = 0
    works: int = 0

    @property
    def articles(self) -> int:
        return self.new + self.updated + self.unchanged + self.skipped + self.failed

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict:
        d = asdict(self)
        d["articles"] = self.articles
        d["articles_per_second"] = round(self.rate, 2)
        return d


@dataclass
class _Item:
    """One unit of input on its way through: a document to extract, a result to store, or an error."""

    source: str
    raw: RawDocument | None = None
    raw_hash: str | None = None
    result: ArticleResult | ArticleFailed | None = None  # an ArticleResult, or why it failed
    skipped: bool = False  # bytes already read by this engine


def raw_hash(raw: RawDocument) -> str:
    """Identity of one input document as read: where it came from and its exact bytes."""
    h = hashlib.sha256()
    for part in (raw.source, raw.media_type, raw.url or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    h.update(raw.data)
    return h.hexdigest()


def iter_items(paths: list[str], already_read: Callable[[str], bool], settings: Settings) -> Iterator[_Item]:
    """Every input document, table row or error named by `paths`, in order, each read by its format's reader."""
    for entry in expand_paths(paths):
        if isinstance(entry, InputError):
            yield _Item(entry.source, result=entry)
            continue
        for doc in read_documents(entry, settings):
            if not isinstance(doc, RawDocument):  # an error, or a result stored in a tables folder
                yield _Item(doc.source, result=doc)
                continue
            h = raw_hash(doc)
            if already_read(h):
                yield _Item(doc.source, raw_hash=h, skipped=True)
            else:
                yield _Item(doc.source, raw=doc, raw_hash=h)


# -- extraction: the same function in the parent and in workers --------------------------------

def extract_batch(raws: list[RawDocument], model: str | None = None, limits: Limits | None = None
                  ) -> list[ArticleResult | ArticleFailed]:
    """Extract a batch; an article that fails becomes its ArticleFailed. One bad article never sinks the batch."""
    nlp = load_pipeline(model)
    return [res for _, res in extract_guarded(raws, nlp, limits=limits)]


def _init_worker(model: str | None, parent: int | None = None) -> None:
    """Worker start: bound to the parent's life, one thread each (the workers are the parallelism), then the
    pipeline, once."""
    end_with_parent(parent if parent is not None else os.getppid())
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    load_pipeline(model)


def _batches(items: Iterable[_Item], size: int) -> Iterator[list[_Item]]:
    batch: list[_Item] = []
    for it in items:
        batch.append(it)
        if sum(1 for b in batch if b.raw is not None) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _fill(batch: list[_Item], results: list[ArticleResult | ArticleFailed]) -> list[_Item]:
    it = iter(results)
    for item in batch:
        if item.raw is not None:
            item.result = next(it)
            item.raw = None  # the bytes are no longer needed
    return batch


def extracted(items: Iterable[_Item], jobs: int, model: str | None, limits: Limits | None = None) -> Iterator[_Item]:
    """Items in input order with `result` filled in, extracted in the parent (jobs=1) or in worker processes."""
    if jobs <= 1:
        for batch in _batches(items, BATCH_DOCUMENTS * 2):
            raws = [b.raw for b in batch if b.raw is not None]
            yield from _fill(batch, extract_batch(raws, model, limits) if raws else [])
        return
    import multiprocessing

    # fork where there is one: workers start at once and a caller's script needs no __main__ guard;
    # the parent holds no model and nothing a worker touches (the store connection is the parent's alone)
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                                   initargs=(model, os.getpid()))

    pool = new_pool()
    pending: deque[tuple[list[_Item], Future | None]] = deque()

    def finish(batch: list[_Item], fut: Future | None) -> list[_Item]:
        nonlocal pool
        if fut is None:
            return batch
        try:
            return _fill(batch, fut.result())
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = new_pool()
            reason = "a worker process died while extracting this batch (out of memory?)"
            return _fill(batch, [ArticleFailed(b.source, reason) for b in batch if b.raw is not None])

    submitted = 0
    try:
        for batch in _batches(items, BATCH_DOCUMENTS):
            raws = [b.raw for b in batch if b.raw is not None]
            fut = None
            if raws and submitted and submitted % (jobs * RECYCLE_BATCHES_PER_WORKER) == 0:
                # fresh workers: whatever a spaCy pipeline keeps growing (its vocabulary and string store learn
                # every new word for good) is let go; the old workers finish first, so they never overlap
                while pending:
                    yield from finish(*pending.popleft())
                pool.shutdown(wait=True)
                pool = new_pool()
            if raws:
                submitted += 1
                try:
                    fut = pool.submit(extract_batch, raws, model, limits)
                except BrokenProcessPool:
                    pool = new_pool()
                    fut = pool.submit(extract_batch, raws, model, limits)
            pending.append((batch, fut))
            while len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                yield from finish(*pending.popleft())
        while pending:
            yield from finish(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# -- the run -----------------------------------------------------------------------------------

def ingest(kb: KnowledgeBase, paths: list[str], jobs: int = 1, settings: Settings | None = None,
           on_event: Callable[[IngestEvent], None] | None = None, force: bool = False,
           language: str | None = None) -> IngestSummary:
    """Read, extract and store everything under `paths` (files, folders, globs of any registered format).

    `settings` gives the model and the limits (quotegraph.settings; by default from the environment). Each
    article's language is detected and one the pipeline cannot read is skipped, with its reason; `language`
    (a code such as "en") says what the input is written in instead, and everything is read."""
    settings = settings or Settings.from_env(only=("model",))
    model = settings.model
    engine = engine_id(model)
    summary = IngestSummary()
    started = time.perf_counter()

    def already_read(h: str) -> bool:
        return not force and has_raw(kb.conn, h, engine)

    def report(event: IngestEvent) -> None:
        if event.status == "skipped":
            summary.skipped += 1
            if len(summary.skipped_reasons) < MAX_ERRORS_KEPT:
                summary.skipped_reasons.append(event.message or event.source)
        elif event.status == "failed":
            summary.failed += 1
            if len(summary.errors) < MAX_ERRORS_KEPT:
                summary.errors.append(event.message or event.source)
        elif event.status in ("unchanged", "duplicate"):
            summary.unchanged += 1
        elif event.status == "new":
            summary.new += 1
        elif event.status == "updated":
            summary.updated += 1
        summary.quotes += event.quotes
        if on_event is not None:
            on_event(event)

    limits = replace(Limits.of(settings), language=language or "auto")
    with _page_cache(kb.conn, INGEST_CACHE_KIB):
        _store_all(kb, extracted(iter_items(paths, already_read, settings), jobs, model, limits), engine, force,
                   report)
    summary.seconds = time.perf_counter() - started
    log.info("ingested %d articles (%d new, %d updated, %d skipped, %d failed) in %.1f s", summary.articles,
             summary.new, summary.updated, summary.skipped, summary.failed, summary.seconds)
    stats = kb.stats()
    summary.total_articles, summary.total_quotes = stats.articles, stats.quotes
    summary.people, summary.works = stats.people, stats.works
    return summary


@contextmanager
def _page_cache(conn, kib: int):
    """The connection's SQLite page cache at `kib` KiB until the block ends.

    Ingest writes each article once and reads back little but the name index, which a small cache
    serves (the rest comes from the OS's file cache, shared and not the process's own). The store's
    default cache, meant for queries, would otherwise fill as the store grows, so the writer's
    memory would keep rising with the corpus until the cache is full."""
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before)}")


def _store_all(kb: KnowledgeBase, items: Iterable[_Item], engine: str, force: bool,
               report: Callable[[IngestEvent], None]) -> None:
    """Write each extracted item in its own transaction, reporting every outcome; a failure ends only its item."""
    for item in items:
        if item.skipped:
            report(IngestEvent("unchanged", item.source))
            continue
        if isinstance(item.result, Skipped):
            report(IngestEvent("skipped", item.source, str(item.result)))
            continue
        if not isinstance(item.result, ArticleResult):
            report(IngestEvent("failed", item.source, str(item.result)))
            continue
        try:
            outcome = kb.add_result(item.result, raw_hash=item.raw_hash, engine=engine, force=force)
        except Exception as e:  # one article must not end a long run; its transaction was rolled back
            report(IngestEvent("failed", item.source, str(article_failure(item.source, "storing", e))))
            continue
        report(IngestEvent(outcome.status, item.source, quotes=outcome.quotes, article=outcome.article))


def add_document(kb: KnowledgeBase, raw: RawDocument, model: str | None = None) -> WriteOutcome:
    """Extract one document (text or HTML) and store it; raises the document's ArticleFailed if it fails."""
    (res,) = extract_batch([raw], model)
    if isinstance(res, ArticleFailed):
        raise res
    return kb.add_result(res, raw_hash=raw_hash(raw), engine=engine_id(model))


__all__ = ["ingest", "add_document", "IngestEvent", "IngestSummary", "engine_id", "raw_hash", "extract_batch"]
