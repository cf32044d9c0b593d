"""Faults: `quotegraph ingest` killed with SIGKILL, readers and a backup while it writes, two ingests at once.

Every test compares with a clean ingest of the same files: an article in the store must hold
exactly the quotes, entity mentions, relations and quote subjects the clean ingest gave it.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from quotegraph.ingest import ingest

pytestmark = pytest.mark.slow

N_ARTICLES = 48  # ingest extracts 16 at a time, then writes them in a burst (under a millisecond each when idle)
KILL_RUNS = 20  # half with --jobs 1, half with --jobs 2

PER_ARTICLE = """
SELECT a.key,
       (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id),
       (SELECT COUNT(*) FROM article_entities e WHERE e.article_id = a.id),
       (SELECT COUNT(*) FROM relations r WHERE r.article_id = a.id),
       (SELECT COUNT(*) FROM quote_about qa JOIN quotes q ON q.id = qa.quote_id WHERE q.article_id = a.id)
FROM articles a
"""


def article_counts(db: Path) -> dict[str, tuple[int, int, int, int]]:
    """{article key: (quotes, entity mentions, relations, quote subjects)}, read in one transaction."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return {r[0]: tuple(r[1:]) for r in conn.execute(PER_ARTICLE)}
    finally:
        conn.close()


def integrity(db: Path) -> list[str]:
    conn = sqlite3.connect(str(db), timeout=30)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def problems(db: Path) -> list[str]:
    from quotegraph.kb.maintenance import check_path

    return check_path(str(db)).problems


def whole_articles(found: dict, clean: dict) -> list[str]:
    """Articles whose rows differ from the clean ingest's (a half-written article would)."""
    return [key for key, counts in found.items() if clean.get(key) != counts]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, helpers) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    helpers.write_corpus(folder / "articles", N_ARTICLES)
    return folder / "articles"


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> dict[str, tuple[int, int, int, int]]:
    """Per-article counts of a clean, uninterrupted ingest of the corpus (in this process)."""
    from quotegraph.kb import open_kb

    db = tmp_path_factory.mktemp("clean") / "clean.db"
    with open_kb(str(db)) as kb:
        summary = ingest(kb, [str(corpus)])
    assert summary.failed == 0 and summary.new == N_ARTICLES
    counts = article_counts(db)
    assert len(counts) == N_ARTICLES and sum(c[0] for c in counts.values()) > N_ARTICLES
    return counts


def start_ingest(db: Path, *paths: Path, extra: tuple[str, ...] = ()) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "QUOTEGRAPH_DB"}
    return subprocess.Popen([sys.executable, "-m", "quotegraph", "ingest", "--db", str(db), "--quiet", "--json",
                             *extra, *map(str, paths)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)


def wait_for_growth(p: subprocess.Popen, db: Path, above: int, stored_articles, timeout: float = 120) -> None:
    """Return as soon as the store holds more than `above` articles (or the ingest ended)."""
    deadline = time.monotonic() + timeout
    while p.poll() is None and stored_articles(db) < 0 and time.monotonic() < deadline:
        time.sleep(0.005)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)  # one connection: polls cost microseconds
    try:
        while p.poll() is None and time.monotonic() < deadline:
            try:
                if conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] > above:
                    return
            except sqlite3.OperationalError:  # the schema is still being created
                pass
            time.sleep(0.0005)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def whole_run(corpus, tmp_path_factory) -> float:
    """Seconds the faster of an uninterrupted `quotegraph ingest --jobs 1` and `--jobs 2` of the corpus takes
    on this machine, start-up included (so the early kills fall inside a run however fast the machine is)."""
    folder = tmp_path_factory.mktemp("timed")
    took = []
    for jobs in (1, 2):
        began = time.monotonic()
        p = start_ingest(folder / f"jobs-{jobs}.db", corpus, extra=("--jobs", str(jobs)))
        _out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
        took.append(time.monotonic() - began)
    return min(took)


def _kill_moment(p: subprocess.Popen, db: Path, run: int, rng: random.Random, helpers, whole_run: float) -> str:
    """Wait for a random moment of this run and say which: any time in the first part of a run (start-up,
    store creation, the first extraction) for a few runs, else inside a burst of writes."""
    if run < 4:
        delay = rng.uniform(0.05, 0.7) * whole_run
        time.sleep(delay)
        return f"{delay:.2f} s after start (a whole run takes {whole_run:.2f} s)"
    grown = rng.randint(1, N_ARTICLES // 2)
    wait_for_growth(p, db, grown - 1, helpers.stored_articles)
    delay = rng.uniform(0, 0.002)
    time.sleep(delay)
    return f"{delay * 1000:.1f} ms after the store reached {grown} articles"


def test_sigkill_at_random_moments_loses_nothing_and_a_rerun_finishes(corpus, clean, whole_run, tmp_path, capsys,
                                                                     helpers):
    """KILL_RUNS ingests (--jobs 1 and --jobs 2 in turn) killed with SIGKILL at random moments; after each,
    the store passes check, every stored article is whole, no worker is left, and a re-run makes the store
    equal to a clean ingest's."""
    from quotegraph.kb import open_kb

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    sound, killed, log = 0, 0, []
    for run in range(KILL_RUNS):
        jobs = 1 + run % 2
        db = tmp_path / f"killed-{run}.db"
        p = start_ingest(db, corpus, extra=("--jobs", str(jobs)))
        moment = _kill_moment(p, db, run, rng, helpers, whole_run)
        workers = helpers.children(p.pid) if jobs > 1 else set()
        finished = p.poll() is not None
        if not finished:
            os.kill(p.pid, signal.SIGKILL)  # the parent alone: its workers must end by themselves
            killed += 1
        p.communicate(timeout=60)
        ends = time.monotonic() + 5
        while any(helpers.running(w) for w in workers) and time.monotonic() < ends:
            time.sleep(0.05)
        orphans = [w for w in workers if helpers.running(w)]
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        damage = [f"workers {orphans} outlived their parent"] if orphans else []
        found: dict = {}
        if helpers.stored_articles(db) >= 0:
            found = article_counts(db)
            damage += [*(["integrity: " + ", ".join(integrity(db))] if integrity(db) != ["ok"] else []),
                       *problems(db), *[f"half-written article {key}" for key in whole_articles(found, clean)]]
            with open_kb(str(db)) as kb:  # the re-run, in this process (its pipeline is loaded)
                rerun = ingest(kb, [str(corpus)])
            if rerun.failed or article_counts(db) != clean or problems(db):
                damage.append(f"the re-run did not give the clean ingest's store ({rerun.errors[:3]})")
        sound += not damage
        log.append(f"run {run + 1} (--jobs {jobs}): {'finished' if finished else 'killed'} {moment}: "
                   f"{len(found)} articles" + (f" - DAMAGED: {damage}" if damage else ""))
        for f in tmp_path.glob(f"killed-{run}.db*"):
            f.unlink()
    with capsys.disabled():
        print(f"\nkill test (seed {seed}): {killed} SIGKILLs, {sound} of {KILL_RUNS} runs sound after check and "
              f"re-run; " + "; ".join(log))
    assert sound == KILL_RUNS, log
    assert killed >= KILL_RUNS - 2, "the ingests finished before they could be killed: the test tested little"


def test_two_ingests_at_once_both_finish_without_duplicates(tmp_path, helpers):
    from quotegraph.kb import open_kb

    shared_folder = tmp_path / "shared"
    helpers.write_corpus(shared_folder, 6, start=100)
    only_a, only_b = tmp_path / "a", tmp_path / "b"
    helpers.write_corpus(only_a, 6, start=200)
    helpers.write_corpus(only_b, 6, start=300)
    reference = tmp_path / "reference.db"
    with open_kb(str(reference)) as kb:
        assert ingest(kb, [str(only_a), str(shared_folder), str(only_b)]).failed == 0
    clean = article_counts(reference)

    db = tmp_path / "both.db"
    first = start_ingest(db, only_a, shared_folder)
    second = start_ingest(db, shared_folder, only_b)
    outs = [p.communicate(timeout=600) for p in (first, second)]
    for p, (_out, err) in zip((first, second), outs):
        assert p.returncode == 0, err
        assert "Traceback" not in err
    assert integrity(db) == ["ok"]
    assert problems(db) == []
    assert article_counts(db) == clean, "the shared articles were stored twice or differently"




@pytest.fixture(scope="module")
def busy_store(corpus, tmp_path_factory, helpers):
    """One ingest, watched while it writes: library reads, a command-line read, and backups (one by the
    command line) taken meanwhile. Returns what each saw."""
    from quotegraph.kb import open_kb
    from quotegraph.kb.maintenance import backup_path

    folder = tmp_path_factory.mktemp("busy")
    db = folder / "busy.db"
    from quotegraph.kb.maintenance import check_path

    seen = {"reads": 0, "snapshots": [], "cli_reads": [], "copies": [], "checks": [], "errors": []}
    p = start_ingest(db, corpus)
    try:
        while p.poll() is None:
            if helpers.stored_articles(db) < 0:
                time.sleep(0.02)
                continue
            try:
                with open_kb(str(db), readonly=True) as kb:
                    kb.quotes(limit=20)
                    kb.people(limit=5)
                    kb.stats()
                seen["reads"] += 1
                seen["snapshots"].append(article_counts(db))  # one read transaction
                if not seen["cli_reads"] and seen["snapshots"][-1]:
                    seen["cli_reads"].append(helpers.quotegraph("quotes", "--json", "--limit", "5", db=db))
                if not seen["checks"] and seen["snapshots"][-1]:
                    seen["checks"].append(check_path(str(db)).problems)
                if len(seen["copies"]) < 3 and seen["snapshots"][-1]:
                    dest = folder / f"copy-{len(seen['copies'])}.db"
                    if len(seen["copies"]) == 1:
                        out = helpers.quotegraph("backup", str(dest), "--db", str(db))
                        assert out.returncode == 0, out.stderr
                    else:
                        backup_path(str(db), str(dest))
                    seen["copies"].append(dest)
            except Exception as e:  # noqa: BLE001 - every failure of a reader is what the tests report
                seen["errors"].append(repr(e))
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate(timeout=300)
    seen["returncode"], seen["stderr"], seen["db"] = p.returncode, err, db
    return seen


def test_readers_keep_working_and_see_whole_articles_while_an_ingest_writes(busy_store, clean):
    assert busy_store["returncode"] == 0, busy_store["stderr"]
    assert busy_store["errors"] == []
    assert busy_store["reads"] >= 3
    (cli,) = busy_store["cli_reads"]
    assert cli.returncode == 0 and "Traceback" not in cli.stderr, cli.stderr
    sizes = []
    for snapshot in busy_store["snapshots"]:
        assert not whole_articles(snapshot, clean), "a reader saw a half-written article"
        sizes.append(len(snapshot))
    assert sizes == sorted(sizes), "readers saw committed articles disappear"
    assert sizes[0] < N_ARTICLES, "every read came after the ingest had finished"
    assert article_counts(busy_store["db"]) == clean


def test_check_while_an_ingest_writes_finds_nothing_wrong(busy_store):
    assert busy_store["checks"] == [[]]


def test_backup_while_an_ingest_writes_is_a_consistent_copy(busy_store, clean, tmp_path):
    from quotegraph.kb.maintenance import backup_path

    assert busy_store["copies"], "the ingest finished before a backup could be taken"
    sizes = []
    for copy in busy_store["copies"]:
        assert integrity(copy) == ["ok"]
        assert problems(copy) == []
        found = article_counts(copy)
        assert not whole_articles(found, clean), f"{copy.name} holds a half-written article"
        sizes.append(len(found))
    assert sizes == sorted(sizes)
    final = tmp_path / "final.db"
    backup_path(str(busy_store["db"]), str(final))
    assert article_counts(final) == clean
