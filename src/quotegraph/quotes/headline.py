"""A headline that credits its claim to someone by name: `Pence: Flowers Won't Be at the Debate`.

The name before the colon is the source and the colon the cue; the claim after it is reported
speech (kind indirect). The name must be a person the article's body names (every word of it in
a person's name there), so `Wimbledon: Muguruza beats Williams`, `Poll: ...` or `Watch: ...` are
headings, not attributions. A claim wholly inside quotation marks is left alone (a headline
repeats a quote the body gives in full), and so is a question (`Jane Roe: Reformer or Insider?`).
"""
from __future__ import annotations

import re

from ..nlp import ParsedArticle
from ..result import QuoteKind
from .candidate import QuoteCandidate
from .transcript import person_words

_LABEL = re.compile(r"[ \t]*([A-Z][\w'\u2019.\-]*(?:[ \t]+[A-Z][\w'\u2019.\-]*){0,3})[ \t]*:[ \t]+(\S.*\S)[ \t]*")
_MIN_CLAIM_WORDS = 3
_OPENING = "\"'\u201c\u2018\u00ab"
_CLOSING = "\"'\u201d\u2019\u00bb"


def find_headline_claims(parsed: ParsedArticle) -> list[QuoteCandidate]:
    """The headline's claim credited to a person named before its colon, if it has one."""
    text = parsed.article.text
    titles = [b for b in parsed.article.blocks if b.kind == "title"]
    if not titles:
        return []
    people: set[str] | None = None
    out = []
    for b in titles:
        m = _LABEL.fullmatch(text, b.start, b.end)
        if m is None or len(m.group(2).split()) < _MIN_CLAIM_WORDS:
            continue
        claim = m.group(2).rstrip(".")
        if claim[:1] in _OPENING and claim[-1:] in _CLOSING or claim.endswith("?"):
            continue  # a quote given in full below, or a question put about the person
        if people is None:
            people = person_words(parsed.doc, b.end)
        if not all(w.lower() in people for w in m.group(1).split()):
            continue
        colon = text.index(":", m.end(1))
        out.append(QuoteCandidate(QuoteKind.indirect, m.start(2), m.start(2) + len(claim), cue=(colon, colon + 1),
                                  source=m.span(1)))
    return out
