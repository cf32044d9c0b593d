"""Casting lines: who plays which character, read from the surface of a sentence.

Outlets write casting in a few fixed shapes, and the small parser mis-attaches most of them, so these
are read from the word order over name spans rather than from the parse:
  "X as Y" in a cast list           "Trust Me also stars A as Cath, B as Dr Karl Roe and C as Lin"
  "<cue> as Y"                      "X stars as Y", "starring as Y", "her best known role is as Y",
                                    "fans know her as Y from Z and W from V", "reprise his role as Y"
  "Y (played by X)", "Y, played by X"
  "Y (Z's X)"                       a character and the actor, named with an earlier credit
  "the role of Y"                   the actor is the role's owner or the clause's subject
The work of a role is the name right after it with "from", "in" or "on" ("Y from Z"), when there is one.
Both types.py (votes: Y a character, X a person, Z a work) and relations.py (the facts) read these links.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..wordlists import word_set

Span2 = tuple[int, int]  # a name's token span [start, end)

_SKIP_BEFORE_ROLE = {"DET", "ADJ", "ADV", "NUM", "PART", "PUNCT", "NOUN", "PRON", "ADP", "CCONJ"}
_ROLE_WINDOW = 14  # tokens between "as" and the role's name ("as Cath's good-for-nothing ex-partner Karl")
_WORK_PREPS = {"from", "in", "on"}


@dataclass
class CastLink:
    role: Span2
    actor: Span2 | None = None  # written beside the role
    actor_token: int | None = None  # a token standing for the actor elsewhere (a subject, a pronoun, an owner)
    work: Span2 | None = None  # "Y from Z"
    cue: int = -1  # the token that signalled the link
    credit: Span2 | None = None  # an earlier work of the actor's, named beside them ("(Z's X)")


def find_cast_links(doc: Doc, spans: list[Span2]) -> list[CastLink]:
    """Cast links over the name spans of a doc (sorted, non-overlapping)."""
    if not spans:
        return []
    start_at = {s: (s, e) for s, e in spans}
    end_at = {e: (s, e) for s, e in spans}
    inside = {i: (s, e) for s, e in spans for i in range(s, e)}
    cues = word_set("entity_cast_cues.txt")
    play_verbs = word_set("entity_play_verbs.txt")
    lowers = doc.to_array("LOWER").tolist()
    as_id, by_id, paren_id = (doc.vocab.strings["as"], doc.vocab.strings["by"], doc.vocab.strings["("])
    out: list[CastLink] = []
    seen: set[Span2] = set()

    def add(link: CastLink) -> None:
        if link.role not in seen and link.role != link.actor:
            seen.add(link.role)
            out.append(link)

    for i, low in enumerate(lowers):
        if low == as_id:
            _as_links(doc, i, start_at, end_at, inside, cues, add)
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
    return out


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
            return
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
