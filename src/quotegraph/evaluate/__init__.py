"""Scoring against hand answers, built into the product: gold.json folders and brat standoff (PolNeAR) folders.

The figures are those of ../shared/eval/seeds.py (gold.json) and ../shared/eval/polnear.py (brat), reimplemented
here rule for rule, and extraction runs in this process with one model load for every folder. `quotegraph.evaluate`
and `quotegraph evaluate` are thin shells over `evaluate_folders`.

Imports here stay light (no spaCy) because quotegraph's package imports this one at start.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator

from typing import TYPE_CHECKING, Any

from ..errors import InputError, QuotegraphError

if TYPE_CHECKING:
    from .report import Evaluation

_REPORT_NAMES = ("AttributionScore", "BratReport", "EntityScore", "Evaluation", "FolderReport", "GoldReport", "Problem",
                 "QuoteKindScore", "Tally")


def __getattr__(name: str) -> Any:  # the report classes, imported when first asked for: `quotegraph --help` needs none
    if name in _REPORT_NAMES:
        from . import report

        return getattr(report, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

GOLD = "gold"
BRAT = "brat"


class EvaluationError(InputError):
    """A folder that cannot be evaluated, or an article in it that extraction could not read."""


def folder_kind(path: str) -> str:
    """"gold" for a folder with a gold.json, "brat" for one with .ann files (beside the texts or in
    attributions/); otherwise an EvaluationError naming the folder."""
    from .brat import is_brat_folder
    from .gold import GOLD_FILE

    if not os.path.exists(path):
        raise EvaluationError(path, "no such folder")
    if not os.path.isdir(path):
        raise EvaluationError(path, "is not a folder (give the folder holding gold.json or the .ann files)")
    if os.path.isfile(os.path.join(path, GOLD_FILE)):
        return GOLD
    if is_brat_folder(path):
        return BRAT
    raise EvaluationError(path, "holds no gold.json and no brat .ann files, so there is nothing to score against")


def _records(paths: list[str], model: str | None, nlp=None) -> Iterator[tuple[str, dict | QuotegraphError]]:
    """Extract every article as `quotegraph extract --format jsonl` would: the same reader, limits and JSON form."""
    import json

    from ..nlp import load_pipeline
    from ..pipeline import extract_documents
    from ..readers.files import read_file

    def raws():
        for p in paths:
            yield read_file(p)

    for raw, res in extract_documents(raws(), nlp or load_pipeline(model)):
        if isinstance(res, QuotegraphError):
            yield raw.source, res
        else:
            # through JSON, so the scoring sees exactly what the shared scorers read from the command
            yield raw.source, json.loads(json.dumps(res.to_dict(), ensure_ascii=False))  # as extract prints it


def evaluate_folders(paths: Iterable[str], model: str | None = None, nlp=None) -> Evaluation:
    """Score extraction on each folder, in order; one pass of the pipeline over all their articles.

    Raises EvaluationError (or GoldError, BratError) naming the folder or file at fault, before any extraction.
    """
    from ..nlp import model_name
    from .brat import BratArticle, load_brat_folder, score_brat
    from .gold import GoldArticle, load_gold_folder, score_gold
    from .report import Evaluation, FolderReport

    folders: list[tuple[str, list[GoldArticle] | None, list[BratArticle] | None]] = []
    for path in paths:
        if folder_kind(path) == GOLD:
            folders.append((path, load_gold_folder(path), None))
        else:
            folders.append((path, None, load_brat_folder(path)))
    wanted = list(dict.fromkeys(a.path for _, gold, brat in folders for a in (gold or brat or [])))
    start = time.perf_counter()
    records: dict[str, dict] = {}
    for source, rec in _records(wanted, model, nlp):
        if isinstance(rec, QuotegraphError):
            reason = rec.reason if isinstance(rec, InputError) else str(rec)
            raise EvaluationError(source, f"extraction failed, so its folder cannot be scored: {reason}")
        records[source] = rec
    seconds = time.perf_counter() - start
    reports: list[FolderReport] = [score_gold(path, gold, records) if gold is not None
                                   else score_brat(path, brat or [], records) for path, gold, brat in folders]
    name = f"{nlp.meta['lang']}_{nlp.meta['name']}" if nlp is not None else model_name(model)
    return Evaluation(folders=reports, model=name, seconds=seconds)


__all__ = ["evaluate_folders", "folder_kind", "EvaluationError", "Evaluation", "GoldReport", "BratReport",
           "FolderReport", "QuoteKindScore", "AttributionScore", "EntityScore", "Tally", "Problem"]
