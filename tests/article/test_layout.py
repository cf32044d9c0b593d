"""Scraped page text: title, dek, byline and date, body paragraphs, offsets into the text as read."""
from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph.article.layout import outlet_from_url, read_scraped_text

PAGE = """Jane Roe Opens Up About Her New Comedy Series

Jane Roe chatted with Example News about the second season of Paris Nights and her stage debut.

By Al Doe, Bea Poe Mar 05, 2022 7:15 PMTags
Watch: "Paris Nights" Returns for a Second Season

Jane Roe is back!

The 31-year-old actress, who plays the witty Mara Lee, has news for fans.

"We start filming in the spring," she said.

Behind the Scenes of Paris Nights

Case in point? Roe sang on stage last week.

Rex Tan/Getty Images

Who could say no?

Shows to Stream After Paris Nights

The second season is expected next year. Catch all the gossip first. Sign up for our Daily Buzz!

Latest News
"""


def body_texts(art):
    return [art.text[b.start:b.end] for b in art.paragraphs]


def test_title_is_the_first_line():
    art = read_scraped_text(PAGE, "page.txt")
    assert art.title == "Jane Roe Opens Up About Her New Comedy Series"
    assert art.blocks[0].kind == "title" and art.text[art.blocks[0].start:art.blocks[0].end] == art.title


def test_dek_is_the_paragraph_between_title_and_byline():
    art = read_scraped_text(PAGE, "page.txt")
    assert art.dek == "Jane Roe chatted with Example News about the second season of Paris Nights and her stage debut."
    assert [b.kind for b in art.blocks[:2]] == ["title", "dek"]


def test_authors_come_from_the_byline():
    assert read_scraped_text(PAGE, "page.txt").authors == ["Al Doe", "Bea Poe"]


def test_published_is_local_time_as_printed():
    assert read_scraped_text(PAGE, "page.txt").published == "2022-03-05T19:15"


def test_body_keeps_every_prose_paragraph():
    assert body_texts(read_scraped_text(PAGE, "page.txt")) == [
        "Jane Roe is back!",
        "The 31-year-old actress, who plays the witty Mara Lee, has news for fans.",
        '"We start filming in the spring," she said.',
        "Case in point? Roe sang on stage last week.",
        "Who could say no?",
        "The second season is expected next year.",
    ]


def test_offsets_index_the_text_as_read_with_crlf_and_mixed_line_endings():
    text = PAGE.replace("\n", "\r\n", 12)
    art = read_scraped_text(text, "page.txt")
    assert art.text is text
    assert body_texts(art)[0] == "Jane Roe is back!"
    assert art.title == "Jane Roe Opens Up About Her New Comedy Series"
    for b in art.blocks:
        assert text[b.start:b.end] == text[b.start:b.end].strip() and "\r" not in text[b.start:b.end]


def test_plain_article_without_byline_keeps_all_paragraphs_as_body():
    text = ("Senate Passes the Budget.\n\nThe Senate passed the budget on Tuesday.\n\n"
            "\u201cIt is a good day,\u201d the majority leader said.\n\nThe House votes next week.\n")
    art = read_scraped_text(text, "plain.txt")
    assert art.title == "Senate Passes the Budget."
    assert art.dek is None and art.authors == [] and art.published is None
    assert len(art.paragraphs) == 3


def test_first_paragraph_after_title_is_not_a_dek_without_a_byline():
    text = "A Headline\n\nThe first paragraph is body, not a standfirst, when no byline follows it.\n\nMore body here.\n"
    art = read_scraped_text(text, "x.txt")
    assert art.dek is None
    assert body_texts(art)[0].startswith("The first paragraph")


def test_hard_wrapped_paragraph_is_one_block():
    text = ("A Headline\n\nThe mayor said the plan \u201cwill cost more than anyone\n"
            "expected this year\u201d and left the room.\nShe did not take questions.\n")
    art = read_scraped_text(text, "x.txt")
    assert body_texts(art) == ["The mayor said the plan \u201cwill cost more than anyone\nexpected this year\u201d and left the room.",
                               "She did not take questions."]


def test_wrapped_fragment_is_not_mistaken_for_a_kicker():
    text = "A Headline\n\nEditor's note: the council\nrejected\nthe proposal on Monday.\n"
    art = read_scraped_text(text, "x.txt")
    assert body_texts(art) == ["Editor's note: the council\nrejected\nthe proposal on Monday."]


def test_byline_and_date_on_separate_lines():
    text = ("Storm Hits the Coast\n\nA strong storm reached the coast overnight, cutting power to thousands.\n\n"
            "By Ann Poe and Cy Roe\nJanuary 2, 2021 at 6:49 p.m. ET\n\nThe storm arrived at dawn.\n")
    art = read_scraped_text(text, "x.txt")
    assert art.authors == ["Ann Poe", "Cy Roe"]
    assert art.published == "2021-01-02T18:49-05:00"
    assert art.dek.startswith("A strong storm")
    assert body_texts(art) == ["The storm arrived at dawn."]


def test_updated_only_date_is_used_and_kept_as_updated():
    text = "Storm Hits the Coast\n\nBy Ann Poe | Updated Jan. 3, 2021\n\nThe storm arrived at dawn.\n"
    art = read_scraped_text(text, "x.txt")
    assert art.authors == ["Ann Poe"]
    assert art.updated == "2021-01-03" and art.published == "2021-01-03"


def test_published_preferred_over_updated():
    text = ("Storm Hits the Coast\n\nBy Ann Poe\nPublished 2021-01-02T08:00:00Z\nUpdated 2021-01-03T09:30:00Z\n\n"
            "The storm arrived at dawn.\n")
    art = read_scraped_text(text, "x.txt")
    assert art.published == "2021-01-02T08:00:00+00:00" and art.updated == "2021-01-03T09:30:00+00:00"


def test_outlet_from_byline_dateline_and_url():
    by = read_scraped_text("Storm Hits\n\nBY ANN POE, CNN\n\nThe storm arrived at dawn.\n", "x.txt")
    assert by.authors == ["Ann Poe"] and by.outlet == "CNN"
    wire = read_scraped_text("Storm Hits\n\nWASHINGTON (Reuters) - The storm arrived at dawn.\n", "x.txt")
    assert wire.outlet == "Reuters"
    assert read_scraped_text("Storm Hits\n\nThe storm arrived.\n", "x.txt", url="https://www.example-news.com/a").outlet == "example-news.com"
    assert outlet_from_url("https://edition.cnn.com/2021/01/02/x") == "CNN"
    assert outlet_from_url(None) is None


def test_title_too_long_to_be_a_title_is_body():
    first = " ".join(["word"] * 50) + "."
    art = read_scraped_text(first + "\n\nSecond paragraph.\n", "x.txt")
    assert art.title is None and len(art.paragraphs) == 2


def test_leading_widget_label_is_skipped_before_the_title():
    art = read_scraped_text("Advertisement\nStorm Hits the Coast\n\nThe storm arrived at dawn.\n", "x.txt")
    assert art.title == "Storm Hits the Coast"


def test_date_at_the_end_counts_only_when_labelled():
    body = "Storm Hits the Coast\n\nThe storm arrived at dawn.\n\nThe coast is calm again.\n\n"
    assert read_scraped_text(body + "Saturday, December 19, 2015.\n", "x.txt").published is None
    assert read_scraped_text(body + "Published December 19, 2015\n", "x.txt").published == "2015-12-19"
    late_byline = read_scraped_text(body + "By Ann Poe\n", "x.txt")
    assert late_byline.authors == ["Ann Poe"] and len(late_byline.paragraphs) == 2


def test_pathological_lines_lay_out_in_linear_time():
    for line in ("." * 100_000, "a@" * 50_000, '."x' * 30_000, "!" * 100_000):
        started = time.perf_counter()
        read_scraped_text("Title\n\n" + line + "\n", "x.txt")
        assert time.perf_counter() - started < 10


_PIECES = st.sampled_from(["Title Line", "By Ann Poe Jan 2, 2021 6:49 PMTags", "Watch: A Teaser", "R. Tan/Getty Images",
                           "A sentence of prose.", '"A quote," she said.', "Sign up for our newsletter!", "and wrapped",
                           "\n", "\n\n", "\r\n", " ", "\u00a0", "\u201c", "Case in point?", "Latest News"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_blocks_are_ordered_stripped_spans_of_the_text(pieces):
    text = "".join(pieces)
    art = read_scraped_text(text, "x.txt")
    last_end = 0
    for b in art.blocks:
        assert last_end <= b.start < b.end <= len(text)
        span = text[b.start:b.end]
        assert span == span.strip() and span
        last_end = b.end


def test_cast_heading_between_paragraphs_is_kept_as_a_heading_not_body():
    from quotegraph.article.layout import read_scraped_text

    text = ("Harbour Nights finale: how the cast reacted\n\n"
            "It is pretty gratifying to revisit the reactions of the cast, which reveal conflicted feelings.\n\n"
            "Mara Quell (Odile Varne)\n\n"
            "\u201cI had to get up and pace around the room,\u201d Quell told a magazine on Monday.\n")
    art = read_scraped_text(text, "<test>")
    headings = [text[b.start:b.end] for b in art.blocks if b.kind == "heading"]
    assert headings == ["Mara Quell (Odile Varne)"]
    assert all(text[b.start:b.end] != "Mara Quell (Odile Varne)" for b in art.paragraphs)


def test_outlet_given_an_exclusive_interview_is_the_article_outlet():
    for said in ("The singer exclusively told Hey There! that she was thrilled.",
                 "The singer, speaking exclusively to The Daily Example, said she was thrilled.",
                 "The singer tells Example News in an exclusive interview that she was thrilled."):
        art = read_scraped_text(f"Singer Talks New Role\n\n{said}\n\nShe starts in May.\n", "x.txt")
        assert art.outlet in ("Hey There!", "The Daily Example", "Example News")


def test_outlet_someone_told_is_believed_only_when_the_url_agrees():
    text = "Singer Talks New Role\n\nThe singer told The Example Reporter at the premiere that she was thrilled.\n"
    assert read_scraped_text(text, "x.txt").outlet is None  # an interview another outlet gave is often cited
    assert read_scraped_text(text, "x.txt", url="https://www.examplereporter.com/a").outlet == "The Example Reporter"
    assert read_scraped_text(text, "x.txt", url="https://www.other-site.com/a").outlet == "other-site.com"


def test_outlet_from_a_staff_byline_and_a_copyright_line():
    staff = read_scraped_text("Storm Hits Town\n\nBy Example Gazette Staff\n\nThe storm arrived on Monday.\n", "x.txt")
    assert staff.outlet == "Example Gazette" and staff.authors == []
    text = "Storm Hits Town\n\nThe storm arrived on Monday.\n\n\u00a9 2024 Example Media Group. All rights reserved.\n"
    assert read_scraped_text(text, "x.txt").outlet == "Example Media Group"
