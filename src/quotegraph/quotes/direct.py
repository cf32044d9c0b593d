"""Quoted words: which marked spans are quotations, their cue and source, and direct versus partial.

A marked span is attributed by the reporting verb the parse hangs it on (`"...," she said`, `she
said the plan was "a disaster"`), or failing that by a reporting verb right beside its marks in the
same sentence, or by "according to X". Spans joined only by a cue clause (`"...," she explained.
"..."`) and the paragraphs of one running quote share their cue and source. A span nobody is said to
have spoken that reads like a title or a scare quote (a few words, or every word capitalized) is
dropped: `the show "Friends"` is not a quotation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..nlp import ParsedArticle
from .lexicon import CueLexicon, cue_lexicon
from .marks import MarkedSpan, find_marked_spans
from .source import mention_span, subject_of

_MAX_HOPS = 4  # how far up the parse a quote may hang from its reporting verb
_MAX_CUE_CLAUSE = 10  # words in a cue clause between two pieces of one quote ("she said about Ashley")
_MIN_UNCUED_WORDS = 4  # an unattributed span shorter than this is a scare quote or a title
_MAX_HOPS_SHORT = 2  # ... unless it hangs this close to a reporting verb ("called it "a disaster"")
_TITLE_MAX_WORDS = 12  # a longer run of capitalized words is a headline-style quote, not a title
_BYLINE_AFTER = re.compile(r"\s*,?\s*by\s+[A-Z]")
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "from", "by",
                "is", "as", "vs", "vs.", "de", "la", "le"}


@dataclass
class Attribution:
    """Who the syntax says spoke a quote, and the words that say so."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    verb: Token | None  # the reporting verb, when the cue is one
    hops: int = 1  # arcs from the quoted words up to the verb; 0 when only nearness links them


@dataclass
class QuotedPiece:
    """One marked span judged to be a quotation, with what attributes it."""

    span: MarkedSpan
    kind: str  # direct or partial
    attribution: Attribution | None
    group: int  # pieces of one quotation (interrupted by its cue, or over several paragraphs) share it


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    sp = doc.char_span(start, end, alignment_mode="expand")
    return list(sp) if sp is not None else []


class _Inside:
    """Which character offsets lie inside some marked span (a cue is never inside quoted words)."""

    def __init__(self, spans: list[MarkedSpan]):
        self.bounds = sorted((s.start, s.end) for s in spans)

    def __call__(self, tok: Token) -> bool:
        i = tok.idx
        for s, e in self.bounds:
            if s <= i < e:
                return True
            if s > i:
                return False
        return False


def _attribution_of_verb(verb: Token, cue: tuple[int, int], inside: _Inside, hops: int = 1) -> Attribution:
    subj = subject_of(verb, inside)
    return Attribution(cue, mention_span(subj) if subj is not None else None, verb, hops)


def _according_to(toks: list[Token], lex: CueLexicon, inside: _Inside) -> Attribution | None:
    """"according to X" (or another prepositional cue) among `toks`: X is the source."""
    for t in toks:
        if inside(t):
            continue
        for phrase in lex.prepositions:
            n = len(phrase)
            if t.i + n > len(t.doc):
                continue
            words = t.doc[t.i:t.i + n]
            if tuple(w.lower_ for w in words) != phrase:
                continue
            last = words[-1]
            obj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if obj is None and last.i + 1 < len(t.doc):
                nxt = t.doc[last.i + 1]
                obj = nxt if nxt.pos_ in ("PROPN", "NOUN", "PRON") else None
            cue = (words[0].idx, last.idx + len(last))
            return Attribution(cue, mention_span(obj) if obj is not None else None, None, 0)
    return None


def _sentence_tokens(doc: Doc, toks: list[Token]) -> list[Token]:
    first, last = toks[0].sent, toks[-1].sent
    return list(doc[first.start:last.end])


def attribute_span(doc: Doc, span: MarkedSpan, inside: _Inside, lex: CueLexicon) -> Attribution | None:
    """The reporting verb (or prepositional cue) that attributes one marked span, if its sentence has one."""
    toks = _tokens(doc, span.start, span.end)
    if not toks:
        return None
    in_quote = {t.i for t in toks}
    best: tuple[int, int, Token, tuple[int, int]] | None = None  # (hops, distance, verb, cue)

    def consider(verb: Token, hops: int):
        nonlocal best
        if verb.i in in_quote or inside(verb):
            return
        cue = lex.verb_cue(verb)
        if cue is None:
            return
        dist = span.start - verb.idx if verb.idx < span.start else verb.idx - span.end
        key = (hops, dist, verb, cue)
        if best is None or key[:2] < best[:2]:
            best = key

    for t in toks:
        h, hops = t, 0
        while h.head.i != h.i and hops < _MAX_HOPS:
            h, hops = h.head, hops + 1
            if h.i in in_quote:
                continue
            if lex.verb_cue(h) and not inside(h):
                consider(h, hops)
                break
        for c in t.children:
            if c.i not in in_quote:
                consider(c, 1)
    if best is not None:
        return _attribution_of_verb(best[2], best[3], inside, best[0])
    sent = _sentence_tokens(doc, toks)
    prep = _according_to(sent, lex, inside)
    if prep is not None:
        return prep
    # a reporting verb beside the marks, the parse notwithstanding
    after, before = _after_marks(doc, span, inside), _before_marks(doc, span, inside)
    for verb in [t for t in after if lex.verb_cue(t)][:1] + [t for t in reversed(before) if lex.verb_cue(t)][:1]:
        return _attribution_of_verb(verb, lex.verb_cue(verb), inside, 0)
    return None


_CLAUSE_END = {".", "?", "!", ";"}


def _after_marks(doc: Doc, span: MarkedSpan, inside: _Inside) -> list[Token]:
    """The words after the closing mark up to the end of the sentence, when the quote's own
    punctuation hands over to them ('"...," she said.' or '"...?" asked Smith.')."""
    content = doc.text[span.start:span.end].rstrip()
    if not span.closed or not content or content[-1] not in ",?!-\u2014\u2013\u2026":
        return []
    out = []
    k = _token_at(doc, span.mark_end)
    while k is not None and k < len(doc):
        t = doc[k]
        if inside(t) or t.text in _CLAUSE_END or "\n" in t.text or t.is_quote:
            break
        out.append(t)
        k += 1
    return out


def _before_marks(doc: Doc, span: MarkedSpan, inside: _Inside) -> list[Token]:
    """The words before the opening mark back to the sentence start, when they lead into it
    ('She said, "..."', 'He added: "..."', 'As she put it, "..."')."""
    k = _token_at(doc, span.mark_start)
    if k is None or k == 0:
        return []
    k -= 1
    if doc[k].text not in (",", ":") and not doc[k].is_alpha:
        return []
    out = []
    while k >= 0:
        t = doc[k]
        if inside(t) or t.text in _CLAUSE_END or "\n" in t.text or t.is_quote:
            break
        out.append(t)
        k -= 1
    return out[::-1]


def _token_at(doc: Doc, char: int) -> int | None:
    """Index of the first token starting at or after `char`."""
    sp = doc.char_span(char, len(doc.text), alignment_mode="expand")
    return sp.start if sp is not None else None


def _cut_at_cue_clause(doc: Doc, span: MarkedSpan, lex: CueLexicon) -> Token | None:
    """For a span that ran into the next opening mark unclosed, find the cue clause at its tail
    (`..., she explained.`), cut the span before it and return the reporting verb."""
    toks = _tokens(doc, span.start, span.end)
    for k in range(len(toks) - 1, 0, -1):
        if toks[k].text != ",":
            continue
        tail = toks[k + 1:]
        words = [t for t in tail if not t.is_punct]
        if not words or len(words) > _MAX_CUE_CLAUSE:
            return None
        verbs = [t for t in words if lex.verb_cue(t)]
        if verbs:
            span.end = toks[k].idx
            while span.end > span.start and doc.text[span.end - 1].isspace():
                span.end -= 1
            return verbs[0]
    return None


def _partial(text: str, span: MarkedSpan) -> bool:
    """A few quoted words inside the writer's own sentence, rather than a quoted statement."""
    if span.continues:
        return False
    i = span.mark_start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    before = text[i] if i >= 0 else "\n"
    content = text[span.start:span.end]
    if before in "\n:" or (before in ".?!" and content[:1].isupper()):
        return False
    if before == ",":
        return content[:1].islower() and not _ends_sentence(content)
    sentence_like = (content[:1].isupper() or content[:1] in "[\u2026") and _ends_sentence(content)
    return not sentence_like


def _ends_sentence(content: str) -> bool:
    return content.rstrip()[-1:] in ".?!,\u2026-\u2014"


def looks_like_title(words: list[str]) -> bool:
    """Every word capitalized (small words aside): a title or a name, not speech."""
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def find_quoted_pieces(parsed: ParsedArticle, lex: CueLexicon | None = None) -> list[QuotedPiece]:
    """Marked spans that are quotations, each with its kind and attribution, in text order."""
    lex = lex or cue_lexicon()
    doc, text = parsed.doc, parsed.article.text
    spans = find_marked_spans(text, parsed.article.paragraphs)
    inside = _Inside(spans)
    pieces: list[QuotedPiece] = []
    group = -1
    prev: MarkedSpan | None = None  # the last span kept as a quotation
    prev_attr: Attribution | None = None
    for span in spans:
        cut_verb = _cut_at_cue_clause(doc, span, lex) if span.interrupted else None
        attr = attribute_span(doc, span, inside, lex)
        if cut_verb is not None and (attr is None or attr.verb is None or attr.verb.i != cut_verb.i):
            attr = _attribution_of_verb(cut_verb, lex.verb_cue(cut_verb), inside)
        joined = prev is not None and prev_attr is not None and (
            span.continues or (prev.paragraph == span.paragraph and (
                (attr is not None and attr.verb is not None and prev_attr.verb is not None
                 and attr.verb.i == prev_attr.verb.i)
                or (attr is None and _same_speaker_goes_on(doc, prev, span, prev_attr, inside, lex)))))
        if joined and attr is None:
            attr = prev_attr
        if attr is None and not joined:
            attr = _introduced_before(doc, span, inside, lex)
        kind = "partial" if _partial(text, span) else "direct"
        if not joined and not _is_quotation(text, span, kind, attr, lex):
            continue
        if not joined:
            group += 1
        pieces.append(QuotedPiece(span, kind, attr, group))
        prev, prev_attr = span, attr
    return pieces


def _introduced_before(doc: Doc, span: MarkedSpan, inside: _Inside, lex: CueLexicon) -> Attribution | None:
    """A quote that opens a sentence, introduced by the sentence before it: 'He added that ... . "..."'
    in the same paragraph, or a paragraph ending in a colon ('Smith said of the plan:') before it."""
    k = _token_at(doc, span.mark_start)
    if k is None or k == 0:
        return None
    j = k - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0:
        return None
    last = doc[j]
    new_paragraph = "\n" in doc.text[last.idx + len(last):span.mark_start]
    if new_paragraph and last.text != ":":
        return None
    if not new_paragraph and last.text not in (".", ":", "!", "?") and not last.is_quote:
        return None
    sent = last.sent
    verbs = [t for t in sent if not inside(t) and lex.verb_cue(t)]
    if not verbs:
        return None
    if last.text != ":":
        verbs = [t for t in verbs if t.dep_ == "ROOT"]
        if not verbs:
            return None
    verb = verbs[-1]
    return _attribution_of_verb(verb, lex.verb_cue(verb), inside, 0)


def _is_quotation(text: str, span: MarkedSpan, kind: str, attr: Attribution | None, lex: CueLexicon) -> bool:
    """Whether a marked span is someone's words rather than a title, a name, a scare quote or markup.

    A title-case phrase is a quotation only when set off as a statement by its cue ('"Big League
    Truth," he said') or named by a naming verb ('called him "Little Marco"'); a short lowercase
    phrase only when it hangs close to a reporting verb ('doesn't "want to wish for anything"').
    """
    before = text[span.mark_start - 1:span.mark_start] if span.mark_start > 0 else ""
    if before == "=":  # an attribute value in leftover markup: author="..."
        return False
    if attr is None or attr.verb is None:
        if _BYLINE_AFTER.match(text, span.mark_end):  # a headline: '"...," by Jane Doe'
            return False
    words = _WORD.findall(text[span.start:span.end])
    if looks_like_title(words) and len(words) < _TITLE_MAX_WORDS:
        if attr is None or attr.verb is None:
            return False
        if attr.verb.lemma_.lower() in lex.naming:
            return 0 < attr.hops <= _MAX_HOPS_SHORT
        return kind == "direct" and attr.hops == 1
    if len(words) < _MIN_UNCUED_WORDS:
        return attr is not None and 0 < attr.hops <= _MAX_HOPS_SHORT
    return True


def _same_speaker_goes_on(doc: Doc, prev: MarkedSpan, span: MarkedSpan, prev_attr: Attribution,
                          inside: _Inside, lex: CueLexicon) -> bool:
    """Whether an unattributed span continues the previous quotation of its paragraph: the words
    between them are that quotation's cue clause ('"...," she said about Ashley. "..."') or nothing."""
    between = [t for t in _tokens(doc, prev.mark_end, span.mark_start) if not inside(t) and not t.is_quote]
    words = [t for t in between if not t.is_punct and not t.is_space]
    if len(words) <= 1:
        return True
    other_cues = [t for t in words if lex.verb_cue(t) and t.i != prev_attr.verb.i]
    return not other_cues and any(t.i == prev_attr.verb.i for t in words)
