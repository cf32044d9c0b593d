"""JSON Lines: {"url", "html"} or {"url", "text"} per line; a bad line is reported by number."""
from __future__ import annotations

import gzip
import json

from quotegraph.errors import InputError
from quotegraph.readers.jsonl import read_jsonl


def test_html_and_text_lines_become_documents_and_bad_lines_errors(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join([
        json.dumps({"url": "https://example.com/1", "html": "<p>One</p>"}),
        "",
        json.dumps({"url": "https://example.com/2", "text": "Two."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://example.com/3"}),
    ]) + "\n", encoding="utf-8")
    out = list(read_jsonl(str(path)))
    docs = [d for d in out if not isinstance(d, InputError)]
    errors = [e for e in out if isinstance(e, InputError)]
    assert [(d.url, d.media_type) for d in docs] == [("https://example.com/1", "text/html"),
                                                     ("https://example.com/2", "text/plain")]
    assert docs[0].source == f"{path}:1"
    assert [e.source for e in errors] == [f"{path}:4", f"{path}:5", f"{path}:6"]


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"url": "u", "text": "Hello."}) + "\n")
    (doc,) = list(read_jsonl(str(path)))
    assert doc.data == b"Hello."


def test_an_overlong_line_is_refused_and_the_next_one_read(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"url": "a", "text": "x" * 5000}) + "\n" + json.dumps({"url": "b", "text": "ok"}) + "\n",
                    encoding="utf-8")
    out = list(read_jsonl(str(path), max_line_bytes=1000))
    assert isinstance(out[0], InputError) and "limit" in str(out[0])
    assert out[1].url == "b"
