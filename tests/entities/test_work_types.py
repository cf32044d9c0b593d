"""Works recognised by how the text treats a title; places, nationalities and datelines are not works or people."""
from __future__ import annotations

from quotegraph.entities import find_entities
from quotegraph.entities.relations import find_relations


def test_titles_between_quotation_marks_are_works(parse, entity_types):
    text = ("The singer's new single \u201cHarbour Lights Tonight\u201d follows \u201cRemedy,\u201d "
            "and the revival of 'The Glass Parade' opened on Thursday.")
    ents = entity_types(text)
    assert ents.get("Harbour Lights Tonight") == "work"
    assert ents.get("Remedy") == "work"
    assert ents.get("The Glass Parade") == "work"


def test_one_capitalized_word_of_speech_is_not_a_title(parse, entity_types):
    text = "\u201cAbsolutely,\u201d she said when asked whether Mara Quill would return."
    assert "Absolutely" not in entity_types(text)


def test_name_after_a_networks_possessive_is_a_work(parse, entity_types):
    text = "Sarah Okafor stars in Netflix's Silver Harbour, and she also joined ITV's long-running drama Kelso Road."
    ents = entity_types(text)
    assert ents.get("Silver Harbour") == "work"
    assert ents.get("Kelso Road") == "work"


def test_title_with_a_possessive_inside_recurs_as_one_work(parse, entity_types):
    text = ("Tom Reyes joins The Keeper's Hour this autumn. In The Keeper's Hour, Reyes plays a detective.")
    ents = entity_types(text)
    assert ents.get("The Keeper's Hour") == "work"
    assert "Hour" not in ents


def test_dateline_and_places_are_not_works_or_people(parse, entity_types):
    text = ("MOSCOW, May 3 - Lena Varga appeared in Paris on Monday. The French actor said she was pleased.")
    ents = entity_types(text)
    assert ents.get("MOSCOW") in (None, "place")
    assert ents.get("Paris") in (None, "place")
    assert ents.get("French") in (None, "place", "other")


def test_earlier_credit_is_not_the_work_of_a_role(parse):
    text = ("Dawnfall is back. Its star Mira Chen, the former 'Glass Tower' superstar, plays the rebel Tavi.")
    parsed = parse(text)
    ents = find_entities(parsed)
    rels = find_relations(parsed, ents)
    plays = [(r.subject, r.object, r.qualifier) for r in rels if r.predicate == "plays"]
    assert all(q != "Glass Tower" for _, _, q in plays)


def test_events_and_products_ending_in_show_or_series_are_not_works(parse, entity_types):
    text = ("Carmakers unveiled new models at the Los Angeles Auto Show on Wednesday. "
            "The Apple Watch Series 5 is cheaper this week.")
    ents = entity_types(text)
    assert ents.get("Los Angeles Auto Show") != "work"
    assert ents.get("Apple Watch Series") != "work"


def test_two_names_glued_in_one_run_of_capitals_are_split(parse, entity_types):
    text = "Ohio Gov. Dana Pell Dana Marie Pell Ohio governor doubles down on the plan. Pell said it works."
    ents = entity_types(text)
    assert not any(n.count("Pell") > 1 for n in ents)


def test_organizations_joined_by_and_are_not_a_title(parse, entity_types):
    text = ("Officials at Harbour and Border Protection spoke. Harbour and Border Protection said it would act.")
    ents = entity_types(text)
    assert ents.get("Harbour and Border Protection") != "work"


def test_a_writer_on_a_comedy_is_not_a_work(parse, entity_types):
    text = "Tara Quinn was most recently a writer on the comedy Late Rooms. Quinn said she loved it."
    ents = entity_types(text)
    assert ents.get("Quinn") != "work" and ents.get("Tara Quinn") == "person"


def test_a_name_after_the_verb_shows_is_not_a_work(entity_types):
    text = ("The new poll shows Maria Lopez ahead by four points. The video shows Tom Reed leaving the hall. "
            "The series Harbor Lights returns in May.")
    ents = entity_types(text)
    assert ents.get("Maria Lopez") == "person" and ents.get("Tom Reed") == "person"
    assert ents.get("Harbor Lights") == "work"
