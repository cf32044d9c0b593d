"""Property tests: for any text, the layout reader, the whole pipeline (quote finder, speakers, entities) and
the tokenizer guard raise nothing unexpected, and every span they give is inside the text, ordered, and is
the text at its offsets."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotegraph.readers import RawDocument

# Pieces of scraped news, chosen to meet the quote finder's and the layout reader's hard cases: every kind of
# quote mark, open and unbalanced, line endings of every kind, names, cue verbs, bylines, zero-width and
# bidirectional controls, emoji, and now and then a long run without whitespace.
PIECES = st.sampled_from([
    '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "``", "''", "\u00ab", "\u00bb", "\u201e",
    "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", " ", "  ", "\t", "\u00a0",
    "Jane Doe", "John Roe", "Ms. Doe", "Dr. Maria Garcia-Lopez", "she", "he", "they", "the mayor", "O'Brien",
    "said", "says", "told reporters", "according to", "added", "asked", "warned that", "insisted",
    "We will win", "it is over", "the plan was sound", "Emily in Paris", "Netflix",
    ".", ",", ":", ";", "?", "!", "\u2014", "-", "...", "(", ")", "[", "]",
    "By Ann Poe", "Jan 2, 2021", "Updated 6:49 PM", "Sign up for our newsletter", "Photo: Getty Images",
    "\u200b", "\u200d", "\u202e", "\u202c", "\u2066", "\u2069", "\ufeff", "\U0001F600", "\U0001F468\u200d\U0001F469",
    "caf\u00e9", "M\u00fcller", "\u00bfQu\u00e9?", "\u0928\u092e\u0938\u094d\u0924\u0947", "\u05e9\u05dc\u05d5\u05dd",
])
RUNS = st.builds(lambda c, n: c * n, st.sampled_from(['"', "\u201c", ".", "a", "\U0001F600", "-"]),
                 st.integers(min_value=200, max_value=700))
TEXTS = st.lists(st.one_of(PIECES, PIECES, PIECES, PIECES, RUNS, st.text(max_size=12)), min_size=1,
                 max_size=60).map("".join)


def check_blocks(text: str, blocks) -> None:
    last = 0
    for b in blocks:
        assert 0 <= b.start < b.end <= len(text), f"block {b} outside the text of {len(text)} characters"
        assert b.start >= last, "blocks overlap or are out of order"
        last = b.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_layout_reader_keeps_the_text_and_gives_ordered_blocks_inside_it(text):
    from quotegraph.article.layout import read_scraped_text

    art = read_scraped_text(text, "x.txt")
    assert art.text == text
    check_blocks(text, art.blocks)
    for field in (art.title, art.dek):
        assert field is None or isinstance(field, str)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_tokenizer_guard_gives_a_doc_whose_text_is_the_input(nlp, text):
    from quotegraph.limits import RunSplittingTokenizer

    doc = RunSplittingTokenizer(nlp.tokenizer, max_run=32)(text)
    assert doc.text == text
    assert all(t.idx + len(t) <= len(text) for t in doc)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_pipeline_gives_results_whose_spans_are_inside_and_say_what_the_text_says(nlp, helpers, text):
    from quotegraph.errors import InputError
    from quotegraph.pipeline import ExtractionError, extract_documents

    raw = RawDocument(source="x.txt", data=text.encode("utf-8", "surrogatepass"), media_type="text/plain")
    ((_, res),) = extract_documents([raw], nlp)
    assert not isinstance(res, ExtractionError), res  # an internal error, however well reported, is a bug
    if isinstance(res, InputError):
        assert str(res).startswith("x.txt: ") and ("empty" in res.reason or "binary" in res.reason), res
        return
    rec = res.to_dict()
    assert rec["text"] == text.removeprefix("\ufeff")  # a leading BOM is the encoding's mark, not text
    helpers.check_offsets(rec)
    ids = [q["id"] for q in rec["quotes"]]
    assert len(ids) == len(set(ids))
    for q in rec["quotes"]:
        assert q["nested_in"] is None or q["nested_in"] in ids


HTML_PIECES = st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<br>", "<h1>", "</h1>", "<script>x()</script>",
    "<a href='/x'>", "</a>", "&amp;", "&quot;", "&#8220;", "&#8221;", "&nbsp;", "<!--", "-->", "<",
    "Jane Doe said", " ", "\u201cWe will win,\u201d", '"It is over," she said.', "The council met on Monday.",
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(HTML_PIECES, min_size=1, max_size=40).map("".join))
def test_pipeline_on_any_html_gives_a_result_inside_its_text_or_a_reason(nlp, helpers, body):
    from quotegraph.errors import InputError
    from quotegraph.pipeline import ExtractionError, extract_documents

    page = f"<html><head><title>A Page</title></head><body><article>{body}</article></body></html>"
    raw = RawDocument(source="x.html", data=page.encode(), media_type="text/html")
    ((_, res),) = extract_documents([raw], nlp)
    assert not isinstance(res, ExtractionError), res
    if isinstance(res, InputError):
        assert res.reason == "no article text found in the HTML", res
        return
    helpers.check_offsets(res.to_dict())
