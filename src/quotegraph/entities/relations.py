"""Facts stated about entities: who plays whom, who created a work, where it streams, who performed in
what, who are friends. Each fact comes with its evidence, the sentence that states it.

Rules run over the dependency parse of each sentence, with the cue words in data files
(relation_cues.txt, entity_play_verbs.txt, entity_character_cues.txt, entity_platforms.txt):
  plays         "X, who plays [the fun] Y on Z"; "X (Y)" after an actor; "her on-screen counterpart, Y";
                "Y, played by X"; "X stars as Y"
  created       "creator X" / "Z creator X" / "X, the creator of Z"; "created by X"; "X created Z"
  streams on    "Z ... on Netflix", "the Netflix series" (airs on for broadcast networks)
  performed in  "X (along with A, B and other performers) kicked off ... with Z"; "X stars in Z"
  is friends with  "X and Y ... best friends / besties / BFFs"; "X's best friend, Y"
Subjects and objects are entities by their full names; a pronoun or description ("the 29-year-old
actress, who plays ...") is resolved as for speakers. A fact about "the show" is about the
article's main work.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..nlp import ParsedArticle
from ..result import PREDICATES, Entity, Mention, Predicate, Quote, Relation
from .cast import character_cue_heads, find_cast_links
from .coref import FEMALE_PRONOUNS, MALE_PRONOUNS, MentionResolver, quoted_spans
from .mentions import block_finder
from .types import platform_kind
from ..wordlists import grouped, word_map, word_set

_WORK_NOUNS_FOR_MAIN = {"show", "series", "sitcom", "drama", "comedy", "film", "movie", "musical"}
_CAST_NOUNS = {"star", "co-star", "costar"}  # who is one of a work's cast, said before their name
_PARTY_TAG = re.compile(r"^[A-Z][A-Za-z]?-")  # "(D-Mo.)", "(R-Utah)", "(I-Vt.)"
_COORDINATED = re.compile(r"^\s*(\([^()]*\))?\s*(,|and|&|,\s*and)\s*$")


def find_relations(parsed: ParsedArticle, entities: list[Entity], quotes: list[Quote] | None = None,
                   resolver: MentionResolver | None = None) -> list[Relation]:
    """The facts the article states. `resolver`, if given, is one no speaker has been attributed with
    (MentionResolver.fresh), built over the quotes' quoted spans."""
    if resolver is None:
        resolver = MentionResolver(parsed, entities, quoted=quoted_spans(quotes or []))
    facts = _Facts(parsed, entities, resolver)
    block_of = block_finder(parsed)
    facts.cast_lines()
    for sent in parsed.doc.sents:
        first = next((t for t in sent if not t.is_space), None)
        if first is None or block_of(first.idx) is None:
            continue
        toks = list(sent)  # every rule walks the sentence: one Token object per position serves them all
        facts.plays(sent, toks)
        facts.created(sent, toks)
        facts.streams_on(sent, toks)
        facts.performed_in(sent, toks)
        facts.credits(sent, toks)
        facts.authored(sent, toks)
        facts.friends(sent, toks)
    return facts.settled()


@dataclass
class _Facts:
    parsed: ParsedArticle
    entities: list[Entity]
    resolver: MentionResolver

    def __post_init__(self) -> None:
        spans = sorted((m.start, m.end, e) for e in self.entities for m in e.mentions)
        self._starts = [s for s, _, _ in spans]
        self._spans = spans
        self.found: list[Relation] = []
        self._seen: set[tuple] = set()
        self._weak: set[int] = set()  # positions in found of roles whose actor is only a resolved pronoun
        cues = grouped("relation_cues.txt")
        self.cues = {pred: cues.get(pred, frozenset()) for pred in PREDICATES}
        self.credit_nouns = word_set("entity_credit_nouns.txt")
        self.work_nouns = word_set("entity_work_words.txt")
        self.authored_nouns = word_set("entity_authored_works.txt")
        self.acting_nouns = frozenset(w for w, p in word_map("entity_credit_nouns.txt").items() if p == "acting")
        self.created_verbs = frozenset(w for w in self.cues[Predicate.created] if not w.endswith(("or", "er")))
        self.order_verbs = frozenset(w for w, p in word_map("relation_cues.txt").items() if p == "orders")
        works = [e for e in self.entities if e.type == "work"]
        self.main_work = max(works, key=lambda e: len(e.mentions)) if works else None

    def settled(self) -> list[Relation]:
        """The facts found, less a role whose actor only a pronoun gave ("his character, Y") when that
        actor has another role in the same work stated with names: the pronoun went to the wrong person."""
        named = {(r.subject, r.qualifier) for k, r in enumerate(self.found)
                 if r.predicate == Predicate.plays and k not in self._weak}
        return [r for k, r in enumerate(self.found) if k not in self._weak or (r.subject, r.qualifier) not in named]

    # ---- helpers ---------------------------------------------------------------------------------------------
    def entity_at(self, tok: Token) -> Entity | None:
        i = bisect.bisect_right(self._starts, tok.idx) - 1
        if i >= 0 and self._spans[i][0] <= tok.idx < self._spans[i][1]:
            return self._spans[i][2]
        return None

    def refer(self, tok: Token | None) -> Entity | None:
        """The entity a token stands for: a name, "who" (its antecedent), a pronoun or a description."""
        if tok is None:
            return None
        e = self.entity_at(tok)
        if e is not None:
            return e
        if tok.lower_ in {"who", "that"} and tok.head.dep_ == "relcl":
            return self.refer(tok.head.head)
        if tok.pos_ == "PRON" and tok.lower_ in FEMALE_PRONOUNS | MALE_PRONOUNS:
            return self.resolver.resolve_pronoun(tok).entity
        if tok.pos_ == "NOUN":
            if tok.lower_ in _WORK_NOUNS_FOR_MAIN and any(c.lower_ in {"the", "this"} for c in tok.children):
                return self.main_work
            span = tok.doc[tok.left_edge.i:tok.i + 1]
            return self.resolver.resolve_description(span, tok).entity
        return None

    def group(self, tok: Token | None) -> list[Entity]:
        """A subject and everyone joined to it: conjuncts and "along with" companions."""
        if tok is None:
            return []
        out: list[Entity] = []
        stack = [tok]
        seen = set()
        while stack:
            t = stack.pop()
            if t.i in seen:
                continue
            seen.add(t.i)
            e = self.refer(t) if t.dep_ != "prep" else None
            if t.dep_ == "prep":
                stack.extend(cc for cc in t.subtree if cc.dep_ == "pobj")
            if e is not None and e not in out:
                out.append(e)
            for c in t.children:
                if c.dep_ == "conj" or c.dep_ == "appos" and self.entity_at(c) is not None:
                    stack.append(c)
                if c.dep_ == "prep" and c.lower_ in {"along", "with", "alongside"}:
                    for cc in c.subtree:
                        if cc.dep_ == "pobj":
                            stack.append(cc)
        return out

    def subject(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            return self.subject(verb.head)
        return None

    def add(self, subj: Entity | None, pred: str, obj: Entity | None, qual: Entity | None, sent: Span,
            weak: bool = False) -> None:
        if subj is None or obj is None or subj is obj or subj.name == obj.name:
            return
        key = (subj.name, pred, obj.name, qual.name if qual else None)
        if key in self._seen:
            return
        self._seen.add(key)
        if weak:
            self._weak.add(len(self.found))
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.start_char + len(text.rstrip())
        self.found.append(Relation(subject=subj.name, predicate=pred, object=obj.name,
                                   qualifier=qual.name if qual else None, evidence=Mention(start, end),
                                   subject_entity=subj.id, object_entity=obj.id))

    def work_in(self, sent: Span, near: Token | None = None, exclude: Entity | None = None) -> Entity | None:
        """The work a sentence is about: one it names (nearest to `near`), else the article's main work."""
        works = [(abs(t.i - near.i) if near is not None else 0, t.i, e) for t in sent
                 if (e := self.entity_at(t)) is not None and e.type == "work" and e is not exclude
                 and not self._credit(t)]
        if works:
            return min(works, key=lambda x: (x[0], x[1]))[2]
        return self.main_work

    def _credit(self, t: Token) -> bool:
        """A work named as someone's earlier credit, not the one the sentence is about: "the Show star",
        "Show's Jane Roe" (a possessive on a person)."""
        own = self.entity_at(t)
        doc = t.doc
        s = e = t.i
        while s > 0 and self.entity_at(doc[s - 1]) is own:
            s -= 1
        while e + 1 < len(doc) and self.entity_at(doc[e + 1]) is own:
            e += 1
        # the name's own head word: the last of its words whose head lies outside it
        t = next((doc[i] for i in range(e, s - 1, -1) if not s <= doc[i].head.i <= e), t)
        head = t.head
        if t.dep_ in ("compound", "nmod", "amod") and head.lemma_.lower() in self.credit_nouns:
            return True
        if t.dep_ == "poss" and (owner := self.entity_at(head)) is not None and owner.type == "person":
            return True
        return t.dep_ == "pobj" and head.lower_ in ("from", "of") and head.head.lemma_.lower() in self.credit_nouns

    def _person(self, e: Entity | None) -> Entity | None:
        return e if e is not None and e.type == "person" else None

    def _character(self, e: Entity | None) -> Entity | None:
        return e if e is not None and e.type == "character" else None

    # ---- plays -----------------------------------------------------------------------------------------------
    def cast_lines(self) -> None:
        """"X as Y", "stars as Y", "Y (played by X)", "Y (Show's X)": see cast.py."""
        doc = self.parsed.doc
        spans = set()
        for e in self.entities:
            for m in e.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and len(span):
                    spans.add((span.start, span.end))
        for link in find_cast_links(doc, sorted(spans)):
            role = self._character(self.entity_at(doc[link.role[0]]))
            if role is None or link.summary:
                continue
            sent = doc[link.role[0]].sent
            weak = False
            if link.actor is not None:
                actor = self._person(self.entity_at(doc[link.actor[0]]))
            else:
                tok = doc[link.actor_token] if link.actor_token is not None else None
                actor = None
                if tok is not None and tok.pos_ == "PRON":  # "Jane Roe has ..., but her best role is as Y"
                    actor = next((person for t in reversed(doc[sent.start:tok.i])
                                  if (person := self._person(self.entity_at(t))) is not None
                                  and t.dep_ in ("nsubj", "nsubjpass")), None)
                    weak = actor is None
                actor = actor or self._person(self.refer(tok))
                if actor is None and link.cue >= 0:  # the parse lost the subject: the person named last before the cue
                    actor = next((person for t in reversed(doc[sent.start:link.cue])
                                  if (person := self._person(self.entity_at(t))) is not None), None)
            work = self.entity_at(doc[link.work[0]]) if link.work is not None else None
            credit = self.entity_at(doc[link.credit[0]]) if link.credit is not None else None
            if work is None or work.type != "work":
                work = self.titled_after(role) or self.work_in(sent, doc[link.role[0]], exclude=credit)
            self.add(actor, Predicate.plays, role, work, sent, weak=weak)

    def titled_after(self, role: Entity) -> Entity | None:
        """The work whose title holds the character's name ("the Tenth Doctor" of "Doctor Who")."""
        words = {w for w in role.name.split() if w[:1].isupper() and w.lower() not in {"the", "a", "an"}}
        fits = [e for e in self.entities if e.type == "work" and words & set(e.name.split())]
        return max(fits, key=lambda e: len(e.mentions)) if fits else None

    def plays(self, sent: Span, toks: list[Token]) -> None:
        play_verbs = word_set("entity_play_verbs.txt")
        for tok in toks:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            if tok.lemma_ in play_verbs and tok.dep_ == "acl":
                # "Mindy Chen, played by Ashley Park": the role written right before, not a name the parse
                # hangs a later "(played by X)" on ("plays Reed, the boss ... who calls in Sam (played by X)")
                role = self._character(self.entity_at(tok.head))
                before = _prev_word(tok)
                if before is not None and before.text in {"(", ","}:
                    before = _prev_word(before)
                if before is None or self.entity_at(before) is not role:
                    role = None
                for c in tok.children:
                    if c.dep_ == "agent":
                        for a in c.children:
                            if a.dep_ == "pobj":
                                self.add(self._person(self.refer(a)), Predicate.plays, role, self._work_of(tok, sent), sent)
                continue
            roles = []
            if tok.lemma_ in play_verbs:
                roles = [c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd")]
            elif tok.lemma_ == "star":
                roles = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                         for p in c.children if p.dep_ == "pobj"]
            for r in roles:
                role = self._character(self.entity_at(r))
                if role is None:
                    continue
                for actor in self.group(self.subject(tok)):
                    self.add(self._person(actor), Predicate.plays, role, self._work_of(tok, sent, r), sent)
        # "Lily Collins (Emily)", and "Emily (Lily Collins)" when the names' types (decided by the evidence
        # of how the article uses them) say the character comes first
        for t in toks:
            if t.text != "(":
                continue
            inner = _next_word(t)
            before = _prev_word(t)
            if inner is None or before is None:
                continue
            role, player = self._character(self.entity_at(inner)), self._person(self.entity_at(before))
            if role is None and player is None:
                role, player = self._character(self.entity_at(before)), self._person(self.entity_at(inner))
            inside = self.entity_at(inner)
            close = _next_word(inner)
            while close is not None and self.entity_at(close) is inside and close.text != ")":
                close = _next_word(close)
            if _PARTY_TAG.match(self.parsed.article.text[inner.idx:inner.idx + 4]):
                continue  # "Jane Roe (D-Ohio)": a party and a state, neither role nor actor
            work = self.work_in(sent) if role is not None and player is not None else None
            if work is not None and close is not None and close.text == ")":
                # only in an article about a work: "Ann Lee (Democrat)" casts nobody
                self.add(player, Predicate.plays, role, work, sent)
        # "her on-screen counterpart, Emily"
        cue_words = character_cue_heads()
        for t in toks:
            if t.lemma_.lower() not in cue_words or t.pos_ != "NOUN":
                continue
            nxt = _next_word(t)
            if nxt is not None and nxt.text == ",":
                nxt = _next_word(nxt)
            role = self._character(self.entity_at(nxt)) if nxt is not None else None
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            if role is not None and owner is not None:
                self.add(self._person(self.refer(owner)), Predicate.plays, role, self.work_in(sent), sent)

    def _work_of(self, verb: Token, sent: Span, role: Token | None = None) -> Entity | None:
        """The work named by "on Z" / "in Z" after a play verb or its object, else the sentence's or article's."""
        for head in (verb, role):
            if head is None:
                continue
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "in"):
                    for p in c.children:
                        e = self.entity_at(p) if p.dep_ == "pobj" else None
                        if e is not None and e.type == "work":
                            return e
        role_entity = self.entity_at(role) if role is not None else None
        return (self.titled_after(role_entity) if role_entity is not None else None) or self.work_in(sent, verb)

    # ---- created ---------------------------------------------------------------------------------------------
    def created(self, sent: Span, toks: list[Token]) -> None:
        creator_verbs = self.created_verbs  # the nouns are the agent nouns: creator, co-creator
        creator_nouns = self.cues[Predicate.created] - creator_verbs
        for t in toks:
            if t.lower_ in creator_nouns and t.pos_ in ("NOUN", "PROPN"):
                # "creator Darren Star", "Emily in Paris creator Darren Star", "X, the creator of Z"
                nxt = _next_word(t)
                person = self._person(self.entity_at(nxt)) if nxt is not None else None
                if person is None and t.dep_ == "appos":
                    person = self._person(self.refer(t.head))
                if person is None:
                    continue
                work = None
                prev = _prev_word(t)
                if prev is not None and (e := self.entity_at(prev)) is not None and e.type == "work":
                    work = e
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        for p in c.children:
                            if p.dep_ == "pobj" and (e := self.entity_at(p)) is not None and e.type == "work":
                                work = e
                self.add(person, Predicate.created, work or self.work_in(sent, t), None, sent)
            elif t.lemma_.lower() in creator_verbs and t.pos_ == "VERB":
                agent = next((p for c in t.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
                if agent is not None:  # "created by X"
                    made = t.head if t.dep_ == "acl" else next((c for c in t.children if c.dep_ == "nsubjpass"), None)
                    work = self.refer(made) if made is not None else None
                    if work is not None and work.type != "work":
                        work = None
                    for maker in self.group(agent):
                        self.add(self._person(maker), Predicate.created, work or self.work_in(sent, t), None, sent)
                    continue
                obj = next((c for c in t.children if c.dep_ == "dobj"), None)
                work = self.refer(obj) if obj is not None else None
                if (work is None or work.type != "work") and obj is not None and obj.is_lower \
                        and obj.lemma_.lower() in self.authored_nouns:
                    work = self._named_by_noun(obj)  # "recorded the album Z", "wrote a song, Z"
                if work is not None and work.type == "work":
                    for maker in self.group(self.subject(t)):
                        self.add(self._person(maker), Predicate.created, work, None, sent)

    # ---- streams on / airs on --------------------------------------------------------------------------------
    def streams_on(self, sent: Span, toks: list[Token]) -> None:
        for t in toks:
            network = self.entity_at(t)
            if network is None or network.type != "organization":
                continue
            kind = platform_kind(network.name)
            if kind not in ("streaming", "broadcast"):
                continue
            if self.entity_at(t.nbor(-1)) is network if t.i > 0 else False:
                continue  # only the mention's first token
            if self.resolver.in_quote(t.idx):
                continue
            pred = Predicate.streams_on if kind == "streaming" else Predicate.airs_on
            prev = _prev_word(t)
            work = None
            if prev is not None and prev.lower_ == "on":
                work = self.work_in(sent, t)
            elif t.dep_ in ("compound", "poss") or (prev is not None and prev.lower_ in {"the", "a"}):
                # "the Netflix series", "Netflix's Emily in Paris"
                head = t.head
                while head.dep_ == "compound" and head.head is not head:
                    head = head.head
                if head.lower_ in _WORK_NOUNS_FOR_MAIN | {"original", "hit"} or (
                        (e := self.entity_at(head)) is not None and e.type == "work"):
                    appos = next((c for c in head.children if c.dep_ == "appos"), None)
                    work = self.refer(appos) if appos is not None else None
                    if work is None or work.type != "work":
                        e = self.entity_at(head)
                        work = e if e is not None and e.type == "work" else self.work_in(sent, t)
            if work is None or work.type != "work":
                work = self._work_after_network(t, network)
            if (work is None or work.type != "work") and self._orders(t, network):
                work = self.work_in(sent, t)  # "Peacock has given the show a series order", "HBO renewed X"
            if work is not None and work.type == "work":
                self.add(work, pred, network, None, sent)

    def _work_after_network(self, t: Token, network: Entity) -> Entity | None:
        """The work right after a network's name, across its possessive and lower-case words that hold a
        work noun: "Netflix's Show", "BBC One's long-running sci-fi drama Show", "the new Acme TV comedy 'Show'"."""
        doc = t.doc
        i = t.i
        while i < len(doc) and self.entity_at(doc[i]) is network:
            i += 1
        possessive = i < len(doc) and doc[i].text in {"'s", "’s"}
        if possessive:
            i += 1
        noun = False
        for j in range(i, min(len(doc), i + 9)):
            tok = doc[j]
            e = self.entity_at(tok)
            if e is not None:
                return e if e.type == "work" and (possessive or noun) else None
            if tok.lemma_.lower() in self.work_nouns and tok.is_lower:
                noun = True
            elif not (tok.is_lower or tok.text in {"-", '"', "“", "‘", "'"}):
                return None
        return None

    def _orders(self, t: Token, network: Entity) -> bool:
        """The network is the subject of ordering, renewing or picking up a series."""
        doc = t.doc
        i = t.i
        while i + 1 < len(doc) and self.entity_at(doc[i + 1]) is network:
            i += 1
        tok = doc[i]
        if tok.dep_ != "nsubj":
            return False
        verb = tok.head
        if verb.lemma_.lower() in self.order_verbs:
            return True
        return any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in self.order_verbs for c in verb.children)

    # ---- performed in ----------------------------------------------------------------------------------------
    def performed_in(self, sent: Span, toks: list[Token]) -> None:
        cue = self.cues[Predicate.performed_in]
        for verb in toks:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            if verb.lemma_ == "star" and (work := self._starring_work(verb)) is not None:
                # "The film stars A and B", "her new show Z, which also stars A"
                cast = next((c for c in verb.children if c.dep_ == "dobj"), None)
                for person in self.group(cast):
                    self.add(self._person(person), Predicate.performed_in, work, None, sent)
                continue
            objects: list[Token] = []
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "with"):
                    objects += [p for p in c.children if p.dep_ == "pobj"]
                elif c.dep_ == "dobj" and verb.lemma_.lower() in cue:
                    objects.append(c)
            works = [e for w in objects if (e := self.entity_at(w)) is not None and e.type == "work"]
            if not works and verb.lemma_.lower() in cue and self.main_work is not None and any(
                    w.lemma_.lower() in self.work_nouns and w.pos_ == "NOUN" and w.tag_ == "NN"
                    and any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in w.children) for w in objects):
                works = [self.main_work]  # "starred in the new film": the one the article is about
            if not works:
                continue
            subj = self.subject(verb)
            if subj is None:
                continue
            # "X, along with A, B and many other performers, kicked off ...": the companions hang on the verb
            # (after a performing verb too: "X starred alongside Y in Z")
            along = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("along", "alongside")
                     and (c.i < verb.i or verb.lemma_.lower() in cue)]
            named_performers = any(t.lemma_.lower() in cue for x in [subj] + along for t in x.subtree)
            if verb.lemma_.lower() not in cue and not named_performers:
                continue
            if verb.lemma_.lower() in self.cues[Predicate.plays] and any(
                    c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
                continue  # "stars as Y in Z" is a role (plays), said there
            people = self.group(subj) + [e for a in along for e in self.group(a)]
            for person in people:
                for work in works:
                    self.add(self._person(person), Predicate.performed_in, work, None, sent)

    def _starring_work(self, verb: Token) -> Entity | None:
        """The work that is the subject of "stars": a name, "which" after one, or a work noun standing for
        one ("the film", "her new show Z")."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in {"which", "that"} and verb.dep_ == "relcl":
            subj = verb.head
        if subj is None:
            return None
        e = self.entity_at(subj)
        if e is not None:
            return e if e.type == "work" else None
        if subj.pos_ == "NOUN" and subj.lemma_.lower() in self.work_nouns:
            named = self._named_by_noun(subj)
            if named is not None:
                return named
            if any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in subj.children):
                return self.main_work
        return None

    # ---- authored: "X, who co-wrote 'A' and 'B'", "A, a song X says she wrote", "X's new album, A" -------------
    def authored(self, sent: Span, toks: list[Token]) -> None:
        doc = sent.doc
        for t in toks:
            if t.lemma_.lower() in self.created_verbs and t.pos_ == "VERB" and not any(
                    c.dep_ == "agent" for c in t.children):
                works = self._works_after(t)
                if works:
                    person = self._writer_before(t, sent)
                    for w in works:
                        self.add(person, Predicate.created, w, None, sent)
                    continue
                # "A, a song X says she wrote": the work noun the clause hangs on, apposed to a work
                for j in range(t.i - 1, max(sent.start - 1, t.i - 7), -1):
                    noun = doc[j]
                    if noun.is_lower and noun.lemma_.lower() in self.authored_nouns:
                        work = self._named_by_noun(noun)
                        if work is not None:
                            person = next((e for x in doc[j + 1:t.i] if (e := self._person(self.refer(x)))), None)
                            self.add(person, Predicate.created, work, None, sent)
                        break
            elif t.text in {"'s", "’s"} and t.i > 0 and (owner := self._person(self.entity_at(t.nbor(-1)))):
                # "Adele's third studio album, 25", "X's new single 'A'"
                j = t.i + 1
                after_noun = False
                while j < min(len(doc), t.i + 6):
                    tok = doc[j]
                    if (e := self.entity_at(tok)) is not None:
                        if after_noun and e.type == "work":
                            self.add(owner, Predicate.created, e, None, sent)
                        break
                    if tok.is_lower and tok.lemma_.lower() in self.authored_nouns:
                        after_noun = True
                    elif not (tok.is_lower or tok.like_num or tok.text in {",", '"', "“", "‘", "'"}):
                        break
                    j += 1

    def _works_after(self, verb: Token) -> list[Entity]:
        """The works named right after a verb, joined by "and" or commas: "co-wrote 'A' and 'B'"."""
        doc = verb.doc
        out: list[Entity] = []
        j = verb.i + 1
        while j < len(doc) and j < verb.i + 30:
            tok = doc[j]
            e = self.entity_at(tok)
            if e is not None:
                if e.type != "work":
                    break
                if e not in out:
                    out.append(e)
                while j < len(doc) and self.entity_at(doc[j]) is e:
                    j += 1
                continue
            if tok.text in {'"', "“", "”", "‘", "’", "'", ","} or tok.lower_ == "and":
                j += 1
                continue
            break
        return out

    def _writer_before(self, verb: Token, sent: Span) -> Entity | None:
        """Who wrote: the antecedent of "who" ("X, who co-wrote"), the verb's subject, or the person named
        last before it in the sentence."""
        doc = verb.doc
        j = verb.i - 1
        while j >= sent.start and doc[j].text in {"co", "-", "also", "once", "previously"}:
            j -= 1
        if j >= sent.start and doc[j].lower_ == "who":
            k = j - 1
            if k >= sent.start and doc[k].text == ",":
                k -= 1
            if k >= sent.start and (p := self._person(self.entity_at(doc[k]))):
                return p
        subj = self.subject(verb)
        if subj is not None and (p := self._person(self.refer(subj))):
            return p
        return next((e for x in reversed(doc[sent.start:verb.i]) if (e := self._person(self.entity_at(x)))), None)

    # ---- credits: "the Show star Jane Roe", "the Show actress, 34", "starring A and B", "a series from A" ---------
    def credits(self, sent: Span, toks: list[Token]) -> None:
        acting = self.acting_nouns
        for t in toks:
            low = t.lemma_.lower()
            if low in acting and (t.pos_ == "NOUN" or t.pos_ == "PROPN" and self._bare_cast_noun(t)):
                work = self._credited_work(t)
                nxt = _next_word(t)
                person = self._person(self.entity_at(nxt)) if nxt is not None else None
                if work is None:
                    if person is not None and self._bare_cast_noun(t):
                        self.add(person, Predicate.performed_in, self.main_work, None, sent)  # "Star Jane Roe said"
                    continue
                if person is None and t.dep_ == "appos":
                    person = self._person(self.entity_at(t.head))
                if person is None:
                    person = self._apposed_before(t, work)
                if person is None:
                    span = self._description_before(t, work)
                    person = self._person(self.resolver.resolve_description(span, t).entity)
                self.add(person, Predicate.performed_in, work, None, sent)
            elif t.lower_ == "starring" and t.pos_ == "VERB":
                # "the revival of 'Show,' starring A and B"
                obj = next((c for c in t.children if c.dep_ == "dobj"), None)
                work = next((e for x in reversed(t.doc[sent.start:t.i]) if (e := self.entity_at(x)) is not None
                             and e.type == "work"), None) or self.main_work
                for p in self.group(obj):
                    self.add(self._person(p), Predicate.performed_in, work, None, sent)
            elif t.lower_ == "from" and t.head.lemma_.lower() in self.work_nouns and t.head.pos_ == "NOUN":
                # "a new drama series from A and B"
                work = self._work_of_noun(t.head)
                for p in self.group(next((c for c in t.children if c.dep_ == "pobj"), None)):
                    self.add(self._person(p), Predicate.created, work, None, sent)
            elif t.text in {"-", "–"} and t.i + 1 < len(t.doc) and t.nbor(1).lemma_.lower() in self.created_verbs \
                    and not t.whitespace_ and t.i > 0:
                # "the Jane Roe-created show"
                person = self._person(self.entity_at(t.nbor(-1)))
                noun = t.nbor(1).head if t.nbor(1).head is not t.nbor(1) else None
                work = self._work_of_noun(noun) if noun is not None else self.main_work
                self.add(person, Predicate.created, work, None, sent)

    def _bare_cast_noun(self, noun: Token) -> bool:
        """"Star Jane Roe sang her praises", "the co-star Jane Roe": a cast noun with nothing on it but an
        article, right before a name, in an article about a work. ("Pop star Jane Roe" has a modifier.)"""
        if noun.lemma_.lower() not in _CAST_NOUNS or noun.tag_ in ("NNS", "NNPS") or self.main_work is None:
            return False
        prev = _prev_word(noun)
        return prev is None or prev.i < noun.sent.start or prev.lower_ == "the"

    def _apposed_before(self, noun: Token, work: Entity) -> Entity | None:
        """The person a credit description is set beside with a dash or comma: "Jane Roe – the former child
        actor turned 'Show' superstar, ..." (not "the Show star's sister": that is somebody else)."""
        doc = noun.doc
        nxt = _next_word(noun)
        if nxt is not None and nxt.text in {"'s", "’s"}:
            return None
        i = noun.i - 1
        while i > max(noun.sent.start, noun.i - 10) and doc[i].lower_ not in {"the", "a", "an"}:
            t = doc[i]
            if not (self.entity_at(t) is work or t.is_lower or t.like_num or t.text in {"'", "’", "‘", '"', "“", "”", "-"}):
                return None
            i -= 1
        if doc[i].lower_ not in {"the", "a", "an"} or i - 2 < noun.sent.start:
            return None
        mark, name = doc[i - 1], doc[i - 2]
        if mark.text not in {"–", "—", ",", "-"} or mark.text == "-" and not name.whitespace_:
            return None
        return self._person(self.entity_at(name))

    def _description_before(self, noun: Token, work: Entity) -> Span:
        """The description a credit noun heads, from its determiner: "the 42-year-old Show actor"."""
        doc = noun.doc
        i = noun.i
        while i > 0 and (self.entity_at(doc[i - 1]) is work or doc[i - 1].text in {"'", "’", '"', "“", "”", "-"}
                         or doc[i - 1].pos_ in ("ADJ", "NUM", "ADV") or doc[i - 1].is_punct and doc[i - 1].text == "-"
                         or doc[i].text == "-" and not doc[i - 1].whitespace_):  # "the 42-year-old"
            i -= 1
        if i > 0 and doc[i - 1].lower_ in {"the", "this", "that"}:
            i -= 1
        return doc[min(i, noun.i):noun.i + 1]

    def _credited_work(self, noun: Token) -> Entity | None:
        """The work written on a credit noun: "the Show star", "'Show' superstar"."""
        for c in noun.children:
            if c.dep_ in ("compound", "nmod", "amod", "poss") and (e := self.entity_at(c)) is not None and e.type == "work":
                return e
        prev = _prev_word(noun)
        while prev is not None and prev.text in {"'", "’", '"', "”"}:
            prev = _prev_word(prev)
        if prev is not None and (e := self.entity_at(prev)) is not None and e.type == "work":
            return e
        return None

    def _work_of_noun(self, noun: Token) -> Entity | None:
        """The work a work noun stands for: its own name beside it ("the series, Show"), the name it
        describes ("Show, a song"), else the article's main work."""
        return self._named_by_noun(noun) or self.main_work

    def _named_by_noun(self, noun: Token) -> Entity | None:
        """The work a work noun names or is apposed to ("the series, Show", "Show, a song"), if any."""
        e = self.entity_at(noun)
        if e is not None and e.type == "work":
            return e
        for c in noun.children:
            if c.dep_ == "appos" and (e := self.entity_at(c)) is not None and e.type == "work":
                return e
        if noun.dep_ == "appos" and (e := self.entity_at(noun.head)) is not None and e.type == "work":
            return e
        nxt = _next_word(noun)
        if nxt is not None and (e := self.entity_at(nxt)) is not None and e.type == "work":
            return e
        prev = _prev_word(noun)  # "Remedy, a song": back over the article and the comma
        while prev is not None and (prev.lower_ in {"a", "an", "the"} or prev.text in {",", "”", '"', "’"}):
            prev = _prev_word(prev)
        if prev is not None and (e := self.entity_at(prev)) is not None and e.type == "work":
            return e
        return None

    # ---- is friends with -------------------------------------------------------------------------------------
    def friends(self, sent: Span, toks: list[Token]) -> None:
        words = self.cues[Predicate.is_friends_with]
        singles = {w for w in words if " " not in w}
        for t in toks:
            if t.pos_ not in ("NOUN", "PROPN") or (t.lemma_.lower() not in singles and t.lower_.rstrip("s") not in singles):
                continue
            if self.resolver.in_quote(t.idx):
                continue
            people: list[Entity] = []
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            if owner is not None:
                # "Lily's best friend, Ashley" / "her BFF Ashley"
                nxt = _next_word(t)
                if nxt is not None and nxt.text == ",":
                    nxt = _next_word(nxt)
                other = self.entity_at(nxt) if nxt is not None else None
                if other is None and t.dep_ == "appos":
                    other = self.refer(t.head)
                people = [p for p in (self.refer(owner), other) if p is not None]
            elif t.dep_ in ("attr", "acomp", "oprd", "conj", "appos") or t.head.lemma_ == "be":
                verb = t.head
                if _negated(verb):
                    continue
                subj = self.subject(verb)
                people = self.group(subj)
                if subj is not None and subj.lower_ in {"they", "we"}:
                    people = self._coordinated_people(sent, subj)
            persons = []
            for p in people:
                if p.type == "person" and p not in persons:
                    persons.append(p)
            for a in range(len(persons)):
                for b in range(a + 1, len(persons)):
                    self.add(persons[a], Predicate.is_friends_with, persons[b], None, sent)

    def _coordinated_people(self, sent: Span, pronoun: Token) -> list[Entity]:
        """Who "they" are: the governing clause's coordinated subject, or two people joined by "and" before it."""
        verb = pronoun.head
        while verb.dep_ in ("ccomp", "conj", "xcomp") and verb.head is not verb:
            verb = verb.head
            subj = self.subject(verb)
            if subj is not None and subj.i != pronoun.i:
                group = [e for e in self.group(subj) if e.type == "person"]
                if len(group) >= 2:
                    return group
        text = self.parsed.article.text
        mentions = [(t.idx, e) for t in sent if t.i < pronoun.i and (e := self.entity_at(t)) is not None
                    and e.type == "person" and (t.i == 0 or self.entity_at(t.nbor(-1)) is not e)]
        for (s1, e1), (s2, e2) in zip(mentions, mentions[1:]):
            end1 = next(m.end for m in e1.mentions if m.start == s1) if any(m.start == s1 for m in e1.mentions) else s1
            if e1 is not e2 and _COORDINATED.match(text[end1:s2]):
                return [e1, e2]
        return []


def _next_word(t: Token) -> Token | None:
    doc = t.doc
    i = t.i + 1
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None


def _prev_word(t: Token) -> Token | None:
    doc = t.doc
    i = t.i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def _negated(verb: Token) -> bool:
    """"they're not friends" (but not "not just on-screen besties")."""
    negs = [c for c in verb.children if c.dep_ == "neg"]
    if not negs:
        return False
    return not any(c.lower_ in {"just", "only", "merely", "simply"} for c in verb.children)
