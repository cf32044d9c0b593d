"""Worker processes end with their parent, however it dies (issue 17, fault 3)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads children from /proc")


@pytest.mark.parametrize("moment", ["while loading", "while extracting"])
def test_workers_end_soon_after_their_parent_is_killed_with_sigkill(moment, tmp_path, helpers):
    corpus = tmp_path / "articles"
    helpers.write_corpus(corpus, 200)
    env = {k: v for k, v in os.environ.items() if k != "QUOTEGRAPH_DB"}
    p = subprocess.Popen([sys.executable, "-m", "quotegraph", "ingest", "--db", str(tmp_path / "kb.db"), "--quiet",
                          "--jobs", "2", str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                         start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline and p.poll() is None:
            workers = helpers.children(p.pid)
            time.sleep(0.02)
        assert len(workers) >= 2, "the ingest never started its workers"
        if moment == "while extracting":  # the store has articles: the workers have been given batches
            db = tmp_path / "kb.db"
            while time.monotonic() < deadline and p.poll() is None and helpers.stored_articles(db) < 1:
                time.sleep(0.05)
        assert p.poll() is None, "the ingest finished before it could be killed"
        os.kill(p.pid, signal.SIGKILL)
        p.wait(timeout=30)
        ends = time.monotonic() + 5
        while any(helpers.running(w) for w in workers) and time.monotonic() < ends:
            time.sleep(0.05)
        left = [w for w in workers if helpers.running(w)]
        assert not left, f"workers {left} outlived their parent by 5 s"
    finally:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

