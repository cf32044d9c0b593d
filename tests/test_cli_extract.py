"""The extract command: formats, stdin, and one-line errors for bad input."""
from __future__ import annotations

import json
import subprocess
import sys

ARTICLE = """A Headline About Nothing

Jane Doe said the plan was sound. "We will build it this year," she said.
"""


def run(*args, input=None):
    return subprocess.run([sys.executable, "-m", "quotegraph", *args], capture_output=True, text=True, input=input)


def test_jsonl_from_stdin_has_the_contract_fields():
    p = run("extract", "--format", "jsonl", "-", input=ARTICLE)
    assert p.returncode == 0, p.stderr
    rec = json.loads(p.stdout.splitlines()[0])
    for key in ("source", "title", "dek", "authors", "published", "paragraphs", "quotes", "entities", "relations", "text"):
        assert key in rec
    assert rec["source"] == "-"
    q = [q for q in rec["quotes"] if q["kind"] == "direct"]
    assert q and rec["text"][q[0]["start"]:q[0]["end"]] == "We will build it this year,"


def test_missing_file_is_one_line_error(tmp_path):
    p = run("extract", str(tmp_path / "nope.txt"))
    assert p.returncode != 0
    assert p.stderr.strip().count("\n") == 0 and "nope.txt" in p.stderr and "no such file" in p.stderr
    assert "Traceback" not in p.stderr


def test_empty_and_binary_files_are_refused_with_reason(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    for path, reason in ((empty, "empty"), (binary, "binary")):
        p = run("extract", str(path))
        assert p.returncode != 0 and reason in p.stderr and "Traceback" not in p.stderr


def test_cp1252_text_is_decoded(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes("Caf\u00e9 Story\n\n\u201cIt works,\u201d said Ren\u00e9e Roe.\n".encode("cp1252"))
    p = run("extract", "--format", "jsonl", str(path))
    assert p.returncode == 0, p.stderr
    rec = json.loads(p.stdout)
    assert "Ren\u00e9e" in rec["text"] and "\u201cIt works,\u201d" in rec["text"]
