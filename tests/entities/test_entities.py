"""Entities: name chains to the fullest form, and types from context."""
from __future__ import annotations

from quotegraph.entities import find_entities


def by_name(entities):
    return {e.name: e for e in entities}


def mention_texts(text, entity):
    return [text[m.start:m.end] for m in entity.mentions]


def test_first_name_and_possessive_chain_to_the_full_name(parse):
    text = ("Jordan Hale opened the festival on Friday.\n\n"
            "Later, Jordan thanked the crowd. Jordan's new film premiered after the speech.")
    ents = by_name(find_entities(parse(text)))
    assert "Jordan" not in ents
    hale = ents["Jordan Hale"]
    assert hale.type == "person"
    assert mention_texts(text, hale) == ["Jordan Hale", "Jordan", "Jordan"]
    assert "Jordan" in hale.aliases


def test_surname_alone_chains_to_the_full_name(parse):
    text = "Senator Maria Delgado spoke on Tuesday. Delgado said the bill would pass."
    ents = by_name(find_entities(parse(text)))
    assert set(mention_texts(text, ents["Maria Delgado"])) == {"Maria Delgado", "Delgado"}


def test_ambiguous_surname_goes_to_the_most_recent_full_name(parse):
    text = ("Hillary Clinton campaigned in Ohio. Bill Clinton stayed in New York.\n\n"
            "Clinton told reporters he was proud of her.")
    ents = by_name(find_entities(parse(text)))
    bill = mention_texts(text, ents["Bill Clinton"])
    assert bill == ["Bill Clinton", "Clinton"]
    assert mention_texts(text, ents["Hillary Clinton"]) == ["Hillary Clinton"]


def test_a_gendered_title_picks_the_full_name_of_that_gender_not_the_most_recent(parse):
    text = ("Nora Whitcombe opened her campaign office in Dayton. Paul Whitcombe, a lawyer, was not there.\n\n"
            "Mrs. Whitcombe said the race would be close. Mr. Whitcombe said nothing.")
    ents = by_name(find_entities(parse(text)))
    assert mention_texts(text, ents["Nora Whitcombe"]) == ["Nora Whitcombe", "Whitcombe"]
    assert mention_texts(text, ents["Paul Whitcombe"]) == ["Paul Whitcombe", "Whitcombe"]


def test_a_gendered_title_never_joins_the_one_full_name_of_the_other_gender(parse):
    text = ("Paul Whitcombe said his firm would hire forty people in Dayton.\n\n"
            "Mrs. Whitcombe, who runs the charity, said the jobs were welcome. Mr. Whitcombe smiled.")
    ents = by_name(find_entities(parse(text)))
    assert mention_texts(text, ents["Paul Whitcombe"]) == ["Paul Whitcombe", "Whitcombe"]
    assert mention_texts(text, ents["Whitcombe"]) == ["Whitcombe"]


def test_a_gendered_title_goes_by_the_given_name_when_the_text_says_nothing_more(parse):
    text = ("Nora Whitcombe spoke in Dayton. Paul Whitcombe was not there.\n\n"
            "Mrs. Whitcombe said the race would be close.")
    ents = by_name(find_entities(parse(text)))
    assert mention_texts(text, ents["Nora Whitcombe"]) == ["Nora Whitcombe", "Whitcombe"]


def test_given_name_gender_reads_only_a_full_name_with_a_clear_given_name():
    from quotegraph.entities.mentions import given_name_gender

    assert given_name_gender("Nora Whitcombe") == "f"
    assert given_name_gender("Paul Whitcombe") == "m"
    assert given_name_gender("Jordan Whitcombe") is None  # worn by both
    assert given_name_gender("Whitcombe") is None
    assert given_name_gender("N. Whitcombe") is None


def test_surname_alone_is_the_person_not_the_organization_named_after_them(parse):
    text = ("Martha Quillon spoke at a gala of the Quillon Foundation on Friday. "
            "The Quillon Foundation gave away $2 million. Quillon said the night went well, and Quillon left early.")
    ents = by_name(find_entities(parse(text)))
    assert mention_texts(text, ents["Martha Quillon"]) == ["Martha Quillon", "Quillon", "Quillon"]
    assert "Quillon" not in mention_texts(text, ents["Quillon Foundation"])


def test_headline_names_are_found_from_the_body(parse):
    text = ("Emily in Paris Star Ashley Park Reveals Her Plans\n\n"
            "Ashley Park plays a singer on Emily in Paris. Emily in Paris returns next year.")
    ents = by_name(find_entities(parse(text, title=True)))
    assert ents["Ashley Park"].mentions[0].start == text.index("Ashley Park")
    assert ents["Emily in Paris"].type == "work"
    assert len(ents["Emily in Paris"].mentions) == 3
    assert "Star Ashley Park" not in ents


def test_recurring_title_with_in_is_one_work(parse):
    text = ("The cast of Letters from Lisbon met fans. Fans of Letters from Lisbon waited for hours.")
    ents = by_name(find_entities(parse(text)))
    assert ents["Letters from Lisbon"].type == "work"
    assert "Lisbon" not in ents


def test_title_ending_in_a_work_word_is_a_work(parse):
    text = "Dozens of singers joined Ratatouille: The TikTok Musical on Friday."
    ents = by_name(find_entities(parse(text)))
    assert ents["Ratatouille: The TikTok Musical"].type == "work"


def test_name_before_star_is_a_work_and_network_is_an_organization(parse):
    text = "Ozark star Julia Garner said the final season of Ozark is on Netflix."
    ents = by_name(find_entities(parse(text)))
    assert ents["Ozark"].type == "work"
    assert ents["Netflix"].type == "organization"
    assert ents["Julia Garner"].type == "person"


def test_the_netflix_star_is_not_a_work(parse):
    text = "The Netflix star explained that Netflix wanted more episodes."
    ents = by_name(find_entities(parse(text)))
    assert ents["Netflix"].type == "organization"


def test_parenthesized_name_after_an_actor_is_a_character(parse):
    text = "In the interview, Lily Collins (Emily) and Ashley Park (Mindy) talked about Paris."
    ents = by_name(find_entities(parse(text)))
    assert ents["Emily"].type == "character"
    assert ents["Mindy"].type == "character"
    assert ents["Lily Collins"].type == "person"
    assert ents["Ashley Park"].type == "person"


def test_object_of_plays_is_a_character_and_on_x_is_the_work(parse):
    text = ("The actress, who plays the fun and vibrant Mindy Chen on Emily in Paris, spoke to us. "
            "Mindy sings in the second season.")
    ents = by_name(find_entities(parse(text)))
    assert ents["Mindy Chen"].type == "character"
    assert ents["Emily in Paris"].type == "work"
    assert "Mindy" in ents["Mindy Chen"].aliases


def test_on_screen_counterpart_is_a_character(parse):
    text = ("Lily Collins loves friendship, and her on-screen counterpart, Gwen, does as well.")
    ents = by_name(find_entities(parse(text)))
    assert ents["Gwen"].type == "character"
    assert ents["Lily Collins"].type == "person"


def test_honorific_is_not_part_of_the_name(parse):
    text = "Secretary of State John Kerry met Mrs. Ann Lowe in Geneva. Kerry smiled."
    ents = by_name(find_entities(parse(text)))
    assert ents["John Kerry"].type == "person"
    assert ents["Ann Lowe"].type == "person"
    assert "Mrs. Ann Lowe" not in ents


def test_organization_suffix_makes_an_organization(parse):
    text = "The film was made by Seaview Productions and shown at the Lakeside Film Foundation."
    ents = by_name(find_entities(parse(text)))
    assert ents["Seaview Productions"].type == "organization"
    assert ents["Lakeside Film Foundation"].type == "organization"


def test_lone_first_name_from_a_title_is_its_title_character(parse):
    text = ("Emily in Paris returns in December. Emily in Paris fans are thrilled.\n\n"
            "This season, Emily moves into a new apartment.")
    ents = by_name(find_entities(parse(text)))
    assert ents["Emily"].type == "character"
    assert ents["Emily in Paris"].type == "work"


def test_mentions_are_sorted_and_ids_follow_first_mention(parse):
    text = "Nora Quinn met Paul Avery. Avery and Quinn talked."
    ents = find_entities(parse(text))
    assert [e.name for e in ents[:2]] == ["Nora Quinn", "Paul Avery"]
    assert [e.id for e in ents[:2]] == ["e1", "e2"]
    for e in ents:
        assert [m.start for m in e.mentions] == sorted(m.start for m in e.mentions)


def test_full_name_given_only_in_the_headline_names_the_chain(parse):
    text = ("Singer Maria Lopez Talks About Her New Album\n\n"
            "Maria spent three years on the record. Maria said it was worth it.")
    ents = by_name(find_entities(parse(text, title=True)))
    assert "Maria" not in ents
    assert mention_texts(text, ents["Maria Lopez"]) == ["Maria Lopez", "Maria", "Maria"]
