"""Shared fixtures: the spaCy pipeline loaded once per session, and the shared data folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUOTEGRAPH_SHARED", ROOT.parent / "shared"))


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
