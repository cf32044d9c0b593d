"""Reported speech without marks: each cue pattern gives the reported clause, the cue and the source."""
import pytest


@pytest.mark.parametrize("sentence, content, cue, source", [
    ("Lee said that the tour would start in May.", "the tour would start in May", "said", "Lee"),
    ("Lee said the tour would start in May.", "the tour would start in May", "said", "Lee"),
    ("The tour will start in the spring, Lee said.", "The tour will start in the spring", "said", "Lee"),
    ("According to the studio, the film cost $40 million to make.", "the film cost $40 million to make",
     "According to", "the studio"),
    ("Lee told reporters the tour would start in May.", "the tour would start in May", "told", "Lee"),
    ("Ashley pointed out that there are some clear directions her character is headed.",
     "there are some clear directions her character is headed", "pointed out", "Ashley"),
    ("The mayor vowed to rebuild the old bridge by next summer.", "to rebuild the old bridge by next summer",
     "vowed", "The mayor"),
    ("The 40-year-old singer, Jane Doe, said the album is finished.", "the album is finished", "said", "Jane Doe"),
    ("The new poll shows that most voters want a change.", "most voters want a change", "shows", "The new poll"),
])
def test_cue_patterns(quotes, sentence, content, cue, source):
    found = quotes(sentence)
    q = found.one(content.split()[1])
    assert (q.kind, found.content(q), found.cue(q), found.source(q)) == ("indirect", content, cue, source)


def test_participle_borrows_the_subject_of_its_head(quotes):
    found = quotes('"We start in May," she revealed, adding that she is actually in the dark about the rest.')
    q = found.one("in the dark")
    assert (q.kind, found.cue(q), found.source(q)) == ("indirect", "adding", "she")


def test_relative_clause_source_is_the_person_described(quotes):
    found = quotes("Alan Berger, a doctor from Englewood, New Jersey, who said he is friendly with the family, "
                   "left early.")
    q = found.one("friendly")
    assert found.source(q) == "Alan Berger"


def test_clause_holding_quoted_words_is_left_to_the_quote(quotes):
    found = quotes('Ashley noted that because Mindy "has not met any of the people at the office yet," '
                   'there is room to play.')
    assert found.contents(kind="indirect") == []
    assert found.contents(kind="partial") == ["has not met any of the people at the office yet,"]


def test_trailing_quoted_cue_clause_is_cut_off(quotes):
    found = quotes('The star explained that her singing was not in the first storyline, saying, '
                   '"All of that was written when we met."')
    q = found.one("singing")
    assert found.content(q) == "her singing was not in the first storyline"
    assert found.source(found.one("All of that")) == "The star"


def test_reported_speech_without_a_named_source_is_dropped(quotes):
    found = quotes("It was said that the deal would close soon.")
    assert found.contents(kind="indirect") == []


@pytest.mark.parametrize("sentence, content, source", [
    ("The new bridge, the mayor said, will open to traffic next spring.",
     "The new bridge, the mayor said, will open to traffic next spring", "the mayor"),
    ("Without more money, she argued, the clinic would have to close its doors.",
     "Without more money, she argued, the clinic would have to close its doors", "she"),
])
def test_cue_clause_inside_the_reported_sentence(quotes, sentence, content, source):
    found = quotes(sentence)
    q = found.one("spring" if "spring" in sentence else "clinic")
    assert (q.kind, found.content(q), found.source(q)) == ("indirect", content, source)


def test_a_comma_clause_of_narration_is_not_a_medial_cue(quotes):
    found = quotes("In the morning, the team said goodbye to the coach and left the city by train.")
    assert found.contents("indirect") == []


@pytest.mark.parametrize("sentence", [
    # a clause of time after the reporting verb is not what was said
    "He said it again in his first speech after the results were officially announced.",
    # a song title in marks holds no reported clause of its own
    'After hearing the single "I Knew You Were Wrong," she called the producer.',
    # an absolute participle reports nothing
    "The show returns next week, with the new host confirmed to be a former contestant.",
])
def test_narration_is_not_reported_speech(quotes, sentence):
    found = quotes(sentence)
    assert found.contents("indirect") == []


def test_an_aside_in_parentheses_is_not_the_reported_clause(quotes):
    found = quotes("When the writer met the band for our summer issue (read the full interview here), the "
                   "singer revealed that the new album was nearly finished.")
    q = found.one("nearly finished")
    assert found.content(q) == "the new album was nearly finished"


def test_a_second_reporting_clause_is_not_the_first_ones_content(quotes):
    found = quotes("A researcher said the paper was rejected for being too bold, local media reported on Friday.")
    assert "local media reported on Friday" not in found.contents("indirect")


@pytest.mark.parametrize("sentence", [
    "Anyone who has worked in television will know that deadlines never move.",
    "The film opens with a young clerk learning that his brother has vanished at sea.",
])
def test_a_thought_nobody_in_particular_holds_is_not_reported(quotes, sentence):
    assert quotes(sentence).contents("indirect") == []


def test_a_thought_someone_holds_is_reported(quotes):
    found = quotes("The coach knows that the team needs a new striker before the window shuts.")
    assert found.contents("indirect") == ["the team needs a new striker before the window shuts"]


def test_a_negated_stance_states_no_position(quotes):
    assert quotes("The champion did not defend her title this year.").contents("indirect") == []


def test_an_object_pointing_past_a_colon_is_not_the_content(quotes):
    found = quotes("After the final, the striker tweeted this short message: thanks to everyone.")
    assert "this short message" not in found.contents("indirect")


def test_a_stance_takes_the_rest_of_its_verb_phrase(quotes):
    found = quotes("The senator criticized the new rules for small banks on Monday.")
    q = found.one("rules")
    assert found.content(q) == "the new rules for small banks"


@pytest.mark.parametrize("sentence, content", [
    ("The minister said the bridge would reopen in May and warned against using the old road.",
     "the bridge would reopen in May"),
    ("The coach said the team was ready; the players later disagreed with him.", "the team was ready"),
    ("The agency said the test was its largest yet, although the results may take weeks to confirm.",
     "the test was its largest yet"),
])
def test_content_stops_where_the_reported_words_end(quotes, sentence, content):
    assert quotes(sentence).contents("indirect")[0] == content


def test_a_medial_cue_may_name_whom_it_was_said_to(quotes):
    found = quotes("The difference now, he told me on Friday, is that the show airs live every night.")
    q = found.one("airs live")
    assert (found.cue(q), found.source(q)) == ("told", "he")


def test_an_interviewers_question_is_not_the_answerers_words(quotes):
    found = quotes("Asked whether she had a message for her sister, the champion smiled and waved.")
    assert found.contents("indirect") == []
    found = quotes("Asked about the new contract, Lee said he was happy to stay.")
    assert found.contents("indirect") == ["he was happy to stay"]


@pytest.mark.parametrize("sentence, content, cue, source", [
    ("The campaign called the accusations false and politically motivated.",
     "the accusations false and politically motivated", "called", "The campaign"),
    ("The senator has called the new tariff a tax on farmers.", "the new tariff a tax on farmers", "called",
     "The senator"),
])
def test_naming_verb_with_object_and_predicate_is_a_judgement(quotes, sentence, content, cue, source):
    found = quotes(sentence)
    q = found.one(content.split()[1])
    assert (q.kind, found.content(q), found.cue(q), found.source(q)) == ("indirect", content, cue, source)


def test_naming_verb_without_predicate_gives_nothing(quotes):
    assert not [q for q in quotes("Maria called her oldest brother on Sunday night.").quotes if q.kind == "indirect"]


@pytest.mark.parametrize("sentence, word", [
    ("The governor wants to raise the minimum wage next year.", "minimum"),
    ("The council plans to open three new libraries downtown.", "libraries"),
    ("Both senators oppose the new pipeline through the valley.", "pipeline"),
    ("The mayor told the police chief to release the footage.", "footage"),
])
def test_intentions_and_stances_are_reported(quotes, sentence, word):
    q = quotes(sentence).one(word)
    assert q.kind == "indirect"


def test_a_stance_asked_about_is_no_position(quotes):
    found = quotes("Asked if he would ever want to direct a film himself, Ray laughed.")
    assert not [q for q in found.quotes if q.kind == "indirect"]


def test_content_leaves_out_a_closing_apposition(quotes):
    found = quotes("Critics say the money could be better spent on NATO, the old military alliance of the West.")
    q = found.one("money")
    assert found.content(q) == "the money could be better spent on NATO"


def test_called_on_someone_to_do_something(quotes):
    found = quotes("The union called on the mayor to reopen the shelters before winter.")
    q = found.one("mayor")
    assert (found.content(q), found.cue(q), found.source(q)) == (
        "the mayor to reopen the shelters before winter", "called", "The union")


def test_called_on_a_day_is_no_call_to_act(quotes):
    assert not [q for q in quotes("She called on Sunday to say hello to her aunt.").quotes if q.kind == "indirect"]


def test_gerund_in_place_of_the_object(quotes):
    q = quotes("The senator proposed dropping the tax on small farms.").one("dropping")
    assert q.kind == "indirect"


def test_polls_show_an_object(quotes):
    found = quotes("Recent polls show a tight race in the state.")
    q = found.one("tight")
    assert (found.content(q), found.source(q)) == ("a tight race in the state", "Recent polls")


def test_a_frame_verb_without_a_subject_is_a_misread_noun(quotes):
    found = quotes("It is a different role from her new streaming show Night Birds, which also stars Ana Ruiz.")
    assert not [q for q in found.quotes if q.kind == "indirect"]


def test_a_poll_reports_the_clause_its_phrase_opens(quotes):
    found = quotes("In the latest poll, the governor gained two points among older voters.")
    q = found.one("governor")
    assert (found.content(q), found.cue(q), found.source(q)) == (
        "the governor gained two points among older voters", "In the latest poll", "the latest poll")


def test_a_poll_phrase_on_a_reporting_verb_is_left_to_the_verb(quotes):
    found = quotes("In the survey, most teachers said the new schedule was too long.")
    q = found.one("schedule")
    assert (found.content(q), found.cue(q)) == ("the new schedule was too long", "said")


def test_a_stance_on_a_name_alone_is_reported(quotes):
    found = quotes("Two weeks later, the union endorsed Obama.")
    q = found.one("Obama")
    assert (found.content(q), found.cue(q), found.source(q)) == ("Obama", "endorsed", "the union")


def test_a_stance_on_a_pronoun_alone_is_not(quotes):
    assert not [q for q in quotes("Two weeks later, the union endorsed it.").quotes if q.kind == "indirect"]


@pytest.mark.parametrize("sentence, word", [
    ("Farm groups backed the new trade agreement with Canada.", "trade"),
    ("Local groups demanded a full inquiry into the fire.", "inquiry"),
])
def test_more_stances_are_reported(quotes, sentence, word):
    assert quotes(sentence).one(word).kind == "indirect"


def test_a_passive_frame_without_agent_names_no_holder(quotes):
    found = quotes("The director was urged to finish the film by the spring.")
    assert not [q for q in found.quotes if q.kind == "indirect"]


def test_according_to_outranks_the_verb_of_its_sentence(quotes):
    found = quotes("The senator plans to visit the flooded towns on Sunday, according to a campaign aide.")
    q = found.one("flooded")
    assert (found.cue(q), found.source(q)) == ("according to", "a campaign aide")
    assert len([x for x in found.quotes if x.kind == "indirect"]) == 1


def test_that_clause_misread_as_relative_clause_of_the_object(quotes):
    found = quotes("Last week he told a meeting of island leaders that few people understood the risks better.")
    q = found.one("risks")
    assert (found.content(q), found.cue(q), found.source(q)) == (
        "few people understood the risks better", "told", "he")


def test_medial_cue_with_a_plural_present_read_as_base_form(quotes):
    found = quotes("But in recent days, advisers to the mayor say, the mayor has grown tired of the fight.")
    q = found.one("tired")
    assert (found.cue(q), found.source(q)) == ("say", "advisers")


def test_complement_misread_as_adverbial_clause_after_a_time_phrase(quotes):
    found = quotes("The governor said after the meeting he would not sign the budget.")
    q = found.one("budget")
    assert (found.content(q), found.cue(q)) == ("he would not sign the budget", "said")
