"""Syntax around a cue: who the subject of "said" is, and which earlier sentence names a speaker."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..wordlists import word_set

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_CUT = {"relcl", "acl", "advcl", "appos", "punct", "cc", "conj"}  # parts of a subject phrase left out of the mention
_CLIMB = {"advcl", "xcomp", "conj", "ccomp", "pcomp", "acl", "prep"}  # "she revealed, adding that ..." -> revealed


def cue_token(doc: Doc, cue: tuple[int, int]) -> Token | None:
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    verbs = [t for t in span if t.pos_ in {"VERB", "AUX"}]
    return verbs[0] if verbs else span.root


def subject_phrase(tok: Token) -> tuple[int, int]:
    """Char span of the noun phrase headed by tok, without relative clauses or appositions."""
    keep = [tok]
    stack = [c for c in tok.children if c.dep_ not in _CUT]
    while stack:
        c = stack.pop()
        keep.append(c)
        stack.extend(x for x in c.children if x.dep_ not in {"relcl", "acl", "advcl", "punct"})
    lo = min(t.i for t in keep)
    hi = max(t.i for t in keep)
    doc = tok.doc
    # keep it contiguous and on the head's side of any comma
    while lo < tok.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > tok.i and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def source_of_cue(doc: Doc, cue: tuple[int, int]) -> tuple[int, int] | None:
    """The span naming who speaks, found from the cue verb's subject (climbing from "adding", "saying")."""
    tok = cue_token(doc, cue)
    if tok is None:
        return None
    if tok.lower_ == "according":  # "according to X"
        for to in tok.children:
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return subject_phrase(obj)
        return None
    verbs = word_set("speaker_verbs.txt")
    if tok.tag_ == "VBG" and tok.dep_ in {"advcl", "xcomp", "conj"}:
        # "X explained that <clause>, saying ...": the participle hangs on the reported clause; the
        # one saying it is the subject of the verb that reports the clause
        head = tok.head
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in verbs:
            tok = head.head
    seen = 0
    while tok is not None and seen < 4:
        for child in tok.children:
            if child.dep_ == "csubj" and child.pos_ == "VERB":
                # "Speaking to host Ann Lee, the actress, 35, admitted ...", parsed as a clausal subject:
                # the description closing the clause is who speaks
                desc = _closing_description(child)
                if desc is not None:
                    return desc
            if child.dep_ in SUBJECT_DEPS and child.pos_ in {"PROPN", "NOUN", "PRON"}:
                if child.pos_ == "PRON" and child.lower_ in {"who", "that", "which"}:
                    break
                desc = _title_then_description(child)
                return desc if desc is not None else subject_phrase(child)
        for child in tok.children:
            if child.dep_ == "agent":  # "was told by X"
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return subject_phrase(obj)
        if tok.dep_ == "relcl" and tok.head.pos_ in {"PROPN", "NOUN"}:
            return subject_phrase(tok.head)  # "Ashley, who recalled ..."
        if tok.dep_ in _CLIMB and tok.head is not tok and (tok.dep_ != "prep" or tok.pos_ == "ADP"):
            tok = tok.head
            seen += 1
            continue
        break
    return _adjacent_subject(cue_token(doc, cue))


def _title_then_description(subj: Token) -> tuple[int, int] | None:
    """"the Queen & Slim actress, 34, told": a title parsed as the subject with the description noun as its
    conjunct; the span runs from the article to the description noun."""
    if subj.pos_ != "PROPN":
        return None
    nouns = word_set("description_nouns.txt")
    for c in subj.children:
        if c.dep_ == "conj" and c.pos_ == "NOUN" and (c.lower_ in nouns or c.lemma_.lower() in nouns) \
                and not any(g.dep_ == "det" for g in c.children) \
                and any(g.dep_ == "det" and g.lower_ == "the" and g.i < subj.i for g in subj.children):
            return subj.left_edge.idx, c.idx + len(c.text)
    return None


def _closing_description(clause: Token) -> tuple[int, int] | None:
    """The last "the <description noun>" of a clause, after a comma: "Speaking to X, the actress"."""
    nouns = word_set("description_nouns.txt")
    for t in sorted(clause.subtree, key=lambda x: -x.i):
        if t.pos_ == "NOUN" and (t.lower_ in nouns or t.lemma_.lower() in nouns) and any(
                c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            left = t.left_edge.i
            if left > clause.i and t.doc[left - 1].text == ",":
                return subject_phrase(t)
            return None
    return None


def _adjacent_subject(verb: Token | None) -> tuple[int, int] | None:
    """When the parse gives the cue no subject: the noun phrase right after it ('said David Brock, ...',
    'Continued Stone:') or right before it ('..., the 43-year-old asked')."""
    if verb is None:
        return None
    doc = verb.doc
    sent = verb.sent
    chunks = {t.i: ch for ch in _noun_chunks(doc) if ch.start >= sent.start and ch.end <= sent.end for t in ch}
    nxt = next((t for t in doc[verb.i + 1:sent.end] if not t.is_space), None)
    inverting = verb.lemma_.lower() in word_set("speaker_inverting_verbs.txt")
    if nxt is not None and nxt.pos_ in {"PROPN", "NOUN", "PRON", "DET", "ADJ"} and nxt.i in chunks and (
            inverting or chunks[nxt.i].root.dep_ not in {"dobj", "dative", "attr", "oprd", "pobj"}):
        ch = chunks[nxt.i]
        return ch.start_char, ch.end_char
    prev = next((t for t in reversed(doc[sent.start:verb.i]) if not t.is_space), None)
    if prev is not None and prev.pos_ in {"PROPN", "NOUN", "PRON"} and prev.i in chunks:
        ch = chunks[prev.i]
        return ch.start_char, ch.end_char
    return None


_last_chunks: tuple[Doc, list[Span]] | None = None


def _noun_chunks(doc: Doc) -> list[Span]:
    """doc.noun_chunks, made once per doc: spaCy's Span.noun_chunks walks the whole doc on every call."""
    global _last_chunks
    last = _last_chunks
    if last is None or last[0] is not doc:
        last = _last_chunks = (doc, list(doc.noun_chunks))
    return last[1]


def speaker_verb_subject(sent: Span, skip: list[tuple[int, int]]) -> tuple[int, int] | None:
    """In a sentence of narration, the subject of its speech verb ("Ashley shared that ..."), if any.

    A sentence introducing what follows with a colon counts as well ("Trump had a message: ...").
    """
    verbs = word_set("speaker_verbs.txt")
    for tok in sent:
        if any(s <= tok.idx < e for s, e in skip):
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() in verbs:
            found = source_of_cue(sent.doc, (tok.idx, tok.idx + len(tok.text)))
            if found is not None and not any(s <= found[0] < e for s, e in skip):
                return found
    text = sent.text.rstrip()
    if text.endswith(":"):
        root = sent.root
        for child in root.children:
            if child.dep_ in SUBJECT_DEPS:
                return subject_phrase(child)
    return None
