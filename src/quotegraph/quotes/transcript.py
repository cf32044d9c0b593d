"""Transcript turns: body paragraphs that open with a speaker's label in capitals and a colon.

Broadcast and interview transcripts print each turn as `WALLACE: Let's start with ...` or
`JAKE TAPPER: ...`, sometimes inside one quotation that reopens at every paragraph. The label is
the turn's source and the colon its cue. A label counts only in a transcript: the article has at
least two turns, and each label either recurs or is the surname of a person the text names (so a
dateline `PARIS:`, a one-off `UPDATE:` or `EXCLUSIVE:` is no speaker). A label holding a function
word (`THE FACTS:`, `STAT OF THE WEEK:`) is a heading, not a name, and `DEAR ABBY:` opens a letter to
Abby, not a turn of hers.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from spacy.tokens import Doc

from ..nlp import ParsedArticle
from .marks import opens_with_mark

# one to four words in capitals (initials and hyphenated names too), then a colon and the words
_LABEL = re.compile(r"[\"\u201c\u201e\u00ab]?[ \t]*((?:[A-Z][A-Z'\u2019.\-]*[A-Z.])(?:[ \t]+[A-Z][A-Z'\u2019.\-]*[A-Z.]){0,3})"
                    r"[ \t]*:[ \t]+(?=[^\W\d_]|[\"\u201c'\u2018(\[])")
_MIN_TURNS = 2
_SALUTATION = "dear"  # "DEAR ABBY:" opens a letter: the label is who is written to, not who speaks


@dataclass(frozen=True)
class Turn:
    """One turn: who speaks (the label), the colon, and the words, in one body paragraph."""

    paragraph: int  # index into the article's body paragraphs
    label: tuple[int, int]
    colon: tuple[int, int]
    start: int  # the words after the colon
    end: int
    marked: bool  # the paragraph opens with a quotation mark (the transcript is quoted)


def person_words(doc: Doc, start: int = 0) -> set[str]:
    """The words, lower-cased, of the names spaCy reads as people from character `start` on."""
    return {t.lower_ for e in doc.ents if e.label_ == "PERSON" and e.start_char >= start for t in e if t.is_alpha}


def _key(label: str) -> str:
    """The label's surname, in lower case: 'JAKE TAPPER' and 'TAPPER' are one speaker."""
    return label.split()[-1].strip(".").lower()


def find_turns(parsed: ParsedArticle) -> dict[int, Turn]:
    """The article's transcript turns, by body paragraph index (none unless it holds a transcript)."""
    text = parsed.article.text
    found: list[tuple[int, re.Match]] = []
    for k, b in enumerate(parsed.article.paragraphs):
        m = _LABEL.match(text, b.start, b.end)
        if m is None or sum(c.isalpha() for c in m.group(1)) < 2:
            continue
        words = [w.strip(".").lower() for w in m.group(1).split()]
        if words[0] == _SALUTATION or any(w in STOP_WORDS for w in words):
            continue
        found.append((k, m))
    if len(found) < _MIN_TURNS:
        return {}
    counts = Counter(_key(m.group(1)) for _, m in found)
    surnames = person_words(parsed.doc)
    turns: dict[int, Turn] = {}
    for k, m in found:
        key = _key(m.group(1))
        if counts[key] < 2 and key not in surnames:
            continue
        b = parsed.article.paragraphs[k]
        end = b.end
        while end > m.end() and (text[end - 1].isspace() or text[end - 1] in "\"\u201d\u00bb"):
            end -= 1
        colon = text.index(":", m.end(1))
        turns[k] = Turn(k, m.span(1), (colon, colon + 1), m.end(), end,
                        opens_with_mark(text, parsed.article.paragraphs, k))
    return turns if len(turns) >= _MIN_TURNS else {}
