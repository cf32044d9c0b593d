"""Finding quotations: direct, partial, nested and indirect, each with its cue and in-text source mention."""
from __future__ import annotations

from ..nlp import ParsedArticle
from ..result import QuoteKind
from .candidate import QuoteCandidate


def find_quotes(parsed: ParsedArticle) -> list[QuoteCandidate]:
    """Every quotation in the article's body paragraphs, and a headline's claim credited to someone by
    name, in text order (a nested one after its host)."""
    from .direct import find_quoted_pieces
    from .headline import find_headline_claims
    from .indirect import find_indirect_quotes
    from .marks import find_marked_spans, find_nested_spans
    from .transcript import find_turns

    text = parsed.article.text
    out: list[QuoteCandidate] = []
    last_of_group: dict[int, int] = {}
    pieces = find_quoted_pieces(parsed)
    turns = find_turns(parsed)
    turn_quote: dict[int, int] = {}  # a quoted turn's paragraph -> its candidate
    for piece in pieces:
        a = piece.attribution
        turn = turns.get(piece.span.paragraph)
        if turn is not None and turn.marked:
            # the transcript is quoted: the paragraph's marked words are the one turn the label speaks
            if turn.paragraph not in turn_quote:
                turn_quote[turn.paragraph] = len(out)
                out.append(QuoteCandidate(QuoteKind.direct, turn.start, turn.end, cue=turn.colon, source=turn.label))
            last_of_group[piece.group] = turn_quote[turn.paragraph]
            continue
        cue, source = (a.cue, a.source) if a else (None, None)
        if turn is not None and source is None:
            cue, source = turn.colon, turn.label  # words the speaker quotes inside an unquoted turn
        host = len(out)
        out.append(QuoteCandidate(piece.kind, piece.span.start, piece.span.end, cue=cue, source=source,
                                  continues=last_of_group.get(piece.group)))
        last_of_group[piece.group] = host
        for s, e in find_nested_spans(text, piece.span.start, piece.span.end):
            out.append(QuoteCandidate(QuoteKind.nested, s, e, nested_in=host))
    # an unquoted turn is reported speech with the colon as its cue, unless it quotes words of its own
    quoted_paragraphs = {p.span.paragraph for p in pieces}
    out.extend(QuoteCandidate(QuoteKind.indirect, t.start, t.end, cue=t.colon, source=t.label)
               for k, t in turns.items() if not t.marked and k not in quoted_paragraphs)
    # no indirect quote reaches into quoted words, even those not kept as a quotation (a song's title),
    # nor into a transcript's turns
    marked = [(s.mark_start, s.mark_end) for s in find_marked_spans(text, parsed.article.paragraphs)
              if not s.interrupted]
    marked += [(p.span.mark_start, p.span.mark_end) for p in pieces]
    marked += [(parsed.article.paragraphs[k].start, t.end) for k, t in turns.items()]
    out.extend(find_indirect_quotes(parsed, marked))
    out.extend(find_headline_claims(parsed))
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
