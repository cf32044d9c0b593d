"""Word lists shipped as package data (src/quotegraph/data/*.txt), read once per process.
The one reader of that format, for every stage (article, quotes, speakers, entities, kb).

Format: one entry per line; `#` starts a comment; an optional second field after a tab
(for example a gender or a predicate). Entries are kept as written; callers lower-case
when they compare case-insensitively. Every view of a list is built once and shared
(the look-ups run per token), so the mappings are read-only.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType


@cache
def _lines(name: str) -> tuple[tuple[str, str], ...]:
    raw = resources.files("quotegraph").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        key, _, value = line.partition("\t")
        out.append((key.strip(), value.strip()))
    return tuple(out)


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of a list, lower-cased."""
    return frozenset(k.lower() for k, _ in _lines(name))


@cache
def word_map(name: str) -> Mapping[str, str]:
    """Entry (lower-cased) -> its second field."""
    return MappingProxyType({k.lower(): v for k, v in _lines(name)})


@cache
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word entries as lower-cased word tuples, longest first (for greedy matching)."""
    return tuple(sorted({tuple(k.lower().split()) for k, _ in _lines(name)}, key=lambda p: (-len(p), p)))


@cache
def grouped(name: str) -> Mapping[str, frozenset[str]]:
    """Second field -> the (lower-cased) entries that carry it."""
    out: dict[str, set[str]] = {}
    for k, v in _lines(name):
        out.setdefault(v, set()).add(k.lower())
    return MappingProxyType({v: frozenset(ks) for v, ks in out.items()})


@cache
def entries(name: str) -> tuple[tuple[str, str], ...]:
    """(entry, second field) pairs in file order, lower-cased, the entry's spaces normalised."""
    return tuple((" ".join(k.lower().split()), v.lower()) for k, v in _lines(name))


@cache
def longest_first(name: str) -> tuple[str, ...]:
    """The entries, lower-cased with spaces normalised, longest first (so prefixes match greedily)."""
    found = {" ".join(k.lower().split()) for k, _ in _lines(name)}
    return tuple(sorted(found, key=lambda e: (-len(e), e)))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated file's rows: every field, stripped, with its case kept."""
    return tuple(tuple(f.strip() for f in (k, *v.split("\t")) if f.strip()) for k, v in _lines(name))
