"""Helpers for the entity tests."""
from __future__ import annotations

import pytest
from quotegraph.entities import find_entities


@pytest.fixture
def entity_types(parse):
    """entity_types(text) -> {name: type} of every entity find_entities gives on a small article of our own."""

    def types(text: str) -> dict[str, str]:
        return {e.name: e.type for e in find_entities(parse(text))}

    return types
