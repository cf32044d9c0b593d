"""The lemma table gives exactly the lemmas of spaCy's rule lemmatizer, token for token, and stays bounded."""
from __future__ import annotations

import warnings

import spacy
from spacy.attrs import LEMMA
from spacy.pipeline import Lemmatizer

from quotegraph import lemma_table
from quotegraph.attribute_table import use_attribute_table
from quotegraph.lemma_table import LemmaTable, supports, use_lemma_table
from quotegraph.nlp import model_name

# base forms (uncached by spaCy), inflected forms (cached), proper nouns, numbers, punctuation, the same word
# with different morphology, and words the index does not know (the rules' out-of-vocabulary forms)
TRICKY = [
    "She said the children were running faster than the geese. He says he ran; they had run.",
    "The Smiths' houses, 3,000 dollars, U.S. Sen. Warren's remarks — “better,” “best,” worst!",
    "Lying, lied, lies; a lie. Meetings met. The data were analysed and re-analysed by twelve Zorblaxians.",
    "  \n  Who's gonna win? I'd've thought we'd've known.  \t ",
]


def _pipeline_until_lemmatizer():
    nlp = spacy.load(model_name())
    use_attribute_table(nlp)  # as load_pipeline: the ruler's lemmas are set before the lemmatizer runs
    return nlp


def _lemmas(texts, use_table: bool):
    nlp = _pipeline_until_lemmatizer()
    if use_table:
        assert use_lemma_table(nlp)
        assert isinstance(nlp.get_pipe("lemmatizer"), LemmaTable)
    docs = list(nlp.pipe(texts, disable=["ner"]))
    return [[t.lemma_ for t in doc] for doc in docs], [doc.to_array([LEMMA]).tolist() for doc in docs]


def test_table_gives_spacys_lemmas_on_real_articles_and_tricky_words(shared):
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "data" / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "data" / "polnear" / "dev" / "text").glob("*.txt"))[:12]]
    texts += TRICKY
    texts += texts  # the second time round, every answer comes from the table
    stock, stock_hashes = _lemmas(texts, use_table=False)
    table, table_hashes = _lemmas(texts, use_table=True)
    assert table == stock
    assert table_hashes == stock_hashes


def test_lemmas_set_by_the_attribute_ruler_are_kept():
    nlp = _pipeline_until_lemmatizer()
    use_lemma_table(nlp)
    doc = nlp("I ain't gonna see it.")
    assert [t.lemma_ for t in doc if t.lower_ in ("ai", "gon", "na")] == ["be", "go", "to"]


def test_answers_are_remembered_up_to_a_bound(monkeypatch):
    monkeypatch.setattr(lemma_table, "MAX_REMEMBERED", 5)
    nlp = _pipeline_until_lemmatizer()
    use_lemma_table(nlp)
    table = nlp.get_pipe("lemmatizer")
    doc = nlp("Reporters asked the senators about the running debates over taxes and tariffs yesterday.")
    assert 0 < len(table._known) <= 5
    assert [t.lemma_ for t in doc if t.pos_ == "NOUN"][:3] == ["reporter", "senator", "debate"]


def test_word_without_pos_is_handed_to_spacy_each_time():
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lemmatizer.initialize(lookups=_tiny_lookups())
    table = LemmaTable(nlp, lemmatizer=lemmatizer)
    for _ in range(2):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            doc = table(nlp.make_doc("Dogs"))
        assert doc[0].lemma_ == "dogs"
        assert any("W108" in str(w.message) for w in caught)
    assert table._known == {}


def test_other_lemmatizers_are_left_alone():
    nlp = spacy.blank("en")
    lookup = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not supports(lookup)
    assert not use_lemma_table(nlp)

    class Custom(Lemmatizer):
        def is_base_form(self, token):  # reads the neighbourhood: not a function of the word alone
            return token.i == 0

    custom = Custom(nlp.vocab, None, mode="rule")
    assert not supports(custom)
    overwriting = Lemmatizer(nlp.vocab, None, mode="rule", overwrite=True)
    assert not supports(overwriting)


def _tiny_lookups():
    from spacy.lookups import Lookups

    lookups = Lookups()
    lookups.add_table("lemma_index", {"noun": ["dog"]})
    lookups.add_table("lemma_exc", {"noun": {}})
    lookups.add_table("lemma_rules", {"noun": [["s", ""]]})
    return lookups
