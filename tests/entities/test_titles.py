"""Titles, offices and affiliations written before a person's name are not part of the name."""
from __future__ import annotations

from quotegraph.entities import find_entities


def mention_texts(text, entity):
    return [text[m.start:m.end] for m in entity.mentions]


def test_organization_and_office_before_a_name_are_split_off(parse, entity_types):
    text = "Northwind Bank CEO Harold Brenner testified before the committee on Tuesday."
    ents = entity_types(text)
    assert ents["Harold Brenner"] == "person"
    assert ents["Northwind Bank"] == "organization"
    assert not any("CEO" in name for name in ents)


def test_place_and_abbreviated_title_before_a_name_are_split_off(parse, entity_types):
    ents = entity_types("Ohio Sen. Margaret Quinlan told him to resign.")
    assert ents["Margaret Quinlan"] == "person"
    assert ents.get("Ohio") == "place"
    assert not any("Sen." in name for name in ents)


def test_nationality_and_multiword_office_before_a_name(parse, entity_types):
    ents = entity_types("Israeli Prime Minister Daniel Levi spoke at the summit.")
    assert ents["Daniel Levi"] == "person"
    assert not any("Minister" in name or "Israeli" in name for name in ents)


def test_title_with_of_starting_before_the_capitals(parse, entity_types):
    ents = entity_types("Secretary of State Anna Lindqvist met her counterpart in Geneva.")
    assert ents["Anna Lindqvist"] == "person"
    assert "State" not in ents and "State Anna Lindqvist" not in ents


def test_party_word_and_lowercase_role_before_a_name(parse, entity_types):
    assert "Tom Walker" in entity_types("Republican presidential nominee Tom Walker said the system was rigged.")
    ents = entity_types("Republican Tom Walker said the system was rigged.")
    assert ents["Tom Walker"] == "person"
    assert "Republican Tom Walker" not in ents


def test_modifier_before_an_office_belongs_to_the_title(parse, entity_types):
    ents = entity_types("Former Acme Corp Chief Executive Dana Whitfield left in March.")
    assert ents["Dana Whitfield"] == "person"
    assert not any("Former" in name or "Chief" in name for name in ents)


def test_the_nearest_title_to_the_name_splits_it(parse):
    # "General" opens the company's name; "CEO" is the office
    text = "General Motors CEO Jane Ortiz announced a recall on Monday."
    ents = find_entities(parse(text))
    names = {e.name for e in ents}
    assert "Jane Ortiz" in names
    assert "Motors" not in names and not any("CEO" in n for n in names)


def test_title_word_inside_another_kind_of_name_stays(parse, entity_types):
    ents = entity_types("The tour will stop in St. Louis in May, and the Justice Department will watch it.")
    assert ents.get("St. Louis") == "place"
    assert "Louis" not in ents
    assert "Department" not in ents


def test_a_lone_office_is_not_a_name(parse, entity_types):
    ents = entity_types("The Attorney General declined to comment, and so did the Attorney General's staff.")
    assert "General" not in ents


def test_surname_that_is_also_an_office_keeps_its_honorific_off(parse):
    text = "Jim Justice is running for governor. Mr. Justice said he would win."
    [justice] = [e for e in find_entities(parse(text)) if e.name == "Jim Justice"]
    assert mention_texts(text, justice) == ["Jim Justice", "Justice"]


def test_magazine_edition_is_not_a_person(parse, entity_types):
    # spaCy's small model calls "Glamour UK" a PERSON here; no person's name ends in an acronym
    text = "But in an interview with Glamour UK, Maria Lopez and Dana Whitfield revealed that they are friends."
    ents = entity_types(text)
    assert ents["Glamour UK"] == "organization"
    assert ents["Maria Lopez"] == ents["Dana Whitfield"] == "person"


def test_title_and_name_chain_with_the_surname_later(parse):
    text = ("Northwind Bank CEO Harold Brenner testified on Tuesday.\n\n"
            "Brenner said the bank had fired 5,300 employees. Northwind Bank declined to comment further.")
    ents = {e.name: e for e in find_entities(parse(text))}
    assert mention_texts(text, ents["Harold Brenner"]) == ["Harold Brenner", "Brenner"]
    assert mention_texts(text, ents["Northwind Bank"]) == ["Northwind Bank", "Northwind Bank"]


def test_words_between_two_straight_quotes_are_no_quoted_title(parse, entity_types):
    text = ("Senator Sarah Mitchell and Governor David Johnson disagree about the port.\n\n"
            'Mitchell: "Our goal is to open the port by June, not to study it." '
            'Johnson: "The plan is to close the port for a year."')
    assert not any(n.endswith(":") for n in entity_types(text))
