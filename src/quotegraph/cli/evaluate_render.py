"""How `quotegraph evaluate` prints its figures: Rich tables per folder (imported by the command when it runs)."""
from __future__ import annotations

import os

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..evaluate.report import BratReport, Evaluation, GoldReport, Problem


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
