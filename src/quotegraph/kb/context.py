"""Text around a span: the sentence a quote sits in (for "quotes about X") and what a work is called.

The store keeps no parse, so sentences are found the way a reader skims: from a span
outwards to the nearest sentence end (. ! ? followed by a space and a capital, a quote
mark or a digit) or paragraph edge.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .names import word_list

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")


def paragraph_bounds(text: str, paragraphs: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The paragraph holding `pos`: one of `paragraphs` when given, else the text between blank lines."""
    if paragraphs:
        starts = [p[0] for p in paragraphs]
        i = bisect_right(starts, pos) - 1
        if i >= 0 and paragraphs[i][0] <= pos < max(paragraphs[i][1], paragraphs[i][0] + 1):
            return paragraphs[i]
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def sentence_span(text: str, start: int, end: int, paragraphs: list[tuple[int, int]]) -> tuple[int, int]:
    """The sentence(s) around [start, end): from the sentence end before it to the one after it."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    p_start, _ = paragraph_bounds(text, paragraphs, start)
    _, p_end = paragraph_bounds(text, paragraphs, max(start, end - 1))
    p_start, p_end = min(p_start, start), max(p_end, end)
    s = p_start
    for m in _SENTENCE_END.finditer(text, p_start, start):
        s = m.end()
    after = _SENTENCE_END.search(text, end, p_end)
    e = after.start() + 1 if after else p_end
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, max(e, end)


def work_kind_hint(text: str, mentions: list[tuple[int, int]], name: str) -> str | None:
    """What kind of work the text calls this one ("TV series", "film", ...), by the words beside its mentions."""
    kinds = word_list("kb_work_kinds.txt")
    votes: dict[str, int] = {}
    last_word = name.split()[-1].lower() if name.split() else ""
    if last_word in kinds:  # "Ratatouille: The TikTok Musical"
        votes[kinds[last_word]] = 3
    for start, end in mentions[:20]:
        before = _WORD.findall(text[max(0, start - 40):start])[-3:]
        after = _WORD.findall(text[end:end + 40])[:4]
        for w in before + after:
            kind = kinds.get(w.lower())
            if kind:
                votes[kind] = votes.get(kind, 0) + 1
    if not votes:
        return None
    return max(sorted(votes), key=lambda k: votes[k])
