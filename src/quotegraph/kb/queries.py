"""The questions the knowledge base answers. Every query is parameterised; every list is paginated.

Names are looked up through entity_names (normalised keys, indexed): an exact name first,
then a lone first or last name ("Park"), then a name that starts with what was typed. Quote
lists come newest first from indexes that hold (speaker, day), (outlet, day), (kind, day);
words go through FTS5.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from datetime import date
from typing import Any

from ..errors import UserInputError
from ..result import Predicate
from .models import (ArticleEntity, ArticleRecord, ArticleRef, CastMember, ClusterRecord, ClusterRef, Count, EntityRef,
                     EntitySort, EntitySummary, Evidence, Fact, Mark, Order, Page, PersonRecord, QuoteDetail, QuoteRecord,
                     QuoteSort, Role, SpanRef, SpeakerRef, StoreStats, WorkRecord)
from .names import NameKey, name_key
from .store import quote_id_range

MAX_LIMIT = 1000
TALKS_ABOUT_QUOTES = 5000  # whom a person talks about is read from their latest quotes
QUOTE_SORTS = tuple(QuoteSort)
ENTITY_SORTS: dict[str, str] = {EntitySort.quotes: "quote_count", EntitySort.about: "about_count",
                                EntitySort.articles: "article_count", EntitySort.name: "name"}
_FTS_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
_ID = re.compile(r"^#?(\d+)$")
SQL_INT_MAX = 2**63 - 1

_QUOTE_COLUMNS = (
    'q.id, q.number, q.cluster_id, q.local_id, q.kind, q.text, q.start, q."end", q.speaker_id, q.speaker_name, q.speaker_start, q.speaker_end, '
    "q.speaker_text, q.cue_start, q.cue_end, q.cue_text, q.nested_in, a.key AS a_key, a.title AS a_title, "
    "a.url AS a_url, a.source AS a_source, a.outlet AS a_outlet, a.authors AS a_authors, "
    "a.published AS a_published, s.name AS speaker_record")


def _limit(limit: int, offset: int) -> tuple[int, int]:
    if limit < 1 or offset < 0:
        raise UserInputError("limit must be at least 1 and offset at least 0")
    if offset > SQL_INT_MAX - MAX_LIMIT - 1:
        raise UserInputError(f"offset must be at most {SQL_INT_MAX - MAX_LIMIT - 1:,}")
    return min(int(limit), MAX_LIMIT), int(offset)


def article_ref(row: sqlite3.Row, prefix: str = "a_") -> ArticleRef:
    return ArticleRef(id=row[f"{prefix}key"], title=row[f"{prefix}title"], url=row[f"{prefix}url"],
                      source=row[f"{prefix}source"], outlet=row[f"{prefix}outlet"],
                      authors=json.loads(row[f"{prefix}authors"] or "[]"), published=row[f"{prefix}published"])


def quote_record(row: sqlite3.Row) -> QuoteRecord:
    speaker = None
    if row["speaker_id"] is not None or row["speaker_name"] or row["speaker_start"] is not None:
        mention = (SpanRef(row["speaker_start"], row["speaker_end"], row["speaker_text"] or "")
                   if row["speaker_start"] is not None else None)
        speaker = SpeakerRef(id=row["speaker_id"], name=row["speaker_record"] or row["speaker_name"],
                             as_written=row["speaker_name"], mention=mention)
    cue = SpanRef(row["cue_start"], row["cue_end"], row["cue_text"] or "") if row["cue_start"] is not None else None
    art = article_ref(row)
    return QuoteRecord(id=row["number"], text=row["text"], kind=row["kind"], speaker=speaker, cue=cue, article=art,
                       published=art.published, start=row["start"], end=row["end"], local_id=row["local_id"],
                       nested_in=row["nested_in"])


_FTS_TOKEN = re.compile(r'"(?P<phrase>[^"]*)("|$)(?P<pstar>\*?)'  # "a phrase", "a phrase"*
                        r"|(?P<word>\w+(?:['’]\w+)*)(?P<wstar>\*?)|(?P<open>\()|(?P<close>\))", re.UNICODE)
_FTS_OPERATORS = ("AND", "OR", "NOT")


def fts_query(words: str) -> str | None:
    """A safe FTS5 query from what a user typed, in FTS5's own syntax: words must all occur; "a phrase" in
    double quotes; OR, AND and NOT (in capitals) between words, phrases or (groups); word* for a prefix.

    Every word and phrase goes to SQLite quoted, so nothing else a user types is read as FTS syntax
    (other punctuation separates words, as the tokenizer would). A query that cannot be read (an
    unclosed quote or bracket, an operator with nothing on one side) raises UserInputError."""
    items: list[str] = []
    for m in _FTS_TOKEN.finditer(words or ""):
        if m.group("phrase") is not None:
            if m.group(2) != '"':
                raise _fts_error(words, "a quotation mark is not closed")
            terms = [t.replace("’", "'") for t in _FTS_WORD.findall(m.group("phrase"))]
            if terms:
                items.append('"' + " ".join(terms) + '"' + m.group("pstar"))
        elif m.group("word") is not None:
            word = m.group("word").replace("’", "'")
            items.append(word if word in _FTS_OPERATORS and not m.group("wstar") else f'"{word}"' + m.group("wstar"))
        else:
            items.append(m.group())
    if not items:
        return None
    _check_fts(words, items)
    out: list[str] = []
    for item in items:  # FTS5 joins phrases with an implied AND, but a bracket needs it written
        if (out and (item == "(" or out[-1] == ")") and out[-1] not in (*_FTS_OPERATORS, "(")
                and item not in (*_FTS_OPERATORS, ")")):
            out.append("AND")
        out.append(item)
    return " ".join(out)


def _check_fts(words: str, items: list[str]) -> None:
    """Operators need something on both sides; brackets must pair and hold something."""
    depth, expect_operand = 0, True  # expect_operand: the last item was an operator, "(" or the start
    for i, item in enumerate(items):
        if item in _FTS_OPERATORS:
            if expect_operand:
                raise _fts_error(words, f"{item} needs words before it (as in: tax {item} budget)")
            expect_operand = True
        elif item == "(":
            depth, expect_operand = depth + 1, True
        elif item == ")":
            if depth == 0:
                raise _fts_error(words, "a closing bracket has no opening one")
            if items[i - 1] == "(":
                raise _fts_error(words, "a pair of brackets holds no words")
            if expect_operand:
                raise _fts_error(words, f"{items[i - 1]} needs words after it")
            depth, expect_operand = depth - 1, False
        else:
            expect_operand = False
    if expect_operand:
        raise _fts_error(words, f"{items[-1]} needs words after it (as in: tax {items[-1]} budget)")
    if depth:
        raise _fts_error(words, "a bracket is not closed")


def _fts_error(words: str, reason: str) -> UserInputError:
    return UserInputError(f"cannot read the search {words.strip()!r}: {reason} "
                          f'(a "phrase" in double quotes; OR, AND, NOT in capitals; word* for a prefix)')


def _clamp_day(day: str) -> str:
    """A day that exists: "2021-02-31" (the end of a month, loosely) becomes 2021-02-28."""
    from datetime import date

    y, m, d = (int(x) for x in day.split("-"))
    while d > 28:
        try:
            return date(y, m, d).isoformat()
        except ValueError:
            d -= 1
    return date(y, m, d).isoformat()


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_bound(value: str | None, end: bool, name: str | None = None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day, as the first or last day it covers.

    The one reading of a date a user gives (the CLI's --since/--until, the API's and the pages'
    since/until): anything else is a UserInputError, which the API answers with a 400."""
    if value is None or not value.strip():
        return None
    v = value.strip()
    m = _DATE.fullmatch(v)
    try:
        if m is None:
            raise ValueError
        date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        given = f" given as {name}" if name else ""
        raise UserInputError(f"cannot read the date {value!r}{given}; use YYYY, YYYY-MM or YYYY-MM-DD "
                             f"naming a real year, month or day") from None
    if m.group(3):
        return v
    if m.group(2):
        return f"{v}-31" if end else f"{v}-01"
    return f"{v}-12-31" if end else f"{v}-01-01"


def sql_int(n: int) -> bool:
    """Whether SQLite can hold the integer (ids and offsets a user types may not fit in 64 bits)."""
    return -SQL_INT_MAX - 1 <= n <= SQL_INT_MAX


class Queries:
    """Read-only questions over one connection."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    # -- names -----------------------------------------------------------------------------
    def find_entities(self, name: str, types: tuple[str, ...] | None = None, limit: int = 20) -> list[int]:
        """Records a name (or "#id") may mean, the most quoted first."""
        name = (name or "").strip()
        m = _ID.match(name)
        if m:
            if not sql_int(int(m.group(1))):
                return []
            row = self.conn.execute("SELECT id, type, merged_into FROM entities WHERE id = ?", (int(m.group(1)),)).fetchone()
            if row is None:
                return []
            eid = row["merged_into"] or row["id"]
            return [eid]
        type_sql, type_params = "", []
        if types:
            type_sql = f" AND +e.type IN ({','.join('?' * len(types))})"  # "+": start from the name index
            type_params = list(types)
        keys = {name_key(name, "person"), name_key(name, "work")} - {""}
        if not keys:
            return []
        named = [r[0] for r in self.conn.execute(  # a name a person gave a record (rename, merge) finds it first
            "SELECT id FROM entities WHERE type IN ('person', 'work', 'character', 'organization', 'place', 'other') "
            "AND name = ? COLLATE NOCASE AND fixed_name IS NOT NULL AND merged_into IS NULL LIMIT 5", (name,))
            if not types or self.conn.execute("SELECT type FROM entities WHERE id = ?", (r[0],)).fetchone()[0] in types]
        order = " ORDER BY e.quote_count + e.about_count DESC, e.article_count DESC, e.id LIMIT ?"
        base = "SELECT DISTINCT e.id, e.quote_count, e.about_count, e.article_count FROM entity_names n " \
               "JOIN entities e ON e.id = n.entity_id WHERE +e.merged_into IS NULL"
        kmarks = ",".join("?" * len(keys))
        rows = self.conn.execute(f"{base} AND n.key IN ({kmarks}){type_sql}{order}",
                                 [*keys, *type_params, limit]).fetchall()
        if not rows:
            k = NameKey.of(name, "person")
            if k.single:
                rows = self.conn.execute(
                    f"{base} AND (n.first = ? OR n.last = ?) AND +e.type IN ('person', 'character'){type_sql}{order}",
                    [k.key, k.key, *type_params, limit]).fetchall()
        if not rows:
            prefix = max(keys, key=len)
            rows = self.conn.execute(f"{base} AND n.key >= ? AND n.key < ?{type_sql}{order}",
                                     [prefix, prefix + "\U0010ffff", *type_params, limit]).fetchall()
        return named + [r["id"] for r in rows if r["id"] not in named]

    def entity_summary(self, eid: int) -> EntitySummary | None:
        if not sql_int(eid):
            return None
        row = self.conn.execute("SELECT * FROM entities WHERE id = ?", (eid,)).fetchone()
        return self._summary(row) if row else None

    def _summary(self, row: sqlite3.Row) -> EntitySummary:
        work = None
        if row["type"] == "character" and row["work_id"] is not None:
            w = self.conn.execute("SELECT id, name, type FROM entities WHERE id = ?", (row["work_id"],)).fetchone()
            work = EntityRef(w["id"], w["name"], w["type"]) if w else None
        return EntitySummary(id=row["id"], name=row["name"], type=row["type"], aliases=self.aliases(row["id"], row["name"]),
                             quotes=row["quote_count"], about=row["about_count"], articles=row["article_count"],
                             kind=self.work_kind(row["id"]) if row["type"] == "work" else None, work=work)

    def aliases(self, eid: int, name: str | None = None) -> list[str]:
        rows = self.conn.execute("SELECT name, n FROM entity_names WHERE entity_id = ? ORDER BY n DESC, name LIMIT 50",
                                 (eid,)).fetchall()
        return [r["name"] for r in rows if r["name"] != name]

    def work_kind(self, eid: int) -> str | None:
        row = self.conn.execute(
            "SELECT kind_hint, COUNT(*) AS n FROM article_entities WHERE entity_id = ? AND kind_hint IS NOT NULL "
            "GROUP BY kind_hint ORDER BY n DESC, kind_hint LIMIT 1", (eid,)).fetchone()
        return row["kind_hint"] if row else None

    # -- quotes ----------------------------------------------------------------------------
    def _filter_ids(self, given: int | None, name: str | None) -> list[int] | None:
        """The records a filter of quotes() stands for: the id given, else those its name may mean
        (perhaps none); None when the filter is not used."""
        if given is not None:
            return [given]
        if name:
            return self.find_entities(name, limit=50)
        return None

    def quotes(self, speaker: str | None = None, about: str | None = None, text: str | None = None,
               since: str | None = None, until: str | None = None, outlet: str | None = None,
               kind: str | None = None, article: str | None = None, speaker_id: int | None = None,
               about_id: int | None = None, sort: str = "newest", limit: int = 20, offset: int = 0,
               count: bool = False, all_copies: bool = False) -> Page[QuoteRecord]:
        """Quotes matching every filter given, newest first (or oldest, or best match for --text):
        one per quotation (its newest matching copy, with its cluster), or every copy with `all_copies`.

        Quote ids sort by publication day, so each plan streams from an index in id order and
        stops after one page: the speaker index, the quote_about index, the full-text index
        (FTS5 reads its rowids in order), or the table itself; dates are a range of ids.
        """
        limit, offset = _limit(limit, offset)
        if sort not in QUOTE_SORTS:
            raise UserInputError(f"sort must be one of {', '.join(QUOTE_SORTS)}")
        empty: Page[QuoteRecord] = Page([], limit, offset, False, 0 if count else None)
        where: list[str] = []
        params: list[Any] = []
        source = "quotes q"
        order = "q.id DESC" if sort != "oldest" else "q.id ASC"
        ids = self._filter_ids(speaker_id, speaker)
        if ids is not None:
            if not ids:
                return empty
            where.append(f"q.speaker_id IN ({','.join('?' * len(ids))})")
            params += ids
        about_ids = self._filter_ids(about_id, about)
        if about_ids is not None and not about_ids:
            return empty
        about_ids = about_ids or []
        fts = None
        if text:
            fts = fts_query(text)
            if fts is None:
                return empty
        lo, hi = date_bound(since, end=False), date_bound(until, end=True)
        if lo:
            where.append("q.id >= ?")
            params.append(quote_id_range(_clamp_day(lo))[0])
        if hi:
            where.append("q.id < ?")
            params.append(quote_id_range(_clamp_day(hi))[1])
        if outlet:
            where.append("q.outlet = ? COLLATE NOCASE")
            params.append(outlet)
        if kind:
            where.append("q.kind = ?")
            params.append(kind)
        if article:
            where.append("q.article_id = (SELECT id FROM articles WHERE key = ?)")
            params.append(article)
        lead_params: list[Any] = []
        if about_ids and len(about_ids) == 1 and fts is None:
            # the quote_about index holds (entity, quote id): already in order
            source = "quote_about qa JOIN quotes q ON q.id = qa.quote_id"
            where.insert(0, "qa.entity_id = ?")
            lead_params.append(about_ids[0])
            order = order.replace("q.id", "qa.quote_id")
        elif about_ids:
            where.append(f"q.id IN (SELECT quote_id FROM quote_about WHERE entity_id IN ({','.join('?' * len(about_ids))}))")
            params += about_ids
        if fts is not None:
            if sort == "relevance" or not (speaker or speaker_id is not None or article or about_ids):
                # the words lead: FTS5 gives matching rowids in order (or ranked)
                source = "quotes_fts f JOIN quotes q ON q.id = f.rowid"
                where.insert(0, "quotes_fts MATCH ?")
                lead_params.insert(0, fts)
                order = "f.rank, f.rowid DESC" if sort == "relevance" else order.replace("q.id", "f.rowid")
            else:  # a speaker, article or subject leads; the words are checked quote by quote
                where.append("EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = q.id)")
                params.append(fts)
        all_params = lead_params + params
        where_sql = (" WHERE " + " AND ".join(where)) if where else ""
        sql = (f"SELECT {_QUOTE_COLUMNS} FROM {source} JOIN articles a ON a.id = q.article_id "
               f"LEFT JOIN entities s ON s.id = q.speaker_id{where_sql} ORDER BY {order}")
        try:
            total = None
            if all_copies:
                rows = self.conn.execute(sql + " LIMIT ? OFFSET ?", [*all_params, limit + 1, offset]).fetchall()
                if count:
                    total = self.conn.execute(f"SELECT COUNT(*) FROM {source}{where_sql}", all_params).fetchone()[0]
            else:
                # the same plan, streamed over ids and clusters only (from an index where one covers them): the
                # first copy met of each cluster stands for it, and only those copies are read in full. No GROUP
                # BY, which would read every match before the first page.
                picked, seen = [], set()
                for qid, cid in self.conn.execute(f"SELECT q.id, q.cluster_id FROM {source}{where_sql} ORDER BY {order}",
                                                  all_params):
                    k = cid if cid is not None else -qid
                    if k in seen:
                        continue
                    seen.add(k)
                    if len(seen) > offset:
                        picked.append(qid)
                        if len(picked) > limit:
                            break
                full = {r["id"]: r for r in self.conn.execute(
                    f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities s "
                    f"ON s.id = q.speaker_id WHERE q.id IN ({','.join('?' * len(picked))})", picked)} if picked else {}
                rows = [full[i] for i in picked if i in full]
                if count:
                    total = self.conn.execute(f"SELECT COUNT(DISTINCT COALESCE(q.cluster_id, -q.id)) FROM {source}"
                                              f"{where_sql}", all_params).fetchone()[0]
        except sqlite3.OperationalError as e:
            if fts is None or "fts5" not in str(e):
                raise
            raise _fts_error(text or "", str(e).removeprefix("fts5: ")) from None
        return Page(self._with_clusters([quote_record(r) for r in rows[:limit]], rows[:limit]), limit, offset,
                    len(rows) > limit, total)

    def _with_clusters(self, records: list[QuoteRecord], rows: list[sqlite3.Row]) -> list[QuoteRecord]:
        ids = sorted({r["cluster_id"] for r in rows if r["cluster_id"] is not None})
        if not ids:
            return records
        found = {r["id"]: ClusterRef(r["id"], r["copies"], r["articles"], r["first_seen"], r["last_seen"])
                 for r in self.conn.execute(f"SELECT * FROM quote_clusters WHERE id IN ({','.join('?' * len(ids))})",
                                            ids)}
        for rec, row in zip(records, rows):
            rec.cluster = found.get(row["cluster_id"])
        return records

    def cluster(self, cluster_id: int) -> ClusterRecord | None:
        """One quotation with every copy, newest first, the outlets carrying it and its distinct wordings."""
        if not sql_int(cluster_id):
            return None
        c = self.conn.execute("SELECT c.*, e.name AS speaker_name, e.type AS speaker_type FROM quote_clusters c "
                              "LEFT JOIN entities e ON e.id = c.speaker_id WHERE c.id = ?", (cluster_id,)).fetchone()
        if c is None:
            return None
        rows = self.conn.execute(
            f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"LEFT JOIN entities s ON s.id = q.speaker_id WHERE q.cluster_id = ? ORDER BY q.id DESC LIMIT ?",
            (cluster_id, MAX_LIMIT)).fetchall()
        copies = self._with_clusters([quote_record(r) for r in rows], rows)
        variants: list[str] = []
        for q in copies:
            if q.text not in variants:
                variants.append(q.text)
        outlets = sorted({q.article.outlet for q in copies if q.article.outlet})
        speaker = EntityRef(c["speaker_id"], c["speaker_name"], c["speaker_type"]) if c["speaker_id"] else None
        return ClusterRecord(id=c["id"], text=c["text"], speaker=speaker, first_seen=c["first_seen"],
                             last_seen=c["last_seen"], variants=variants, copies=copies, outlets=outlets)

    def quote(self, number: int) -> QuoteRecord | None:
        """The quote of that number (what lists show as its id)."""
        if not sql_int(number):
            return None
        row = self.conn.execute(
            f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"LEFT JOIN entities s ON s.id = q.speaker_id WHERE q.number = ?", (number,)).fetchone()
        return self._with_clusters([quote_record(row)], [row])[0] if row else None

    def show(self, quote_id: int) -> QuoteDetail | None:
        """A quote in its paragraph, with its speaker mention and cue marked."""
        q = self.quote(quote_id)
        if q is None:
            return None
        a = self.conn.execute("SELECT text, paragraphs, dek FROM articles WHERE key = ?", (q.article.id,)).fetchone()
        text = a["text"]
        paragraphs = [tuple(p) for p in json.loads(a["paragraphs"])]
        spans = [(q.start, q.end)]
        marks = [Mark("quote", q.start, q.end, text[q.start:q.end])]
        if q.speaker and q.speaker.mention:
            m = q.speaker.mention
            spans.append((m.start, m.end))
            marks.append(Mark("speaker", m.start, m.end, text[m.start:m.end]))
        if q.cue:
            spans.append((q.cue.start, q.cue.end))
            marks.append(Mark("cue", q.cue.start, q.cue.end, text[q.cue.start:q.cue.end]))
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        from .context import paragraph_bounds

        start = min(start, paragraph_bounds(text, paragraphs, start)[0])
        end = max(end, paragraph_bounds(text, paragraphs, max(start, end - 1))[1])
        about = [EntityRef(r["id"], r["name"], r["type"]) for r in self.conn.execute(
            "SELECT e.id, e.name, e.type FROM quote_about qa JOIN entities e ON e.id = qa.entity_id "
            "WHERE qa.quote_id = (SELECT id FROM quotes WHERE number = ?) ORDER BY qa.in_quote DESC, e.name",
            (quote_id,))]
        return QuoteDetail(quote=q, excerpt=SpanRef(start, end, text[start:end]), marks=sorted(marks, key=lambda m: m.start),
                           about=about, article=q.article, dek=a["dek"])

    # -- facts -----------------------------------------------------------------------------
    def facts(self, eid: int, predicates: tuple[str, ...] | None = None, limit: int = 200) -> list[Fact]:
        """Relations a record takes part in, one Fact per distinct statement with every sentence stating it."""
        pred_sql, pred_params = "", []
        if predicates:
            pred_sql = f" AND r.predicate IN ({','.join('?' * len(predicates))})"
            pred_params = list(predicates)
        rows = self.conn.execute(
            "SELECT r.*, substr(a.text, r.evidence_start + 1, r.evidence_end - r.evidence_start) AS evidence_text, "
            "a.key AS a_key, a.title AS a_title, a.url AS a_url, a.source AS a_source, a.outlet AS a_outlet, "
            "a.authors AS a_authors, a.published AS a_published, "
            "se.name AS subject_name, oe.name AS object_name, qe.name AS qualifier_name "
            "FROM relations r JOIN articles a ON a.id = r.article_id "
            "LEFT JOIN entities se ON se.id = r.subject_id LEFT JOIN entities oe ON oe.id = r.object_id "
            "LEFT JOIN entities qe ON qe.id = r.qualifier_id "
            f"WHERE r.id IN (SELECT id FROM relations WHERE subject_id = ? UNION SELECT id FROM relations WHERE object_id = ? "
            f"UNION SELECT id FROM relations WHERE qualifier_id = ?){pred_sql} ORDER BY a.published_day, r.id LIMIT ?",
            [eid, eid, eid, *pred_params, limit * 5]).fetchall()
        out: dict[tuple, Fact] = {}
        for r in rows:
            k = (r["subject_id"] or r["subject"], r["predicate"], r["object_id"] or r["object"],
                 r["qualifier_id"] or r["qualifier"])
            if k not in out:
                if len(out) >= limit:
                    continue
                out[k] = Fact(subject=r["subject_name"] or r["subject"], subject_id=r["subject_id"],
                              predicate=r["predicate"], object=r["object_name"] or r["object"], object_id=r["object_id"],
                              qualifier=r["qualifier_name"] or r["qualifier"], qualifier_id=r["qualifier_id"])
            out[k].evidence.append(Evidence(article_ref(r), r["evidence_start"], r["evidence_end"], r["evidence_text"] or ""))
        return list(out.values())

    # -- people ----------------------------------------------------------------------------
    def person(self, name: str, limit: int = 100, offset: int = 0) -> PersonRecord | None:
        """Everything about the person a name most likely means (others it could mean are listed)."""
        ids = self.find_entities(name, ("person",)) or self.find_entities(name, ("character", "organization"))
        if not ids:
            return None
        rec = self.person_by_id(ids[0], limit=limit, offset=offset)
        if rec is not None:
            rec.others = [s for s in (self.entity_summary(i) for i in ids[1:10]) if s is not None]
        return rec

    def person_by_id(self, eid: int, limit: int = 100, offset: int = 0) -> PersonRecord | None:
        limit, offset = _limit(limit, offset)
        if not sql_int(eid):
            return None
        row = self.conn.execute("SELECT * FROM entities WHERE id = ?", (eid,)).fetchone()
        if row is None:
            return None
        if row["merged_into"] is not None:
            return self.person_by_id(row["merged_into"], limit, offset)
        facts = self.facts(eid)
        roles: dict[tuple, Role] = {}
        works: dict[int | str, Count] = {}
        for f in facts:
            if f.predicate == Predicate.plays and f.subject_id == eid:
                work, work_id = f.qualifier, f.qualifier_id
                if work_id is None and f.object_id is not None:
                    w = self.conn.execute("SELECT w.id, w.name FROM entities c JOIN entities w ON w.id = c.work_id "
                                          "WHERE c.id = ?", (f.object_id,)).fetchone()
                    if w:
                        work, work_id = w["name"], w["id"]
                k = (f.object_id or f.object, work_id or work)
                if k not in roles:
                    roles[k] = Role(character=f.object, character_id=f.object_id, work=work, work_id=work_id)
                roles[k].evidence += f.evidence
                if work:
                    _count(works, work_id or work, work, work_id, len(f.evidence), Predicate.plays)
            elif f.predicate in (Predicate.performed_in, Predicate.created) and f.subject_id == eid:
                _count(works, f.object_id or f.object, f.object, f.object_id, len(f.evidence), f.predicate)
        page = self.quotes(speaker_id=eid, limit=limit, offset=offset)
        timeline = [Count(r[0], r[1]) for r in self.conn.execute(
            "SELECT substr(published_day, 1, 7) AS month, COUNT(*) FROM quotes WHERE speaker_id = ? "
            "AND published_day IS NOT NULL GROUP BY month ORDER BY month", (eid,))]
        outlets = [Count(r[0], r[1]) for r in self.conn.execute(
            "SELECT outlet, COUNT(*) AS n FROM quotes WHERE speaker_id = ? AND outlet IS NOT NULL "
            "GROUP BY outlet ORDER BY n DESC, outlet LIMIT 50", (eid,))]
        talks = [Count(r["name"], r["n"], r["id"], r["type"]) for r in self.conn.execute(
            "SELECT e.id, e.name, e.type, COUNT(*) AS n FROM (SELECT id FROM quotes WHERE speaker_id = ? "
            f"ORDER BY id DESC LIMIT {TALKS_ABOUT_QUOTES}) q JOIN quote_about qa ON qa.quote_id = q.id "
            "JOIN entities e ON e.id = qa.entity_id WHERE qa.entity_id != ? "
            "AND e.type IN ('person', 'character', 'work') GROUP BY e.id ORDER BY n DESC, e.name LIMIT 30", (eid, eid))]
        return PersonRecord(id=eid, name=row["name"], type=row["type"], aliases=self.aliases(eid, row["name"]),
                            roles=list(roles.values()), works=list(works.values()), quote_count=row["quote_count"],
                            quotes=page.items, quotes_has_more=page.has_more, timeline=timeline, outlets=outlets,
                            talks_about=talks, facts=facts, articles=row["article_count"])

    # -- works -----------------------------------------------------------------------------
    def work(self, title: str, limit: int = 50, offset: int = 0) -> WorkRecord | None:
        ids = self.find_entities(title, ("work",))
        if not ids:
            return None
        rec = self.work_by_id(ids[0], limit=limit, offset=offset)
        if rec is not None:
            rec.others = [s for s in (self.entity_summary(i) for i in ids[1:10]) if s is not None]
        return rec

    def work_by_id(self, eid: int, limit: int = 50, offset: int = 0) -> WorkRecord | None:
        limit, offset = _limit(limit, offset)
        if not sql_int(eid):
            return None
        row = self.conn.execute("SELECT * FROM entities WHERE id = ?", (eid,)).fetchone()
        if row is None:
            return None
        if row["merged_into"] is not None:
            return self.work_by_id(row["merged_into"], limit, offset)
        facts = self.facts(eid)
        created_by: list[str] = []
        network: list[str] = []
        cast: dict[tuple, CastMember] = {}
        for f in facts:
            if f.predicate == Predicate.created and f.object_id == eid and f.subject not in created_by:
                created_by.append(f.subject)
            elif f.predicate in (Predicate.streams_on, Predicate.airs_on) and f.subject_id == eid and f.object not in network:
                network.append(f.object)
            elif f.predicate == Predicate.plays and f.qualifier_id == eid:
                cast.setdefault((f.subject_id or f.subject, f.object_id or f.object),
                                CastMember(f.subject, f.subject_id, f.object, f.object_id))
        characters = [EntityRef(r["id"], r["name"], r["type"]) for r in self.conn.execute(
            "SELECT id, name, type FROM entities WHERE work_id = ? AND merged_into IS NULL ORDER BY article_count DESC, name",
            (eid,))]
        for c in characters:  # characters of this work whose actor is named without the work in the same sentence
            for f in self.facts(c.id, (Predicate.plays,)):
                if f.object_id == c.id:
                    cast.setdefault((f.subject_id or f.subject, c.id), CastMember(f.subject, f.subject_id, c.name, c.id))
        page = self.quotes(about_id=eid, limit=limit, offset=offset)
        return WorkRecord(id=eid, title=row["name"], type=row["type"], kind=self.work_kind(eid),
                          aliases=self.aliases(eid, row["name"]), created_by=created_by, network=network,
                          cast=_dedupe_cast(list(cast.values())), characters=characters, facts=facts,
                          quote_count=row["about_count"], quotes=page.items, quotes_has_more=page.has_more,
                          articles=row["article_count"])

    # -- listings --------------------------------------------------------------------------
    def entities(self, types: tuple[str, ...], sort: str = "quotes", order: str = "desc", limit: int = 50,
                 offset: int = 0, query: str | None = None) -> Page[EntitySummary]:
        """People, works, ... with their counts, sorted by quotes, about, articles or name."""
        limit, offset = _limit(limit, offset)
        if sort not in ENTITY_SORTS:
            raise UserInputError(f"sort must be one of {', '.join(ENTITY_SORTS)}")
        if order not in tuple(Order):
            raise UserInputError("order must be asc or desc")
        column = ENTITY_SORTS[sort]
        direction = "ASC" if order == "asc" else "DESC"
        tmarks = ",".join("?" * len(types))
        where = f"type IN ({tmarks}) AND merged_into IS NULL AND article_count > 0"
        params: list[Any] = list(types)
        if query:
            where += " AND name LIKE ? ESCAPE '\\'"
            params.append("%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        collate = " COLLATE NOCASE" if column == "name" else ""
        rows = self.conn.execute(
            f"SELECT * FROM entities WHERE {where} ORDER BY {column}{collate} {direction}, id LIMIT ? OFFSET ?",
            [*params, limit + 1, offset]).fetchall()
        total = self.conn.execute(f"SELECT COUNT(*) FROM entities WHERE {where}", params).fetchone()[0]
        return Page([self._summary(r) for r in rows[:limit]], limit, offset, len(rows) > limit, total)

    # -- articles --------------------------------------------------------------------------
    def article(self, key: str) -> ArticleRecord | None:
        a = self.conn.execute("SELECT * FROM articles WHERE key = ?", (key,)).fetchone()
        if a is None:
            return None
        quotes = [quote_record(r) for r in self.conn.execute(
            f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"LEFT JOIN entities s ON s.id = q.speaker_id WHERE q.article_id = ? ORDER BY q.start, q.id", (a["id"],))]
        ents = [ArticleEntity(id=r["entity_id"], local_id=r["local_id"], name=r["name"], type=r["type"],
                              record_name=r["record_name"], mentions=json.loads(r["mentions"]))
                for r in self.conn.execute(
                    "SELECT ae.*, e.name AS record_name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
                    "WHERE ae.article_id = ? ORDER BY ae.id", (a["id"],))]
        facts: dict[tuple, Fact] = {}
        for eid in sorted({e.id for e in ents}):
            for f in self.facts(eid):
                for ev in f.evidence:
                    if ev.article.id == key:
                        k = (f.subject_id, f.predicate, f.object_id, f.qualifier_id, f.subject, f.object)
                        facts.setdefault(k, Fact(f.subject, f.subject_id, f.predicate, f.object, f.object_id,
                                                 f.qualifier, f.qualifier_id))
                        if ev not in facts[k].evidence:
                            facts[k].evidence.append(ev)
        return ArticleRecord(id=a["key"], title=a["title"], dek=a["dek"], authors=json.loads(a["authors"]),
                             published=a["published"], outlet=a["outlet"], url=a["url"], source=a["source"],
                             media_type=a["media_type"], text=a["text"], paragraphs=json.loads(a["paragraphs"]),
                             quotes=quotes, entities=ents, facts=list(facts.values()), content_hash=a["content_hash"],
                             ingested_at=a["ingested_at"], updated=a["updated"])

    def articles(self, limit: int = 50, offset: int = 0, outlet: str | None = None) -> Page[ArticleRef]:
        limit, offset = _limit(limit, offset)
        where, params = "", []
        if outlet:
            where, params = " WHERE outlet = ? COLLATE NOCASE", [outlet]
        rows = self.conn.execute(
            f"SELECT key AS a_key, title AS a_title, url AS a_url, source AS a_source, outlet AS a_outlet, "
            f"authors AS a_authors, published AS a_published FROM articles{where} "
            f"ORDER BY published_day DESC, id DESC LIMIT ? OFFSET ?", [*params, limit + 1, offset]).fetchall()
        total = self.conn.execute(f"SELECT COUNT(*) FROM articles{where}", params).fetchone()[0]
        return Page([article_ref(r) for r in rows[:limit]], limit, offset, len(rows) > limit, total)

    def articles_mentioning(self, entity_id: int, limit: int = 50, offset: int = 0) -> Page[ArticleRef]:
        """The articles that mention a record (its article count, as a list), newest first."""
        limit, offset = _limit(limit, offset)
        inner = "SELECT DISTINCT article_id FROM article_entities WHERE entity_id = ?"
        rows = self.conn.execute(
            f"SELECT key AS a_key, title AS a_title, url AS a_url, source AS a_source, outlet AS a_outlet, "
            f"authors AS a_authors, published AS a_published FROM articles WHERE id IN ({inner}) "
            f"ORDER BY published_day DESC, id DESC LIMIT ? OFFSET ?", [entity_id, limit + 1, offset]).fetchall()
        total = self.conn.execute(f"SELECT COUNT(*) FROM ({inner})", [entity_id]).fetchone()[0]
        return Page([article_ref(r) for r in rows[:limit]], limit, offset, len(rows) > limit, total)

    def stats(self, path: str) -> StoreStats:
        c = self.conn

        def one(sql: str, *p) -> int:
            return c.execute(sql, p).fetchone()[0]

        def typed(t: str) -> int:
            return one("SELECT COUNT(*) FROM entities WHERE type = ? AND merged_into IS NULL AND article_count > 0", t)

        return StoreStats(articles=one("SELECT COUNT(*) FROM articles"), quotes=one("SELECT COUNT(*) FROM quotes"),
                          people=typed("person"), works=typed("work"), characters=typed("character"),
                          organizations=typed("organization"), relations=one("SELECT COUNT(*) FROM relations"),
                          schema_version=one("PRAGMA user_version"), path=path)


def _count(table: dict, key, label: str, eid: int | None, n: int, how: str) -> None:
    if key in table:
        table[key].count += n
    else:
        table[key] = Count(label, n, eid, how)


def _dedupe_cast(cast: list[CastMember]) -> list[CastMember]:
    """One line per actor and character; a line without an actor is dropped when another names one."""
    by_character: dict = defaultdict(list)
    for c in cast:
        by_character[c.character_id or c.character].append(c)
    out = []
    for members in by_character.values():
        named = [m for m in members if m.person]
        seen = set()
        for m in named or members[:1]:
            k = m.person_id or m.person
            if k not in seen:
                seen.add(k)
                out.append(m)
    return out
