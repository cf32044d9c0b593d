"""A headline crediting its claim to a person named before the colon."""
from __future__ import annotations

from quotegraph.quotes.headline import find_headline_claims


def _claims(parse, text):
    parsed = parse(text, title=True)
    return [(text[c.start:c.end], text[c.source[0]:c.source[1]], text[c.cue[0]:c.cue[1]])
            for c in find_headline_claims(parsed)]


BODY = "Senator Maria Lopez said on Monday that the budget would not pass without changes to the tax plan."


def test_the_name_before_the_colon_is_the_source(parse):
    text = "Lopez: Budget Will Not Pass Without Tax Changes\n\n" + BODY
    assert _claims(parse, text) == [("Budget Will Not Pass Without Tax Changes", "Lopez", ":")]


def test_the_claim_is_a_quote_of_the_speaker_by_full_name(extract_text):
    result = extract_text("Lopez: Budget Will Not Pass Without Tax Changes\n\n" + BODY)
    [q] = [q for q in result.quotes if q.text.startswith("Budget Will Not Pass")]
    assert q.kind == "indirect" and q.speaker.name == "Maria Lopez"


def test_a_label_the_body_names_as_no_person_is_a_heading(parse):
    assert _claims(parse, "Wimbledon: Rain Delays The Final Again\n\n" + BODY) == []
    assert _claims(parse, "Poll: Voters Split Over The Tax Plan\n\n" + BODY) == []


def test_a_question_or_a_quote_in_full_is_no_claim(parse):
    assert _claims(parse, "Lopez: Reformer Or Party Insider?\n\n" + BODY) == []
    assert _claims(parse, "Lopez: \u2018The Budget Will Not Pass\u2019\n\n" + BODY) == []
