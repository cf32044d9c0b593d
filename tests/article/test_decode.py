"""Bytes to text: encodings are decoded, not rejected; empty and binary input is refused."""
from __future__ import annotations

import pytest

from quotegraph.article.decode import decode_html, decode_text, declared_charset
from quotegraph.errors import InputError

TEXT = "Caf\u00e9 Owner Speaks\r\n\n\u201cWe stay open,\u201d said Ren\u00e9e Lef\u00e8vre \u2014 na\u00efvely.\r"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_encodings_decode_to_the_same_text(encoding):
    assert decode_text(TEXT.encode(encoding), "x.txt") == TEXT


def test_latin1_bytes_decode():
    assert decode_text("Caf\u00e9 cr\u00e8me".encode("latin-1"), "x.txt") == "Caf\u00e9 cr\u00e8me"


def test_cp1252_undefined_byte_falls_back_to_latin1():
    assert decode_text(b"abc \x81 def", "x.txt") == "abc \x81 def"


def test_cyrillic_legacy_encoding_is_detected():
    text = "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0441\u043a\u0430\u0437\u0430\u043b, \u0447\u0442\u043e \u043f\u043b\u0430\u043d \u0431\u0443\u0434\u0435\u0442 \u0433\u043e\u0442\u043e\u0432 \u0432 \u043f\u044f\u0442\u043d\u0438\u0446\u0443.\n"
    assert decode_text(text.encode("cp1251"), "x.txt") == text


def test_line_endings_are_kept_as_read():
    assert decode_text(b"a\r\nb\rc\nd", "x.txt") == "a\r\nb\rc\nd"


@pytest.mark.parametrize("data", [b"", b"  \n\t ", "  \n".encode("utf-16")])
def test_empty_is_refused(data):
    with pytest.raises(InputError, match="empty"):
        decode_text(data, "x.txt")


@pytest.mark.parametrize("data", [bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n" + bytes(range(200)) * 3,
                                  b"PK\x03\x04" + b"\x00\x14\x00\x08" * 100])
def test_binary_is_refused(data):
    with pytest.raises(InputError, match="binary"):
        decode_text(data, "x.bin")


def test_error_names_the_source():
    with pytest.raises(InputError) as e:
        decode_text(b"", "some/file.txt")
    assert str(e.value).startswith("some/file.txt: ")


def test_html_declared_charset_is_used():
    page = '<html><head><meta charset="windows-1251"></head><body><p>\u041f\u0440\u0438\u0432\u0435\u0442</p></body></html>'
    assert decode_html(page.encode("cp1251"), "x.html") == page


def test_html_latin1_label_reads_as_windows_1252():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head>'
            '<body><p>\u201cQuoted\u201d caf\u00e9</p></body></html>')
    assert declared_charset(page.encode("cp1252")) == "cp1252"
    assert decode_html(page.encode("cp1252"), "x.html") == page


def test_html_with_wrong_declared_charset_still_decodes():
    page = '<html><head><meta charset="utf-8"></head><body><p>caf\u00e9</p></body></html>'
    assert decode_html(page.encode("cp1252"), "x.html") == page
