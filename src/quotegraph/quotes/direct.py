"""Quoted words: which marked spans are quotations, their cue and source, and direct versus partial.

A marked span is attributed, in order of trust, by: the reporting verb the parse hangs it on
(`"...," she said`, `she said the plan was "a disaster"`); "according to X" in its sentence; a
reporting verb right beside its marks, the parse notwithstanding; a verb of thought or stance it
hangs from (`Comey indicated she "should have known"`); the clause a colon closes before it
(`Perez lobbies for a raise: "..."`); or the sentence or colon-ended paragraph just before it.
Pieces joined only by a cue clause (`"...," she explained. "..."`) and the paragraphs of one
running quote are one quotation and share their cue and source. A span nobody is said to have
spoken that reads like a title or a scare quote (a few words, or every word capitalized) is
dropped: `the show "Friends"` is not a quotation.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..nlp import ParsedArticle
from ..result import QuoteKind
from .docindex import DocIndex
from .lexicon import CueLexicon, cue_lexicon
from .marks import MarkedSpan, find_marked_spans
from .source import advcl_opened_by, mention_span, prepositional_cue, subject_of

_MAX_HOPS = 4  # how far up the parse a quote may hang from its reporting verb
_MAX_CUE_CLAUSE = 10  # words in a cue clause between two pieces of one quote ("she said about Ashley")
_MIN_UNCUED_WORDS = 4  # an unattributed span shorter than this is a scare quote or a title
_MAX_HOPS_SHORT = 4  # ... unless it hangs this close to a reporting verb ("called it "a disaster"")
_TITLE_MAX_WORDS = 12  # a longer run of capitalized words is a headline-style quote, not a title
_BYLINE_AFTER = re.compile(r"\s*,?\s*by\s+[A-Z]")
# an owner's possessive ("CNN's", "the network's") or "on"/"of" before a title-case phrase makes it a title
# ('on "Meet the Press"', 'a broadcast of "Fox News Sunday"')
_NAMED_AFTER = re.compile(r"(?:\w['\u2019]s|\b(?:of|on))[ \t\u00a0]*\Z")
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# a transcript's note of what happened rather than what was said: "(CROSSTALK.)", "[APPLAUSE]"
_STAGE_DIRECTION = re.compile(r"\s*[(\[][^()\[\]]+[)\]][.!?,]?\s*$")
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


class _Inside:
    """Which tokens lie inside some marked span (a cue or a source is never inside quoted words)."""

    def __init__(self, spans: list[MarkedSpan]):
        self.starts = [s.start for s in sorted(spans, key=lambda s: s.start)]
        self.ends = [s.end for s in sorted(spans, key=lambda s: s.start)]

    def __call__(self, tok: Token) -> bool:
        k = bisect_right(self.starts, tok.idx) - 1
        return k >= 0 and tok.idx < self.ends[k]


@dataclass
class _Context:
    """One article's text, parse and marked spans, with the lookups every step needs."""

    text: str
    doc: Doc
    index: DocIndex
    inside: _Inside
    lex: CueLexicon

    def attribution_of_verb(self, verb: Token, hops: int = 1) -> Attribution:
        subj = subject_of(verb, self.inside)
        cue = self.lex.verb_cue(verb) or self.lex.verb_cue(verb, reported=True) or (verb.idx, verb.idx + len(verb))
        return Attribution(cue, mention_span(subj) if subj is not None else None, verb, hops)

    def cue_verb(self, tok: Token) -> bool:
        return not self.inside(tok) and self.lex.verb_cue(tok) is not None

    def stance_verb(self, tok: Token) -> bool:
        """A verb of thought or one that states a position (indicated, vowed to, denounced); not a bare
        participle hung on a noun ('"super PACs" supported by donors': what is done to them, not a stance)."""
        if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            return False
        return self.lex.verb_cue(tok, reported=True) is not None or bool(self.lex.frames_of(tok))


def _hung_from(ctx: _Context, span: MarkedSpan, toks: list[Token], is_cue) -> tuple[Token, int] | None:
    """The nearest verb passing `is_cue` that the parse hangs the quoted words from (or that hangs
    from them), with the number of arcs between."""
    in_quote = {t.i for t in toks}
    best: tuple[int, int, Token] | None = None  # (hops, distance, verb)

    def consider(verb: Token, hops: int):
        nonlocal best
        if verb.i in in_quote or ctx.inside(verb) or not is_cue(verb):
            return
        dist = span.start - verb.idx if verb.idx < span.start else verb.idx - span.end
        if best is None or (hops, dist) < best[:2]:
            best = (hops, dist, verb)

    for t in toks:
        h, hops = t, 0
        while h.head.i != h.i and hops < _MAX_HOPS:
            h, hops = h.head, hops + 1
            if h.i not in in_quote and not ctx.inside(h) and is_cue(h):
                consider(h, hops)
                break
        for c in t.children:
            # a clause hung from the quoted words that sets their scene does not report them ('"...,"
            # when Lee pressed him'); one the quote hangs from does ('when she said "..."')
            if c.i not in in_quote and not _circumstance(c):
                consider(c, 1)
    return (best[2], best[0]) if best is not None else None


def attribute_span(ctx: _Context, span: MarkedSpan) -> Attribution | None:
    """The reporting verb (or prepositional cue) that attributes one marked span, if its sentence has one."""
    toks = ctx.index.tokens(span.start, span.end)
    if not toks:
        return None
    in_quote = {t.i for t in toks}
    found = _hung_from(ctx, span, toks, lambda t: ctx.lex.verb_cue(t) is not None)
    if found is not None:
        return ctx.attribution_of_verb(*found)
    first, last = ctx.index.sentence(toks[0].i), ctx.index.sentence(toks[-1].i)
    for t in ctx.doc[first.start:last.end]:
        if t.i in in_quote or ctx.inside(t):
            continue
        prep = prepositional_cue(t, ctx.lex.prepositions)
        if prep is not None:
            cue, obj = prep
            return Attribution(cue, mention_span(obj) if obj is not None else None, None, 0)
    # a reporting verb beside the marks, the parse notwithstanding
    after = [t for t in _after_marks(ctx, span) if ctx.cue_verb(t) and not _circumstance(t)]
    before_marks = _before_marks(ctx, span)
    before = [t for t in before_marks if ctx.cue_verb(t)]
    if after:
        return ctx.attribution_of_verb(after[0], 0)
    if before:
        return ctx.attribution_of_verb(before[-1], 0)
    # words quoted inside a stated position: 'Comey indicated that she "should have known ..."'
    found = _hung_from(ctx, span, toks, ctx.stance_verb)
    if found is not None:
        return ctx.attribution_of_verb(*found)
    if before_marks and before_marks[-1].text == ":":
        return _colon_intro(ctx, before_marks)
    return None


def _colon_intro(ctx: _Context, before: list[Token]) -> Attribution | None:
    """'Perez lobbies for a higher minimum wage: "..."': the subject of the clause the colon closes."""
    colon = before[-1]
    root = ctx.index.sentence(colon.i).root
    if root.i > colon.i or root.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject_of(root, ctx.inside)
    if subj is None or subj.pos_ not in ("PROPN", "PRON") or subj.lower_ in ("it", "this", "that", "there"):
        return None
    return Attribution((colon.idx, colon.idx + 1), mention_span(subj), root, 0)


_CLAUSE_END = {".", "?", "!", ";"}
# subordinators of time, cause and condition: a clause they open sets the scene of the quote
# ('"...," when Lee pressed him'), it does not report it
_CIRCUMSTANCE_MARKS = {"when", "whenever", "while", "after", "before", "because", "since", "if", "until", "once"}


def _circumstance(verb: Token) -> bool:
    return advcl_opened_by(verb, _CIRCUMSTANCE_MARKS, ("mark", "advmod"))  # "when" is often an advmod


def _stops_context(t: Token, ctx: _Context) -> bool:
    return ctx.inside(t) or t.text in _CLAUSE_END or "\n" in t.text or t.is_quote


def _after_marks(ctx: _Context, span: MarkedSpan) -> list[Token]:
    """The words after the closing mark up to the end of the sentence, when the quote's own
    punctuation hands over to them ('"...," she said.' or '"...?" asked Smith.')."""
    content = ctx.text[span.start:span.end].rstrip()
    if not span.closed or not content or content[-1] not in ",?!-\u2014\u2013\u2026":
        return []
    out = []
    k = ctx.index.token_at(span.mark_end)
    while k is not None and k < len(ctx.doc) and not _stops_context(ctx.doc[k], ctx):
        out.append(ctx.doc[k])
        k += 1
    return out


def _before_marks(ctx: _Context, span: MarkedSpan) -> list[Token]:
    """The words before the opening mark back to the sentence start, when they lead into it
    ('She said, "..."', 'He added: "..."', 'As she put it, "..."')."""
    k = ctx.index.token_at(span.mark_start)
    if k is None or k == 0:
        return []
    k -= 1
    if ctx.doc[k].text not in (",", ":") and not ctx.doc[k].is_alpha:
        return []
    out = []
    while k >= 0 and not _stops_context(ctx.doc[k], ctx):
        out.append(ctx.doc[k])
        k -= 1
    return out[::-1]


def _cut_at_cue_clause(ctx: _Context, span: MarkedSpan) -> Token | None:
    """For a span that ran into the next opening mark unclosed, find the cue clause at its tail
    (`..., she explained.`), cut the span before it and return the reporting verb."""
    toks = ctx.index.tokens(span.start, span.end)
    for k in range(len(toks) - 1, 0, -1):
        if toks[k].text != ",":
            continue
        words = [t for t in toks[k + 1:] if not t.is_punct and not t.is_space]
        if not words or len(words) > _MAX_CUE_CLAUSE:
            return None
        verbs = [t for t in words if ctx.lex.verb_cue(t)]
        if verbs:
            span.end = toks[k].idx
            while span.end > span.start and ctx.text[span.end - 1].isspace():
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
    text = parsed.article.text
    spans = find_marked_spans(text, parsed.article.paragraphs)
    ctx = _Context(text, parsed.doc, DocIndex(parsed.doc), _Inside(spans), lex or cue_lexicon())
    cut_verbs = {id(span): _cut_at_cue_clause(ctx, span) for span in spans if span.interrupted}
    ctx.inside = _Inside(spans)  # the cuts moved some ends
    pieces: list[QuotedPiece] = []
    group = -1
    prev: MarkedSpan | None = None  # the last span kept as a quotation
    prev_attr: Attribution | None = None
    for span in spans:
        if _STAGE_DIRECTION.match(text, span.start, span.end):
            if prev is not None and prev.paragraph == span.paragraph - 1:
                prev = span  # "(CROSSTALK.)" between two paragraphs of a running quote neither ends nor joins it
            continue
        cut_verb = cut_verbs.get(id(span))
        attr = attribute_span(ctx, span)
        if cut_verb is not None and (attr is None or attr.verb is None or attr.verb.i != cut_verb.i):
            attr = ctx.attribution_of_verb(cut_verb)
        runs_on = span.continues and prev is not None and not prev.closed and prev.paragraph == span.paragraph - 1
        same_cue = goes_on = False
        if prev is not None and prev_attr is not None and prev.paragraph == span.paragraph:  # the same paragraph
            same_cue = attr is not None and attr.verb is not None and prev_attr.verb is not None \
                and attr.verb.i == prev_attr.verb.i
            goes_on = attr is None and _same_speaker_goes_on(ctx, prev, span, prev_attr)
        joined = runs_on or same_cue or goes_on
        if joined and attr is None:
            attr = prev_attr
        if attr is None and not joined:
            attr = _introduced_before(ctx, span)
        kind = QuoteKind.partial if _partial(text, span) else QuoteKind.direct
        if not joined and not _is_quotation(text, span, kind, attr, ctx.lex) or _owned_title(text, span):
            continue
        if not joined:
            group += 1
        pieces.append(QuotedPiece(span, kind, attr, group))
        prev, prev_attr = span, attr
    return pieces


def _introduced_before(ctx: _Context, span: MarkedSpan) -> Attribution | None:
    """A quote that opens a sentence, introduced by the sentence before it: 'He added that ... . "..."'
    in the same paragraph, or a paragraph ending in a colon ('Smith said of the plan:') before it."""
    k = ctx.index.token_at(span.mark_start)
    if k is None or k == 0:
        return None
    j = k - 1
    while j >= 0 and ctx.doc[j].is_space:
        j -= 1
    if j < 0:
        return None
    last = ctx.doc[j]
    new_paragraph = "\n" in ctx.text[last.idx + len(last):span.mark_start]
    if new_paragraph and last.text != ":":
        return None
    if not new_paragraph and last.text not in (".", ":", "!", "?") and not last.is_quote:
        return None
    verbs = [t for t in ctx.index.sentence(j) if ctx.cue_verb(t)]
    if last.text != ":":
        verbs = [t for t in verbs if t.dep_ == "ROOT"]
    if not verbs:
        return None
    return ctx.attribution_of_verb(verbs[-1], 0)


def _is_quotation(text: str, span: MarkedSpan, kind: str, attr: Attribution | None, lex: CueLexicon) -> bool:
    """Whether a marked span is someone's words rather than a title, a name, a scare quote or markup.

    A title-case phrase is a quotation only when set off as a statement by its cue ('"Big League
    Truth," he said') or named by a naming verb ('called him "Little Marco"'); a short lowercase
    phrase only when it hangs close to a reporting verb ('doesn't "want to wish for anything"').
    """
    before = text[span.mark_start - 1:span.mark_start] if span.mark_start > 0 else ""
    if before == "=":  # an attribute value in leftover markup: author="..."
        return False
    if (attr is None or attr.verb is None) and _BYLINE_AFTER.match(text, span.mark_end):
        return False  # a headline: '"...," by Jane Doe'
    words = _WORD.findall(text[span.start:span.end])
    if looks_like_title(words) and len(words) < _TITLE_MAX_WORDS:
        if attr is None or attr.verb is None:
            return False
        if attr.verb.lemma_.lower() in lex.naming:
            return 0 < attr.hops <= _MAX_HOPS_SHORT
        return kind == QuoteKind.direct and attr.hops == 1
    if len(words) < _MIN_UNCUED_WORDS:
        return attr is not None and 0 < attr.hops <= _MAX_HOPS_SHORT
    return True


def _owned_title(text: str, span: MarkedSpan) -> bool:
    """A title-case phrase after an owner's possessive, "on" or "of" is a title, even beside a quote's cue
    ('..." Pence said on CNN's "State of the Union."', 'Lee said on "Meet the Press" that ...')."""
    if not _NAMED_AFTER.search(text, max(0, span.mark_start - 20), span.mark_start):
        return False
    words = _WORD.findall(text[span.start:span.end])
    return looks_like_title(words) and len(words) < _TITLE_MAX_WORDS


def _same_speaker_goes_on(ctx: _Context, prev: MarkedSpan, span: MarkedSpan, prev_attr: Attribution) -> bool:
    """Whether an unattributed span continues the previous quotation of its paragraph: the words
    between them are that quotation's cue clause ('"...," she said about Ashley. "..."') or nothing."""
    words = [t for t in ctx.index.tokens(prev.mark_end, span.mark_start)
             if not ctx.inside(t) and not t.is_quote and not t.is_punct and not t.is_space]
    if len(words) <= 1:
        return True
    if prev_attr.verb is None:
        return False
    other_cues = [t for t in words if ctx.lex.verb_cue(t) and t.i != prev_attr.verb.i]
    return not other_cues and any(t.i == prev_attr.verb.i for t in words)
