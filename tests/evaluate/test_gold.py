"""gold.json folders of our own: loading, each scoring rule on hand-made extraction records, and one real extraction."""
from __future__ import annotations

import json

import pytest

import quotegraph
from quotegraph.evaluate import EvaluationError, folder_kind
from quotegraph.evaluate.gold import GoldError, load_gold_folder, norm, same_name, score_gold

TEXT = """Harbour Plan Wins Approval

Council leader Jane Doe said the harbour would reopen in May. "We have waited long enough," Doe said.

Advertisement

"It is a good day for the town," said Tom Reed, who chairs the residents' group.
"""


def write_folder(tmp_path, answers, text=TEXT, name="harbour.txt"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps({"articles": {name: answers}}), encoding="utf-8")
    return str(tmp_path)


def span(text, s):
    i = text.index(s)
    return i, i + len(s)


def quote(kind, s, speaker=None, text=TEXT):
    start, end = span(text, s)
    return {"kind": kind, "start": start, "end": end, "speaker": {"name": speaker, "mention": None} if speaker else None}


def record(quotes=(), **kw):
    rec = {"title": None, "dek": None, "authors": [], "published": None, "paragraphs": [], "quotes": list(quotes),
           "entities": [], "relations": []}
    rec.update(kw)
    return rec


def score(tmp_path, answers, rec):
    folder = write_folder(tmp_path, answers)
    arts = load_gold_folder(folder)
    return score_gold(folder, arts, {arts[0].path: rec})


DIRECT = {"kind": "direct", "text": "We have waited long enough,", "speaker": "Jane Doe"}


def test_names_compare_after_case_space_and_curly_quotes():
    assert norm("  Jane\u00a0 DOE ") == "jane doe"
    assert norm("O\u2019Brien") == norm("o'brien")
    assert norm(None) == ""
    assert same_name("Jane", "Jane Doe") and same_name("Jane Doe", "jane")
    assert not same_name("Doe", "Jane Doe") and not same_name("", "Jane")


def test_quote_found_by_half_its_span_and_kind_group(tmp_path):
    half = "We have waited long"            # 19 of 27 characters
    r = score(tmp_path, {"quotes": [DIRECT]}, record([quote("partial", half, "Jane Doe")]))
    assert (r.quotes.right, r.quotes.total, r.speakers.right, r.false_quotes) == (1, 1, 1, 0)
    assert r.by_kind["direct"].found == 1

    r = score(tmp_path, {"quotes": [DIRECT]}, record([quote("direct", "We have", "Jane Doe")]))
    assert r.quotes.right == 0 and str(r.problems[0]) == "harbour.txt: missed direct quote 'We have waited long enough,'"

    # an indirect prediction over a direct gold quote: not found, and not false either (it touches the gold span)
    r = score(tmp_path, {"quotes": [DIRECT]}, record([quote("indirect", "We have waited long enough,", "Jane Doe")]))
    assert (r.quotes.right, r.false_quotes) == (0, 0)


def test_speaker_needs_the_full_name_and_null_means_nobody(tmp_path):
    r = score(tmp_path, {"quotes": [DIRECT]}, record([quote("direct", "We have waited long enough,", "Doe")]))
    assert (r.speakers.right, r.speakers.total) == (0, 1)
    assert str(r.problems[0]) == "harbour.txt: 'We have waited long enough,' said by 'Doe', want 'Jane Doe'"

    anyone = dict(DIRECT, speaker=["Jane Doe", None])
    assert score(tmp_path, {"quotes": [anyone]}, record([quote("direct", "We have waited long enough,")])).speakers.right == 1
    assert score(tmp_path, {"quotes": [dict(DIRECT, speaker="JANE  DOE")]},
                 record([quote("direct", "We have waited long enough,", "Jane Doe")])).speakers.right == 1


def test_false_quotes_and_ignore_spans(tmp_path):
    town = "It is a good day for the town,"
    answers = {"quotes": [DIRECT], "ignore": [town]}
    rec = record([quote("direct", "We have waited long enough,", "Jane Doe"), quote("direct", town, "Tom Reed"),
                  quote("indirect", "the harbour would reopen in May", "Jane Doe")])
    r = score(tmp_path, answers, rec)
    assert r.false_quotes == 1 and r.by_kind["indirect"].false_quotes == 1
    assert "harbour.txt: not a quote: 'the harbour would reopen in May'" in map(str, r.problems)
    # per kind: precision counts found and false quotes, recall the gold
    assert r.by_kind["direct"].extraction == (1.0, 1.0, 1.0)
    assert r.by_kind["indirect"].extraction == (0.0, 0.0, 0.0)


def test_metadata_boilerplate_relations_entities(tmp_path):
    answers = {"title": "Harbour Plan Wins Approval", "published": "2024-05", "authors": ["Ann Lee"],
               "not_body": ["Advertisement"],
               "relations": [["Jane Doe", "is friends with", "Tom Reed", None]],
               "entities": {"person": ["Jane Doe", ["Tom Reed", "Thomas Reed"]], "organization": ["Harbour Board"]},
               "entities_ignore": ["Town"]}
    ad = span(TEXT, "Advertisement")
    rec = record(title="harbour plan  wins approval", published="2024-05-02T10:00:00", authors=["Ann Lee", "Bob"],
                 paragraphs=[{"start": ad[0] - 2, "end": ad[1]}],
                 relations=[{"subject": "Jane", "predicate": "Is Friends With", "object": "Tom Reed Jr",
                             "qualifier": None}],
                 entities=[{"name": "Jane Doe", "type": "person"}, {"name": "Thomas Reed", "type": "person"},
                           {"name": "Doe", "type": "person"}, {"name": "town", "type": "organization"}])
    r = score(tmp_path, answers, rec)
    assert (r.metadata.right, r.metadata.total) == (2, 3)
    assert "harbour.txt: authors is ['Ann Lee', 'Bob'], want ['Ann Lee']" in map(str, r.problems)
    assert r.boilerplate == 1
    assert (r.relations.right, r.relations.total) == (1, 1)
    p = r.entities["person"]
    assert (p.good, p.got, p.hit, p.want) == (2, 3, 2, 2)
    o = r.entities["organization"]
    assert (o.good, o.got, o.hit, o.want) == (0, 0, 0, 1)           # "town" is ignored, not wrong
    assert "work" in r.entities and "work" not in r.summary()        # a type with nothing is left out of the line
    assert r.summary().endswith("; entities person precision 2/3 recall 2/2, organization precision 0/0 recall 0/1")
    assert not r.ok


def test_bad_gold_folders_name_the_file(tmp_path):
    (tmp_path / "gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold\.json: not valid JSON"):
        load_gold_folder(str(tmp_path))
    (tmp_path / "gold.json").write_text(json.dumps({"articles": {"gone.txt": {}}}), encoding="utf-8")
    with pytest.raises(GoldError, match="answers 'gone.txt', which is not in the folder"):
        load_gold_folder(str(tmp_path))
    write_folder(tmp_path, {"quotes": [{"kind": "shouted", "text": "x"}]})
    with pytest.raises(GoldError, match="a quote needs text and a kind"):
        load_gold_folder(str(tmp_path))


def test_a_folder_without_answers_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Just text.", encoding="utf-8")
    with pytest.raises(EvaluationError) as e:
        folder_kind(str(tmp_path))
    assert str(e.value) == f"{tmp_path}: holds no gold.json and no brat .ann files, so there is nothing to score against"
    with pytest.raises(EvaluationError, match="no such folder"):
        quotegraph.evaluate(str(tmp_path / "missing"))


def test_evaluate_extracts_a_folder_of_our_own(tmp_path, nlp):
    answers = {"title": "Harbour Plan Wins Approval", "not_body": ["Advertisement"],
               "quotes": [DIRECT, {"kind": "direct", "text": "It is a good day for the town,", "speaker": "Tom Reed"}]}
    folder = write_folder(tmp_path, answers)
    ev = quotegraph.evaluate([folder])
    assert isinstance(ev, quotegraph.Evaluation)
    r, = ev.folders
    assert r.kind == "gold" and r.articles == 1 and r.path == folder
    assert (r.quotes.right, r.quotes.total) == (2, 2)
    assert (r.metadata.right, r.metadata.total) == (1, 1)
    d = ev.to_dict()["folders"][0]
    assert d["quotes"] == [2, 2] and d["summary"] == r.summary() and d["errors"] == [str(p) for p in r.problems]


def test_an_article_extraction_refuses_stops_the_evaluation_naming_it(tmp_path, nlp):
    folder = write_folder(tmp_path, {"quotes": []}, text="", name="empty.txt")
    with pytest.raises(EvaluationError) as e:
        quotegraph.evaluate(folder)
    assert str(e.value).startswith(f"{tmp_path / 'empty.txt'}: extraction failed, so its folder cannot be scored: "
                                   "empty file")
    assert "\n" not in str(e.value)
