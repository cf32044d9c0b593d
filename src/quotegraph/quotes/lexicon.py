"""The cue lexicon: reporting verbs, verbs of thought, and prepositional cues, read from package data."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token


def _entries(name: str) -> list[str]:
    raw = resources.files("quotegraph").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.append(" ".join(line.split()))
    return out


@dataclass(frozen=True)
class CueLexicon:
    """Which words report speech (`speech`) or thought (`thought`); phrasal verbs keep their particle."""

    speech: frozenset[str]
    thought: frozenset[str]
    phrasal_speech: frozenset[tuple[str, str]]  # (lemma, particle): "point out"
    phrasal_thought: frozenset[tuple[str, str]]
    prepositions: tuple[tuple[str, ...], ...]  # "according to", longest first
    naming: frozenset[str]  # verbs that quote a name or label: "called it "a disaster""

    def verb_cue(self, tok: Token, thought: bool = False) -> tuple[int, int] | None:
        """The cue span (verb plus particle) when `tok` is a reporting verb, else None.

        With thought=True verbs of thought and finding count too (for reported, unquoted speech).
        """
        if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB"):
            return None
        lemma = tok.lemma_.lower()
        for child in tok.children:
            if child.dep_ == "prt":
                pair = (lemma, child.lower_)
                if pair in self.phrasal_speech or (thought and pair in self.phrasal_thought):
                    return (min(tok.idx, child.idx), max(tok.idx + len(tok), child.idx + len(child)))
        if lemma in self.speech or (thought and lemma in self.thought):
            return (tok.idx, tok.idx + len(tok))
        return None


def _split(entries: list[str]) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    single = frozenset(e for e in entries if " " not in e)
    phrasal = frozenset(tuple(e.split(" ", 1)) for e in entries if " " in e)
    return single, phrasal  # type: ignore[return-value]


@cache
def cue_lexicon() -> CueLexicon:
    speech, phrasal_speech = _split(_entries("cue_verbs.txt"))
    thought, phrasal_thought = _split(_entries("cue_thought_verbs.txt"))
    preps = tuple(sorted((tuple(e.split()) for e in _entries("cue_phrases.txt")), key=len, reverse=True))
    naming = frozenset(_entries("cue_naming_verbs.txt"))
    return CueLexicon(speech, thought, phrasal_speech, phrasal_thought, preps, naming)
