"""`quotegraph check` finds each kind of damage and says it in one line; `quotegraph backup` writes whole
copies only. Stores are built from ArticleResults made by hand (no parse), then damaged on purpose."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys

import pytest



@pytest.fixture
def store(tmp_path, helpers):
    from quotegraph.kb import open_kb

    path = tmp_path / "kb.db"
    with open_kb(str(path)) as kb:
        for i in range(5):
            kb.add_result(helpers.store_result(i))
    return path


def damage(path, *statements: str) -> None:
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    for s in statements:
        conn.execute(s)
    conn.close()


def check(helpers, path, *extra):
    p = helpers.quotegraph("check", "--db", str(path), *extra, timeout=120)
    assert "Traceback" not in p.stderr, p.stderr
    lines = helpers.error_lines(p.stderr)
    assert all(line.startswith(f"quotegraph: error: {path}: ") for line in lines), lines
    return p.returncode, [line.split(f"{path}: ", 1)[1] for line in lines], p.stdout


def test_a_sound_store_checks_ok(store, helpers):
    code, problems, out = check(helpers, store)
    assert (code, problems) == (0, [])
    assert out.startswith(f"ok: {store} (5 articles, 5 quotes;")
    code, _, out = check(helpers, store, "--json")
    assert code == 0 and json.loads(out)["ok"] is True


DAMAGE = {
    "a quote deleted without its full-text entry": (
        ["DROP TRIGGER quotes_fts_delete",
         "DELETE FROM quotes WHERE id = (SELECT MIN(id) FROM quotes)",
         "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN "
         "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END"],
        ["full-text index", "full-text index entries for quotes that are gone"]),
    "an article deleted without its rows": (
        ["DELETE FROM articles WHERE id = (SELECT MIN(id) FROM articles)"],
        ["point at rows that do not exist", "quotes belong to nothing"]),
    "a quote past the end of its text": (
        ['UPDATE quotes SET "end" = 10000 WHERE id = (SELECT MIN(id) FROM quotes)'],
        ["1 quotes whose offsets fall outside their article's text"]),
    "a counter out of step": (
        ["UPDATE entities SET quote_count = quote_count + 3"],
        ["counts that disagree"]),
    "a newer schema": (["PRAGMA user_version = 99"], ["written by a newer quotegraph"]),
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_check_names_each_kind_of_damage_in_one_line(kind, store, helpers):
    statements, expected = DAMAGE[kind]
    damage(store, *statements)
    code, problems, _ = check(helpers, store)
    assert code == 1
    for words in expected:
        assert any(words in p for p in problems), (words, problems)


def test_check_reports_a_corrupt_page_a_cut_file_and_a_file_that_is_no_store(store, tmp_path, helpers):
    data = bytearray(store.read_bytes())
    page = 4096
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(bytes(data[:3 * page]) + b"\x55" * page + bytes(data[4 * page:]))
    code, problems, _ = check(helpers, corrupt)
    assert code == 1 and problems
    cut = tmp_path / "cut.db"
    cut.write_bytes(bytes(data[: len(data) // 2]))
    code, problems, _ = check(helpers, cut)
    assert code == 1 and problems
    text = tmp_path / "notes.db"
    text.write_text("not a database\n" * 100)
    assert check(helpers, text)[:2] == (1, ["not a readable SQLite database (file is not a database)"])
    other = tmp_path / "other.db"
    sqlite3.connect(str(other)).execute("CREATE TABLE t (x)").connection.close()
    code, problems, _ = check(helpers, other)
    assert code == 1 and problems[0].startswith("not a quotegraph knowledge base")


def test_check_of_a_missing_store_is_one_line_and_creates_nothing(tmp_path, helpers):
    missing = tmp_path / "none.db"
    p = helpers.quotegraph("check", "--db", str(missing))
    assert p.returncode == 1 and p.stderr.count("\n") == 1 and "no knowledge base" in p.stderr
    assert not missing.exists()


def test_check_does_not_migrate_an_old_store(store, helpers):
    damage(store, "PRAGMA user_version = 1")
    code, problems, _ = check(helpers, store)
    assert code == 1 and "older" in problems[0]
    conn = sqlite3.connect(str(store))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_backup_copies_a_store_that_checks_ok_and_refuses_to_overwrite(store, tmp_path, helpers):
    dest = tmp_path / "copy.db"
    p = helpers.quotegraph("backup", str(dest), "--db", str(store), "--json")
    assert p.returncode == 0, p.stderr
    report = json.loads(p.stdout)
    assert report["articles"] == 5 and report["quotes"] == 5
    assert check(helpers, dest)[:2] == (0, [])
    assert sorted(x.name for x in tmp_path.iterdir() if x.name.startswith(".")) == []  # no partial file left
    again = helpers.quotegraph("backup", str(dest), "--db", str(store))
    assert again.returncode == 1 and again.stderr == f"quotegraph: error: {dest} exists; back up to a new file\n"
    nowhere = helpers.quotegraph("backup", str(tmp_path / "no" / "x.db"), "--db", str(store))
    assert nowhere.returncode == 1 and "does not exist" in nowhere.stderr and "Traceback" not in nowhere.stderr


def test_backup_of_a_damaged_store_leaves_no_file(store, tmp_path, helpers):
    corrupt = tmp_path / "corrupt.db"
    shutil.copy(store, corrupt)
    data = bytearray(corrupt.read_bytes())
    corrupt.write_bytes(bytes(data[:4096]) + b"\x55" * (len(data) - 4096))
    dest = tmp_path / "copy.db"
    p = helpers.quotegraph("backup", str(dest), "--db", str(corrupt))
    assert p.returncode == 1 and "Traceback" not in p.stderr and len(helpers.error_lines(p.stderr)) == 1
    assert not dest.exists()
    assert [x.name for x in tmp_path.iterdir() if "partial" in x.name] == []


WRITER = """
import sqlite3, sys, time
w = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
while True:
    w.execute("INSERT INTO ballast VALUES (randomblob(100))")
    time.sleep(0.001)
"""


def _kb_backup(src: str, dest: str) -> None:
    from quotegraph.kb import open_kb

    with open_kb(src) as kb:
        kb.backup(dest)


def _maintenance_backup(src: str, dest: str) -> None:
    from quotegraph.kb.maintenance import backup_path

    backup_path(src, dest)


@pytest.mark.slow
@pytest.mark.parametrize("backup", [
    pytest.param(_kb_backup, id="KnowledgeBase.backup"),
    pytest.param(_maintenance_backup, id="quotegraph backup"),
])
def test_backup_of_a_large_store_finishes_while_a_writer_commits_every_few_ms(backup, store, tmp_path):
    import threading
    import time

    conn = sqlite3.connect(str(store), isolation_level=None)
    conn.execute("CREATE TABLE ballast (x BLOB)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO ballast VALUES (randomblob(4000))", [()] * 6000)  # 6,000 pages: six steps of 1024
    conn.execute("COMMIT")
    conn.close()
    finished: list[int] = []
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(store)])  # another process, as an ingest is
    try:
        time.sleep(0.3)
        copier = threading.Thread(target=lambda: (backup(str(store), str(tmp_path / "copy.db")), finished.append(1)))
        copier.start()
        copier.join(3)
        done_while_writing = bool(finished)
    finally:
        writer.kill()
        writer.wait()
        copier.join(60)
    assert done_while_writing


def test_knowledge_base_check_of_a_sound_store_opened_read_only_finds_nothing(store):
    from quotegraph.kb import open_kb

    with open_kb(str(store), readonly=True) as kb:
        assert kb.check() == []
