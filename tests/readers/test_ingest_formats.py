"""A WARC, a feed and a JSON Lines file built from the article-extraction pages ingest end to end."""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter

import pytest
from quotegraph.ingest import ingest

PAGES = 3


@pytest.fixture(scope="module")
def pages(shared):
    """The first few benchmark pages: (url, html bytes, ground-truth body)."""
    folder = shared / "data" / "article-extraction"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth)[:PAGES]:
        with gzip.open(folder / "html" / f"{key}.html.gz", "rb") as f:
            out.append((truth[key]["url"], f.read(), truth[key]["articleBody"]))
    return out


def _recall(truth: str, text: str) -> float:
    """Share of the true body's word 4-grams found in the text (the benchmark's unit)."""
    def grams(s):
        t = re.findall(r"\w+", s)
        return Counter(tuple(t[i:i + 4]) for i in range(max(0, len(t) - 3)))

    t, p = grams(truth), grams(text)
    return sum(min(n, p[g]) for g, n in t.items()) / max(1, sum(t.values()))


def _check_articles(kb, pages, by_url: bool = True):
    assert kb.stats().articles == len(pages)
    for url, _, body in pages:
        refs = [a for a in kb.articles(limit=100).items if a.url == url]
        assert refs, url
        rec = kb.article(refs[0].id)
        assert _recall(body, rec.text) > 0.5, url


def test_a_warc_of_benchmark_pages_ingests_end_to_end(nlp, kb, pages, tmp_path, warc_writer, counts):
    path = tmp_path / "pages.warc.gz"
    warc_writer(path, [(url, html, "text/html; charset=utf-8", 200) for url, html, _ in pages]
                + [("https://example.com/style.css", b"body{}", "text/css", 200)])
    summary = ingest(kb, [str(path)])
    assert (summary.new, summary.failed) == (len(pages), 0)
    _check_articles(kb, pages)
    before = counts(kb)
    again = ingest(kb, [str(path)])
    assert (again.new, again.unchanged) == (0, len(pages))
    assert counts(kb) == before


def test_a_feed_of_benchmark_pages_ingests_end_to_end(nlp, kb, pages, tmp_path, rss_feed):
    items = []
    for i, (url, html, _) in enumerate(pages):
        body = re.search(rb"<body[^>]*>(.*)</body>", html, re.S | re.I)
        items.append({"title": f"Item {i}", "link": url, "author": "Feed Writer", "date": "Tue, 19 Nov 2019 10:00:00 GMT",
                      "content": (body.group(1) if body else html).decode("utf-8", "replace")})
    path = tmp_path / "pages.rss"
    path.write_bytes(rss_feed(items))
    summary = ingest(kb, [str(path)])
    assert (summary.new, summary.failed) == (len(pages), 0)
    _check_articles(kb, pages)


def test_a_jsonl_file_of_pages_and_texts_ingests(nlp, kb, pages, tmp_path):
    path = tmp_path / "pages.jsonl"
    lines = [json.dumps({"url": url, "html": html.decode("utf-8", "replace")}) for url, html, _ in pages]
    lines.append(json.dumps({"url": "https://example.com/plain", "text": 'A Plain Story\n\n"We won," Jane Roe said.'}))
    lines.append("{broken")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = ingest(kb, [str(path)])
    assert (summary.new, summary.failed) == (len(pages) + 1, 1)
    assert f"{path}:{len(pages) + 2}" in summary.errors[0]
