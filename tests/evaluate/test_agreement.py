"""quotegraph.evaluate gives the shared scorers' figures, every one, on the same build: seeds.py on the seeds and
on quotes-dev, polnear.py on PolNeAR dev. The scorers run as subprocesses over this checkout's code (PYTHONPATH),
so the comparison holds whatever extraction scores today; no figure is written down here."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import quotegraph

ROOT = Path(__file__).resolve().parents[2]
EXTRACT = f"{sys.executable} -m quotegraph extract --format jsonl"


def _scorer(shared: Path, script: str, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    return subprocess.Popen([sys.executable, str(shared / "eval" / script), "--cmd", EXTRACT, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def _finish(proc: subprocess.Popen) -> tuple[int, str]:
    out, err = proc.communicate(timeout=600)
    assert out.strip(), f"the scorer printed nothing (exit {proc.returncode}): {err[-2000:]}"
    return proc.returncode, out


@pytest.mark.parametrize("folder", ["seeds", "quotes-dev"])
def test_gold_folder_agrees_with_seeds_scorer(shared, folder):
    data = shared / "data" / folder
    proc = _scorer(shared, "seeds.py", "--data", str(data))
    report, = quotegraph.evaluate(str(data)).folders
    code, out = _finish(proc)
    *problems, summary = out.splitlines()
    assert report.kind == "gold"
    assert report.summary() == summary                     # metadata, quotes, speakers, relations, entities ...
    assert [str(p) for p in report.problems] == problems   # every error, in the scorer's order
    assert report.ok == (code == 0)
    # the per-kind figures add up to the scorer's totals
    assert sum(s.gold for s in report.by_kind.values()) == report.quotes.total
    assert sum(s.found for s in report.by_kind.values()) == report.quotes.right
    assert sum(s.speakers_right for s in report.by_kind.values()) == report.speakers.right
    assert sum(s.false_quotes for s in report.by_kind.values()) == report.false_quotes


def test_polnear_dev_agrees_with_polnear_scorer(shared):
    # the scorer's own extraction runs beside the in-process one, so the test costs one pass of wall time
    proc = _scorer(shared, "polnear.py", "--data", str(shared / "data" / "polnear"), "--split", "dev")
    report, = quotegraph.evaluate(str(shared / "data" / "polnear" / "dev")).folders
    code, out = _finish(proc)
    assert code == 0
    body, summary = out.rstrip("\n").rsplit("\n", 1)
    want = json.loads(body)
    got = report.to_dict()
    assert report.kind == "brat"
    assert (got["docs"], got["chars"]) == (want["docs"], want["chars"])
    for kind in ("direct", "indirect"):
        for key in ("pred", "gold", "extract_prf", "attrib_prf", "speaker_acc_on_found"):
            assert got[kind][key] == want[kind][key], (kind, key)
    assert summary.startswith(report.summary() + "; ")
