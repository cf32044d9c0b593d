"""`quotegraph evaluate`: extraction scored against hand answers (gold.json folders, brat/PolNeAR folders)."""
from __future__ import annotations

import sys

import typer

from .options import Model


def evaluate(
    folders: list[str] = typer.Argument(..., metavar="GOLD_DIR...",
                                        help="Folders of hand answers: each holds a gold.json, or brat .ann files."),
    errors: bool = typer.Option(False, "--errors", "-e",
                                help="List every error, one line each: FILE: what is wrong."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as one JSON object (errors included)."),
    model: Model = None,
) -> None:
    """Score extraction against articles answered by hand: quotes found, speakers right, entities, relations.

    Each GOLD_DIR is one of two kinds, told apart by what it holds:

    \b
    gold.json folder: plain-text articles and one gold.json of answers,
      {"articles": {"a.txt": {"quotes": [{"kind": "direct", "text": "...", "speaker": "Jane Doe"}], ...}}}
      quotes     kind direct, partial, indirect or nested; text: the words inside the marks;
                 speaker: a full name, null for nobody, or a list of names that all count
      optional   title, dek, authors, published (a date prefix); not_body [furniture lines];
                 ignore [spans scored neither way]; relations [[subject, predicate, object, qualifier]];
                 entities {"person"|"work"|"character"|"organization": [names]}; entities_ignore [names]

    \b
    brat standoff folder (PolNeAR): NAME.txt beside NAME.ann, or text/ and attributions/;
      events tie Source, Cue and Content spans (discontinuous and multi-line spans are fine).

    The figures are those of ../shared/eval/seeds.py (gold.json) and ../shared/eval/polnear.py (brat):

    \b
      found            gold.json: a predicted quote of the same kind group (direct with partial, indirect,
                       nested) covers half the gold quote; brat: matched one to one by overlap (direct:
                       half the shorter span; indirect: half the prediction, a quarter of the gold)
      speakers right   gold.json: the same name, case and quote marks aside (a surname for a full name
                       is wrong); brat: the speaker mention overlaps the gold Source (or neither exists)
      extraction P R F1   found / predicted, found / gold (gold.json: predicted = found + false quotes)
      attribution P R F1  the same with speakers right in place of found
      false quotes     predicted quotes touching no gold quote and no ignore span
      entities         precision: predicted names the article names; recall: gold names predicted
      metadata, relations, boilerplate kept   fields equal; relations by name prefix; not_body in the body

    Extraction runs in this process, one model load for all folders; the figures are computed as the
    shared scorers compute them.

    Examples:

      quotegraph evaluate ../shared/data/quotes-dev

    \b
      quotegraph evaluate --errors ../shared/data/seeds ../shared/data/polnear/dev

      quotegraph evaluate --json my-annotations/ > report.json
    """
    import json

    from ..evaluate import evaluate_folders
    from .evaluate_render import Console, print_evaluation

    ev = evaluate_folders(folders, model)
    if as_json:
        sys.stdout.write(json.dumps(ev.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    print_evaluation(Console(highlight=False), ev, errors)
