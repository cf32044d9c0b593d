"""Where `quotegraph extract` spends its time, stage by stage, next to a bare nlp.pipe pass of the same texts.

    python bench/profile_extract.py [--limit N] [--cprofile] [--json OUT]

Runs, in this one process and after one model load: (1) the extract command's path (read_file,
extract_documents, the JSON of each result), with each stage of quotegraph.pipeline timed by
wrapping the names the pipeline calls (nothing in the package is changed); (2) a bare nlp.pipe
over the same texts. With --cprofile, (1) runs again under cProfile and the functions with the
most own time are listed (cProfile slows pure-Python code far more than spaCy's compiled code, so
use it for what, and the stage timers for how much).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from corpus import corpus_files  # noqa: E402

STAGES = ("read_article", "nlp.pipe", "parse_articles (rest)", "find_entities", "find_quotes",
          "attribute_speakers", "find_relations", "build_result (rest)", "read_file", "to_dict + json")


class StageClock:
    """Adds up the wall time spent inside wrapped callables, generators included."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, name: str, fn):
        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - t
        return timed

    def wrap_generator(self, name: str, fn):
        def timed(*args, **kwargs):
            it = iter(fn(*args, **kwargs))
            while True:
                t = time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    self.seconds[name] += time.perf_counter() - t
                    return
                self.seconds[name] += time.perf_counter() - t
                yield item
        return timed


def extract_like_the_cli(paths: list[str], nlp, clock: StageClock | None = None) -> int:
    """What `quotegraph extract --format jsonl` does per file, with the stages timed when `clock` is given."""
    import quotegraph.pipeline as pipeline
    from quotegraph.readers.files import read_file

    saved = {}
    if clock:
        for name in ("read_article", "find_entities", "find_quotes", "attribute_speakers", "find_relations"):
            saved[name] = getattr(pipeline, name)
            setattr(pipeline, name, clock.wrap(name, saved[name]))
        saved["parse_articles"] = pipeline.parse_articles
        pipeline.parse_articles = clock.wrap_generator("parse_articles", pipeline.parse_articles)
        saved["build_result"] = pipeline.build_result
        pipeline.build_result = clock.wrap("build_result", pipeline.build_result)
        nlp.pipe = clock.wrap_generator("nlp.pipe", type(nlp).pipe.__get__(nlp))
        read = clock.wrap("read_file", read_file)
    else:
        read = read_file
    n_quotes = 0
    sink = io.StringIO()
    try:
        for _, res in pipeline.extract_documents((read(p) for p in paths), nlp):
            if isinstance(res, Exception):
                continue
            t = time.perf_counter()
            sink.write(json.dumps(res.to_dict(), ensure_ascii=False) + "\n")
            if clock:
                clock.seconds["to_dict + json"] += time.perf_counter() - t
            n_quotes += len(res.quotes)
            sink.seek(0)
            sink.truncate()
    finally:
        for name, fn in saved.items():
            setattr(pipeline, name, fn)
        if clock:
            del nlp.pipe
    return n_quotes


def stage_table(clock: StageClock, total: float) -> list[dict]:
    s = dict(clock.seconds)
    s["parse_articles (rest)"] = s.pop("parse_articles", 0.0) - s.get("nlp.pipe", 0.0)
    inner = sum(s.get(k, 0.0) for k in ("find_entities", "find_quotes", "attribute_speakers", "find_relations"))
    s["build_result (rest)"] = s.pop("build_result", 0.0) - inner
    rows = [{"stage": k, "seconds": round(s.get(k, 0.0), 2), "share": round(s.get(k, 0.0) / total, 3)} for k in STAGES]
    rest = total - sum(r["seconds"] for r in rows)
    rows.append({"stage": "other (batching, generators)", "seconds": round(rest, 2), "share": round(rest / total, 3)})
    return rows


def component_seconds(nlp, texts: list[str], batch_size: int) -> dict[str, float]:
    """CPU seconds of the tokenizer and of each pipeline component over `texts`, one component at a time.

    The BLAS stays on one thread, as in extract's parse: process_time counts every thread of the process,
    and a second OpenBLAS thread that only spins would double the figures of the numpy-BLAS pipeline."""
    from quotegraph.nlp import _one_blas_thread

    with _one_blas_thread():
        t = time.process_time()
        docs = [nlp.make_doc(x) for x in texts]
        out = {"tokenizer": time.process_time() - t}
        for name, proc in nlp.pipeline:
            t = time.process_time()
            docs = list(proc.pipe(docs, batch_size=batch_size))
            out[name] = time.process_time() - t
    return {k: round(v, 2) for k, v in out.items()}


def profile(paths: list[str], with_cprofile: bool = False, top: int = 30) -> dict:
    import spacy

    from quotegraph.nlp import load_pipeline, model_name

    nlp = load_pipeline()
    stock = spacy.load(model_name())  # spaCy's own components, as the bare pass of bench/passes.py loads them
    texts = [Path(p).read_bytes().decode("utf-8", errors="replace") for p in paths]
    clock = StageClock()
    t = time.perf_counter()
    n_quotes = extract_like_the_cli(paths, nlp, clock)
    extract_seconds = time.perf_counter() - t
    t = time.perf_counter()
    tokens = sum(len(doc) for doc in stock.pipe(texts))
    bare_seconds = time.perf_counter() - t
    from quotegraph.article import read_article
    from quotegraph.nlp import _chunks
    from quotegraph.readers.files import read_file

    chunks = [c for p in paths for c in _chunks(read_article(read_file(p)))]
    report = {
        "articles": len(paths), "quotes": n_quotes, "tokens_bare": tokens,
        "extract_seconds": round(extract_seconds, 2), "bare_pipe_seconds": round(bare_seconds, 2),
        "ratio": round(extract_seconds / bare_seconds, 3),
        "stages": stage_table(clock, extract_seconds),
        "pipeline": nlp.pipe_names,
        # what each component costs: over whole texts (the bare pass) and over the blocks extract parses
        "components_cpu_seconds": {"whole texts, spaCy's own components": component_seconds(stock, texts, 1000),
                                   "article blocks, batch 64": component_seconds(nlp, chunks, 64)},
    }
    if with_cprofile:
        prof = cProfile.Profile()
        prof.enable()
        extract_like_the_cli(paths, nlp)
        prof.disable()
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out)
        rows = []
        for (file, line, func), (cc, nc, tt, ct, callers) in stats.stats.items():
            rows.append({"function": f"{Path(file).parent.name}/{Path(file).name}:{line}:{func}",
                         "calls": nc, "own_seconds": round(tt, 3), "cumulative_seconds": round(ct, 3)})
        rows.sort(key=lambda r: r["own_seconds"], reverse=True)
        report["cprofile_top_own_time"] = rows[:top]
        report["cprofile_total_seconds"] = round(sum(r["own_seconds"] for r in rows), 2)
    return report


def print_report(report: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    t = Table(title=f"extract, stage by stage ({report['articles']} articles, one process, model loaded once)",
              title_justify="left")
    t.add_column("stage")
    t.add_column("seconds", justify="right")
    t.add_column("share", justify="right")
    for r in report["stages"]:
        t.add_row(r["stage"], f"{r['seconds']:.2f}", f"{r['share']:.0%}")
    t.add_row("[b]extract total[/]", f"{report['extract_seconds']:.2f}", "100%")
    t.add_row("[b]bare nlp.pipe[/] (all of " + ", ".join(report["pipeline"]) + ")",
              f"{report['bare_pipe_seconds']:.2f}", f"{report['bare_pipe_seconds'] / report['extract_seconds']:.0%}")
    console.print(t)
    console.print(f"ratio extract / bare pass, in process: {report['ratio']:.2f}")
    comp = report["components_cpu_seconds"]
    c = Table(title="CPU seconds per pipeline component", title_justify="left")
    c.add_column("component")
    for label in comp:
        c.add_column(label, justify="right")
    for name in next(iter(comp.values())):
        c.add_row(name, *(f"{comp[label][name]:.2f}" for label in comp))
    c.add_row("[b]total[/]", *(f"{sum(comp[label].values()):.2f}" for label in comp))
    console.print(c)
    if "cprofile_top_own_time" in report:
        c = Table(title="cProfile: most own time (with profiling overhead)", title_justify="left")
        for col in ("function", "calls", "own s", "cumulative s"):
            c.add_column(col, justify="left" if col == "function" else "right")
        for r in report["cprofile_top_own_time"]:
            c.add_row(r["function"], f"{r['calls']:,}", f"{r['own_seconds']:.2f}", f"{r['cumulative_seconds']:.2f}")
        console.print(c)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=None, help="folder of .txt articles [default: PolNeAR train]")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--cprofile", action="store_true", help="also run under cProfile and list the hot functions")
    ap.add_argument("--json", default=None, help="write the report here too")
    args = ap.parse_args()
    paths = [str(p) for p in corpus_files(args.corpus)][: args.limit]
    report = profile(paths, with_cprofile=args.cprofile)
    print_report(report)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
