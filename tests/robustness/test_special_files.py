"""Inputs that are not regular files, names that are not plain text, and feed items that are not articles
(issue 17, faults 1, 2, 6 and 8): every one is refused or read within the limits, in one line that
names it, and the good files beside it are stored."""
from __future__ import annotations

import os
import sqlite3
import sys
import threading

import pytest

from quotegraph.errors import InputError
from quotegraph.ingest import ingest
from quotegraph.kb import open_kb
from quotegraph.readers import read_input
from quotegraph.readers.files import read_file
from quotegraph.readers.walk import expand_paths, read_documents

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


def _with_timeout(fn, seconds: float = 20):
    """fn() in a thread; fail (rather than hang the suite) when it does not return in time."""
    out: dict = {}

    def run():
        try:
            out["value"] = fn()
        except BaseException as e:  # noqa: BLE001 - handed to the test
            out["error"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"still reading after {seconds} s: it hangs"
    if "error" in out:
        raise out["error"]
    return out["value"]


@pytest.fixture
def special_folder(tmp_path, helpers):
    """A folder with one good article beside a FIFO, a link to /dev/zero and a link to a FIFO, all named .txt."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(helpers.article("good"), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink(folder / "pipe.txt", folder / "pipe-link.txt")
    return folder


@pytest.mark.parametrize("make", ["fifo", "dev-zero"])
def test_reading_a_fifo_or_device_is_refused_at_once_with_one_line(make, tmp_path):
    if make == "fifo":
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)
        kind = "named pipe"
    else:
        path, kind = "/dev/zero", "character device"
    for read in (lambda: read_input(str(path), 1_000_000), lambda: read_file(str(path), 1_000_000)):
        with pytest.raises(InputError) as e:
            _with_timeout(read)
        assert kind in str(e.value) and "\n" not in str(e.value) and str(path) in str(e.value)


def test_every_reader_refuses_a_fifo_without_hanging(tmp_path):
    for name in ("pipe.txt", "pipe.html.gz", "pipe.warc.gz", "pipe.jsonl", "pipe.rss", "pipe"):
        path = tmp_path / name
        os.mkfifo(path)
        entries = _with_timeout(lambda path=path: list(expand_paths([str(path)])))
        docs = _with_timeout(lambda entries=entries: [d for e in entries for d in read_documents(e)])
        assert len(docs) == 1 and isinstance(docs[0], InputError), (name, docs)
        assert "named pipe" in docs[0].reason, (name, docs[0])


def test_a_regular_file_is_never_read_past_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 5000)
    with pytest.raises(InputError, match="over the limit of 1,000"):
        read_input(str(path), 1000)
    assert read_input(str(path), 5000) == b"a" * 5000


def test_ingest_goes_past_fifos_and_devices_and_stores_the_good_file(special_folder, tmp_path):
    db = tmp_path / "kb.db"
    with open_kb(str(db)) as kb:
        summary = _with_timeout(lambda: ingest(kb, [str(special_folder)]), 120)
    assert summary.new == 1 and summary.failed == 3, summary
    assert all("not a regular file" in e for e in summary.errors), summary.errors
    conn = sqlite3.connect(db)
    assert [r[0] for r in conn.execute("SELECT source FROM articles")] == [str(special_folder / "good.txt")]


def test_cli_extract_and_ingest_refuse_dev_zero_and_fifos_in_one_line_each(special_folder, tmp_path, helpers):
    run = helpers.quotegraph("extract", "--max-bytes", "1000000", "/dev/zero", str(special_folder / "pipe.txt"),
                             timeout=120)
    assert run.returncode == 1
    lines = helpers.error_lines(run.stderr)
    assert len(lines) == 2 and all(line.startswith("quotegraph: error: ") for line in lines), run.stderr
    run = helpers.quotegraph("ingest", "--db", str(tmp_path / "cli.db"), "--quiet", "--json", str(special_folder),
                             timeout=180)
    assert run.returncode == 1, run.stderr
    assert len(helpers.error_lines(run.stderr)) == 3, run.stderr
    import json

    summary = json.loads(run.stdout)
    assert summary["new"] == 1 and summary["failed"] == 3


def test_a_file_name_that_is_not_utf8_is_stored_and_shown_escaped(tmp_path, helpers):
    folder = tmp_path / "names"
    folder.mkdir()
    raw_name = os.fsdecode(b"caf\xe9.txt")  # Latin-1 bytes: not UTF-8
    (folder / raw_name).write_text(helpers.article("latin"), encoding="utf-8")
    db = tmp_path / "kb.db"
    with open_kb(str(db)) as kb:
        summary = ingest(kb, [str(folder)])
        assert summary.new == 1 and summary.failed == 0, summary.errors
        (ref,) = kb.articles().items
    conn = sqlite3.connect(db)
    (source,) = conn.execute("SELECT source FROM articles").fetchone()
    assert source == str(folder) + "/caf\\xe9.txt"
    assert ref.source == source  # shown as stored: the undecodable byte as \xe9
    with open_kb(str(db)) as kb:  # the same name again is the same article
        assert ingest(kb, [str(folder)]).unchanged == 1


def test_a_newline_in_a_file_name_cannot_forge_a_second_error_line(tmp_path, helpers):
    folder = tmp_path / "forge"
    folder.mkdir()
    forged = "empty.txt\nquotegraph: error: forged.txt"
    (folder / forged).write_bytes(b"")
    run = helpers.quotegraph("extract", str(folder / forged), timeout=120)
    assert run.returncode == 1
    (line,) = helpers.error_lines(run.stderr)
    assert line.startswith("quotegraph: error: ") and "empty.txt\\nquotegraph: error: forged.txt" in line
    assert str(InputError(str(folder / forged), "empty")).count("\n") == 0


def test_feed_items_holding_only_a_teaser_are_counted_as_skipped_with_a_reason(tmp_path, helpers):
    from quotegraph.errors import Skipped
    from quotegraph.readers.feed import read_feed

    body = "".join(f"<p>{helpers.article('feed')}</p>" for _ in range(2))
    feed = ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            "<channel><title>Town</title>"
            f"<item><title>Full</title><link>https://example.com/full</link>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
            "<item><title>Teaser</title><link>https://example.com/teaser</link>"
            "<description>Read the rest on our site.</description></item>"
            "</channel></rss>")
    path = tmp_path / "town.rss"
    path.write_text(feed, encoding="utf-8")
    docs = list(read_feed(str(path)))
    assert len(docs) == 2 and isinstance(docs[1], Skipped)
    assert docs[1].source.endswith("#item-2") and "short description (26 characters)" in docs[1].reason
    with open_kb(str(tmp_path / "kb.db")) as kb:
        summary = ingest(kb, [str(path)])
    assert (summary.new, summary.skipped, summary.failed) == (1, 1, 0)
    run = helpers.quotegraph("ingest", "--db", str(tmp_path / "cli.db"), "--quiet", str(path), timeout=180)
    assert run.returncode == 1
    (line,) = helpers.error_lines(run.stderr)
    assert line.startswith("quotegraph: skipped: ") and "#item-2: skipped" in line
