"""Rich rendering of results for people."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from ..result import ArticleResult, QuoteKind

KIND_STYLE: dict[str, str] = {QuoteKind.direct: "green", QuoteKind.partial: "cyan", QuoteKind.indirect: "yellow",
              QuoteKind.nested: "magenta"}


def quote_words(text: str, kind: str) -> str:
    """A quote's words as printed: inside quotation marks when verbatim, bare when reported (indirect speech)."""
    return escape(text) if kind == QuoteKind.indirect else f"“{escape(text)}”"


def print_result(res: ArticleResult, console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    console.rule(f"[bold]{escape(res.title or res.source)}")
    meta = [x for x in (", ".join(res.authors) if res.authors else None, res.outlet, res.published, res.source) if x]
    console.print("[dim]" + escape(" · ".join(meta)))
    if res.dek:
        console.print(f"[italic]{escape(res.dek)}")
    console.print()
    if not res.quotes:
        console.print("[dim]no quotes found")
    for q in res.quotes:
        who = q.speaker.name if q.speaker and q.speaker.name else "unknown speaker"
        style = KIND_STYLE.get(q.kind, "white")
        cue = f" [dim]({escape(q.cue.text)})[/dim]" if q.cue else ""
        inner = "   ↳ " if q.nested_in else ""
        console.print(f"{inner}[bold]{escape(who)}[/bold]{cue} [{style}]{q.kind}[/{style}]: {quote_words(q.text, q.kind)}")
    if res.relations:
        console.print()
        for r in res.relations:
            qual = f" ({escape(r.qualifier)})" if r.qualifier else ""
            console.print(f"[bold]{escape(r.subject)}[/bold] {escape(r.predicate)} [bold]{escape(r.object)}[/bold]{qual}")
    console.print()
