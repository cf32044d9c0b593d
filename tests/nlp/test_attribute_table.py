"""The attribute table sets exactly what spaCy's attribute_ruler sets, token for token."""
from __future__ import annotations

import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from quotegraph.attribute_table import AttributeTable, supports, use_attribute_table
from quotegraph.nlp import model_name

COLUMNS = [POS, TAG, DEP, LEMMA, MORPH, HEAD]
BEFORE_RULER = ["attribute_ruler", "lemmatizer", "ner"]

# the pipeline's two-token rules ("gon na", "ai n't", "y' all", "let 's", expletive "there is"), pronoun case
# by dependency, auxiliaries, whitespace tokens and a non-space token the tagger calls _SP
TRICKY = [
    "Y'all gon na see it. I ai n't going, c'm on, let's go. We got ta leave.",
    "There is a dog.  There were two.  What did he do? I did it to you and it did it to me.",
    "She has had enough; he does what he did.  \n\n  Which one? That one, but not this.\t\tDone.",
    "It said: “I ain't gonna lie — y’all know it.” Then   nothing.\n",
]


def _stock_and_table():
    nlp = spacy.load(model_name())  # a fresh pipeline with spaCy's own ruler
    stock = nlp.get_pipe("attribute_ruler")
    assert isinstance(stock, AttributeRuler) and supports(stock)
    table = AttributeTable(nlp)
    table.add_from(stock)
    return nlp, stock, table


def _differences(nlp, stock, table, texts):
    docs = list(nlp.pipe(texts, disable=BEFORE_RULER))
    out = []
    for doc in docs:
        a, b = stock(doc.copy()), table(doc.copy())
        if not (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all():
            out.append([(x.text, x.pos_, x.lemma_, str(x.morph), y.pos_, y.lemma_, str(y.morph))
                        for x, y in zip(a, b) if (x.pos_, x.lemma_, x.morph) != (y.pos_, y.lemma_, y.morph)])
    return out


def test_table_sets_the_same_pos_tag_dep_lemma_and_morph_as_spacys_ruler_on_real_articles(shared):
    nlp, stock, table = _stock_and_table()
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "data" / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "data" / "polnear" / "dev" / "text").glob("*.txt"))[:12]]
    assert _differences(nlp, stock, table, texts) == []


def test_table_applies_two_token_rules_and_dependency_rules_like_spacys_ruler():
    nlp, stock, table = _stock_and_table()
    assert _differences(nlp, stock, table, TRICKY) == []
    doc = table(next(nlp.pipe(["I ain't gonna see it."], disable=BEFORE_RULER)))
    assert [t.lemma_ for t in doc if t.lower_ in ("ai", "gon", "na")] == ["be", "go", "to"]


def test_later_rule_wins_when_two_rules_set_the_same_attribute():
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "bank"}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": "bank"}], [{"LOWER": "river"}, {"LOWER": "bank"}]], {"LEMMA": "second"}, index=-1)
    table = AttributeTable(nlp)
    table.add_from(ruler)
    for text in ("the bank", "the river bank", "bank river"):
        assert [t.lemma_ for t in table(nlp(text))] == [t.lemma_ for t in ruler(nlp(text))]
    assert [t.lemma_ for t in table(nlp("the river bank"))][-1] == "second"


def test_a_ruler_with_patterns_the_table_cannot_look_up_is_kept(nlp):
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "x", "OP": "+"}]], {"LEMMA": "x"})
    assert not supports(ruler)
    assert use_attribute_table(blank) is False
    assert isinstance(blank.get_pipe("attribute_ruler"), AttributeRuler)
    # the pipeline quotegraph loads does get the table
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeTable)
