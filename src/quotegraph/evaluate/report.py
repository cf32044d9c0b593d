"""What `quotegraph evaluate` finds: dataclasses for one folder's figures and every error behind them.

The counts are kept raw (found, gold, predicted ...); ratios are computed from them the way the shared
scorers compute them (PolNeAR's rounded to three places), so a report and a scorer can be compared figure
for figure.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 rounded to three places, zero where a denominator is (polnear.py's prf)."""
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


@dataclass
class Problem:
    """One error, for one article file (named relative to its folder)."""

    file: str
    what: str

    def __str__(self) -> str:
        return f"{self.file}: {self.what}"


@dataclass
class Tally:
    """right out of total: metadata fields, quotes found, speakers right, relations."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += bool(ok)
        self.total += 1

    def __str__(self) -> str:
        return f"{self.right}/{self.total}"


@dataclass
class QuoteKindScore:
    """One kind group of a gold.json folder (direct, with partial; indirect; nested).

    gold: gold quotes; found: those a predicted quote of the group covers half of; speakers_right: found
    quotes whose speaker name is the gold one; false_quotes: predicted quotes of the group touching no gold
    quote or ignore span. Predictions that touch one without matching (a second piece of a long quote, the
    wrong kind) are neither right nor false, as in seeds.py, so precision counts found + false only.
    """

    gold: int = 0
    found: int = 0
    speakers_right: int = 0
    false_quotes: int = 0

    @property
    def extraction(self) -> tuple[float, float, float]:
        return prf(self.found, self.found + self.false_quotes, self.gold)

    @property
    def attribution(self) -> tuple[float, float, float]:
        return prf(self.speakers_right, self.found + self.false_quotes, self.gold)

    @property
    def speaker_accuracy(self) -> float:
        return round(self.speakers_right / self.found, 3) if self.found else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "found": self.found, "speakers_right": self.speakers_right,
                "false_quotes": self.false_quotes, "extraction_prf": list(self.extraction),
                "attribution_prf": list(self.attribution), "speaker_accuracy": self.speaker_accuracy}


@dataclass
class EntityScore:
    """One entity type: good of got predicted names are the article's (precision), hit of want gold ones found."""

    good: int = 0
    got: int = 0
    hit: int = 0
    want: int = 0

    @property
    def precision(self) -> float:
        return round(self.good / self.got, 3) if self.got else 0.0

    @property
    def recall(self) -> float:
        return round(self.hit / self.want, 3) if self.want else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"good": self.good, "got": self.got, "hit": self.hit, "want": self.want,
                "precision": self.precision, "recall": self.recall}


@dataclass
class GoldReport:
    """A folder of articles with a gold.json, scored exactly as ../shared/eval/seeds.py scores it."""

    path: str
    articles: int = 0
    metadata: Tally = field(default_factory=Tally)
    quotes: Tally = field(default_factory=Tally)       # found / gold
    speakers: Tally = field(default_factory=Tally)     # right / found
    relations: Tally = field(default_factory=Tally)
    false_quotes: int = 0
    boilerplate: int = 0
    by_kind: dict[str, QuoteKindScore] = field(default_factory=dict)
    entities: dict[str, EntityScore] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    kind: str = "gold"

    @property
    def ok(self) -> bool:
        """Every check passes (seeds.py's exit status 0)."""
        return (all(t.right == t.total for t in (self.metadata, self.quotes, self.speakers, self.relations))
                and not self.false_quotes and not self.boilerplate
                and all(e.good == e.got and e.hit == e.want for e in self.entities.values()))

    def summary(self) -> str:
        """The last line seeds.py prints, figure for figure."""
        line = (f"seeds: metadata {self.metadata}, quotes found {self.quotes}, speakers right {self.speakers}, "
                f"relations {self.relations}, false quotes {self.false_quotes}, boilerplate kept {self.boilerplate}")
        ents = [f"{typ} precision {v.good}/{v.got} recall {v.hit}/{v.want}"
                for typ, v in self.entities.items() if v.got or v.want]
        if ents:
            line += "; entities " + ", ".join(ents)
        return line

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "kind": self.kind, "articles": self.articles, "ok": self.ok,
            "metadata": [self.metadata.right, self.metadata.total], "quotes": [self.quotes.right, self.quotes.total],
            "speakers": [self.speakers.right, self.speakers.total],
            "relations": [self.relations.right, self.relations.total],
            "false_quotes": self.false_quotes, "boilerplate": self.boilerplate,
            "by_kind": {k: v.to_dict() for k, v in self.by_kind.items()},
            "entities": {k: v.to_dict() for k, v in self.entities.items()},
            "summary": self.summary(), "errors": [str(p) for p in self.problems],
        }


@dataclass
class AttributionScore:
    """One quote kind of a brat folder (direct or indirect), with polnear.py's counts and figures.

    pred: predicted quotes of the kind; gold: gold units (direct: each quoted fragment of an attribution's
    content; indirect: contents holding no quotation mark); found: matched one to one; attributed: found
    with the speaker mention overlapping a gold Source span (or both absent).
    """

    pred: int = 0
    gold: int = 0
    found: int = 0
    attributed: int = 0

    @property
    def extract_prf(self) -> tuple[float, float, float]:
        return prf(self.found, self.pred, self.gold)

    @property
    def attrib_prf(self) -> tuple[float, float, float]:
        return prf(self.attributed, self.pred, self.gold)

    @property
    def speaker_acc_on_found(self) -> float:
        return round(self.attributed / self.found, 3) if self.found else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"pred": self.pred, "gold": self.gold, "found": self.found, "attributed": self.attributed,
                "extract_prf": list(self.extract_prf), "attrib_prf": list(self.attrib_prf),
                "speaker_acc_on_found": self.speaker_acc_on_found}


@dataclass
class BratReport:
    """A brat standoff folder (PolNeAR's Source/Cue/Content attributions), scored as ../shared/eval/polnear.py does."""

    path: str
    docs: int = 0
    chars: int = 0
    by_kind: dict[str, AttributionScore] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    kind: str = "brat"

    @property
    def articles(self) -> int:
        return self.docs

    def summary(self) -> str:
        """polnear.py's last line, without its speed."""
        d, i = self.by_kind["direct"], self.by_kind["indirect"]
        return (f"direct attribution F1 {d.attrib_prf[2]} (extraction {d.extract_prf[2]}); "
                f"indirect attribution F1 {i.attrib_prf[2]} (extraction {i.extract_prf[2]})")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "kind": self.kind, "docs": self.docs, "chars": self.chars}
        out.update({k: v.to_dict() for k, v in self.by_kind.items()})
        out["summary"] = self.summary()
        out["errors"] = [str(p) for p in self.problems]
        return out


FolderReport = GoldReport | BratReport


@dataclass
class Evaluation:
    """Every folder given to evaluate, in order, with the time extraction took (one model load for all)."""

    folders: list[FolderReport] = field(default_factory=list)
    model: str = ""
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"model": self.model, "seconds": round(self.seconds, 2), "folders": [f.to_dict() for f in self.folders]}
