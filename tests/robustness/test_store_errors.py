"""The command line on stores that are damaged, read-only, on a read-only filesystem or no store at all, and on
numbers and dates it cannot use (issue 17, faults 5, 7 and 8): one line each, never a traceback, and a read
writes nothing."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quotegraph.kb import open_kb

BIG = str(2**64)


def build_store(path: Path, helpers) -> Path:
    with open_kb(str(path)) as kb:
        for i in range(5):
            kb.add_result(helpers.store_result(i))
    return path


@pytest.fixture
def store(tmp_path, helpers) -> Path:
    return build_store(tmp_path / "kb.db", helpers)


def damage_pages(path: Path, *tables: str) -> None:
    """Overwrite the root pages of `tables` with noise: the store opens, and reading those tables fails."""
    conn = sqlite3.connect(str(path))
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    roots = [conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0] for t in tables]
    conn.close()
    assert not Path(f"{path}-wal").exists()  # all in the file itself
    with open(path, "r+b") as f:
        for root in roots:
            f.seek((root - 1) * page)
            f.write(b"\x55" * page)


def one_line_error(run: subprocess.CompletedProcess, *words: str) -> str:
    assert run.returncode == 1, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert lines and all(line.startswith("quotegraph: error: ") for line in lines), run.stderr
    for w in words:
        assert w in lines[-1], (w, lines[-1])
    return lines[-1]


@pytest.mark.parametrize("command", [["stats"], ["export", "--format", "jsonl"], ["quotes"], ["people"],
                                     ["ingest", "--quiet"]])
def test_commands_on_a_store_with_damaged_pages_give_one_line(command, store, tmp_path, helpers):
    damage_pages(store, "articles", "quotes", "entities", "raw_documents")
    extra: list[str] = []
    if command[0] == "export":
        extra = ["--out", str(tmp_path / "out")]
    if command[0] == "ingest":
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "new.txt").write_text(helpers.article("damaged"), encoding="utf-8")
        extra = [str(tmp_path / "in")]
    one_line_error(helpers.quotegraph(*command, "--db", str(store), *extra, timeout=300), "malformed")


@pytest.mark.parametrize("command", [["show", BIG], ["person", f"#{BIG}"], ["work", f"#{BIG}"],
                                     ["quotes", "--offset", str(2**63)], ["people", "--offset", str(2**63)],
                                     ["works", "--offset", BIG], ["merge", f"#{BIG}", "#1"], ["merge", "#1", f"#{BIG}"],
                                     ["person", "Jane Doe", "--offset", BIG]])
def test_numbers_past_2_63_are_one_line_errors(command, store, helpers):
    one_line_error(helpers.quotegraph(*command, "--db", str(store), timeout=120))


@pytest.mark.parametrize("value", ["2021-13", "2021-00", "0000", "2021-02-30", "2021-1", "21", "last tuesday",
                                   "2021-02-03T04:05"])
def test_a_date_is_refused_alike_by_the_cli_and_the_api(value, store, helpers):
    from fastapi.testclient import TestClient

    from quotegraph.settings import Settings
    from quotegraph.web import create_app

    line = one_line_error(helpers.quotegraph("quotes", "--since", value, "--db", str(store), timeout=120))
    assert f"cannot read the date {value!r}" in line
    with TestClient(create_app(Settings(db=str(store)))) as client:
        r = client.get("/api/quotes", params={"until": value})
        assert r.status_code == 400 and f"cannot read the date {value!r}" in r.json()["detail"]
        assert "cannot read the date" in client.get("/", params={"q": "bridge", "since": value}).text


@pytest.mark.parametrize("value", ["2021", "2021-02", "2021-02-28", "2020-02-29"])
def test_a_real_date_is_read_alike_by_the_cli_and_the_api(value, store, helpers):
    from fastapi.testclient import TestClient

    from quotegraph.settings import Settings
    from quotegraph.web import create_app

    run = helpers.quotegraph("quotes", "--since", value, "--json", "--db", str(store), timeout=120)
    assert run.returncode == 0, run.stderr
    with TestClient(create_app(Settings(db=str(store)))) as client:
        assert client.get("/api/quotes", params={"since": value}).status_code == 200


def test_stats_on_an_empty_file_writes_nothing_and_agrees_with_check(tmp_path, helpers):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for command in ("stats", "quotes", "people"):
        one_line_error(helpers.quotegraph(command, "--db", str(empty), timeout=120), "not a quotegraph knowledge base")
        assert empty.stat().st_size == 0
    check = helpers.quotegraph("check", "--db", str(empty), timeout=120)
    assert check.returncode == 1 and "not a quotegraph knowledge base" in check.stderr
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]  # no -wal or -shm left either


# -- a read-only filesystem --------------------------------------------------------------------------

RO_MOUNT = """d="$1"; shift; mount --bind "$d" "$d" && mount -o remount,bind,ro "$d" && exec "$@" """


def _can_mount_read_only(tmp_path: Path) -> bool:
    if not shutil.which("unshare") or not sys.platform.startswith("linux"):
        return False
    probe = tmp_path / "probe"
    probe.mkdir()
    run = subprocess.run(["unshare", "-rm", "sh", "-c", RO_MOUNT, "sh", str(probe), "sh", "-c",
                          f"touch {probe}/x 2>/dev/null && echo writable || echo read-only"],
                         capture_output=True, text=True, timeout=60)
    probe.rmdir()
    return run.stdout.strip() == "read-only"


def on_read_only_filesystem(folder: Path, *argv: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """argv run where `folder` is a read-only mount (its own mount namespace; the folder stays as it is here)."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "QUOTEGRAPH_DB"}
    return subprocess.run(["unshare", "-rm", "sh", "-c", RO_MOUNT, "sh", str(folder), *argv], capture_output=True,
                          text=True, timeout=timeout, env=env)


@pytest.fixture
def read_only_store(tmp_path, helpers) -> Path:
    if not _can_mount_read_only(tmp_path):
        pytest.skip("needs unshare and a mount namespace to make a read-only filesystem")
    folder = tmp_path / "ro"
    folder.mkdir()
    store = build_store(folder / "kb.db", helpers)
    conn = sqlite3.connect(str(store))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert sorted(p.name for p in folder.iterdir()) == ["kb.db"]  # a WAL store without its -shm
    return store


def test_a_wal_store_on_a_read_only_filesystem_is_read_by_check_stats_and_serve(read_only_store):
    folder = read_only_store.parent
    qg = [sys.executable, "-m", "quotegraph"]
    run = on_read_only_filesystem(folder, *qg, "check", "--db", str(read_only_store))
    assert run.returncode == 0 and run.stdout.startswith("ok:"), run.stderr
    run = on_read_only_filesystem(folder, *qg, "stats", "--json", "--db", str(read_only_store))
    assert run.returncode == 0 and '"articles": 5' in run.stdout, run.stderr
    serve = ("import sys; from fastapi.testclient import TestClient; from quotegraph.settings import Settings; "
             "from quotegraph.web import create_app; c = TestClient(create_app(Settings(db=sys.argv[1]))); "
             "r = c.get('/api/stats'); print(r.status_code, r.json()['articles']); print(c.get('/').status_code)")
    run = on_read_only_filesystem(folder, sys.executable, "-c", serve, str(read_only_store))
    assert run.stdout.split() == ["200", "5", "200"], run.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["kb.db"]


def test_merge_on_a_read_only_store_is_one_line(read_only_store):
    run = on_read_only_filesystem(read_only_store.parent, sys.executable, "-m", "quotegraph", "merge", "#1", "#2",
                                  "--db", str(read_only_store))
    one_line_error(run, "cannot be written")


@pytest.mark.parametrize("command", [["stats"], ["quotes"], ["check"]])
def test_a_store_path_holding_a_newline_cannot_forge_a_second_error_line(command, tmp_path):
    forged = str(tmp_path / "none\nquotegraph: error: forged.db")
    run = subprocess.run([sys.executable, "-m", "quotegraph", *command, "--db", forged], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert len([line for line in run.stderr.splitlines() if line.strip()]) == 1, run.stderr
    assert "\\n" in run.stderr  # the newline shown escaped, inside the one line
