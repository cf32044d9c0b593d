"""spaCy's attribute_ruler, done as a table lookup: the same annotations at a tenth of the cost.

The English pipelines' attribute_ruler maps each token's fine tag (and, for a few words, its text
and dependency label) to its coarse part of speech, morphology and some lemmas. spaCy runs it as a
Matcher over 179 patterns for every token of every document, which costs as much as the whole
dependency parse. Every pattern there tests only the token's own TAG, LOWER, DEP and IS_SPACE (and
those of its neighbour, for a handful of two-token rules such as "gon na"), so which rules fire on a
token is a function of a few integers. This component works that out once per distinct
combination, remembers it, and writes the result back with one Doc.from_array call.

It keeps the AttributeRuler's semantics exactly: patterns are tested against the annotations as
they were before any rule applied; a rule's attributes go to the token at its `index` within the
match; when several rules set the same attribute of a token, the later rule wins. A ruler whose
patterns use anything else (other attributes, operators, extension attributes) is left in place
(`supports` says no), so a different pipeline simply keeps spaCy's component.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs

from .component_swap import DocByDoc, swap_component

FACTORY = "quotegraph_attribute_table"
# what every pattern may test, in the order of the key each token is looked up by
_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_KEY_IDS = [TAG, LOWER, DEP, IS_SPACE]
_STRING_ATTRS = {"TAG", "LOWER", "DEP"}
_OPERATORS = {"IN", "NOT_IN", "REGEX"}
MAX_REMEMBERED = 100_000  # distinct token keys kept before the table starts afresh, so memory stays flat (~25 MB)

TokenTest = Callable[[tuple], bool]  # (tag, lower, dep, is_space) -> does this pattern token match


@dataclass(frozen=True)
class Rule:
    tests: tuple[TokenTest, ...]  # one per token of the pattern
    index: int  # which token of the match gets the attributes (may be negative, as in spaCy)
    attrs: dict[int, int]  # attribute id -> value, normalized as spaCy's AttributeRuler stores them


def supports(ruler: AttributeRuler) -> bool:
    """True when every pattern of `ruler` tests only what this table can look up."""
    for entry in ruler.patterns:
        if "_" in entry["attrs"]:
            return False
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list) or not pattern:
                return False
            if not -len(pattern) <= entry.get("index", 0) < len(pattern):
                return False  # spaCy raises on such a rule; leave that to it
            for spec in pattern:
                if not isinstance(spec, dict):
                    return False
                for attr, value in spec.items():
                    if attr not in _KEY_ATTRS:
                        return False
                    if isinstance(value, dict) and (len(value) != 1 or not set(value) <= _OPERATORS):
                        return False
                    if attr == "IS_SPACE" and not isinstance(value, bool):
                        return False
    return True


class AttributeTable(DocByDoc):
    """A drop-in for spaCy's AttributeRuler over patterns that `supports` accepts."""

    def __init__(self, nlp: Language, name: str = "attribute_ruler"):
        self.vocab = nlp.vocab
        self.name = name
        self.rules: list[Rule] = []
        self._write_ids: list[int] = []
        self._fired: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict[int, int]] = {}
        # rules worth testing on a token: by the value of the attribute their first token needs
        self._by_value: list[dict[int, list[int]]] = [{} for _ in _KEY_ATTRS]
        self._always: list[int] = []

    def add_from(self, ruler: AttributeRuler) -> None:
        """Take over `ruler`'s patterns, in its order (which decides which rule wins)."""
        for entry in ruler.patterns:
            attrs = normalize_token_attrs(self.vocab, entry["attrs"])
            for pattern in entry["patterns"]:
                compiled = [self._compile(spec) for spec in pattern]
                r = len(self.rules)
                self.rules.append(Rule(tuple(test for test, _ in compiled), entry.get("index", 0), attrs))
                narrowest = compiled[0][1]
                if narrowest is None:
                    self._always.append(r)
                else:
                    pos, values = narrowest
                    for v in values:
                        self._by_value[pos].setdefault(v, []).append(r)
        self._write_ids = sorted({a for rule in self.rules for a in rule.attrs})
        self._fired.clear()
        self._merged.clear()

    def _compile(self, spec: dict) -> tuple[TokenTest, tuple[int, frozenset[int]] | None]:
        """The test for one pattern token, and (key position, values) when it only passes on those values."""
        checks = []
        narrowest: tuple[int, frozenset[int]] | None = None
        for attr, value in spec.items():
            pos = _KEY_ATTRS.index(attr)
            if attr == "IS_SPACE":
                checks.append(lambda key, pos=pos, want=int(value): key[pos] == want)
                continue
            op, arg = next(iter(value.items())) if isinstance(value, dict) else ("==", value)
            if op == "REGEX":
                found = re.compile(arg).search
                strings = self.vocab.strings
                checks.append(lambda key, pos=pos, found=found, strings=strings: bool(found(strings[key[pos]])))
            elif op == "NOT_IN":
                barred = frozenset(self._hash(v) for v in arg)
                checks.append(lambda key, pos=pos, barred=barred: key[pos] not in barred)
            else:
                allowed = frozenset(self._hash(v) for v in (arg if op == "IN" else [arg]))
                checks.append(lambda key, pos=pos, allowed=allowed: key[pos] in allowed)
                if narrowest is None or len(allowed) < len(narrowest[1]):
                    narrowest = (pos, allowed)
        return (lambda key: all(check(key) for check in checks)), narrowest

    def _hash(self, value: str) -> int:
        # the Matcher compares string attributes by their hash; "" (unset) is 0
        return self.vocab.strings.add(value)

    def _lookup(self, key: tuple) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(one-token rules that fire on a token with this key, longer rules whose first token matches it)."""
        fired = self._fired.get(key)
        if fired is None:
            if len(self._fired) >= MAX_REMEMBERED:
                self._fired.clear()
            candidates = set(self._always)
            for pos, index in enumerate(self._by_value):
                candidates.update(index.get(key[pos], ()))
            passed = [r for r in sorted(candidates) if self.rules[r].tests[0](key)]
            fired = self._fired[key] = (tuple(r for r in passed if len(self.rules[r].tests) == 1),
                                        tuple(r for r in passed if len(self.rules[r].tests) > 1))
        return fired

    def _merge(self, rule_ids: tuple[int, ...]) -> dict[int, int]:
        merged = self._merged.get(rule_ids)
        if merged is None:
            merged = {}
            for r in sorted(rule_ids):
                merged.update(self.rules[r].attrs)
            self._merged[rule_ids] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n or not self.rules:
            return doc
        keys = [tuple(row) for row in doc.to_array(_KEY_IDS).tolist()]
        fired: list[list[int] | tuple[int, ...]] = []
        later: list[tuple[int, int]] = []  # (token, rule) from rules longer than one token
        for i, key in enumerate(keys):
            single, starts = self._lookup(key)
            fired.append(single)
            for r in starts:
                tests = self.rules[r].tests
                k = len(tests)
                if i + k <= n and all(tests[j](keys[i + j]) for j in range(1, k)):
                    later.append((i + self.rules[r].index % k, r))
        for i, r in later:
            fired[i] = (*fired[i], r)
        columns = self._write_ids
        values = doc.to_array(columns).reshape(n, len(columns))
        changed = False
        for i, rule_ids in enumerate(fired):
            if rule_ids:
                merged = self._merge(tuple(rule_ids))
                row = values[i]
                for c, attr in enumerate(columns):
                    value = merged.get(attr)
                    if value is not None:
                        row[c] = value
                        changed = True
        if changed:
            doc.from_array(columns, values)
        return doc


@Language.factory(FACTORY)
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp, name)


def use_attribute_table(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap the pipeline's attribute_ruler for an AttributeTable with its patterns, when it can."""
    swapped = swap_component(nlp, name, FACTORY, lambda ruler: isinstance(ruler, AttributeRuler) and supports(ruler))
    if swapped is None:
        return False
    ruler, table = swapped
    table.add_from(ruler)
    return True
