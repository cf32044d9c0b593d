"""Names compared across articles: one normal form ("key") per written name, and its first and last token.

"Dr. Stéphanie Branchu", "Stephanie Branchu" and "STÉPHANIE BRANCHU's" share the key
"stephanie branchu". Keys are what the store indexes and what cross-article resolution
compares; the names as written are kept beside them for display.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..wordlists import word_map as word_list

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_NOT_NAME_CHARS = re.compile(r"[^\w\s'&+\-]")
_POSSESSIVE = re.compile(r"(?:'s|')$")
_SPACES = re.compile(r"\s+")
# Names of people and characters lose titles and suffixes; titles of works and organisations keep every word.
PERSONAL_TYPES = ("person", "character")


def fold(text: str) -> str:
    """Lower case without accents, with one kind of apostrophe."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def name_key(name: str, entity_type: str = "person") -> str:
    """The form under which names from different articles are compared ("" when nothing is left)."""
    s = _NOT_NAME_CHARS.sub(" ", fold(name or ""))
    words = [w.strip("'-") for w in _SPACES.split(s) if w.strip("'-")]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
    if entity_type in PERSONAL_TYPES:
        titles, suffixes = word_list("kb_name_titles.txt"), word_list("kb_name_suffixes.txt")
        cut = max((i for i, w in enumerate(words[:-1]) if w in titles), default=-1)
        words = words[cut + 1:]
        while len(words) > 1 and words[-1] in suffixes:
            words.pop()
    return " ".join(w for w in words if w)


@dataclass(frozen=True)
class NameKey:
    """A key with the parts resolution looks up: first and last token, and how many tokens."""

    key: str
    first: str
    last: str
    tokens: int

    @classmethod
    def of(cls, name: str, entity_type: str = "person") -> "NameKey":
        return _name_key_of(name, entity_type)

    @property
    def single(self) -> bool:
        return self.tokens == 1


@lru_cache(maxsize=1 << 16)
def _name_key_of(name: str, entity_type: str) -> NameKey:
    """NameKey.of, remembered: resolution and the article's clean-up ask for the same names many times."""
    key = name_key(name, entity_type)
    parts = key.split()
    return NameKey(key, parts[0] if parts else "", parts[-1] if parts else "", len(parts))


def compatible(a: NameKey, b: NameKey) -> bool:
    """Could two names of a person (or character) name the same one?

    Equal keys; one a lone first or last name of the other ("Ashley", "Ashley Park"); or the
    same first and last name around a middle name ("Lily Collins", "Lily Jane Collins").
    """
    if not a.key or not b.key:
        return False
    if a.key == b.key:
        return True
    if a.single and not b.single:
        return a.key in (b.first, b.last)
    if b.single and not a.single:
        return b.key in (a.first, a.last)
    if not a.single and not b.single:
        return a.first == b.first and a.last == b.last
    return False


def names_agree(name: NameKey, others: list[NameKey]) -> bool:
    """A name fits an entity known under `others` when it is compatible with each of its full names.

    A single-token name only needs to match one of them; a full name must not contradict any
    full name already known ("Emily Smith" does not join an entity known as "Emily Cooper").
    """
    if any(o.key == name.key for o in others):
        return True
    full = [o for o in others if not o.single]
    if name.single:
        return any(compatible(name, o) for o in others)
    if full:
        return all(compatible(name, o) for o in full)
    return any(compatible(name, o) for o in others)


def display_rank(name: str, key: NameKey, count: int, entity_type: str) -> tuple:
    """Sort key for choosing an entity's display name among its names (highest first)."""
    if entity_type in PERSONAL_TYPES:
        words = [w for w in key.key.split() if len(w) > 1]  # initials do not make a name fuller
        tokens = len(words) if len(words) <= 4 else 0
        return (tokens, count, len(name))
    return (count, -len(name))
