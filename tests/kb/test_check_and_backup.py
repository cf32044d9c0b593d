"""KnowledgeBase.check and .backup are the same code as `quotegraph check` / `backup` (kb.maintenance):
they only read, so they work, and find the same damage, whether the store is open for writing or not."""
from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest

from quotegraph.errors import StoreError
from quotegraph.kb import open_kb
from quotegraph.kb.maintenance import check_path


def _stored(tmp_path, park_articles) -> str:
    path = str(tmp_path / "kb.db")
    with open_kb(path) as kb:
        for a in park_articles:
            kb.add_result(a)
    return path


def _change_a_quote_behind_the_index(path: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER quotes_fts_update")
    conn.execute("UPDATE quotes SET text = 'words the index never saw' WHERE id = (SELECT MIN(id) FROM quotes)")
    conn.close()


@pytest.mark.parametrize("readonly", [True, False], ids=["read-only", "writable"])
def test_check_finds_a_full_text_index_out_of_step_however_the_store_is_open(tmp_path, park_articles, readonly):
    path = _stored(tmp_path, park_articles)
    with open_kb(path, readonly=readonly) as kb:
        assert kb.check() == []
    _change_a_quote_behind_the_index(path)
    with open_kb(path, readonly=readonly) as kb:
        (problem,) = kb.check()
        assert problem.startswith("the full-text index is out of step with the quotes")
        assert kb.conn.execute("SELECT COUNT(*) FROM temp.sqlite_master").fetchone()[0] == 0
    assert check_path(path).problems == [problem]  # `quotegraph check` says the same


def test_check_writes_nothing_to_the_store(tmp_path, park_articles):
    path = _stored(tmp_path, park_articles)
    with open_kb(path) as kb:
        kb.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    assert check_path(path).ok
    assert hashlib.sha256(open(path, "rb").read()).hexdigest() == digest
    assert os.path.getsize(path + "-wal") == 0


def test_a_store_in_memory_checks_and_backs_up_too(tmp_path, park_articles, counts):
    kb = open_kb(":memory:")
    for a in park_articles:
        kb.add_result(a)
    assert kb.check() == []
    dest = kb.backup(str(tmp_path / "copy.db"))
    with open_kb(dest) as copy:
        assert counts(copy) == counts(kb) and copy.check() == []
    with pytest.raises(StoreError, match="exists"):
        kb.backup(dest)
    kb.close()
