"""Who a span refers to: a name, a pronoun ("she") or a description ("the 29-year-old actress").

Names are looked up in the entities' mentions. A pronoun goes to the nearest person of
matching gender, scanning back sentence by sentence and preferring each sentence's subjects
and speakers; when the first sentence with a fitting person holds two who fit equally, it is
ambiguous and stays unresolved. A definite description goes to the one person named earlier
under the title it stands for ("the senator" after "Sen. Maria Lopez"), else to the article's
most salient person who fits it. Characters are never the referent of a pronoun or description: an actor is
not their character. Text inside quotation marks is the speaker's words, not narration, and
gives no antecedents.
"""
from __future__ import annotations

import bisect
import copy
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from spacy.strings import hash_string  # type: ignore[attr-defined]  # missing from spaCy's stub
from spacy.tokens import Span, Token

from ..nlp import ParsedArticle, expanded_span
from ..result import Entity, QuoteKind
from .mentions import block_finder, given_name_gender
from ..wordlists import word_map, word_set

FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
MALE_PRONOUNS = {"he", "him", "his", "himself"}
SPEAKER_TYPES = ("person", "organization", "place")
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
_QUOTED_KINDS = (QuoteKind.direct, QuoteKind.partial, QuoteKind.nested)
# how a candidate antecedent of a pronoun scores, against one point lost per sentence back
_SUBJECT_WEIGHT = 1.5
_SPEAKER_WEIGHT = 2.0
_MAX_LIFT = 6  # arcs from a pronoun up to the clause whose subject stands for the same person
_GENDER_WEIGHT = 1.0


@dataclass
class Referent:
    """What a span was resolved to; `entity` is None when nobody can be named."""

    entity: Entity | None
    how: str  # name, pronoun, description, unresolved


@dataclass
class _Occurrence:
    start: int
    end: int
    entity: Entity
    sent: int  # sentence index
    subject: bool
    quoted: bool


def quoted_spans(spans: Iterable[Any]) -> list[tuple[int, int]]:
    """Where quotes (or quote candidates) hold quoted words rather than narration, as a MentionResolver
    is told: direct, partial and nested ones."""
    return sorted((c.start, c.end) for c in spans if c.kind in _QUOTED_KINDS)


def enclosing_subjects(tok: Token, stops: Callable[[Token], bool]) -> Iterator[Token]:
    """The subjects, written before `tok`, of the clauses above it, nearest first, within _MAX_LIFT arcs;
    the climb ends at the sentence root or where `stops` says a clause must not be left."""
    h = tok.head
    for _ in range(_MAX_LIFT):
        if h.head is h or stops(h):
            return
        h = h.head
        if h.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
        if subj is not None:
            yield subj


@dataclass
class MentionResolver:
    """Resolves spans of one article to its entities (built once per article)."""

    parsed: ParsedArticle
    entities: list[Entity]
    quoted: list[tuple[int, int]] = field(default_factory=list)  # spans of quoted words (not narration)
    speakers_at: dict[int, Entity] = field(default_factory=dict)  # char offset of a quote -> its speaker so far

    def __post_init__(self) -> None:
        doc = self.parsed.doc
        self._sents: list[Span] = [s for s in doc.sents]
        self._sent_starts = [s.start_char for s in self._sents]
        self._quoted = sorted(self.quoted)
        occ = []
        for e in self.entities:
            for m in e.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                occ.append(_Occurrence(m.start, m.end, e, self.sentence_index(m.start),
                                       _is_subject(span), self.in_quote(m.start)))
        self._occ = sorted(occ, key=lambda o: o.start)
        self._by_id = {e.id: e for e in self.entities}
        self._paras = sorted(self.parsed.article.paragraphs, key=lambda b: b.start)
        self._para_starts = [b.start for b in self._paras]
        self._occ_starts = [o.start for o in self._occ]
        self._titles = self._titles_before_names()
        self._pronouns = self._narration_pronouns()
        self._pronoun_starts = [t.idx for t in self._pronouns]
        self._pronoun_referents: dict[int, Entity | None] = {}
        self.gender = self._genders()
        self.salience = self._salience()

    def fresh(self) -> "MentionResolver":
        """A resolver over the same article that shares this one's precomputed indexes but none of what
        resolving has taught it since (speakers so far, pronoun referents, genders the syntax tied): the
        relation rules read the article as if no quote had been attributed, without building it twice."""
        new = copy.copy(self)
        new.speakers_at = {}
        new._pronoun_referents = {}
        new.gender = dict(self.gender)
        return new

    def entity(self, eid: str) -> Entity:
        return self._by_id[eid]

    # ---- positions -------------------------------------------------------------------------------------------
    def sentence_index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, char) - 1)

    def sentence(self, char: int) -> Span:
        return self._sents[self.sentence_index(char)]

    def paragraph_index(self, char: int) -> int | None:
        """Index of the body paragraph holding char (None outside the body)."""
        i = bisect.bisect_right(self._para_starts, char) - 1
        return i if i >= 0 and char < self._paras[i].end else None

    def paragraph(self, i: int):
        return self._paras[i]

    def sentence_by_index(self, si: int) -> Span:
        return self._sents[si]

    def in_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self._quoted, (char, float("inf"))) - 1
        return i >= 0 and self._quoted[i][0] <= char < self._quoted[i][1]

    def mentions_in(self, start: int, end: int) -> list[_Occurrence]:
        lo = bisect.bisect_left(self._occ_starts, start)
        out = []
        for o in self._occ[lo:]:
            if o.start >= end:
                break
            out.append(o)
        # a mention starting before the span but reaching into it
        for o in self._occ[max(0, lo - 3):lo]:
            if o.end > start:
                out.insert(0, o)
        return out

    # ---- resolution ------------------------------------------------------------------------------------------
    def resolve(self, start: int, end: int) -> Referent:
        """The entity a source span names or refers to."""
        doc = self.parsed.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not span.text.strip():
            return Referent(None, "unresolved")
        head = _span_head(span)
        inside = self.mentions_in(span.start_char, span.end_char)
        for o in inside:
            if o.start <= head.idx < o.end and o.entity.type in SPEAKER_TYPES + ("character",):
                return Referent(o.entity, "name")
        # the head is a compound inside a name (e.g. "Trump campaign" is not Trump); a name in apposition
        for o in inside:
            tok = expanded_span(doc, o.start, o.end).root
            if tok.dep_ == "appos" and tok.head.i == head.i and o.entity.type == "person":
                return Referent(o.entity, "name")
        if head.lower_ in FEMALE_PRONOUNS | MALE_PRONOUNS and head.pos_ == "PRON":
            return self.resolve_pronoun(head)
        described = _described_by_conjunct(span, head)
        if described is not None and not any(o.entity.type == "person" for o in inside):
            # "the Queen & Slim actress": a title the parse took for the head, the description noun after it
            return self.resolve_description(span, described)
        if head.pos_ == "PRON" and head.lower_ == "it" or _organisation_description(head):
            # "it said", "the company added": the organisation named last before it
            found = self.nearest_organization(head.idx)
            return Referent(found, "pronoun" if head.pos_ == "PRON" else "description") if found \
                else Referent(None, "unresolved")
        if head.pos_ in {"NOUN", "PROPN"} and not inside:
            return self.resolve_description(span, head)
        own = _own_description(head)
        if own is not None and not any(o.start <= head.idx < o.end for o in inside):
            # "Speaking to host Ann Lee, the actress, 35, admitted": the subject is the description, not
            # the name in the clause the span took in before it
            return self.resolve_description(own, head)
        if head.pos_ in {"NOUN"} and all(o.entity.type != "person" for o in inside):
            return self.resolve_description(span, head)
        return Referent(None, "unresolved")

    def resolve_pronoun(self, tok: Token) -> Referent:
        gender = "f" if tok.lower_ in FEMALE_PRONOUNS else "m"
        found = self._subject_above(tok, gender) or self.nearest_person(tok.idx, gender)
        return Referent(found, "pronoun" if found else "unresolved")

    def nearest_person(self, char: int, gender: str | None, max_sentences: int = 8,
                       subjects_only: bool = False) -> Entity | None:
        """The person a pronoun at `char` refers to: None when nobody fits, or two fit equally.

        Every person mentioned before it in the narration of the last few sentences is a candidate,
        scored by how far back its sentence is, whether it was that sentence's subject or speaker, and
        whether its gender is known to agree (a subject one sentence back beats an object in the
        pronoun's own sentence: "he has daughters Ann and Beth ... he said" is not Ann). Earlier pronouns
        count as mentions of the person they were resolved to, so a chain "Ann ... She ... she said"
        stays with Ann even when someone else is named in between as an object.
        """
        here = self.sentence_index(char)
        self._resolve_pronouns_before(char)
        best: dict[str, float] = {}
        distance = 0
        for si in range(here, max(-1, here - max_sentences - 1), -1):
            if si < here and len(self._sents[si + 1]) > 3:
                distance += 1  # a line of one or two words ("Advertisement") puts nobody further back
            if best and _SPEAKER_WEIGHT + _SUBJECT_WEIGHT + _GENDER_WEIGHT - distance < max(best.values()):
                break  # nobody this far back or further can reach what was found
            occ = [(o.entity, o.subject) for o in self._sentence_occurrences(si)
                   if o.start < char and not o.quoted and o.entity.type == "person"]
            occ += [(e, subj) for _, e, subj in self._pronoun_occurrences(si, char)]
            occ += [(e, False) for c, e in self.speakers_at.items() if c < char and self.sentence_index(c) == si
                    and e.type == "person"]
            spoke = {e.id for c, e in self.speakers_at.items() if c < char and self.sentence_index(c) == si}
            for e, subj in occ:
                if not self._gender_fits(e, gender) or (subjects_only and not subj and e.id not in spoke):
                    continue
                score = -float(distance) + _SUBJECT_WEIGHT * subj + _SPEAKER_WEIGHT * (e.id in spoke) \
                    + _GENDER_WEIGHT * (gender is not None and self.gender.get(e.id) == gender)
                if score > best.get(e.id, float("-inf")):
                    best[e.id] = score
        if not best:
            return self.most_salient(gender)
        ranked = sorted(best.items(), key=lambda x: -x[1])
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 1e-9:
            return None  # two fit equally
        return self._by_id[ranked[0][0]]

    def nearest_organization(self, char: int, max_sentences: int = 3) -> Entity | None:
        """The organisation "it" or "the company" at `char` stands for: the nearest one named in the
        narration of its own or the last few sentences, a subject first; None when two fit equally."""
        here = self.sentence_index(char)
        best: dict[str, float] = {}
        for si in range(here, max(-1, here - max_sentences - 1), -1):
            for o in self._sentence_occurrences(si):
                if o.start < char and not o.quoted and o.entity.type == "organization":
                    score = -float(here - si) + _SUBJECT_WEIGHT * o.subject
                    best[o.entity.id] = max(best.get(o.entity.id, float("-inf")), score)
        if not best:
            return None
        ranked = sorted(best.items(), key=lambda x: -x[1])
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 1e-9:
            return None
        return self._by_id[ranked[0][0]]

    def _quoted_sentence(self, si: int) -> bool:
        """Whether sentence si opens inside quoted words (a sentence of someone's quote, not narration)."""
        s = self._sents[si]
        first = next((t.idx for t in s if not t.is_space and not t.is_punct), s.start_char)
        return self.in_quote(first)

    def _narration_pronouns(self) -> list[Token]:
        """Third-person singular pronouns outside quotation marks, in text order (read from the LOWER array)."""
        doc = self.parsed.doc
        pronouns = {hash_string(w) for w in FEMALE_PRONOUNS | MALE_PRONOUNS}
        out = []
        for i, lower in enumerate(doc.to_array("LOWER").tolist()):
            if lower in pronouns:
                tok = doc[i]
                if tok.pos_ == "PRON" and not self.in_quote(tok.idx):
                    out.append(tok)
        return out

    def _resolve_pronouns_before(self, char: int) -> None:
        """Resolve, in text order, every narration pronoun before `char` not resolved yet (no recursion)."""
        for tok in self._pronouns[:bisect.bisect_left(self._pronoun_starts, char)]:
            if tok.idx not in self._pronoun_referents:
                self._pronoun_referents[tok.idx] = None  # guards against asking for itself
                gender = "f" if tok.lower_ in FEMALE_PRONOUNS else "m"
                self._pronoun_referents[tok.idx] = self._main_subject_after(tok, gender) \
                    or self._subject_above(tok, gender) or self.nearest_person(tok.idx, gender)

    def _main_subject_after(self, tok: Token, gender: str) -> Entity | None:
        """"When asked if she had a message, Ann lifted the trophy": a pronoun in a clause put before its
        sentence's main clause stands for that clause's subject, when a person of fitting gender."""
        clause = tok
        while clause.head is not clause and clause.dep_ not in ("advcl", "ROOT"):
            clause = clause.head
        if clause.dep_ != "advcl" or clause.head.dep_ != "ROOT" or clause.i > clause.head.i:
            return None
        subj = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.i < tok.i:
            return None
        e = self._entity_at_token(subj)
        if e is None or e.type != "person" or not self._gender_fits(e, gender):
            return None
        self.gender.setdefault(e.id, gender)  # the syntax ties them: the pronoun tells the person's gender
        return e

    def _subject_above(self, tok: Token, gender: str) -> Entity | None:
        """"Ban condemned what he called ...", "Lee says she values what she calls ...": a pronoun subject of a
        clause inside another stands for the nearest enclosing clause's subject before it, when that is a person
        of fitting gender (or a pronoun of the same gender, standing for whom it stands for); any other subject
        there ends the search."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        # "asked Lee about statements he made": a clause on a noun names nobody above it
        for subj in enclosing_subjects(tok, lambda clause: clause.dep_ in ("relcl", "acl")):
            if self.in_quote(subj.idx):
                return None
            if subj.pos_ == "PRON":
                if subj.lower_ not in (FEMALE_PRONOUNS if gender == "f" else MALE_PRONOUNS):
                    return None
                self._resolve_pronouns_before(subj.idx + 1)
                return self._pronoun_referents.get(subj.idx)
            e = self._entity_at_token(subj)
            if e is None or e.type != "person" or not self._gender_fits(e, gender):
                return None
            return e
        return None

    def _pronoun_occurrences(self, si: int, char: int) -> list[tuple[int, Entity, bool]]:
        """Resolved pronouns of sentence si before `char`, as (offset, person, is a subject)."""
        s = self._sents[si]
        lo = bisect.bisect_left(self._pronoun_starts, s.start_char)
        hi = bisect.bisect_left(self._pronoun_starts, min(char, s.end_char))
        out = []
        for tok in self._pronouns[lo:hi]:
            e = self._pronoun_referents.get(tok.idx)
            if e is not None:
                out.append((tok.idx, e, tok.dep_ in SUBJECT_DEPS))
        return out

    def resolve_description(self, span: Span, head: Token) -> Referent:
        nouns = word_map("description_nouns.txt")
        words = [t for t in span if not t.is_punct and not t.is_space]
        if not words or head.lower_ not in nouns and head.lemma_.lower() not in nouns:
            return Referent(None, "unresolved")
        if head.tag_ in {"NNS", "NNPS"} or words[0].lower_ not in {"the", "this", "that"}:
            return Referent(None, "unresolved")  # "a source", "officials", "aides"
        if any(t.dep_ == "poss" for t in span):
            return Referent(None, "unresolved")  # "Trump's campaign manager" is someone else
        gender = nouns.get(head.lower_) or nouns.get(head.lemma_.lower()) or None
        found = self._titled(head.lower_, span.start_char, gender)
        if found is None:
            # the person the last sentences are about (their subject, or who just spoke), else the article's
            found = self._recent_person(span.start_char, gender) or self.most_salient(gender, before=span.start_char)
        return Referent(found, "description" if found else "unresolved")

    def _recent_person(self, char: int, gender: str | None) -> Entity | None:
        """A description's referent among the subjects and speakers of its own and the two sentences before
        (as for a pronoun); None when there is none, so that the caller falls back on the article's salience
        ("Speaking to host Ann Lee, the actress admitted" is not Ann Lee)."""
        here = self.sentence_index(char)
        self._resolve_pronouns_before(char)
        # two sentences of narration back; sentences that only quote someone do not count
        first, narration = here, 0
        while first > 0 and narration < 2 and here - first < 8:
            first -= 1
            if not self._quoted_sentence(first):
                narration += 1
        if not any(o.start < char and not o.quoted and o.subject and o.entity.type == "person"
                   for si in range(first, here + 1) for o in self._sentence_occurrences(si)) \
                and not any(self._pronoun_occurrences(si, char) for si in range(first, here + 1)) \
                and not any(c < char and self.sentence_index(c) >= first for c in self.speakers_at):
            return None
        found = self.nearest_person(char, gender, max_sentences=here - first, subjects_only=True)
        return found if found is not None and found.id in self.salience else None

    def _titled(self, noun: str, before: int, gender: str | None) -> Entity | None:
        """The one person named before `before` under a title this noun stands for: "the senator" after
        "Massachusetts Sen. Elizabeth Warren", "the creator" after "creator Darren Star"."""
        fits: dict[str, Entity] = {}
        for o in self._occ:
            if o.start >= before:
                break
            if o.entity.type == "person" and self._gender_fits(o.entity, gender) and any(
                    at < before and _title_fits(t, noun) for at, t in self._titles.get(o.entity.id, ())):
                fits[o.entity.id] = o.entity
        return next(iter(fits.values())) if len(fits) == 1 else None

    def most_salient(self, gender: str | None, before: int | None = None) -> Entity | None:
        """The person the article is most about (title, standfirst and mention count), when one clearly leads."""
        seen = None if before is None else {o.entity.id for o in self._occ if o.start < before}
        scores = [(score, self._by_id[eid]) for eid, score in self.salience.items()
                  if self._gender_fits(self._by_id[eid], gender) and (seen is None or eid in seen)]
        if not scores:
            return None
        scores.sort(key=lambda x: -x[0])
        if len(scores) > 1 and scores[1][0] * 1.5 > scores[0][0]:
            return None
        return scores[0][1]

    # ---- per-article facts -----------------------------------------------------------------------------------
    def _sentence_occurrences(self, si: int) -> list[_Occurrence]:
        s = self._sents[si]
        return self.mentions_in(s.start_char, s.end_char)

    def _gender_fits(self, e: Entity, gender: str | None) -> bool:
        g = self.gender.get(e.id)
        return gender is None or g is None or g == gender

    def _genders(self) -> dict[str, str]:
        """Gender per person from the text: honorifics, gendered role nouns, and the pronouns that follow them;
        a given name that nearly always belongs to one gender is a weaker sign (name_genders.txt)."""
        doc = self.parsed.doc
        honorifics = word_map("honorifics.txt")
        nouns = word_map("description_nouns.txt")
        votes: dict[str, Counter] = {}
        for e in self.entities:
            g = given_name_gender(e.name) if e.type == "person" else None
            if g:
                votes.setdefault(e.id, Counter())[g] += 2
        for o in self._occ:
            if o.entity.type != "person":
                continue
            v = votes.setdefault(o.entity.id, Counter())
            span = expanded_span(doc, o.start, o.end)
            before = doc[max(0, span.start - 2):span.start]
            for t in before:
                g = honorifics.get(t.text.lower()) or (nouns.get(t.lower_) if t.is_lower else None)
                if g:
                    v[g] += 3
            for t in span.root.children:
                if t.dep_ == "appos" and nouns.get(t.lower_):
                    v[nouns[t.lower_]] += 3
        # a third-person pronoun of the narration votes for the person it most plainly stands for: the one
        # person before it in its sentence (not when it is the object of that person's own verb: "Ann
        # praised her"), or with several, the subject of its clause when it is a subject itself
        for tok in self._pronouns:
            si = self.sentence_index(tok.idx)
            prev = [o for o in self._sentence_occurrences(si) if o.end <= tok.idx and not o.quoted
                    and o.entity.type == "person"]
            is_subject = tok.dep_ in ("nsubj", "nsubjpass")
            target = None
            if not prev:
                continue
            if len({o.entity.id for o in prev}) == 1:
                if not (tok.dep_ in ("dobj", "dative", "pobj") and prev[-1].subject):
                    target = prev[-1].entity.id
            elif is_subject:
                target = self._binding_subject(tok, {o.entity.id for o in prev})
            if target is not None:
                votes.setdefault(target, Counter())["f" if tok.lower_ in FEMALE_PRONOUNS else "m"] += 1
        out = {}
        for eid, v in votes.items():
            if not v:
                continue
            (g, n), *rest = v.most_common()
            if not rest or n >= 2 * rest[0][1]:
                out[eid] = g
        return out

    def _titles_before_names(self) -> dict[str, list[tuple[int, str]]]:
        """Entity id -> the words written right before its names, lower-cased, with where they stand: its
        titles and roles ("sen." in "Massachusetts Sen. Elizabeth Warren", "creator" in "creator Darren Star")."""
        doc = self.parsed.doc
        out: dict[str, list[tuple[int, str]]] = {}
        for o in self._occ:
            if o.entity.type != "person":
                continue
            span = expanded_span(doc, o.start, o.end)
            for i in range(span.start - 1, max(-1, span.start - 4), -1):
                word = doc[i].text
                # a word of the name's own noun phrase: it hangs on a word after it, up to the name
                if not word.removesuffix(".").isalpha() or not i < doc[i].head.i < span.end:
                    break
                out.setdefault(o.entity.id, []).append((doc[i].idx, word.lower()))
        return out

    def _binding_subject(self, tok: Token, people: set[str]) -> str | None:
        """With several people in the sentence: the subject of the clause that holds the pronoun
        ("Maria said her plan would work" -> Maria), climbing from the pronoun through its heads. An
        adverbial clause binds nothing ("Ann told Bob, after he admitted it, ..." is not Ann's "he"), nor
        does a subject whose verb has a person for its object ("Ann told Bob he was wrong": Ann or Bob)."""
        t = tok
        for _ in range(8):
            if t.head.i == t.i or t.dep_ == "advcl":
                return None
            t = t.head
            for c in t.children:
                if c.dep_ in SUBJECT_DEPS and c.i != tok.i and not (c.i <= tok.i <= c.right_edge.i):
                    e = self._entity_at_token(c)
                    if e is None or e.id not in people:
                        return None
                    told = [self._entity_at_token(o) for o in t.children if o.dep_ in ("dobj", "dative")]
                    return None if any(o is not None and o.id in people and o.id != e.id for o in told) else e.id
        return None

    def _entity_at_token(self, tok: Token) -> Entity | None:
        i = bisect.bisect_right(self._occ_starts, tok.idx) - 1
        if i >= 0 and self._occ[i].start <= tok.idx < self._occ[i].end:
            return self._occ[i].entity
        return None

    def _salience(self) -> dict[str, float]:
        """Entity id -> how much the article is about that person: title and standfirst count most."""
        scores: dict[str, float] = {}
        block_of = block_finder(self.parsed)
        for o in self._occ:
            if o.entity.type != "person":
                continue
            block = block_of(o.start)
            w = 0.5 if o.quoted else 1.0
            if block is not None and block.kind in ("title", "dek"):
                w = 3.0
            scores[o.entity.id] = scores.get(o.entity.id, 0.0) + w
        return scores


def _title_fits(title: str, noun: str) -> bool:
    """A title word stands for a description noun: the same word, or its abbreviation ("sen." for "senator")."""
    if title == noun:
        return True
    stem = title[:-1]
    return title.endswith(".") and len(stem) >= 2 and noun.startswith(stem)


def _organisation_description(head: Token) -> bool:
    """"the company", "the band": a singular noun for an organisation with a definite article of its own."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.lemma_.lower() not in word_set("speaker_org_nouns.txt"):
        return False
    return any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in head.children) and \
        not any(c.dep_ == "poss" for c in head.children)


def _described_by_conjunct(span: Span, head: Token) -> Token | None:
    """A description noun in the span hanging on a proper-noun head as its conjunct, if any."""
    if head.pos_ != "PROPN":
        return None
    nouns = word_map("description_nouns.txt")
    return next((t for t in span if t.dep_ == "conj" and t.head.i == head.i and t.pos_ == "NOUN"
                 and (t.lower_ in nouns or t.lemma_.lower() in nouns)), None)


def _own_description(head: Token) -> Span | None:
    """The words "the ... noun" of a definite description headed by `head`, when the head has its own
    determiner; None otherwise."""
    det = next((c for c in head.children if c.dep_ == "det" and c.lower_ in {"the", "this", "that"}), None)
    if det is None or det.i > head.i:
        return None
    return head.doc[det.i:head.i + 1]


def _span_head(span: Span) -> Token:
    """The span's syntactic head."""
    return span.root


def _is_subject(span: Span) -> bool:
    for t in span:
        if t.dep_ in SUBJECT_DEPS:
            return True
        if t.dep_ == "conj" and t.head.dep_ in SUBJECT_DEPS:
            return True
        if t.dep_ == "appos" and t.head.dep_ in SUBJECT_DEPS:
            return True
    return False
