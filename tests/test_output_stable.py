"""Extract's output on the seeds and the PolNeAR dev texts equals the committed snapshot.

Guards speed work (which must not change answers) and makes every change of answers deliberate:
refresh with `python tests/snapshot.py --update` and commit the new snapshot with the change.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("snapshot", Path(__file__).with_name("snapshot.py"))
snapshot = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(snapshot)


def test_extract_output_equals_snapshot():
    if not snapshot.corpus():
        pytest.skip(f"no seeds or PolNeAR dev texts under {snapshot.SHARED}")
    now = snapshot.current()
    old = {r["file"]: r for r in snapshot.stored()}
    assert sorted(old) == sorted(r["file"] for r in now), "the snapshot covers other files than the corpus"
    for rec in now:
        before = old[rec["file"]]
        for part in ("meta", "paragraphs", "quotes", "entities", "relations"):
            assert rec[part] == before[part], (
                f"{rec['file']}: {part} changed; if intended, run python tests/snapshot.py --update")


def test_digest_keeps_what_the_contract_scores():
    rec = {"source": "/x/a.txt", "title": "T", "dek": None, "authors": ["A B"], "published": "2021-01-02T18:49",
           "paragraphs": [{"start": 3, "end": 9}],
           "quotes": [{"id": "q1", "kind": "direct", "start": 4, "end": 8, "nested_in": None,
                       "speaker": {"name": "A B", "entity": "e1", "mention": {"start": 0, "end": 3, "text": "A B"}},
                       "cue": {"start": 9, "end": 13, "text": "said"}}],
           "entities": [{"id": "e1", "name": "A B", "type": "person", "mentions": [{"start": 0, "end": 3}]}],
           "relations": [{"subject": "A B", "predicate": "plays", "object": "C", "qualifier": "W",
                          "evidence": {"start": 0, "end": 13}}]}
    d = snapshot.digest(rec)
    assert d["file"] == "a.txt"
    assert d["quotes"] == [["q1", "direct", 4, 8, ["A B", [0, 3]], [9, 13], None]]
    assert d["relations"] == [["A B", "plays", "C", "W", [0, 13]]]
