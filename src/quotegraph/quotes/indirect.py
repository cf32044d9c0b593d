"""Reported speech without quotation marks: "Ashley pointed out that there are ...", "according to X, ...".

The content is the clause the reporting verb (or verb of thought) takes as its complement, without
the "that" that introduces it; the source is the verb's subject. A clause holding quoted words is
left to the quoted pieces (it is their quotation, not an indirect one).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp import ParsedArticle
from . import QuoteCandidate
from .lexicon import CueLexicon, cue_lexicon
from .source import mention_span, subject_of

_MIN_WORDS = 3  # a complement shorter than this ("said so", "thinks it") reports nothing worth keeping
_COMPLEMENTS = ("ccomp",)
_TRIM = {"punct", "cc", "mark"}


def _clause_span(head: Token) -> tuple[int, int]:
    """The complement clause headed by `head`, without its complementizer and edge punctuation."""
    toks = list(head.subtree)
    while toks and (toks[0].dep_ in _TRIM and toks[0].head.i == head.i or toks[0].is_punct):
        toks.pop(0)
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks:
        return head.idx, head.idx
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def _words(doc, start: int, end: int) -> int:
    sp = doc.char_span(start, end, alignment_mode="expand")
    return sum(1 for t in sp if not t.is_punct) if sp is not None else 0


def _has_marks(text: str, start: int, end: int) -> bool:
    return any(c in "\"\u201c\u201d\u201e\u00ab\u00bb" for c in text[start:end]) or "''" in text[start:end]


def _verb_reports(tok: Token, lex: CueLexicon, quoted: list[tuple[int, int]], text: str):
    cue = lex.verb_cue(tok, thought=True)
    if cue is None or _overlaps(cue, quoted):
        return None
    for c in tok.children:
        if c.dep_ in _COMPLEMENTS and c.pos_ in ("VERB", "AUX") or c.dep_ in _COMPLEMENTS and any(
                g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            content = _clause_span(c)
            if content[1] <= content[0] or _has_marks(text, content[0], content[1]) or _overlaps(content, quoted):
                continue
            if _words(tok.doc, *content) < _MIN_WORDS:
                continue
            subj = subject_of(tok)
            return QuoteCandidate("indirect", content[0], content[1], cue=cue,
                                  source=mention_span(subj) if subj is not None else None)
    return None


def _according_to(sent: Span, lex: CueLexicon, quoted: list[tuple[int, int]], text: str) -> QuoteCandidate | None:
    """"According to X, <clause>" or "<clause>, according to X": the rest of the sentence is the content."""
    doc = sent.doc
    for t in sent:
        for phrase in lex.prepositions:
            n = len(phrase)
            if t.i + n > sent.end or tuple(w.lower_ for w in doc[t.i:t.i + n]) != phrase:
                continue
            words = doc[t.i:t.i + n]
            last = words[-1]
            obj = next((c for c in last.children if c.dep_ == "pobj"), None)
            pp_start = words[0].i
            pp_end = (obj.right_edge.i + 1) if obj is not None else last.i + 1
            before = [x for x in doc[sent.start:pp_start] if not x.is_punct]
            after = [x for x in doc[pp_end:sent.end] if not x.is_punct]
            body = after if len(after) >= len(before) else before
            if len(body) < _MIN_WORDS:
                return None
            start, end = body[0].idx, body[-1].idx + len(body[-1])
            if _has_marks(text, start, end) or _overlaps((start, end), quoted):
                return None
            return QuoteCandidate("indirect", start, end, cue=(words[0].idx, last.idx + len(last)),
                                  source=mention_span(obj) if obj is not None else None)
    return None


def find_indirect_quotes(parsed: ParsedArticle, quoted: list[tuple[int, int]],
                         lex: CueLexicon | None = None) -> list[QuoteCandidate]:
    """Indirect quotations in the body paragraphs; `quoted` are the spans already found between marks."""
    lex = lex or cue_lexicon()
    doc, text = parsed.doc, parsed.article.text
    out: list[QuoteCandidate] = []
    for b in parsed.article.paragraphs:
        para = doc.char_span(b.start, b.end, alignment_mode="expand")
        if para is None:
            continue
        for sent in para.sents:
            taken: list[tuple[int, int]] = []
            acc = _according_to(sent, lex, quoted, text)
            if acc is not None:
                out.append(acc)
                taken.append((acc.start, acc.end))
            for tok in sent:
                cand = _verb_reports(tok, lex, quoted, text)
                if cand is None or _overlaps((cand.start, cand.end), taken):
                    continue
                out.append(cand)
                taken.append((cand.start, cand.end))
    return out
