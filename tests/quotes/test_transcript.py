"""Transcript turns: 'HOST: words' paragraphs, each label the source of its turn and the colon its cue."""
from __future__ import annotations

from quotegraph.quotes.transcript import find_turns

INTERVIEW = (
    "Senator Maria Lopez spoke to the morning show about the budget on Sunday.",
    "DAVID KENT: Senator, thank you for joining us. Will you vote for the bill?",
    "LOPEZ: I will not vote for it as written. The cuts fall on the wrong people.",
    "KENT: And if the cuts are removed?",
    "LOPEZ: Then we can talk. I have always been ready to talk.",
)


def test_each_turn_is_reported_speech_of_its_label(quotes):
    found = quotes(*INTERVIEW)
    turn = found.one("I will not vote for it as written")
    assert turn.kind == "indirect"
    assert found.source(turn) == "LOPEZ"
    assert found.cue(turn) == ":"
    assert found.content(turn) == "I will not vote for it as written. The cuts fall on the wrong people."
    assert found.source(found.one("Will you vote for the bill?")) == "DAVID KENT"
    # the turn is one quotation: no second, shorter one is read inside it
    assert len([q for q in found.quotes if "talk" in found.content(q)]) == 1


def test_a_quoted_transcript_gives_direct_turns(quotes):
    found = quotes(
        "Maria Lopez told David Kent's show she would not back the bill. Partial transcript as follows:",
        '"KENT: Will you vote for the bill?',
        '"LOPEZ: No. I said so on Friday and I say it again today.',
        '"It is the wrong bill at the wrong time."',
    )
    turn = found.one("No. I said so on Friday")
    assert turn.kind == "direct"
    assert found.source(turn) == "LOPEZ"
    assert found.content(turn) == "No. I said so on Friday and I say it again today."
    # the next paragraph reopens the quote: it goes on with the same turn
    after = found.one("It is the wrong bill")
    assert after.continues is not None and found.quotes[after.continues] is turn


def test_speaker_is_named_in_full(extract_text):
    result = extract_text("\n\n".join(("Lopez holds firm on the budget",) + INTERVIEW))
    by_words = {q.text[:12]: q.speaker.name for q in result.quotes if q.speaker}
    assert by_words["I will not v"] == "Maria Lopez"
    assert by_words["Senator, tha"] == "David Kent"
    assert any(e.name == "Maria Lopez" and e.type == "person" for e in result.entities)


def test_a_lone_label_is_a_dateline_or_a_heading(parse):
    dateline = parse("PARIS: The film opened on Tuesday to long queues.\n\n"
                     "UPDATE: This story was corrected on Wednesday.")
    assert find_turns(dateline) == {}


def test_labels_holding_function_words_are_headings(parse):
    fact_check = parse("THE CLAIM: Taxes rose every year.\n\nTHE FACTS: They fell twice.\n\n"
                       "THE CLAIM: Crime doubled.\n\nTHE FACTS: It fell by a tenth.")
    assert find_turns(fact_check) == {}


def test_a_letter_opens_with_whom_it_is_written_to(parse):
    column = parse("DEAR ADVISER: My brother never pays me back.\n\nDEAR LENDER: Stop lending.\n\n"
                   "DEAR ADVISER: My neighbour's dog barks all night.\n\nDEAR TIRED: Talk to the neighbour.")
    assert find_turns(column) == {}
