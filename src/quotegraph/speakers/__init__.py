"""Who said it: each quote's source mention resolved to a person by full name.

Quotes are attributed in text order, so that each speaker found helps the next ("she
revealed" after a quote by Ashley Park). For a quote with a source mention, the mention is
resolved (name, pronoun, description: entities.coref) and kept as the speaker's mention. A
quote without one takes its speaker from, in order: the cue's subject; the quote it continues
(the next paragraph reopening the same quote, or a second sentence after "..., she said.");
the sentence just before it that names a speaker ("Ashley shared that ... . "Me and Lily...").
The mention is then the one the speaker was taken from. Nobody found, or two people who fit
equally: the speaker is null (or has a mention but no name, when the text names only "a source").
"""
from __future__ import annotations

from spacy.tokens import Token

from ..entities.coref import FEMALE_PRONOUNS, MALE_PRONOUNS, MentionResolver, Referent, enclosing_subjects, quoted_spans
from ..wordlists import phrases, word_map, word_set
from ..nlp import ParsedArticle, expanded_span
from ..quotes import QuoteCandidate
from ..result import Entity, Quote, QuoteKind, Span, Speaker
from ..quotes.source import mention_span
from .syntax import SUBJECT_DEPS, cue_token, source_of_cue, speaker_verb_subject, subject_phrase

_MARKS = "\"“”'‘’«»„ \t\n\u00a0"


def attribute_speakers(parsed: ParsedArticle, candidates: list[QuoteCandidate], entities: list[Entity],
                       resolver: MentionResolver | None = None) -> list[Quote]:
    """Each candidate's speaker. `resolver`, if given, must have been built over these candidates'
    quoted_spans; it is taught the speakers as they are found."""
    text = parsed.article.text
    if resolver is None:
        resolver = MentionResolver(parsed, entities, quoted=quoted_spans(candidates))
    speakers: list[Speaker | None] = [None] * len(candidates)
    order = sorted(range(len(candidates)), key=lambda i: (candidates[i].start, candidates[i].end))
    done: list[int] = []
    for i in order:
        c = candidates[i]
        speakers[i] = _speaker_of(parsed, resolver, c, candidates, [(candidates[j], speakers[j]) for j in done])
        if c.kind in (QuoteKind.direct, QuoteKind.partial):
            speakers[i] = _outer_mention(parsed, resolver, speakers[i])
        sp = speakers[i]
        if sp is not None and sp.entity is not None:
            resolver.speakers_at[c.start] = resolver.entity(sp.entity)
        done.append(i)
    return [
        Quote(id=f"q{i + 1}", kind=c.kind, text=text[c.start:c.end], start=c.start, end=c.end, speaker=speakers[i],
              cue=Span(c.cue[0], c.cue[1], text[c.cue[0]:c.cue[1]]) if c.cue else None,
              nested_in=f"q{c.nested_in + 1}" if c.nested_in is not None else None)
        for i, c in enumerate(candidates)
    ]


def _speaker_of(parsed: ParsedArticle, resolver: MentionResolver, c: QuoteCandidate,
                candidates: list[QuoteCandidate], earlier: list[tuple[QuoteCandidate, Speaker | None]]) -> Speaker | None:
    doc = parsed.doc
    if c.kind in (QuoteKind.direct, QuoteKind.partial):
        credited = _as_they_put_it(parsed, resolver, c)
        if credited is not None:
            return _from_mention(parsed, resolver, credited)
    source = c.source
    if source is None and c.cue is not None:
        source = source_of_cue(doc, c.cue)
        if source is not None and c.start <= source[0] < c.end:
            source = None  # a subject inside the quoted words is not who said them
    if source is None and c.kind in (QuoteKind.direct, QuoteKind.partial):
        source = _dash_credit(parsed, resolver, c)
    if source is not None:
        speaker = _relative_pronoun_mention(parsed, c, _from_mention(parsed, resolver, source), source)
        if speaker.entity is None and c.cue is not None and c.source is not None:
            # a second opinion from the cue's own syntax, when the given mention names nobody
            mine = source_of_cue(doc, c.cue)
            if mine is not None and mine != source and not (c.start <= mine[0] < c.end):
                other = _from_mention(parsed, resolver, mine)
                if other.entity is not None and resolver.entity(other.entity).type == "person":
                    return other
        if speaker.entity is None and c.kind == QuoteKind.partial and c.cue is not None:
            reporter = _reporting_speaker(parsed, resolver, c)
            if reporter is not None:
                return reporter
        return speaker
    if c.kind == QuoteKind.nested:
        # words quoted inside a quote: the speaker's own when the speaker introduces them ("the first thing I
        # said was, '...'", "I was like, '...'"); else someone the speaker does not name
        host = candidates[c.nested_in] if c.nested_in is not None else None
        outer_speaker = next((s for q, s in earlier if q is host), None)
        if host is not None and outer_speaker is not None and _speaker_quotes_themself(parsed, resolver, host, c):
            return outer_speaker
        return None
    piece = getattr(c, "continues", None)
    if piece is not None:
        # the quote stage knows this is the next piece of an earlier quotation
        same = [s for q, s in earlier if q is candidates[piece]]
        if same and same[0] is not None:
            return same[0]
    outer = [(q, s) for q, s in earlier if q.kind != QuoteKind.nested]
    if c.kind in (QuoteKind.direct, QuoteKind.partial) and outer and outer[-1][1] is not None and _after_topic_heading(parsed, resolver, c):
        # 'On the finale: "..."' after someone's quotes: the heading names the topic, the speaker goes on
        prev, prev_speaker = outer[-1]
        pi, ci = resolver.paragraph_index(prev.start), resolver.paragraph_index(c.start)
        if pi is not None and ci is not None and 0 <= ci - pi <= 2:
            return prev_speaker
    # the quote's own sentence: the writer's words before it ('Sanders demanded they "pay their share"'),
    # or the clause after it ('"...," he surmised.')
    own = _speaker_in_own_sentence(parsed, resolver, c) or _speaker_after_quote(parsed, resolver, c)
    if own is not None:
        return _from_mention(parsed, resolver, own)
    if c.kind in (QuoteKind.direct, QuoteKind.partial) and outer:
        prev, prev_speaker = outer[-1]
        if prev_speaker is not None and (_continues_paragraph(parsed, resolver, prev, c)
                                         or _same_paragraph_run(parsed, resolver, prev, prev_speaker, c)):
            return prev_speaker
    if c.kind in (QuoteKind.direct, QuoteKind.partial) and outer and _opens_paragraph(parsed, resolver, c):
        # a paragraph that only goes on quoting: the speaker of the previous paragraph's last quote
        prev, prev_speaker = outer[-1]
        pi, ci = resolver.paragraph_index(prev.start), resolver.paragraph_index(c.start)
        if prev_speaker is not None and pi is not None and ci is not None and ci - pi == 1 \
                and not _speaker_before(parsed, resolver, c):
            return prev_speaker
    found = _speaker_before(parsed, resolver, c)
    if found is not None and _could_speak(parsed, resolver, found):
        return _from_mention(parsed, resolver, found)
    return None


_PERSONAL = FEMALE_PRONOUNS | MALE_PRONOUNS | {"they", "them", "it", "i", "we"}


def _outer_mention(parsed: ParsedArticle, resolver: MentionResolver, sp: Speaker | None) -> Speaker | None:
    """'Clinton also asserted she could speak to "white people"', 'He did not address the tweets in which he
    called her "disgusting"': a speaker mention that is a pronoun subject inside a clause whose own speaker,
    higher in the same sentence, is the same person is reported by that higher subject: the mention is the
    highest one the sentence attributes it all to (the pronoun stands for it). A pronoun nobody was found
    for takes a person named so whom the text gives its gender ('Mr. Ryan, despite admitting that he had
    concerns about "..."')."""
    if sp is None or sp.mention is None:
        return sp
    doc = parsed.doc
    tok = expanded_span(doc, sp.mention.start, sp.mention.end).root
    if tok.lower_ not in _PERSONAL or tok.dep_ not in ("nsubj", "nsubjpass"):
        return sp
    if sp.entity is None and tok.lower_ not in FEMALE_PRONOUNS | MALE_PRONOUNS:
        return sp
    best: tuple[tuple[int, int], Entity] | None = None
    # "Lee started it when he said ...", "Lee agreed, but she said ...": a clause of its own
    for subj in enclosing_subjects(tok, lambda clause: clause.dep_ == "advcl" or _contrasted(clause)):
        span = mention_span(subj)
        if resolver.in_quote(span[0]):
            break
        outer = resolver.resolve(*span).entity
        if outer is None or (outer.id != sp.entity if sp.entity is not None else not _known_gender(resolver, outer, tok)):
            break
        best = span, outer
    if best is None:
        return sp
    (start, end), entity = best
    return Speaker(name=entity.name, entity=entity.id, mention=Span(start, end, parsed.article.text[start:end]))


def _contrasted(conj: Token) -> bool:
    """A clause joined to the one before it by "but" or "yet" ("Tester credits the candidates, but he said ...")."""
    return conj.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in ("but", "yet") and c.i < conj.i
                                       for c in conj.head.children)


def _known_gender(resolver: MentionResolver, entity: Entity, pronoun: Token) -> bool:
    """A person the text gives the pronoun's gender (an honorific, a role noun, an earlier pronoun)."""
    want = "f" if pronoun.lower_ in FEMALE_PRONOUNS else "m"
    return entity.type == "person" and resolver.gender.get(entity.id) == want


def _relative_pronoun_mention(parsed: ParsedArticle, c: QuoteCandidate, speaker: Speaker,
                              source: tuple[int, int]) -> Speaker:
    """'Mr. Kamin, who said that ...': the cue's own subject is the relative pronoun; it is the mention (the
    word the cue hangs on, as "she" is), and the person is the one it stands for, found from the name (or
    nobody, for 'some economists, who argue ...': the mention is still the pronoun)."""
    if c.cue is None:
        return speaker
    tok = cue_token(parsed.doc, c.cue)
    if tok is None or tok.dep_ != "relcl":
        return speaker
    rel = next((t for t in tok.children if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("who", "that", "which")),
               None)
    if rel is None or not source[1] <= rel.idx or rel.idx - source[1] > 40:
        return speaker
    text = parsed.article.text
    return Speaker(name=speaker.name, entity=speaker.entity,
                   mention=Span(rel.idx, rel.idx + len(rel.text), text[rel.idx:rel.idx + len(rel.text)]))


def _reporting_speaker(parsed: ParsedArticle, resolver: MentionResolver, c: QuoteCandidate) -> Speaker | None:
    """'Sir Keir said people had declared they were "ready for change"': words quoted inside what someone
    else is reported to have said, by nobody named, are the reporter's."""
    if c.cue is None:
        return None
    doc = parsed.doc
    tok = cue_token(doc, c.cue)
    if tok is None or tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in word_set("speaker_verbs.txt"):
        return None
    found = source_of_cue(doc, (tok.head.idx, tok.head.idx + len(tok.head.text)))
    if found is None or c.start <= found[0] < c.end or resolver.in_quote(found[0]):
        return None
    outer = _from_mention(parsed, resolver, found)
    return outer if outer.entity is not None and resolver.entity(outer.entity).type == "person" else None


_DASHES = "―—–-"


def _dash_credit(parsed: ParsedArticle, resolver: MentionResolver, c: QuoteCandidate) -> tuple[int, int] | None:
    """'"...” ― Ann Lee': a name after a dash right behind the closing mark, ending its line, credits the quote."""
    text = parsed.article.text
    i = c.end
    limit = min(len(text), c.end + 6)
    while i < limit and text[i] in _MARKS.replace("\n", "") and text[i] != "\n":
        i += 1
    if i >= len(text) or text[i] not in _DASHES:
        return None
    j = i + 1
    while j < len(text) and text[j] in " \u00a0\t":
        j += 1
    line_end = text.find("\n", j)
    line_end = len(text) if line_end < 0 else line_end
    if not 0 < line_end - j <= 60:
        return None
    span = parsed.doc.char_span(j, line_end, alignment_mode="contract")
    if span is None or not len(span):
        return None
    words = [t for t in span if not t.is_punct and not t.is_space]
    # the credit is the name alone (what follows it, if anything, is its affiliation after a comma)
    name: list[Token] = []
    for t in words:
        if t.pos_ != "PROPN" and not (name and t.text == "."):
            break
        name.append(t)
    if not name or not name[0].is_title:
        return None
    return name[0].idx, name[-1].idx + len(name[-1].text)


def _could_speak(parsed: ParsedArticle, resolver: MentionResolver, span: tuple[int, int]) -> bool:
    """A subject found in a neighbouring sentence counts only if it can be a speaker: somebody named,
    a personal pronoun, or a description of a person ("the results were announced" names nobody)."""
    if resolver.resolve(*span).entity is not None:
        return True
    head = expanded_span(parsed.doc, span[0], span[1]).root
    return head.lower_ in FEMALE_PRONOUNS | MALE_PRONOUNS | {"they", "we", "i"} or head.lemma_.lower() in word_set(
        "description_nouns.txt")


def _from_mention(parsed: ParsedArticle, resolver: MentionResolver, span: tuple[int, int]) -> Speaker:
    text = parsed.article.text
    ref: Referent = resolver.resolve(*span)
    entity = ref.entity
    if entity is not None and entity.type == "character" and not _fictional_context(resolver, span[0]):
        entity = None  # an actor is not their character: a character speaks only inside a story
    return Speaker(name=entity.name if entity else None, entity=entity.id if entity else None,
                   mention=Span(span[0], span[1], text[span[0]:span[1]]))


def _fictional_context(resolver: MentionResolver, char: int) -> bool:
    sent = resolver.sentence(char)
    words = tuple(t.lower_ for t in sent)
    for cue in phrases("speaker_fiction_cues.txt"):
        n = len(cue)
        if any(words[k:k + n] == cue for k in range(len(words) - n + 1)):
            return True
    return False


def _continues_paragraph(parsed: ParsedArticle, resolver: MentionResolver, prev: QuoteCandidate,
                         c: QuoteCandidate) -> bool:
    """c opens the paragraph after prev's, and prev ran to the end of its own: one quote over two paragraphs."""
    text = parsed.article.text
    pi, ci = resolver.paragraph_index(prev.end - 1), resolver.paragraph_index(c.start)
    if pi is None or ci is None or ci != pi + 1:
        return False
    opens = not text[resolver.paragraph(ci).start:c.start].strip(_MARKS)
    runs_to_end = not text[prev.end:resolver.paragraph(pi).end].strip(_MARKS + ".,;:!?…")
    return opens and runs_to_end and prev.kind in (QuoteKind.direct, QuoteKind.partial)


def _same_paragraph_run(parsed: ParsedArticle, resolver: MentionResolver, prev: QuoteCandidate,
                        prev_speaker: Speaker, c: QuoteCandidate) -> bool:
    """'"A," she said. "B."': a quote after the previous one in the same paragraph, nobody new named between."""
    pi, ci = resolver.paragraph_index(prev.start), resolver.paragraph_index(c.start)
    if pi is None or pi != ci:
        return False
    own = prev_speaker.mention
    between = [o for o in resolver.mentions_in(prev.end, c.start)
               if not o.quoted and o.subject and o.entity.type == "person" and o.entity.id != prev_speaker.entity
               and not (own is not None and own.start <= o.start < own.end)]
    return not between


def _speaker_quotes_themself(parsed: ParsedArticle, resolver: MentionResolver, host: QuoteCandidate,
                             c: QuoteCandidate) -> bool:
    """The nearest subject before a nested quote, in its sentence and inside the quote holding it, is "I"
    of a speech or thought verb (or "I was like")."""
    doc = parsed.doc
    lo = max(host.start, resolver.sentence(c.start).start_char)
    span = doc.char_span(lo, c.start, alignment_mode="contract")
    if span is None:
        return False
    verbs = word_set("speaker_verbs.txt")
    # a speech verb right before the quote ("... and said 'Is there ...'"): its subject, through "and"
    last = [t for t in span if not t.is_punct and not t.is_space][-2:]
    verb = next((t for t in reversed(last) if t.pos_ == "VERB" and t.lemma_.lower() in verbs), None)
    while verb is not None:
        subj = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.lower_ == "i"
        verb = verb.head if verb.dep_ == "conj" and verb.head is not verb else None
    for tok in reversed(span):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            if tok.lower_ != "i":
                return False
            verb = tok.head
            if verb.lemma_.lower() in verbs:
                return True
            # "the first thing I said was, '...'": I is the subject of a clause on the verb that introduces it
            if verb.dep_ == "relcl" and verb.lemma_.lower() in verbs | {"say"}:
                return True
            return verb.lemma_ == "be" and any(t.lower_ == "like" for t in doc[verb.i + 1:min(verb.i + 5, len(doc))])
    return False


def _after_topic_heading(parsed: ParsedArticle, resolver: MentionResolver, c: QuoteCandidate) -> bool:
    """The quote opens its paragraph after a heading of the topic and a colon, no verb of its own:
    "On the finale:", "About her co-star:", "On chasing the record:"."""
    ci = resolver.paragraph_index(c.start)
    if ci is None:
        return False
    start = resolver.paragraph(ci).start
    lead = parsed.article.text[start:c.start].rstrip(_MARKS)
    if not lead.endswith(":") or len(lead) > 80:
        return False
    span = parsed.doc.char_span(start, start + len(lead) - 1, alignment_mode="contract")
    if span is None or not len(span) or span[0].pos_ != "ADP":
        return False
    return not any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in span)


def _opens_paragraph(parsed: ParsedArticle, resolver: MentionResolver, c: QuoteCandidate) -> bool:
    ci = resolver.paragraph_index(c.start)
    if ci is None:
        return False
    return not parsed.article.text[resolver.paragraph(ci).start:c.start].strip(_MARKS)


def _speaker_in_own_sentence(parsed: ParsedArticle, resolver: MentionResolver, c: QuoteCandidate) -> tuple[int, int] | None:
    """Words of the writer before the quote in its sentence: the subject of the verb they hang on.

    'Trump leaned in and boomed: "Let's defeat her."'; 'Rubio bemoaned a climate in which people
    "literally hate each other."' The subject must be outside the quote and before it.
    """
    sent = resolver.sentence(c.start)
    lead = parsed.article.text[sent.start_char:c.start]
    if not lead.strip(_MARKS + "—-–:,"):
        return None
    doc = parsed.doc
    if lead.rstrip(_MARKS).endswith(":"):
        named = _named_before_colon(parsed, resolver, sent.start_char, c.start) \
            or _colon_clause_subject(parsed, resolver, sent.start_char, c.start)
        if named is not None:
            return named
    anchor = doc.char_span(c.start, min(c.end, sent.end_char), alignment_mode="expand")
    if anchor is None:
        return None
    # climb from the quote to the first verb outside it
    tok = anchor.root
    for _ in range(12):
        if not (c.start <= tok.idx < c.end) and tok.pos_ in {"VERB", "AUX"}:
            break
        if tok.head is tok:
            break
        tok = tok.head
    if c.start <= tok.idx < c.end:
        return None
    found = source_of_cue(doc, (tok.idx, tok.idx + len(tok.text)))
    if found is None or found[0] >= c.start or resolver.in_quote(found[0]):
        return None
    return found


def _colon_clause_subject(parsed: ParsedArticle, resolver: MentionResolver, start: int, end: int) -> tuple[int, int] | None:
    """'Sanders delivered a retort: "..."': the subject of the clause the colon closes, even where the parse
    hangs that clause under the quoted words."""
    lead = parsed.doc.char_span(start, end, alignment_mode="contract")
    if lead is None:
        return None
    heads = [t for t in lead if t.pos_ in ("VERB", "AUX") and not (lead.start <= t.head.i < lead.end and t.head is not t)]
    if not heads:
        return None
    found = source_of_cue(parsed.doc, (heads[0].idx, heads[0].idx + len(heads[0].text)))
    if found is None or found[0] >= end or resolver.in_quote(found[0]):
        return None
    return found


def _named_before_colon(parsed: ParsedArticle, resolver: MentionResolver, start: int, end: int) -> tuple[int, int] | None:
    """'Rep. Trey Gowdy (R-S.C.): "..."', 'More from Jones: "..."': the name right before the colon,
    when the words before it hold no verb of their own."""
    doc = parsed.doc
    lead = doc.char_span(start, end, alignment_mode="contract")
    if lead is None or any(t.pos_ == "VERB" for t in lead):
        return None
    named = [o for o in resolver.mentions_in(start, end) if not o.quoted and o.entity.type in ("person", "organization")]
    if named:
        return named[-1].start, named[-1].end
    return None


def _speaker_after_quote(parsed: ParsedArticle, resolver: MentionResolver, c: QuoteCandidate) -> tuple[int, int] | None:
    """'"...," he surmised.' / '"...?" Hannity pressed.': a quote ending its clause with a comma, question or
    exclamation mark, followed in the same sentence by a subject and its verb (whatever the verb)."""
    text = parsed.article.text
    tail = text[c.end:c.end + 3]
    if text[c.end - 1:c.end] == "." or tail[:1] == ".":
        return _bare_cue_after(parsed, resolver, c)
    if not (text[c.end - 1:c.end] in ",?!" or tail[:1] in ",?!"):
        return None
    sent = resolver.sentence(c.end)
    doc = parsed.doc
    after = [t for t in doc[sent.start:sent.end] if t.idx >= c.end and not t.is_punct and not t.is_space]
    if not after:
        return None
    for tok in after[:4]:
        if tok.pos_ == "VERB":
            found = source_of_cue(doc, (tok.idx, tok.idx + len(tok.text)))
            if found is not None and found[0] >= c.end and not resolver.in_quote(found[0]):
                return found
            return None
    return None


def _token_after(parsed: ParsedArticle, c: QuoteCandidate) -> int | None:
    """The index of the first token after the quote's words (None where the parse cannot align its span)."""
    quoted = parsed.doc.char_span(c.start, c.end, alignment_mode="expand")
    return quoted.end if quoted is not None else None


def _as_they_put_it(parsed: ParsedArticle, resolver: MentionResolver, c: QuoteCandidate) -> tuple[int, int] | None:
    """'Some see the mayor as "a bull in a china shop" – as one columnist puts it – ...': a clause "as X put it"
    (or "as X said") right after the quote says whose words they are, whoever the sentence is about."""
    doc = parsed.doc
    i = _token_after(parsed, c)
    if i is None:
        return None
    while i < len(doc) and (doc[i].is_punct or doc[i].is_space) and doc[i].text not in ".!?;" \
            and "\n" not in doc[i].text:
        i += 1
    if i >= len(doc) or doc[i].lower_ != "as" or resolver.in_quote(doc[i].idx):
        return None
    verb = doc[i].head  # the clause "as" opens
    if verb.pos_ != "VERB" or not i < verb.i <= i + 8 or any(resolver.in_quote(t.idx) for t in doc[i:verb.i + 1]):
        return None
    verbs = word_map("cue_as_verbs.txt")
    lemma = verb.lemma_.lower()
    if lemma not in verbs:
        return None  # "as police arrived": a clause of time
    objs = [t for t in verb.children if t.dep_ in ("dobj", "ccomp")]
    if verbs[lemma] == "it":
        if not (len(objs) == 1 and objs[0].lower_ in ("it", "them", "this") and objs[0].i > verb.i):
            return None
    elif objs:
        return None  # "as she said goodbye"
    subj = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass") and i < t.i < verb.i), None)
    return mention_span(subj) if subj is not None else None


_BARE_CUE_MAX_WORDS = 8  # "Mayor Anne Kowalski said on Monday." and no more


def _bare_cue_after(parsed: ParsedArticle, resolver: MentionResolver, c: QuoteCandidate) -> tuple[int, int] | None:
    """'"... are missing." Trump said.': a quote closed with a full stop, then a sentence that is only who said
    it (a subject, a speech verb, perhaps when or where), ended by a full stop or the next quote."""
    doc = parsed.doc
    text = parsed.article.text
    after = _token_after(parsed, c)
    if after is None:
        return None
    words: list[Token] = []
    for t in doc[after:]:
        if t.is_space and "\n" in t.text or resolver.in_quote(t.idx) or t.is_quote and words:
            break
        if t.text in ".!?":
            break
        if not t.is_punct and not t.is_space:
            words.append(t)
        if len(words) > _BARE_CUE_MAX_WORDS:
            return None
    if not words or "\n" in text[c.end:words[0].idx]:
        return None
    verbs = [t for t in words if t.pos_ == "VERB"]
    if len(verbs) != 1 or verbs[0].lemma_.lower() not in word_set("speaker_verbs.txt") \
            or any(ch.dep_ in ("ccomp", "dobj", "xcomp") and ch in words for ch in verbs[0].children):
        return None
    found = source_of_cue(doc, (verbs[0].idx, verbs[0].idx + len(verbs[0].text)))
    if found is None or found[0] < c.end or found[1] > verbs[0].idx or resolver.in_quote(found[0]):
        return None
    return found


def _speaker_before(parsed: ParsedArticle, resolver: MentionResolver, c: QuoteCandidate) -> tuple[int, int] | None:
    """The subject of a speech verb in the sentence before the quote (same paragraph, or the previous one's last)."""
    quoted = resolver.quoted
    si = resolver.sentence_index(c.start)
    sent = resolver.sentence(c.start)
    # the quote's own sentence, when the words before the quote name who speaks ("Trump had a message: ...")
    own = speaker_verb_subject(sent, quoted) if sent.start_char < c.start else None
    if own is not None and own[1] <= c.start:
        return own
    for back in range(si - 1, max(-1, si - 3), -1):
        prev = resolver.sentence_by_index(back)
        if not prev.text.strip():
            continue
        if resolver.in_quote(next((t.idx for t in prev if not t.is_space and not t.is_punct), prev.start_char)):
            return None  # the sentence before is itself quoted words
        pb, cb = resolver.paragraph_index(prev.start_char), resolver.paragraph_index(c.start)
        if pb is None or cb is None or cb - pb > 1:
            return None
        found = speaker_verb_subject(prev, quoted)
        if found is None and prev.text.rstrip().endswith(":"):
            found = _named_before_colon(parsed, resolver, prev.start_char, prev.end_char)  # 'Clinton: "..."'
        if found is None and pb == cb:
            # 'Sanders pointed to the young. "They are sick of it."': in one paragraph, a quote opening a
            # sentence after the writer's words about someone is that person's
            subj = next((t for t in prev.root.children if t.dep_ in SUBJECT_DEPS), None)
            if subj is not None and subj.pos_ == "PROPN":
                span = subject_phrase(subj)
                ref = resolver.resolve(*span)
                if ref.entity is not None and ref.entity.type == "person":
                    return span
        return found
    return None
