"""Files, folders and globs -> inputs by format."""
from __future__ import annotations

import gzip
import os

from quotegraph.errors import InputError
from quotegraph.readers.walk import InputPath, expand_paths, format_by_name, read_documents


def _tree(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One.\n\nText.", encoding="utf-8")
    (tmp_path / "a" / "b" / "two.html").write_text("<html><body><p>Two.</p></body></html>", encoding="utf-8")
    (tmp_path / "a" / "b" / "feed.rss").write_text("<rss></rss>", encoding="utf-8")
    (tmp_path / "a" / "gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / ".git").mkdir()
    (tmp_path / "a" / ".git" / "x.txt").write_text("x", encoding="utf-8")
    with gzip.open(tmp_path / "a" / "three.html.gz", "wb") as f:
        f.write(b"<html><body><p>Three.</p></body></html>")
    return tmp_path / "a"


def test_folders_are_walked_recursively_by_format_skipping_hidden_and_unknown_files(tmp_path):
    root = _tree(tmp_path)
    found = [(os.path.relpath(p.path, root), p.format) for p in expand_paths([str(root)])]
    assert found == [("one.txt", "text"), ("three.html.gz", "html"), ("b/feed.rss", "feed"), ("b/two.html", "html")]


def test_paths_become_absolute(tmp_path, monkeypatch):
    root = _tree(tmp_path)
    monkeypatch.chdir(root)
    (item,) = expand_paths(["one.txt"])
    assert item.path == str(root / "one.txt")


def test_globs_expand_sorted_and_a_glob_that_matches_nothing_is_an_error(tmp_path):
    root = _tree(tmp_path)
    found = [os.path.basename(p.path) for p in expand_paths([str(root / "**" / "*.html")])]
    assert found == ["two.html"]
    (err,) = expand_paths([str(root / "*.warc")])
    assert isinstance(err, InputError) and "no files match" in str(err)


def test_missing_path_is_an_error_and_the_rest_goes_on(tmp_path):
    root = _tree(tmp_path)
    out = list(expand_paths([str(root / "nope.txt"), str(root / "one.txt")]))
    assert isinstance(out[0], InputError) and "no such file" in str(out[0])
    assert isinstance(out[1], InputPath)


def test_a_named_file_with_an_unknown_suffix_is_sniffed(tmp_path):
    page = tmp_path / "page.dat"
    page.write_bytes(b"<!DOCTYPE html><html><body>x</body></html>")
    feed = tmp_path / "feed.dat"
    feed.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')
    note = tmp_path / "note"
    note.write_bytes(b"Just some text.")
    assert [p.format for p in expand_paths([str(page), str(feed), str(note)])] == ["html", "feed", "text"]


def test_a_folder_of_parquet_tables_is_one_input(tmp_path):
    t = tmp_path / "out"
    for name in ("articles", "quotes", "entities", "relations"):
        (t / name).mkdir(parents=True)
    assert list(expand_paths([str(tmp_path)])) == [InputPath(str(t), "tables")]


def test_gzipped_html_is_read_as_html(tmp_path):
    root = _tree(tmp_path)
    (doc,) = read_documents(InputPath(str(root / "three.html.gz"), "html"))
    assert doc.media_type == "text/html" and b"Three" in doc.data


def test_format_by_name():
    assert format_by_name("X.WARC.GZ") == "warc"
    assert format_by_name("a.jsonl") == "jsonl"
    assert format_by_name("gold.json") is None
