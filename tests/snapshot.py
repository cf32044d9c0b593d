"""Extract's answers on the seeds and the PolNeAR dev texts, in a compact form that a test compares.

Speed work must keep the output identical; accuracy work changes it on purpose. After an intended
change, refresh the snapshot and commit it with the change:

    python tests/snapshot.py --update

The snapshot keeps, per article, the metadata, body paragraphs, quotes (kind, span, speaker name and
mention, cue, nesting), entities (name, type, mentions) and relations, not the text itself.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUOTEGRAPH_SHARED", ROOT.parent / "shared"))
SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "extract-seeds-dev.jsonl.gz"


def corpus() -> list[Path]:
    seeds = sorted((SHARED / "data" / "seeds").glob("*.txt"))
    dev = sorted((SHARED / "data" / "polnear" / "dev" / "text").glob("*.txt"))
    return seeds + dev


def digest(rec: dict) -> dict:
    """The parts of one extract record that the snapshot pins, keyed by the file's name."""
    def speaker(q):
        sp = q.get("speaker")
        if not sp:
            return None
        m = sp.get("mention")
        return [sp.get("name"), [m["start"], m["end"]] if m else None]

    return {
        "file": Path(rec["source"]).name,
        "meta": [rec.get("title"), rec.get("dek"), rec.get("authors"), rec.get("published")],
        "paragraphs": [[p["start"], p["end"]] for p in rec["paragraphs"]],
        "quotes": [[q["id"], q["kind"], q["start"], q["end"], speaker(q),
                    [q["cue"]["start"], q["cue"]["end"]] if q.get("cue") else None, q.get("nested_in")]
                   for q in rec["quotes"]],
        "entities": [[e["name"], e["type"], [[m["start"], m["end"]] for m in e["mentions"]]] for e in rec["entities"]],
        "relations": [[r["subject"], r["predicate"], r["object"], r.get("qualifier"),
                       [r["evidence"]["start"], r["evidence"]["end"]]] for r in rec["relations"]],
    }


def current() -> list[dict]:
    """Run `quotegraph extract` over the corpus as a user would and digest its output."""
    paths = [str(p) for p in corpus()]
    proc = subprocess.run([sys.executable, "-m", "quotegraph", "extract", "--format", "jsonl", *paths],
                          capture_output=True, text=True, check=True)
    return [digest(json.loads(line)) for line in proc.stdout.splitlines() if line.strip()]


def stored() -> list[dict]:
    with gzip.open(SNAPSHOT, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def write(records: list[dict]) -> None:
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical when nothing changed
    with open(SNAPSHOT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        for r in records:
            gz.write((json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true", help="write the current output as the snapshot")
    a = ap.parse_args()
    now = current()
    if a.update:
        write(now)
        print(f"wrote {SNAPSHOT.relative_to(ROOT)}: {len(now)} articles, {sum(len(r['quotes']) for r in now)} quotes")
        return
    old = {r["file"]: r for r in stored()}
    changed = [r["file"] for r in now if old.get(r["file"]) != r]
    print(f"{len(changed)} of {len(now)} articles differ from the snapshot" + (f": {', '.join(changed[:10])}" if changed else ""))
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
