"""The tabular form of results: the columns of `quotegraph export` and of the Spark job's Parquet output.

One schema, used by both, so that pandas, polars, DuckDB and `quotegraph ingest` read either
the same way. Article-local ids ("q3", "e2") are kept; `article_id` ties the rows together.
Columns may be added, never renamed.
"""
from __future__ import annotations

import hashlib
from functools import cache
from typing import TYPE_CHECKING, Any

from .result import ArticleResult, Entity, Mention, Quote, Relation, Span, Speaker

if TYPE_CHECKING:
    import pyarrow as pa


def article_id(res: ArticleResult) -> str:
    """Stable identity of an article: its URL when known, else its source path."""
    return hashlib.sha1((res.url or res.source).encode("utf-8")).hexdigest()[:16]


def content_hash(res: ArticleResult) -> str:
    """Identity of one version of an article: a hash of the text the offsets index."""
    return hashlib.sha256(res.text.encode("utf-8")).hexdigest()


@cache
def _schemas() -> dict[str, pa.Schema]:
    """The tables' schemas, built on first use: pyarrow is imported only by what writes or reads tables
    (the store's own use of this module, article_id and content_hash, needs none)."""
    import pyarrow as pa

    return {
        "articles": pa.schema([
            ("article_id", pa.string()), ("content_hash", pa.string()), ("source", pa.string()), ("url", pa.string()),
            ("title", pa.string()), ("dek", pa.string()), ("authors", pa.list_(pa.string())),
            ("published", pa.string()), ("outlet", pa.string()), ("media_type", pa.string()), ("text", pa.string()),
            ("paragraph_starts", pa.list_(pa.int64())), ("paragraph_ends", pa.list_(pa.int64())),
            ("updated", pa.string()),
        ]),
        "quotes": pa.schema([
            ("article_id", pa.string()), ("quote_id", pa.string()), ("kind", pa.string()), ("text", pa.string()),
            ("start", pa.int64()), ("end", pa.int64()), ("speaker", pa.string()), ("speaker_entity", pa.string()),
            ("speaker_start", pa.int64()), ("speaker_end", pa.int64()), ("speaker_text", pa.string()),
            ("cue_start", pa.int64()), ("cue_end", pa.int64()), ("cue_text", pa.string()), ("nested_in", pa.string()),
            ("published", pa.string()),
        ]),
        "entities": pa.schema([
            ("article_id", pa.string()), ("entity_id", pa.string()), ("name", pa.string()), ("type", pa.string()),
            ("aliases", pa.list_(pa.string())), ("mention_starts", pa.list_(pa.int64())),
            ("mention_ends", pa.list_(pa.int64())),
        ]),
        "relations": pa.schema([
            ("article_id", pa.string()), ("subject", pa.string()), ("predicate", pa.string()), ("object", pa.string()),
            ("qualifier", pa.string()), ("evidence_start", pa.int64()), ("evidence_end", pa.int64()),
            ("subject_entity", pa.string()), ("object_entity", pa.string()),
        ]),
    }


def __getattr__(name: str) -> Any:  # SCHEMAS, made when first asked for
    if name == "SCHEMAS":
        return _schemas()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def result_rows(res: ArticleResult) -> dict[str, list[dict[str, Any]]]:
    """One article's rows for each table in SCHEMAS."""
    aid = article_id(res)
    article = {"article_id": aid, "content_hash": content_hash(res), "source": res.source, "url": res.url,
               "title": res.title, "dek": res.dek, "authors": list(res.authors), "published": res.published,
               "outlet": res.outlet, "media_type": res.media_type, "text": res.text,
               "paragraph_starts": [p.start for p in res.paragraphs], "paragraph_ends": [p.end for p in res.paragraphs],
               "updated": res.updated}
    quotes = []
    for q in res.quotes:
        sp, m = q.speaker, (q.speaker.mention if q.speaker else None)
        quotes.append({
            "article_id": aid, "quote_id": q.id, "kind": q.kind, "text": q.text, "start": q.start, "end": q.end,
            "speaker": sp.name if sp else None, "speaker_entity": sp.entity if sp else None,
            "speaker_start": m.start if m else None, "speaker_end": m.end if m else None,
            "speaker_text": m.text if m else None,
            "cue_start": q.cue.start if q.cue else None, "cue_end": q.cue.end if q.cue else None,
            "cue_text": q.cue.text if q.cue else None, "nested_in": q.nested_in, "published": res.published,
        })
    entities = [{"article_id": aid, "entity_id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                 "mention_starts": [m.start for m in e.mentions], "mention_ends": [m.end for m in e.mentions]}
                for e in res.entities]
    relations = [{"article_id": aid, "subject": r.subject, "predicate": r.predicate, "object": r.object,
                  "qualifier": r.qualifier, "evidence_start": r.evidence.start, "evidence_end": r.evidence.end,
                  "subject_entity": r.subject_entity, "object_entity": r.object_entity}
                 for r in res.relations]
    return {"articles": [article], "quotes": quotes, "entities": entities, "relations": relations}


def rows_to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=_schemas()[name])


def result_from_rows(article: dict[str, Any], quotes: list[dict[str, Any]], entities: list[dict[str, Any]],
                     relations: list[dict[str, Any]]) -> ArticleResult:
    """Inverse of result_rows: one article's rows (from Parquet, say) back into an ArticleResult.

    Columns this module does not know are ignored and missing optional columns are taken as
    empty, so tables written by an older or newer quotegraph still load.
    """
    def pairs(starts, ends) -> list[Mention]:
        return [Mention(int(s), int(e)) for s, e in zip(starts or [], ends or [])]

    def span(start, end, text) -> Span | None:
        return Span(int(start), int(end), text or "") if start is not None and end is not None else None

    out_quotes = []
    for q in quotes:
        # a speaker may be a mention that names nobody ("a spokesman"): name and entity null, mention kept
        has_speaker = any(q.get(k) is not None for k in ("speaker", "speaker_entity", "speaker_start"))
        speaker = (Speaker(name=q.get("speaker"), entity=q.get("speaker_entity"),
                           mention=span(q.get("speaker_start"), q.get("speaker_end"), q.get("speaker_text")))
                   if has_speaker else None)
        out_quotes.append(Quote(id=q["quote_id"], kind=q["kind"], text=q["text"], start=int(q["start"]),
                                end=int(q["end"]), speaker=speaker,
                                cue=span(q.get("cue_start"), q.get("cue_end"), q.get("cue_text")),
                                nested_in=q.get("nested_in")))
    out_entities = [Entity(id=e["entity_id"], name=e["name"], type=e["type"],
                           mentions=pairs(e.get("mention_starts"), e.get("mention_ends")),
                           aliases=list(e.get("aliases") or []))
                    for e in entities]
    out_relations = [Relation(subject=r["subject"], predicate=r["predicate"], object=r["object"],
                              qualifier=r.get("qualifier"),
                              evidence=Mention(int(r.get("evidence_start") or 0), int(r.get("evidence_end") or 0)),
                              subject_entity=r.get("subject_entity"), object_entity=r.get("object_entity"))
                     for r in relations]
    return ArticleResult(
        source=article["source"], text=article["text"], title=article.get("title"), dek=article.get("dek"),
        authors=list(article.get("authors") or []), published=article.get("published"),
        updated=article.get("updated"), url=article.get("url"),
        outlet=article.get("outlet"), media_type=article.get("media_type") or "text/plain",
        paragraphs=pairs(article.get("paragraph_starts"), article.get("paragraph_ends")),
        quotes=out_quotes, entities=out_entities, relations=out_relations,
    )
