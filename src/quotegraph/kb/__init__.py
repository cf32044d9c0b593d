"""The knowledge base: many articles in one SQLite store, one record per person and work, and questions over it.

    import quotegraph
    kb = quotegraph.open_kb("quotegraph.db")          # or $QUOTEGRAPH_DB, or ./quotegraph.db
    ingest(kb, ["articles/"], jobs=2)                 # IngestSummary (from quotegraph.ingest import ingest)
    kb.person("Ashley Park").roles                    # [Role(character="Mindy Chen", work="Emily in Paris")]
    kb.quotes(text="escapism").items                  # [QuoteRecord(...)]
    kb.work("Emily in Paris").cast                    # [CastMember(person="Lily Collins", character="Emily"), ...]

Everything a question returns is a dataclass with `to_dict()`; lists come as a `Page` (limit,
offset, has_more). One KnowledgeBase holds one connection: use one per thread.
"""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from ..errors import UserInputError
from ..settings import default, engine_id, env_value
from .schema import SCHEMA_VERSION, connect

if TYPE_CHECKING:  # queries, store and overrides are imported where used: `quotegraph --help` needs none of them
    from ..result import ArticleResult
    from . import overrides
    from .models import (ArticleRecord, ArticleRef, EntitySummary, Page, PersonRecord, QuoteDetail, QuoteRecord,
                         StoreStats, WorkRecord)
    from .store import WriteOutcome

_MODELS = ("ArticleRecord", "ArticleRef", "EntitySummary", "Page", "PersonRecord", "QuoteDetail", "QuoteRecord",
           "StoreStats", "WorkRecord")


def __getattr__(name: str):
    if name in _MODELS:
        from . import models

        return getattr(models, name)
    if name == "WriteOutcome":
        from .store import WriteOutcome

        return WriteOutcome
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def default_path() -> str:
    """$QUOTEGRAPH_DB, else ./quotegraph.db (quotegraph.settings)."""
    return env_value("db") or default("db")


class KnowledgeBase:
    """One store file, its writes and its questions."""

    def __init__(self, path: str | None = None, readonly: bool = False):
        self.path = path or default_path()
        self.readonly = readonly
        from .queries import Queries

        self.conn = connect(self.path, readonly=readonly)
        self.q = Queries(self.conn)
        self._engine: str | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        if not self.readonly:
            try:  # keep the query planner's statistics fresh (cheap; SQLite decides what needs it)
                self.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
        self.conn.close()

    def __enter__(self) -> "KnowledgeBase":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------
    def add_result(self, res: ArticleResult, raw_hash: str | None = None, engine: str | None = None,
                   force: bool = False) -> WriteOutcome:
        """Store one extracted article in one transaction (unchanged content changes nothing)."""
        if engine is None:
            self._engine = self._engine or engine_id()
            engine = self._engine
        from .store import write_result

        return write_result(self.conn, res, engine, raw_hash=raw_hash, force=force)

    def delete_article(self, key: str) -> bool:
        from .store import delete_article

        return delete_article(self.conn, key)

    # -- fixes -----------------------------------------------------------------------------
    def resolve(self, name_or_id: str | int, types: tuple[str, ...] | None = None) -> int:
        """The one record a name or "#id" means; UserInputError listing the candidates when it is ambiguous."""
        if isinstance(name_or_id, int):
            return name_or_id
        ids = self.q.find_entities(str(name_or_id), types, limit=10)
        if not ids:
            raise UserInputError(f"no person, work or other record is called {name_or_id!r}")
        if len(ids) > 1:
            summaries = [s for s in (self.q.entity_summary(i) for i in ids) if s]
            exact = [s.id for s in summaries if s.name.lower() == str(name_or_id).strip().lower()]
            if len(exact) == 1:
                return exact[0]
            listing = "; ".join(f"#{s.id} {s.name} ({s.type}, {s.articles} articles)" for s in summaries)
            raise UserInputError(f"{name_or_id!r} could mean several records: {listing}; give one as #ID")
        return ids[0]

    def merge(self, keep: str | int, absorb: str | int) -> overrides.FixResult:
        """Make `absorb` part of `keep`, now and on every later ingest."""
        from . import overrides

        return overrides.merge(self.conn, self.resolve(keep), self.resolve(absorb))

    def rename(self, entity: str | int, name: str) -> overrides.FixResult:
        """Call a record `name` from now on, on every later ingest too."""
        from . import overrides

        return overrides.rename(self.conn, self.resolve(entity), name)

    def split(self, entity: str | int, names: list[str] | None = None, articles: list[str] | None = None,
              merged: str | int | None = None) -> overrides.FixResult:
        """Take mentions out of a record: under some names, in some articles, or undo a merge (`merged`)."""
        from . import overrides

        eid = self.resolve(entity)
        if merged is not None:
            other = merged if isinstance(merged, int) else self._merged_id(eid, str(merged))
            return overrides.unmerge(self.conn, eid, other)
        return overrides.split(self.conn, eid, names=names, articles=articles)

    def _merged_id(self, eid: int, name: str) -> int:
        from .queries import _ID

        m = _ID.match(name.strip())
        if m:
            return int(m.group(1))
        rows = self.conn.execute("SELECT id, name FROM entities WHERE merged_into = ?", (eid,)).fetchall()
        hits = [r["id"] for r in rows if r["name"].lower() == name.strip().lower()]
        if len(hits) != 1:
            listing = ", ".join(f"#{r['id']} {r['name']}" for r in rows) or "none"
            raise UserInputError(f"no single record called {name!r} was merged into #{eid} (merged into it: {listing})")
        return hits[0]

    def overrides(self) -> list[dict]:
        import json

        return [{"id": r["id"], "action": r["action"], "detail": json.loads(r["detail"]), "created_at": r["created_at"]}
                for r in self.conn.execute("SELECT * FROM overrides ORDER BY id")]

    # -- questions -------------------------------------------------------------------------
    def quotes(self, **filters) -> Page[QuoteRecord]:
        """Filters: speaker, about, text, since, until, outlet, kind, article, speaker_id, about_id;
        sort (newest, oldest, relevance), limit, offset, count; all_copies (else one per quote cluster)."""
        return self.q.quotes(**filters)

    def quote(self, quote_id: int) -> QuoteRecord | None:
        return self.q.quote(quote_id)

    def cluster(self, cluster_id: int):
        """One quotation across articles (ClusterRecord): every copy, its variants, outlets, first and last seen."""
        return self.q.cluster(cluster_id)

    def show(self, quote_id: int) -> QuoteDetail | None:
        return self.q.show(quote_id)

    def person(self, name: str, limit: int = 100, offset: int = 0) -> PersonRecord | None:
        return self.q.person(name, limit=limit, offset=offset)

    def person_by_id(self, entity_id: int, limit: int = 100, offset: int = 0) -> PersonRecord | None:
        return self.q.person_by_id(entity_id, limit=limit, offset=offset)

    def work(self, title: str, limit: int = 50, offset: int = 0) -> WorkRecord | None:
        return self.q.work(title, limit=limit, offset=offset)

    def work_by_id(self, entity_id: int, limit: int = 50, offset: int = 0) -> WorkRecord | None:
        return self.q.work_by_id(entity_id, limit=limit, offset=offset)

    def entity(self, entity_id: int) -> EntitySummary | None:
        return self.q.entity_summary(entity_id)

    def find(self, name: str, types: tuple[str, ...] | None = None, limit: int = 20) -> list[EntitySummary]:
        return [s for s in (self.q.entity_summary(i) for i in self.q.find_entities(name, types, limit)) if s]

    def people(self, sort: str = "quotes", order: str = "desc", limit: int = 50, offset: int = 0,
               query: str | None = None) -> Page[EntitySummary]:
        return self.q.entities(("person",), sort=sort, order=order, limit=limit, offset=offset, query=query)

    def works(self, sort: str = "articles", order: str = "desc", limit: int = 50, offset: int = 0,
              query: str | None = None) -> Page[EntitySummary]:
        return self.q.entities(("work",), sort=sort, order=order, limit=limit, offset=offset, query=query)

    def characters(self, sort: str = "articles", order: str = "desc", limit: int = 50, offset: int = 0,
                   query: str | None = None) -> Page[EntitySummary]:
        return self.q.entities(("character",), sort=sort, order=order, limit=limit, offset=offset, query=query)

    def article(self, key: str) -> ArticleRecord | None:
        return self.q.article(key)

    def articles(self, limit: int = 50, offset: int = 0, outlet: str | None = None) -> Page[ArticleRef]:
        return self.q.articles(limit=limit, offset=offset, outlet=outlet)

    def stats(self) -> StoreStats:
        return self.q.stats(self.path)

    def check(self, counters: bool = True) -> list[str]:
        """What is wrong with the store, one line each ([] when it is sound); see kb.maintenance.

        Runs on a read-only connection of its own (this one may be query-only), as `quotegraph check` does."""
        from .maintenance import check_connection, check_path

        if self.path == ":memory:":
            return check_connection(self.conn, counters=counters)
        return check_path(self.path, counters=counters).problems

    def backup(self, dest: str) -> str:
        """A consistent copy of the store in the new file `dest`, taken while it is in use; returns `dest`.

        The same one-step copy as `quotegraph backup` (kb.maintenance.backup_path)."""
        from .maintenance import backup_connection, backup_path

        if self.path == ":memory:":
            return backup_connection(self.conn, dest, label=self.path).dest
        return backup_path(self.path, dest).dest

    def export(self, out_dir: str, fmt: str = "parquet") -> dict[str, str]:
        """Write articles, quotes, entities, relations and kb_entities tables to out_dir."""
        from .export import export_tables

        return export_tables(self.conn, out_dir, fmt)


def open_kb(path: str | None = None, readonly: bool = False) -> KnowledgeBase:
    """Open (creating if needed) the knowledge base at `path`, $QUOTEGRAPH_DB or ./quotegraph.db."""
    return KnowledgeBase(path, readonly=readonly)


__all__ = ["KnowledgeBase", "open_kb", "default_path", "WriteOutcome",
           "SCHEMA_VERSION", "Page", "QuoteRecord", "PersonRecord", "WorkRecord", "QuoteDetail", "ArticleRecord",
           "EntitySummary", "StoreStats"]
