"""Bad inputs built in the test's folder (never committed), the offset checks every result must pass,
and helpers to run the command line in a subprocess."""
from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

def article(tag: str = "") -> str:
    """A small plain-text article; `tag` makes its text (and so its identity in a store) differ."""
    return (f"A Bridge for the Town {tag}\n\n"
            f"The council voted on Monday to build a new bridge over the river {tag}.\n\n"
            "\u201cWe have waited long enough,\u201d said Jane Doe, the council leader. "
            "\u201cIt will open next year.\u201d\n\n"
            "Her deputy, John Roe, said the cost was fair.\n")


def paragraphs_html(tag: str = "") -> str:
    return (f"<p>The council voted on Monday to build a new bridge over the river {tag}, the first in forty years. "
            "Hundreds of residents came to the meeting.</p>"
            "<p>\"We have waited long enough,\" said Jane Doe, the council leader. \"It will open next year.\"</p>"
            "<p>Her deputy, John Roe, said the cost was fair and the work would start in the spring.</p>")


ARTICLE = article()


def _warc_records(records) -> bytes:
    """Uncompressed WARC response records: (url, body bytes)."""
    out = b""
    for url, body in records:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body) + body
        head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
                b"WARC-Date: 2021-03-04T05:06:07Z\r\nWARC-Target-URI: %s\r\n"
                b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
                % (hashlib.md5(url.encode()).hexdigest().encode(), url.encode(), len(http)))
        out += head + http + b"\r\n\r\n"
    return out


def _page(title: str, body: str | None = None) -> bytes:
    body = body if body is not None else paragraphs_html(title)
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>".encode()


def _rss(items: list[str]) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Town News</title>'
            + "".join(items) + "</channel></rss>").encode()


def _rss_item(title: str | None = None, link: str | None = None, content: str | None = None,
              description: str | None = None, date: str | None = None) -> str:
    parts = ["<item>"]
    if title is not None:
        parts.append(f"<title>{title}</title>")
    if link is not None:
        parts.append(f"<link>{link}</link>")
    if date is not None:
        parts.append(f"<pubDate>{date}</pubDate>")
    if description is not None:
        parts.append(f"<description>{description}</description>")
    if content is not None:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    return "".join(parts) + "</item>"


def small_bad_inputs() -> dict[str, bytes]:
    """Every small bad input of issue 6, by file name (the suffix says how ingest reads it)."""
    rng = random.Random(6)
    def warc(tag: str) -> bytes:
        return _warc_records([(f"https://example.com/{tag}/a", _page(f"First Bridge {tag}")),
                              (f"https://example.com/{tag}/b", _page(f"Second Bridge {tag}"))])

    return {
        "empty.txt": b"",
        "blank.txt": b" \n\n\t \r\n",
        "binary.txt": bytes(range(256)) * 40,
        "png-named-txt.txt": b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(3000)),
        "cp1252.txt": ("Caf\u00e9 Owner Speaks\n\n\u201cThe caf\u00e9 stays open,\u201d said Ren\u00e9e Dupr\u00e9, "
                       "the owner \u2014 and the town cheered.\n").encode("cp1252"),
        "latin1.txt": ("Fran\u00e7ois M\u00fcller Wins\n\nFran\u00e7ois M\u00fcller said: \"\u00bfQu\u00e9 pas\u00f3? "
                       "I won, \u00bd the town voted.\"\n").encode("latin-1"),
        "utf16-bom.txt": codecs.BOM_UTF16_LE + article("le").encode("utf-16-le"),
        "utf16-be-bom.txt": codecs.BOM_UTF16_BE + article("be").encode("utf-16-be"),
        "utf8-bom.txt": codecs.BOM_UTF8 + article("bom").encode(),
        "mixed-endings.txt": article("mixed").replace("\n\n", "\r\n\r\n", 1).replace("\n\n", "\r\r", 1).encode(),
        "zero-width-bidi.txt": ("A Bridge\u200b for the Town\n\nJane\u200bDoe said \u201cwe\u200d will\u2066 win\u2069,"
                                "\u201d and \u202eJohn Roe\u202c agreed.\ufeff More \u200f text \u2067here\u2069.\n").encode(),
        "emoji.txt": ("Fans \U0001F600 Cheer\n\nFans \U0001F44D\U0001F3FD said \u201cwe love it \U0001F525\U0001F525,\u201d "
                      "Jane Doe said. \U0001F468\u200d\U0001F469\u200d\U0001F467 " + "\U0001F389" * 3000 + "\n").encode(),
        "unclosed-quotes.txt": ("Never Closed\n\nJane Doe said \"this never ends. And it goes on and on.\n\n"
                                "Another paragraph with \u201canother one that does not close\n\n"
                                "And a \u2018single one, said John Roe.\n").encode(),
        "5000-quote-marks.txt": ("Quote Marks\n\nAn ordinary paragraph first.\n\n" + '"' * 5000 + "\n").encode(),
        "5000-mixed-marks.txt": ("Quote Marks\n\nAn ordinary paragraph first.\n\n"
                                 + "".join(rng.choice('"\u201c\u201d\'\u2018\u2019 a.') for _ in range(5000))
                                 + "\n").encode(),
        "long-run.txt": ("A Run\n\nIt began with " + "".join(rng.choice('"\u201c\u201d.,!?()-\U0001F600')
                                                             for _ in range(20000)) + " and ended.\n").encode(),
        "broken.html": b"<html><head><title>Broken</title></head><body><article><p>Jane Doe said \"hello, world,\" "
                       b"to the crowd. It was a long speech that went on</p><p>and on and <b>never",
        "truncated.html": _page("Cut Short")[:300],
        "nested-10000.html": ("<html><head><title>Deep</title></head><body>" + "<div>" * 10000 + paragraphs_html("deep")
                              + "</div>" * 10000 + "</body></html>").encode(),
        "nested-unclosed.html": ("<html><body>" + "<div><span>" * 5000 + paragraphs_html("unclosed")).encode(),
        "no-text.html": b"<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
        "truncated.warc": warc("cut")[: len(warc("cut")) - 400],
        "garbage-after-header.warc": warc("garbage")[:warc("garbage").index(b"HTTP/1.1") + 40] + b"\x00\xff" * 50,
        "not-a-warc.warc": b"this is not an archive\n" * 20,
        "truncated.warc.gz": gzip.compress(warc("gz"))[:-200],
        "missing-fields.rss": _rss([
            _rss_item(content=paragraphs_html("untitled")),  # no title, no link, no date
            _rss_item(title="Only a title"),  # nothing else
            _rss_item(title="Teaser", link="https://example.com/t", description="Short."),
            _rss_item(title="Bad date", link="https://example.com/d", date="yesterday-ish",
                      content=paragraphs_html("bad date")),
            "<item></item>",
        ]),
        "truncated.rss": _rss([_rss_item(title="Cut", link="https://example.com/c", content=paragraphs_html("cut"))])[:-120],
        "broken-lines.jsonl": b'{"url": "https://example.com/j", "text": "' + json.dumps(article("jsonl"))[1:-1].encode()
                              + b'"}\n{"url": 5}\n[1, 2]\n{"text": \n\xff\xfe\n{"html": ""}\n',
    }


def write_inputs(folder: Path, inputs: dict[str, bytes]) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, data in inputs.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


@pytest.fixture
def bad_inputs(tmp_path) -> dict[str, Path]:
    return write_inputs(tmp_path / "bad", small_bad_inputs())


def check_offsets(rec: dict) -> None:
    """Every span of one result (its JSON form) is inside the text, ordered, and says what the text says."""
    text = rec["text"]
    n = len(text)

    def inside(start, end, what):
        assert isinstance(start, int) and isinstance(end, int), what
        assert 0 <= start <= end <= n, f"{what} [{start}, {end}) outside the text of {n} characters"

    last = 0
    for p in rec["paragraphs"]:
        inside(p["start"], p["end"], "paragraph")
        assert p["start"] >= last, "paragraphs overlap or are out of order"
        last = p["end"]
    for q in rec["quotes"]:
        inside(q["start"], q["end"], f"quote {q['id']}")
        assert q["text"] == text[q["start"]:q["end"]], f"quote {q['id']} text is not the text at its offsets"
        for name in ("cue",):
            span = q.get(name)
            if span:
                inside(span["start"], span["end"], f"{name} of {q['id']}")
                assert span["text"] == text[span["start"]:span["end"]]
        mention = (q.get("speaker") or {}).get("mention")
        if mention:
            inside(mention["start"], mention["end"], f"speaker mention of {q['id']}")
            assert mention["text"] == text[mention["start"]:mention["end"]]
    for e in rec["entities"]:
        for m in e["mentions"]:
            inside(m["start"], m["end"], f"mention of {e['id']}")
    for r in rec["relations"]:
        inside(r["evidence"]["start"], r["evidence"]["end"], "relation evidence")


def quotegraph(*args: str, db: Path | None = None, timeout: float = 600, **kw) -> subprocess.CompletedProcess:
    """`python -m quotegraph ARGS` in a subprocess (the way a user runs it), with a timeout so a hang fails."""
    env = dict(os.environ)
    env.pop("QUOTEGRAPH_DB", None)
    if db is not None:
        env["QUOTEGRAPH_DB"] = str(db)
    return subprocess.run([sys.executable, "-m", "quotegraph", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, **kw)


def error_lines(stderr: str) -> list[str]:
    """The error lines a run printed; anything else on stderr (a traceback) fails the caller's checks."""
    return [line for line in stderr.splitlines() if line.strip()]


FIRST = ["Jane", "John", "Maria", "Ahmed", "Li", "Olga", "Pedro", "Grace", "Tom", "Nadia", "Ravi", "Eva"]
LAST = ["Doe", "Roe", "Garcia", "Khan", "Wei", "Petrova", "Silva", "Hopper", "Brown", "Haddad", "Patel", "Novak"]
TOPICS = ["bridge", "library", "school", "park", "hospital", "railway", "harbour", "museum"]


def corpus_article(i: int) -> str:
    """A small news article of our own, different for each i: a title, prose, direct and indirect quotes."""
    rng = random.Random(i)
    a, b = rng.sample(range(len(FIRST)), 2)
    speaker, other = f"{FIRST[a]} {LAST[a]}", f"{FIRST[b]} {LAST[b]}"
    topic = rng.choice(TOPICS)
    return (f"Council Backs New {topic.title()} Plan Number {i}\n\n"
            f"The town council voted on Monday to approve plan {i} for a new {topic}, after a long debate.\n\n"
            f"\u201cThis {topic} will serve everyone in the town for decades,\u201d said {speaker}, "
            f"the council leader. \u201cWe waited {i + 2} years for it.\u201d\n\n"
            f"{other}, who opposed the plan, said the cost of {i * 3 + 5} million was too high. "
            f"\u201cI am not convinced,\u201d {FIRST[b]} told reporters.\n\n"
            f"Work on the {topic} starts in the spring, {LAST[a]} said.\n")


def write_corpus(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        p = folder / f"article-{i:04d}.txt"
        p.write_text(corpus_article(i), encoding="utf-8")
        paths.append(p)
    return paths


def store_result(i: int):
    """A small ArticleResult written by hand (no extraction): one quote by Jane Doe, different for each i."""
    from quotegraph.result import ArticleResult, Entity, Mention, Quote, Speaker, Span

    text = f"Title {i}\n\n\u201cWe will build bridge {i},\u201d said Jane Doe.\n"
    q_start, q_end, name = text.index("We"), text.index(",\u201d") + 1, text.index("Jane Doe")
    return ArticleResult(
        source=f"a{i}.txt", text=text, title=f"Title {i}", published=f"2021-01-{i + 1:02d}",
        paragraphs=[Mention(text.index("\u201c"), len(text) - 1)],
        quotes=[Quote(id="q1", kind="direct", text=text[q_start:q_end], start=q_start, end=q_end,
                      speaker=Speaker("Jane Doe", "e1", Span(name, name + 8, "Jane Doe")),
                      cue=Span(text.index("said"), text.index("said") + 4, "said"))],
        entities=[Entity(id="e1", name="Jane Doe", type="person", mentions=[Mention(name, name + 8)])])


def children(pid: int) -> set[int]:
    """The processes `pid` started that are still its children (Linux /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def running(pid: int) -> bool:
    """The process exists and has not ended (a zombie waiting for its reaper has ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def stored_articles(db: Path) -> int:
    """Articles committed to the store so far (-1 while the store is not there yet or cannot be read)."""
    import sqlite3

    if not db.exists():
        return -1
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return -1


@pytest.fixture(scope="session")
def helpers():
    """This folder's helpers for its test modules (importlib mode puts no test folder on sys.path)."""
    from types import SimpleNamespace

    return SimpleNamespace(quotegraph=quotegraph, write_corpus=write_corpus, check_offsets=check_offsets,
                           error_lines=error_lines, small_bad_inputs=small_bad_inputs, write_inputs=write_inputs,
                           corpus_article=corpus_article, ARTICLE=ARTICLE, article=article, store_result=store_result,
                           children=children, running=running, stored_articles=stored_articles)
