"""Casting lines as outlets write them: "X as Y" lists, "stars as Y", "Y (played by X)", "Y (Show's X)",
"Character (Actor)" against "Actor (Character)" by evidence, and networks before a work."""
from __future__ import annotations

from quotegraph.entities import find_entities
from quotegraph.entities.relations import find_relations


def facts(parse, text: str) -> set[tuple]:
    parsed = parse(text)
    ents = find_entities(parsed)
    return {(r.subject, r.predicate, r.object, r.qualifier) for r in find_relations(parsed, ents)}


def test_cast_list_with_as(parse, entity_types):
    text = ("Harbour Nights premieres tonight. Harbour Nights also stars Dana Whitlow as Marnie, "
            "Colm Feeney as Father Ambrose and Priya Sood as Inspector Nell Carver.")
    got = facts(parse, text)
    assert ("Dana Whitlow", "plays", "Marnie", "Harbour Nights") in got
    ents = entity_types(text)
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


def test_character_before_actor_with_a_credit_in_parentheses(parse, entity_types):
    text = ("The drama Greyhaven, written by Ada Finch, follows Nora (Saltmarsh's Bea Lindqvist), "
            "a nurse who cannot sleep. Lindqvist told reporters it was hard.")
    got = facts(parse, text)
    assert ("Bea Lindqvist", "plays", "Nora", "Greyhaven") in got
    assert entity_types(text)["Nora"] == "character"


def test_character_then_actor_decided_by_the_surname_the_article_uses(parse, entity_types):
    text = ("The cast of Ironvale reunited. Mara Quell (Kit Dunmore) was there. "
            "\u201cIt was lovely,\u201d Dunmore said.")
    ents = entity_types(text)
    assert ents["Mara Quell"] == "character"
    assert ents["Kit Dunmore"] == "person"


def test_known_as_names_and_does_not_cast(parse, entity_types):
    text = "The singer Joanna Pell, known as Jopie, released a new album on Friday."
    assert entity_types(text).get("Jopie") != "character"


def test_network_possessive_before_a_work_gives_streams_on(parse):
    text = "Felix Marr joins Netflix's long-running drama Copper Lane next year."
    assert ("Copper Lane", "streams on", "Netflix", None) in facts(parse, text)


def test_numbered_character_takes_the_work_named_after_it(parse):
    text = ("Rob Tennet played the Ninth Warden in Warden Chronicles, while Lowmoor producer Sue Ames watched. "
            "Tennet said Lowmoor was different.")
    got = facts(parse, text)
    assert ("Rob Tennet", "plays", "Ninth Warden", "Warden Chronicles") in got


def test_subject_after_a_role_and_comma_is_not_the_character(parse, entity_types):
    text = "Marla Quince plays Odile in Brightwater. Speaking about the role, Quince told reporters it was hard."
    ents = entity_types(text)
    assert ents["Marla Quince"] == "person"
    assert ents["Odile"] == "character"


def test_title_does_not_end_in_a_networks_name(parse, entity_types):
    text = ("Lena Hart plays Queen Mab in ITV's Mab. Lena Hart plays Queen Mab in ITV's Mab, which airs soon.")
    ents = entity_types(text)
    assert not any(name.endswith("ITV") and name != "ITV" for name in ents)


def test_a_characters_title_stays_in_the_characters_name(parse):
    text = "Wardline also stars Noor Hadid as Dr Petra Vale. Hadid said the hospital scenes were hard."
    got = facts(parse, text)
    assert ("Noor Hadid", "plays", "Dr Petra Vale", "Wardline") in got


def test_her_role_goes_to_the_subject_named_before(parse):
    text = "Gwen Harrow has made many films, but her best known role is as Ruth Penhale in Tidewater."
    assert ("Gwen Harrow", "plays", "Ruth Penhale", "Tidewater") in facts(parse, text)


def test_the_role_of_in_a_sentence_about_acting(parse):
    text = ("Harbour Nights is ending. Harbour Nights actor Tom Brennan has spoken about his decision to leave "
            "the role of Father Ambrose after six years.")
    assert ("Tom Brennan", "plays", "Father Ambrose", "Harbour Nights") in facts(parse, text)


def test_the_role_of_outside_acting_casts_nobody(parse):
    text = ("The inquiry met on Monday. Senator Ruth Callow asked about the role of Peter Dunmore in the "
            "contract talks.")
    assert not any(p == "plays" for _, p, _, _ in facts(parse, text))


def test_cue_verb_with_a_phrase_before_as(parse):
    text = ("Harbour Nights returns in May. Dana Whitlow is back. The 31-year-old actress will return to "
            "screens as a young Marnie Quill in Harbour Nights.")
    assert ("Dana Whitlow", "plays", "Marnie Quill", "Harbour Nights") in facts(parse, text)


def test_as_after_a_verb_outside_acting_casts_nobody(parse):
    text = "The bank reported a loss. Its founder, Alan Roe, will return to the board as chairman Simon Pratt leaves."
    assert not any(p == "plays" for _, p, _, _ in facts(parse, text))


def test_work_after_a_networks_possessive(parse):
    text = "Dana Whitlow stars as Marnie Quill in Acme's Harbour Nights, out next month."
    assert ("Dana Whitlow", "plays", "Marnie Quill", "Harbour Nights") in facts(parse, text)


def test_owners_character_described_before_its_name(parse, entity_types):
    text = ("The series Lowmoor follows a family of farmers. Rob Lane's character, "
            "disgraced farmer Tam Brodie, returns home.")
    assert ("Rob Lane", "plays", "Tam Brodie", "Lowmoor") in facts(parse, text)
    assert entity_types(text)["Tam Brodie"] == "character"


def test_played_by_belongs_to_the_name_right_before(parse):
    text = ("In Lowmoor, Tilda Brack plays Agnes, the farmer who takes in Tam (played by Rob Lane) after "
            "the flood.")
    got = facts(parse, text)
    assert ("Rob Lane", "plays", "Tam", "Lowmoor") in got
    assert ("Rob Lane", "plays", "Agnes", "Lowmoor") not in got


def test_character_then_actor_in_parentheses_plays(parse):
    text = ("The cast of Ironvale reunited. Mara Quell (Kit Dunmore) was there. "
            "\u201cIt was lovely,\u201d Dunmore said.")
    assert ("Kit Dunmore", "plays", "Mara Quell", "Ironvale") in facts(parse, text)


def test_reprises_the_role_of_and_voices(parse):
    text = "The series Ironvale returns next week. Kit Dunmore reprises the role of Mara Quell, and Ann Lee voices Pip."
    got = facts(parse, text)
    assert ("Kit Dunmore", "plays", "Mara Quell", "Ironvale") in got
    assert ("Ann Lee", "plays", "Pip", "Ironvale") in got


def test_a_name_in_parentheses_casts_nobody_without_a_work(parse):
    text = "Senator Ann Lee (Democrat) and Bob Hart (Acme Corp) spoke. Lee said it was fine."
    assert not any(p == "plays" for _, p, _, _ in facts(parse, text))


def test_plot_summary_names_characters(parse, entity_types):
    text = ("Saltmarsh returns tonight. The drama tells the story of nurse Ilse, who looks after her nephew Tobin "
            "after her sister Greta vanishes.")
    ents = entity_types(text)
    assert ents["Tobin"] == "character"
    assert ents["Greta"] == "character"
    assert not any(p == "plays" for _, p, _, _ in facts(parse, text))


def test_plot_summary_keeps_the_actor_a_person(parse, entity_types):
    text = ("Saltmarsh returns tonight. The series follows Yorkshire farmer Ilse (played by Mara Quinlan), who "
            "falls for a man named Tobin in Aberdeen.")
    ents = entity_types(text)
    assert ents["Mara Quinlan"] == "person"
    assert ents["Tobin"] == "character"
    assert ents.get("Aberdeen") != "character"
    assert ents.get("Yorkshire") != "character"


def test_a_documentary_follows_real_people(parse, entity_types):
    text = "The documentary follows climber Ilse Varga as she prepares for the summit. Varga said it was hard."
    assert entity_types(text)["Ilse Varga"] != "character"


def test_playing_the_role_of_as_a_figure_of_speech_casts_nobody(parse):
    text = ("Senator Ruth Callow spoke on Monday. Her rivals are now playing the role of Peter Dunmore's loyal "
            "fixer, she said.")
    assert not any(p == "plays" for _, p, _, _ in facts(parse, text))


def test_play_the_same_games_as_casts_nobody(parse):
    text = "The Lumo Mini can play the same games as the original Lumo Deck, Acme said."
    assert not any(p == "plays" for _, p, _, _ in facts(parse, text))


def test_a_party_tag_in_parentheses_is_no_actor(parse):
    text = ("The film Copper Lane opened in Ohio on Friday. State Rep. Ann \"Annie\" Lee (D-Dayton) and "
            "Copper Lane's director spoke.")
    assert not any(p == "plays" for _, p, _, _ in facts(parse, text))
