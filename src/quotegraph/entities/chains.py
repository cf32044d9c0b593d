"""Name chains inside one article: every mention joined to the fullest name the article gives.

Mentions with the same words form a group. A group that is part of a longer person or
character name ("Ashley" in "Ashley Park", "Barth Feldman" in "Andrew Barth Feldman") joins
that name when only one fits; when several fit ("Clinton": Hillary or Bill), each mention joins
the one named most recently before it, and stays on its own when none was. A title that says a gender
("Mrs. Clinton") joins its mention to a name of that gender, as far as the text tells (a title before the
full name, or the pronoun that follows it) or else the given name does, then to one of no gender known,
never to one of the other.
A work's short form is the part before its subtitle ("Ratatouille" for "Ratatouille: The TikTok Musical").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..wordlists import word_map, word_set
from .coref import FEMALE_PRONOUNS, MALE_PRONOUNS
from .mentions import NameMention, given_name_gender
from .types import TypeVotes

NAMED_PEOPLE = {"person", "character"}


@dataclass
class Chain:
    """Mentions of one entity, with the type votes they gathered."""

    mentions: list[int] = field(default_factory=list)  # indices into the mention list
    votes: TypeVotes = field(default_factory=TypeVotes)

    def type(self) -> str | None:
        return self.votes.best()


def name_key(text: str) -> str:
    """How two surface forms are compared: case, apostrophes and spacing do not count."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def build_chains(mentions: list[NameMention], votes: list[TypeVotes], doc: Doc) -> list[Chain]:
    groups: dict[str, Chain] = {}
    for k, m in enumerate(mentions):
        g = groups.setdefault(name_key(m.text), Chain())
        g.mentions.append(k)
        g.votes.add(votes[k])

    n_words = {key: len(key.split()) for key in groups}
    keys = sorted(groups, key=lambda key: -n_words[key])
    # the longer names other groups may join, by type
    types = {key: g.type() for key, g in groups.items()}
    full: dict[str, list[str]] = {}
    for key in keys:
        full[key] = [other for other in keys if n_words[other] > n_words[key] and _part_of(key, other, types[other])]

    merged: dict[str, Chain] = {key: Chain(list(g.mentions), _copy(g.votes)) for key, g in groups.items()}
    titled = word_map("honorifics.txt")
    starts = sorted(m.tok_start for m in mentions)
    for key in sorted(keys, key=lambda key: n_words[key]):  # shortest first
        targets = [t for t in full[key] if _compatible(groups[key], groups[t])]
        if not targets:
            continue
        # a target that is itself part of a longer name defers to that name
        targets = [t for t in targets if not any(t in full and u in targets for u in full[t])] or targets
        if groups[key].votes.best() != "organization":
            # "Clinton" beside "Hillary Clinton" and "Clinton Foundation": a bare name is the person, the
            # organization named after them goes by its kind ("the foundation")
            targets = [t for t in targets if types[t] in NAMED_PEOPLE] or targets
        # a title that says a gender ("Mrs. Clinton") sends its mention to a full name of that gender, else to one
        # of no gender known, never to one of the other ("Mrs. Trump" beside "Donald Trump" alone stays apart)
        said = {i: titled[mentions[i].honorific] for i in merged[key].mentions if titled.get(mentions[i].honorific)}
        genders = _name_genders(doc, mentions, starts, groups, targets) if said else {}
        if len(targets) == 1:
            _move(merged, key, targets[0], [i for i in merged[key].mentions if _fitting(said.get(i), targets, genders)], votes)
            continue
        # several full names fit: each mention goes to the one named most recently before it, among those its
        # title lets it join
        firsts = {t: sorted(mentions[i].start for i in groups[t].mentions) for t in targets}
        for i in list(merged[key].mentions):
            before = [(max(p for p in firsts[t] if p < mentions[i].start), t) for t in targets
                      if any(p < mentions[i].start for p in firsts[t])]
            allowed = _fitting(said.get(i), [t for _, t in before], genders)
            before = [b for b in before if b[1] in allowed]
            if before:
                _move(merged, key, max(before)[1], [i], votes)
    return [c for c in merged.values() if c.mentions]


def _fitting(said: str | None, names: list[str], genders: dict[str, str]) -> list[str]:
    """The names a mention whose title says the gender `said` may join: those of that gender, else of none known."""
    if not said:
        return names
    return [t for t in names if genders.get(t) == said] or [t for t in names if t not in genders]


def _name_genders(doc: Doc, mentions: list[NameMention], starts: list[int], groups: dict[str, Chain],
                  keys: list[str]) -> dict[str, str]:
    """Gender of each full name the text makes plain: a title before the name ("Mrs. Ann Lee"), or the
    pronoun subject or possessive that next follows it in its sentence, with no other name between ("Ann Lee
    said her ..."). A name whose signs disagree gets none; one the text gives no sign for, its given name's
    (name_genders.txt), if any. `starts`: the token index where each mention begins, in order."""
    titled = word_map("honorifics.txt")
    seen: dict[str, set[str]] = {}
    for key in keys:
        for i in groups[key].mentions:
            m = mentions[i]
            said = {titled[m.honorific]} if titled.get(m.honorific) else set()
            k = bisect_left(starts, m.tok_end)
            nxt = starts[k] if k < len(starts) else len(doc)
            sent_end = doc[m.tok_start].sent.end
            for t in doc[m.tok_end:min(nxt, sent_end)]:
                if t.pos_ == "PRON" and t.dep_ in ("nsubj", "nsubjpass", "poss"):
                    if t.lower_ in FEMALE_PRONOUNS:
                        said.add("f")
                    elif t.lower_ in MALE_PRONOUNS:
                        said.add("m")
                    break
            seen.setdefault(key, set()).update(said)
    out = {key: next(iter(g)) for key, g in seen.items() if len(g) == 1}
    for key in keys:  # no sign in the text: the given name's, if it nearly always belongs to one gender
        if not seen.get(key) and (g := given_name_gender(mentions[groups[key].mentions[0]].text)):
            out[key] = g
    return out


def _copy(v: TypeVotes) -> TypeVotes:
    out = TypeVotes()
    out.add(v)
    return out


def _move(merged: dict[str, Chain], src: str, dst: str, items: list[int], votes: list[TypeVotes]) -> None:
    for i in items:
        merged[src].mentions.remove(i)
        merged[dst].mentions.append(i)
        merged[src].votes.subtract(votes[i])
        merged[dst].votes.add(votes[i])


def _part_of(short: str, long: str, long_type: str | None) -> bool:
    s, l = short.split(), long.split()
    if len(s) >= len(l):
        return False
    if long_type in NAMED_PEOPLE:
        if s == l[:len(s)] or s == l[-len(s):]:
            return True
        return len(s) >= 2 and s[0] == l[0] and s[-1] == l[-1]  # "Hillary Clinton" in "Hillary Rodham Clinton"
    if long_type == "work":
        head = long.split(":")[0].strip()
        return head != long and short == head or (l[0] == "the" and s == l[1:])
    if long_type == "organization":
        # "Acme" for "The Acme" and for "Acme Group": an organization named without its kind
        return (l[0] == "the" and s == l[1:]) or (s == l[:-1] and _org_word(l[-1]))
    return False


def _org_word(word: str) -> bool:
    words = word_set("entity_org_words.txt")
    return word in words or (word.endswith("s") and word[:-1] in words)


def _compatible(short: Chain, long: Chain) -> bool:
    """A short form may join a longer name unless the rules say it is something else."""
    st, lt = short.votes.rules, long.type()
    if not st:
        return True
    best = short.votes.best()
    if lt in NAMED_PEOPLE:
        return best in NAMED_PEOPLE
    return best == lt


def fullest_name(mentions: list[NameMention], chain: Chain) -> tuple[str, list[str]]:
    """The fullest form the article gives (prose spelling preferred over headline case), and the other forms."""
    forms: dict[str, float] = {}  # a headline's form counts half
    for i in chain.mentions:
        text = mentions[i].text
        forms[text] = forms.get(text, 0) + (1 if mentions[i].block != "title" else 0.5)
    # a given name and surname (the surname used alone as well) the article writes more often than a form
    # with words before them: those words are no part of the name ("Alicia Machado", "Machado" beside
    # "Miss Universe Alicia Machado"); a surname of two words keeps its given name ("Aung San Suu Kyi",
    # "Suu Kyi")
    names = [f for f in forms if not any(len(g.split()) >= 2 and g.split()[-1] in forms and f.endswith(" " + g)
                                         and forms[g] > forms[f] for g in forms)] or list(forms)
    longest = max(len(f.split()) for f in names)
    name = max((f for f in names if len(f.split()) == longest), key=lambda f: (forms[f], -len(f)))
    aliases = sorted({f for f in forms if f != name}, key=lambda f: (-forms[f], f))
    return name, aliases
