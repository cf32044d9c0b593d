"""Word lists and small tables of the article stage, read once from package data (src/quotegraph/data)."""
from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    raw = resources.files("quotegraph").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        if line.lstrip().startswith("#"):
            continue
        line = line.rstrip()
        if line.strip():
            out.append(line)
    return out


@cache
def word_list(name: str) -> tuple[str, ...]:
    """A list file's entries, lower-cased with spaces normalised, longest first (so prefixes match greedily)."""
    entries = {" ".join(line.lower().split()) for line in _lines(name)}
    return tuple(sorted(entries, key=lambda e: (-len(e), e)))


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(word_list(name))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated file's rows, fields stripped but with their case kept."""
    return tuple(tuple(f.strip() for f in line.split("\t") if f.strip()) for line in _lines(name))
