"""The marks scanner on its own (no parse), and the invariants of find_quotes on arbitrary text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotegraph.article import Block
from quotegraph.quotes.marks import find_marked_spans, find_nested_spans


def spans(*paragraphs: str):
    text = "\n\n".join(paragraphs)
    blocks, pos = [], 0
    for p in paragraphs:
        blocks.append(Block("body", pos, pos + len(p)))
        pos += len(p) + 2
    return text, find_marked_spans(text, blocks)


def test_straight_marks_read_their_direction_from_neighbours():
    text, found = spans('He said "yes" and she said "no."')
    assert [text[s.start:s.end] for s in found] == ["yes", "no."]


def test_a_stray_closing_mark_opens_nothing():
    text, found = spans('It was 6 feet" tall, "a giant," he said.')
    assert [text[s.start:s.end] for s in found] == ["a giant,"]


def test_an_unclosed_quote_stops_at_its_paragraph():
    text, found = spans('"This never closes', 'A new paragraph with "a quote" in it.')
    assert [text[s.start:s.end] for s in found] == ["This never closes", "a quote"]
    assert not found[0].closed and not found[1].continues


def test_running_quote_continues_in_the_next_paragraph():
    text, found = spans('"First part of it.', '"Second part."')
    assert [s.closed for s in found] == [False, True]
    assert [s.continues for s in found] == [False, True]


def test_second_opening_mark_interrupts_an_unclosed_quote():
    text, found = spans('"First words, she said. "More words."')
    assert found[0].interrupted and text[found[0].start:found[0].end] == "First words, she said."
    assert text[found[1].start:found[1].end] == "More words."


def test_apostrophes_are_not_nested_quotes():
    text = "It's Emily's world and the '90s were the parents' best years"
    assert find_nested_spans(text, 0, len(text)) == []


def test_nested_quote_closing_next_to_the_outer_mark():
    text = "\u201cThey were like, \u2018Oh, it's you guys.'\u201d"
    (s, e), = find_nested_spans(text, 1, len(text) - 1)
    assert text[s:e] == "Oh, it's you guys."


_pieces = st.sampled_from(['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "''", " said ", " she ", " Smith ",
                           "told", " the plan ", ",", ".", " that ", " according to ", "\n\n", " was great", ":"])


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_pieces, min_size=1, max_size=30))
def test_find_quotes_invariants_on_arbitrary_text(quotes, parts):
    paragraphs = [p for p in "".join(parts).split("\n\n") if p.strip()]
    if not paragraphs:
        return
    found = quotes(*paragraphs)
    n = len(found.quotes)
    for q in found.quotes:
        assert q.kind in ("direct", "partial", "indirect", "nested")
        assert 0 <= q.start < q.end <= len(found.text)
        assert "\n\n" not in found.text[q.start:q.end]
        for span in (q.cue, q.source):
            assert span is None or 0 <= span[0] < span[1] <= len(found.text)
        assert q.nested_in is None or (0 <= q.nested_in < n and found.quotes[q.nested_in].kind != "nested")
        assert q.continues is None or 0 <= q.continues < n
    assert [q.start for q in found.quotes] == sorted(q.start for q in found.quotes)


def test_british_single_quotes_outside_double_ones():
    from quotegraph.article import Block
    from quotegraph.quotes.marks import find_marked_spans

    text = "'We are going really big on transparency,' said the minister. It's the fans' view, she added."
    spans = find_marked_spans(text, [Block("body", 0, len(text))])
    assert [text[s.start:s.end] for s in spans] == ["We are going really big on transparency,"]


def test_single_marks_inside_double_ones_stay_nested():
    from quotegraph.article import Block
    from quotegraph.quotes.marks import find_marked_spans

    text = "\"He told me, 'Go home,' and I did,\" she said."
    spans = find_marked_spans(text, [Block("body", 0, len(text))])
    assert [text[s.start:s.end] for s in spans] == ["He told me, 'Go home,' and I did,"]


def test_a_right_mark_opening_a_paragraph_faces_its_neighbours():
    # some pages set every double mark as the right-hand one: ”like this”
    text, found = spans('”We are tired of waiting.” ― Ana Ruiz', 'She said “enough” and left.')
    assert [text[s.start:s.end] for s in found] == ["We are tired of waiting.", "enough"]


def test_right_marks_still_close_curly_quotes():
    text, found = spans('“First,” she said, “then the rest.”')
    assert [text[s.start:s.end] for s in found] == ["First,", "then the rest."]
