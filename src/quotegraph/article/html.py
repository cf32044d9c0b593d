"""HTML -> Article through trafilatura: body text, title, description, authors, date, site name.

The body is trafilatura's own text, untouched, so that offsets index it. Settings chosen by
measuring on the 181 pages of ../shared/data/article-extraction (word 4-gram F1, as
../shared/eval/article_body.py counts it; trafilatura 2.3.1): balanced mode without comments 0.960,
favor_recall 0.959, no tables 0.957, deduplicate 0.951, fast 0.962, favor_precision 0.964 (it leaves
out most related-link and newsletter blocks, but drops one page's whole article), and
favor_precision falling back to balanced mode when it finds under 500 characters and balanced
mode finds twice as much: 0.969 (trafilatura.extract alone: 0.953). Comments are never body.

Blocks are the text's lines (trafilatura puts one paragraph, heading or list item per line);
lines the furniture rules recognise (calls to action, credits, teasers, headings of other stories)
stay in the text but are not body paragraphs, and a first line repeating the title is the title.

The outlet is trafilatura's site name; on a page whose metadata it does not read, the page's own
og:site_name, application-name or JSON-LD publisher (`page_site_name`); then our name for the URL's domain,
an outlet the body says was given an exclusive interview (`layout.outlet_in_text`), the bare domain.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from html import unescape
from typing import Any
from datetime import datetime
from html.parser import HTMLParser

import trafilatura

from ..errors import InputError
from ..readers import RawDocument
from .model import Article, Block
from .byline import split_names
from .decode import decode_html
from .furniture import classify_line, is_cast_heading, normal
from .layout import outlet_from_url, outlet_in_text

PRECISION_MIN_CHARS = 500  # a precision extraction shorter than this is checked against balanced mode
FALLBACK_GAIN = 2.0  # ... and replaced when balanced mode finds this many times more text
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"  # ask htmldate for the time and zone too

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||,|\band\b|&)\s*")


def _date_params() -> dict:
    return {"original_date": True, "extensive_search": True, "outputformat": DATE_FORMAT,
            "max_date": datetime.now().astimezone().strftime("%Y-%m-%d")}


def iso_from_htmldate(value: str | None) -> str | None:
    """"2021-01-02T18:49:00-0800" -> "2021-01-02T18:49-08:00"; a midnight with no zone is a bare date."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}):(\d{2})([+-]\d{2})?(\d{2})?)?", value.strip())
    if not m:
        return value
    day, h, mi, s, zh, zm = m.groups()
    if h is None or (h == mi == s == "00" and zh is None):
        return day
    out = f"{day}T{h}:{mi}" + (f":{s}" if s != "00" else "")
    return out + (f"{zh}:{zm or '00'}" if zh else "")


def split_authors(author: str | None) -> list[str]:
    """trafilatura's author string ("Jane Roe; Al Doe") as a list of names."""
    if not author:
        return []
    names, _, _ = split_names(author)
    if names:
        return names
    return [a.strip() for a in _AUTHOR_SPLIT.split(author) if a.strip()]


def _extract(html: str, url: str | None, **options):
    return trafilatura.bare_extraction(html, url=url, include_comments=False, **options)


_ADJACENT_LINKS = re.compile(r"(</a\s*>)(?=<[a-z])", re.I)


def separate_adjacent_links(html: str) -> str:
    """A space after a link that another element follows with nothing between: a page's list of names or
    stories ("<a>Jane Roe</a><span><a>Jane Ann Roe</a>") must not come out as one glued word ("RoeJane")."""
    return _ADJACENT_LINKS.sub(r"\1 ", html)


def read_html(raw: RawDocument) -> Article:
    html = separate_adjacent_links(decode_html(raw.data, raw.source))
    doc = _extract(html, raw.url, with_metadata=True, favor_precision=True,
                   date_extraction_params=_date_params())
    text = (doc.text if doc is not None else "") or ""
    if len(text) < PRECISION_MIN_CHARS:
        balanced = _extract(html, raw.url, with_metadata=doc is None, date_extraction_params=_date_params())
        more = (balanced.text if balanced is not None else "") or ""
        if len(more) > FALLBACK_GAIN * len(text):
            text = more
        doc = doc if doc is not None else balanced
    deep_title = None
    if not text.strip():
        text, deep_title = deep_page_text(html)
    if not _WORD.search(text):
        raise InputError(raw.source, "no article text found in the HTML")
    title = (doc.title if doc is not None else None) or deep_title
    blocks = body_blocks(text, title)
    url = raw.url or (doc.url if doc is not None else None)
    outlet = (doc.sitename if doc is not None else None) or page_site_name(html)
    if not outlet or _BARE_DOMAIN.fullmatch(outlet):  # a bare domain: our name for it, if we know one
        known = outlet_from_url(url)
        named = known if known and not _BARE_DOMAIN.fullmatch(known) else None
        outlet = named or outlet_in_text(text, [b for b in blocks if b.kind == "body"], url) or known or outlet
    return Article(source=raw.source, text=text, media_type="text/html", url=url, title=title,
                   dek=doc.description if doc is not None else None,
                   authors=split_authors(doc.author if doc is not None else None),
                   published=iso_from_htmldate(doc.date if doc is not None else None), outlet=outlet, blocks=blocks)


_BARE_DOMAIN = re.compile(r"[\w.-]+\.[a-z]{2,}")
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_JSON_LD = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script\s*>", re.I | re.S)
SITE_NAME_METAS = ("og:site_name", "application-name")  # in this order, as trafilatura reads them


def _meta_contents(html: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for tag in _META_TAG.finditer(html):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(tag.group())}
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        content = " ".join(unescape(attrs.get("content") or "").split())
        if key in SITE_NAME_METAS and content and key not in out:
            out[key] = content
    return out


def _publisher_names(node: Any) -> Iterator[str]:
    """Publisher names in a parsed JSON-LD value, wherever they nest (@graph, lists, the article's own object)."""
    if isinstance(node, list):
        for x in node:
            yield from _publisher_names(x)
    elif isinstance(node, dict):
        pub = node.get("publisher")
        for p in pub if isinstance(pub, list) else [pub]:
            if isinstance(p, dict) and isinstance(p.get("name"), str) and p["name"].strip():
                yield " ".join(p["name"].split())
            elif isinstance(p, str) and p.strip() and not p.startswith(("http", "#", "/")):
                yield " ".join(p.split())
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in node:
                yield from _publisher_names(node[key])


def page_site_name(html: str) -> str | None:
    """The site's name as the page's own metadata gives it, for pages whose metadata trafilatura does not read:
    <meta property="og:site_name">, <meta name="application-name">, then the JSON-LD publisher's name."""
    metas = _meta_contents(html)
    for key in SITE_NAME_METAS:
        if metas.get(key):
            return metas[key]
    for m in _JSON_LD.finditer(html):
        try:
            data = json.loads(m.group(1))
        except ValueError:
            continue
        name = next(_publisher_names(data), None)
        if name:
            return name
    return None


def body_blocks(text: str, title: str | None) -> list[Block]:
    """One block per line of the extracted text: the title when it repeats it, else body unless furniture."""
    blocks: list[Block] = []
    for k, m in enumerate(_LINE.finditer(text)):
        line = m.group()
        if not line.strip():
            continue
        start = m.start() + len(line) - len(line.lstrip())
        end = m.start() + len(line.rstrip())
        if k == 0 and title and normal(line) == normal(title):
            blocks.append(Block("title", start, end))
            continue
        verdict = classify_line(text[start:end])
        if verdict.kind == "body" and verdict.body_end > 0:
            blocks.append(Block("body", start, start + verdict.body_end))
        elif is_cast_heading(text[start:end]):
            blocks.append(Block("heading", start, end))
    return blocks


LXML_MAX_DEPTH = 255  # libxml2 drops whatever is nested deeper (trafilatura then finds nothing)
_BREAKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "blockquote",
           "header", "footer", "main", "ul", "ol", "table", "figure", "figcaption", "pre", "hr", "dd", "dt"}
_HIDDEN = {"script", "style", "noscript", "template", "svg", "head", "nav", "form", "select", "button", "iframe"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}


class _PageText(HTMLParser):
    """The visible text of a page, one line per block element, and its <title>; no depth limit."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.title = ""
        self.stack: list[str] = []
        self.open: Counter[str] = Counter()  # tags on the stack, so that a stray end tag costs no scan
        self.depth = 0
        self.hidden = 0
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in _BREAKS:
            self.lines.append("")
        if tag in _VOID:
            return
        self.stack.append(tag)
        self.open[tag] += 1
        self.depth = max(self.depth, len(self.stack))
        if tag in _HIDDEN:
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _BREAKS:
            self.lines.append("")
        if not self.open[tag]:
            return
        while self.stack:  # close what was left open inside it
            top = self.stack.pop()
            self.open[top] -= 1
            if top in _HIDDEN:
                self.hidden -= 1
            if top == tag:
                break

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.hidden:
            self.lines[-1] += data


def deep_page_text(html: str) -> tuple[str, str | None]:
    """Text and title of a page nested deeper than lxml reads, else ("", None): a best effort on such pages."""
    reader = _PageText()
    try:
        reader.feed(html)
        reader.close()
    except Exception:  # html.parser is lenient; anything it still cannot take leaves us with no text
        return "", None
    if reader.depth <= LXML_MAX_DEPTH:
        return "", None
    lines = (" ".join(line.split()) for line in reader.lines)
    return "\n".join(line for line in lines if line), (" ".join(reader.title.split()) or None)
