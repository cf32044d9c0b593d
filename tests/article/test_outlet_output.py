"""The outlet an article names reaches what `quotegraph extract` prints and what the store keeps."""
from __future__ import annotations

from rich.console import Console

from quotegraph.cli.render import print_result
from quotegraph.result import ArticleResult


def test_byline_line_printed_by_extract_carries_the_outlet():
    res = ArticleResult(source="x.txt", text="Storm\n\nRain.\n", title="Storm", authors=["Ann Poe"],
                        published="2024-01-02", outlet="Example Gazette")
    console = Console(record=True, width=120, highlight=False)
    print_result(res, console)
    assert "Ann Poe · Example Gazette · 2024-01-02 · x.txt" in console.export_text()
