"""Page furniture: each kind is left out of the body, and short real paragraphs stay in."""
from __future__ import annotations

import pytest

from quotegraph.article.furniture import call_to_action_start, classify_line, is_title_case
from quotegraph.article.layout import read_scraped_text


def kind(line: str) -> tuple[str, str]:
    v = classify_line(line)
    return v.kind, v.reason


def body_of(*paragraphs: str) -> list[str]:
    """Body paragraphs of a page made of a title, a byline and the given paragraphs."""
    text = "A Title For The Page\n\nBy Ann Poe Feb 01, 2022 9:05 AMTags\n\n" + "\n\n".join(paragraphs) + "\n"
    art = read_scraped_text(text, "x.txt")
    return [art.text[b.start:b.end] for b in art.paragraphs]


def test_byline_line_with_tags_glued_to_the_time():
    assert kind("By Ann Poe, Cy Roe Feb 01, 2022 9:05 PMTags") == ("furniture", "byline")


def test_date_line():
    assert kind("Published Feb. 1, 2022 9:05 a.m. ET") == ("furniture", "date")
    assert kind("Saturday, March 19, 2016.") == ("furniture", "date")


def test_sentence_with_a_date_is_prose():
    assert kind("Sept. 9, 2013 traffic problems.")[0] == "body"
    assert kind("On March 3, 2016, the senator said she would run again.")[0] == "body"


@pytest.mark.parametrize("line", ['Watch: "Night Shift" Is Coming Back for Season 3', "WATCH: The trailer",
                                  "Related: Ten Things We Learned", "Read more: The mayor's plan", "See also - Our guide"])
def test_teasers_and_link_labels(line):
    assert kind(line) == ("furniture", "teaser")


def test_watch_as_a_sentence_is_prose():
    assert kind("Watch the two friends in the new season, now streaming on Hulu.")[0] == "body"


@pytest.mark.parametrize("line", ["Behind the Scenes of Night Shift", "Movies to Stream After Night Shift",
                                  "Every Outfit From the Premiere Party"])
def test_gallery_and_related_story_titles(line):
    assert kind(line) == ("furniture", "headline")


@pytest.mark.parametrize("line", ["R. Tan/Getty Images", "Zoë Marchal/Netflix", "AP Photo/Evan Vucci", "Getty Images",
                                  "Photo: Reuters", "(Reporting by Ann Poe; Editing by Cy Roe)", "Courtesy of HBO",
                                  "\u00a9 2022 Example Media Inc. All rights reserved.",
                                  "Associated Press writer Cy Doe contributed to this report."])
def test_photo_and_reporting_credits(line):
    assert kind(line) == ("furniture", "credit")


@pytest.mark.parametrize("line", ["Latest News", "Advertisement", "Tags", "Share this article", "You May Also Like"])
def test_widget_labels(line):
    assert kind(line)[0] == "furniture"


@pytest.mark.parametrize("line", ["Get the gossip first. Sign up for Daily Buzz!", "Subscribe to our newsletter.",
                                  "Want more? Sign up for our newsletter.", "Follow Ann Poe on Twitter @annpoe.",
                                  "For more news, download our app for iOS or Android.",
                                  "Have a tip? Email tips@example.com."])
def test_calls_to_action(line):
    assert kind(line) == ("furniture", "call to action")


def test_call_to_action_inside_a_transcripts_paragraph_marks():
    # a transcript that opens every paragraph with a quotation mark carries its sign-off in one too
    assert kind('"Follow Ann Poe on Twitter @annpoe."') == ("furniture", "call to action")
    assert kind('\u201cFollow Ann Poe on Twitter @annpoe.') == ("furniture", "call to action")


def test_quoted_words_with_a_handle_beside_them_are_not_a_call_to_action():
    assert kind('"Follow the money," Ann Poe (@annpoe) told her readers.')[0] != "furniture"


def test_call_to_action_glued_onto_the_last_paragraph_is_cut_off():
    para = "The new season arrives in June, now streaming on Hulu. Get the gossip first. Sign up for Daily Buzz!"
    v = classify_line(para)
    assert v.kind == "body" and para[:v.body_end] == "The new season arrives in June, now streaming on Hulu."
    assert body_of("First paragraph of the story.", para)[-1] == "The new season arrives in June, now streaming on Hulu."


def test_only_one_short_sentence_goes_with_the_call():
    line = "It was a long night. It ended well. Sign up for our newsletter."
    assert line[:call_to_action_start(line)] == "It was a long night. "


def test_sign_up_inside_a_sentence_of_prose_is_not_a_call():
    assert kind("Voters can sign up for absentee ballots online until Friday.")[0] == "body"
    assert call_to_action_start('"Subscribe to my channel," the singer joked.') is None


def test_tweet_signature_is_not_cut_as_a_call():
    line = "Great rally tonight. pic.twitter.com/abc SIGN UP FOR OUR NEWSLETTER \u2014 Ann Poe (@annpoe) July 23, 2016"
    assert call_to_action_start(line) is None


@pytest.mark.parametrize("line", ["Case in point?", "Can wE! come next time?", "Who knew!", "Not so fast.",
                                  "\u201cNo,\u201d she said."])
def test_short_paragraphs_ending_as_sentences_are_body(line):
    assert kind(line)[0] == "body"


def test_short_kicker_without_punctuation_is_furniture():
    assert kind("Big news, dear readers") == ("furniture", "kicker")


def test_quoted_line_is_never_dropped_for_its_shape():
    assert kind("\u201cNever Again\u201d")[0] == "body"


def test_capitals_label():
    assert kind("ELECTION NIGHT RESULTS") == ("furniture", "capitals")


def test_title_case_rule():
    assert is_title_case("Shows to Binge After the Finale")
    assert not is_title_case("Big news, dear readers")


def test_links_listed_after_latest_news_heading_are_furniture():
    paras = body_of("The story ends here.", "Latest News", "Another Story Headline Here", "A second linked story, with a comma.")
    assert paras == ["The story ends here."]


def test_long_paragraph_after_a_tail_heading_is_body_again():
    long_para = ("This paragraph is long enough to show that the article goes on after the heading, because it has many "
                 "words in it and reads like prose rather than a list of links to other stories.")
    assert body_of("Intro paragraph of the story.", "Trending", long_para) == ["Intro paragraph of the story.", long_para]


def test_bare_url_line():
    assert kind("https://www.example.com/story/123") == ("furniture", "link")


def test_signup_form_left_after_its_call_to_action_is_furniture():
    line = "Get the morning briefing sent to your inbox + Subscribe Thanks for signing up! Something went wrong Invalid address"
    assert kind(line) == ("furniture", "call to action")
    # the same fragment after a sentence of prose is not a form
    assert kind("The council met on Tuesday. Something went wrong with the vote count")[0] == "body"


def test_headline_cut_short_by_an_ellipsis_is_furniture():
    assert kind("Council: Harbour Town Votes To Close Old Library\u2026") == ("furniture", "headline")
    assert kind("Fire Crews Called To Blaze At Mill...") == ("furniture", "headline")
    # prose cut off the same way stays body
    assert kind("The crews worked through the night and then, as the wind turned\u2026")[0] == "body"


@pytest.mark.parametrize("line", ["Check out a gallery of pictures from the opening night.",
                                  "Take a look at the full trailer below."])
def test_one_sentence_link_lines_are_furniture(line):
    assert kind(line) == ("furniture", "link")


def test_link_lead_in_a_longer_paragraph_is_prose():
    line = "Check out the way she holds the note at the end. It is the best thing on the record, and fans agree."
    assert kind(line)[0] == "body"
    assert kind("Take a look at what the coach said after the match:")[0] == "body"


def test_caption_standing_alone_between_paragraphs_is_not_body():
    paras = ["The mayor opened the new bridge on Saturday morning.",
             "The mayor cuts the ribbon on the new bridge in front of a crowd",
             "Hundreds of people crossed it in the first hour."]
    assert body_of(*paras) == [paras[0], paras[2]]


def test_run_of_unpunctuated_lines_is_a_list_and_stays_body():
    paras = ["The plan has three parts.",
             "A new bus lane along the whole of the high street",
             "Two more crossings near the primary school gates",
             "Wider pavements outside the station and the market",
             "Work starts in the spring."]
    assert body_of(*paras) == paras


def test_hard_wrapped_line_is_not_a_caption():
    text = ("A Title For The Page\n\nBy Ann Poe Feb 01, 2022 9:05 AMTags\n\n"
            "The mayor opened the new bridge on Saturday morning before a large\n"
            "Crowd of people gathered on both banks of the river.\n")
    art = read_scraped_text(text, "x.txt")
    assert len(art.paragraphs) == 1 and art.text[art.paragraphs[0].end - 1] == "."


def test_pull_quote_repeating_a_paragraph_is_not_body():
    paras = ["\u201cWe built it for the children of this town, and they will use it for years,\u201d the mayor said.",
             "\u201cWe built it for the children of this town,\u201d said the mayor",
             "The bridge cost two million pounds."]
    assert body_of(*paras) == [paras[0], paras[2]]


def test_same_quotation_twice_in_sentences_of_their_own_stays_body():
    paras = ["In a statement, the mayor said: \u201cWe built it for the children of this town.\u201d",
             "The bridge cost two million pounds.",
             "Later that day the mayor said again: \u201cWe built it for the children of this town.\u201d Then she left."]
    assert body_of(*paras) == paras


def test_pull_quote_is_looked_for_only_near_the_paragraph_it_repeats():
    original = "\u201cWe built it for the children of this town, and they will use it for years,\u201d the mayor said."
    filler = [f"Paragraph number {k} of the story ends here." for k in range(14)]
    echo = "\u201cWe built it for the children of this town,\u201d said the mayor"
    assert echo in body_of(original, *filler, echo)
    assert echo not in body_of(original, *filler[:3], echo)


def test_many_repeated_quote_lines_lay_out_quickly():
    import time

    page = "\n\n".join(['"We built it for the children of this town and more," said the mayor'] * 5000)
    started = time.perf_counter()
    read_scraped_text("Title\n\n" + page + "\n", "x.txt")
    assert time.perf_counter() - started < 10
