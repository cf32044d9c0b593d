"""`quotegraph evaluate`: figures as tables, --errors one line each, --json, and a one-line error for a bad folder."""
from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from quotegraph.cli import app

ARTICLE = """Library Opens Its Doors

The new library opened on Monday. "Books are for everyone," said Ann Lee, the head librarian.

Subscribe to our newsletter
"""
GOLD = {"articles": {"library.txt": {
    "title": "Library Opens Its Doors",
    "not_body": ["Subscribe to our newsletter"],
    "quotes": [{"kind": "direct", "text": "Books are for everyone,", "speaker": "Ann Lee"},
               {"kind": "partial", "text": "a place to think", "speaker": "Ann Lee"}],
    "relations": [],
}}}


def gold_folder(tmp_path):
    (tmp_path / "library.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return str(tmp_path)


def invoke(*args):
    result = CliRunner().invoke(app, ["evaluate", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_tables_and_the_scorer_line(tmp_path, nlp):
    out = invoke(gold_folder(tmp_path))
    assert f"{tmp_path}  gold.json, 1 article\n" in out
    assert "extraction P R F1" in out and "attribution P R F1" in out
    assert "seeds: metadata 1/1, quotes found 1/2, " in out
    assert "error: see them with --errors" in out


def test_errors_one_line_each_naming_the_file(tmp_path, nlp):
    folder = gold_folder(tmp_path)
    out = invoke("--errors", folder)
    missed = f"{tmp_path / 'library.txt'}: missed partial quote 'a place to think'"
    assert missed in out.splitlines()


def test_json_report(tmp_path, nlp):
    folder = gold_folder(tmp_path)
    report = json.loads(invoke("--json", folder))
    f, = report["folders"]
    assert f["kind"] == "gold" and f["path"] == folder and f["quotes"] == [1, 2]
    assert "library.txt: missed partial quote 'a place to think'" in f["errors"]
    assert set(f["by_kind"]) == {"direct", "indirect", "nested"}
    assert f["by_kind"]["direct"]["gold"] == 2


def test_a_folder_without_answers_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "quotegraph", "evaluate", str(tmp_path)], capture_output=True, text=True)
    assert p.returncode == 1
    want = f"quotegraph: error: {tmp_path}: holds no gold.json and no brat .ann files, so there is nothing to score against"
    assert p.stderr.splitlines() == [want]


def test_help_explains_folders_and_figures():
    out = invoke("--help")
    for words in ("gold.json", "brat", "attributions/", "false quotes", "speakers right", "extraction P R F1"):
        assert words in out
