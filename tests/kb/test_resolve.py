"""One person, one record: resolution of mentions across articles."""
from __future__ import annotations

from quotegraph.kb.names import NameKey, compatible, name_key, names_agree

EIP = "Emily in Paris"


def _eip_article(article, source, text, person, person_forms, character=None, quote=None, extra=()):
    """An article of our own about Emily in Paris naming `person` (and the character they play)."""
    entities = [(person, "person", person_forms), (EIP, "work")] + list(extra)
    relations = []
    if character:
        entities.append((character, "character"))
        relations.append((person, "plays", character, EIP))
    quotes = [(quote, person, person_forms[-1], "said")] if quote else []
    return article(text, source, entities=entities, relations=relations, quotes=quotes)


def test_name_keys_ignore_case_accents_titles_suffixes_and_possessives():
    assert name_key("Dr. Stéphanie Branchu") == name_key("STEPHANIE BRANCHU's") == "stephanie branchu"
    assert name_key("Martin Luther King Jr.") == "martin luther king"
    assert name_key("The Actor’s Fund", "organization") == "the actor's fund"
    assert name_key("Emily in Paris'", "work") == "emily in paris"


def test_compatible_names():
    k = NameKey.of
    assert compatible(k("Ashley"), k("Ashley Park"))
    assert compatible(k("Park"), k("Ashley Park"))
    assert compatible(k("Lily Collins"), k("Lily Jane Collins"))
    assert not compatible(k("Ashley Judd"), k("Ashley Park"))
    assert not names_agree(k("Emily Smith"), [k("Emily"), k("Emily Cooper")])
    assert names_agree(k("Emily"), [k("Emily"), k("Emily Cooper")])


def test_first_name_in_one_article_and_full_name_in_another_are_one_person_when_the_work_agrees(kb, article):
    full = _eip_article(article, "a.txt", "Ashley Park stars in Emily in Paris.\n\n\"It is fun,\" Ashley Park said.",
                        "Ashley Park", ["Ashley Park"], quote="It is fun,")
    short = _eip_article(article, "b.txt", "In Emily in Paris, Ashley shines.\n\n\"We sing,\" Ashley said.",
                         "Ashley", ["Ashley"], quote="We sing,")
    kb.add_result(full)
    kb.add_result(short)
    person = kb.person("Ashley Park")
    assert {q.text for q in person.quotes} == {"It is fun,", "We sing,"}
    assert "Ashley" in person.aliases
    assert kb.stats().people == 1


def test_resolution_does_not_depend_on_the_order_of_articles(kb, article):
    short = _eip_article(article, "b.txt", "In Emily in Paris, Ashley shines.\n\n\"We sing,\" Ashley said.",
                         "Ashley", ["Ashley"], quote="We sing,")
    full = _eip_article(article, "a.txt", "Ashley Park stars in Emily in Paris.\n\n\"It is fun,\" Ashley Park said.",
                        "Ashley Park", ["Ashley Park"], quote="It is fun,")
    kb.add_result(short)
    kb.add_result(full)
    person = kb.person("Ashley Park")
    assert person.name == "Ashley Park"
    assert {q.text for q in person.quotes} == {"It is fun,", "We sing,"}
    assert kb.stats().people == 1


def test_two_people_who_share_a_first_name_stay_apart(kb, article):
    park = _eip_article(article, "park.txt", "Ashley Park stars in Emily in Paris.", "Ashley Park", ["Ashley Park"])
    judd = article("Ashley Judd stars in Double Jeopardy.", "judd.txt",
                   entities=[("Ashley Judd", "person"), ("Double Jeopardy", "work")])
    lone_judd = article("In Double Jeopardy, Ashley runs.\n\n\"Run,\" Ashley said.", "lone-judd.txt",
                        entities=[("Ashley", "person"), ("Double Jeopardy", "work")],
                        quotes=[("Run,", "Ashley", "Ashley", "said")])
    no_context = article("Ashley went to the shop.\n\n\"Milk,\" Ashley said.", "nowhere.txt",
                         entities=[("Ashley", "person")], quotes=[("Milk,", "Ashley", "Ashley", "said")])
    for a in (park, judd, lone_judd, no_context):
        kb.add_result(a)
    assert [q.text for q in kb.person("Ashley Judd").quotes] == ["Run,"]
    assert kb.person("Ashley Park").quotes == []
    milk = kb.quotes(text="Milk").items[0]
    assert milk.speaker.id not in (kb.person("Ashley Judd").id, kb.person("Ashley Park").id)
    assert kb.stats().people == 3


def test_a_lone_first_name_that_fits_two_people_equally_stays_apart(kb, article):
    a = article("Ashley Park and Ashley Judd in Emily in Paris.", "both.txt",
                entities=[("Ashley Park", "person"), ("Ashley Judd", "person"), (EIP, "work")])
    b = _eip_article(article, "lone.txt", "Ashley loves Emily in Paris.", "Ashley", ["Ashley"])
    kb.add_result(a)
    kb.add_result(b)
    assert kb.stats().people == 3


def test_full_names_match_across_articles_without_context(kb, article):
    kb.add_result(article("Lily Collins was at the gala.", "a.txt", entities=[("Lily Collins", "person")]))
    kb.add_result(article("Lily Collins rode a bike.", "b.txt", entities=[("Lily Collins", "person")]))
    assert kb.stats().people == 1
    assert kb.person("Lily Collins").articles == 2


def test_middle_names_and_titles_resolve_to_one_person(kb, article):
    kb.add_result(article("Dr. Lily Jane Collins spoke.", "a.txt", entities=[("Dr. Lily Jane Collins", "person")]))
    kb.add_result(article("Lily Collins spoke.", "b.txt", entities=[("Lily Collins", "person")]))
    assert kb.stats().people == 1


def test_a_character_is_linked_to_its_actor_and_work_and_short_names_join_it(kb, article):
    a = _eip_article(article, "a.txt", "Ashley Park plays Mindy Chen in Emily in Paris.", "Ashley Park",
                     ["Ashley Park"], character="Mindy Chen")
    b = _eip_article(article, "b.txt", "Ashley Park (Mindy) is back in Emily in Paris.", "Ashley Park",
                     ["Ashley Park"], character="Mindy")
    kb.add_result(a)
    kb.add_result(b)
    chars = kb.characters().items
    assert [(c.name, c.work.name) for c in chars] == [("Mindy Chen", EIP)]
    assert "Mindy" in chars[0].aliases
    roles = kb.person("Ashley Park").roles
    assert [(r.character, r.work) for r in roles] == [("Mindy Chen", EIP)]
    assert len(roles[0].evidence) == 2


def test_characters_of_the_same_name_in_different_works_stay_apart(kb, article):
    kb.add_result(_eip_article(article, "a.txt", "Ashley Park plays Mindy in Emily in Paris.", "Ashley Park",
                               ["Ashley Park"], character="Mindy"))
    kb.add_result(article("Mindy Kaling plays Mindy in The Mindy Project.", "b.txt",
                          entities=[("Mindy Kaling", "person", ["[Mindy] Kaling"]), ("Mindy", "character", ["plays [Mindy]"]),
                                    ("The Mindy Project", "work")],
                          relations=[("Mindy Kaling", "plays", "Mindy", "The Mindy Project")]))
    assert sorted((c.name, c.work.name) for c in kb.characters().items) == [
        ("Mindy", EIP), ("Mindy", "The Mindy Project")]


def test_a_lone_person_name_that_is_a_characters_name_joins_the_character(kb, article):
    text = "Ashley Park plays Mindy Chen in Emily in Paris. Mindy sings in a club."
    kb.add_result(article(text, "a.txt",
                          entities=[("Ashley Park", "person"), ("Mindy Chen", "character"), (EIP, "work"),
                                    ("Mindy", "person", ["[Mindy] sings"])],
                          relations=[("Ashley Park", "plays", "Mindy Chen", EIP)]))
    assert kb.stats().people == 1
    assert [c.name for c in kb.characters().items] == ["Mindy Chen"]


def test_speakers_and_relation_ends_the_engine_gave_no_entity_get_records(kb, article):
    res = article('"Hello," Jane Roe said. Jane Roe created Foo Show.', "a.txt",
                  quotes=[("Hello,", "Jane Roe", "Jane Roe", "said")],
                  relations=[("Jane Roe", "created", "Foo Show", None)])
    kb.add_result(res)
    assert kb.person("Jane Roe").quote_count == 1
    assert kb.work("Foo Show").created_by == ["Jane Roe"]


def test_relation_types_fix_entity_types(kb, article):
    res = article("Lily Collins plays Emily in Emily in Paris.", "a.txt",
                  entities=[("Lily Collins", "person"), ("Emily", "person", ["plays [Emily] in"]), (EIP, "organization")],
                  relations=[("Lily Collins", "plays", "Emily", EIP)])
    kb.add_result(res)
    assert kb.work(EIP) is not None
    assert [c.name for c in kb.characters().items] == ["Emily"]


def test_titles_and_roles_before_a_name_do_not_make_another_person(kb, article):
    kb.add_result(article("Chris Christie spoke.", "a.txt", entities=[("Chris Christie", "person")]))
    kb.add_result(article("New Jersey Gov. Chris Christie spoke.", "b.txt",
                          entities=[("New Jersey Gov. Chris Christie", "person")]))
    assert kb.stats().people == 1
    assert kb.person("Chris Christie").articles == 2


def test_an_alias_with_a_full_name_finds_the_record_the_main_name_misses(kb, article):
    kb.add_result(article("Paul Ryan spoke.", "a.txt", entities=[("Paul Ryan", "person")]))
    kb.add_result(article("The House leader Paul Ryan spoke.", "b.txt",
                          entities=[("The House leader Paul Ryan spoke", "person", ["The House leader Paul Ryan spoke",
                                                                                    "Paul Ryan"])]))
    assert kb.stats().people == 1


def test_the_display_name_is_the_plainest_form_whatever_the_order(kb, article):
    titled = article("Florida Gov. Jeb Bush spoke.", "a.txt", entities=[("Florida Gov. Jeb Bush", "person")])
    plain = article("Jeb Bush spoke.", "b.txt", entities=[("Jeb Bush", "person")])
    kb.add_result(titled)
    kb.add_result(plain)
    assert [p.name for p in kb.people().items] == ["Jeb Bush"]


def test_a_lone_person_name_in_another_article_about_the_work_is_its_character(kb, article):
    kb.add_result(_eip_article(article, "a.txt", "Ashley Park plays Mindy Chen in Emily in Paris.", "Ashley Park",
                               ["Ashley Park"], character="Mindy Chen"))
    kb.add_result(article("In Emily in Paris, Mindy sings.", "b.txt",
                          entities=[(EIP, "work"), ("Mindy", "person", ["[Mindy] sings"])]))
    kb.add_result(article("Mindy went home.", "c.txt", entities=[("Mindy", "person")]))  # no work: someone else
    chars = kb.characters().items
    assert [(c.name, c.articles) for c in chars] == [("Mindy Chen", 2)]
    assert [p.name for p in kb.people(sort="name", order="asc").items] == ["Ashley Park", "Mindy"]
