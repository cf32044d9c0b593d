"""spaCy's rule lemmatizer with every answer remembered: the same lemmas for a fraction of the cost.

spaCy's rule lemmatizer keys its cache by (ORTH, POS, MORPH), but it stores only the words it
ran its suffix rules on. Every singular noun, base-form verb, positive adjective, proper noun,
punctuation mark and number takes the uncached path again on every occurrence (a Token object,
its morphology as a dict, three table lookups), and those are most words of news text: on the
blocks of PolNeAR's 840 training articles the lemmatizer cost about 10 CPU s, some 7% of
extract. Its answer, though, is a pure function of that key: the word's text is its ORTH, and
the tables and the English is_base_form read nothing but POS and MORPH.

Two changes make it cheap. The lemmatizer's index of known words becomes a set for membership
(spaCy scans a list of up to 57,528 words for every candidate form of every new word), and this
component reads the key columns and the lemmas already set with one Doc.to_array call,
answers each word whose key it has seen from a table of lemma hashes, asks spaCy's own lemmatizer
(the same object, its cache filling as it would) about the rest, and writes the lemmas back with
one Doc.from_array. It keeps the lemmatizer's semantics: only unset lemmas are filled (those set by
the attribute ruler stay), and a word without a POS is always handed to spaCy, which warns about it.

`supports` accepts spaCy's Lemmatizer and English's, in rule mode and not overwriting; any other
lemmatizer stays as it is.
"""
from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from .component_swap import DocByDoc, swap_component

FACTORY = "quotegraph_lemma_table"
_COLUMNS = [ORTH, POS, MORPH, LEMMA]
MAX_REMEMBERED = 200_000  # distinct (ORTH, POS, MORPH) keys kept before starting afresh: memory stays flat


class _IndexList(list):
    """One part of speech's lemma index: the same list, with membership answered from a set.

    spaCy's rule lemmatizer tests each candidate form with `form in index`, a scan of a list of up
    to 57,528 words (English nouns), once per rule per new word."""

    def __init__(self, words):
        super().__init__(words)
        self._members = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self._members


def _index_as_sets(lemmatizer: Lemmatizer) -> None:
    table = lemmatizer.lookups.get_table("lemma_index", {})
    for key in list(table.keys()):
        words = table.get(key)
        if type(words) is list:
            table[key] = _IndexList(words)


class LemmaTable(DocByDoc):
    """A drop-in for a rule-mode, non-overwriting spaCy Lemmatizer that remembers every answer."""

    def __init__(self, nlp: Language, name: str = "lemmatizer", lemmatizer: Lemmatizer | None = None):
        self.name = name
        self.vocab = nlp.vocab
        self.lemmatizer = lemmatizer  # spaCy's component, whose tables and rules give every answer
        self._known: dict[tuple[int, int, int], int] = {}  # (ORTH, POS, MORPH) -> lemma hash

    def __call__(self, doc: Doc) -> Doc:
        lem = self.lemmatizer
        if not lem._validated:
            lem._validate_tables(Errors.E1004)
        n = len(doc)
        if not n:
            return doc
        rows = doc.to_array(_COLUMNS)
        lemmas = rows[:, 3]
        unset = (lemmas == 0).nonzero()[0].tolist()
        if not unset:
            return doc  # the attribute ruler set them all
        known = self._known
        keys = rows[:, :3].tolist()
        for i in unset:
            key = tuple(keys[i])
            value = known.get(key)
            if value is None:
                value = self.vocab.strings.add(lem.lemmatize(doc[i])[0])
                if key[1]:  # no POS: spaCy warns each time, so it is asked each time
                    if len(known) >= MAX_REMEMBERED:
                        known.clear()
                    known[key] = value
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(n, 1))
        return doc


def supports(lemmatizer: object) -> bool:
    """True for spaCy's rule-mode, non-overwriting Lemmatizer whose is_base_form is spaCy's own or English's
    (both read only POS and MORPH), so that its answer is a function of (ORTH, POS, MORPH)."""
    kind = type(lemmatizer)
    return (isinstance(lemmatizer, Lemmatizer) and kind.__call__ is Lemmatizer.__call__
            and kind.rule_lemmatize is Lemmatizer.rule_lemmatize
            and kind.is_base_form in (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)
            and lemmatizer.mode == "rule" and not lemmatizer.overwrite)


@Language.factory(FACTORY)
def make_lemma_table(nlp: Language, name: str) -> LemmaTable:
    return LemmaTable(nlp, name)


def use_lemma_table(nlp: Language, name: str = "lemmatizer") -> bool:
    """Swap the pipeline's lemmatizer for a LemmaTable over it, when `supports` allows."""
    swapped = swap_component(nlp, name, FACTORY, supports)
    if swapped is None:
        return False
    lemmatizer, table = swapped
    _index_as_sets(lemmatizer)
    table.lemmatizer = lemmatizer
    return True
