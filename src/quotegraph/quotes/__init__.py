"""Finding quotations: direct, partial, nested and indirect, each with its cue and in-text source mention."""
from __future__ import annotations

from ..nlp import ParsedArticle
from ..result import QuoteKind
from .candidate import QuoteCandidate


def find_quotes(parsed: ParsedArticle) -> list[QuoteCandidate]:
    """Every quotation in the article's body paragraphs, in text order (a nested one after its host)."""
    from .direct import find_quoted_pieces
    from .indirect import find_indirect_quotes
    from .marks import find_marked_spans, find_nested_spans

    text = parsed.article.text
    out: list[QuoteCandidate] = []
    last_of_group: dict[int, int] = {}
    pieces = find_quoted_pieces(parsed)
    for piece in pieces:
        a = piece.attribution
        host = len(out)
        out.append(QuoteCandidate(piece.kind, piece.span.start, piece.span.end,
                                  cue=a.cue if a else None, source=a.source if a else None,
                                  continues=last_of_group.get(piece.group)))
        last_of_group[piece.group] = host
        for s, e in find_nested_spans(text, piece.span.start, piece.span.end):
            out.append(QuoteCandidate(QuoteKind.nested, s, e, nested_in=host))
    # no indirect quote reaches into quoted words, even those not kept as a quotation (a song's title)
    marked = [(s.mark_start, s.mark_end) for s in find_marked_spans(text, parsed.article.paragraphs)
              if not s.interrupted]
    out.extend(find_indirect_quotes(parsed, marked + [(p.span.mark_start, p.span.mark_end) for p in pieces]))
    return _in_text_order(out)


def _in_text_order(cands: list[QuoteCandidate]) -> list[QuoteCandidate]:
    """Sort by position (a host before what it holds), rewriting the indices that point into the list."""
    order = sorted(range(len(cands)), key=lambda i: (cands[i].start, -cands[i].end, i))
    new_index = {old: new for new, old in enumerate(order)}
    out = []
    for old in order:
        c = cands[old]
        if c.nested_in is not None:
            c.nested_in = new_index[c.nested_in]
        if c.continues is not None:
            c.continues = new_index[c.continues]
        out.append(c)
    return out


__all__ = ["QuoteCandidate", "find_quotes"]
