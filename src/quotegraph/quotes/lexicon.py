"""The cue lexicon: reporting verbs, verbs of thought, their frames and prepositional cues, from package data.

Files (src/quotegraph/data/): cue_verbs.txt (reporting verbs; "quote" marks one that only introduces
quoted words), cue_thought_verbs.txt (verbs whose that-clause is reported: think, show),
cue_frames.txt (verb and the complement that holds reported content: "vow to", "call for"),
cue_naming_verbs.txt (verbs that quote a name: call, dub) and cue_phrases.txt ("according to").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from spacy.attrs import POS, TAG
from spacy.strings import hash_string  # type: ignore[attr-defined]  # missing from spaCy's stub
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from ..wordlists import entries as read_entries

_VERB_TAGS = {"VBD", "VBZ", "VBP", "VBN", "VBG", "VB"}


def _is_verb(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in _VERB_TAGS:
        return False
    return not (tok.i > 0 and tok.doc[tok.i - 1].text == "-")  # part of a compound adjective: "so-called"


def maybe_verbs(doc: Doc) -> list[bool]:
    """Per token: whether its coarse or fine tag says verb, as _is_verb asks first. Read from the doc's
    arrays, so a loop that only looks at verbs makes no Token object for the other words."""
    if not len(doc):
        return []
    verb_tags = {hash_string(t) for t in _VERB_TAGS}
    pos, tag = doc.to_array([POS, TAG]).T.tolist()
    return [p in (VERB, AUX) or t in verb_tags for p, t in zip(pos, tag)]


def lemma_forms(tok: Token) -> tuple[str, ...]:
    """The token's lemma, and stems of its form in case the lemmatizer slipped ("hopes" -> "hop")."""
    low = tok.lower_
    forms = [tok.lemma_.lower(), low]
    if low.endswith("ing") and len(low) > 5:
        forms += [low[:-3], low[:-3] + "e"]
    elif low.endswith("ed") and len(low) > 4:
        forms += [low[:-1], low[:-2]]
    elif low.endswith("s") and len(low) > 3:
        forms += [low[:-1]]
    return tuple(forms)


@dataclass(frozen=True)
class CueLexicon:
    """Which words report speech or thought; phrasal verbs keep their particle or object ("put it")."""

    speech: frozenset[str]  # introduce quoted words and report clauses
    quote_only: frozenset[str]  # introduce quoted words only ('"...," she laughed')
    thought: frozenset[str]  # report clauses only (she believes that ...)
    phrasal: dict[tuple[str, str], str]  # (lemma, particle) -> "speech" / "quote" / "thought"
    frames: dict[str, frozenset[str]]  # lemma -> {"to", "object", "for", ...}
    naming: frozenset[str]  # verbs that quote a name or label: "called it "a disaster""
    prepositions: tuple[tuple[str, ...], ...]  # "according to", longest first

    def verb_cue(self, tok: Token, reported: bool = False) -> tuple[int, int] | None:
        """The cue span (verb plus particle) when `tok` is a reporting verb, else None.

        With reported=True: verbs whose complement clause is reported speech or thought (say,
        think), not verbs that only introduce quoted words (laugh).
        """
        if not _is_verb(tok):
            return None
        forms = lemma_forms(tok)
        if not self._phrasal_lemmas.isdisjoint(forms):  # only then can a particle or object make a cue
            for child in tok.children:
                if child.dep_ in ("prt", "dobj") and child.i > tok.i:
                    for f in forms:
                        how = self.phrasal.get((f, child.lower_))
                        if how and (not reported or how != "quote"):
                            return (tok.idx, child.idx + len(child))
        for f in forms:
            if f in self.speech or (reported and f in self.thought) or (not reported and f in self.quote_only):
                return (tok.idx, tok.idx + len(tok))
        return None

    @cached_property
    def _phrasal_lemmas(self) -> frozenset[str]:
        """The verbs that have a phrasal cue, to skip looking for a particle on all others."""
        return frozenset(lemma for lemma, _ in self.phrasal)

    def frames_of(self, tok: Token) -> frozenset[str]:
        if not _is_verb(tok):
            return frozenset()
        for f in lemma_forms(tok):
            if f in self.frames:
                return self.frames[f]
        return frozenset()


@cache
def cue_lexicon() -> CueLexicon:
    speech: set[str] = set()
    quote_only: set[str] = set()
    thought: set[str] = set()
    phrasal: dict[tuple[str, str], str] = {}
    for verb, how in read_entries("cue_verbs.txt"):
        kind = "quote" if how == "quote" else "speech"
        if " " in verb:
            lemma, particle = verb.split(" ", 1)
            phrasal[(lemma, particle)] = kind
        else:
            (quote_only if kind == "quote" else speech).add(verb)
    for verb, _ in read_entries("cue_thought_verbs.txt"):
        if " " in verb:
            lemma, particle = verb.split(" ", 1)
            phrasal[(lemma, particle)] = "thought"
        else:
            thought.add(verb)
    frames: dict[str, set[str]] = {}
    for verb, slot in read_entries("cue_frames.txt"):
        frames.setdefault(verb, set()).add(slot or "object")
    naming = frozenset(v for v, _ in read_entries("cue_naming_verbs.txt"))
    preps = tuple(sorted((tuple(e.split()) for e, _ in read_entries("cue_phrases.txt")), key=len, reverse=True))
    return CueLexicon(frozenset(speech), frozenset(quote_only), frozenset(thought), phrasal,
                      {k: frozenset(v) for k, v in frames.items()}, naming, preps)
