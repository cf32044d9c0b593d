"""Name mentions: the spans of an article that name someone or something.

spaCy's small model misses and mis-cuts many names in entertainment copy, so mentions come
from three sources, merged: runs of capitalized tokens in running prose (a title with "in" /
"of" inside it counts when it recurs as a unit or ends in a work word, "Emily in Paris",
"Ratatouille: The TikTok Musical"), spaCy's own entity spans, and a look-up of every name
already found in the places where capitals say nothing (headlines in title case, a
sentence-initial name the tagger took for an adverb). Titles are not part of a name: a run of
capitals holding an office title is split into the organization or place that holds the office
and the person ("Wells Fargo" + CEO + "John Stumpf"); the title lists are data
(honorifics.txt, entity_office_titles.txt).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial

from spacy.attrs import IS_LOWER, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..nlp import ParsedArticle
from ..wordlists import grouped, phrases, word_map, word_set


def platform_kind(name: str) -> str | None:
    """'streaming', 'broadcast' or '' for a known network, studio or platform; None otherwise."""
    return word_map("entity_platforms.txt").get(name.lower())

# spaCy labels that can name an entity we keep; the others (dates, numbers, money) never can.
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "NORP", "EVENT", "PRODUCT", "LAW"}
_NUMERIC_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_GLUE = {"!", "+", "-", "&"}  # punctuation that can sit inside a name when written without spaces
_POSSESSIVE = {"'s", "’s", "'", "’", "s'"}
_QUOTES = "\"“”'‘’"


def given_name_gender(name: str) -> str | None:
    """"f" or "m" when a full name ("Nora Lee", not "Lee" or "N. Lee") opens with a given name that nearly
    always belongs to that gender (name_genders.txt), else None."""
    words = name.split()
    if len(words) < 2 or words[0].endswith("."):
        return None
    return word_map("name_genders.txt").get(words[0].lower().replace("’", "'")) or None


def block_finder(parsed: ParsedArticle):
    """char offset -> the Block holding it (or None), by binary search over the article's blocks."""
    blocks = sorted(parsed.article.blocks, key=lambda b: b.start)
    starts = [b.start for b in blocks]

    def find(char: int):
        i = bisect.bisect_right(starts, char) - 1
        return blocks[i] if i >= 0 and char < blocks[i].end else None

    return find


@dataclass
class NameMention:
    """One span naming an entity, before names are chained into entities."""

    start: int  # char offsets into the article text (honorific and possessive left out)
    end: int
    text: str
    tok_start: int  # token indices into parsed.doc
    tok_end: int
    block: str  # title, dek or body
    label: str = ""  # spaCy's label for an overlapping entity span, "" when none
    honorific: str = ""  # title written before the name ("Sen.", "Mrs."), lower-cased
    honorific_start: int = -1  # token index where that title begins
    hints: list[str] = field(default_factory=list)  # types suggested by the way it was found; "affiliation"
    # for the organization or place before an office title ("Wells Fargo" in "Wells Fargo CEO John Stumpf")

    @property
    def words(self) -> list[str]:
        return self.text.split()


def _is_capitalized(tok: Token) -> bool:
    return bool(tok.text) and tok.text[0].isupper()


def title_case_sentence(sent: Span) -> bool:
    """A headline written in Title Case: capitals there say nothing about names."""
    connectors = word_set("entity_title_connectors.txt")
    words = [t for t in sent if t.is_alpha and t.lower_ not in connectors]
    common = [t for t in words if t.pos_ != "PROPN" and t.i != sent.start]  # words that are no names
    if len(words) < 4 or len(common) < 2:
        return False
    return sum(1 for t in common if t.text[0].isupper()) >= 0.75 * len(common)


def _numeric(tok: Token) -> bool:
    return tok.ent_type_ in _NUMERIC_LABELS


def _name_token(tok: Token) -> bool:
    """A token that can be part of a name where capitals are not grammatical."""
    if not _is_capitalized(tok) or tok.is_punct or tok.like_num:
        return False
    return tok.ent_type_ not in {"DATE", "TIME"} and tok.lower_ != "i"


def _grammatical_capitals(toks: list[Token]) -> set[int]:
    """Positions in a sentence's tokens capitalized because they begin the sentence or a quotation in it."""
    out, first = set(), True
    for k, t in enumerate(toks):
        if t.is_space or t.is_punct:
            continue
        prev = toks[k - 1] if k > 0 else None
        if first or (prev is not None and prev.text in _QUOTES and not prev.whitespace_):
            out.add(k)
        first = False
    return out


def _runs(sent: Span) -> list[tuple[int, int]]:
    """Maximal runs of name tokens (token index ranges), glue punctuation allowed inside.

    A run may begin at a grammatical capital only on a word the parse calls a name."""
    toks = list(sent)  # one Token object per position, each looked at once
    can_name = [_name_token(t) and not _g_dropped(t, toks[k + 1] if k + 1 < len(toks) else None)
                for k, t in enumerate(toks)]
    grammatical = _grammatical_capitals(toks)
    runs, k, n = [], 0, len(toks)
    while k < n:
        tok = toks[k]
        ordinal = _ordinal_word(tok) and k + 1 < n and can_name[k + 1] and not _after_space_break(tok)
        if not (can_name[k] or ordinal) or (
                k in grammatical and tok.pos_ != "PROPN" and tok.ent_type_ not in NAME_LABELS):
            k += 1
            continue
        j = k + 1
        while j < n:
            t, prev = toks[j], toks[j - 1]
            if (can_name[j] or _number_word(t)) and not _after_space_break(prev):
                j += 1  # a capitalized number word goes on a name ("BBC One", "Part Two")
            elif t.text == "+" and not prev.whitespace_:
                j += 1  # "Disney+", "Apple TV+": the plus ends the name
                break
            elif (t.text in _GLUE and j + 1 < n and can_name[j + 1]
                  and ((not prev.whitespace_ and (t.text == "!" or not t.whitespace_))
                       or (t.text == "&" and prev.whitespace_ and t.whitespace_))):
                j += 2  # "E! News", "Barth-Feldman", "Simon & Schuster"
            elif _lowercase_name_part(toks, k, j):
                j += 2  # "Ban Ki-moon", "Park Geun-hye"
            else:
                break
        runs.extend(_split_glued(toks, sent.start, k, j))
        k = j
    return runs


def _lowercase_name_part(toks: list[Token] | Span, k: int, j: int) -> bool:
    """A given name's lowercase second half after a hyphen ("Ban Ki-moon"), inside the person the NER found:
    only after two words of the name, so that "Obama-era" and "Clinton-backed" do not join a name."""
    if j + 1 >= len(toks) or j - k < 2:
        return False
    t, prev, nxt = toks[j], toks[j - 1], toks[j + 1]
    return (t.text == "-" and not prev.whitespace_ and not t.whitespace_ and nxt.is_alpha and nxt.is_lower
            and prev.ent_type_ == "PERSON" and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "I")


def _split_glued(toks: list[Token], base: int, k: int, j: int) -> list[tuple[int, int]]:
    """A run of capitals holding two names side by side, as text glued across page elements leaves it
    ("Kristi Noem Kristi Lynn Noem South Dakota"): split where spaCy begins an entity right after another
    one ends, and where the run's first word comes again."""
    out, a = [], k
    for i in range(k + 1, j):
        t, prev = toks[i], toks[i - 1]
        new_entity = (t.ent_iob_ == "B" and t.ent_type_ in NAME_LABELS and prev.ent_type_ in NAME_LABELS
                      and i - a >= 2)
        repeat = t.text == toks[a].text and i - a >= 2
        if new_entity or repeat:
            out.append((base + a, base + i))
            a = i
    out.append((base + a, base + j))
    return out


def _g_dropped(tok: Token, nxt: Token | None) -> bool:
    """A word with its final g written as an apostrophe ("Takin’", "Rockin'"): a verb, never a name."""
    return nxt is not None and not tok.whitespace_ and nxt.text in ("’", "'") and len(tok.text) > 3 \
        and tok.text.endswith("in") and tok.is_alpha


def _number_word(tok: Token) -> bool:
    """A number written as a capitalized word ("One", "Two"), which a name may hold but not begin with."""
    return tok.like_num and tok.is_alpha and tok.text[0].isupper() and not tok.is_upper


def _ordinal_word(tok: Token) -> bool:
    """A capitalized ordinal written as a word, which may open a name ("the Twelfth Doctor")."""
    return tok.is_alpha and tok.text[0].isupper() and not tok.is_upper and tok.lower_.endswith(("th", "st", "nd", "rd")) \
        and tok.like_num


def _after_space_break(prev: Token) -> bool:
    """A newline or a closing mark between two capitalized tokens breaks a name (prev: the token before the second)."""
    return "\n" in prev.whitespace_ or prev.text in _QUOTES


def _strip_honorific(doc: Doc, s: int, e: int) -> tuple[int, str]:
    """Skip titles written before a name ("Secretary of State John Kerry" -> "John Kerry").

    A title may begin before the run of capitals ("Secretary of" + "State John Kerry").
    The longest title wins; among titles of one length, the one starting nearest the run.
    A title word that spaCy reads as part of a longer name that is not a person's is part of
    that name ("General Motors", "St. Louis", "Justice Department")."""
    by_length = _titles_by_length(("honorifics.txt", "entity_office_titles.txt"))
    longest = max(by_length, default=0)
    lo = max(0, s - longest + 1)
    # any title found would begin in [lo, e): most runs have no title's first word there at all
    firsts = _title_first_word_ids(("honorifics.txt", "entity_office_titles.txt"))
    if firsts.isdisjoint(_lower_ids(doc)[lo:e]):
        return s, ""
    lowers = [t.lower_ for t in doc[lo:e]]
    for n in sorted(by_length, reverse=True):
        titles = by_length[n]
        for back in range(n):
            a = s - back
            if a < 0 or a + n >= e or a + n <= s:
                continue
            words = tuple(lowers[a - lo:a - lo + n])
            if words not in titles or not _name_follows(doc, a + n, e) or _inside_other_name(doc, a + n - 1):
                continue
            if any(tuple(lowers[a - lo:a - lo + m]) in by_length[m] for m in by_length if n < m <= e - a):
                continue  # the run is one longer title ("Attorney General")
            return a + n, " ".join(words)
    return s, ""


def _name_follows(doc: Doc, i: int, e: int) -> bool:
    """Tokens [i, e) after a title can be a name: they begin with a capitalized word, and are not
    an office on their own ("Mr. President", "Madam Secretary"), unless spaCy reads a person there ("Mr. Justice")."""
    tok = doc[i]
    if not _is_capitalized(tok) or tok.is_punct:
        return False
    if e - i == 1 and tok.ent_type_ != "PERSON" and tok.lower in lower_written(doc):
        return False  # "General Election" beside "the election": a common noun after the word, not a name
    return not (e - i == 1 and tok.ent_type_ != "PERSON"
                and (tok.lower_,) in _titles_by_length(("entity_office_titles.txt",)).get(1, ()))


_last_lower_written: tuple[Doc, frozenset[int]] | None = None


def lower_written(doc: Doc) -> frozenset[int]:
    """The words (LOWER hashes) the doc writes in lower case somewhere, made once per doc."""
    global _last_lower_written
    last = _last_lower_written
    if last is None or last[0] is not doc:
        arr = doc.to_array([LOWER, IS_LOWER])
        last = _last_lower_written = (doc, frozenset(arr[arr[:, 1] == 1, 0].tolist()) if len(arr) else frozenset())
    return last[1]


def _inside_other_name(doc: Doc, i: int) -> bool:
    """Token i and the one after it lie in one spaCy entity that does not name a person."""
    tok = doc[i]
    if not tok.ent_type_ or tok.ent_type_ == "PERSON" or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    return nxt.ent_iob_ == "I" and nxt.ent_type_ == tok.ent_type_


@dataclass
class _OfficeSplit:
    """A run of capitals that holds an office title before a person's name: affiliation, title, name."""

    title_start: int  # tokens [run start, title_start) name the organization or place, if any
    name_start: int  # the title (with a modifier before it: "Former", "Acting") ends here; the name runs on
    title: str  # lower-cased; "" for a party or nationality word ("Republican Donald Trump")


def _split_at_office(doc: Doc, s: int, e: int) -> _OfficeSplit | None:
    """"Wells Fargo CEO John Stumpf" -> "Wells Fargo" + "CEO" + "John Stumpf".

    The title nearest the end of the run counts ("General Motors CEO Mary Barra"), when what
    follows it looks like a person's name: spaCy calls a word of it a person, or it has two words.
    Party and nationality words spaCy puts right before a person are split off the same way
    ("Republican Donald Trump"). A title that opens the run is left to _strip_honorific."""
    by_length = _titles_by_length(("entity_office_titles.txt",))
    lengths = sorted(by_length, reverse=True)
    modifiers = _title_modifiers()
    for k in range(e - 1, s, -1):  # the name would start at k
        before = doc[k - 1]
        role = e - k >= 2 and k - 1 > s and _name_after_role(doc, k, e) and (
            (before.is_upper and before.is_alpha and len(before.text) <= 4)
            or before.lower_ in word_set("description_nouns.txt"))
        if not _person_like(doc, k, e) or _inside_other_name(doc, k - 1):
            if role:  # "Acme DL Jane Roe" read as one organization's name
                return _OfficeSplit(k - 1, k, before.lower_)
            continue
        for n in lengths:
            j = k - n
            if j < s or tuple(t.lower_ for t in doc[j:k]) not in by_length[n]:
                continue
            if j == s:
                return None
            first = j
            while first > s and doc[first - 1].lower_ in modifiers:
                first -= 1
            return _OfficeSplit(first, k, " ".join(t.lower_ for t in doc[first:k]))
        if doc[k].ent_iob_ == "B" and doc[k].ent_type_ == "PERSON" and all(t.ent_type_ == "NORP" for t in doc[s:k]):
            return _OfficeSplit(k, k, "")
        if role and not any(tuple(t.lower_ for t in doc[j:k - 1]) in by_length.get(k - 1 - j, ())
                            for j in range(max(s, k - 1 - max(lengths, default=0)), k - 1)):
            return _OfficeSplit(k - 1, k, before.lower_)  # "Acme DL Jane Roe", "Acme Sports Insider Jane Roe"
    return None


def _person_like(doc: Doc, k: int, e: int) -> bool:
    """Tokens [k, e) could be a person's name on their own."""
    first = doc[k]
    if not _is_capitalized(first) or first.is_punct:
        return False
    if any(t.ent_type_ == "PERSON" for t in doc[k:e]):
        return True
    words = [t for t in doc[k:e] if not t.is_punct]
    return len(words) >= 2 and not first.is_stop and not all(t.ent_type_ in NAME_LABELS for t in doc[k:e])


@lru_cache(maxsize=None)
def _titles_by_length(names: tuple[str, ...]) -> dict[int, frozenset[tuple[str, ...]]]:
    """Titles from the given lists (modifiers left out), by number of words."""
    out: dict[int, set[tuple[str, ...]]] = {}
    for name in names:
        kinds = word_map(name)
        for ph in phrases(name):
            if kinds.get(" ".join(ph)) != "modifier":
                out.setdefault(len(ph), set()).add(ph)
    return {n: frozenset(v) for n, v in out.items()}


@lru_cache(maxsize=None)
def _title_first_word_ids(names: tuple[str, ...]) -> frozenset[int]:
    """The first words of the titles in the given lists, as the hashes spaCy's LOWER attribute holds."""
    return frozenset(get_string_id(ph[0]) for phs in _titles_by_length(names).values() for ph in phs)


_last_lower_ids: tuple[Doc, list[int]] | None = None


def _lower_ids(doc: Doc) -> list[int]:
    """The doc's LOWER array as a list, made once per doc (the last doc asked for is remembered)."""
    global _last_lower_ids
    last = _last_lower_ids
    if last is None or last[0] is not doc:
        last = _last_lower_ids = (doc, doc.to_array("LOWER").tolist())
    return last[1]


@lru_cache(maxsize=1)
def _title_modifiers() -> frozenset[str]:
    return frozenset(k for k, v in word_map("entity_office_titles.txt").items() if v == "modifier")


def _connected_titles(sent: Span, runs: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Runs joined by title connectors or a colon: "Emily" + "in" + "Paris", "Ratatouille" + ":" + "The TikTok Musical".

    Returns (start, end, strong): strong when every joint is a word that mostly joins titles
    ("of", "in", "the", a colon) rather than clauses ("with", "and", "on").
    """
    connectors = word_map("entity_title_connectors.txt")
    doc = sent.doc
    out = []
    for a in range(len(runs)):
        s = runs[a][0]
        strong = True
        for b in range(a + 1, len(runs)):
            gap = doc[runs[b - 1][1]:runs[b][0]]
            if len(gap) == 0 or len(gap) > 2 or any("\n" in t.whitespace_ for t in gap):
                break
            if len(gap) == 1 and gap[0].text == ":" and gap[0].whitespace_:
                pass
            elif (len(gap) == 1 and gap[0].text in ("'s", "’s") and not doc[gap[0].i - 1].whitespace_
                  and b == a + 1 and platform_kind(doc[s:runs[a][1]].text) is None
                  and not any(t.ent_type_ == "PERSON" for t in doc[s:runs[a][1]])):
                strong = False  # "The Devil's Hour": counts only where it recurs as a unit
            elif all(t.is_lower and t.lower_ in connectors for t in gap):
                strong = strong and all(connectors[t.lower_] != "weak" for t in gap)
            else:
                break
            if not strong and any(t.ent_type_ == "PERSON" for t in doc[s:runs[b][1]]):
                break  # "Lily Collins and Ashley Park" is two people, not a title
            if platform_kind(doc[runs[b][0]:runs[b][1]].text) is not None:
                break  # "Victoria in ITV's Victoria": a title does not end in a network's name
            if runs[b][1] - runs[b][0] == 1 and doc[runs[b][0]].ent_type_ == "NORP":
                break  # "told Acme.info the Russian and Syrian claims": a people's word ends no title
            out.append((s, runs[b][1], strong))
    return out


def _work_context(doc: Doc, s: int, e: int) -> bool:
    """Words around a title that say it is a work: "<title> star", "season two of <title>", "plays Y on <title>"."""
    followers = word_set("entity_work_followers.txt")
    play_verbs = word_set("entity_play_verbs.txt")
    nxt = next((t for t in doc[e:e + 2] if not t.is_space), None)
    if nxt is not None and nxt.is_lower and nxt.lower_ in followers:
        return True
    prev = [t for t in doc[max(0, s - 4):s] if not t.is_space]
    if prev and prev[-1].lower_ == "of" and len(prev) >= 2 and prev[-2].lower_ in followers:
        return True
    if prev and prev[-1].lower_ in ("on", "in"):
        head = prev[-1].head
        while head.dep_ in ("dobj", "pobj", "prep") and head.head is not head:
            head = head.head
        return head.lemma_ in play_verbs
    return False


def _surface(doc: Doc, s: int, e: int) -> str:
    return doc[s:e].text


def find_name_mentions(parsed: ParsedArticle) -> list[NameMention]:
    """All name mentions of the article, non-overlapping, in text order."""
    doc = parsed.doc
    text = parsed.article.text
    work_words = word_set("entity_work_words.txt")
    not_names = word_set("entity_not_names.txt")
    block_of = block_finder(parsed)
    candidates: list[NameMention] = []
    headline_sents: list[tuple[Span, str]] = []
    prose_sents: list[tuple[Span, str]] = []
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), None)  # None: the sentence is only white space
        if first is None:
            continue
        block = block_of(first.idx)
        if block is None:
            continue
        (headline_sents if block.kind == "title" or title_case_sentence(sent) else prose_sents).append((sent, block.kind))

    # 1. capitalized runs and connected titles in prose
    titles: list[tuple[int, int, bool, str]] = []
    for sent, kind in prose_sents:
        runs = _runs(sent)
        for s, e in runs:
            candidates.extend(_run_mentions(doc, s, e, kind))
        for s, e, strong in _connected_titles(sent, runs):
            titles.append((s, e, strong, kind))
    # a connected title counts when it recurs as a unit, or ends in a work word ("... The TikTok Musical");
    # a title recurs as a unit only where it is not every time part of a longer one ("Roll Hall of Fame"
    # inside "Rock and Roll Hall of Fame")
    counts = {(s, e): len(re.findall(r"(?<!\w)" + re.escape(_surface(doc, s, e)) + r"(?!\w)", text, flags=re.I))
              for s, e, _, _ in titles}
    imperatives = cache(partial(_imperative_words, doc))  # worked out once, and only if a title asks
    for s, e, strong, kind in titles:
        recurs = counts[(s, e)] >= 2 and not any(
            s2 <= s and e <= e2 and (s2, e2) != (s, e) and n2 >= counts[(s, e)] for (s2, e2), n2 in counts.items())
        if recurs and not strong and any(t.ent_type_ in _NOT_TITLE_PARTS for t in doc[s:e]) \
                and any(t.is_lower and t.lower_ in {"and", "on", "to"} for t in doc[s:e]):
            continue  # "Customs and Border Protection", "Arrowhead on Facebook": names joined, not a title
        if any(t.lower_ == "to" and t.is_lower for t in doc[s:e]) and doc[s].lower_ in imperatives():
            continue  # "Upgrade to Premium", "Sign Up to Newsletter": an imperative, not a title
        if recurs or (strong and (doc[e - 1].lower_ in work_words or _work_context(doc, s, e))):
            m = _make(doc, s, e, kind, title=True)
            m.hints.append("work")
            if recurs:
                m.hints.append("recurring")
            candidates.append(m)

    # 2. spaCy's entity spans (trimmed of determiners, possessives, numbers and the titles found in step 1:
    # "Charlotte Mayor" in "Charlotte Mayor Jennifer Roberts")
    title_tokens = {i for m in candidates if m.honorific_start >= 0 for i in range(m.honorific_start, m.tok_start)}
    headline_starts = {hs.start for hs, _ in headline_sents}
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        s, e = ent.start, ent.end
        if _g_dropped(doc[e - 1], doc[e] if e < len(doc) else None):
            continue
        while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].lower_ == "the" and doc[s].is_lower):
            s += 1
        while e > s and (doc[e - 1].text in _POSSESSIVE or doc[e - 1].is_punct or doc[e - 1].is_space
                         or _numeric(doc[e - 1]) or e - 1 in title_tokens):
            e -= 1
        if e <= s or not any(_is_capitalized(t) for t in doc[s:e]):
            continue
        if doc[s].sent.start in headline_starts:
            continue
        block = block_of(doc[s].idx)
        if block is None:
            continue
        inner = next((i for i in range(s + 1, e - 1) if doc[i].text in ("'s", "’s")
                      and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()), None)
        if inner is not None:
            # "the UN's Intergovernmental Panel on Climate Change": the owner and what it owns, two names
            for a, b in ((s, inner), (inner + 1, e)):
                m = _make(doc, a, b, block.kind)
                m.label = ent.label_
                candidates.append(m)
            continue
        glued = _split_glued(list(doc[s:e]), s, 0, e - s)
        if len(glued) > 1:
            s, e = glued[0]  # "Jane Roe Jane Ann Roe" as one span: the first name; the rest is looked up below
        if ent.label_ in ("PERSON", "ORG") and _split_at_office(doc, s, e) is not None:
            # "Acme DL Jane Roe" as one PERSON span: the affiliation and the title come off as for a run
            pieces = _run_mentions(doc, s, e, block.kind)
            pieces[-1].label = "PERSON"
            candidates.extend(pieces)
            continue
        m = _make(doc, s, e, block.kind)
        m.label = ent.label_
        candidates.append(m)

    # 1c. a number named as an album or a single ("her album 21", "the third studio album, 25")
    candidates.extend(_numbered_titles(doc, block_of))
    # 1b. titles written between quotation marks ("the revival of 'The Music Man'", her single "Remedy,")
    candidates.extend(_quoted_titles(doc, block_of))

    chosen = _choose([m for m in candidates if m.text], doc)
    # the words of a title are not a name of their own ("State" in "Secretary of State John Kerry")
    titles_at = {i for m in chosen if m.honorific_start >= 0 for i in range(m.honorific_start, m.tok_start)}
    chosen = [m for m in chosen if not set(range(m.tok_start, m.tok_end)) <= titles_at]
    chosen = _bracketed_completions(doc, chosen)
    # 3. a headline may be the only place that gives a full name ("Maria Lopez Talks ..." over a body that says "Maria")
    chosen = _headline_people(doc, chosen, headline_sents)
    # 4. look up names already found, where capitals could not tell (headlines, sentence starts)
    chosen = _lookup_known(parsed, chosen, headline_sents + prose_sents)
    # label every mention with spaCy's label for the tokens it covers, when spaCy had one
    for m in chosen:
        if not m.label:
            labels = [t.ent_type_ for t in doc[m.tok_start:m.tok_end] if t.ent_type_ in NAME_LABELS]
            if labels and len(labels) * 2 >= (m.tok_end - m.tok_start):
                m.label = _majority_label(labels)
    # an office on its own ("the CEO", "the President") is a description, not a name, unless spaCy
    # reads a person there ("Mr. Justice")
    office_titles = _titles_by_length(("honorifics.txt", "entity_office_titles.txt"))
    chosen = [m for m in chosen if not _sentence_initial_modifier(doc, m)]
    chosen = _speaker_labels(parsed, chosen)
    return [m for m in chosen if not (len(m.words) == 1 and m.text.lower() in not_names)
            and (m.label == "PERSON" or tuple(w.lower() for w in m.words) not in office_titles.get(len(m.words), ()))]


_OPENING = {'"', "“", "‘", "'"}
_CLOSING = {'"': {'"'}, "“": {"”", '"'}, "‘": {"’", "'"}, "'": {"'", "’"}}
_TITLE_MAX_TOKENS = 12
_SPEECH_AFTER = {"said", "says", "say", "told", "tells", "asked", "asks", "added", "adds", "explained", "wrote",
                 "he", "she", "they", "i", "we"}


@lru_cache(maxsize=1)
def _quote_mark_ids() -> frozenset[int]:
    return frozenset(get_string_id(q) for q in _OPENING | {"”", "’"})


def _quoted_titles(doc: Doc, block_of) -> list[NameMention]:
    """Spans between quotation marks written as a title: every word capitalized but the small words
    that join titles ("The Music Man", "Send My Love (To Your Lover)", "Remedy,"). A one-word span is a
    title only where no speech verb or pronoun follows the closing mark ("Thanks," she said)."""
    connectors = word_set("entity_title_connectors.txt") | {"a", "an", "the", "to", "of", "or", "but", "nor", "vs", "vs."}
    marks = _quote_mark_ids()
    authored = word_set("entity_authored_works.txt")
    orths = doc.to_array("ORTH").tolist()
    at = [i for i, o in enumerate(orths) if o in marks]
    at_set = set(at)
    out: list[NameMention] = []
    for k, a in enumerate(at):
        opening = doc[a]
        if opening.text not in _OPENING or (opening.text == '"' and opening.tag_ == "''"):
            continue  # a straight mark the tagger reads as closing ('..." Bush: "...') opens nothing
        # the first mark that closes this one; marks of another kind inside are apostrophes ("Takin’ It")
        following = at[k + 1:k + 1 + _TITLE_MAX_TOKENS]
        b = next((j for j in following if doc[j].text in _CLOSING[opening.text]), None)
        if b is None or not 0 < b - a - 1 <= _TITLE_MAX_TOKENS \
                or any(doc[j].text == opening.text for j in following if j < b):
            continue
        s, e = a + 1, b
        while e > s and doc[e - 1].text in {",", ".", "!", "?"}:
            e -= 1
        toks = doc[s:e]
        if e <= s or any(t.is_space or "\n" in t.whitespace_ for t in toks[:-1]):
            continue
        words = [t for t in toks if t.is_alpha or t.like_num]
        if not words or not toks[0].text[:1].isupper() or any(t.text in {".", "?", "!", ";"} for t in toks):
            continue
        if not all(t.text[:1].isupper() or t.lower_ in connectors or t.like_num for t in words):
            continue
        if not any(t.is_alpha and t.text[:1].isupper() and t.lower_ != "i" for t in words) and not (
                len(words) == 1 and words[0].like_num and a > 0 and doc[a - 1].lower_ in authored):
            continue  # a number is a title only after a work noun ("album '25'")
        if len(words) == 1:
            nxt = doc[b + 1] if b + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ in _SPEECH_AFTER:
                continue
            if words[0].pos_ in {"INTJ", "PRON", "AUX", "VERB", "ADV"} or words[0].is_stop:
                continue
        block = block_of(doc[s].idx)
        if block is None:
            continue
        span = doc[s:e]
        hints = ["work", "quoted"] if _quoted_work_evidence(doc, a, b, at_set) else ["unproven quote"]
        out.append(NameMention(span.start_char, span.end_char, span.text, s, e, block.kind, hints=hints))
    # an article that quotes two titles as works is about works: its other quoted titles are works too
    if sum(1 for m in out if "work" in m.hints) >= 2:
        for m in out:
            if m.tok_end - m.tok_start == 1 or not any(
                    t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} for t in doc[m.tok_start:m.tok_end]):
                m.hints = ["work", "quoted"]  # not "He wanted to work with ‘Nellie Wall’": a name in quotes
    return out


def _quoted_work_evidence(doc: Doc, a: int, b: int, marks: set[int]) -> bool:
    """Quotation marks alone do not make a title a work (a slogan, a sign's words, a venue's name, a
    voice command are quoted too). Evidence that they hold one: a work noun just before the opening
    mark ("her single “Remedy”", "the album, ‘25’"), a work follower after the closing one ("‘Wonka’ star"),
    a verb of works or roles governing it ("performed “Black Water”"), or another quoted title beside it
    in a list ("“Rumour Has It” and “Turning Tables”")."""
    nouns = word_set("entity_work_words.txt") | word_set("entity_authored_works.txt")
    cues = grouped("entity_quoted_title_cues.txt")
    before = [t for t in doc[max(0, a - 4):a] if not t.is_space]
    if len(before) >= 2 and before[-1].lower_ == "of" and (
            before[-2].lower_ in word_set("entity_work_followers.txt") or before[-2].lower_ in cues["before"]):
        return True  # "the revival of “X”", "the cast of ‘X’", "a cover of ‘X’"
    for t in reversed(before):
        if t.is_lower and (t.lower_ in nouns or t.lemma_.lower() in nouns or t.lower_ == "titled"
                           or t.lemma_.lower() in cues["before"]):
            return True
        if t.text != "," and t.pos_ not in {"DET", "ADJ", "NUM", "PART"} and t.tag_ != "PRP$" \
                and t.text not in _POSSESSIVE:
            break  # only a determiner, a number, an adjective or a possessive between: "her new single “X”"
    j = a - 1
    if j >= 0 and doc[j].text == ")":  # "Wednesday's (3 May) ‘Morning Call’"
        while j > max(0, a - 8) and doc[j].text != "(":
            j -= 1
    if j >= 2 and doc[j - 1].text in _POSSESSIVE and doc[j - 2].ent_type_ in {"DATE", "TIME"}:
        return True  # "Wednesday's ‘Morning Call’", "last night's ‘Newsline’": a broadcast
    after_toks = [t for t in doc[b + 1:b + 6] if not t.is_space]
    after = after_toks[0] if after_toks else None
    if after is not None and (after.lower_ in word_set("entity_work_followers.txt") or after.is_lower and (
            after.lower_ in cues["after"] or after.lemma_.lower() in nouns)):
        return True  # "‘Wonka’ star", a headline's "‘The Bear’ Season 3", "the “X” songstress", "a new ‘X’ game"
    if doc[b - 1].text == "," or (after is not None and after.text in {",", "—", "–", "-"}):
        # "“Remedy,” a song she wrote", "“Send My Love” — originally titled ..."
        for t in after_toks[:4]:
            if t.is_lower and (t.lemma_.lower() in nouns or t.lower_ == "titled"):
                return True
            if t.pos_ not in {"DET", "ADJ", "ADV", "PUNCT", "NUM"} and t.lower_ != "originally":
                break
    nxt = after_toks[1] if after is not None and after.lower_ in {",", "and", "or", "&"} and len(after_toks) > 1 else after
    if nxt is not None and nxt.i in marks and nxt.text in _OPENING:
        return True  # a list of quoted titles
    prev = before[-1] if before else None
    if prev is not None and prev.lower_ in {",", "and", "or", "&"}:
        prev = next((t for t in reversed(doc[max(0, prev.i - 2):prev.i]) if not t.is_space), None)
    if prev is not None and prev.i in marks and prev.text not in _OPENING | {"'"} and prev.i < a:
        return True
    verbs = word_map("entity_work_verbs.txt").keys() | word_set("entity_play_verbs.txt")
    root = doc[a + 1:b].root
    head = root.head if root.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos"} else root
    if head.dep_ == "prep" and root.dep_ == "pobj":
        head = head.head
    if root.dep_ in {"dobj", "attr"} and any(c.dep_ == "nsubj" and c.lemma_.lower() in nouns for c in head.children):
        return True  # "the new tracks include “X”", "her latest single is “X”"
    return head.lemma_.lower() in verbs


def _numbered_titles(doc: Doc, block_of) -> list[NameMention]:
    """Numbers written as titles right after a record noun: "her previous album 21", "album, 25"."""
    nouns = word_set("entity_authored_works.txt")
    ids = {get_string_id(n) for n in nouns} | {get_string_id(n + "s") for n in nouns}
    out: list[NameMention] = []
    for i, low in enumerate(_lower_ids(doc)):
        if low not in ids or i + 1 >= len(doc):
            continue
        j = i + 1
        if doc[j].text == "," and j + 1 < len(doc):
            j += 1
        tok = doc[j]
        if not (tok.is_digit and len(tok.text) <= 4) or j + 1 < len(doc) and doc[j + 1].lower_ in {"%", "percent", "times"}:
            continue
        block = block_of(tok.idx)
        if block is not None and block.kind != "title" and doc[i].is_lower:
            out.append(NameMention(tok.idx, tok.idx + len(tok.text), tok.text, j, j + 1, block.kind, hints=["work"]))
    return out


def _majority_label(labels: list[str]) -> str:
    """The label most tokens carry; on a tie, the one nearest the end, where an English name has its head
    ("Acme Bank CEO Jane Roe": PERSON)."""
    counts = Counter(labels)
    most = max(counts.values())
    return next(label for label in reversed(labels) if counts[label] == most)


def _run_mentions(doc: Doc, s: int, e: int, block: str) -> list[NameMention]:
    """A run of capitals as one name, or as the organization or place holding an office and the
    person holding it ("Wells Fargo" and "John Stumpf" in "Wells Fargo CEO John Stumpf")."""
    split = _split_at_office(doc, s, e)
    if split is None:
        return [_make(doc, s, e, block)]
    start, more = _strip_honorific(doc, split.name_start, e)  # "Arizona State Senator Dr. Kelli Ward"
    pieces = _split_glued(list(doc[start:e]), start, 0, e - start)  # "Gov. Jane Roe Jane Ann Roe"
    end = pieces[0][1]
    name = doc[start:end]
    title = " ".join(w for w in (split.title, more) if w)
    out = [NameMention(name.start_char, name.end_char, name.text, start, end, block, honorific=title,
                       honorific_start=split.title_start if title else -1)]
    out += [_make(doc, a, b, block) for a, b in pieces[1:]]
    a, b = s, split.title_start
    modifiers = _title_modifiers()
    while a < b and doc[a].lower_ in modifiers:
        a += 1
    while b > a and doc[b - 1].is_punct:  # "Giuliani &" in "Giuliani & Sen. Jeff Sessions"
        b -= 1
    if a < b:
        held = doc[a:b]
        out.insert(0, NameMention(held.start_char, held.end_char, held.text, a, b, block, hints=["affiliation"]))
    return out


_NOT_TITLE_PARTS = {"ORG", "GPE", "NORP", "PERSON", "EVENT", "PRODUCT", "LOC", "FAC"}
_PARTICLES = {"de", "la", "le", "du", "des", "del", "da", "van", "von", "der", "den", "di", "dos", "bin", "al", "el"}


def _trim_edges(doc: Doc, s: int, e: int, roles: bool = True) -> tuple[int, int, str]:
    """Words at the edges of a span that are not part of the name it holds: a possessive mark or a
    lower-case word before it ("'s Jane Roe" after "Show's", "prince Paul" from spaCy), a role noun
    or a gerund written in capitals before a person's name ("Star Jane Roe", "ACTRESS Jane Roe",
    "Starring Jane Roe", "Hosting Cook"), lower-case words after it ("Acme Awards - tells").
    Returns the new bounds and the role noun taken off ("" when none)."""
    role_nouns = word_set("description_nouns.txt")
    role = ""
    while s < e and (doc[s].text in _POSSESSIVE or doc[s].is_punct or doc[s].is_space
                     or (doc[s].is_lower and doc[s].lower_ not in _PARTICLES)):
        s += 1
    while e > s and not (e - s >= 4 and _lowercase_name_part(doc[s:e], 0, e - s - 2)) and (
            doc[e - 1].is_punct or doc[e - 1].is_space or (doc[e - 1].is_lower and doc[e - 1].lower_ not in _PARTICLES)):
        e -= 1
    if e - s >= 2 and doc[e - 1].text == "TV" and e < len(doc) and doc[e].is_lower \
            and doc[e].lemma_ in word_set("entity_work_words.txt"):
        e -= 1  # "the new Star Wars TV series": the medium is no part of the title
    if roles and e - s >= 2 and _is_capitalized(doc[s + 1]):
        first = doc[s]
        rest_starts_name = doc[s + 1].ent_iob_ == "B" or _person_like(doc, s + 1, e)
        if first.lower_ in role_nouns and _name_after_role(doc, s + 1, e):
            role = first.lower_
            s += 1
        elif first.tag_ == "VBG" and first.pos_ == "VERB" and (rest_starts_name or _used_alone(doc, s, e)):
            s += 1
        elif first.is_sent_start and first.lower_.endswith("ing") and len(first.text) > 5 and first.is_title \
                and _used_alone(doc, s, e):
            s += 1  # "Hosting Cook at ...", tagged a name: a gerund opening the sentence, the name used alone elsewhere
    return s, e, role


def _used_alone(doc: Doc, s: int, e: int) -> bool:
    """The words after token s recur in the text without it ("Hosting Cook" beside "Cook said")."""
    rest = doc[s + 1:e].text
    pattern = r"(?<!\w)" + re.escape(rest) + r"(?!\w)"
    return len(re.findall(pattern, doc.text)) > len(re.findall(r"(?<!\w)" + re.escape(doc[s:e].text) + r"(?!\w)", doc.text))


def _name_after_role(doc: Doc, s: int, e: int) -> bool:
    """Tokens [s, e) after a role noun read as a person's name: spaCy calls a word of it a person, or it
    is two or more capitalized words none of which names an organization or a work ("Acme Studios")."""
    if any(t.ent_type_ == "PERSON" for t in doc[s:e]):
        return True
    toks = list(doc[s:e])
    stop = word_set("entity_org_words.txt") | word_set("entity_work_words.txt")
    return len(toks) >= 2 and all(t.is_alpha and t.is_title and t.lower_ not in stop for t in toks) \
        and doc[s].ent_type_ != "WORK_OF_ART"


def _make(doc: Doc, s: int, e: int, block: str, title: bool = False) -> NameMention:
    s, e, role = _trim_edges(doc, s, e, roles=not title)
    if e <= s:
        span = doc[s:s]
        return NameMention(span.start_char, span.start_char, "", s, s, block)
    s2, honorific = _strip_honorific(doc, s, e)
    if role and not honorific and _royal_given_name(doc, role, s, e):
        s2, honorific = s, role  # the title was read as a role noun ("Prince" like "Star")
    if honorific and _royal_given_name(doc, honorific, s2, e):
        # "Prince Andrew", "Queen Elizabeth II": the title is how the person is named, so it stays
        span = doc[s2 - len(honorific.split()):e]
        return NameMention(span.start_char, span.end_char, span.text, span.start, e, block, honorific=honorific)
    if role and not honorific:
        honorific, s2 = role, s
        span = doc[s2:e]
        return NameMention(span.start_char, span.end_char, span.text, s2, e, block, honorific=honorific,
                           honorific_start=s2 - 1)
    span = doc[s2:e]
    return NameMention(span.start_char, span.end_char, span.text, s2, e, block, honorific=honorific,
                       honorific_start=s2 - len(honorific.split()) if honorific else -1)


def _speaker_labels(parsed: ParsedArticle, chosen: list[NameMention]) -> list[NameMention]:
    """Speaker labels name people, written as names are: a transcript's ("WALLACE:", "JAKE TAPPER:") and
    the name a headline credits its claim to ("Pence: ...")."""
    from ..quotes.headline import find_headline_claims
    from ..quotes.transcript import find_turns

    doc = parsed.doc
    spans = [(t.label, "body") for t in find_turns(parsed).values()]
    spans += [(c.source, "title") for c in find_headline_claims(parsed) if c.source is not None]
    labels = []
    for (s, e), block in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            name = span.text.title() if span.text.isupper() else span.text
            labels.append(NameMention(span.start_char, span.end_char, name, span.start, span.end, block,
                                      label="PERSON"))
    if not labels:
        return chosen
    kept = [m for m in chosen if not any(m.start < lab.end and lab.start < m.end for lab in labels)]
    return sorted(kept + labels, key=lambda m: m.start)


def _sentence_initial_modifier(doc: Doc, m: NameMention) -> bool:
    """A capitalized word opening a sentence as the modifier of a lower-case noun ("National officer Jo
    Roe said"): an adjective capitalized by its place, not a name."""
    if m.tok_end - m.tok_start != 1:
        return False
    tok = doc[m.tok_start]
    return bool(tok.is_sent_start) and tok.dep_ == "amod" and tok.head.is_lower and tok.head.i == tok.i + 1


def _imperative_words(doc: Doc) -> frozenset[str]:
    """The words the article uses as imperatives: a base-form verb opening a sentence or a bracket
    ("Upgrade to Premium for $5")."""
    return frozenset(t.lower_ for t in doc if t.tag_ == "VB" and (
        t.is_sent_start or (t.i > 0 and doc[t.i - 1].text in {"(", "-", "–", "—", ":"})))


def _bracketed_completions(doc: Doc, chosen: list[NameMention]) -> list[NameMention]:
    """A name an editor completed in square brackets is one name: "Susan [Rovner]", "Kate [Oates, the
    producer]" name Susan Rovner and Kate Oates (the mention keeps its offsets; its text drops the bracket)."""
    by_start = {m.tok_start: m for m in chosen}
    out: list[NameMention] = []
    gone: set[int] = set()
    for m in chosen:
        if id(m) in gone:
            continue
        n = by_start.get(m.tok_end + 1)
        if m.tok_end < len(doc) and doc[m.tok_end].text == "[" and doc[m.tok_end - 1].whitespace_ \
                and n is not None and n.tok_end < len(doc) and doc[n.tok_end].text in {"]", ","} \
                and len(n.words) <= 2 and all(w[:1].isupper() for w in n.words) and len(m.words) == 1:
            m = NameMention(m.start, n.end, f"{m.text} {n.text}", m.tok_start, n.tok_end, m.block,
                            label=n.label or m.label, honorific=m.honorific, honorific_start=m.honorific_start,
                            hints=list(m.hints))
            gone.add(id(n))
        out.append(m)
    return out


def _royal_given_name(doc: Doc, honorific: str, s: int, e: int) -> bool:
    """A royal or religious title before a given name alone, a regnal number allowed ("Elizabeth II")."""
    if honorific not in word_set("entity_royal_titles.txt"):
        return False
    words = [t.text for t in doc[s:e]]
    return len(words) == 1 or (len(words) == 2 and _ROMAN_NUMERAL.match(words[1]) is not None)


_ROMAN_NUMERAL = re.compile(r"^[IVX]+$")


def _key(surface: str) -> str:
    return re.sub(r"\s+", " ", surface.replace("’", "'")).strip().lower()


def _choose(cands: list[NameMention], doc: Doc) -> list[NameMention]:
    """Resolve overlaps: recurring titles first, then the longer span; spaCy's label carried over."""
    def rank(m: NameMention):
        return ("recurring" in m.hints, "work" in m.hints, m.tok_end - m.tok_start, bool(m.label))

    chosen: list[NameMention] = []
    owner: dict[int, NameMention] = {}  # token index -> the chosen mention covering it
    for m in sorted(cands, key=rank, reverse=True):
        if any(i in owner for i in range(m.tok_start, m.tok_end)):
            # carry what the loser knew onto the mention that won its tokens (chosen mentions do not
            # overlap, so only the owner of its first token can hold it whole)
            c = owner.get(m.tok_start)
            if c is not None and m.tok_end <= c.tok_end:
                if m.label and not c.label and (c.tok_end - c.tok_start) - (m.tok_end - m.tok_start) <= 1:
                    c.label = m.label
                if c.tok_start == m.tok_start and m.honorific and not c.honorific:
                    c.honorific, c.honorific_start = m.honorific, m.honorific_start
                if (c.tok_start, c.tok_end) == (m.tok_start, m.tok_end):
                    c.hints.extend(h for h in m.hints if h not in c.hints)
            continue
        if m.label and not any(_is_capitalized(t) for t in doc[m.tok_start:m.tok_end]):
            continue
        chosen.append(m)
        owner.update((i, m) for i in range(m.tok_start, m.tok_end))
    return sorted(chosen, key=lambda m: m.start)


_NOT_NAME_ENDS = {"ADP", "VERB", "AUX", "CCONJ", "SCONJ", "DET", "PRON", "PART"}


def _headline_people(doc: Doc, chosen: list[NameMention], headlines: list[tuple[Span, str]]) -> list[NameMention]:
    """spaCy's two- or three-word PERSON spans in a headline that extend a name the prose uses alone."""
    alone = {m.text for m in chosen if m.block != "title" and len(m.words) == 1 and m.label == "PERSON"}
    longer = {m.text for m in chosen if len(m.words) > 1}
    out = list(chosen)
    for sent, kind in headlines:
        for ent in sent.ents:
            words = [t.text for t in ent]
            if ent.label_ != "PERSON" or not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
                continue
            s, e, _ = _trim_edges(doc, ent.start, ent.end)  # "Starring Jane Roe"
            while e > s and (doc[e - 1].is_stop or doc[e - 1].pos_ in _NOT_NAME_ENDS):
                e -= 1  # headline words glued on ("Jane Doe On", "Jane Doe Says")
            ent = doc[s:e]
            words = [t.text for t in ent]
            if len(words) < 2:
                continue
            if (words[0] in alone or words[-1] in alone) and ent.text not in longer:
                m = NameMention(ent.start_char, ent.end_char, ent.text, ent.start, ent.end, kind, label="PERSON")
                out.append(m)
    return sorted(out, key=lambda m: m.start)


def _lookup_known(parsed: ParsedArticle, chosen: list[NameMention], sents: list[tuple[Span, str]]) -> list[NameMention]:
    """Find every further occurrence of a known name (full form, or a person's first or last name)."""
    doc = parsed.doc
    not_names = word_set("entity_not_names.txt")
    orths = doc.to_array("ORTH").tolist()  # token texts as their hashes, without a Token object per position
    known: dict[tuple[int, ...], NameMention] = {}
    for m in chosen:
        if m.block == "title":
            continue
        words = tuple(orths[m.tok_start:m.tok_end])
        # a single word is looked up only if the article itself uses it alone as a name
        if len(words) == 1 and (not m.label or m.text.lower() in not_names):
            continue
        known.setdefault(words, m)
    if not known:
        return chosen
    owner = {i: m for m in chosen for i in range(m.tok_start, m.tok_end)}
    # the lengths of the known names by first word, longest first: one dict look-up per token
    by_first: dict[int, set[int]] = {}
    for words in known:
        by_first.setdefault(words[0], set()).add(len(words))
    lengths = {first: sorted(ns, reverse=True) for first, ns in by_first.items()}
    out = list(chosen)
    for sent, kind in sents:
        i = sent.start
        while i < sent.end:
            hit = None
            for n in lengths.get(orths[i], ()):
                words = tuple(orths[i:i + n])
                if n > sent.end - i or words not in known:
                    continue
                inside = {id(owner[k]): owner[k] for k in range(i, i + n) if k in owner}
                # a known name may replace shorter mentions lying wholly inside it ("Paris" in "Emily in Paris")
                if all(i <= o.tok_start and o.tok_end <= i + n and (o.tok_end - o.tok_start) < n
                       for o in inside.values()):
                    hit = (n, known[words], list(inside.values()))
                break
            if hit is None:
                i += 1
                continue
            n, src, replaced = hit
            for o in replaced:
                out.remove(o)
            m = NameMention(doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1].text), doc[i:i + n].text, i, i + n, kind)
            m.hints = list(src.hints)
            out.append(m)
            for k in range(i, i + n):
                owner[k] = m
            i += n
    return sorted(out, key=lambda m: m.start)
