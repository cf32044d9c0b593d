"""What a new user meets first in the CLI: gzipped pages, indirect speech, help that reads cleanly, stats, a fast --help."""
from __future__ import annotations

import gzip
import os
import re
import resource
import statistics
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.cli.render import quote_words

PAGE = """<html><head><title>Harbour plan approved</title></head><body><article>
<h1>Harbour plan approved</h1>
<p>The council approved the harbour plan on Tuesday after a long debate about its cost to residents.</p>
<p>"We will start building in the spring," said Mayor Jane Holloway, who has backed the plan since 2019.</p>
<p>Opponents said the cost would fall on families who already pay too much for water and for rent.</p>
</article></body></html>"""

COMMANDS = ("extract", "ingest", "quotes", "person", "work", "show", "people", "works", "export", "merge", "split",
            "stats", "serve", "spark", "check", "backup")


def run(*args, input=None):
    return subprocess.run([sys.executable, "-m", "quotegraph", *args], capture_output=True, text=True, input=input,
                          env={**os.environ, "COLUMNS": "80"})


def test_extract_reads_a_gzipped_html_page_as_ingest_does(tmp_path, nlp):
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", str(page)])
    assert result.exit_code == 0, result.output
    assert '"title": "Harbour plan approved"' in result.stdout
    assert "We will start building in the spring," in result.stdout


def test_indirect_speech_prints_without_quotation_marks():
    assert quote_words("its positive impact", "indirect") == "its positive impact"
    assert quote_words("We will win,", "direct") == "“We will win,”"
    assert quote_words("a brilliant idea", "partial") == "“a brilliant idea”"


@pytest.mark.parametrize("command", ("", *COMMANDS))
def test_help_reads_cleanly(command):
    out = CliRunner().invoke(app, [*command.split(), "--help"], terminal_width=80).stdout
    assert "Usage: " in out
    assert not re.search(r"<(bool|str|int|float|list\[[^\]]*\])[^>]*>", out), out  # Python types as metavars
    assert "{" not in out.split("\n", 1)[0] and "...}..." not in out  # {PATH...}...
    assert not re.search(r"(?m)^\s*\.\s*$", out), out  # a line holding only "."
    assert "\\[" not in out
    assert not re.search(r"\w\.\.\.$", out.split("Commands:")[-1]) if not command else True  # no cut-off summaries


def test_top_level_help_lists_each_command_with_its_whole_first_sentence():
    out = CliRunner().invoke(app, ["--help"], terminal_width=80).stdout
    commands = out.split("Commands:")[1]
    assert "Verify a knowledge base: SQLite's integrity check, rows that point" in " ".join(commands.split())
    assert "counters." in commands  # the sentence runs to its end, not "..."
    assert not re.search(r"\w\.\.\.\s*$", commands, re.M)


def test_stats_prints_a_table_with_proper_plurals(tmp_path):
    from quotegraph.kb import open_kb
    from quotegraph.result import ArticleResult, Mention, Quote

    text = '"We will win," she said. "And soon," she added.'
    quotes = [Quote(id=f"q{i}", kind="direct", text=w, start=text.index(w), end=text.index(w) + len(w))
              for i, w in enumerate(("We will win,", "And soon,"))]
    with open_kb(str(tmp_path / "kb.db")) as kb:
        kb.add_result(ArticleResult(source="a.txt", text=text, paragraphs=[Mention(0, len(text))], quotes=quotes),
                      engine="test")
    out = CliRunner().invoke(app, ["stats", "--db", str(tmp_path / "kb.db")], terminal_width=80).stdout
    assert re.search(r"(?m)^\s*1\s+article\s*$", out), out
    assert re.search(r"(?m)^\s*2\s+quotes\s*$", out), out
    assert "\t" not in out and "articles\t" not in out


def _cpu_seconds(cmd: list[str]) -> float:
    """CPU time (user + system) of one run: load from other processes adds wall time, hardly CPU."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def test_top_level_help_costs_at_most_1_6_times_importing_typer_and_rich():
    """`quotegraph --help` imports no store, reader or NLP code (commands import the library when they run).
    Medians of 5 runs each, the two commands taking turns, so that a busy machine weighs on both alike."""
    cmd = [sys.executable, "-m", "quotegraph", "--help"]
    base_cmd = [sys.executable, "-c", "import typer, rich"]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)  # compiled bytecode in place first
    base, help_ = [], []
    for _ in range(5):
        base.append(_cpu_seconds(base_cmd))
        help_.append(_cpu_seconds(cmd))
    b, h = statistics.median(base), statistics.median(help_)
    assert h <= 1.6 * b, f"quotegraph --help {h:.3f} s CPU against import typer, rich {b:.3f} s ({h / b:.2f}x)"


def test_help_imports_none_of_the_library():
    code = ("import sys; sys.argv = ['quotegraph', '--help']\nfrom quotegraph.cli import main\ntry: main()\n"
            "except SystemExit: pass\nheavy = [m for m in ('pyarrow', 'spacy', 'quotegraph.kb.queries', "
            "'quotegraph.kb.store', 'quotegraph.readers', 'quotegraph.pipeline', 'rich.console', 'importlib.metadata') "
            "if m in sys.modules]\nprint('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert "HEAVY []" in out, out
