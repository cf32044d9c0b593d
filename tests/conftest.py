"""Shared fixtures: the spaCy pipeline loaded once per session, and the shared data folder."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUOTEGRAPH_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def skip_unless_ci():
    """skip_unless_ci(reason): skip for a developer who lacks an optional tool; fail in CI (CI set), where
    `make test` installs every tool the suite needs, so a missing Java, pyspark or chromium never passes as a skip."""
    def _skip(reason: str) -> None:
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI must run this test)", pytrace=False)
        pytest.skip(reason)

    return _skip


@pytest.fixture(scope="session")
def nlp():
    from quotegraph.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"shared data folder {SHARED} is not there")
    return SHARED


@pytest.fixture
def extract_text(nlp):
    """Extract a small article of our own given as plain text."""
    from quotegraph import extract_text as _extract

    return _extract


def _blank_line_article(text: str, title: bool):
    from quotegraph.article import Article, Block

    blocks = []
    for i, m in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)):
        blocks.append(Block("title" if title and i == 0 else "body", m.start(), m.end()))
    return Article(source="<test>", text=text, blocks=blocks,
                   title=text[blocks[0].start:blocks[0].end] if title else None)


@pytest.fixture
def parse(nlp):
    """parse(text, title=False) -> ParsedArticle of a small article of our own (blank-line paragraphs);
    with title=True the first paragraph is the headline."""
    from quotegraph.nlp import parse_articles

    def _parse(text: str, title: bool = False):
        return next(parse_articles([_blank_line_article(text, title)], nlp))

    return _parse
