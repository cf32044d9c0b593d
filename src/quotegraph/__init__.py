"""quotegraph: who said what, about whom, when and where, from news articles.

Python API:
    import quotegraph
    result = quotegraph.extract_file("article.txt")        # ArticleResult
    result = quotegraph.extract_text(text, source="x")      # plain scraped text
    result = quotegraph.extract_html(html, url="https://...")
    report = quotegraph.evaluate(["gold/", "polnear/dev"])  # Evaluation: figures per folder
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from . import evaluate as _evaluation  # the package first: the function below then owns the name `evaluate`
from .errors import ArticleFailed, InputError, ModelError, QuotegraphError, StoreError, UserInputError
from .evaluate import EvaluationError

if TYPE_CHECKING:
    from .evaluate.report import Evaluation
    from .settings import Settings
    from .result import ArticleResult, Entity, Quote, Relation, Speaker, Span

_RESULT_NAMES = ("ArticleResult", "Entity", "Quote", "Relation", "Speaker", "Span")

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str):  # imported when first asked for: `quotegraph --help` needs neither
    if name in _RESULT_NAMES:  # the result dataclasses
        from . import result

        return getattr(result, name)
    if name == "Settings":  # the settings object (dataclasses and all: `quotegraph --help` needs it not)
        from .settings import Settings

        return Settings
    if name == "Evaluation":  # the evaluation report
        from .evaluate.report import Evaluation

        return Evaluation
    if name == "__version__":  # the version, from the package metadata
        from .settings import VERSION

        return VERSION
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")  # a library logs only where it is asked to


def _one(raw, model: str | None):
    from .nlp import load_pipeline
    from .pipeline import extract_documents

    (_, res), = extract_documents([raw], load_pipeline(model))
    if isinstance(res, ArticleFailed):
        raise res
    return res


def extract_file(path: str, model: str | None = None) -> ArticleResult:
    """Extract one article file (plain text or HTML, by name or content)."""
    from .readers.files import read_file

    return _one(read_file(path), model)


def extract_text(text: str, source: str = "<text>", model: str | None = None) -> ArticleResult:
    """Extract one article given as scraped plain text."""
    from .readers import RawDocument

    return _one(RawDocument(source=source, data=text.encode("utf-8"), media_type="text/plain"), model)


def extract_html(html: str | bytes, source: str = "<html>", url: str | None = None,
                 model: str | None = None) -> ArticleResult:
    """Extract one article given as HTML; offsets index the returned result's `text` (the body)."""
    from .readers import RawDocument

    data = html.encode("utf-8") if isinstance(html, str) else html
    return _one(RawDocument(source=source, data=data, media_type="text/html", url=url), model)


def evaluate(paths: str | list[str], model: str | None = None) -> Evaluation:
    """Score extraction against hand answers: folders with a gold.json, or brat standoff (.ann) folders such as
    PolNeAR's. Gives the figures of ../shared/eval/seeds.py and polnear.py, with every error behind them."""
    return _evaluation.evaluate_folders([paths] if isinstance(paths, str) else paths, model)


def open_kb(path: str | None = None, readonly: bool = False):
    """Open (creating if needed) the knowledge base at `path`, $QUOTEGRAPH_DB or ./quotegraph.db."""
    from .kb import open_kb as _open_kb

    return _open_kb(path, readonly=readonly)


__all__ = ["open_kb", "evaluate", "extract_file", "extract_text", "extract_html", "ArticleResult", "Quote", "Entity",
           "Relation", "Speaker", "Span", "Evaluation", "Settings", "QuotegraphError", "ArticleFailed", "InputError",
           "UserInputError", "ModelError", "StoreError", "EvaluationError"]
