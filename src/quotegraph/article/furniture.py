"""Page furniture: the lines of a scraped page that are not the article's prose.

Each line is judged on its own by general rules, in this order: widget labels ("Latest News",
"Tags"), teasers and links ("Watch: ...", "Related: ..."), bylines and date lines, image and
reporting credits ("J. Countess/Getty Images", "(Reporting by ...)"), calls to action ("Sign up
for TV Scoop!", "Follow her on Twitter @roe.", with a signup form's leftover buttons and messages),
headlines cut short by an ellipsis, one-sentence link lines ("Check out our photos."), and then by
shape: short lines in capitals, headlines of other stories (short title-case lines without sentence
punctuation) and short kicker lines. A line that
holds a double quotation mark is never dropped by shape alone, and a line that ends as a sentence
does ("Case in point?") is prose however short. A call to action glued onto the end of a
paragraph is cut off it (`Verdict.body_end`). Two rules need the lines around: captions (a
line without sentence punctuation standing alone between other lines, `is_caption_shape`) and pull
quotes (`pull_quotes`); `layout` applies them to scraped text.

The word lists live in src/quotegraph/data/furniture_*.txt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from .byline import parse_byline
from .dates import find_dates
from ..wordlists import longest_first as word_list
from ..wordlists import word_set

# A line ends as a sentence does: terminal punctuation, then closing marks or brackets.
_TERMINAL = re.compile(r"[.!?\u2026:;][\"'\u201d\u2019\u00bb)\]*]*[\s\u2600-\u27bf\ufe0f\U0001f000-\U0001faff]*$")
_DOUBLE_MARK = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]|''")
_WORD = re.compile(r"[^\W_](?:[\w'\u2019.&+-]*[\w+])?")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
# where a sentence ends: a run of terminal punctuation (and closing marks) before a space or the end,
# so that "pic.twitter.com" is not cut; the run is matched from its first character only
_SENTENCE_END = re.compile(r"(?<![.!?\u2026])[.!?\u2026]++[\"'\u201d\u2019\u00bb)\]]*(?=\s|$)\s*")
_URL = re.compile(r"^(?:https?://|www\.)\S+$")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.]+")
_HANDLE = re.compile(r"(?<![\w@])@\w{2,}")
_CONTACT_LEAD = re.compile(r"(?i)^(?:follow|contact|e-?mail|reach|write to|send|tweet|dm|message|you can (?:reach|follow|email)"
                           r"|(?:have|got) a (?:news )?tip)\b")
_REACHED = re.compile(r"(?i)\b(?:reached|reach (?:him|her|them|me|us)|contact|e-?mail|tips?)\b")
_ON_NETWORK = re.compile(r"(?i)\bon (?:twitter|x|instagram|facebook|tiktok|threads|bluesky|linkedin)\b")
_SLASH_CREDIT = re.compile(r"[^\s/]/[^\s/]")
_COPYRIGHT = re.compile(r"^(?:\u00a9|\(c\)|copyright\b)", re.I)
_TWEET_SIGNATURE = re.compile(r"^[\u2014\u2013-]\s*[^()]{1,60}\(@\w+\)\s")

TAIL_CHARS = 40  # how much of a line's end decides whether it ends as a sentence does
CTA_TAIL_CHARS = 1500  # a glued-on call to action is looked for in this much of a paragraph's end
LINE_MAX_CHARS = 400  # bylines, date lines, credits and calls to action are never longer than this
KICKER_MAX_WORDS = 6  # a line this short without sentence punctuation is a label or kicker
LINK_TITLE_MAX_WORDS = 18  # headlines of other stories are short
CREDIT_MAX_WORDS = 12
CTA_MAX_WORDS = 30  # a call to action is a line or two, not a paragraph
CTA_PHRASE_MAX_WORDS = 20  # a sentence that only contains a CTA phrase is short
CTA_LEAD_IN_WORDS = 6  # ... and has few words before it
CTA_TAIL_WORDS = 5  # ... or after it
LINK_LINE_MAX_WORDS = 14  # "Check out ..." sending the reader elsewhere is one short sentence
CAPTION_MIN_WORDS = KICKER_MAX_WORDS + 1  # shorter lines without punctuation are kickers already
PULL_QUOTE_MIN_WORDS = 5  # a quotation this long, printed twice, is a pull quote the second time
PULL_QUOTE_MAX_WORDS = 40
PULL_QUOTE_WINDOW = 12  # body lines either side where the paragraph a pull quote repeats is looked for
TEASER_SENTENCE_MAX_WORDS = 8  # a short line-up sentence before a call to action ("Get the drama behind the scenes.")
FORM_RESIDUE_MAX_WORDS = 10  # a signup form's button labels and messages after a call to action


@dataclass
class Verdict:
    """How one line is read: `kind` is "body" or "furniture"; `reason` names the rule.

    For a body line `body_end` is where its prose ends (before a glued-on call to action).
    """

    kind: str
    reason: str
    body_end: int


def words(s: str) -> list[str]:
    return _WORD.findall(s)


def normal(s: str) -> str:
    """Lower case, curly apostrophes straight, spaces collapsed, end punctuation dropped."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").lower()
    return " ".join(s.split()).strip(" .:;,!?-\u2013\u2014|>\u00bb\u203a\u2022\u00b7*#")


def ends_as_sentence(s: str) -> bool:
    return bool(_TERMINAL.search(s.rstrip()[-TAIL_CHARS:]))


def sentence_spans(s: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of s, trailing spaces included; a rough cut, enough for short lines."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(s):
        out.append((start, m.end()))
        start = m.end()
    if s[start:].strip():
        out.append((start, len(s)))
    return out


def has_double_mark(s: str) -> bool:
    return bool(_DOUBLE_MARK.search(s))


def is_title_case(s: str) -> bool:
    """Every word but the short function words starts with a capital or a digit (at least two of them)."""
    minor = word_set("layout_minor_words.txt")
    major = [w for w in words(s) if w.lower().replace("\u2019", "'") not in minor]
    if len(major) < 2:
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in major)


def _starts_with(low: str, phrases: tuple[str, ...], follow: str) -> str | None:
    for p in phrases:
        if low.startswith(p) and (len(low) == len(p) or re.match(follow, low[len(p):])):
            return p
    return None


def is_label(line: str) -> bool:
    """A widget label on its own line ("Latest News", "Advertisement", "Tags")."""
    return normal(line) in word_set("furniture_lines.txt")


def is_tail_marker(line: str) -> bool:
    """A heading after which the page lists other stories ("Latest News", "You may also like")."""
    return normal(line) in word_set("furniture_tail.txt")


def is_teaser(line: str) -> bool:
    """A line introduced by a teaser or link label: "Watch: ...", "Related: ...", "Read more - ..."."""
    low = line.strip().replace("\u2019", "'").lower()
    return _starts_with(low, word_list("furniture_prefixes.txt"), r"\s*(?:[:|>\u2013\u2014\u00bb\u203a]|-\s)") is not None


def is_date_line(line: str) -> bool:
    """A line that is a date and little else ("Published Jan. 2, 2021 6:49 PM ET", "Updated: 2021-01-02").

    Besides the dates and their labels, only a word or two from layout_date_line_words.txt may be
    left ("Correction", a weekday, "Tags" glued on); "Sept. 9, 2013 traffic problems." is prose.
    """
    dates = find_dates(line)
    if not dates or has_double_mark(line):
        return False
    rest = line
    for d in reversed(dates):
        s = d.label_start if d.label_start is not None else d.start
        rest = rest[:s] + " " + rest[d.end:]
    left = [w.lower() for w in _LETTER_WORD.findall(rest)]
    allowed = word_set("layout_date_line_words.txt")
    return len(left) <= 3 and all(w in allowed for w in left)


def is_credit(line: str) -> bool:
    """An image or reporting credit: "J. Countess/Getty Images", "Photo: AP", "(Reporting by Jane Roe)"."""
    s = line.strip()
    low = s.replace("\u2019", "'").lower()
    n = len(words(s))
    if _COPYRIGHT.match(s) and n <= 20:
        return True
    if n <= 40 and not has_double_mark(s) and (_starts_with(low, word_list("furniture_credit_lead.txt"), r"")
                                               or any(p in low for p in word_list("furniture_credit_phrases.txt"))):
        return True
    if n > CREDIT_MAX_WORDS or has_double_mark(s) or _URL.match(s):
        return False
    credits = word_set("furniture_credits.txt")
    if re.search(r"[!?;:]$", s) or (s.endswith(".") and not any(normal(s).endswith(c) and c.endswith(".") for c in credits)):
        return False
    if _SLASH_CREDIT.search(s):
        parts = [p.strip() for p in re.split(r"\s*/\s*", s)]
        if all(1 <= len(words(p)) <= 6 for p in parts) and any(p[:1].isupper() for p in parts):
            return True
    norm = normal(s)
    for c in credits:
        if (norm == c or norm.endswith(" " + c)) and len(c) > 2 and n <= 8 and (norm == c or is_title_case(s)):
            return True
    return False


def _unwrapped(s: str) -> str:
    """A line inside the marks a transcript opens every paragraph with ('"Follow Jo Roe on Twitter @roe."'):
    the words within them."""
    if len(s) > 1 and _DOUBLE_MARK.match(s):
        inner = s[1:]
        if _DOUBLE_MARK.fullmatch(inner[-1:]):
            inner = inner[:-1]
        return inner if not has_double_mark(inner) else s
    return s


def is_contact_sentence(sentence: str) -> bool:
    """"Follow her on Twitter @roe.", "Have a tip? Email tips@example.com": how to reach the writer."""
    s = _unwrapped(sentence.strip())
    if len(s) > LINE_MAX_CHARS or len(words(s)) > CTA_MAX_WORDS or has_double_mark(s):
        return False
    handle = _EMAIL.search(s) or _HANDLE.search(s) or _ON_NETWORK.search(s)
    return bool(handle and (_CONTACT_LEAD.match(s) or (_EMAIL.search(s) and _REACHED.search(s))))


def is_cta_sentence(sentence: str) -> bool:
    s = _unwrapped(sentence.strip())
    if not s or len(s) > LINE_MAX_CHARS or has_double_mark(s) or len(words(s)) > CTA_MAX_WORDS:
        return False
    low = s.replace("\u2019", "'").lower()
    if _starts_with(low, word_list("furniture_cta.txt"), r"\W") or is_contact_sentence(s):
        return True
    # "For more news, sign up for our newsletter": a short lead-in, the phrase, a short tail at most
    if len(words(s)) > CTA_PHRASE_MAX_WORDS:
        return False
    for p in word_list("furniture_cta_phrases.txt"):
        at = low.find(p)
        if at >= 0 and len(words(low[:at])) <= CTA_LEAD_IN_WORDS and len(words(low[at + len(p):])) <= CTA_TAIL_WORDS:
            return True
    return False


def is_form_residue(piece: str) -> bool:
    """What a signup form leaves in the text after its call to action: button labels and status messages,
    a few words that stop without sentence punctuation ("Could not subscribe, try again later Invalid Email")."""
    s = piece.strip()
    return 0 < len(words(s)) <= FORM_RESIDUE_MAX_WORDS and not has_double_mark(s) and not ends_as_sentence(s)


def call_to_action_start(line: str) -> int | None:
    """Where a call to action that runs to the end of the line starts, or None.

    The call is one or more CTA sentences at the end of the line, together with one short
    sentence just before them that leads up to it ("Get the drama behind the scenes. Sign up ...").
    """
    offset = max(0, len(line) - CTA_TAIL_CHARS)  # a call to action is short: only the line's end is read
    if offset:
        offset = line.find(" ", offset) + 1 or len(line)
    sents = [(offset + a, offset + b) for a, b in sentence_spans(line[offset:])]
    if not sents:
        return None
    if offset:
        sents = sents[1:]  # the first piece of the tail may be the end of a longer sentence
    k = len(sents)
    # a signup form's button and messages after the call ("... to your inbox. Subscribe Invalid email")
    if k >= 2 and is_form_residue(line[sents[-1][0]:sents[-1][1]]) and is_cta_sentence(line[sents[-2][0]:sents[-2][1]]):
        k -= 1
    while k > 0 and is_cta_sentence(line[sents[k - 1][0]:sents[k - 1][1]]):
        k -= 1
    if k == len(sents):
        return None
    cut = sents[k][0]
    if k > 0:  # one short sentence leading up to the call goes with it
        prev = line[sents[k - 1][0]:sents[k - 1][1]]
        if (len(words(prev)) <= TEASER_SENTENCE_MAX_WORDS and not has_double_mark(prev)
                and prev.rstrip().endswith((".", "!", "?"))):
            cut = sents[k - 1][0]
    return cut


def is_truncated_headline(line: str) -> bool:
    """A headline of another story cut short by the page: "Police: Local Man Drove Wrong Way\u2026".

    Title case and an ellipsis at the end; prose cut off the same way is not in title case.
    """
    s = line.strip()
    if not s.endswith(("\u2026", "...")) or has_double_mark(s):
        return False
    head = s.rstrip(".\u2026").rstrip()
    return len(words(head)) <= LINK_TITLE_MAX_WORDS and is_title_case(head)


def is_link_line(line: str) -> bool:
    """A line that is one short sentence sending the reader to a link: "Check out our photos of the night."

    It starts with a phrase of furniture_link_leads.txt and is a single sentence of at most
    LINK_LINE_MAX_WORDS words, with no quotation, and does not end on a colon that leads into the next.
    """
    s = line.strip()
    low = s[:40].replace("\u2019", "'").lower()
    if _starts_with(low, word_list("furniture_link_leads.txt"), r"\W") is None:
        return False
    if s.endswith(":") or has_double_mark(s):  # "Take a look at what she said:" introduces the next paragraph
        return False
    return len(words(s)) <= LINK_LINE_MAX_WORDS and len(sentence_spans(s)) == 1


_LIST_NUMBER = re.compile(r"\d{1,3}[.)]\s")  # "3. Make a plate": an item of a numbered list
# a line ending on a word that cannot end a sentence stops mid-sentence (a cut-off paragraph)
_OPEN_END = re.compile(r"(?i)(?:[,\u2013\u2014(-]|\b(?:and|or|but|the|a|an|of|to|in|for|with|that|who|is|was|by|at|on)\b)$")


def is_caption_shape(line: str) -> bool:
    """The shape of an image or video caption, or the headline of another story, standing alone in the body:
    a line of CAPTION_MIN_WORDS..LINK_TITLE_MAX_WORDS words that starts with a capital or a digit and
    stops without sentence punctuation and without quotation ("The actress at the premiere in May").

    Whether such a line is furniture depends on its neighbours (`layout.stray_lines`): a run of them
    is a list, and a line sharing its paragraph with the next one is a hard wrap. Only scraped text is
    read this way: in trafilatura's text of an HTML page the captions are gone already and such lines
    are mostly section headings the body keeps (107 of the 137 on the 181 pages of
    ../shared/data/article-extraction).
    """
    s = line.strip()
    if not (s[:1].isupper() or s[:1].isdigit()) or ends_as_sentence(s) or has_double_mark(s):
        return False
    n = len(words(s))
    return CAPTION_MIN_WORDS <= n <= LINK_TITLE_MAX_WORDS and not _OPEN_END.search(s) and not _LIST_NUMBER.match(s)


_QUOTED = re.compile(r"[\"\u201c\u201e\u00ab]([^\"\u201c\u201d\u201e\u00ab\u00bb]+)[\"\u201d\u00bb]")


def quoted_word_runs(line: str) -> list[str]:
    """The words inside each pair of double quotation marks of a line, lower-cased and joined by one space,
    for runs of at least PULL_QUOTE_MIN_WORDS words."""
    out = []
    for m in _QUOTED.finditer(line):
        ws = [w.lower().replace("\u2019", "'") for w in words(m.group(1))]
        if len(ws) >= PULL_QUOTE_MIN_WORDS:
            out.append(" ".join(ws))
    return out


def word_text(s: str) -> str:
    """s as its words, lower-cased, one space between, with a space at each end (for whole-word search)."""
    return " " + " ".join(w.lower().replace("\u2019", "'") for w in words(s)) + " "


def pull_quotes(lines: list[str]) -> set[int]:
    """Which of these body lines repeat a quotation another, longer line holds: pull quotes and captions
    that reprint a quote ("\u201cIt was a gift,\u201d said Roe" under the paragraph that quotes her).

    A line counts when it is printed as a caption is, without sentence punctuation at its end, is at most
    PULL_QUOTE_MAX_WORDS words, its quotations (of at least PULL_QUOTE_MIN_WORDS words each) make up
    most of it, and each occurs word for word in a line with more words at most PULL_QUOTE_WINDOW lines
    away (a pull quote is set beside the paragraph it is taken from). A story that quotes the same
    words twice in sentences of its own (a live blog repeating an item) keeps both.
    """
    out: set[int] = set()
    cands = [k for k, line in enumerate(lines) if has_double_mark(line) and not ends_as_sentence(line)]
    if not cands:
        return out
    texts: dict[int, str] = {}

    def text_of(j: int) -> str:
        if j not in texts:
            texts[j] = word_text(lines[j])
        return texts[j]

    for k in cands:
        size = len(text_of(k).split())
        runs = quoted_word_runs(lines[k])
        if size > PULL_QUOTE_MAX_WORDS or not runs or 2 * sum(len(r.split()) for r in runs) <= size:
            continue
        near = range(max(0, k - PULL_QUOTE_WINDOW), min(len(lines), k + PULL_QUOTE_WINDOW + 1))
        longer = [t for j in near if j != k and len((t := text_of(j)).split()) > size]
        if all(any(f" {r} " in t for t in longer) for r in runs):
            out.add(k)
    return out


_NAME = r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|van|von|la|le|of|the))*"
_CAST_HEADING = re.compile(rf"^{_NAME} \({_NAME}\)$")


def is_cast_heading(line: str) -> bool:
    """A subheading that pairs two names, as a round-up of a cast writes them: "Jane Roe (Character Name)".
    Not prose and not a quote, but it says who plays whom, so it is kept as a heading block."""
    return bool(_CAST_HEADING.match(line.strip())) and len(line.split()) <= 10


def classify_line(line: str) -> Verdict:
    """Read one stripped, non-empty line of a page as body or furniture (see the module docstring)."""
    s = line.strip()
    n = len(words(s))
    end = len(line.rstrip())

    def furniture(reason: str) -> Verdict:
        return Verdict("furniture", reason, 0)

    if _URL.match(s):
        return furniture("link")
    if is_label(s):
        return furniture("label")
    if is_teaser(s):
        return furniture("teaser")
    if len(s) <= LINE_MAX_CHARS:  # the rules for short lines
        if parse_byline(s) is not None:
            return furniture("byline")
        if n <= 25 and is_date_line(s):
            return furniture("date")
        if _TWEET_SIGNATURE.match(s):
            return furniture("embed")
        if is_credit(s):
            return furniture("credit")
    cut = call_to_action_start(line)
    if cut == 0:
        return furniture("call to action")
    if cut is not None:
        end = len(line[:cut].rstrip())
    if is_truncated_headline(s):
        return furniture("headline")
    if is_link_line(s):
        return furniture("link")
    if has_double_mark(s) or ends_as_sentence(s):
        return Verdict("body", "prose", end)
    if n <= 10 and not re.search(r"[a-z]", s) and re.search(r"[A-Z]", s):
        return furniture("capitals")
    if n <= LINK_TITLE_MAX_WORDS and is_title_case(s):
        return furniture("headline")
    if n <= KICKER_MAX_WORDS:
        return furniture("kicker")
    return Verdict("body", "prose", end)
