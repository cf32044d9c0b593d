"""Quoted words: marks, running and interrupted quotes, nesting, partial quotes, cues and sources."""


def test_straight_marks_with_cue_after(quotes):
    found = quotes('"We won the game fair and square," she said.')
    q = found.one("We won the game")
    assert (q.kind, found.content(q), found.cue(q), found.source(q)) == \
        ("direct", "We won the game fair and square,", "said", "she")


def test_curly_marks_with_told(quotes):
    found = quotes("\u201cI loved every minute of it,\u201d Tom Hanks told reporters.")
    q = found.one("I loved")
    assert (q.kind, found.cue(q), found.source(q)) == ("direct", "told", "Tom Hanks")


def test_mixed_curly_and_straight_marks_are_one_quote(quotes):
    found = quotes("\u201cIt was the best summer of my life,\" said Maria Lopez.")
    assert found.contents() == ["It was the best summer of my life,"]
    assert found.source(found.quotes[0]) == "Maria Lopez"


def test_cue_before_the_quote(quotes):
    found = quotes('As she put it, "I think the reason people love it is there is a certain escapism."')
    q = found.one("escapism")
    assert (q.kind, found.cue(q), found.source(q)) == ("direct", "put it", "she")


def test_quote_running_over_two_paragraphs(quotes):
    found = quotes('Rita Moreno said: "The first rehearsal was chaos. Nobody knew the songs.',
                   '"By the end of the week we had it down."')
    first, second = found.one("first rehearsal"), found.one("end of the week")
    assert found.content(first) == "The first rehearsal was chaos. Nobody knew the songs."
    assert found.content(second) == "By the end of the week we had it down."
    assert second.continues == found.quotes.index(first)
    assert found.source(first) == found.source(second) == "Rita Moreno"


def test_quote_interrupted_by_its_cue(quotes):
    found = quotes('"I never expected any of this," she explained. "But here we are, and it feels great."')
    first, second = found.one("never expected"), found.one("here we are")
    assert found.content(first) == "I never expected any of this,"
    assert found.content(second) == "But here we are, and it feels great."
    assert second.continues == found.quotes.index(first)
    assert [found.cue(first), found.cue(second)] == ["explained", "explained"]
    assert [found.source(first), found.source(second)] == ["she", "she"]


def test_unbalanced_quote_is_cut_before_its_cue(quotes):
    found = quotes('"The cast really values each other, she explained. "And next season we push that even further."')
    first, second = found.one("values each other"), found.one("next season")
    assert found.content(first) == "The cast really values each other"
    assert found.content(second) == "And next season we push that even further."
    assert (found.cue(first), found.source(first)) == ("explained", "she")
    assert (found.cue(second), found.source(second)) == ("explained", "she")


def test_nested_single_quotes_are_not_the_speakers_words(quotes):
    found = quotes("\"My mother called me and said, 'You did it, kid.' It's true, I cried all night,\" Lee said.")
    outer = found.one("My mother")
    inner = next(q for q in found.quotes if q.kind == "nested")
    assert inner.kind == "nested"
    assert found.content(inner) == "You did it, kid."
    assert inner.nested_in == found.quotes.index(outer)
    assert inner.source is None
    assert (outer.kind, found.source(outer)) == ("direct", "Lee")
    assert len(found.quotes) == 2  # the apostrophe in "It's" opens nothing


def test_partial_quote_inside_the_writers_sentence(quotes):
    found = quotes('Lee said she "could not stop laughing."')
    q = found.one("could not stop")
    assert (q.kind, found.cue(q), found.source(q)) == ("partial", "said", "Lee")


def test_short_partial_quote_hung_from_a_speech_verb(quotes):
    found = quotes('She is enjoying the ride and doesn\'t "want to wish for anything," she added.')
    q = found.one("want to wish")
    assert (q.kind, found.cue(q), found.source(q)) == ("partial", "added", "she")


def test_appositive_name_is_the_source(quotes):
    found = quotes('"It is finished," the 40-year-old singer, Jane Doe, said on Monday.')
    assert found.source(found.one("It is finished")) == "Jane Doe"


def test_titles_and_scare_quotes_are_not_quotes(quotes):
    found = quotes('She starred in "Friends" for ten years.',
                   'Watch: "The Big Show" Is Back for Another Season',
                   'The so-called "experts" got it wrong again.')
    assert found.quotes == []


def test_called_it_quotes_a_label(quotes):
    found = quotes('The senator called the plan "a total disaster" on Tuesday.')
    q = found.one("total disaster")
    assert (q.kind, found.cue(q), found.source(q)) == ("partial", "called", "The senator")


def test_unattributed_statement_is_kept_without_source(quotes):
    found = quotes('"We are going to keep fighting for every single vote out there."')
    q = found.one("keep fighting")
    assert (q.kind, q.cue, q.source) == ("direct", None, None)


def test_markup_attribute_values_are_not_quotes(quotes):
    found = quotes('<tweet author="Jane Doe Official Account" timestamp="1449075600">We did it.</tweet>')
    assert found.contents(kind="direct") == []


def test_doubled_apostrophes_mark_a_quote(quotes):
    found = quotes("''There's always resistance,'' said Mr. Schmidt, who bought the course.")
    q = found.one("always resistance")
    assert (q.kind, found.content(q), found.source(q)) == ("direct", "There's always resistance,", "Mr. Schmidt")


def test_paragraph_ending_in_a_colon_introduces_the_quote(quotes):
    found = quotes("Parker Eaton, a retired teacher, said of the candidates:",
                   '"There is only one I trust, and he spends his own money on the campaign."')
    q = found.one("only one I trust")
    assert (found.cue(q), found.source(q)) == ("said", "Parker Eaton")


def test_according_to_attributes_a_quote(quotes):
    found = quotes('"This case is about the public\'s right to know," the judge wrote, according to the Post.')
    q = found.one("right to know")
    assert (found.cue(q), found.source(q)) == ("wrote", "the judge")


def test_running_quote_without_a_cue_is_still_one_quotation(quotes):
    found = quotes('"Nobody in the room had ever seen anything like it before.',
                   '"And nobody has seen anything like it since."')
    first, second = found.one("ever seen"), found.one("since")
    assert second.continues == found.quotes.index(first)
    assert first.source is None and second.source is None


def test_short_partial_quote_a_few_arcs_below_its_reporting_verb(quotes):
    found = quotes('Maria Lopez noted that the interview took place on the couple\'s "second anniversary" last week.')
    q = found.one("second anniversary")
    assert (q.kind, found.source(q)) == ("partial", "Maria Lopez")


def test_short_scare_quote_with_no_reporting_verb_is_not_a_quote(quotes):
    found = quotes('The band played a "secret" show in the park on Sunday.')
    assert found.contents() == []


def test_scare_quote_under_a_bare_participle_is_not_a_stance(quotes):
    found = quotes('By then, "tea party groups" supported by wealthy donors had seized on the issue.')
    assert not [q for q in found.quotes if q.kind in ("direct", "partial")]


def test_a_participle_after_a_name_is_that_persons_cue(quotes):
    found = quotes('The new ad uses footage of Maria Lopez asking, "Why are we still waiting for the bridge?"')
    assert found.source(found.one("Why are we still waiting")) == "Maria Lopez"


def test_a_title_owned_by_a_network_is_not_a_quotation(quotes):
    found = quotes('In an interview on the network\'s "Sunday Morning Briefing," Maria Lopez said the plan '
                   'would pass.')
    assert "Sunday Morning Briefing," not in found.contents()


def test_a_title_owned_by_a_network_beside_a_quotes_cue_is_not_a_quotation(quotes):
    found = quotes('"We will not back down," Maria Lopez said on the network\'s "Sunday Morning Briefing."')
    assert found.contents() == ["We will not back down,"]


def test_a_title_after_on_or_of_beside_a_quotes_cue_is_not_a_quotation(quotes):
    found = quotes('Maria Lopez said on "Sunday Morning Briefing" that she would "never give up on this."')
    assert found.contents() == ["never give up on this."]
    found = quotes('On this week\'s broadcast of "Sunday Morning Briefing," Maria Lopez said the plan would pass.')
    assert "Sunday Morning Briefing," not in found.contents()


def test_a_stage_direction_in_a_running_transcript_is_not_a_quotation(quotes):
    found = quotes('Partial transcript as follows:', '"LOPEZ: We will pass this bill.', '"(CROSSTALK.)',
                   '"LOPEZ: And we will pass it this year."')
    assert "(CROSSTALK.)" not in found.contents()
    assert any("this year" in c for c in found.contents())


def test_a_clause_setting_the_scene_after_the_quote_is_not_its_cue(quotes):
    found = quotes("Tom Reed did not back down. He grinned, \u201cThat makes me smart,\u201d when Maria Lopez "
                   "attacked him over his taxes.")
    q = found.one("makes me smart")
    assert found.cue(q) is None and found.source(q) != "Maria Lopez"
    found = quotes("Tom Reed stood firm. \u201cThat makes me smart,\u201d he shot back after Maria Lopez "
                   "criticized him.")
    assert found.cue(found.one("makes me smart")) is None


def test_a_clause_the_quote_hangs_from_still_reports_it(quotes):
    found = quotes("Jo Park said he was right when he said that \u201cthe plan has failed.\u201d")
    q = found.one("the plan has failed")
    assert (found.cue(q), found.source(q)) == ("said", "he")
