"""`quotegraph evaluate`: extraction scored against hand answers (gold.json folders, brat/PolNeAR folders)."""
from __future__ import annotations

import json
import os
import sys

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..evaluate.report import BratReport, Evaluation, GoldReport, Problem
from .options import Model


def _prf(x: tuple[float, float, float]) -> str:
    return " ".join(f"{v:.3f}" for v in x)


def _of(right: int, total: int) -> str:
    return f"{right}/{total}" + (f" [dim]({right / total:.0%})[/dim]" if total else "")


def _quote_table(*counts: str) -> Table:
    table = Table(box=None, header_style="bold")
    for name in ("kind", *counts, "extraction P R F1", "speakers", "attribution P R F1"):
        table.add_column(name, no_wrap=True)
    return table


def _gold_tables(out: Console, r: GoldReport) -> None:
    quotes = _quote_table("gold", "found", "false")
    for kind, s in r.by_kind.items():
        if s.gold or s.found or s.false_quotes:
            quotes.add_row(kind, str(s.gold), str(s.found), str(s.false_quotes), _prf(s.extraction),
                           f"{s.speakers_right}/{s.found}", _prf(s.attribution))
    out.print(quotes)
    out.print(f"quotes found {_of(r.quotes.right, r.quotes.total)}   speakers right {_of(r.speakers.right, r.speakers.total)}"
              f"   false quotes {r.false_quotes}")
    out.print(f"metadata {_of(r.metadata.right, r.metadata.total)}   relations {_of(r.relations.right, r.relations.total)}"
              f"   boilerplate kept {r.boilerplate}")
    if r.entities:
        ents = Table("entities", "precision", "recall", box=None, header_style="bold")
        for typ, e in r.entities.items():
            if e.got or e.want:
                ents.add_row(typ, _of(e.good, e.got), _of(e.hit, e.want))
        out.print(ents)


def _brat_tables(out: Console, r: BratReport) -> None:
    table = _quote_table("gold", "pred", "found")
    for kind, s in r.by_kind.items():
        table.add_row(kind, str(s.gold), str(s.pred), str(s.found), _prf(s.extract_prf),
                      f"{s.attributed}/{s.found}", _prf(s.attrib_prf))
    out.print(table)
    out.print("[dim]speakers: found quotes whose speaker mention overlaps the gold Source[/dim]")


def print_evaluation(out: Console, ev: Evaluation, errors: bool) -> None:
    for r in ev.folders:
        what = "gold.json" if isinstance(r, GoldReport) else "brat standoff"
        n = f"{r.articles:,} article" + ("s" if r.articles != 1 else "")
        out.print(f"[bold]{escape(r.path)}[/bold]  [dim]{what}, {n}[/dim]", soft_wrap=True)
        if errors:
            for p in r.problems:
                out.print(escape(_where(r.path, p)), soft_wrap=True)
            out.print()
        if isinstance(r, GoldReport):
            _gold_tables(out, r)
        else:
            _brat_tables(out, r)
        out.print(f"[dim]{escape(r.summary())}[/dim]", soft_wrap=True)
        if not errors and r.problems:
            out.print(f"[dim]{len(r.problems):,} error{'s' if len(r.problems) != 1 else ''}: "
                      "see them with --errors[/dim]")
        out.print()
    out.print(f"[dim]{ev.model}, extraction {ev.seconds:.1f} s[/dim]")


def _where(folder: str, p: Problem) -> str:
    return f"{os.path.join(folder, p.file)}: {p.what}"


def evaluate(
    folders: list[str] = typer.Argument(..., metavar="GOLD_DIR...",
                                        help="Folders of hand answers: each holds a gold.json, or brat .ann files."),
    errors: bool = typer.Option(False, "--errors", "-e",
                                help="List every error, one line each: FILE: what is wrong."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as one JSON object (errors included)."),
    model: Model = None,
) -> None:
    r"""Score extraction against articles answered by hand: quotes found, speakers right, entities, relations.

    Each GOLD_DIR is one of two kinds, told apart by what it holds:

    [bold]gold.json folder[/bold]: plain-text articles and one gold.json of answers,
      {"articles": {"a.txt": {"quotes": \[{"kind": "direct", "text": "...", "speaker": "Jane Doe"}], ...}}}
      quotes     kind direct, partial, indirect or nested; text: the words inside the marks;
                 speaker: a full name, null for nobody, or a list of names that all count
      optional   title, dek, authors, published (a date prefix); not_body \[furniture lines];
                 ignore \[spans scored neither way]; relations \[\[subject, predicate, object, qualifier]];
                 entities {"person"|"work"|"character"|"organization": \[names]}; entities_ignore \[names]

    [bold]brat standoff folder[/bold] (PolNeAR): NAME.txt beside NAME.ann, or text/ and attributions/;
      events tie Source, Cue and Content spans (discontinuous and multi-line spans are fine).

    The figures are those of ../shared/eval/seeds.py (gold.json) and ../shared/eval/polnear.py (brat):

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

      quotegraph evaluate --errors ../shared/data/seeds ../shared/data/polnear/dev

      quotegraph evaluate --json my-annotations/ > report.json
    """
    from ..evaluate import evaluate_folders

    ev = evaluate_folders(folders, model)
    if as_json:
        sys.stdout.write(json.dumps(ev.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    print_evaluation(Console(highlight=False), ev, errors)
