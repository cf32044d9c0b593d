"""Credits and authorship as outlets write them: "the Show actress", "starring A and B", "a series from A",
"X, who co-wrote 'A' and 'B'", "A, a song X says she wrote", "X's new album, 30", "the X-created show"."""
from __future__ import annotations

from quotegraph.entities import find_entities
from quotegraph.entities.relations import find_relations


def facts(parse, text: str) -> set[tuple]:
    parsed = parse(text)
    ents = find_entities(parsed)
    return {(r.subject, r.predicate, r.object, r.qualifier) for r in find_relations(parsed, ents)}


def test_show_star_before_a_name_performed_in_it(parse):
    text = "'Moonfall' star Rosa Delgado arrived early. Delgado said the crowd was kind."
    assert ("Rosa Delgado", "performed in", "Moonfall", None) in facts(parse, text)


def test_starring_after_a_title(parse):
    text = 'The revival of "The Tin Parade," starring Nell Arden and Jo Pike, opened on Thursday.'
    got = facts(parse, text)
    assert ("Nell Arden", "performed in", "The Tin Parade", None) in got
    assert ("Jo Pike", "performed in", "The Tin Parade", None) in got


def test_series_from_its_makers(parse):
    text = ("The series is titled \u201cSaltworks.\u201d Orbit has ordered a new drama series from Dana Lowe "
            "and Ravi Mehta.")
    got = facts(parse, text)
    assert ("Dana Lowe", "created", "Saltworks", None) in got
    assert ("Ravi Mehta", "created", "Saltworks", None) in got


def test_who_cowrote_two_songs(parse):
    text = "Kim Teller, who co-wrote \u201cPaper Moons\u201d and \u201cLast Ferry,\u201d joined the sessions."
    got = facts(parse, text)
    assert ("Kim Teller", "created", "Paper Moons", None) in got
    assert ("Kim Teller", "created", "Last Ferry", None) in got


def test_song_the_singer_says_she_wrote_and_numbered_album(parse):
    text = ("Ora Vance's fourth studio album, 31, is out soon. It includes \u201cLanterns,\u201d a song Ora Vance "
            "says she wrote about her mother.")
    got = facts(parse, text)
    assert ("Ora Vance", "created", "31", None) in got
    assert ("Ora Vance", "created", "Lanterns", None) in got


def test_credit_description_set_beside_a_name_with_a_dash(parse):
    text = ("Rosa Delgado \u2013 the former child actor turned \u2018Moonfall\u2019 superstar, arrived early. "
            "She said the crowd was kind.")
    assert ("Rosa Delgado", "performed in", "Moonfall", None) in facts(parse, text)


def test_credit_description_of_somebody_else_is_not_apposed(parse):
    text = "Rosa Delgado, the Moonfall star's sister, arrived early."
    assert ("Rosa Delgado", "performed in", "Moonfall", None) not in facts(parse, text)


def test_bare_star_before_a_name_performed_in_the_articles_work(parse):
    text = ("The series Harbour Nights is back for a third season. Harbour Nights drew big crowds.\n\n"
            "Star Tom Brennan praised the writers.")
    assert ("Tom Brennan", "performed in", "Harbour Nights", None) in facts(parse, text)


def test_pop_star_before_a_name_is_no_credit(parse):
    text = ("The series Harbour Nights is back for a third season. Harbour Nights drew big crowds.\n\n"
            "Pop star Tom Brennan praised the writers.")
    assert ("Tom Brennan", "performed in", "Harbour Nights", None) not in facts(parse, text)


def test_starred_alongside_in_the_film(parse):
    text = ("The film 'Moonfall' opens on Friday. Rosa Delgado starred alongside Jo Pike in the film, which took two "
            "years to make.")
    got = facts(parse, text)
    assert ("Rosa Delgado", "performed in", "Moonfall", None) in got
    assert ("Jo Pike", "performed in", "Moonfall", None) in got


def test_a_work_that_stars_its_cast(parse):
    text = "The new series Copper Lane premieres on Netflix in May. Copper Lane stars Ann Lee and Tom Roe."
    got = facts(parse, text)
    assert ("Ann Lee", "performed in", "Copper Lane", None) in got
    assert ("Tom Roe", "performed in", "Copper Lane", None) in got


def test_which_also_stars_after_a_work_noun_and_its_name(parse):
    text = "It's a different role from her new Netflix show Copper Lane, which also stars Ann Lee."
    assert ("Ann Lee", "performed in", "Copper Lane", None) in facts(parse, text)


def test_recorded_the_album_named_after_the_noun(parse):
    text = "Singer Mira Voss recorded the album Blue Hours in Berlin. Blue Hours is out now."
    assert ("Mira Voss", "created", "Blue Hours", None) in facts(parse, text)


def test_loving_an_album_is_not_making_it(parse):
    text = "Mira Voss loved the album Blue Hours by Dee Kaye. Blue Hours is out now."
    assert ("Mira Voss", "created", "Blue Hours", None) not in facts(parse, text)
