"""One person, one record: an article's entities resolved to the store's entities.

Two steps. `prepare_entities` reads one ArticleResult into LocalEntities: the engine's
entities, plus ones made for a speaker or relation name the engine listed no entity for;
relations fix types (the object of "plays" is a character, its qualifier a work) and tie
each character to its work; a lone first name that is a character's ("Mindy" beside the
character "Mindy Chen") joins that character. `Resolver` then links each LocalEntity to a
record of the store, in an order where a person's context is known before the person:
works, organisations, places, characters, people.

The rules, for people and characters (works and organisations match on their full title):
  - a fix a person made (`pins`) wins, then what the same article resolved to before;
  - a full name matches the record that already has that full name; a middle-name variant
    ("Lily Jane Collins") matches when only one record fits;
  - names are cleaned and an article's entities that are one person folded together first
    (kb/identity.py: headline words, a lone name beside the article's full name, relatives);
  - a lone first or last name ("Ashley") matches a record whose name it is part of only when
    the context agrees - the record appears with a work, character, organisation or person this
    article also has - and only one record agrees best (on a tie of context, the one that went by
    that name more often); otherwise it stays a record of its own, until an article giving the
    full name shows the evidence (kb/reconcile.py);
  - a character matches only characters of the same work ("Mindy" and "Mindy Chen" in
    Emily in Paris), or, when its work is unknown, a character with the very same name;
  - a name `quotegraph split` took away from a record (`blocks`) never resolves to it again.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..errors import StoreError
from ..result import ArticleResult, Predicate
from .context import work_kind_hint
from .identity import clean_loose_name, pronoun_owner, tidy_people
from .names import PERSONAL_TYPES, NameKey, compatible, names_agree

# What each end of a relation must be; the first type is given to an end of another type.
PREDICATE_TYPES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    Predicate.plays: (("person",), ("character",), ("work",)),
    Predicate.created: (("person", "organization"), ("work",), ("work",)),
    Predicate.streams_on: (("work",), ("organization",), ("work",)),
    Predicate.airs_on: (("work",), ("organization",), ("work",)),
    Predicate.performed_in: (("person",), ("work",), ("work",)),
    Predicate.is_friends_with: (("person",), ("person",), ("work",)),
}
RESOLVE_ORDER = {"work": 0, "organization": 1, "place": 2, "other": 3, "character": 4, "person": 5}
CONTEXT_TYPES = ("work", "character")
# what a lone name's candidates are compared on: works and characters, and, for people, the
# organisations and people the article also names (co-mentions; "Obama" beside Clinton and the
# White House is the Obama the store knows with them)
PERSON_CONTEXT_TYPES = ("work", "character", "organization", "person")
MAX_CANDIDATES = 2000
# Name lookups start from the name indexes: "+e.type" keeps SQLite from scanning all records of a type instead


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just wrote (sqlite3 types lastrowid as optional: None before any insert)."""
    if cur.lastrowid is None:
        raise StoreError("the database reported no id for a row just inserted")
    return cur.lastrowid


@dataclass
class LocalEntity:
    """An entity of one article, on its way to a record of the store."""

    local_id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    synthetic: bool = False
    work_local: str | None = None  # characters: the local id of their work
    kind_hint: str | None = None
    entity_id: int | None = None  # the record it is linked to (after merges)
    resolved_id: int | None = None  # the record resolution chose
    gender: str | None = None  # "m" or "f" when the article says (kb.identity)

    @property
    def key(self) -> NameKey:
        return NameKey.of(self.name, self.type)


@dataclass
class PreparedArticle:
    entities: list[LocalEntity]
    speakers: list[str | None]  # per quote: the local id of its speaker
    relation_ends: list[tuple[str | None, str | None, str | None]]  # per relation: subject, object, qualifier

    def by_local(self) -> dict[str, LocalEntity]:
        return {e.local_id: e for e in self.entities}


def prepare_entities(res: ArticleResult) -> PreparedArticle:
    """The article's entities, completed and typed by its quotes and relations."""
    ents: list[LocalEntity] = []
    by_id: dict[str, LocalEntity] = {}
    for e in res.entities:
        if not (e.name or "").strip() or e.id in by_id:
            continue
        le = LocalEntity(local_id=e.id, name=e.name.strip(), type=e.type or "other",
                         aliases=[a for a in e.aliases if a and a.strip()],
                         mentions=[(m.start, m.end) for m in e.mentions])
        ents.append(le)
        by_id[e.id] = le
    folded, owners = tidy_people(ents, res.text)
    by_id.update(folded)

    keysets: dict[str, set[str]] = {}

    def keys_of(le: LocalEntity) -> set[str]:
        if le.local_id not in keysets:
            keysets[le.local_id] = {NameKey.of(n, t).key for n in [le.name, *le.aliases] for t in ("person", "work")}
        return keysets[le.local_id]

    def find(name: str | None, types: tuple[str, ...]) -> LocalEntity | None:
        """The article's entity going by this name, of one of `types` if there is one."""
        if not name or not name.strip():
            return None
        wanted = {NameKey.of(name, "person").key, NameKey.of(name, "work").key} - {""}
        matches = [le for le in ents if wanted & keys_of(le)]
        for le in matches:
            if le.type in types:
                return le
        return matches[0] if matches else None

    def make(name: str, typ: str, mention: tuple[int, int] | None = None) -> LocalEntity:
        le = LocalEntity(local_id=f"kb{len(ents) + 1}", name=name.strip(), type=typ,
                         mentions=[mention] if mention else [], synthetic=True)
        while le.local_id in by_id:
            le.local_id += "x"
        ents.append(le)
        by_id[le.local_id] = le
        return le

    def end(local: str | None, name: str | None, types: tuple[str, ...]) -> LocalEntity | None:
        le = by_id.get(local) if local else None
        le = le or find(name, types)
        if le is None and name and name.strip():
            le = make(name, types[0])
        if le is not None and le.type not in types:
            le.type = types[0]
        return le

    relation_ends = []
    for r in res.relations:
        subject_types, object_types, qualifier_types = PREDICATE_TYPES.get(
            r.predicate, (("person", "organization", "work", "character", "place", "other"),) * 3)
        s = end(r.subject_entity, r.subject, subject_types)
        o = end(r.object_entity, r.object, object_types)
        q = end(None, r.qualifier, qualifier_types) if r.qualifier else None
        if r.predicate == Predicate.plays and o is not None and q is not None:
            o.work_local = q.local_id
        relation_ends.append((s.local_id if s else None, o.local_id if o else None, q.local_id if q else None))

    speakers: list[str | None] = []
    for quote in res.quotes:
        sp = quote.speaker
        who: LocalEntity | None = None
        if sp is not None:
            who = by_id.get(sp.entity) if sp.entity else None
            if sp.mention is not None and (sp.mention.start, sp.mention.end) in owners:
                who = owners[(sp.mention.start, sp.mention.end)]
            elif sp.mention is not None and who is not None:
                who = pronoun_owner(res.text, (sp.mention.start, sp.mention.end), who, ents)
            if who is None and sp.name:
                name = clean_loose_name(sp.name, ents, res.text)
                who = find(name, ("person",))
                if who is None:
                    m = sp.mention
                    who = make(name, "person", (m.start, m.end) if m else None)
        speakers.append(who.local_id if who else None)

    _fold_character_first_names(ents)
    for le in ents:
        if le.type == "work":
            le.kind_hint = work_kind_hint(res.text, le.mentions, le.name)
    return PreparedArticle(ents, speakers, relation_ends)


def _fold_character_first_names(ents: list[LocalEntity]) -> None:
    """A lone name typed as a person that is the first or last name of one of the article's
    characters, and of none of its people, is that character ("Mindy" beside "Mindy Chen")."""
    characters = [e for e in ents if e.type == "character"]
    people = [e for e in ents if e.type == "person"]
    for e in list(people):
        k = e.key
        if not k.single:
            continue
        chars = [c for c in characters if k.key in (c.key.first, c.key.last, c.key.key)]
        if len({c.key.key for c in chars}) != 1:
            continue
        if any(p is not e and k.key in (p.key.first, p.key.last) for p in people):
            continue
        e.type = "character"
        e.work_local = next((c.work_local for c in chars if c.work_local), None)
    for c in characters + [e for e in ents if e.type == "character"]:
        if c.work_local is None:
            same = [o.work_local for o in ents if o.type == "character" and o.work_local
                    and names_agree(c.key, [o.key])]
            if len(set(same)) == 1:
                c.work_local = same[0]


@dataclass
class Candidate:
    entity_id: int
    names: list[NameKey]
    work_id: int | None
    article_count: int
    score: int = 0
    alias_n: int = 0  # how often the record went by the name being resolved

    def has_full_name(self, key: str) -> bool:
        return any(n.key == key for n in self.names)

    @property
    def only_single_names(self) -> bool:
        return all(n.single for n in self.names)


class Resolver:
    """Links LocalEntities to records of the store, inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection, article_key: str, prior: dict[tuple[str, str], int]):
        self.conn = conn
        self.article_key = article_key
        self.prior = prior
        self.created: set[int] = set()
        # records this article resolved to so far, with the names it gave them: the store's name
        # index learns them only when the article's rows are complete
        self.seen: dict[int, tuple[str, set[NameKey], int | None]] = {}
        # the works and characters among the article's context: the only evidence a lone first name
        # takes (news calls public people by their surname; a first name alone is a private person's,
        # or an actor's or character's beside their work)
        self.work_context: set[int] = set()

    def resolve_all(self, prepared: PreparedArticle) -> None:
        locals_by_id = prepared.by_local()
        context: set[int] = set()
        # full names before lone ones, so that an article's full names are context for its lone names
        for le in sorted(prepared.entities, key=lambda e: (RESOLVE_ORDER.get(e.type, 3), e.key.single)):
            work_id = None
            if le.type == "character" and le.work_local and le.work_local in locals_by_id:
                work_id = locals_by_id[le.work_local].entity_id
            chosen = self.resolve_one(le, context, work_id)
            le.resolved_id = chosen
            le.entity_id = self.follow(chosen)
            row = self.conn.execute("SELECT type FROM entities WHERE id = ?", (le.entity_id,)).fetchone()
            if row is not None and row[0] != le.type:  # a person's lone name that is a character's
                le.type = row[0]
            typ, names, seen_work = self.seen.get(le.entity_id, (le.type, set(), None))
            names |= {NameKey.of(n, le.type) for n in [le.name, *le.aliases]} - {NameKey("", "", "", 0)}
            self.seen[le.entity_id] = (typ, names, seen_work if seen_work is not None else work_id)
            if le.type == "character" and work_id is not None:
                self.conn.execute("UPDATE entities SET work_id = ? WHERE id = ? AND work_id IS NULL",
                                  (work_id, le.entity_id))
            if le.type in PERSON_CONTEXT_TYPES:
                context.add(le.entity_id)
            if le.type in CONTEXT_TYPES:
                self.work_context.add(le.entity_id)

    def follow(self, entity_id: int) -> int:
        """The record an id stands for now, after merges."""
        seen = set()
        while entity_id not in seen:
            seen.add(entity_id)
            row = self.conn.execute("SELECT merged_into FROM entities WHERE id = ?", (entity_id,)).fetchone()
            if row is None or row[0] is None:
                return entity_id
            entity_id = row[0]
        return entity_id

    def _exists(self, entity_id: int) -> bool:
        return self.conn.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,)).fetchone() is not None

    def _blocked(self, entity_id: int, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM blocks WHERE entity_id = ? AND key = ?",
                                 (entity_id, key)).fetchone() is not None

    def resolve_one(self, le: LocalEntity, context: set[int], work_id: int | None) -> int:
        key = le.key
        if key.key:
            row = self.conn.execute("SELECT entity_id FROM pins WHERE article_key = ? AND type = ? AND key = ?",
                                    (self.article_key, le.type, key.key)).fetchone()
            if row and self._exists(row[0]):
                return row[0]
            prior = self.prior.get((le.type, key.key))
            if prior is not None and self._exists(prior) and not self._blocked(prior, key.key):
                return prior
            found = (self._match_personal(le, key, context, work_id) if le.type in PERSONAL_TYPES
                     else self._match_title(le, key))
            if found is None:
                found = self._match_alias(le, key, context, work_id)
            if found is None and le.type == "person" and key.single:
                found = self._match_character(le, key, context)
            if found is not None:
                return found
        return self.create(le, work_id)

    def _match_character(self, le: LocalEntity, key: NameKey, context: set[int]) -> int | None:
        """A lone name typed as a person, in an article about a work one of whose characters goes by that
        name, and no person fits: that character ("Mindy" in a piece on Emily in Paris)."""
        as_character = LocalEntity(local_id=le.local_id, name=le.name, type="character")
        cands = [c for c in self._candidates(as_character, key) if c.work_id is not None and c.work_id in context]
        return cands[0].entity_id if len(cands) == 1 else None

    def _match_alias(self, le: LocalEntity, key: NameKey, context: set[int], work_id: int | None) -> int | None:
        """When the fullest name finds nothing, another full name the article gives it ("Chris Christie" for
        "New Jersey Gov. Chris Christie"): only a record that has exactly that name, and only one."""
        for alias in le.aliases:
            k = NameKey.of(alias, le.type)
            if k.key == key.key or (le.type in PERSONAL_TYPES and k.single) or not k.key:
                continue
            if le.type not in PERSONAL_TYPES:
                found = self._match_title(le, k)
            else:
                cands = [c for c in self._candidates(le, k) if c.has_full_name(k.key)]
                if le.type == "character" and work_id is not None:
                    cands = [c for c in cands if c.work_id in (None, work_id)]
                self._score(cands, context)
                found = _best(cands, require_unique=True)
            if found is not None:
                return found
        return None

    def create(self, le: LocalEntity, work_id: int | None) -> int:
        cur = self.conn.execute("INSERT INTO entities (type, name, work_id, created_at) VALUES (?, ?, ?, ?)",
                                (le.type, le.name, work_id if le.type == "character" else None, now()))
        entity_id = inserted_id(cur)
        self.created.add(entity_id)
        return entity_id

    def _match_title(self, le: LocalEntity, key: NameKey) -> int | None:
        """Works, organisations, places: the record with the same full title, the most cited if several."""
        for eid, (typ, names, _) in self.seen.items():
            if typ == le.type and any(n.key == key.key for n in names):
                return eid
        rows = self.conn.execute(
            "SELECT e.id FROM entity_names n JOIN entities e ON e.id = n.entity_id "
            "WHERE n.key = ? AND +e.type = ? AND +e.merged_into IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.entity_id = e.id AND b.key = n.key) "
            "ORDER BY e.article_count DESC, e.id LIMIT 1", (key.key, le.type)).fetchall()
        return rows[0][0] if rows else None

    def _candidates(self, le: LocalEntity, key: NameKey) -> list[Candidate]:
        if key.single:
            where = "(n.first = :k OR n.last = :k)"
        else:
            where = ("(n.key = :k OR (n.tokens = 1 AND n.key IN (:first, :last)) "
                     "OR (n.first = :first AND n.last = :last))")
        rows = [tuple(r) for r in self.conn.execute(
            f"SELECT DISTINCT e.id, e.work_id, e.article_count FROM entity_names n JOIN entities e ON e.id = n.entity_id "
            f"WHERE {where} AND +e.type = :type AND +e.merged_into IS NULL LIMIT {MAX_CANDIDATES}",
            {"k": key.key, "first": key.first, "last": key.last, "type": le.type}).fetchall()]
        found = {r[0] for r in rows}
        for eid, (typ, seen_names, seen_work) in self.seen.items():
            if typ == le.type and eid not in found and any(compatible(key, n) for n in seen_names):
                row = self.conn.execute("SELECT work_id, article_count FROM entities WHERE id = ?", (eid,)).fetchone()
                rows.append((eid, row[0] if row and row[0] is not None else seen_work, row[1] if row else 0))
        if not rows:
            return []
        ids = [r[0] for r in rows]
        names: dict[int, list[NameKey]] = {i: [] for i in ids}
        alias_n: dict[int, int] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for eid, k, first, last, tokens, n in self.conn.execute(
                    f"SELECT entity_id, key, first, last, tokens, n FROM entity_names WHERE entity_id IN ({marks})",
                    chunk):
                names[eid].append(NameKey(k, first, last, tokens))
                if k == key.key:
                    alias_n[eid] = n
        for eid in ids:
            if eid in self.seen:
                names[eid] = list(set(names[eid]) | self.seen[eid][1])
        blocked = set()
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            blocked |= {r[0] for r in self.conn.execute(
                f"SELECT entity_id FROM blocks WHERE key = ? AND entity_id IN ({marks})", [key.key, *chunk])}
        return [Candidate(r[0], names[r[0]], r[1], r[2], alias_n=alias_n.get(r[0], 0)) for r in rows
                if r[0] not in blocked and names[r[0]] and names_agree(key, names[r[0]])]

    def _score(self, cands: list[Candidate], context: set[int]) -> None:
        if not context or not cands:
            return
        by_id = {c.entity_id: c for c in cands}
        ctx = list(context)
        for chunk in _chunks(list(by_id), 400):
            marks, cmarks = ",".join("?" * len(chunk)), ",".join("?" * len(ctx))
            for eid, n in self.conn.execute(
                    f"SELECT entity_id, COUNT(*) FROM entity_context WHERE entity_id IN ({marks}) "
                    f"AND context_id IN ({cmarks}) GROUP BY entity_id", [*chunk, *ctx]):
                by_id[eid].score = n
        for c in cands:  # a character's own work is context too
            if c.work_id is not None and c.work_id in context:
                c.score += 1

    def _match_personal(self, le: LocalEntity, key: NameKey, context: set[int], work_id: int | None) -> int | None:
        cands = self._candidates(le, key)
        if le.type == "character":
            if work_id is not None:
                cands = [c for c in cands if c.work_id in (None, work_id)]
            else:  # work unknown: only a character of the very same name
                cands = [c for c in cands if c.has_full_name(key.key)]
        if not cands:
            return None
        if key.single:
            by_surname = [c for c in cands if any(n.last == key.key and not n.single for n in c.names)
                          or c.only_single_names]
            self._score(by_surname, context)
            self._score([c for c in cands if c not in by_surname], self.work_context)
        else:
            # a record known only by this name's first name: works and characters only, as above
            by_first = [c for c in cands if c.only_single_names and all(n.key != key.last for n in c.names)]
            self._score([c for c in cands if c not in by_first], context)
            self._score(by_first, self.work_context)
        if not key.single:
            exact = [c for c in cands if c.has_full_name(key.key)]
            if exact:
                return _best(exact, require_unique=False)
            variants = [c for c in cands if not c.only_single_names]
            if variants:
                return _best(variants, require_unique=True, need_context=len(variants) > 1)
            # known so far only by a lone first or last name: the same one only if the context agrees
            return _best(cands, require_unique=True, need_context=True)
        if le.type == "character" and work_id is not None:
            # within one work a lone name is that work's character of that name, if only one fits
            return _best(cands, require_unique=True, need_context=False)
        full = [c for c in cands if not c.only_single_names and c.score > 0]
        if full:
            return _best(full, require_unique=True, need_context=True)
        return _best(cands, require_unique=True, need_context=True)


def _best(cands: list[Candidate], require_unique: bool, need_context: bool = False) -> int | None:
    """The candidate with the best context score (then the most articles); None when it is not clear."""
    if need_context:
        cands = [c for c in cands if c.score > 0]
    if not cands:
        return None
    top = max(c.score for c in cands)
    best = [c for c in cands if c.score == top]
    if len(best) > 1:  # as much context: the record that has gone by this very name more often
        most = max(c.alias_n for c in best)
        best = [c for c in best if c.alias_n == most]
    if require_unique and len(best) > 1:
        return None
    return max(best, key=lambda c: (c.article_count, -c.entity_id)).entity_id


def _chunks(items: list, n: int):
    for i in range(0, len(items), n):
        yield items[i:i + n]
