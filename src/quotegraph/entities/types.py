"""Entity types from context: what the sentence says a name is, over what spaCy guessed.

Each mention collects votes. Rule votes come from the words around it ("X star", "season
two of X", "who plays Y on X", "X (Y)" after an actor, "her on-screen counterpart, Y", a
network list, organization suffixes, honorifics); spaCy's label is a weak vote used only when
no rule spoke. The words are data files under quotegraph/data/.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, partial

from spacy.strings import hash_string  # type: ignore[attr-defined]  # missing from spaCy's stub
from spacy.tokens import Doc

from ..wordlists import phrases, word_map, word_set
from .cast import acting_words, find_cast_links
from .mentions import NameMention, platform_kind

LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place",
               "WORK_OF_ART": "work", "NORP": "other", "EVENT": "other", "PRODUCT": "other", "LAW": "other"}

_PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass
class TypeVotes:
    rules: Counter = field(default_factory=Counter)  # from context rules: decisive
    labels: Counter = field(default_factory=Counter)  # from spaCy labels: used when no rule spoke
    title_labels: int = 0  # how many of the label votes for "work" are spaCy's WORK_OF_ART alone

    def add(self, other: "TypeVotes") -> None:
        self.rules.update(other.rules)
        self.labels.update(other.labels)
        self.title_labels += other.title_labels

    def subtract(self, other: "TypeVotes") -> None:
        self.rules.subtract(other.rules)
        self.labels.subtract(other.labels)
        self.title_labels -= other.title_labels
        self.rules, self.labels = +self.rules, +self.labels

    def best(self) -> str | None:
        if set(self.rules) == {"work"} and self.rules["work"] <= 3 and self.labels.get("other", 0) >= 2:
            return "other"  # one weak title cue against spaCy reading an event or product again and again
        votes = self.rules if self.rules else self.labels
        if not votes:
            return None
        best = max(votes, key=lambda t: (votes[t], -_PREFERENCE.index(t)))
        if best == "work" and not self.rules and self.labels["work"] <= self.title_labels:
            return "other"  # spaCy's small model calls many a phrase a title: that alone makes no work
        return best


_PREFERENCE = ["person", "character", "work", "organization", "place", "other"]




def vote_types(doc: Doc, mentions: list[NameMention]) -> list[TypeVotes]:
    """Type votes for each mention, in the same order."""
    org_words = word_set("entity_org_words.txt")
    work_words = word_set("entity_work_words.txt")
    weak_endings = frozenset(w for w, kind in word_map("entity_work_words.txt").items() if kind == "weak")
    followers = word_set("entity_work_followers.txt")
    role_nouns = word_set("description_nouns.txt")
    play_verbs = word_set("entity_play_verbs.txt")
    speech_verbs = word_set("speaker_verbs.txt")
    outlet_nouns = word_set("entity_outlet_nouns.txt")
    personal_nouns = word_set("entity_personal_nouns.txt")
    at_token = {i: k for k, m in enumerate(mentions) for i in range(m.tok_start, m.tok_end)}
    votes = [TypeVotes() for _ in mentions]

    for k, m in enumerate(mentions):
        v = votes[k]
        if m.label in LABEL_TYPES:
            typ = LABEL_TYPES[m.label]
            if typ == "person" and m.text.isupper():
                # an acronym ("COVID", "NATO") is not somebody's name; capitals in words ("ACME NEWS") name a body
                typ = "organization" if len(m.words) >= 2 else "other"
            elif typ in ("person", "other") and m.label != "PRODUCT" and _ends_in_acronym(m.words):
                typ = "organization"  # an outlet's edition or a branch ("Glamour UK", "Vogue US", "Ipsos UK")
            if typ == "work" and "unproven quote" in m.hints:
                pass  # spaCy calls much that is quoted a title; quotation marks alone make no work
            elif not (typ == "person" and "affiliation" in m.hints):  # "Charlotte" in "Charlotte Mayor Jane Roe"
                v.labels[typ] += 1
                v.title_labels += typ == "work"
        words = m.words
        if m.label == "NORP" and len(words) == 1 and any(
                c.dep_ == "det" and c.lower_ in {"the", "a", "an", "this", "that"} for c in doc[m.tok_end - 1].children):
            v.rules["other"] += 3  # "the American", "the 23-year-old Spaniard": a people's word describing someone
        if "affiliation" in m.hints and m.label != "NORP":  # "Acme CEO Jane Roe", "Acme QB Jo Roe"
            v.rules["place" if m.label in ("GPE", "LOC") else "organization"] += 2
        # spaCy's reading of a span as an event, a product, a people or a place outweighs its shape as a
        # title ("Los Angeles Auto Show", "Apple Watch Series", "Russian and Syrian"), not quotation marks
        not_work = m.label in _NOT_WORK_LABELS and "quoted" not in m.hints
        if "work" in m.hints and not not_work:
            v.rules["work"] += 4 if "recurring" in m.hints or "quoted" in m.hints else 3
        if platform_kind(m.text) is not None:
            v.rules["organization"] += 10
            continue
        if words[-1].lower() in org_words and words[-1][0].isupper():
            v.rules["organization"] += 2
        if len(words) > 1 and words[-1].lower() in work_words and not not_work and (
                words[-1].lower() not in weak_endings or m.label == "WORK_OF_ART"):
            v.rules["work"] += 2
        if m.honorific:
            v.rules["person"] += 4
        nxt = _next_word(doc, m.tok_end)
        place_like = m.label in _PLACE_LABELS and "work" not in m.hints
        after = _next_word(doc, nxt.i + 1) if nxt is not None else None
        if nxt is not None and (nxt.is_lower or m.block == "title") and nxt.lower_ in followers \
                and nxt.pos_ != "VERB" and not place_like \
                and not (after is not None and after.lower_ in {"as", "in", "alongside", "opposite"}):
            v.rules["work"] += 3  # "Show star", not "Jane stars" nor "French actor"
        if _dateline(doc, m):
            v.rules["place"] += 6  # "LONDON --", "PARIS:", "MOSCOW, May 3"
        if _after_platform(doc, m.tok_start, at_token, mentions):
            v.rules["work"] += 5  # "Netflix's Show", "the BBC One drama Show"
        if _of_follower(doc, m.tok_start, followers):
            v.rules["work"] += 3
        prev = _prev_word(doc, m.tok_start)
        if _after_year_possessive(doc, m.tok_start) and m.label not in _PLACE_LABELS and m.label != "PERSON":
            v.rules["work"] += 3  # "2016's Star Trek Beyond", "1973's The Captain and Me"
        if prev is not None and prev.lemma_ in _NAMING_VERBS and _called_by_work_noun(doc, m, work_words):
            v.rules["work"] += 3  # "The book was called The Dragon Waiting"
        if _outlet_noun(doc, m, prev, outlet_nouns):
            v.rules["organization"] += 4  # "the journal Nature Astronomy", "Acme, a record label"
        if prev is not None and prev.is_lower and (prev.lower_ in role_nouns or (
                prev.tag_ == "NNS" and prev.lemma_ in role_nouns)):
            v.rules["person"] += 3  # "creator Darren Star", "actress Lily Collins", "daughters Hazel and Violet"
            for c in doc[m.tok_end - 1].conjuncts:  # "daughters Hazel, four, and Violet": the noun covers the list
                if c.i > m.tok_end and c.i in at_token and not mentions[at_token[c.i]].honorific:
                    votes[at_token[c.i]].rules["person"] += 2
        if _owner_of_personal_noun(doc, m, personal_nouns):
            v.rules["person"] += 2  # "Usher's 40th birthday party"
        if len(words) == 1 and m.text.isupper() and _before_person(doc, m.tok_end, at_token, mentions):
            v.rules["organization"] += 2  # "CBS2's Ali Bauman", "NASA's Jane Roe": whose reporter or scientist
        if _fixture_side(doc, m, at_token):
            v.rules["organization"] += 3  # "Brighton v Liverpool": sides in a fixture are teams
        if _after_character_cue(doc, m.tok_start) and not (
                _prev_word(doc, m.tok_start).text == "," and doc[m.tok_end - 1].dep_ in ("nsubj", "nsubjpass")):
            # "her on-screen counterpart, Emily", not "Speaking about the role, Jane told ..."
            v.rules["character"] += 5
        if nxt is not None and nxt.text == "," and m.tok_end + 1 < len(doc) and doc[m.tok_end + 1].lower_ == "who":
            v.labels["person"] += 1
        if prev is not None and prev.lower_ == "the" and prev.is_lower and doc[m.tok_end - 1].tag_ == "NNPS":
            v.rules["organization"] += 3  # "the Steelers", "the Rolling Stones": teams and bands, not people
        root = doc[m.tok_end - 1]
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in speech_verbs and not (m.text.isupper() and len(words) > 1) \
                and m.label not in _PLACE_LABELS:  # "China said": a country speaks through its government
            v.labels["person"] += 2  # who says things is mostly somebody (a rule below overrides for organizations)

    _work_by_syntax(doc, mentions, votes, at_token)
    _people_by_coordination(doc, mentions, votes, at_token)
    _no_person_names(mentions, votes)

    # casting lines: "X as Y", "stars as Y", "Y (played by X)", "Y (Show's X)"
    by_span = {(m.tok_start, m.tok_end): k for k, m in enumerate(mentions)}
    in_parens_actor = set()
    for link in find_cast_links(doc, list(by_span)):
        role = by_span[link.role]
        if platform_kind(mentions[role].text) is not None or (
                mentions[role].label in _PLACE_LABELS and link.actor is not None):
            continue  # "X as Y" in a list may compare places; "starring as Sydney" casts
        votes[role].rules["character"] += 6
        if link.actor is not None:
            votes[by_span[link.actor]].rules["person"] += 3
            in_parens_actor.add(by_span[link.actor])
        for work in (link.work, link.credit):
            if work in by_span and platform_kind(mentions[by_span[work]].text) is None:
                votes[by_span[work]].rules["work"] += 5
    # structure between mentions: "X (Y)" after an actor, or "Y (X)" where the evidence says X is the actor
    used = _name_uses(mentions)
    for k, m in enumerate(mentions):
        paren = _parenthesized_name(doc, m, at_token, mentions)
        if paren is None or paren in in_parens_actor or k in in_parens_actor:
            continue
        if _actor_evidence(mentions[paren], used) > _actor_evidence(m, used):
            votes[k].rules["character"] += 5  # "Lucy (Jane Roe)", "Bran (Isaac Hempstead Wright)"
            votes[paren].rules["person"] += 2
        elif _looks_like_person(votes[k], m):
            votes[paren].rules["character"] += 5
            votes[k].rules["person"] += 2
    # the doc's lemma array finds the few tokens to look at without a Token object per position
    play_lemmas = {hash_string(verb) for verb in play_verbs}
    fiction = cache(partial(_acting_article, doc))  # asked once, and only if a play verb has an object
    for i, lemma in enumerate(doc.to_array("LEMMA").tolist()):
        if lemma not in play_lemmas:
            continue
        tok = doc[i]
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        # "plays Y on X": the preposition hangs on the verb or on its object
        works = []
        heads = [tok] + [c for c in tok.children if c.dep_ in {"dobj", "attr", "oprd"}]
        for h in heads:
            for child in h.children:
                if child.dep_ == "prep" and child.lower_ in {"on", "in"}:
                    for obj in child.children:
                        if obj.dep_ == "pobj" and obj.i in at_token and platform_kind(mentions[at_token[obj.i]].text) is None \
                                and not (child.lower_ == "on" and mentions[at_token[obj.i]].label in _PLACE_LABELS
                                         and len(mentions[at_token[obj.i]].words) == 1):  # "a role on Titan", a moon
                            votes[at_token[obj.i]].rules["work"] += 4
                            works.append(at_token[obj.i])
        # the object is a role where a work is named ("plays Y in Show") or the article is about acting
        cast = bool(works) or fiction()
        for child in tok.children:
            if child.dep_ in {"dobj", "attr", "oprd"} and child.i in at_token and cast:
                k = at_token[child.i]
                if mentions[k].tok_end - 1 == child.i or child.i == mentions[k].tok_start:
                    votes[k].rules["character"] += 5
    return votes


def _acting_article(doc: Doc) -> bool:
    """Whether the article is about acting at all (cast.acting_words: "the series", "the film", "actress",
    "cast"). "Play Y" casts Y only then, or where a work is named: in sport, "to play Venus here" or
    "will play Nadal in the final" names an opponent."""
    words = {hash_string(w) for w in acting_words()}
    return any(w in words for w in doc.to_array("LOWER").tolist())


def _after_year_possessive(doc: Doc, start: int) -> bool:
    """Right after a year's possessive ("2016's X", "last year's X"): how releases are dated."""
    j = start - 1
    if j >= 0 and doc[j].text in {'"', "“", "‘", "'"}:
        j -= 1
    if j < 1 or doc[j].text not in {"'s", "’s"}:
        return False
    year = doc[j - 1]
    return year.ent_type_ == "DATE" and (year.like_num and len(year.text) == 4 or year.lower_ == "year")


def _called_by_work_noun(doc: Doc, m: NameMention, work_words: frozenset[str]) -> bool:
    """The name a work noun is called or titled: "The book was called X", "a film titled X"."""
    head = doc[m.tok_start:m.tok_end].root
    verb = head.head
    if head.dep_ not in {"oprd", "attr", "dobj", "xcomp"} or verb.lemma_ not in _NAMING_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}]
    if verb.dep_ == "acl":
        subjects.append(verb.head)
    return any(s.lemma_.lower() in work_words for s in subjects)


def _owner_of_personal_noun(doc: Doc, m: NameMention, nouns: frozenset[str]) -> bool:
    """The name owns, by its possessive, what only a person has ("X's wife", "X's 40th birthday party")."""
    if m.tok_end >= len(doc) or doc[m.tok_end].text not in {"'s", "’s"}:
        return False
    owned = doc[m.tok_end - 1].head
    if doc[m.tok_end - 1].dep_ != "poss":
        return False
    return owned.lower_ in nouns or any(c.dep_ == "compound" and c.lower_ in nouns for c in owned.children)


def _before_person(doc: Doc, end: int, at_token: dict[int, int], mentions: list[NameMention]) -> bool:
    """A possessive right after `end` and then a person's full name ("CBS2's Ali Bauman")."""
    if end + 1 >= len(doc) or doc[end].text not in {"'s", "’s"} or end + 1 not in at_token:
        return False
    nxt = mentions[at_token[end + 1]]
    return nxt.tok_start == end + 1 and nxt.label == "PERSON" and len(nxt.words) >= 2


def _fixture_side(doc: Doc, m: NameMention, at_token: dict[int, int]) -> bool:
    """A name on either side of "v" or "vs" between two names: a fixture ("Brighton v Liverpool")."""
    after = m.tok_end
    if after + 1 < len(doc) and doc[after].lower_ in _VERSUS and after + 1 in at_token:
        return True
    before = m.tok_start - 1
    return before - 1 >= 0 and doc[before].lower_ in _VERSUS and before - 1 in at_token


_VERSUS = {"v", "v.", "vs", "vs."}
_NAMING_VERBS = {"call", "title", "name"}


def _outlet_noun(doc: Doc, m: NameMention, prev, nouns: frozenset[str]) -> bool:
    """A publisher's or outlet's noun right before the name ("the journal X", "record label X"), or in
    apposition to it ("X, a journal of ..."). Not for a person's full name, which a careless parse may
    set beside one ("a row involving Jane Roe, her former record label and ...")."""
    head = doc[m.tok_end - 1]
    if head.dep_ == "appos" and head.head.lower_ in nouns and head.head.i == m.tok_start - 2 \
            and doc[m.tok_start - 1].text == ",":
        return True  # "her former record label, Big Machine"
    if m.label == "PERSON" and len(m.words) >= 2:
        return False
    if prev is not None and prev.is_lower and prev.lower_ in nouns and prev.dep_ != "compound" \
            and prev.i > 0 and (doc[prev.i - 1].pos_ in {"DET", "ADJ", "NOUN"} or doc[prev.i - 1].tag_ == "PRP$"):
        return True
    return any(c.dep_ == "appos" and c.is_lower and c.lower_ in nouns
               and not any(d.tag_ == "PRP$" for d in c.children) for c in head.children) and \
        not (m.tok_end < len(doc) and doc[m.tok_end].text in {"'s", "’s"})


def _no_person_names(mentions: list[NameMention], votes: list[TypeVotes]) -> None:
    """Names shaped as no person's: a word capitalized inside after three small letters or more ("SpaceX",
    "SoftBank", unlike "McDonald", "LeBron", "DiCaprio") names a company or brand; a name ending in an
    event word ("Davis Cup", "Nobel Prize") an event. Their person votes go to the organization or event."""
    events = _event_endings()
    for m, v in zip(mentions, votes):
        words = m.words
        if len(words) == 1 and _INTERCAPPED.match(words[0]):
            to = "organization"
        elif len(words) >= 2 and any(tuple(w.lower() for w in words[-n:]) in events for n in (1, 2)):
            to = "other"
        else:
            continue
        for votes_of in (v.rules, v.labels):
            if votes_of.get("person"):
                votes_of[to] += votes_of.pop("person")
        v.rules[to] += 1


_INTERCAPPED = re.compile(r"^[A-Z][a-z]{3,}[A-Z]")


@cache
def _event_endings() -> frozenset[tuple[str, ...]]:
    return frozenset(phrases("entity_event_words.txt"))


def _people_by_coordination(doc: Doc, mentions: list[NameMention], votes: list[TypeVotes],
                            at_token: dict[int, int]) -> None:
    """Names joined by "and" or commas are of one kind: a name spaCy calls an organization or nothing,
    listed with people, is a person ("with Bruno Mars and Danger Mouse", "Max Martin and Shellback");
    who is "starring" is a person."""
    for k, m in enumerate(mentions):
        root = doc[m.tok_end - 1]
        if root.dep_ == "dobj" and root.head.lower_ == "starring":
            votes[k].rules["person"] += 2
            for c in root.children:
                if c.dep_ == "conj" and c.i in at_token:
                    votes[at_token[c.i]].rules["person"] += 2
        if votes[k].rules or m.label not in ("", "ORG") or root.dep_ in ("compound", "poss", "nmod") \
                or (m.tok_end < len(doc) and doc[m.tok_end].text in {"'s", "’s"}):
            continue  # "James Bond and Mission Impossible films", "Show's Jane Roe"
        partners = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
        if any(p.i in at_token and mentions[at_token[p.i]].label == "PERSON" and len(mentions[at_token[p.i]].words) >= 2
               and p.dep_ not in ("compound", "poss", "nmod") for p in partners):
            votes[k].labels["person"] += 2


def _work_by_syntax(doc: Doc, mentions: list[NameMention], votes: list[TypeVotes], at_token: dict[int, int]) -> None:
    """A work by what the sentence does with it: "X, a series created by ...", "the musical X",
    "X is one of the shows ...", "X premieres Monday", "she starred in X", a title in quotation marks."""
    work_words = word_set("entity_work_words.txt")
    verbs = word_map("entity_work_verbs.txt")
    for k, m in enumerate(mentions):
        head = doc[m.tok_start:m.tok_end].root
        v = votes[k]
        if platform_kind(m.text) is not None:
            continue
        # apposition or predicate with a work noun; "X's album" makes X its maker, not a work
        owner = m.tok_end < len(doc) and doc[m.tok_end].text in {"'s", "’s"}
        for c in head.children:
            if c.dep_ == "appos" and c.lemma_.lower() in work_words and not owner:
                v.rules["work"] += 3
        prev = _prev_word(doc, m.tok_start)
        if prev is not None and prev.is_lower and prev.lemma_.lower() in work_words \
                and prev.pos_ not in ("VERB", "AUX") \
                and (prev.dep_ != "compound" or m.tok_start <= prev.head.i < m.tok_end) \
                and any(t.lower_ in _WORK_NOUN_OPENERS for t in doc[max(0, prev.i - 5):prev.i]) \
                and not (head.dep_ == "nsubj" and head.head.dep_ == "relcl"
                         and m.label != "WORK_OF_ART"):  # "a song Jane says she wrote"
            # "the series Harbor Lights", "the hit musical Hamilton", "Acme's long-running drama X"; not
            # the verb: "the video shows Jo Roe"
            v.rules["work"] += 3
        if head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_ == "be":
            for c in head.head.children:
                if c.dep_ == "attr" and (c.lemma_.lower() in work_words or c.lower_ in {"one", "some", "among"} and any(
                        p.dep_ == "pobj" and p.lemma_.lower() in work_words for pr in c.children for p in pr.children)):
                    v.rules["work"] += 3  # "X is one of the most divisive shows"
        # "Show also stars Jane Roe (as Y)": what stars a person is a work
        if head.dep_ == "nsubj" and head.head.lemma_ == "star" and head.head.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.i in at_token and mentions[at_token[c.i]].label == "PERSON"
                for c in head.head.children):
            v.rules["work"] += 4
        # verbs whose subject or object is a work
        gov = head.head
        role = verbs.get(gov.lemma_.lower())
        # (soft: these verbs also take people, so they only outweigh spaCy's label; never a place's:
        # "appeared in Paris")
        if m.label in _PLACE_LABELS:
            role = None
        if role == "subject" and head.dep_ == "nsubj":
            v.labels["work"] += 2
        elif role == "object" and head.dep_ == "dobj":
            v.labels["work"] += 2
        elif head.dep_ == "pobj" and gov.lower_ == "in" and verbs.get(gov.head.lemma_.lower()) == "in" \
                and m.label not in _PLACE_LABELS:
            v.labels["work"] += 2
        # a title in quotation marks: "Harbor Lights"
        before = doc[m.tok_start - 1] if m.tok_start > 0 else None
        after = doc[m.tok_end] if m.tok_end < len(doc) else None
        if before is not None and after is not None and before.text in {'"', "“"} and after.text in {'"', "”"} \
                and len(m.words) >= 2 and "quoted" in m.hints:
            v.rules["work"] += 3


_QUANTITY_NOUNS = {"series", "set", "run", "string", "host", "collection"}
_ROMAN = re.compile(r"^[IVXLC]+$")
_PLACE_LABELS = {"GPE", "LOC", "NORP"}
_NOT_WORK_LABELS = {"EVENT", "PRODUCT", "NORP", "GPE", "LOC", "LAW"}  # not FAC: the small model calls many titles facilities
_WORK_NOUN_OPENERS = {"the", "a", "an", "new", "hit", "'s", "’s", "his", "her", "their", "its", "latest", "upcoming"}
_DATELINE_MARKS = {",", "(", "-", "--", "—", "–", ":"}


def _dateline(doc: Doc, m: NameMention) -> bool:
    """A place in capitals opening a paragraph, before a comma, dash, colon or bracket: a dateline."""
    if not m.text.isupper() or m.block != "body" or len(m.text) < 3:
        return False
    s = m.tok_start
    if s > 0 and not (doc[s - 1].is_space or "\n" in doc[s - 1].whitespace_):
        return False
    nxt = doc[m.tok_end] if m.tok_end < len(doc) else None
    return nxt is not None and nxt.text in _DATELINE_MARKS


def _after_platform(doc: Doc, start: int, at_token: dict[int, int], mentions: list[NameMention]) -> bool:
    """A name right after a network's possessive, or after a work noun that follows a network:
    "Netflix's Show", "BBC One's long-running drama Show", "the Acme TV comedy Show"."""
    j = start - 1
    if j >= 0 and doc[j].text in {'"', "“", "‘", "'"}:
        j -= 1
    if j < 0:
        return False
    if doc[j].text in {"'s", "’s"}:
        k = at_token.get(j - 1)
        return k is not None and platform_kind(mentions[k].text) is not None
    if not (doc[j].is_lower and doc[j].lemma_.lower() in word_set("entity_work_words.txt")):
        return False
    for i in range(j - 1, max(-1, j - 9), -1):
        if doc[i].text in {"'s", "’s"}:
            continue
        k = at_token.get(i)
        if k is not None:
            return platform_kind(mentions[k].text) is not None
        if doc[i].is_punct and doc[i].text not in {"-"}:
            return False
    return False


def _ends_in_acronym(words: list[str]) -> bool:
    """A name of two words or more whose last is an acronym: no person's name ends that way
    (a generation, "III", and an initial, "Malcolm X", do)."""
    last = words[-1].replace(".", "") if len(words) >= 2 else ""
    return len(last) >= 2 and last.isalpha() and last.isupper() and not _ROMAN.match(last) \
        and not all(w.isupper() for w in words)


def _next_word(doc: Doc, i: int):
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i < len(doc) and doc[i].text in {"'s", "’s", "'", "’"}:
        return None
    return doc[i] if i < len(doc) else None


def _prev_word(doc: Doc, i: int):
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def _of_follower(doc: Doc, start: int, followers: frozenset[str]) -> bool:
    """"season two of X", "the cast of X", "on the set of X"."""
    prev = _prev_word(doc, start)
    if prev is None or prev.lower_ != "of":
        return False
    j = prev.i - 1
    if j >= 1 and doc[j].lower_ in _QUANTITY_NOUNS and doc[j - 1].lower_ in {"a", "an"}:
        return False  # "a series of South Dakotans" counts people; "season two of X", "the series of X" name a work
    while j >= 0 and (doc[j].like_num or doc[j].lower_ in {"one", "two", "three", "four", "five", "first", "second",
                                                             "third", "fourth", "fifth", "final", "new", "latest"}):
        j -= 1
    return j >= 0 and doc[j].lower_ in followers


def _after_character_cue(doc: Doc, start: int) -> bool:
    """"her on-screen counterpart, Emily", "his character Gabriel", "the role of Mindy"."""
    j = start - 1
    while j >= 0 and (doc[j].is_space or doc[j].text == ","):
        j -= 1
    if j >= 0 and doc[j].lower_ == "of":
        j -= 1
    words: list[str] = []
    while j >= 0 and len(words) < 4 and not doc[j].is_space:
        words.insert(0, doc[j].lower_)
        j -= 1
    text = " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    spaced, squeezed = _character_cue_endings()
    return text.endswith(spaced) or text.replace(" ", "").endswith(squeezed)


@cache
def _character_cue_endings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The character cues as endings to test at once: words joined by spaces, and run together."""
    cues = phrases("entity_character_cues.txt")
    return tuple(" ".join(cue) for cue in cues), tuple("".join(cue) for cue in cues)


def _parenthesized_name(doc: Doc, m: NameMention, at_token: dict[int, int], mentions: list[NameMention]) -> int | None:
    """The mention written in parentheses right after m: "Lily Collins (Emily)"."""
    opening = _next_word(doc, m.tok_end)
    if opening is None or opening.text != "(":
        return None
    inner = _next_word(doc, opening.i + 1)
    if inner is None or inner.i not in at_token:
        return None
    k = at_token[inner.i]
    other = mentions[k]
    closing = _next_word(doc, other.tok_end)
    if other.tok_start != inner.i or closing is None or closing.text != ")":
        return None
    if other.text.isupper() or not other.text[0].isupper():
        return None  # "(DNC)", "(R)" are abbreviations, not roles
    return k


def _name_uses(mentions: list[NameMention]) -> frozenset[str]:
    """The forms the prose uses for names, lower-cased."""
    return frozenset(m.text.lower() for m in mentions if m.block != "title")


def _actor_evidence(m: NameMention, used: frozenset[str]) -> int:
    """How much a name reads as a real person's rather than a character's: a full name, referred to by
    surname alone (as news copy refers to people, and rarely to characters), a title or role before it."""
    words = [w.lower() for w in m.words]
    score = int(len(words) >= 2)
    if len(words) >= 2 and any(" ".join(words[k:]) in used for k in range(1, len(words))):
        score += 2
    if m.honorific:
        score += 1
    return score


def _looks_like_person(v: TypeVotes, m: NameMention) -> bool:
    return v.rules.get("person", 0) > 0 or (not v.rules and m.label == "PERSON") or (
        len(m.words) >= 2 and not v.rules and m.label in {"", "PERSON"})
