"""The article body tree: marks nest, crossing marks split, speakers get colours, every character is kept."""
from __future__ import annotations

from quotegraph.kb.models import ArticleRecord, ArticleRef, QuoteRecord, SpanRef, SpeakerRef
from quotegraph.web.article_body import PALETTE_SIZE, MarkSpan, Node, build_article_body, nest

REF = ArticleRef(id="a", title=None, url=None, source="s", outlet=None, authors=[], published=None)


def quote(qid: int, text: str, words: str, speaker: str | None = None, speaker_id: int | None = None,
          mention: str | None = None, cue: str | None = None, kind: str = "direct", nth: int = 0) -> QuoteRecord:
    start = _nth(text, words, nth)

    def span(w):
        if w is None:
            return None
        i = text.find(w, start + len(words))
        i = i if i >= 0 else text.find(w)
        return SpanRef(i, i + len(w), w)

    sp = SpeakerRef(id=speaker_id, name=speaker, as_written=speaker, mention=span(mention)) if speaker else None
    return QuoteRecord(id=qid, text=words, kind=kind, speaker=sp, cue=span(cue), article=REF, published=None,
                       start=start, end=start + len(words), local_id=f"q{qid}")


def _nth(text: str, words: str, n: int) -> int:
    i = -1
    for _ in range(n + 1):
        i = text.find(words, i + 1)
    assert i >= 0
    return i


def record(text: str, quotes: list[QuoteRecord], paragraphs: list[list[int]] | None = None) -> ArticleRecord:
    return ArticleRecord(id="a", title=None, dek=None, authors=[], published=None, outlet=None, url=None, source="s",
                         media_type="text/plain", text=text, paragraphs=paragraphs or [], quotes=quotes, entities=[],
                         facts=[], content_hash="", ingested_at="")


def flat(nodes: list[Node]) -> str:
    """The tree back as text with [kind ...] around marks, to compare shapes."""
    out = []
    for n in nodes:
        out.append(n.text if n.kind == "text" else f"[{n.kind} {flat(n.children)}]")
    return "".join(out)


def plain(nodes: list[Node]) -> str:
    return "".join(n.text if n.kind == "text" else plain(n.children) for n in nodes)


def test_quote_speaker_mention_and_cue_are_marked():
    text = '"We will win," Jo Bloggs said.'
    body = build_article_body(record(text, [quote(1, text, "We will win,", "Jo Bloggs", 7, "Jo Bloggs", "said")]))
    assert flat(body.paragraphs[0]) == '"[quote We will win,]" [speaker Jo Bloggs] [cue said].'


def test_nested_quote_sits_inside_its_outer_quote_with_its_own_speaker():
    text = "\"She told me 'never again' and left,\" Sam said."
    outer = quote(1, text, "She told me 'never again' and left,", "Sam", 1, "Sam", "said")
    inner = quote(2, text, "never again", "Kim", 2, kind="nested")
    body = build_article_body(record(text, [outer, inner]))
    assert flat(body.paragraphs[0]) == "\"[quote She told me '[quote never again]' and left,]\" [speaker Sam] [cue said]."
    outer_node = body.paragraphs[0][1]
    inner_node = outer_node.children[1]
    assert inner_node.quote.id == 2 and outer_node.speaker.color != inner_node.speaker.color


def test_crossing_marks_are_split_and_the_second_piece_is_a_continuation():
    text = "one two three four five"
    a = MarkSpan("quote", 0, 13, quote(1, text, "one two three", "A", 1), None)
    b = MarkSpan("quote", 8, 23, quote(2, text, "three four five", "B", 2), None)
    nodes = nest(text, 0, len(text), [a, b])
    assert flat(nodes) == "[quote one two [quote three]][quote  four five]"
    assert [n.first_piece for n in nodes] == [True, False]
    assert nodes[0].children[1].first_piece is True
    assert plain(nodes) == text


def test_every_character_of_each_paragraph_is_kept_and_quotes_across_paragraphs_continue():
    text = "First para \"starts a quote\n\nthat goes on\" here.\n\nLast one."
    q = quote(1, text, "starts a quote\n\nthat goes on", "Al", 3)
    paragraphs, pos = [], 0
    for block in text.split("\n\n"):
        paragraphs.append([pos, pos + len(block)])
        pos += len(block) + 2
    body = build_article_body(record(text, [q], paragraphs))
    assert [plain(p) for p in body.paragraphs] == ["First para \"starts a quote", "that goes on\" here.", "Last one."]
    first, second = body.paragraphs[0][1], body.paragraphs[1][0]
    assert first.kind == second.kind == "quote" and first.first_piece and not second.first_piece


def test_speakers_get_colours_in_order_and_unattributed_quotes_are_counted():
    text = " ".join(f'"Line {i}," P{i % (PALETTE_SIZE + 2)} said.' for i in range(12)) + ' "Who?"'
    quotes = [quote(i + 1, text, f"Line {i},", f"P{i % (PALETTE_SIZE + 2)}", 100 + i % (PALETTE_SIZE + 2))
              for i in range(12)]
    quotes.append(quote(13, text, "Who?"))
    body = build_article_body(record(text, quotes))
    assert [s.name for s in body.speakers] == [f"P{i}" for i in range(PALETTE_SIZE + 2)]
    assert [s.color for s in body.speakers] == [i % PALETTE_SIZE for i in range(PALETTE_SIZE + 2)]
    assert body.speakers[0].quotes == 2 and body.unattributed == 1


def test_speakers_without_a_record_are_told_apart_by_name():
    text = '"Yes," Ann said. "No," Bob said.'
    body = build_article_body(record(text, [quote(1, text, "Yes,", "Ann"), quote(2, text, "No,", "Bob")]))
    assert [(s.name, s.id, s.color) for s in body.speakers] == [("Ann", None, 0), ("Bob", None, 1)]


def test_offsets_outside_the_text_are_clipped_and_empty_marks_dropped():
    text = "Short text."
    q = quote(1, text, "Short", "A", 1)
    q.end = 500
    broken = quote(2, text, "text", "B", 2)
    broken.start = broken.end = 6
    body = build_article_body(record(text, [q, broken]))
    assert flat(body.paragraphs[0]) == "[quote Short text.]"


def test_text_without_paragraphs_is_split_on_blank_lines():
    text = "One.\n\nTwo \"quoted\".\n\n"
    body = build_article_body(record(text, [quote(1, text, "quoted")]))
    assert [plain(p) for p in body.paragraphs] == ["One.", 'Two "quoted".']


def test_markup_in_the_text_stays_text():
    text = '"<script>alert(1)</script>," <b>Eve</b> said.'
    body = build_article_body(record(text, [quote(1, text, "<script>alert(1)</script>,", "<b>Eve</b>", 1, "<b>Eve</b>")]))
    assert body.paragraphs[0][1].children[0].text == "<script>alert(1)</script>,"  # escaped by the template
