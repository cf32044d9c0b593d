"""`quotegraph extract`: articles in, attributed quotes, entities and relations out. Stateless."""
from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING, Iterator

import typer

from ..errors import ArticleFailed, InputError
from ..settings import Settings, default
from .options import MaxBytes, MaxChars, Model, TimeLimit

if TYPE_CHECKING:
    from ..readers import RawDocument


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _read_all(paths: list[str], max_bytes: int, errors: list[ArticleFailed]) -> Iterator[RawDocument]:
    from ..readers.walk import read_page_file

    for p in paths:
        try:
            yield read_page_file(p, max_bytes)
        except InputError as e:
            errors.append(e)
            typer.echo(f"quotegraph: error: {e}", err=True)


def extract(
    paths: list[str] = typer.Argument(..., metavar="PATH...", help="Article files: scraped text or HTML, either gzipped (.gz). '-' reads stdin."),
    format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f",
                                        help="text: who said what, for people; jsonl: one JSON object per article; "
                                             "json: one pretty-printed JSON object per article."),
    model: Model = None,
    max_bytes: MaxBytes = default("max_bytes"),
    max_chars: MaxChars = default("max_chars"),
    time_limit: TimeLimit = default("time_limit"),
) -> None:
    """Extract quotes, speakers, entities and relations from articles, one result per article.

    Offsets index the input text exactly as read (plain text) or the extracted body text,
    given as "text" in the JSON (HTML).

    Examples:

      quotegraph extract article.txt

      quotegraph extract --format jsonl pages/*.html > results.jsonl

      curl -s https://... | quotegraph extract --format json -
    """
    import gc
    import json

    settings = Settings.from_env(only=("model",), model=model, max_bytes=max_bytes, max_chars=max_chars,
                                 time_limit=time_limit)
    # spaCy's modules and the loaded pipeline are a million objects that live until we exit: the cyclic
    # GC is off while they are made and they are frozen out of its later full collections after.
    gc.disable()
    try:
        from ..limits import Limits
        from ..nlp import load_pipeline
        from ..pipeline import extract_guarded

        nlp = load_pipeline(settings.model)
    finally:
        gc.freeze()
        gc.enable()
    errors: list[ArticleFailed] = []
    n_ok = 0
    for _raw, res in extract_guarded(_read_all(paths, settings.max_bytes, errors), nlp, limits=Limits.of(settings)):
        if isinstance(res, ArticleFailed):
            errors.append(res)
            typer.echo(f"quotegraph: error: {res}", err=True)
            continue
        n_ok += 1
        if format == OutputFormat.jsonl:
            sys.stdout.write(json.dumps(res.to_dict(), ensure_ascii=False) + "\n")
        elif format == OutputFormat.json:
            sys.stdout.write(json.dumps(res.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            from .render import print_result

            print_result(res)
        sys.stdout.flush()
    if errors:
        raise typer.Exit(1)
