"""Relations: facts stated about entities, by full names, each with the sentence as evidence."""
from __future__ import annotations

from quotegraph.entities import find_entities
from quotegraph.entities.relations import find_relations


def facts(parse, text: str, title: bool = False) -> set[tuple]:
    parsed = parse(text, title=title)
    return {(r.subject, r.predicate, r.object, r.qualifier) for r in find_relations(parsed, find_entities(parsed))}


def test_who_plays_character_on_work(parse):
    text = ("Julia Moss, who plays the sharp and funny Dee Carver on Harbor Lights, spoke to us. "
            "Harbor Lights returns in May.")
    assert ("Julia Moss", "plays", "Dee Carver", "Harbor Lights") in facts(parse, text)


def test_description_who_plays_is_the_article_subject(parse):
    text = ("Harbor Lights Star Julia Moss Talks Season Two\n\n"
            "Julia Moss is back. The 34-year-old actress, who plays Dee Carver on Harbor Lights, "
            "shared an update. Harbor Lights fans can relax.")
    assert ("Julia Moss", "plays", "Dee Carver", "Harbor Lights") in facts(parse, text, title=True)


def test_actor_with_character_in_parentheses(parse):
    text = ("The series Harbor Lights is back.\n\n"
            "In an interview, Julia Moss (Dee) and Rob Lane (Marco) talked about the finale.")
    found = facts(parse, text)
    assert ("Julia Moss", "plays", "Dee", "Harbor Lights") in found
    assert ("Rob Lane", "plays", "Marco", "Harbor Lights") in found


def test_on_screen_counterpart_is_played_by_the_owner(parse):
    text = ("The series Harbor Lights returns tonight. Julia Moss loves her friends, and her on-screen "
            "counterpart, Dee, does as well.")
    assert ("Julia Moss", "plays", "Dee", "Harbor Lights") in facts(parse, text)


def test_creator_before_a_name_created_the_main_work(parse):
    text = ("The hit series Harbor Lights was renewed.\n\n"
            "Julia Moss wonders where creator Sam Ortega will take the show.")
    assert ("Sam Ortega", "created", "Harbor Lights", None) in facts(parse, text)


def test_created_by(parse):
    text = "The Long Road, a series created by Sam Ortega, returns. The Long Road has fans."
    assert ("Sam Ortega", "created", "The Long Road", None) in facts(parse, text)


def test_on_a_streaming_service_streams_on(parse):
    text = ("Harbor Lights is back. Despite Harbor Lights being one of the most divisive shows on Netflix, "
            "fans love it.")
    assert ("Harbor Lights", "streams on", "Netflix", None) in facts(parse, text)


def test_the_netflix_series(parse):
    text = ("Harbor Lights Star Julia Moss Talks Season Two\n\n"
            "Julia Moss shared an update on the second season of the Netflix series. Harbor Lights fans cheered.")
    assert ("Harbor Lights", "streams on", "Netflix", None) in facts(parse, text, title=True)


def test_on_a_broadcast_network_airs_on(parse):
    text = "Harbor Lights is back. The new season of Harbor Lights premieres Monday on NBC."
    assert ("Harbor Lights", "airs on", "NBC", None) in facts(parse, text)


def test_social_media_is_not_where_a_show_streams(parse):
    text = "Harbor Lights is back. Julia Moss posted a clip of Harbor Lights on Instagram."
    assert not [f for f in facts(parse, text) if f[1] in ("streams on", "airs on")]


def test_performers_along_with_kicked_off_with_a_musical(parse):
    text = ("Julia Moss, along with Rob Lane, Kim Soto and many other performers, "
            "kicked off the New Year with Sweeney: The Zoom Musical.")
    found = facts(parse, text)
    for who in ("Julia Moss", "Rob Lane", "Kim Soto"):
        assert (who, "performed in", "Sweeney: The Zoom Musical", None) in found


def test_stars_in_a_work(parse):
    text = "Harbor Lights is back. Julia Moss starred in Harbor Lights for three seasons."
    assert ("Julia Moss", "performed in", "Harbor Lights", None) in facts(parse, text)


def test_two_people_who_are_best_friends(parse):
    text = "Julia Moss and Kim Soto revealed that they're best friends on and off set."
    assert ("Julia Moss", "is friends with", "Kim Soto", None) in facts(parse, text)


def test_possessive_best_friend(parse):
    text = "Julia Moss thanked her best friend, Kim Soto, for the advice."
    assert ("Julia Moss", "is friends with", "Kim Soto", None) in facts(parse, text)


def test_not_friends_is_no_friendship(parse):
    text = "Julia Moss and Kim Soto are not friends, a source said."
    assert not [f for f in facts(parse, text) if f[1] == "is friends with"]


def test_evidence_is_the_sentence(parse):
    text = "Harbor Lights is back. Julia Moss and Kim Soto are besties."
    parsed = parse(text)
    [rel] = [r for r in find_relations(parsed, find_entities(parsed)) if r.predicate == "is friends with"]
    assert text[rel.evidence.start:rel.evidence.end] == "Julia Moss and Kim Soto are besties."
    assert rel.subject_entity and rel.object_entity
