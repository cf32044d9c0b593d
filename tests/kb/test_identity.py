"""One record per real person across articles: clean names, lone names with evidence, relatives apart."""
from __future__ import annotations

import pytest

from quotegraph.kb.identity import clean_name, lower_case_words


def _people(kb) -> dict[str, int]:
    return {r["name"]: r["quote_count"] for r in kb.conn.execute(
        "SELECT name, quote_count FROM entities WHERE type = 'person' AND merged_into IS NULL AND article_count > 0")}


def _speaker_of(kb, words: str) -> str:
    return kb.conn.execute("SELECT e.name FROM quotes q JOIN entities e ON e.id = q.speaker_id WHERE q.text LIKE ?",
                           (f"%{words}%",)).fetchone()[0]


def test_headline_and_reporting_words_are_not_part_of_a_name(kb, article):
    text = ("Governor Says Budget Is Fine\n\nRip Nora Vance As A Fraud, Lawmakers Say\n\n"
            "Nora Vance spoke on Monday. \"The budget is sound,\" Vance said.\n\n"
            "Critics called her \"Crooked Nora Vance\" in a rally. The candidate smiled.\n\n"
            "Candidate Vance said nothing more.")
    a = article(text, "v.txt", entities=[("Rip Nora Vance", "person", ["Rip Nora Vance", "Nora Vance", "Vance"]),
                                         ("Crooked Nora Vance", "person"), ("Candidate Vance", "person")],
                quotes=[("The budget is sound,", "Rip Nora Vance", "Vance", "said")])
    kb.add_result(a)
    people = _people(kb)
    assert people == {"Nora Vance": 1}, people


def test_clean_name_rules():
    words = lower_case_words("the plan was fine and the candidate spoke")
    known = {"obama", "hillary clinton"}
    assert clean_name("Obama Says", known, set(), words, None) == "Obama"
    assert clean_name("Crooked Hillary Clinton", known, set(), words, None) == "Hillary Clinton"
    assert clean_name("Candidate Obama", known, set(), words, None) == "Obama"
    assert clean_name("Obama Plan", known, set(), words, None) == "Obama"
    assert clean_name("Clinton’s van", known, set(), words, None) == "Clinton’s"
    assert clean_name("Bill de Blasio", known, set(), words, None) == "Bill de Blasio"
    # a first name the article gives is kept even before a known surname
    assert clean_name("Michelle Obama", known, {"michelle"}, words, None) == "Michelle Obama"
    assert clean_name("Lee Harvey Oswald", known, set(), words, None) == "Lee Harvey Oswald"
    # a royal or religious title before a given name alone is how the person is named, even where the
    # article also writes the title in lower case ("the prince") and knows the given name
    royal_words = lower_case_words("the prince spoke and the pope listened")
    assert clean_name("Prince Edwin", {"edwin"}, set(), royal_words, None) == "Prince Edwin"
    assert clean_name("Pope Linus", {"linus"}, set(), royal_words, None) == "Pope Linus"


def test_lone_surname_joins_the_full_name_by_co_mentioned_people_in_any_order(kb, article):
    lone = article("Obama spoke in Ohio.\n\n\"We will win,\" Obama said. Dana Ruiz and Acme Corp agreed.",
                   "lone.txt", entities=[("Obama", "person"), ("Dana Ruiz", "person"), ("Acme Corp", "organization")],
                   quotes=[("We will win,", "Obama", "Obama", "said")])
    full = article("Barack Kell Obama met Dana Ruiz at Acme Corp.\n\n\"Hello,\" Barack Kell Obama said.",
                   "full.txt", entities=[("Barack Kell Obama", "person"), ("Dana Ruiz", "person"),
                                         ("Acme Corp", "organization")],
                   quotes=[("Hello,", "Barack Kell Obama", "Barack Kell Obama", "said")])
    later = article("Obama toured Acme Corp.\n\n\"Good work,\" Obama said.", "later.txt",
                    entities=[("Obama", "person"), ("Acme Corp", "organization")],
                    quotes=[("Good work,", "Obama", "Obama", "said")])
    kb.add_result(lone)   # the lone name first: a record of its own until a full name gives evidence
    kb.add_result(full)
    kb.add_result(later)
    people = _people(kb)
    assert people.get("Barack Kell Obama") == 3 and "Obama" not in people, people


def test_lone_name_without_evidence_stays_apart(kb, article):
    kb.add_result(article("Park Lane spoke.\n\n\"Yes,\" Park Lane said.", "a.txt",
                          entities=[("Park Lane", "person")], quotes=[("Yes,", "Park Lane", "Park Lane", "said")]))
    kb.add_result(article("Lane spoke.\n\n\"No,\" Lane said.", "b.txt",
                          entities=[("Lane", "person")], quotes=[("No,", "Lane", "Lane", "said")]))
    assert set(_people(kb)) == {"Park Lane", "Lane"}


def test_same_article_full_name_comes_first(kb, article):
    text = "Kristi Noem visited.\n\n\"We are ready,\" Noem said."
    kb.add_result(article(text, "n.txt", entities=[("Kristi Noem", "person"), ("Noem", "person")],
                          quotes=[("We are ready,", "Noem", "Noem", "said")]))
    assert _people(kb) == {"Kristi Noem": 1}


def test_relatives_sharing_a_surname_stay_apart(kb, article):
    text = ("Sen. Tom Brand spoke on Friday.\n\n\"I will not back him,\" Brand said.\n\n"
            "Tom Brand said the attacks on his wife, Greta, were personal. A photo of Greta Brand ran.\n\n"
            "\"This became personal,\" he said. \"He is a liar,\" Brand said later.")
    a = article(text, "b.txt", entities=[("Tom Brand", "person", ["Tom Brand", "Brand"]),
                                         ("Greta Brand", "person", ["Greta Brand", "Greta", "[Brand] said later"])],
                quotes=[("I will not back him,", "Tom Brand", "Brand", "said"),
                        ("This became personal,", "Greta Brand", "he", "said"),
                        ("He is a liar,", "Greta Brand", "Brand", "said")])
    kb.add_result(a)
    people = _people(kb)
    assert people.get("Tom Brand") == 3 and not people.get("Greta Brand"), people


def test_pronoun_quote_goes_to_the_relative_of_that_gender(kb, article):
    text = ("Nell Fox hid her illness, a doctor says. Her husband, Sam Fox, was president then.\n\n"
            "After saying her foot was \"so swollen I could not walk,\" she was taken away.")
    a = article(text, "f.txt", entities=[("Nell Fox", "person", ["Nell Fox", "Her husband"]),
                                         ("Sam Fox", "person")],
                quotes=[("so swollen I could not walk,", "Sam Fox", "she", None)])
    kb.add_result(a)
    assert _speaker_of(kb, "so swollen") == "Nell Fox"


def test_middle_initials_and_suffixes_fold_in(kb, article):
    kb.add_result(article("Donald Q. Pell spoke.\n\n\"Yes,\" Donald Q. Pell said.", "a.txt",
                          entities=[("Donald Q. Pell", "person")], quotes=[("Yes,", "Donald Q. Pell", "Donald Q. Pell", "said")]))
    kb.add_result(article("Donald Pell Jr. spoke.\n\n\"No,\" Donald Pell Jr. said.", "b.txt",
                          entities=[("Donald Pell Jr.", "person")],
                          quotes=[("No,", "Donald Pell Jr.", "Donald Pell Jr.", "said")]))
    people = _people(kb)
    assert len(people) == 1 and sum(people.values()) == 2, people


@pytest.mark.parametrize("lone_first", [False, True])
def test_a_lone_first_name_needs_a_work_not_just_famous_people_around(kb, article, lone_first):
    """Either order: "Kevin" does not join Kevin Starr for the people both articles name."""
    full = article("Kevin Starr met Dana Ruiz.\n\n\"Hi,\" Kevin Starr said.", "a.txt",
                   entities=[("Kevin Starr", "person"), ("Dana Ruiz", "person")],
                   quotes=[("Hi,", "Kevin Starr", "Kevin Starr", "said")])
    lone = article("Kevin was snoring at the Dana Ruiz rally.\n\n\"Wake up,\" Kevin said.", "b.txt",
                   entities=[("Kevin", "person"), ("Dana Ruiz", "person")],
                   quotes=[("Wake up,", "Kevin", "Kevin", "said")])
    for a in ([lone, full] if lone_first else [full, lone]):
        kb.add_result(a)
    assert _people(kb).get("Kevin") == 1 and _people(kb).get("Kevin Starr") == 1
