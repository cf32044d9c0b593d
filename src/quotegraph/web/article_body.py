"""An article's body as a tree of text and marks (quotes, speaker mentions, cues) for the article page.

The template walks the tree and lets Jinja escape every text segment: no HTML is ever built
from article text here. Marks come from offsets into `ArticleRecord.text` and may nest (a quote
inside a quote, the speaker mention of a nested quote inside its outer quote) or cross each
other; crossing marks are split into pieces that nest properly, the later pieces flagged as
continuations so the page labels a quote once.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..kb.models import ArticleRecord, QuoteRecord

PALETTE_SIZE = 8  # speaker colours spk-0 .. spk-7 in style.css
_KIND_RANK = {"quote": 0, "speaker": 1, "cue": 2}


@dataclass
class Speaker:
    """A speaker as the article page shows them: a colour of their own and a link when they have a record."""

    key: str  # "#12" for a record, the written name otherwise
    name: str
    id: int | None
    color: int  # index into the palette; -1 for quotes nobody is credited with
    quotes: int = 0


@dataclass(eq=False)
class MarkSpan:
    """One mark over [start, end) of the text."""

    kind: str  # quote, speaker, cue
    start: int
    end: int
    quote: QuoteRecord
    speaker: Speaker

    @property
    def order(self) -> tuple[int, int, int, int]:
        """Outer marks first: earlier start, then longer, then quotes before mentions before cues."""
        return (self.start, -self.end, _KIND_RANK[self.kind], self.quote.id)


@dataclass
class Node:
    """Text (kind "text") or a mark holding children."""

    kind: str
    text: str = ""
    mark: MarkSpan | None = None
    children: list["Node"] = field(default_factory=list)
    first_piece: bool = True  # False for the pieces after a split

    @property
    def quote(self) -> QuoteRecord | None:
        return self.mark.quote if self.mark else None

    @property
    def speaker(self) -> Speaker | None:
        return self.mark.speaker if self.mark else None


@dataclass
class ArticleBody:
    paragraphs: list[list[Node]]
    speakers: list[Speaker]  # in order of first quote
    unattributed: int  # quotes without a speaker


def speaker_key(q: QuoteRecord) -> str | None:
    if q.speaker is None:
        return None
    if q.speaker.id is not None:
        return f"#{q.speaker.id}"
    return (q.speaker.name or q.speaker.as_written or "").strip() or None


def assign_speakers(quotes: list[QuoteRecord]) -> tuple[dict[str | None, Speaker], list[Speaker]]:
    """One colour per speaker, in order of their first quote, so neighbours in the text differ."""
    nobody = Speaker(key="", name="unknown speaker", id=None, color=-1)
    by_key: dict[str | None, Speaker] = {None: nobody}
    ordered: list[Speaker] = []
    for q in sorted(quotes, key=lambda q: (q.start, q.id)):
        key = speaker_key(q)
        if key not in by_key:
            sp = q.speaker
            assert sp is not None and key is not None  # None is in by_key from the start
            by_key[key] = Speaker(key=key, name=(sp.name or sp.as_written or "unknown speaker"), id=sp.id,
                                  color=len(ordered) % PALETTE_SIZE)
            ordered.append(by_key[key])
        by_key[key].quotes += 1
    return by_key, ordered


def collect_marks(article: ArticleRecord, speakers: dict[str | None, Speaker]) -> list[MarkSpan]:
    """Every quote, speaker mention and cue as a mark, clipped to the text; one mark per span and kind."""
    n = len(article.text)
    marks: dict[tuple[str, int, int], MarkSpan] = {}
    for q in article.quotes:
        sp = speakers[speaker_key(q)]
        spans = [("quote", q.start, q.end)]
        if q.speaker and q.speaker.mention:
            spans.append(("speaker", q.speaker.mention.start, q.speaker.mention.end))
        if q.cue:
            spans.append(("cue", q.cue.start, q.cue.end))
        for kind, start, end in spans:
            start, end = max(0, min(start, n)), max(0, min(end, n))
            if end > start:
                marks.setdefault((kind, start, end), MarkSpan(kind, start, end, q, sp))
    return sorted(marks.values(), key=lambda m: m.order)


def paragraph_ranges(article: ArticleRecord) -> list[tuple[int, int]]:
    """The article's paragraphs, or its blank-line blocks when it has none; every quote lies in one of them."""
    n = len(article.text)
    ranges = sorted((max(0, min(s, n)), max(0, min(e, n))) for s, e in (p[:2] for p in article.paragraphs if len(p) >= 2))
    ranges = [(s, e) for s, e in ranges if e > s]
    if not ranges:
        pos = 0
        for block in article.text.split("\n\n"):
            if block.strip():
                ranges.append((pos, pos + len(block)))
            pos += len(block) + 2
    # text outside every paragraph that a quote touches still has to show: widen to cover each quote
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    for q in article.quotes:
        if not any(s <= q.start and q.end <= e for s, e in out) and q.end > q.start:
            if not any(s < q.end and q.start < e for s, e in out):
                out.append((max(0, q.start), min(n, q.end)))
                out.sort()
    return out


def nest(text: str, start: int, end: int, marks: list[MarkSpan], opened: set[int] | None = None) -> list[Node]:
    """The text of [start, end) with the marks over it as properly nested nodes (crossing marks split).

    `opened` holds the marks already shown (in earlier paragraphs): their pieces here are continuations."""
    inside = [m for m in marks if m.start < end and m.end > start]
    points = sorted({start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)})
    root: list[Node] = []
    stack: list[tuple[MarkSpan, Node]] = []
    opened = set() if opened is None else opened
    for a, b in zip(points, points[1:]):
        active = sorted((m for m in inside if m.start <= a and b <= m.end), key=lambda m: m.order)
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep][0] is active[keep]:
            keep += 1
        del stack[keep:]
        for m in active[keep:]:
            node = Node(kind=m.kind, mark=m, first_piece=id(m) not in opened)
            opened.add(id(m))
            (stack[-1][1].children if stack else root).append(node)
            stack.append((m, node))
        (stack[-1][1].children if stack else root).append(Node(kind="text", text=text[a:b]))
    return root


def build_article_body(article: ArticleRecord) -> ArticleBody:
    speakers, ordered = assign_speakers(article.quotes)
    marks = collect_marks(article, speakers)
    opened: set[int] = set()
    paragraphs = [nest(article.text, s, e, marks, opened) for s, e in paragraph_ranges(article)]
    unattributed = speakers[None].quotes
    return ArticleBody(paragraphs=paragraphs, speakers=ordered, unattributed=unattributed)
