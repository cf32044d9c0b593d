"""Casting lines as outlets write them: "X as Y" lists, "stars as Y", "Y (played by X)", "Y (Show's X)",
"Character (Actor)" against "Actor (Character)" by evidence, and networks before a work."""
from __future__ import annotations

from quotegraph.entities import find_entities
from quotegraph.entities.relations import find_relations


def facts(parse, text: str) -> set[tuple]:
    parsed = parse(text)
    ents = find_entities(parsed)
    return {(r.subject, r.predicate, r.object, r.qualifier) for r in find_relations(parsed, ents)}


def types(parse, text: str) -> dict[str, str]:
    return {e.name: e.type for e in find_entities(parse(text))}


def test_cast_list_with_as(parse):
    text = ("Harbour Nights premieres tonight. Harbour Nights also stars Dana Whitlow as Marnie, "
            "Colm Feeney as Father Ambrose and Priya Sood as Inspector Nell Carver.")
    got = facts(parse, text)
    assert ("Dana Whitlow", "plays", "Marnie", "Harbour Nights") in got
    ents = types(parse, text)
    assert ents["Marnie"] == "character"
    assert ents["Dana Whitlow"] == "person"


def test_stars_as_takes_the_subject(parse):
    text = "In Lowmoor, Tilda Brack stars as Agnes, a farmer with a secret. Brack said she loved it."
    assert ("Tilda Brack", "plays", "Agnes", "Lowmoor") in facts(parse, text)


def test_played_by_in_parentheses(parse):
    text = ("The drama Cold Water follows spy Rhona (played by Ines Marlow) who meets a man named Teo. "
            "Marlow said the role was a gift.")
    got = facts(parse, text)
    assert ("Ines Marlow", "plays", "Rhona", "Cold Water") in got


def test_character_before_actor_with_a_credit_in_parentheses(parse):
    text = ("The drama Greyhaven, written by Ada Finch, follows Nora (Saltmarsh's Bea Lindqvist), "
            "a nurse who cannot sleep. Lindqvist told reporters it was hard.")
    got = facts(parse, text)
    assert ("Bea Lindqvist", "plays", "Nora", "Greyhaven") in got
    assert types(parse, text)["Nora"] == "character"


def test_character_then_actor_decided_by_the_surname_the_article_uses(parse):
    text = ("The cast of Ironvale reunited. Mara Quell (Kit Dunmore) was there. "
            "\u201cIt was lovely,\u201d Dunmore said.")
    ents = types(parse, text)
    assert ents["Mara Quell"] == "character"
    assert ents["Kit Dunmore"] == "person"


def test_known_as_names_and_does_not_cast(parse):
    text = "The singer Joanna Pell, known as Jopie, released a new album on Friday."
    assert types(parse, text).get("Jopie") != "character"


def test_network_possessive_before_a_work_gives_streams_on(parse):
    text = "Felix Marr joins Netflix's long-running drama Copper Lane next year."
    assert ("Copper Lane", "streams on", "Netflix", None) in facts(parse, text)


def test_numbered_character_takes_the_work_named_after_it(parse):
    text = ("Rob Tennet played the Ninth Warden in Warden Chronicles, while Lowmoor producer Sue Ames watched. "
            "Tennet said Lowmoor was different.")
    got = facts(parse, text)
    assert ("Rob Tennet", "plays", "Ninth Warden", "Warden Chronicles") in got


def test_subject_after_a_role_and_comma_is_not_the_character(parse):
    text = "Marla Quince plays Odile in Brightwater. Speaking about the role, Quince told reporters it was hard."
    ents = types(parse, text)
    assert ents["Marla Quince"] == "person"
    assert ents["Odile"] == "character"


def test_title_does_not_end_in_a_networks_name(parse):
    text = ("Lena Hart plays Queen Mab in ITV's Mab. Lena Hart plays Queen Mab in ITV's Mab, which airs soon.")
    ents = types(parse, text)
    assert not any(name.endswith("ITV") and name != "ITV" for name in ents)


def test_a_characters_title_stays_in_the_characters_name(parse):
    text = "Wardline also stars Noor Hadid as Dr Petra Vale. Hadid said the hospital scenes were hard."
    got = facts(parse, text)
    assert ("Noor Hadid", "plays", "Dr Petra Vale", "Wardline") in got


def test_her_role_goes_to_the_subject_named_before(parse):
    text = "Gwen Harrow has made many films, but her best known role is as Ruth Penhale in Tidewater."
    assert ("Gwen Harrow", "plays", "Ruth Penhale", "Tidewater") in facts(parse, text)
