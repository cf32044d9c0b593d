"""merge and split: a person's fixes, kept across re-ingest."""
from __future__ import annotations

import pytest

from quotegraph.errors import UserInputError


def _two_names(kb, article):
    """'A. Park' and 'Ashley Park' do not resolve to one record on their own."""
    a = article('"Hi," A. Park said.', "a.txt", entities=[("A. Park", "person")], quotes=[("Hi,", "A. Park", "A. Park", "said")])
    b = article('"Bye," Ashley Park said.', "b.txt", entities=[("Ashley Park", "person")],
                quotes=[("Bye,", "Ashley Park", "Ashley Park", "said")])
    kb.add_result(a)
    kb.add_result(b)
    return a, b


def test_merge_makes_one_record_with_every_quote_and_alias(kb, article):
    _two_names(kb, article)
    assert kb.stats().people == 2
    result = kb.merge("Ashley Park", "A. Park")
    person = kb.person("Ashley Park")
    assert person.id == result.entity
    assert {q.text for q in person.quotes} == {"Hi,", "Bye,"}
    assert "A. Park" in person.aliases
    assert kb.stats().people == 1
    assert kb.person("A. Park").id == person.id  # the old name finds the merged record
    assert kb.person(f"#{result.other}").id == person.id  # and so does the old id


def test_merge_survives_reingest_of_a_new_version(kb, article):
    a, _ = _two_names(kb, article)
    kb.merge("Ashley Park", "A. Park")
    v2 = article('"Hi there," A. Park said.', "a.txt", entities=[("A. Park", "person")],
                 quotes=[("Hi there,", "A. Park", "A. Park", "said")])
    assert kb.add_result(v2).status == "updated"
    assert {q.text for q in kb.person("Ashley Park").quotes} == {"Hi there,", "Bye,"}
    assert kb.stats().people == 1


def test_merge_survives_forced_reingest_and_new_articles_follow_it(kb, article):
    a, b = _two_names(kb, article)
    kb.merge("Ashley Park", "A. Park")
    kb.add_result(a, force=True)
    kb.add_result(b, force=True)
    kb.add_result(article('"Again," A. Park said.', "c.txt", entities=[("A. Park", "person")],
                          quotes=[("Again,", "A. Park", "A. Park", "said")]))
    assert {q.text for q in kb.person("Ashley Park").quotes} == {"Hi,", "Bye,", "Again,"}
    assert kb.stats().people == 1


def test_merge_refuses_records_of_different_types(kb, article):
    kb.add_result(article("Foo Show and Jane Roe.", "a.txt", entities=[("Foo Show", "work"), ("Jane Roe", "person")]))
    with pytest.raises(UserInputError, match="only records of one type merge"):
        kb.merge("Foo Show", "Jane Roe")


def test_unmerge_undoes_a_merge(kb, article):
    _two_names(kb, article)
    result = kb.merge("Ashley Park", "A. Park")
    kb.split("Ashley Park", merged=f"#{result.other}")
    assert [q.text for q in kb.person("Ashley Park").quotes] == ["Bye,"]
    assert [q.text for q in kb.person(f"#{result.other}").quotes] == ["Hi,"]
    assert kb.stats().people == 2


def _wrongly_merged(kb, article):
    """Two articles where a lone 'Ashley' resolves to Ashley Park by shared context (Emily in Paris)."""
    full = article('Ashley Park is in Emily in Paris.\n\n"Fun," Ashley Park said.', "park.txt",
                   entities=[("Ashley Park", "person"), ("Emily in Paris", "work")],
                   quotes=[("Fun,", "Ashley Park", "Ashley Park", "said")])
    lone = article('Ashley watched Emily in Paris.\n\n"Meh," Ashley said.', "lone.txt",
                   entities=[("Ashley", "person"), ("Emily in Paris", "work")],
                   quotes=[("Meh,", "Ashley", "Ashley", "said")])
    kb.add_result(full)
    kb.add_result(lone)
    assert {q.text for q in kb.person("Ashley Park").quotes} == {"Fun,", "Meh,"}
    return full, lone


def test_split_by_name_takes_those_mentions_into_a_record_of_their_own(kb, article):
    _wrongly_merged(kb, article)
    result = kb.split("Ashley Park", names=["Ashley"])
    assert [q.text for q in kb.person("Ashley Park").quotes] == ["Fun,"]
    assert [q.text for q in kb.person_by_id(result.other).quotes] == ["Meh,"]
    assert "Ashley" not in kb.person("Ashley Park").aliases


def test_split_by_name_survives_reingest_and_blocks_the_name(kb, article):
    full, lone = _wrongly_merged(kb, article)
    kb.split("Ashley Park", names=["Ashley"])
    kb.add_result(full, force=True)
    kb.add_result(lone, force=True)
    assert [q.text for q in kb.person("Ashley Park").quotes] == ["Fun,"]
    another = article('Ashley loved Emily in Paris.\n\n"Wow," Ashley said.', "another.txt",
                      entities=[("Ashley", "person"), ("Emily in Paris", "work")],
                      quotes=[("Wow,", "Ashley", "Ashley", "said")])
    kb.add_result(another)
    assert [q.text for q in kb.person("Ashley Park").quotes] == ["Fun,"]


def test_split_by_article_survives_reingest_of_a_new_version(kb, article):
    full, lone = _wrongly_merged(kb, article)
    lone_key = kb.quotes(text="Meh").items[0].article.id
    result = kb.split("Ashley Park", articles=[lone_key])
    lone_v2 = article('Ashley watched Emily in Paris again.\n\n"Meh," Ashley said.', "lone.txt",
                      entities=[("Ashley", "person"), ("Emily in Paris", "work")],
                      quotes=[("Meh,", "Ashley", "Ashley", "said")])
    assert kb.add_result(lone_v2).status == "updated"
    assert kb.quotes(text="Meh").items[0].speaker.id == result.other
    assert [q.text for q in kb.person("Ashley Park").quotes] == ["Fun,"]


def test_split_needs_something_to_split_and_something_left(kb, article):
    _wrongly_merged(kb, article)
    with pytest.raises(UserInputError, match="no mentions"):
        kb.split("Ashley Park", names=["Nobody"])
    with pytest.raises(UserInputError, match="every mention"):
        kb.split("Ashley Park", names=["Ashley Park", "Ashley"])
    with pytest.raises(UserInputError, match="--name"):
        kb.split("Ashley Park")


def test_fixes_are_logged(kb, article):
    _two_names(kb, article)
    kb.merge("Ashley Park", "A. Park")
    assert [o["action"] for o in kb.overrides()] == ["merge"]


def test_ambiguous_names_ask_for_an_id(kb, article):
    kb.add_result(article("Ashley Park and Ashley Judd.", "a.txt",
                          entities=[("Ashley Park", "person"), ("Ashley Judd", "person")]))
    with pytest.raises(UserInputError, match="give one as #ID"):
        kb.resolve("Ashley")
