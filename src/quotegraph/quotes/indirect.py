"""Reported speech without quotation marks: "Ashley pointed out that there are ...", "according to X, ...".

Five shapes, each read off the parse:
- a reporting verb or verb of thought and its complement clause ("she said (that) ...", "polls show ...");
- the same with the clause first and the cue after it ("The plan will fail, he said."), or the cue
  set off by commas inside it ("The museum, Mr. Bush said, celebrated his heroes.");
- a verb whose object, infinitive or prepositional object holds a stated position, per cue_frames.txt
  ("vowed to fight on", "denounced the ruling", "called for a recount");
- a naming verb with an object and what it is called ("called the charges unsubstantiated");
- "according to X" with the rest of its sentence.
The content leaves out the "that" introducing it and any part holding quoted words (those are the
quoted pieces' business) and ends where the reported words do (before a semicolon's next clause, a
conjoined verb reporting something else, a concession, or when and where it was said). Narration is
left out: a verb of thought nobody in particular holds ("those who played him will know that"), a
negated stance, a stance asked about ("asked if he would want to ..."), a bare participle ("with X confirmed to star", "Asked whether ..."), a time or cause
clause hung on a reporting verb. The source is the verb's subject (or X).
"""
from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.strings import hash_string  # type: ignore[attr-defined]  # missing from spaCy's stub
from spacy.tokens import Doc, Token

from ..nlp import ParsedArticle
from ..result import QuoteKind
from ..wordlists import word_set
from .candidate import QuoteCandidate
from .docindex import DocIndex
from .lexicon import CueLexicon, cue_lexicon, maybe_verbs
from .source import advcl_opened_by, mention_span, prepositional_cue, subject_of

_MIN_WORDS = 3  # content shorter than this ("said so", "thinks it") reports nothing worth keeping
_MIN_FRAME_WORDS = 2  # ... except an object or infinitive ("to fight on"), or a name alone ("endorsed Cruz")
_LEADING = {"mark", "cc", "punct", "prep"}  # "that", "and", ",", the frame's own preposition


def _blank(t: Token) -> bool:
    return t.is_punct or t.is_space


class _Quoted:
    """Character ranges already taken by quoted pieces (a content never overlaps them)."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end) - 1  # the last range starting before `end`
        return k >= 0 and self.ends[k] > start


def _content(tokens: list[Token], quoted: _Quoted, head: Token, lex: CueLexicon) -> tuple[int, int] | None:
    """The character span of `tokens` (a complement's subtree) trimmed of its introducer and edge
    punctuation; None when too little is left or the clause holds quoted words. A trailing cue
    clause with its own quote ("..., saying, "..."") is cut off instead."""
    toks = list(tokens)
    while toks and (_blank(toks[0]) or (toks[0].dep_ in _LEADING and toks[0].head.i == head.i and toks[0].i < head.i)):
        toks.pop(0)
    kept: list[Token] = []
    for t in toks:
        if quoted.overlaps(t.idx, t.idx + len(t)):
            branch = t
            while branch.head.i != head.i and branch.head.i != branch.i:
                branch = branch.head
            if branch.i == head.i or branch.dep_ not in ("advcl", "parataxis", "conj") \
                    or lex.verb_cue(branch) is None:
                return None  # the reported clause itself quotes words: the quoted pieces cover it
            kept = [k for k in kept if k.i < branch.left_edge.i]
            break
        kept.append(t)
    kept = _without_trailing_aside(kept)
    kept = _without_own_attribution(kept, head, lex)
    while kept and (_blank(kept[-1]) or kept[-1].dep_ in ("cc", "mark")):
        kept.pop()
    if not kept:
        return None
    return kept[0].idx, kept[-1].idx + len(kept[-1])


_CONCESSIVE = {"although", "though", "while", "whereas"}


def _without_own_attribution(toks: list[Token], head: Token, lex: CueLexicon) -> list[Token]:
    """Cut the content before what is no longer the reported words: a semicolon's next clause, a verb
    conjoined to the clause that reports something of its own ('... defenses and warned against
    hackers'), or a concession after a comma (', although it may take days')."""
    if not toks:
        return toks
    first = toks[0].i
    end = toks[-1].i + 1
    for t in toks[1:]:
        if t.text == ";":
            end = min(end, t.i)
            break
    for c in head.rights:
        if c.i >= end:
            break
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and lex.verb_cue(c, reported=True) is not None:
            cut = c.left_edge.i
            while cut - 1 > first and (toks[0].doc[cut - 1].dep_ == "cc" or toks[0].doc[cut - 1].is_punct):
                cut -= 1
            end = min(end, cut)
        elif advcl_opened_by(c, _CONCESSIVE) \
                and c.left_edge.i > first and toks[0].doc[c.left_edge.i - 1].text == ",":
            end = min(end, c.left_edge.i - 1)
    return [t for t in toks if t.i < end]


def _without_trailing_aside(toks: list[Token]) -> list[Token]:
    """Drop a comma-led relative clause that closes the content (", for whom he was scheduled to
    ..."): it is the writer's aside about the last name, not part of what was reported."""
    for k in range(len(toks) - 1, 0, -1):
        t = toks[k]
        if t.dep_ in ("relcl", "advcl", "appos") and t.left_edge.i > toks[0].i and t.right_edge.i >= toks[-1].i - 1:
            start = t.left_edge.i
            before = t.doc[start - 1]
            if before.text == ",":
                return [x for x in toks if x.i < start - 1]
    return toks


_COMPLEMENTIZERS = {"that", "whether", "if", "how", "why", "what", "when", "where", "who", "which"}
_SUBORDINATORS = {"after", "before", "because", "since", "until", "although", "though", "once", "unless", "while"}
_GENERIC = {"those", "anyone", "anybody", "nobody", "whoever"}


def _subordinated(clause: Token) -> bool:
    """A clause opened by a subordinator of time or cause, which the parse may hang on its auxiliary
    ('after the result was announced')."""
    first = clause.left_edge
    if first.lower_ not in _SUBORDINATORS or first.dep_ != "mark":
        return False
    return first.head.i == clause.i or (first.head.head.i == clause.i and first.head.dep_ in ("aux", "auxpass"))


_CIRCUMSTANCE = {"in", "at", "during", "on", "after", "before", "since", "while"}
_PHRASE_REST = {"prep", "npadvmod", "dative", "oprd", "dobj", "pobj"}  # a frame verb's phrase after its content


def _cataphoric(obj: Token) -> bool:
    """An object that points ahead to what follows a colon ('tweeted this cryptic message:'), not a
    statement of its own."""
    if not any(c.dep_ == "det" and c.lower_ in ("this", "these", "the following") for c in obj.children) \
            and obj.lower_ not in ("this", "the following"):
        return False
    k = obj.i + 1
    while k < len(obj.doc) and not obj.doc[k].is_punct and not obj.doc[k].is_space:
        k += 1
    return k < len(obj.doc) and obj.doc[k].text == ":"


def _thinker(verb: Token) -> bool:
    """Whether a verb of thought (know, learn, think) has someone particular as its own subject, so that
    its clause is what that someone holds: not 'those who have played him will know that ...', nor a
    participle hung on a noun ('Victoria learning that ...')."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return verb.dep_ not in ("pobj", "acl", "amod", "compound", "dobj", "nsubj")
    if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subj = verb.head
    return subj.lower_ not in _GENERIC


def _bare_participle(verb: Token) -> bool:
    """A past participle without an auxiliary ("with Lee confirmed to star", "a deal announced in May"):
    what is reported of something, not someone reporting."""
    if any(c.dep_ == "mark" and c.lower_ in ("with", "without") for c in verb.children):
        return True  # an absolute clause: "with Lee confirmed to star"
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl", "amod") \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _unmarked_clause(c: Token, verb: Token) -> bool:
    """'Trump said after the convention he would not accept ...': a clause after the verb with a subject of
    its own and no subordinator, which the parse took for an adverbial clause, is its complement."""
    return c.dep_ == "advcl" and c.i > verb.i and c.tag_ != "VBG" \
        and not any(g.dep_ in ("mark", "advmod") and g.i < c.i for g in c.children) \
        and any(g.dep_ == "nsubj" and g.i < c.i for g in c.children)


def _finite(verb: Token) -> bool:
    """A verb in the past or present tense; a base form with a subject before it and no auxiliary too, which
    is the tagger's misreading of a plural present ('advisers to Mr. Obama say')."""
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return verb.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)


def _words_before(doc: Doc) -> list[int]:
    """Entry i: how many of doc[:i] are words (not punctuation or space). Counted once per document, so
    each candidate's word count is a subtraction, not a walk over its sentence (which made a long
    sentence with many reporting verbs quadratic)."""
    flags = doc.to_array([IS_PUNCT, IS_SPACE]).reshape(len(doc), 2)
    return [0] + numpy.cumsum(~flags.any(axis=1), dtype=numpy.int64).tolist()


class _Finder:
    def __init__(self, parsed: ParsedArticle, quoted: list[tuple[int, int]], lex: CueLexicon):
        self.doc = parsed.doc
        self.text = parsed.article.text
        self.index = DocIndex(parsed.doc)
        self.quoted = _Quoted(quoted)
        self.lex = lex
        self.words_before = _words_before(parsed.doc)

    def words(self, lo: int, hi: int, start: int = 0, end: int | None = None) -> int:
        """Words among the tokens lo..hi-1 that start inside characters [start, end)."""
        starts = self.index.starts
        first = max(lo, bisect_left(starts, start))
        last = min(hi, len(starts) if end is None else bisect_left(starts, end))
        return self.words_before[last] - self.words_before[first] if last > first else 0

    def _excluded(self, tok: Token) -> bool:
        return self.quoted.overlaps(tok.idx, tok.idx + 1)

    def candidate(self, verb: Token, cue: tuple[int, int], content: tuple[int, int] | None,
                  min_words: int = _MIN_WORDS) -> QuoteCandidate | None:
        if content is None or self.quoted.overlaps(*cue):
            return None
        sent = self.index.sentence(verb.i)
        if self.words(sent.start, sent.end, *content) < min_words:
            return None
        subj = subject_of(verb, self._excluded)
        if subj is None:  # reported speech nobody is named for ("it is said that") is not kept
            return None
        return QuoteCandidate(QuoteKind.indirect, content[0], content[1], cue=cue, source=mention_span(subj))

    def from_verb(self, verb: Token) -> QuoteCandidate | None:
        """A reporting verb or verb of thought and its complement clause, before or after it."""
        if _bare_participle(verb):
            return None
        cue = self.lex.verb_cue(verb, reported=True)
        if cue is not None and self.lex.verb_cue(verb) is None and not _thinker(verb):
            cue = None
        if cue is not None:
            for c in sorted(verb.children, key=lambda c: c.i < verb.i):  # a complement after the verb first
                if c.dep_ == "ccomp" and (c.pos_ in ("VERB", "AUX") or any(
                        g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)) and self._complement(verb, c):
                    cand = self.candidate(verb, cue, _content(list(c.subtree), self.quoted, c, self.lex))
                    if cand is not None:
                        return cand
            for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i):
                # "told a meeting of leaders that few people understood ...": the parse hangs the complement on
                # the object as a relative clause, but a relative clause has no "that" as its mark
                clause = next((r for r in obj.subtree if r.dep_ == "relcl" and any(
                    g.dep_ == "mark" and g.lower_ == "that" and g.i < r.i for g in r.children)), None)
                if clause is not None and self._complement(verb, clause):
                    cand = self.candidate(verb, cue, _content(list(clause.subtree), self.quoted, clause, self.lex))
                    if cand is not None:
                        return cand
            for c in verb.children:
                if _unmarked_clause(c, verb) and self._complement(verb, c):
                    # what comes before the clause's subject is the writer's (when it was said: "after the
                    # convention"), the parse notwithstanding
                    subj = next(g for g in c.children if g.dep_ == "nsubj")
                    toks = [t for t in c.subtree if t.i >= subj.left_edge.i]
                    cand = self.candidate(verb, cue, _content(toks, self.quoted, c, self.lex))
                    if cand is not None:
                        return cand
            cand = self.clause_first(verb, cue) or self.medial(verb, cue)
            if cand is not None:
                return cand
        named = self._naming_content(verb)
        if named is not None:
            return self.candidate(verb, (verb.idx, verb.idx + len(verb)), named)
        frames = self.lex.frames_of(verb)
        if not frames or any(c.dep_ == "neg" for c in verb.children):
            return None  # "did not defend her title" states no position
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in verb.children):
            return None  # "asked if he would want to direct": a question, not a position taken
        if verb.dep_ in ("ROOT", "ccomp") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None  # a clause's verb with no subject of its own is a misread noun ("her Netflix show Black Doves")
        if any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children):
            return None  # "is expected to", "was urged to": the subject is not who holds the position
        content = self._frame_content(verb, frames)
        if content is None:
            return None
        first = self.index.token_at(content[0])
        by_name = first is not None and self.doc[first].pos_ == "PROPN" and self.doc[first].ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        return self.candidate(verb, (verb.idx, verb.idx + len(verb)), content, 1 if by_name else _MIN_FRAME_WORDS)

    def _naming_content(self, verb: Token) -> tuple[int, int] | None:
        """"called the charges unsubstantiated", "has called climate change a hoax": a naming verb with an
        object and what it is called (an object predicate, or a second noun the parse hangs on the object)
        gives the two as a judgement. "called her mother" (no predicate) gives nothing."""
        if verb.lemma_.lower() not in self.lex.naming or any(c.dep_ == "neg" for c in verb.children):
            return None
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is None:
            return None
        pred = next((c for c in verb.children if c.dep_ == "oprd" and c.i > obj.i), None) \
            or next((c for c in obj.children if c.dep_ in ("dobj", "oprd") and c.i > obj.i), None)
        if pred is None or any(t.is_punct for t in self.doc[obj.right_edge.i + 1:pred.left_edge.i]):
            return None
        return _content(list(self.doc[obj.left_edge.i:pred.right_edge.i + 1]), self.quoted, verb, self.lex)

    def _complement(self, verb: Token, clause: Token) -> bool:
        """Whether a ccomp the parse hangs on a reporting verb is what the verb reports. Not: a clause
        opened by a subordinator of time or cause ('said ... after the result was announced'); a
        reporting clause of its own ('..., British media reported'); an aside in parentheses; words
        after a quotation that stands between them and the verb ('says 25 "was about ..." - returned')."""
        if any(g.dep_ == "mark" and g.lower_ not in _COMPLEMENTIZERS for g in clause.children) \
                or _subordinated(clause):
            return False
        if clause.i > verb.i and self.lex.verb_cue(clause, reported=True) is not None \
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in clause.children) \
                and not any(g.dep_ == "mark" for g in clause.children) \
                and self.doc[clause.left_edge.i - 1].is_punct:
            return False
        if clause.left_edge.i > 0 and self.doc[clause.left_edge.i - 1].text == "(":
            return False
        lo, hi = (verb.idx + len(verb), clause.left_edge.idx) if clause.i > verb.i \
            else (clause.right_edge.idx + len(clause.right_edge), verb.idx)
        return not (hi > lo and self.quoted.overlaps(lo, hi))

    def _frame_content(self, verb: Token, frames: frozenset[str]) -> tuple[int, int] | None:
        """The infinitive, object or prepositional object that a frame verb's content sits in."""
        def of(head: Token) -> tuple[int, int] | None:
            # the rest of the verb phrase goes with it ("blamed workers for this behavior", "complained
            # about his mic the morning after"), up to a conjoined verb or clause of the writer's own
            last = head.right_edge.i
            for r in verb.rights:
                if r.i > head.i and r.dep_ in _PHRASE_REST:
                    if self.doc[r.left_edge.i - 1].is_punct or r.lower_ in _CIRCUMSTANCE:
                        break  # an aside after a comma, or when and where it was said
                    last = max(last, r.right_edge.i)
            return _content(list(self.doc[head.left_edge.i:last + 1]), self.quoted, head, self.lex)

        def prep_object(prep: Token) -> Token | None:
            return next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)

        for c in verb.children:
            if c.i < verb.i:
                continue
            if c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children):
                # "called on Trump to stop": a preposition's object and the infinitive it is urged to
                urged = next((obj for p in verb.children if p.dep_ == "prep" and p.i < c.i
                              and f"{p.lower_}+to" in frames and (obj := prep_object(p)) is not None
                              and obj.ent_type_ not in ("DATE", "TIME")), None)  # not "called on Sunday to say"
                if urged is not None:
                    return _content(list(self.doc[urged.left_edge.i:c.right_edge.i + 1]), self.quoted, verb, self.lex)
                if "to" in frames:
                    return of(c)
            if c.dep_ == "xcomp" and c.tag_ == "VBG" and "object" in frames:
                return of(c)  # a gerund for the object: "proposed dropping the tax", "admitted using it"
            if c.dep_ == "dobj" and "object" in frames:
                if _cataphoric(c):
                    return None
                return of(c)
            if c.dep_ == "prep" and c.lower_ in frames and (obj := prep_object(c)) is not None:
                return of(obj)
            if c.dep_ == "dobj":  # "accused him of lying", "blamed her for the loss"
                for g in verb.children:
                    if g.dep_ == "prep" and g.lower_ in frames and g.i > c.i and (obj := prep_object(g)) is not None:
                        return of(obj)
        return None

    def clause_first(self, verb: Token, cue: tuple[int, int]) -> QuoteCandidate | None:
        """"The plan will fail, he said.": the parse hangs the closing cue clause off the reported
        clause. Taken only when the cue clause follows a comma and ends the sentence, and the
        reported clause opens the sentence with its subject."""
        head = verb.head
        if verb.dep_ not in ("parataxis", "ccomp", "advcl") or head.dep_ != "ROOT" or head.i > verb.i:
            return None
        if not _finite(verb) or self.lex.verb_cue(verb) is None \
                or self.lex.verb_cue(head, reported=True) is not None:
            return None
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
            return None
        sent = self.index.sentence(verb.i)
        before_clause = verb.left_edge.i - 1
        if before_clause <= sent.start or self.doc[before_clause].text != ",":
            return None
        if any(not _blank(t) for t in self.doc[verb.right_edge.i + 1:sent.end]):
            return None
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is None:
            return None
        first = sent.start
        while first < subj.left_edge.i and (_blank(self.doc[first]) or self.doc[first].dep_ == "cc"):
            first += 1
        if first != subj.left_edge.i:
            return None
        toks = list(self.doc[first:before_clause])
        return self.candidate(verb, cue, _content(toks, self.quoted, head, self.lex))

    def medial(self, verb: Token, cue: tuple[int, int]) -> QuoteCandidate | None:
        """"The museum, Mr. Bush said, celebrated his heroes.": a cue clause set off by commas inside
        the reported sentence. The clause is the verb's subject and the verb (with an adverb, whom and
        when: "he said then", "he told me on Friday"), with a comma on each side and reported words on both; the content is the sentence
        around it (the cue clause included: the reported words run across it)."""
        if not _finite(verb) or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if subj is None:
            return None
        lo, hi = subj.left_edge.i, verb.i
        # the clause may name whom and when it was said to: ", he told me on Friday,"
        for c in verb.rights:
            if c.dep_ in ("advmod", "prt", "dobj", "dative", "npadvmod", "prep") and c.right_edge.i - verb.i <= 6 \
                    and all(not t.is_punct for t in self.doc[hi + 1:c.right_edge.i + 1]):
                hi = c.right_edge.i
            else:
                break
        sent = self.index.sentence(verb.i)
        if lo - 1 <= sent.start or hi + 1 >= sent.end - 1:
            return None
        if self.doc[lo - 1].text != "," or self.doc[hi + 1].text != ",":
            return None
        if any(self.doc[k].head.i == verb.i and self.doc[k].dep_ not in ("punct", "advcl", "cc", "conj")
               for k in range(sent.start, lo - 1)):
            return None  # the words before belong to the cue verb's own clause
        if self.words(sent.start, lo - 1) < 2 or self.words(hi + 2, sent.end) < 2:
            return None
        first = sent.start
        while first < lo and (_blank(self.doc[first]) or self.doc[first].dep_ == "cc"):
            first += 1
        return self.candidate(verb, cue, _content(list(self.doc[first:sent.end]), self.quoted, verb, self.lex))

    def in_finding(self, tok: Token) -> QuoteCandidate | None:
        """"In the latest poll, Trump rose a point", "she got no bump in one of the first polls": the clause
        a prepositional phrase of a poll or survey modifies is what it found, when the clause's verb is no
        cue of its own (then that verb reports it)."""
        if tok.lower_ != "in" or tok.dep_ != "prep":
            return None
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        nouns = word_set("cue_finding_nouns.txt")
        if obj.lemma_.lower() not in nouns and not any(
                p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() in nouns
                                                              for g in p.children) for p in obj.children):
            return None
        head = tok.head
        if head.pos_ not in ("VERB", "AUX") or self.lex.verb_cue(head, reported=True) is not None \
                or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
            return None
        pp = range(tok.left_edge.i, tok.right_edge.i + 1)
        body = [t for t in head.subtree if t.i not in pp]
        # a clause the phrase opens or closes; one it sits inside of would cover the phrase itself
        if not body or body[0].i < tok.i < body[-1].i and not _blank(self.doc[tok.i - 1]):
            return None
        lo = body[0].i
        toks = [t for t in self.doc[lo:body[-1].i + 1] if t.i not in pp]
        content = _content(toks, self.quoted, head, self.lex) if toks else None
        if content is None or self.quoted.overlaps(*content) or self.words(lo, body[-1].i + 1, *content) < _MIN_WORDS:
            return None
        return QuoteCandidate(QuoteKind.indirect, content[0], content[1], cue=(tok.idx, obj.idx + len(obj)),
                              source=mention_span(obj))

    def according_to(self, tok: Token) -> QuoteCandidate | None:
        """"According to X, <clause>" or "<clause>, according to X": the rest of the sentence."""
        prep = prepositional_cue(tok, self.lex.prepositions)
        if prep is None:
            return None
        cue, obj = prep
        sent = self.index.sentence(tok.i)
        pp_end = obj.right_edge.i + 1 if obj is not None else self.index.token_at(cue[1]) or tok.i + 1
        before = (sent.start, tok.i)
        after = (max(pp_end, sent.start), sent.end)
        lo, hi = after if self.words(*after) >= self.words(*before) else before
        body = list(self.doc[lo:hi]) if hi > lo else []
        content = _content(body, self.quoted, body[0], self.lex) if body else None
        if content is None or self.quoted.overlaps(*content) or self.words(lo, hi, *content) < _MIN_WORDS:
            return None
        return QuoteCandidate(QuoteKind.indirect, content[0], content[1], cue=cue,
                              source=mention_span(obj) if obj is not None else None)


def find_indirect_quotes(parsed: ParsedArticle, quoted: list[tuple[int, int]],
                         lex: CueLexicon | None = None) -> list[QuoteCandidate]:
    """Indirect quotations in the body paragraphs; `quoted` are the spans already found between marks
    (with their marks), which no indirect content overlaps."""
    finder = _Finder(parsed, quoted, lex or cue_lexicon())
    out: list[QuoteCandidate] = []
    taken: list[tuple[int, int]] = []
    can_start = _cue_starts(finder.doc, finder.lex)
    starts: list[int] = []
    for b in parsed.article.paragraphs:
        lo, hi = finder.index.token_at(b.start), finder.index.token_at(b.end)
        if lo is not None:
            starts.extend(i for i in range(lo, hi if hi is not None else len(finder.doc)) if can_start[i])
    # "according to X" first: what a sentence says X reported is X's, whatever verb it holds ("Clinton plans
    # to visit on Sunday, according to an aide"; "Police said ..., according to the family's lawyers")
    for finds in ((finder.according_to,), (finder.in_finding, finder.from_verb)):
        for i in starts:
            tok = finder.doc[i]
            cand = next((c for find in finds if (c := find(tok)) is not None), None)
            if cand is None or any(s < cand.end and cand.start < e for s, e in taken):
                continue
            out.append(cand)
            taken.append((cand.start, cand.end))
    return out


def _cue_starts(doc: Doc, lex: CueLexicon) -> list[bool]:
    """Per token: whether an indirect quote's cue can start there, a verb (from_verb) or the first word of
    a prepositional cue (according_to, in_finding); every other token gives no candidate, so it is not looked at."""
    firsts = {hash_string(phrase[0]) for phrase in lex.prepositions if phrase} | {hash_string("in")}
    lowers = doc.to_array("LOWER").tolist()
    return [verb or low in firsts for verb, low in zip(maybe_verbs(doc), lowers)]
