"""The benchmark corpus: the 840 articles of PolNeAR's train split, and larger corpora made by repeating it."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUOTEGRAPH_SHARED", ROOT.parent / "shared"))
DEFAULT_CORPUS = SHARED / "data" / "polnear" / "train" / "text"


def corpus_files(folder: str | Path | None = None) -> list[Path]:
    """The corpus's article files, sorted, so every run reads the same texts in the same order."""
    folder = Path(folder) if folder else DEFAULT_CORPUS
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"bench: no .txt articles in {folder} (set QUOTEGRAPH_SHARED or pass --corpus)")
    return files


def repeated_corpus(files: list[Path], times: int, out: Path) -> Path:
    """`times` copies of the corpus in one folder. Every copy after the first ends with a line naming
    the copy, so each file is a different article to the store (a byte-identical copy would be
    stored once, as a duplicate, and the store would not grow). Made once and reused."""
    done = out / ".complete"
    if done.exists() and done.read_text() == f"{files[0].parent} {len(files) * times}":
        return out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for k in range(times):
        for f in files:
            data = f.read_bytes()
            if k:
                data = data.rstrip(b"\n") + f"\n\n(Copy {k + 1} of this article.)\n".encode()
            (out / f"c{k + 1:02d}-{f.name}").write_bytes(data)
    done.write_text(f"{files[0].parent} {len(files) * times}")
    return out
