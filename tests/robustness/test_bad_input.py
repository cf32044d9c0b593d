"""Bad input: each file gives a best-effort result or one line naming the file and the reason; never a traceback,
never a hang, and every offset inside the text. Through `quotegraph extract`, `quotegraph ingest` and the library."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pytest


@dataclass
class Expected:
    """What quotegraph does with one input: the reason it refuses it, or words and quotes its result holds."""

    error: str | None = None
    words: list[str] = field(default_factory=list)  # in the result's text (decoding went right)
    quotes: list[str] = field(default_factory=list)  # among the result's quote texts


BRIDGE = ["We have waited long enough,", "It will open next year."]

# Single articles (extract and ingest read these the same way).
EXPECTED = {
    "empty.txt": Expected(error="empty file"),
    "blank.txt": Expected(error="empty file"),
    "binary.txt": Expected(error="binary data"),
    "png-named-txt.txt": Expected(error="binary data"),
    "cp1252.txt": Expected(words=["Ren\u00e9e Dupr\u00e9", "\u2014"], quotes=["The caf\u00e9 stays open,"]),
    "latin1.txt": Expected(words=["Fran\u00e7ois M\u00fcller", "\u00bfQu\u00e9 pas\u00f3?"]),
    "utf16-bom.txt": Expected(words=["A Bridge for the Town le"], quotes=BRIDGE),
    "utf16-be-bom.txt": Expected(words=["A Bridge for the Town be"], quotes=BRIDGE),
    "utf8-bom.txt": Expected(words=["A Bridge for the Town bom"], quotes=BRIDGE),
    "mixed-endings.txt": Expected(words=["\r\n\r\n", "\r\r"], quotes=BRIDGE),
    "zero-width-bidi.txt": Expected(words=["\u202eJohn Roe\u202c"]),
    "emoji.txt": Expected(words=["\U0001F468\u200d\U0001F469\u200d\U0001F467"]),
    "unclosed-quotes.txt": Expected(words=["this never ends"]),
    "5000-quote-marks.txt": Expected(words=['"' * 5000]),
    "5000-mixed-marks.txt": Expected(),
    "long-run.txt": Expected(words=["It began with", "and ended."]),
    "broken.html": Expected(quotes=["hello, world,"]),
    "truncated.html": Expected(quotes=BRIDGE[:1]),
    "nested-10000.html": Expected(words=["river deep"], quotes=BRIDGE),
    "nested-unclosed.html": Expected(words=["river unclosed"], quotes=BRIDGE),
    "no-text.html": Expected(error="no article text found"),
}

# Archives, feeds and JSON Lines (ingest only): what each record or line gives, by the suffix of its source.
EXPECTED_PARTS = {
    # A record the file ends inside is reported, not stored as a fragment of its page.
    "truncated.warc": {"#0": Expected(quotes=BRIDGE), "#786": Expected(error="WARC record is cut short")},
    "garbage-after-header.warc": {"#0": Expected(error="WARC record is cut short")},
    "not-a-warc.warc": {"": Expected(error="WARC archive is damaged")},
    "truncated.warc.gz": {"#0": Expected(error="WARC record is cut short")},
    "missing-fields.rss": {"#item-1": Expected(words=["river untitled"], quotes=BRIDGE),
                           "#item-4": Expected(words=["river bad date"], quotes=BRIDGE)},
    "truncated.rss": {"#item-1": Expected(error="item is cut short")},
    "broken-lines.jsonl": {":1": Expected(quotes=BRIDGE), ":2": Expected(error='"url" must be a string'),
                           ":3": Expected(error="expected an object"), ":4": Expected(error="not valid JSON"),
                           ":5": Expected(error="not valid JSON"), ":6": Expected(error='no "html" or "text"')},
}


def check_against(expected: Expected, rec: dict | None, error: str | None, name: str, helpers) -> None:
    if expected.error:
        assert rec is None and error is not None, f"{name}: expected an error, got a result"
        assert expected.error in error, f"{name}: {error}"
        return
    assert error is None and rec is not None, f"{name}: expected a result, got {error}"
    helpers.check_offsets(rec)
    for w in expected.words:
        assert w in rec["text"], f"{name}: {w!r} not in the text"
    found = [q["text"] for q in rec["quotes"]]
    for q in expected.quotes:
        assert q in found, f"{name}: quote {q!r} not among {found}"


ERROR_LINE = re.compile(r"^quotegraph: (?P<level>error|skipped): (?P<source>.+?): (?P<reason>\S.*)$")


def parse_errors(stderr: str, level: str = "error") -> dict[str, str]:
    """{source: reason} of the errors (or, with level "skipped", the skipped inputs) in a run's stderr; every
    line must be a one-line error or skip."""
    assert "Traceback" not in stderr, stderr
    out = {}
    for line in stderr.splitlines():
        if not line.strip():
            continue
        m = ERROR_LINE.match(line)
        assert m, f"not a one-line error: {line!r}"
        if m["level"] == level:
            out[m["source"]] = m["reason"]
    return out


def test_extract_cli_gives_each_bad_file_a_result_or_a_one_line_error(bad_inputs, helpers):
    names = sorted(EXPECTED)
    paths = [str(bad_inputs[n]) for n in names]
    p = helpers.quotegraph("extract", "--format", "jsonl", *paths, timeout=600)
    assert p.returncode == 1  # some inputs are refused
    errors = parse_errors(p.stderr)
    records = {r["source"]: r for r in map(json.loads, p.stdout.splitlines())}
    for name, path in zip(names, paths):
        assert (path in records) != (path in errors), f"{name}: needs exactly one of a result and an error"
        check_against(EXPECTED[name], records.get(path), errors.get(path), name, helpers)


def test_ingest_cli_takes_every_bad_input_and_leaves_a_sound_store(bad_inputs, tmp_path, helpers):
    db = tmp_path / "bad.db"
    folder = bad_inputs["empty.txt"].parent
    p = helpers.quotegraph("ingest", "--db", str(db), "--json", str(folder), timeout=600)
    assert p.returncode == 1
    errors = parse_errors(p.stderr)
    for source in errors:
        assert source.startswith(str(folder)), source
    summary = json.loads(p.stdout)
    single_errors = sum(1 for e in EXPECTED.values() if e.error)
    part_errors = sum(1 for parts in EXPECTED_PARTS.values() for e in parts.values() if e.error)
    assert summary["failed"] == len(errors) == single_errors + part_errors
    skipped = parse_errors(p.stderr, "skipped")
    assert summary["skipped"] == len(skipped) and all(r.startswith("skipped: ") for r in skipped.values())
    assert summary["new"] == len(EXPECTED) - single_errors + sum(
        1 for parts in EXPECTED_PARTS.values() for e in parts.values() if not e.error)
    check = helpers.quotegraph("check", "--db", str(db))
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_library_reads_each_bad_file(name, bad_inputs, nlp, helpers):
    from quotegraph.errors import QuotegraphError
    from quotegraph.pipeline import ExtractionError, extract_documents
    from quotegraph.readers.files import read_file

    path = str(bad_inputs[name])
    try:
        raws = [read_file(path)]
    except QuotegraphError as e:
        return check_against(EXPECTED[name], None, str(e), name, helpers)
    ((raw, res),) = extract_documents(raws, nlp)
    assert not isinstance(res, ExtractionError), res  # an internal error is a bug, even when reported
    if isinstance(res, QuotegraphError):
        assert str(res).startswith(f"{path}: ")
        return check_against(EXPECTED[name], None, str(res), name, helpers)
    check_against(EXPECTED[name], res.to_dict(), None, name, helpers)


def _outcomes(path: str, nlp) -> dict[str, tuple[dict | None, str | None]]:
    """{source suffix: (result, error)} for every record, item or line of one input file."""
    from quotegraph.errors import InputError, Skipped
    from quotegraph.pipeline import ExtractionError, extract_documents
    from quotegraph.readers.walk import expand_paths, read_documents

    out: dict[str, tuple[dict | None, str | None]] = {}
    for entry in expand_paths([path]):
        docs = [entry] if isinstance(entry, InputError) else list(read_documents(entry))
        for d in docs:
            if isinstance(d, Skipped):  # not an article (a teaser): counted apart, see the ingest CLI test
                continue
            if isinstance(d, InputError):
                assert d.source.startswith(path)
                out[d.source[len(path):]] = (None, d.reason)
        for raw, res in extract_documents([d for d in docs if not isinstance(d, InputError)], nlp):
            assert not isinstance(res, ExtractionError), res
            key = raw.source[len(path):]
            out[key] = (None, res.reason) if isinstance(res, InputError) else (res.to_dict(), None)
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED_PARTS))
def test_library_reads_each_bad_archive_feed_and_jsonl(name, bad_inputs, nlp, helpers):
    path = str(bad_inputs[name].resolve())
    found = _outcomes(path, nlp)
    assert sorted(found) == sorted(EXPECTED_PARTS[name]), f"{name}: parts {sorted(found)}"
    for part, expected in EXPECTED_PARTS[name].items():
        check_against(expected, *found[part], f"{name}{part}", helpers)


@pytest.mark.parametrize("name", ["garbage-after-header.warc", "truncated.rss"])
def test_damage_that_is_skipped_silently_is_reported(name, tmp_path, nlp, helpers):
    inputs = helpers.small_bad_inputs()
    path = helpers.write_inputs(tmp_path, {name: inputs[name]})[name]
    assert _outcomes(str(path.resolve()), nlp), f"{name} gave neither a result nor an error"
