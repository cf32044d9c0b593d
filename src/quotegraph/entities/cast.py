"""Casting lines: who plays which character, read from the surface of a sentence.

Outlets write casting in a few fixed shapes, and the small parser mis-attaches most of them, so these
are read from the word order over name spans rather than from the parse:
  "X as Y" in a cast list           "Trust Me also stars A as Cath, B as Dr Karl Roe and C as Lin"
  "<cue> as Y"                      "X stars as Y", "starring as Y", "her best known role is as Y",
                                    "fans know her as Y from Z and W from V", "reprise his role as Y"
  "Y (played by X)", "Y, played by X"
  "Y (Z's X)"                       a character and the actor, named with an earlier credit
  "the role of Y"                   the actor is the role's owner or the clause's subject (in a sentence
                                    about acting: "the role of X in the inquiry" is no casting)
  "<cue verb> ... as Y"             "will return to screens as Y", "appears in the film as Y" (idem)
  "his character, <words> Y"        "his character, disinherited prince Y": the owner plays Y
  "<the series> follows Y and Z"   a plot summary: the names after the verb are roles, their actors unnamed
                                    (entity_plot_cues.txt; not the actors it names: "Y (played by X)")
The work of a role is the name right after it with "from", "in" or "on" ("Y from Z"), when there is one.
Both types.py (votes: Y a character, X a person, Z a work) and relations.py (the facts) read these links.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.strings import hash_string  # type: ignore[attr-defined]  # missing from spaCy's stub
from spacy.tokens import Doc

from ..wordlists import grouped, phrases, word_map, word_set

Span2 = tuple[int, int]  # a name's token span [start, end)

_SKIP_BEFORE_ROLE = {"DET", "ADJ", "ADV", "NUM", "PART", "PUNCT", "NOUN", "PRON", "ADP", "CCONJ"}
_ROLE_WINDOW = 14  # tokens between "as" and the role's name ("as Cath's good-for-nothing ex-partner Karl")
_WORK_PREPS = {"from", "in", "on"}
_PLACE_PREPS = {"in", "at", "from", "to", "near", "across", "around", "outside", "inside", "into"}


@dataclass
class CastLink:
    role: Span2
    actor: Span2 | None = None  # written beside the role
    actor_token: int | None = None  # a token standing for the actor elsewhere (a subject, a pronoun, an owner)
    work: Span2 | None = None  # "Y from Z"
    cue: int = -1  # the token that signalled the link
    credit: Span2 | None = None  # an earlier work of the actor's, named beside them ("(Z's X)")
    summary: bool = False  # a role a plot summary names: who plays it is not said there


def find_cast_links(doc: Doc, spans: list[Span2]) -> list[CastLink]:
    """Cast links over the name spans of a doc (sorted, non-overlapping)."""
    if not spans:
        return []
    start_at = {s: (s, e) for s, e in spans}
    end_at = {e: (s, e) for s, e in spans}
    inside = {i: (s, e) for s, e in spans for i in range(s, e)}
    cues = word_set("entity_cast_cues.txt")
    play_verbs = word_set("entity_play_verbs.txt")
    titles = _person_titles()
    character_ids = {hash_string(w) for w in character_cue_heads()}
    lowers = doc.to_array("LOWER").tolist()
    as_id, by_id, paren_id, of_id, comma_id, role_id = (doc.vocab.strings[w] for w in ("as", "by", "(", "of", ",", "role"))
    out: list[CastLink] = []
    seen: set[Span2] = set()

    def add(link: CastLink) -> None:
        if link.role not in seen and link.role != link.actor:
            seen.add(link.role)
            out.append(link)

    for i, low in enumerate(lowers):
        if low == as_id:
            _as_links(doc, i, start_at, end_at, inside, cues, add)
        elif low == of_id and i > 1 and lowers[i - 1] == role_id:
            # "stepped down from the role of Y", "landed the lead role of Father Y"
            j = i + 1
            while j < len(doc) and j not in start_at and doc[j].lower_ in titles:
                j += 1
            k = i - 2
            while k > 0 and doc[k].pos_ == "ADJ":
                k -= 1
            role = start_at.get(j)
            if role is not None and role[1] < len(doc) and doc[role[1]].text in {"'s", "’s"}:
                role = None  # "the role of X's fixer": X owns the role
            if role is not None and doc[k].lower_ in {"the", "his", "her", "their"} and _about_acting(doc, i):
                add(CastLink(role=role, actor_token=_actor_token(doc, i - 1), cue=i - 1))
        elif low == by_id and i > 0 and doc[i - 1].lemma_.lower() in play_verbs and doc[i - 1].tag_ == "VBN":
            # "Y (played by X)", "Y, played by X"
            actor = start_at.get(i + 1)
            j = i - 2
            if j >= 0 and doc[j].text in {"(", ","}:
                j -= 1
            role = end_at.get(j + 1)
            if actor is not None and role is not None:
                add(CastLink(role=role, actor=actor, cue=i - 1))
        elif low == paren_id:
            # "Y (Z's X)": a character, then the actor with an earlier credit
            role = end_at.get(i)
            if role is None:
                continue
            k = i + 1  # the credit: capitalized words up to a possessive
            while k < min(len(doc), i + 7) and doc[k].text[:1].isupper():
                k += 1
            if k == i + 1 or k + 1 >= len(doc) or doc[k].text not in {"'s", "’s"}:
                continue
            actor = start_at.get(k + 1)
            if actor is not None and actor[1] < len(doc) and doc[actor[1]].text == ")":
                # Z is the actor's credit, not the role's work
                add(CastLink(role=role, actor=actor, cue=i, credit=(i + 1, k)))
        elif low in character_ids and i + 1 < len(doc) and lowers[i + 1] == comma_id and doc[i].pos_ == "NOUN":
            link = _character_apposition(doc, i, start_at, end_at)
            if link is not None:
                add(link)
    for link in _plot_roles(doc, spans, {link.actor for link in out if link.actor is not None}):
        add(link)
    return out


def _plot_roles(doc: Doc, spans: list[Span2], actors: set[Span2]) -> list[CastLink]:
    """The characters a plot summary names: "The drama tells the story of spy Y, who falls for a man named Z";
    "the show follows Y and her family as she confronts W's father, V". The subject is a noun for a work of
    fiction; the names are the cue verb's, after it, less places ("in Aberdeen", "Yorkshire police sergeant Y")
    and the actors: a name after "by" or one written as an actor elsewhere."""
    cues = grouped("entity_plot_cues.txt")
    verbs, fiction = cues.get("verb", frozenset()), cues.get("fiction", frozenset())
    verb_ids = {hash_string(v) for v in verbs}
    out: list[CastLink] = []
    actor_words = {doc[k].lower_ for s, e in actors for k in range(s, e)}
    for i, lemma in enumerate(doc.to_array("LEMMA").tolist()):
        if lemma not in verb_ids or doc[i].pos_ != "VERB":
            continue
        verb = doc[i]
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "relcl":
            subj = verb.head  # "the series, which follows Y"
        if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in fiction:
            continue
        if verb.lemma_ == "tell" and not any(c.dep_ == "dobj" and c.lemma_ in {"story", "tale"} for c in verb.children):
            continue  # "the film tells us nothing"
        last = verb.right_edge.i
        for s, e in spans:
            if s <= i or s > last or (s, e) in actors or doc[s - 1].lower_ == "by":
                continue
            if doc[s - 1].lower_ in _PLACE_PREPS or any(doc[k].lower_ in actor_words for k in range(s, e)):
                continue  # "falls for a man in Aberdeen"
            root = doc[e - 1]
            if root.dep_ in ("compound", "nmod", "amod") and not s <= root.head.i < e and root.head.pos_ == "NOUN" \
                    and root.ent_type_ in ("GPE", "LOC", "FAC", "NORP"):
                continue  # "follows Yorkshire police sergeant Y": a place as a modifier, not a role
            out.append(CastLink(role=(s, e), cue=i, summary=True))
    return out


def _character_apposition(doc: Doc, i: int, start_at, end_at) -> CastLink | None:
    """"his character, disinherited prince Y", "Jane Roe's alter ego, Y": a character noun with an owner,
    then a comma, a few lower-case words and the name. Not when the name is the subject of what follows
    ("Speaking about his role, Jane told ...")."""
    owner = i - 1
    while owner >= 0 and (doc[owner].pos_ == "ADJ" or doc[owner].lower_ in {"-", "on", "screen", "new"}):
        owner -= 1  # "his on-screen character", "her new character"
    if owner < 0:
        return None
    j = i + 2
    while j < min(len(doc), i + 7) and j not in start_at and doc[j].is_lower and doc[j].is_alpha:
        j += 1
    role = start_at.get(j)
    if role is None or doc[role[1] - 1].dep_ in ("nsubj", "nsubjpass"):
        return None
    if doc[owner].tag_ == "PRP$":
        return CastLink(role=role, actor_token=owner, cue=i)
    if doc[owner].text in {"'s", "’s"} and (actor := end_at.get(owner)) is not None:
        return CastLink(role=role, actor=actor, cue=i)
    return None


@cache
def character_cue_heads() -> frozenset[str]:
    """The last word of each character cue ("character" of "his character", "counterpart" of "on-screen
    counterpart"): the noun the cue ends on."""
    return frozenset(ph[-1] for ph in phrases("entity_character_cues.txt"))


@cache
def _person_titles() -> frozenset[str]:
    """Honorifics and office titles, which may stand between "the role of" and the role's name ("Father Y")."""
    return word_set("honorifics.txt") | word_set("entity_office_titles.txt")


@cache
def acting_words() -> frozenset[str]:
    """The words that make a sentence one about acting: the acting credit nouns ("actor", "star"), the
    casting verbs and the nouns for a work of fiction ("the film"). Not "play" alone: "the Bidens playing
    the role of X", "the console can play the same games as X" are no casting."""
    nouns = {w for w, kind in word_map("entity_credit_nouns.txt").items() if kind == "acting"}
    fiction = grouped("entity_plot_cues.txt").get("fiction", frozenset())
    return frozenset(nouns | fiction | {"cast", "reprise", "audition", "starring"})


def _about_acting(doc: Doc, i: int) -> bool:
    """Token i's sentence is about acting (acting_words)."""
    acting = acting_words()
    return any(t.lemma_.lower() in acting or t.lower_ in acting for t in doc[i].sent)


def _as_links(doc: Doc, i: int, start_at, end_at, inside, cues, add) -> None:
    """The links an "as" at token i makes: "X as Y", "stars as Y", "know her as Y from Z and W from V"."""
    # who: a name right before "as" (a cast list), else the cue word before it
    actor = end_at.get(i)
    cue = -1
    j = i - 1
    while j >= 0 and doc[j].pos_ in {"ADV", "PART"} and not doc[j].is_punct:
        j -= 1
    if actor is None:
        if j < 0:
            return
        k = j
        if doc[k].pos_ == "PRON" and k > 0:  # "know her as", "cast him as"
            k -= 1
        elif doc[k].lemma_ == "be":  # "her best known role is as Y"
            k = next((c.i for c in doc[k].children if c.dep_ == "nsubj"), k)
        elif doc[k].lemma_ == "know":
            return  # "known as Y" names, it does not cast
        if doc[k].lemma_.lower() not in cues and doc[k].lower_ not in cues:
            # "will return to screens as Y": the verb "as" hangs on, a cue, in a sentence about acting
            head = doc[i].head
            if not (doc[i].dep_ == "prep" and head.i < i and head.pos_ == "VERB" and head.lemma_ != "know"
                    and head.lemma_.lower() in cues and _about_acting(doc, i)):
                return
            k = head.i
        cue = k
    else:
        sent = doc[i].sent
        if not any(t.lemma_.lower() in cues for t in sent):
            return  # "X as Y" only counts in a sentence about casting
        cue = i
    roles = _roles_after(doc, i, start_at, inside)
    for role, work in roles:
        if actor is not None:
            add(CastLink(role=role, actor=actor, work=work, cue=cue))
        else:
            add(CastLink(role=role, actor_token=_actor_token(doc, cue), work=work, cue=cue))


def _roles_after(doc: Doc, i: int, start_at, inside) -> list[tuple[Span2, Span2 | None]]:
    """The role names after "as" at i, each with the work named right after it ("Y from Z"), and the
    roles joined on by "and" ("as A from B and C from D")."""
    out: list[tuple[Span2, Span2 | None]] = []
    honorifics = word_set("honorifics.txt") | word_set("entity_office_titles.txt")
    j = i + 1
    limit = min(len(doc), i + 1 + _ROLE_WINDOW)
    role = None
    while j < limit:
        span = start_at.get(j)
        if span is not None:
            if span[1] < len(doc) and doc[span[1]].text in {"'s", "’s"}:
                j = span[1] + 1  # "as Cath's ex-partner Karl": Cath is the owner, not the role
                continue
            role = span
            break
        skip = doc[j].pos_ in _SKIP_BEFORE_ROLE or doc[j].lower_ in honorifics  # "as Inspector Nell Roe"
        if not skip or doc[j].text in {".", ";", "(", ")", ":", ","} or j in inside:
            return out
        j += 1
    if role is None:
        return out
    work = None
    k = role[1]
    if k + 1 < len(doc) and doc[k].lower_ in _WORK_PREPS and (k + 1) in start_at:
        work = start_at[k + 1]
        if work[1] + 1 < len(doc) and doc[work[1]].text in {"'s", "’s"} and (work[1] + 1) in start_at:
            work = start_at[work[1] + 1]  # "as Y in Acme's Show": the network owns the work
        k = work[1]
    out.append((role, work))
    # "... and W from V": another role of the same person, written the same way
    if work is not None and k + 1 < len(doc) and doc[k].lower_ == "and" and (k + 1) in start_at:
        more = start_at[k + 1]
        m = more[1]
        if m + 1 < len(doc) and doc[m].lower_ in _WORK_PREPS and (m + 1) in start_at:
            out.append((more, start_at[m + 1]))
    return out


def _actor_token(doc: Doc, cue: int) -> int | None:
    """The token standing for who plays a role signalled at cue: the cue's owner ("her role as"), its
    object pronoun ("know her as"), or the subject of the clause, up the verb chain."""
    tok = doc[cue]
    if tok.pos_ == "PRON":
        return tok.i
    nxt = doc[cue + 1] if cue + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ == "PRON" and nxt.dep_ == "dobj":
        return nxt.i
    for c in tok.children:
        if c.dep_ == "poss":
            return c.i
    t = tok
    for _ in range(5):
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c.i
        if t.dep_ == "relcl":
            return t.head.i
        if t.head is t:
            break
        if t.dep_ in ("attr", "acomp") or t.head.lemma_ == "be":
            for c in t.head.children:
                if c.dep_ == "nsubj":
                    for cc in c.children:
                        if cc.dep_ == "poss":
                            return cc.i  # "her best known performance is as Y"
                    return c.i
        t = t.head
    return None
