"""Reading article files: HTML or text by name or content, and clear errors for what cannot be read."""
from __future__ import annotations

import pytest

from quotegraph.errors import InputError
from quotegraph.readers.files import read_file, sniff_media_type


@pytest.mark.parametrize("name, data", [
    ("a.html", b"Title\n\nJust text"),
    ("a.txt", b"<!-- saved page -->\n<!DOCTYPE html><html><body>x</body></html>"),
    ("a", "<html><body>x</body></html>".encode("utf-16")),
    ("a", "<html><body>x</body></html>".encode("utf-16-le")),
    ("a", b"\xef\xbb\xbf<html><body>x</body></html>"),
    ("a", b"  <body><p>x</p></body>"),
])
def test_html_by_name_or_content(name, data):
    assert sniff_media_type(name, data) == "text/html"


def test_text_mentioning_a_tag_is_text():
    assert sniff_media_type("a.txt", b"How To Write <html>\n\nThe <html> tag opens a page.") == "text/plain"


def test_read_file_gives_bytes_and_media_type(tmp_path):
    p = tmp_path / "page.htm"
    p.write_bytes(b"<p>hi</p>")
    raw = read_file(str(p))
    assert raw.media_type == "text/html" and raw.data == b"<p>hi</p>" and raw.source == str(p)


def test_missing_folder_and_oversize_inputs_are_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_file(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a folder"):
        read_file(str(tmp_path))
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 100)
    with pytest.raises(InputError, match="over the limit"):
        read_file(str(big), max_bytes=10)
