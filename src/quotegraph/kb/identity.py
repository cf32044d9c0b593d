"""One article's people made ready for cross-article resolution: clean names, one entity per person.

The engine's entities are per article and come from spaCy's named entities, which glue a
headline's or a sentence opening's capitalised words to a name ("Obama Says", "Rip Donald
Trump", "Injecting Clinton's") and let a lone surname follow the nearest full name ("Cruz"
after "his wife, Heidi Cruz"). Before a name becomes a key of the store:

  - `clean_name` drops edge words that are not part of the name: lower-case words (a name's
    particles "de", "van" aside, and never at an edge), reporting verbs after it ("Obama
    Says"), and a capitalised word at an edge when the rest is a name the article gives and the
    word is capitalised only by where it stands (a headline, a sentence or quotation opening) or
    is written in lower case elsewhere in the article ("Candidate Trump", "Clinton Plan"), or
    when the rest is a full name of the article and the word no first name it gives ("Crooked
    Hillary Clinton");
  - entities whose cleaned names are one are folded together, and a lone name folds into the one
    full name of the article it is part of ("Noem" into "Kristi Noem": the same article's full
    name comes first of all);
  - when several of the article's people share a surname ("Ted Cruz", "Heidi Cruz"), each lone
    surname mention goes to one of them by gender evidence (an honorific or pronoun at the
    mention against the words before each full name: "his wife, Heidi", "Mrs.", "she"), else to
    the one the article names first, as news style introduces relatives after its subject.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..wordlists import word_set
from .names import NameKey, fold, word_list

if TYPE_CHECKING:
    from .resolve import LocalEntity

_WORD = re.compile(r"[\w'’.-]+")
_SENTENCE_END = re.compile(r"[.!?]['\"’”]?\s")
_OPENERS = set("\"“‘'(«[—–-:;")
_PRONOUN = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)


@cache
def _reporting_words() -> frozenset[str]:
    """Reporting verbs as a headline writes them after a name: "Says", "Tells", "Urges", "Warns"."""
    out = set()
    for name in ("cue_verbs.txt", "speaker_verbs.txt"):
        for lemma in word_list(name):
            if " " in lemma:
                continue
            out |= {lemma + "s", lemma + "es"}
            if lemma.endswith("y"):
                out.add(lemma[:-1] + "ies")
    return frozenset(out)


@cache
def _gender_words() -> dict[str, str]:
    words = {k: v for k, v in word_list("kb_gender_words.txt").items() if v in ("m", "f")}
    for k, v in word_list("honorifics.txt").items():
        if v in ("m", "f"):
            words[k.rstrip(".")] = v
    return words


def _particles() -> Mapping[str, str]:
    return word_list("kb_name_particles.txt")


def _bare(word: str) -> str:
    return word.strip(".,;:!?\"“”‘’'()[]")


def _is_lower(word: str) -> bool:
    w = _bare(word)
    return bool(w) and w[0].isalpha() and w[0].islower()


def capitalised_by_position(text: str, start: int) -> bool:
    """Would any word be capitalised here? At the start of the text, a line, a sentence or a quotation."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in "\n\r":
        return True
    if text[i] in _OPENERS:
        return True
    if text[i] == ".":  # "Rep. Adam Schiff": an abbreviation's point ends no sentence
        word = re.search(r"([\w.]+)\.$", text[max(0, i - 20):i + 1])
        return not (word and (len(word.group(1)) <= 4 or "." in word.group(1)) and word.group(1)[:1].isupper())
    return text[i] in "!?" or (text[i] in "’”'\"" and i > 0 and text[i - 1] in ".!?")


def in_title_case(text: str, start: int, end: int) -> bool:
    """Is the mention in a title-cased stretch (a headline, a show's name): most longer words around it capitalised?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    verdict = _title_cased_line(text, line_start, line_end)
    return capitalised_by_position(text, start) if verdict is None else verdict


@lru_cache(maxsize=4096)
def _title_cased_line(text: str, start: int, end: int) -> bool | None:
    words = [_bare(w) for w in _WORD.findall(text[start:end])]
    words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    if len(words) < 3:
        return None
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@dataclass
class NameEvidence:
    """What the article says about where one written form of a name stands."""

    positional_lead: bool  # every mention is where any word would be capitalised
    title_case: bool  # every mention is in a title-cased stretch


def _written_forms(text: str, mentions: list[tuple[int, int]]) -> dict[str, NameEvidence]:
    out: dict[str, list[tuple[int, int]]] = {}
    for s, e in mentions:
        out.setdefault(text[s:e], []).append((s, e))
    return {form: NameEvidence(all(capitalised_by_position(text, s) or in_title_case(text, s, e) for s, e in spans),
                               all(in_title_case(text, s, e) for s, e in spans))
            for form, spans in out.items()}


def clean_name(name: str, known: set[str], first_names: set[str], lower_words: set[str],
               evidence: NameEvidence | None) -> str:
    """`name` without the edge words that are not part of it (see the module's docstring).

    `known`: keys of the other names the article gives people; `first_names`: first words of its
    full names; `lower_words`: words the article writes in lower case.
    """
    toks = name.split()
    if not toks or not all(re.fullmatch(r"[\w'’.,&-]+", t) for t in toks):  # not written as a name: as it is
        return name
    # a possessive ends a name: "Clinton's van" is Clinton
    for i, t in enumerate(toks[:-1]):
        if re.search(r"['’]s?$", t) and _bare(t)[:1].isupper():
            toks = toks[:i + 1]
            break
    # "pro-Clinton": a lower-case prefix glued to a name
    toks = [re.sub(r"^[a-z]+-(?=[A-Z])", "", t) for t in toks]
    particles = _particles()
    reporting = _reporting_words()
    changed = True
    while changed and len(toks) > 1:
        changed = False
        first, last = _bare(toks[0]), _bare(toks[-1])
        rest_lead, rest_trail = " ".join(toks[1:]), " ".join(toks[:-1])
        kl, kt = NameKey.of(rest_lead).key, NameKey.of(rest_trail).key
        if _is_lower(toks[0]):
            toks, changed = toks[1:], True
            continue
        if _is_lower(toks[-1]):
            toks, changed = toks[:-1], True
            continue
        if fold(last) in reporting and kt in known:
            toks, changed = toks[:-1], True
            continue
        lead_word = fold(first)
        royal_given = len(toks) == 2 and lead_word in word_set("entity_royal_titles.txt")  # "Prince Andrew"
        if kl in known and NameKey.of(first).key and len(NameKey.of(first).key) > 1 and not royal_given:
            # a full name of the article after it; or a word the article writes in lower case, or a
            # headline's word, that is no first name the article gives
            full_rest = len(kl.split()) >= 2 and fold(_bare(toks[1])) not in particles
            if full_rest or (lead_word not in first_names and (
                    lead_word in lower_words or (evidence is not None and evidence.title_case))):
                toks, changed = toks[1:], True
                continue
        if kt in known and (fold(last) in lower_words or (evidence is not None and evidence.title_case)):
            toks, changed = toks[:-1], True
            continue
    # particles never stand at an edge
    while len(toks) > 1 and fold(_bare(toks[-1])) in particles:
        toks = toks[:-1]
    return " ".join(toks).strip(" ,;:")


def lower_case_words(text: str) -> set[str]:
    """Words the article writes in lower case somewhere (so "Crooked" at a sentence start is a word)."""
    return {w.replace("’", "'") for w in re.findall(r"(?<![\w'’])[a-z][a-z'’-]+", text)}


def mention_gender(text: str, start: int, end: int, others: Sequence[tuple[int, int]] = ()) -> str | None:
    """Gender the text gives one mention: an honorific or kinship word right before it, else the
    pronouns of its sentence when they agree and it names no one else (`others`: other people's mentions)."""
    words = _gender_words()
    inside = re.findall(r"[\w']+", fold(text[start:end]))[:-1]  # "Mrs. Clinton" as one mention
    for w in inside:
        if words.get(w):
            return words[w]
    before = fold(text[max(0, start - 40):start])
    toks = re.findall(r"[\w']+", before)
    for n in (2, 1):
        if len(toks) >= n:
            g = words.get(" ".join(toks[-n:]))
            if g:
                return g
    s = text.rfind("\n", 0, start) + 1
    for m in _SENTENCE_END.finditer(text, s, start):
        s = m.end()
    e_m = _SENTENCE_END.search(text, end)
    e = e_m.start() + 1 if e_m else len(text)
    if any(s <= o_s < e for o_s, _ in others):
        return None
    found = {words.get(p.group(1).lower()) for p in _PRONOUN.finditer(text[s:e])}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _person_gender(text: str, mentions: list[tuple[int, int]], surname: str,
                   others: Sequence[tuple[int, int]] = ()) -> str | None:
    """Gender of one of the article's people from its full-name and first-name mentions (a lone
    surname may be another person's, so those do not count): an honorific or kinship word before
    one counts three, the pronouns of its sentence one."""
    votes = {"m": 0, "f": 0}
    words = _gender_words()
    for s, e in mentions:
        if fold(text[s:e]).strip() == surname:
            continue
        toks = re.findall(r"[\w']+", fold(text[max(0, s - 40):e]))
        near = [" ".join(toks[-n - 1:-1]) for n in (2, 1) if len(toks) > n]
        strong = next((words[w] for w in near if words.get(w)), None)
        if strong:
            votes[strong] += 3
            continue
        g = mention_gender(text, s, e, others)
        if g:
            votes[g] += 1
    if votes["m"] != votes["f"]:
        return "m" if votes["m"] > votes["f"] else "f"
    return None


def _introduced(text: str, person, surname: str) -> int:
    """Where the article first names a person other than by the surname alone."""
    return min((s for s, e in person.mentions if fold(text[s:e]).strip() != surname), default=10**9)


def tidy_people(ents: list[LocalEntity],
                text: str) -> tuple[dict[str, LocalEntity], dict[tuple[int, int], LocalEntity]]:
    """Clean the article's person names and fold its entities that are one person.

    Returns (folded: local id -> the entity it was folded into, owners: mention span -> the entity
    a lone surname mention belongs to when several of the article's people share that surname).
    """
    people = [e for e in ents if e.type == "person"]
    folded: dict[str, LocalEntity] = {}
    owners: dict[tuple[int, int], LocalEntity] = {}
    if not people:
        return folded, owners
    lower_words = lower_case_words(text)

    def all_keys(skip) -> set[str]:
        return {NameKey.of(n).key for p in people if p is not skip for n in [p.name, *p.aliases]} - {""}

    first_counts = Counter(NameKey.of(n).first for q in people for n in {q.name, *q.aliases} if NameKey.of(n).tokens > 1)
    for p in people:
        forms = _written_forms(text, p.mentions)
        others = all_keys(p)
        own = {NameKey.of(n).key for n in [p.name, *p.aliases]}

        def cleaned(n: str, others: set[str] = others, own: set[str] = own, forms: dict = forms) -> str:
            own_first = NameKey.of(n).first if NameKey.of(n).tokens > 1 else None
            firsts = {f for f, c in first_counts.items() if c - (f == own_first) > 0}
            return clean_name(n, (others | own) - {NameKey.of(n).key}, firsts, lower_words, forms.get(n))
        new_name = cleaned(p.name)
        new_aliases = []
        for a in p.aliases:
            c = cleaned(a)
            if c and c not in new_aliases:
                new_aliases.append(c)
        if NameKey.of(new_name).key:
            p.name = new_name
        p.aliases = [a for a in new_aliases if a != p.name]
    # a name holding a lower-case word that is no particle ("Alliance to Reclaim Our Schools"), or opening
    # with an article ("The Daily Beast"), is no person's
    particles = _particles()
    for p in list(people):
        words = p.name.split()
        if (len(words) > 1 and fold(words[0]) in ("the", "a", "an")) or any(
                _is_lower(w) and fold(_bare(w)) not in particles for w in words[1:-1]):
            p.type = "other"
            people.remove(p)
    # the fullest cleaned name leads
    for p in people:
        best = max([p.name, *p.aliases], key=lambda n: (len([w for w in NameKey.of(n).key.split() if len(w) > 1]),
                                                           -len(n)))
        if best != p.name:
            p.aliases = [a for a in [p.name, *p.aliases] if a != best]
            p.name = best

    def absorb(into, other) -> None:
        into.mentions = sorted(set(into.mentions) | set(other.mentions))
        for n in [other.name, *other.aliases]:
            if n != into.name and n not in into.aliases:
                into.aliases.append(n)
        folded[other.local_id] = into
        people.remove(other)
        ents.remove(other)

    # the same cleaned name: one entity
    by_key: dict[str, object] = {}
    for p in list(people):
        k = NameKey.of(p.name).key
        if k in by_key:
            absorb(by_key[k], p)
        else:
            by_key[k] = p
    # a lone name that is part of the article's full names
    full = [p for p in people if not NameKey.of(p.name).single]
    for p in list(people):
        nk = NameKey.of(p.name)
        if not nk.single or p not in people:
            continue
        fits = [f for f in full if nk.key in (NameKey.of(f.name).first, NameKey.of(f.name).last)]
        if len(fits) == 1:
            absorb(fits[0], p)
        elif len(fits) > 1 and all(NameKey.of(f.name).last == nk.key for f in fits):
            _share_surname(text, fits, [p], owners, folded, people, ents)
        # a first name several of them share stays an entity of its own
    # full names sharing a surname: their lone-surname mentions are re-decided
    by_last: dict[str, list] = {}
    for f in full:
        if f in people:
            by_last.setdefault(NameKey.of(f.name).last, []).append(f)
    for group in by_last.values():
        if len(group) > 1 and len({NameKey.of(g.name).first for g in group}) > 1:
            _share_surname(text, group, [], owners, folded, people, ents)
    return folded, owners


def _share_surname(text: str, group: list, lone: list, owners: dict, folded: dict, people: list, ents: list) -> None:
    """Give each lone-surname mention of `group` (people of one surname) and of `lone` entities to one of them."""
    last = NameKey.of(group[0].name).last
    everyone = [m for p in people for m in p.mentions]
    genders = {id(g): _person_gender(text, g.mentions, last, [m for m in everyone if m not in set(g.mentions)])
               for g in group}
    first_seen = {id(g): _introduced(text, g, last) for g in group}
    for g in group:
        g.gender = genders[id(g)]
    spans = set()
    for g in group + lone:
        spans |= {(s, e) for s, e in g.mentions if NameKey.of(text[s:e]).key == last}
    if not spans:
        return
    for g in group:
        g.mentions = [m for m in g.mentions if m not in spans]
    for s, e in sorted(spans):
        wanted = mention_gender(text, s, e)
        fits = [g for g in group if wanted is None or genders[id(g)] in (None, wanted)] or group
        owner = min(fits, key=lambda g: first_seen[id(g)])
        owner.mentions = sorted(set(owner.mentions) | {(s, e)})
        owners[(s, e)] = owner
    for g in group:
        kept = {NameKey.of(text[s:e]).key for s, e in g.mentions}
        if last not in kept:
            g.aliases = [a for a in g.aliases if NameKey.of(a).key != last]
        elif not any(NameKey.of(a).key == last for a in g.aliases):
            g.aliases.append(next(text[s:e] for s, e in g.mentions if NameKey.of(text[s:e]).key == last))
    primary = min(group, key=lambda g: first_seen[id(g)])
    for p in lone:
        if p in people:
            folded[p.local_id] = primary
            people.remove(p)
            ents.remove(p)


def pronoun_owner(text: str, mention: tuple[int, int], speaker: LocalEntity | None,
                  ents: list[LocalEntity]) -> LocalEntity | None:
    """A quote said by a pronoun ("she said") whose speaker shares a surname with others of the
    article: when the speaker's gender is the other one, the first-introduced of them whose gender
    fits; when the speaker's is not known, the one of them the article says has that gender."""
    word = fold(text[mention[0]:mention[1]]).strip()
    g = _gender_words().get(word) if word in ("he", "she") else None
    if g is None or speaker is None or speaker.type != "person":
        return speaker
    last = NameKey.of(speaker.name).last
    group = [e for e in ents if e is not speaker and e.type == "person" and NameKey.of(e.name).last == last
             and not NameKey.of(e.name).single]
    if not group or speaker.gender == g:
        return speaker
    if speaker.gender is None:
        sure = [e for e in group if e.gender == g]
        return sure[0] if len(sure) == 1 else speaker
    fits = [e for e in group if e.gender in (None, g)]
    return min(fits, key=lambda e: _introduced(text, e, last)) if fits else speaker


def clean_loose_name(name: str, ents: list, text: str) -> str:
    """A speaker name the engine gave without an entity, cleaned against the article's people."""
    people = [e for e in ents if e.type == "person"]
    known = {NameKey.of(n).key for p in people for n in [p.name, *p.aliases]} - {"", NameKey.of(name).key}
    firsts = {NameKey.of(n).first for p in people for n in [p.name, *p.aliases] if NameKey.of(n).tokens > 1}
    return clean_name(name, known, firsts - {NameKey.of(name).first}, lower_case_words(text), None) or name
