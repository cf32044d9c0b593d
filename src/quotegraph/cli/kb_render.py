"""Rich rendering of knowledge-base answers for people (the --json forms are the dataclasses' dicts)."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..kb.models import Count, EntitySummary, Page, PersonRecord, QuoteDetail, QuoteRecord, WorkRecord
from .render import KIND_STYLE, quote_words

MARK_STYLE = {"quote": "green", "speaker": "bold underline", "cue": "italic yellow"}


def _day(published: str | None) -> str:
    return (published or "")[:10] or "undated"


def _where(q: QuoteRecord) -> str:
    a = q.article
    return " · ".join(x for x in (a.outlet, a.title or a.source) if x)


def print_quotes(out: Console, quotes: list[QuoteRecord], show_speaker: bool = True) -> None:
    for q in quotes:
        who = q.speaker.name if q.speaker and q.speaker.name else "unknown speaker"
        style = KIND_STYLE.get(q.kind, "white")
        head = f"[dim]#{q.id}[/dim] " + (f"[bold]{escape(who)}[/bold] " if show_speaker else "")
        out.print(f"{head}[{style}]{q.kind}[/{style}] [dim]{_day(q.published)}[/dim]")
        out.print(f"  {quote_words(q.text, q.kind)}")
        out.print(f"  [dim]{escape(_where(q))}[/dim]")
        c = q.cluster
        if c is not None and c.copies > 1:
            out.print(f"  [dim]also in {c.articles - 1} other article{'s' if c.articles != 2 else ''} "
                      f"({c.copies} copies, first seen {c.first_seen or 'undated'}, last {c.last_seen or 'undated'}; "
                      f"--all-copies lists them)[/dim]")


def _counts(items: list[Count], limit: int = 10) -> str:
    return ", ".join(f"{escape(c.label)} ({c.count})" for c in items[:limit])


def print_person(out: Console, rec: PersonRecord) -> None:
    out.rule(f"[bold]{escape(rec.name)}[/bold] [dim]#{rec.id} {rec.type}")
    if rec.aliases:
        out.print(f"[bold]also[/bold] {escape(', '.join(rec.aliases))}")
    for r in rec.roles:
        work = f" in [italic]{escape(r.work)}[/italic]" if r.work else ""
        out.print(f"[bold]plays[/bold] {escape(r.character)}{work}")
    if rec.works:
        out.print(f"[bold]works[/bold] {_counts(rec.works)}")
    out.print(f"[bold]quoted[/bold] {rec.quote_count:,} times in {rec.articles:,} articles")
    if rec.outlets:
        out.print(f"[bold]by[/bold] {_counts(rec.outlets)}")
    if rec.timeline:
        peak = max(c.count for c in rec.timeline)
        bars = "  ".join(f"{c.label} {'▇' * max(1, round(8 * c.count / peak))} {c.count}" for c in rec.timeline[-12:])
        out.print(f"[bold]over time[/bold] {bars}")
    if rec.talks_about:
        out.print(f"[bold]talks about[/bold] {_counts(rec.talks_about)}")
    if rec.others:
        out.print("[dim]the name may also mean: " + escape(", ".join(f"#{o.id} {o.name}" for o in rec.others)))
    out.print()
    print_quotes(out, rec.quotes, show_speaker=False)
    if rec.quotes_has_more:
        out.print("[dim]more with --offset / --limit")


def print_work(out: Console, rec: WorkRecord) -> None:
    kind = f" {rec.kind}" if rec.kind else ""
    out.rule(f"[bold italic]{escape(rec.title)}[/bold italic] [dim]#{rec.id}{kind}")
    if rec.aliases:
        out.print(f"[bold]also[/bold] {escape(', '.join(rec.aliases))}")
    if rec.created_by:
        out.print(f"[bold]created by[/bold] {escape(', '.join(rec.created_by))}")
    if rec.network:
        out.print(f"[bold]on[/bold] {escape(', '.join(rec.network))}")
    if rec.cast:
        table = Table("actor", "character", box=None, header_style="bold")
        for c in rec.cast:
            table.add_row(escape(c.person or "?"), escape(c.character or "?"))
        out.print(table)
    out.print(f"[bold]in[/bold] {rec.articles:,} articles, {rec.quote_count:,} quotes about it")
    out.print()
    print_quotes(out, rec.quotes)


def print_show(out: Console, d: QuoteDetail) -> None:
    q = d.quote
    text = Text(d.excerpt.text)
    for m in d.marks:
        text.stylize(MARK_STYLE.get(m.kind, ""), m.start - d.excerpt.start, m.end - d.excerpt.start)
    who = q.speaker.name if q.speaker and q.speaker.name else "unknown speaker"
    a = d.article
    meta = " · ".join(x for x in (a.outlet, ", ".join(a.authors), a.published, a.url or a.source) if x)
    out.print(Panel(text, title=f"#{q.id} {escape(who)} · {q.kind}", subtitle=escape(a.title or a.source)))
    out.print(f"[dim]{escape(meta)}")
    legend = "  ".join(f"[{MARK_STYLE[k]}]{k}[/]" for k in ("quote", "speaker", "cue"))
    out.print(f"[dim]marked:[/dim] {legend}")
    if d.about:
        out.print("[bold]about[/bold] " + escape(", ".join(e.name for e in d.about)))
    c = q.cluster
    if c is not None and c.articles > 1:
        out.print(f"[bold]carried by[/bold] {c.articles} articles ({c.copies} copies), first seen "
                  f"{c.first_seen or 'undated'}, last {c.last_seen or 'undated'}: quote cluster {c.id}")


def print_listing(out: Console, kind: str, page: Page[EntitySummary]) -> None:
    table = Table("id", "name", "quotes", "about", "articles", box=None, header_style="bold")
    if kind == "works":
        table.add_column("kind")
    for s in page.items:
        row = [f"#{s.id}", escape(s.name), f"{s.quotes:,}", f"{s.about:,}", f"{s.articles:,}"]
        if kind == "works":
            row.append(escape(s.kind or ""))
        table.add_row(*row)
    out.print(table)
    out.print(f"[dim]{page.offset + 1 if page.items else 0}–{page.offset + len(page.items)} of {page.total:,} {kind}")


STAT_NOUNS = (("articles", "article", "articles"), ("quotes", "quote", "quotes"), ("people", "person", "people"),
              ("works", "work", "works"), ("characters", "character", "characters"),
              ("organizations", "organisation", "organisations"), ("relations", "fact", "facts"))


def print_stats(out: Console, s) -> None:
    """`quotegraph stats`: what the store holds, one count a line, then the file and its schema."""
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(justify="right", style="bold")
    table.add_column()
    for field, one, many in STAT_NOUNS:
        n = getattr(s, field)
        table.add_row(f"{n:,}", one if n == 1 else many)
    out.print(table)
    out.print(f"[dim]{escape(s.path)}, schema version {s.schema_version}[/dim]")
