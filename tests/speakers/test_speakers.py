"""Speakers: each quote's source resolved to a person by full name, or null when nobody fits.

The quote candidates are written by hand here (spans, cue and source mention as the quote stage
would give them), so that these tests pin down the speakers stage alone.
"""
from __future__ import annotations

import re

from quotegraph.entities import find_entities
from quotegraph.quotes import QuoteCandidate
from quotegraph.speakers import attribute_speakers


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """The nth whole-word occurrence of part in text."""
    m = list(re.finditer(r"(?<!\w)" + re.escape(part) + r"(?!\w)", text))[nth]
    return m.start(), m.end()


def quote(text: str, words: str, kind: str = "direct", cue: str | None = None, source: str | None = None,
          source_nth: int = 0, nested_in: int | None = None) -> QuoteCandidate:
    s, e = span(text, words)
    return QuoteCandidate(kind, s, e, cue=span(text, cue) if cue else None,
                          source=span(text, source, source_nth) if source else None, nested_in=nested_in)


def attribute(parse, text: str, cands: list[QuoteCandidate], title: bool = False):
    parsed = parse(text, title=title)
    return attribute_speakers(parsed, cands, find_entities(parsed))


def test_full_name_source(parse):
    text = '"We won tonight," Maria Lopez said after the vote.'
    [q] = attribute(parse, text, [quote(text, "We won tonight,", cue="said", source="Maria Lopez")])
    assert q.speaker.name == "Maria Lopez"
    assert (q.speaker.mention.start, q.speaker.mention.end) == span(text, "Maria Lopez")
    assert q.id == "q1"


def test_first_name_source_is_named_in_full(parse):
    text = ('Maria Lopez toured the plant on Monday.\n\n'
            '"It was a long day," Maria said.')
    [q] = attribute(parse, text, [quote(text, "It was a long day,", cue="said", source="Maria", source_nth=1)])
    assert q.speaker.name == "Maria Lopez"
    assert q.speaker.mention.text == "Maria"


def test_pronoun_goes_to_the_person_of_matching_gender(parse):
    text = ("Tom Baker said his team was ready. Maria Lopez said her plan would work.\n\n"
            '"We need more time," he said.')
    [q] = attribute(parse, text, [quote(text, "We need more time,", cue="said", source="he")])
    assert q.speaker.name == "Tom Baker"
    assert q.speaker.mention.text == "he"


def test_pronoun_goes_to_the_previous_speaker(parse):
    text = ('"It\'s an amazing experience," Lily Vance said about Rosa Kim. "Like a soulmate."\n\n'
            '"Rosa makes me braver," she continued.')
    cands = [quote(text, "It's an amazing experience,", cue="said", source="Lily Vance"),
             quote(text, "Like a soulmate."),
             quote(text, "Rosa makes me braver,", cue="continued", source="she")]
    qs = attribute(parse, text, cands)
    assert [q.speaker.name for q in qs] == ["Lily Vance", "Lily Vance", "Lily Vance"]


def test_description_goes_to_the_salient_person_who_fits(parse):
    text = ("Singer Maria Lopez Talks About Her New Album\n\n"
            "Maria Lopez is back. The 31-year-old singer, who grew up in Texas, said the album took three years.\n\n"
            '"I wrote every song at night," the 31-year-old singer said.')
    [q] = attribute(parse, text, [quote(text, "I wrote every song at night,", cue="said",
                                        source="the 31-year-old singer")], title=True)
    assert q.speaker.name == "Maria Lopez"
    assert q.speaker.mention.text == "the 31-year-old singer"


def test_as_she_put_it(parse):
    text = ('Dana Reyes explained why fans love the show. As she put it, "It is pure escapism."')
    [q] = attribute(parse, text, [quote(text, "It is pure escapism.", cue="put", source="she")])
    assert q.speaker.name == "Dana Reyes"


def test_paragraph_that_only_continues_the_quote(parse):
    text = ('"The first months were hard," Paul Avery said. "We slept in the office.\n\n'
            '"Then the money came in."')
    cands = [quote(text, "The first months were hard,", cue="said", source="Paul Avery"),
             quote(text, "We slept in the office."),
             quote(text, "Then the money came in.")]
    qs = attribute(parse, text, cands)
    assert [q.speaker.name for q in qs] == ["Paul Avery"] * 3
    # the mention of an inherited speaker is the one it was taken from
    assert qs[2].speaker.mention.text == "Paul Avery"


def test_second_sentence_after_the_cue_keeps_the_speaker(parse):
    text = ('"We are ready," she said. "Nothing will stop us."')
    lead = "Nora Quinn spoke to the crowd.\n\n"
    text = lead + text
    cands = [quote(text, "We are ready,", cue="said", source="she"), quote(text, "Nothing will stop us.")]
    qs = attribute(parse, text, cands)
    assert [q.speaker.name for q in qs] == ["Nora Quinn", "Nora Quinn"]
    assert qs[1].speaker.mention.text == "she"


def test_speaker_named_in_the_sentence_before(parse):
    text = ('Ashley Moore shared that the cast explored the city together. '
            '"We walked everywhere," Ashley said.\n\n'
            'Ben Ortiz recalled the first day on set. "I was terrified."')
    cands = [quote(text, "We walked everywhere,", cue="said", source="Ashley", source_nth=1),
             quote(text, "I was terrified.")]
    qs = attribute(parse, text, cands)
    assert qs[0].speaker.name == "Ashley Moore"
    assert qs[1].speaker.name == "Ben Ortiz"
    assert qs[1].speaker.mention.text == "Ben Ortiz"


def test_actor_is_not_their_character(parse):
    text = ("Dana Reyes plays Jo on The Long Road.\n\n"
            "And not only does Dana love friendship, her on-screen counterpart, Jo, does as well. "
            '"Jo really values her friends," she explained.')
    [q] = attribute(parse, text, [quote(text, "Jo really values her friends,", cue="explained", source="she")])
    assert q.speaker.name == "Dana Reyes"


def test_character_named_as_source_outside_a_story_is_not_a_speaker(parse):
    text = ("Lily Collins (Emily) spoke to us.\n\n"
            '"I love it here," Emily said.')
    [q] = attribute(parse, text, [quote(text, "I love it here,", cue="said", source="Emily", source_nth=1)])
    assert q.speaker.name is None
    assert q.speaker.mention.text == "Emily"


def test_pronoun_goes_to_the_person_whose_given_name_says_the_gender_when_the_text_does_not(parse):
    text = ('Paul Ashby met Nora Whitcombe at the plant on Monday.\n\n"We need more time," she said.')
    [q] = attribute(parse, text, [quote(text, "We need more time,", cue="said", source="she")])
    assert q.speaker.name == "Nora Whitcombe"


def test_a_given_name_worn_by_both_genders_does_not_rule_its_bearer_out(parse):
    text = ('Paul Ashby met Jordan Whitcombe at the plant on Monday.\n\n"We need more time," she said.')
    [q] = attribute(parse, text, [quote(text, "We need more time,", cue="said", source="she")])
    assert q.speaker.name == "Jordan Whitcombe"


def test_two_people_who_fit_make_the_pronoun_ambiguous(parse):
    text = ('Maria Lopez and Ann Smith met reporters on Friday. "We are ready," she said.')
    [q] = attribute(parse, text, [quote(text, "We are ready,", cue="said", source="she")])
    assert q.speaker.name is None
    assert q.speaker.entity is None
    assert q.speaker.mention.text == "she"


def test_unknown_speaker_is_null(parse):
    text = 'The results were announced on Friday.\n\n"This is a disaster."'
    [q] = attribute(parse, text, [quote(text, "This is a disaster.")])
    assert q.speaker is None


def test_unnamed_source_keeps_its_mention_without_a_name(parse):
    text = '"The talks have failed," a spokesman said on Friday.'
    [q] = attribute(parse, text, [quote(text, "The talks have failed,", cue="said", source="a spokesman")])
    assert q.speaker.name is None
    assert q.speaker.mention.text == "a spokesman"


def test_organization_can_be_the_speaker(parse):
    text = 'Acme Corp. said in a statement that "sales are strong."'
    [q] = attribute(parse, text, [quote(text, "sales are strong.", kind="partial", cue="said", source="Acme Corp.")])
    assert q.speaker.name == "Acme Corp."
    assert q.speaker.entity is not None


def test_subject_of_the_cue_when_no_source_is_given(parse):
    text = 'Senator Ruth Hale, who chairs the panel, said that the bill would pass.'
    [q] = attribute(parse, text, [quote(text, "the bill would pass", kind="indirect", cue="said")])
    assert q.speaker.name == "Ruth Hale"


def test_nested_quote_has_no_speaker_and_points_to_its_host(parse):
    text = ('"People kept saying, \'We did this,\' and it moved me," Paul Avery said.')
    cands = [quote(text, "People kept saying, 'We did this,' and it moved me,", cue="said", source="Paul Avery"),
             quote(text, "We did this,", kind="nested", nested_in=0)]
    outer, nested = attribute(parse, text, cands)
    assert outer.speaker.name == "Paul Avery"
    assert nested.speaker is None
    assert nested.nested_in == "q1"
    assert nested.id == "q2"


def test_clause_after_the_quote_names_the_speaker_whatever_its_verb(parse):
    text = 'Voters are tired. "People are afraid of wasting their votes," Brad Pelletier surmised.'
    [q] = attribute(parse, text, [quote(text, "People are afraid of wasting their votes,")])
    assert q.speaker.name == "Brad Pelletier"


def test_name_before_a_colon_is_the_speaker(parse):
    text = 'The hearing went on for hours.\n\nRep. Trey Gowdy (R-S.C.): "Who told you that?"'
    [q] = attribute(parse, text, [quote(text, "Who told you that?")])
    assert q.speaker.name == "Trey Gowdy"


def test_partial_quote_in_the_writers_sentence_is_the_subjects(parse):
    text = 'Marco Rubio also bemoaned a political climate in which people "literally hate each other."'
    [q] = attribute(parse, text, [quote(text, "literally hate each other.", kind="partial")])
    assert q.speaker.name == "Marco Rubio"


def test_inverted_cue_takes_the_name_after_it(parse):
    text = '"What is shaping up is a battle for the ages," said David Brock, a Clinton confidant.'
    [q] = attribute(parse, text, [quote(text, "What is shaping up is a battle for the ages,", cue="said")])
    assert q.speaker.name == "David Brock"


def test_description_goes_to_the_person_who_holds_that_title(parse):
    text = ("Ohio Sen. Margaret Quinlan questioned Northwind Bank CEO Harold Brenner on Tuesday.\n\n"
            '"This is gutless leadership," the senator said. "We failed our customers," the CEO said.')
    senator, ceo = attribute(parse, text, [
        quote(text, "This is gutless leadership,", cue="said", source="the senator"),
        quote(text, "We failed our customers,", cue="said", source="the CEO")])
    assert senator.speaker.name == "Margaret Quinlan"
    assert ceo.speaker.name == "Harold Brenner"


def test_pronoun_follows_the_chain_not_the_object_named_between(parse):
    text = ('Maria Lopez won the final on Sunday. She had lost to Ana Ruiz in the 2019 final. '
            '"I was calm," she said.')
    [q] = attribute(parse, text, [quote(text, "I was calm,", cue="said", source="she")])
    assert q.speaker.name == "Maria Lopez"


def test_pronoun_prefers_the_last_subject_over_a_child_named_in_a_list(parse):
    text = ('Tom Baker has a new film out. He directed it himself, and he has sons Leo, four, and Max, two, '
            'who he says watched the shoot. Speaking to a magazine, he said: "It was the best summer."')
    [q] = attribute(parse, text, [quote(text, "It was the best summer.", cue="said", source="he", source_nth=2)])
    assert q.speaker.name == "Tom Baker"


def test_description_goes_to_the_subject_just_before_not_the_most_salient(parse):
    text = ('Tom Baker, 40, stars in the new film Harbour. Tom Baker told reporters he loved the sea. '
            'His co-star Ann Lee, 34, plays a nurse who falls for the sailor. '
            'The director "gave her real convictions", the actress said.')
    [q] = attribute(parse, text, [quote(text, "gave her real convictions", kind="partial", cue="said",
                                        source="the actress")])
    assert q.speaker.name == "Ann Lee"


def test_description_closing_a_speaking_clause_is_the_speaker(parse):
    text = ('Ann Lee stars in a new drama tonight. Speaking to host Mary Cole, the actress, 35, admitted '
            'that she cried after landing the job, adding: "It was a shock!"')
    [q] = attribute(parse, text, [quote(text, "It was a shock!", cue="adding")])
    assert q.speaker.name == "Ann Lee"


def test_a_possessive_about_someone_else_gives_the_subject_no_gender(parse):
    text = ('Ann Lee directed the sixth episode. Tom Baker praised Ann Lee for her work, calling her a natural. '
            '"She is a great director," he continued.')
    [q] = attribute(parse, text, [quote(text, "She is a great director,", cue="continued", source="he")])
    assert q.speaker.name == "Tom Baker"


def test_description_looks_back_past_the_sentences_of_a_long_quote(parse):
    text = ('Maria Lopez, who stars in the film, is the subject of our story. '
            '"I cried at the end," Tom Baker told a magazine. "It was a shock. I never saw it coming. '
            'Nobody did." Later the actor told a radio station: "I would do it again."')
    cands = [quote(text, "I cried at the end,", cue="told", source="Tom Baker"),
             quote(text, "It was a shock. I never saw it coming. Nobody did."),
             quote(text, "I would do it again.", cue="told", source="the actor")]
    assert [q.speaker.name for q in attribute(parse, text, cands)][2] == "Tom Baker"


def test_topic_heading_before_a_quote_keeps_the_speaker(parse):
    text = ('Coach Tom Baker spoke after the game: "We played well."\n\n'
            'On his young striker Leo Park: "He was tired but he was brilliant."')
    cands = [quote(text, "We played well.", cue="spoke", source="Coach Tom Baker"),
             quote(text, "He was tired but he was brilliant.")]
    assert [q.speaker.name for q in attribute(parse, text, cands)] == ["Tom Baker", "Tom Baker"]


def test_nested_quote_the_speaker_introduces_as_their_own_words(parse):
    text = ('"When I left the show, the first thing I said was, \'I need a rest,\'" Maria Lopez said. '
            '"Then my agent told me, \'You must read this.\'"')
    outer1 = quote(text, "When I left the show, the first thing I said was, 'I need a rest,'", cue="said",
                   source="Maria Lopez")
    outer2 = quote(text, "Then my agent told me, 'You must read this.'")
    cands = [outer1, quote(text, "I need a rest,", kind="nested", nested_in=0), outer2,
             quote(text, "You must read this.", kind="nested", nested_in=2)]
    quotes = attribute(parse, text, cands)
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Maria Lopez", "Maria Lopez", "Maria Lopez", None]


def test_it_and_the_company_speak_for_the_organisation_named_before(parse):
    text = ('Shares in Norwood Foods fell sharply on Monday. Norwood Foods issued a statement, saying that it '
            'expected "a strong second half". The company added that "nothing has changed".')
    cands = [quote(text, "a strong second half", kind="partial", cue="saying", source="it"),
             quote(text, "nothing has changed", kind="partial", cue="added", source="The company")]
    quotes = attribute(parse, text, cands)
    assert [q.speaker.name for q in quotes] == ["Norwood Foods", "Norwood Foods"]


def test_it_names_nobody_when_no_organisation_was_named(parse):
    text = 'Maria Lopez read the report. It said that "prices will rise".'
    [q] = attribute(parse, text, [quote(text, "prices will rise", kind="partial", cue="said", source="It")])
    assert q.speaker.name is None


def test_a_name_after_a_dash_behind_the_quote_credits_it(parse):
    text = ('Readers wrote in after the debate.\n\n'
            '"He never answered the question." ― Maria Lopez\n'
            '"I changed my vote tonight." — Tom Baker, Ohio')
    cands = [quote(text, "He never answered the question."), quote(text, "I changed my vote tonight.")]
    assert [q.speaker.name for q in attribute(parse, text, cands)] == ["Maria Lopez", "Tom Baker"]


def test_description_after_a_work_title_in_the_subject(parse):
    text = ('Ann Lee has married her co-star. "I am so in love," the River & Stone actress, 34, told a magazine.')
    [q] = attribute(parse, text, [quote(text, "I am so in love,", cue="told")])
    assert q.speaker.name == "Ann Lee"


def test_pronoun_in_a_clause_before_the_main_subject_is_that_subject(parse):
    text = ('Ann Lee was coached by Maria Lopez, a former champion. Lopez stood in for Tom Baker. '
            'When asked if she had a message for Baker, Lee lifted the trophy.\n\n'
            'Advertisement\n\n'
            '"Here it is," she said.')
    [q] = attribute(parse, text, [quote(text, "Here it is,", cue="said", source="she", source_nth=1)])
    assert q.speaker.name == "Ann Lee"


def test_words_quoted_in_what_a_speaker_reports_of_unnamed_people_are_the_speakers(parse):
    text = 'Maria Lopez said voters across the country had declared they were "ready for a change".'
    [q] = attribute(parse, text, [quote(text, "ready for a change", kind="partial", cue="declared",
                                        source="voters across the country")])
    assert q.speaker.name == "Maria Lopez"


def test_relative_pronoun_is_the_mention_and_the_name_its_antecedent(parse):
    text = 'The plan was backed by Senator Ruth Hale, who said that the bill would pass.'
    [q] = attribute(parse, text, [quote(text, "the bill would pass", kind="indirect", cue="said", source="Senator Ruth Hale")])
    assert (q.speaker.name, q.speaker.mention.text) == ("Ruth Hale", "who")


def test_pronoun_in_a_reported_clause_gives_the_mention_of_the_higher_subject(parse):
    text = 'Dana Whitfield said on Monday that she would never call the plan "a fair deal" again.'
    [q] = attribute(parse, text, [quote(text, "a fair deal", kind="partial", cue="call", source="she")])
    assert q.speaker.name == "Dana Whitfield"
    assert q.speaker.mention.text == "Dana Whitfield"


def test_pronoun_nobody_was_found_for_takes_the_person_named_above_it(parse):
    text = ('Mr. Omar Bellweather, despite admitting that he had concerns about "greedy lawyers," '
            'backed the bill.')
    [q] = attribute(parse, text, [quote(text, "greedy lawyers,", kind="partial", cue="admitting", source="he")])
    assert q.speaker.mention.text.endswith("Omar Bellweather")
    assert q.speaker.name == "Omar Bellweather"


def test_pronoun_under_someone_else_keeps_its_own_mention(parse):
    text = 'Mr. Tom Reyes left early. Ms. Dana Whitfield said that he had called the plan "a fair deal" on Monday.'
    [q] = attribute(parse, text, [quote(text, "a fair deal", kind="partial", cue="called", source="he")])
    assert q.speaker.name == "Tom Reyes"
    assert q.speaker.mention.text == "he"


def test_relative_pronoun_is_the_mention_even_when_nobody_is_named(parse):
    text = "The rule was backed by some economists, who argue that taxes should be cut."
    [q] = attribute(parse, text, [quote(text, "taxes should be cut", kind="indirect", cue="argue",
                                        source="some economists")])
    assert q.speaker.name is None
    assert q.speaker.mention.text == "who"


def test_quote_after_the_writers_words_about_someone_in_one_paragraph(extract_text):
    text = ("Budget vote delayed\n\n"
            "Senator Maria Lopez, who chairs the committee, pointed to the young voters outside. "
            '"They are tired of waiting, and so am I."\n\n'
            "The vote is now set for Friday.")
    [q] = [q for q in extract_text(text).quotes if q.text.startswith("They are tired")]
    assert q.speaker.name == "Maria Lopez"



def test_as_they_put_it_after_a_quote_credits_them_not_the_sentence_subject(extract_text):
    text = ("City hall\n\n"
            "The columnist Nora Whitcombe has followed the mayor for years. While some may see the mayor as a "
            '"bull in a china shop" – as columnist Nora puts it – the city likes his plans.')
    [q] = [q for q in extract_text(text).quotes if q.text.startswith("bull")]
    assert q.speaker.name == "Nora Whitcombe"


def test_as_they_called_it_after_a_comma_credits_them(extract_text):
    text = ("Tax plan\n\n"
            'Critics call the plan a "tax on the poor," as Senator Paul Ashby called it on Monday.')
    [q] = [q for q in extract_text(text).quotes if q.text.startswith("tax on the poor")]
    assert q.speaker.name == "Paul Ashby"


def test_an_as_clause_of_time_after_a_quote_credits_nobody_new(extract_text):
    text = ("Rally at the plant\n\n"
            'Union leader Maria Lopez shouted "we will not go home" as police officers arrived at the gate.')
    [q] = [q for q in extract_text(text).quotes if q.text.startswith("we will not")]
    assert q.speaker.name == "Maria Lopez"


def test_a_pronoun_the_parse_hangs_under_told_is_no_vote_for_the_teller(extract_text):
    text = ("Hearing on the bank\n\n"
            "Senator Ann Warden questioned Tom Stamp, the bank's chief, on Tuesday. Mary Kolb, a former clerk, "
            "watched from the gallery.\n\n"
            '"You should resign," Warden told Stamp, after he admitted under Warden\'s questioning he had not been '
            'held to account. "You went on television to blame the clerks," she said.')
    [q] = [q for q in extract_text(text).quotes if q.text.startswith("You went on television")]
    assert q.speaker.name == "Ann Warden"


def test_one_resolver_serves_speakers_and_relations_untaught(parse):
    """The pipeline builds one MentionResolver; relations read a fresh() copy taken before any speaker
    is attributed, so they come out as with a resolver of their own."""
    from quotegraph.entities.coref import MentionResolver, quoted_spans
    from quotegraph.entities.relations import find_relations

    text = ('Julia Moss, who plays the sharp and funny Dee Carver on Harbor Lights, spoke to us.\n\n'
            '"It was the hardest part I have had," she said.\n\n'
            'Harbor Lights returns in May.')
    parsed = parse(text)
    ents = find_entities(parsed)
    cands = [quote(text, "It was the hardest part I have had,", cue="said", source="she")]
    resolver = MentionResolver(parsed, ents, quoted=quoted_spans(cands))
    untaught = resolver.fresh()
    quotes = attribute_speakers(parsed, cands, ents, resolver)
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Julia Moss"
    assert resolver.speakers_at and not untaught.speakers_at
    assert untaught.gender is not resolver.gender
    assert find_relations(parsed, ents, quotes, untaught) == find_relations(parsed, ents, quotes)
    assert any(r.subject == "Julia Moss" and r.predicate == "plays"
               for r in find_relations(parsed, ents, quotes, untaught))


def test_pronoun_in_a_clause_stands_for_the_subject_just_above_it(parse):
    text = 'Tom Reyes said Omar Bellweather was "right" when he said that "the plan failed."'
    [q] = attribute(parse, text, [quote(text, "the plan failed.", kind="partial", cue="said", source="he")])
    assert q.speaker.name == "Omar Bellweather"


def test_pronoun_in_a_clause_of_time_keeps_its_own_mention(parse):
    text = ('Colonel Ray Dunmore started the argument when he brought up the bombing and later said, '
            '"It is not just one group."')
    [q] = attribute(parse, text, [quote(text, "It is not just one group.", cue="said", source="he")])
    assert q.speaker.name == "Ray Dunmore"
    assert q.speaker.mention.text == "he"


def test_a_name_and_a_colon_before_each_quote_credit_it(extract_text):
    text = ("Two plans for the port\n\n"
            "Senator Sarah Mitchell and Governor David Johnson disagree about the port.\n\n"
            'Mitchell: "Our goal is to open the port by June, not to study it." '
            'Johnson: "The plan is to close the port for a year."')
    quotes = {q.text[:8]: q.speaker.name if q.speaker else None for q in extract_text(text).quotes}
    assert quotes["Our goal"] == "Sarah Mitchell"
    assert quotes["The plan"] == "David Johnson"


def test_the_subject_of_the_clause_a_colon_closes_is_the_speaker(extract_text):
    text = ("Health law debate\n\n"
            "Governor David Johnson said the law had done too little.\n\n"
            'Senator Sarah Mitchell delivered a snappy retort: "Nobody is tearing this up. We are going forward."')
    [q] = [q for q in extract_text(text).quotes if q.text.startswith("Nobody")]
    assert q.speaker is not None and q.speaker.name == "Sarah Mitchell"


def test_a_sentence_that_only_says_who_said_the_quote_before_it_credits_it(extract_text):
    text = ("Bridge to reopen\n\n"
            "The city council met on Monday.\n\n"
            '"We will rebuild the bridge by spring." Mayor Anne Kowalski said on Monday. "Nobody will be left out."')
    [q, _] = extract_text(text).quotes
    assert q.speaker.name == "Anne Kowalski"
    text = ("Bridge to reopen\n\n"
            "The city council met on Monday.\n\n"
            '"We will rebuild the bridge by spring." Mayor Anne Kowalski said the plan would cost $2 million.')
    q = next(q for q in extract_text(text).quotes if q.kind == "direct")
    assert q.speaker is None  # the sentence after reports something else


def test_pronoun_in_a_clause_joined_by_but_keeps_its_own_mention(parse):
    text = 'Senator Dana Whitfield praised the candidates, but she said the vote "is going to help us."'
    [q] = attribute(parse, text, [quote(text, "is going to help us.", kind="partial", cue="said", source="she")])
    assert q.speaker.name == "Dana Whitfield"
    assert q.speaker.mention.text == "she"
