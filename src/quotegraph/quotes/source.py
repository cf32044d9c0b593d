"""The source of a cue: the mention the syntax names as the one who said it.

"she said" -> she; "said Ashley Park, the actress" -> Ashley Park; "was told by aides" -> aides;
"the 29-year-old actress, Ashley Park, said" -> Ashley Park (a name in apposition wins over the
description); "Ashley, who recalled ..." -> Ashley; "she raved, adding that ..." -> she (a participle
or conjoined verb without a subject of its own borrows its head's).
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_EXPLETIVE = {"it", "there"}
_NOMINAL = ("PROPN", "NOUN", "PRON")
_OBJECT_PERSONAL = {"him", "her", "them"}
_RELATIVE = {"who", "that", "which", "whom", "whose"}
_NP_INNER = {"det", "compound", "amod", "nmod", "poss", "nummod", "flat"}
# Right-hand dependents that are not part of the mention itself.
_CUT_RIGHT = {"prep", "relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis", "dep", "ccomp",
              "npadvmod", "advmod"}
_CUT_LEFT = {"punct", "cc", "prep", "advmod", "preconj"}
_CLIMB = {"conj", "advcl", "xcomp", "ccomp", "pcomp", "acl"}


def subject_of(verb: Token, excluded: Callable[[Token], bool] = lambda t: False, depth: int = 0) -> Token | None:
    """The token naming who does `verb`: its subject, a passive's agent, or its head's subject.

    `excluded` tokens (the quoted words themselves) are never the subject. When the parse gives
    the verb no subject, a noun right before it ("..., Trump barked") or, after a closing mark,
    right after it ("..., read one") is taken.
    """
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and not excluded(c)
                and not (c.dep_ == "nsubjpass" and c.lower_ in _EXPLETIVE)]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj" and not excluded(p):
                    return p
    if verb.dep_ == "relcl" and verb.head.pos_ in _NOMINAL:
        return antecedent(verb.head)
    if verb.dep_ == "acl" and verb.head.pos_ in _NOMINAL:  # "she released a statement saying ..."
        holder = verb.head.head
        found = subject_of(holder, excluded, depth + 1) if holder.pos_ in ("VERB", "AUX") and depth < 3 else None
        return found if found is not None else verb.head
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and verb.i > 0:
        # "footage of Clinton asking", "heard him saying": the name just before the participle does it
        left = verb.doc[verb.i - 1]
        if left.dep_ in ("pobj", "dobj") and (left.pos_ == "PROPN" or left.lower_ in _OBJECT_PERSONAL) \
                and not excluded(left):
            return left
    if depth < 3 and verb.dep_ in _CLIMB and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.i != head.i:  # "quoted as saying"
            head = head.head
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp" and head.head.i != head.i:
            head = head.head  # "She explained that ..., saying ...": the participle goes with "explained"
        if head.pos_ in ("VERB", "AUX") or verb.dep_ == "conj":
            found = subject_of(head, excluded, depth + 1)
            if found is not None:
                return found
    if depth == 0:
        return _adjacent_subject(verb, excluded)
    return None


def _adjacent_subject(verb: Token, excluded: Callable[[Token], bool]) -> Token | None:
    """The parse gave `verb` no subject: a noun just before it ("..., Trump barked", "Clinton,
    exasperated, responded"), or after it when a closing mark or comma precedes it ("..., said Smith")."""
    doc = verb.doc
    k = verb.i - 1
    skipped = 0
    while k >= 0 and skipped < 3 and (doc[k].pos_ == "ADV" or (doc[k].text == "," and skipped < 2)
                                      or doc[k].dep_ == "advmod"):
        k -= 1
        skipped += 1
    if k >= 0:
        left = doc[k]
        if left.pos_ in _NOMINAL and not excluded(left) and left.lower_ not in _RELATIVE:
            return left
    if verb.i > 0 and verb.i + 1 < len(doc) and doc[verb.i - 1].is_punct:
        right = doc[verb.i + 1]
        for _ in range(6):  # climb "Oversight ranking Democrat Elijah Cummings" to its head
            if right.head.i == verb.i or right.head.i < right.i or right.dep_ not in _NP_INNER:
                break
            right = right.head
        if right.pos_ in _NOMINAL and right.head.i == verb.i and not excluded(right):
            return right
    return None


def advcl_opened_by(verb: Token, words: set[str] | frozenset[str], deps: tuple[str, ...] = ("mark",)) -> bool:
    """An adverbial clause whose verb has one of `words` before it as its subordinator ("although she
    said", "when Lee pressed him"): `deps` says which arcs may carry it."""
    return verb.dep_ == "advcl" and any(c.dep_ in deps and c.lower_ in words for c in verb.lefts)


def resolve_relative(tok: Token) -> Token:
    """"who" in "Ashley, who recalled" -> Ashley."""
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        return antecedent(tok.head.head)
    return tok


def antecedent(noun: Token) -> Token:
    """The person a relative clause is about, when the parse hangs it on the last noun of a
    description: "Alan Berger, a doctor from Englewood, New Jersey, who said" -> Berger."""
    t = noun
    for _ in range(6):
        if t.dep_ in ("pobj", "appos", "compound", "conj") or (t.dep_ == "prep" and t.head.pos_ in _NOMINAL):
            t = t.head
        else:
            break
    if t.i == noun.i or noun.ent_type_ == "PERSON" or noun.lower_ in ("who",):
        return noun
    return t


def mention_span(tok: Token) -> tuple[int, int]:
    """The character span of the noun phrase headed by `tok`, without clauses, apposition or
    prepositional phrases; an appositive name replaces a description ("the actress, Ashley Park")."""
    tok = resolve_relative(tok)
    if tok.pos_ != "PROPN":
        for c in tok.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                return mention_span(c)
    left = tok
    for c in tok.lefts:
        if c.dep_ not in _CUT_LEFT:
            left = min(left, c.left_edge, key=lambda t: t.i)
    right = tok
    for c in tok.rights:
        if c.dep_ in _CUT_RIGHT:
            break
        right = c.right_edge
    return left.idx, right.idx + len(right)


def prepositional_cue(tok: Token, phrases: tuple[tuple[str, ...], ...]) -> tuple[tuple[int, int], Token | None] | None:
    """When `tok` starts a prepositional cue ("according to X"): the cue's span and X (or None)."""
    doc = tok.doc
    for phrase in phrases:
        if tok.lower_ != phrase[0] or tok.i + len(phrase) > len(doc):
            continue
        words = doc[tok.i:tok.i + len(phrase)]
        if tuple(w.lower_ for w in words) != phrase:
            continue
        last = words[-1]
        obj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if obj is None and last.i + 1 < len(doc) and doc[last.i + 1].pos_ in _NOMINAL:
            obj = doc[last.i + 1]
        return (tok.idx, last.idx + len(last)), obj
    return None
