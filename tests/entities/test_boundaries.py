"""Name boundaries: role nouns, gerunds, possessive marks, headline words and number words at a name's edges."""
from __future__ import annotations


def test_capitalized_role_noun_before_a_full_name_is_not_part_of_it(parse, entity_types):
    text = ("Star Marlon Kettering praised the crew. ACTRESS Greta Holloway said she was thrilled, "
            "and Producer Ivan Sorensky agreed.")
    ents = entity_types(text)
    assert "Marlon Kettering" in ents and "Greta Holloway" in ents and "Ivan Sorensky" in ents
    assert not any(n.split()[0].lower() in {"star", "actress", "producer"} for n in ents)


def test_gerund_opening_a_headline_is_not_part_of_the_name(parse, entity_types):
    text = "The Lantern Show, Starring Hugh Pellman, Opens Downtown\n\nThe revival stars Hugh Pellman, who said it was fun."
    ents = entity_types(text)
    assert "Hugh Pellman" in ents
    assert not any(n.startswith("Starring") for n in ents)


def test_possessive_mark_does_not_open_a_name(parse, entity_types):
    text = "The drama also stars Paradox's Emun Elliottson as a surgeon. Emun Elliottson said he loved it."
    names = entity_types(text)
    assert not any(n.startswith(("'s", "’s")) for n in names)


def test_office_title_between_affiliation_and_name_is_split_off(parse, entity_types):
    text = "Eastbrook Town Fire Department Chief Tony Whitacre said crews were ready, Eastbrook Town Supervisor Sean Walden added."
    ents = entity_types(text)
    assert "Tony Whitacre" in ents and "Sean Walden" in ents
    assert not any("Chief" in n or "Supervisor" in n for n in ents)


def test_number_word_inside_a_name_stays_in_it(parse, entity_types):
    text = "The drama airs on BBC One next week, and the film Dawnfall: Part Two opens in May."
    ents = entity_types(text)
    assert "BBC One" in ents
    assert "BBC" not in ents


def test_sentence_opening_gerund_tagged_as_a_name_is_not_part_of_it(parse, entity_types):
    text = ("Apple chief Tim Crane spoke on Tuesday. Crane said sales were up.\n\n"
            "Welcoming Crane at the summit \"is our honour,\" Ruth Bell said.")
    ents = entity_types(text)
    assert not any(n.startswith("Welcoming") for n in ents)


def test_team_and_position_before_a_players_name_come_off(parse, entity_types):
    text = "Ravens DL Marcus Oyelaran, however, decided to weigh in on Thursday. Oyelaran said it was over."
    ents = entity_types(text)
    assert "Marcus Oyelaran" in ents
    assert ents.get("Ravens") in (None, "organization")


def test_the_plural_name_is_a_team_not_a_person(parse, entity_types):
    text = "The Steelers lost again on Sunday, and the Ravens won. Coach Dana Pruitt said the Steelers were tired."
    ents = entity_types(text)
    assert ents.get("Steelers") != "person"


def test_leading_the_is_not_part_of_an_organizations_name(parse, entity_types):
    text = "The Northfield Health Organization said on Monday that The Northfield Health Organization would act."
    ents = entity_types(text)
    assert "Northfield Health Organization" in ents


def test_lowercase_half_of_a_hyphenated_given_name_stays_in_the_name(parse, entity_types):
    text = ("Secretary General Ban Ki-moon met President Park Geun-hye in Seoul on Friday. "
            "Ban said the talks went well.")
    ents = entity_types(text)
    assert "Ban Ki-moon" in ents and "Park Geun-hye" in ents
    assert "Ban Ki" not in ents and "Park Geun" not in ents


def test_a_hyphenated_word_after_a_single_name_does_not_join_it(parse, entity_types):
    text = "Lawmakers revisited Obama-era rules on Tuesday, and Obama said nothing."
    ents = entity_types(text)
    assert not any("-era" in n for n in ents)


def test_words_before_a_full_name_the_article_uses_more_often_are_not_part_of_it(parse, entity_types):
    text = ("Tweets targeting former Miss Galaxy Rosa Marquel drew criticism. Rosa Marquel said she would sue. "
            "Rosa Marquel left. Later, Marquel spoke again.")
    ents = entity_types(text)
    assert "Rosa Marquel" in ents and "Galaxy Rosa Marquel" not in ents


def test_a_given_name_before_a_two_word_surname_stays(parse, entity_types):
    text = "Tomas Ruiz Villar spoke first. Ruiz Villar said the plan would work, and Ruiz Villar left."
    assert "Tomas Ruiz Villar" in entity_types(text)
