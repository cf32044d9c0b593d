"""gold.json folders: articles beside one gold.json of hand answers, scored exactly as ../shared/eval/seeds.py does.

gold.json is {"articles": {FILE: answers}}, FILE relative to the folder; answers may hold
  title, dek, authors [names], published (a prefix of the ISO date): metadata, each checked when given;
  quotes [{kind: direct|partial|indirect|nested, text: the words inside the marks, speaker: a name, null,
          or a list of acceptable names (null among them for "nobody")}];
  ignore [spans]: predicted quotes touching them are neither right nor false;
  not_body [strings]: page furniture that must not be inside a predicted paragraph;
  relations [[subject, predicate, object, qualifier or null]];
  entities {person|work|character|organization: [name or [acceptable names]]}, entities_ignore [names].
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from .report import EntityScore, GoldReport, Problem, QuoteKindScore

GOLD_FILE = "gold.json"
GROUP = {"direct": "direct", "partial": "direct", "indirect": "indirect", "nested": "nested"}
KIND_GROUPS = ("direct", "indirect", "nested")
ENTITY_TYPES = ("person", "work", "character", "organization")
METADATA = ("title", "dek", "authors", "published")


class GoldError(InputError):
    """A gold folder or its gold.json that cannot be scored; says which file and why."""


def norm(s: str | None) -> str:
    """Names and texts compared as seeds.py compares them: NFKC, curly single quotes straight, spaces folded, lower case."""
    s = unicodedata.normalize("NFKC", s or "").replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", s).strip().lower()


def same_name(a: str | None, b: str | None) -> bool:
    """Relation names: equal, or one the other's first words ("Jane" and "Jane Doe")."""
    x, y = norm(a).split(), norm(b).split()
    return bool(x) and bool(y) and (x == y or x == y[:len(x)] or y == x[:len(y)])


@dataclass
class GoldArticle:
    name: str        # as gold.json names it, relative to the folder
    path: str        # absolute path given to the extractor
    text: str        # the file's text as read (universal newlines), which gold offsets are found in
    answers: dict[str, Any]


def _check_answers(gold_path: str, name: str, g: Any) -> None:
    if not isinstance(g, dict):
        raise GoldError(gold_path, f"the answers for {name!r} are not an object")
    for q in g.get("quotes", []):
        if not isinstance(q, dict) or not isinstance(q.get("text"), str) or q.get("kind") not in GROUP:
            raise GoldError(gold_path, f"{name}: a quote needs text and a kind among {', '.join(GROUP)}: {q!r}")
    for r in g.get("relations", []):
        if not isinstance(r, list) or len(r) != 4:
            raise GoldError(gold_path, f"{name}: a relation is [subject, predicate, object, qualifier]: {r!r}")


def load_gold_folder(folder: str) -> list[GoldArticle]:
    """The articles a gold folder answers, in gold.json's order, or a GoldError naming what is wrong."""
    gold_path = os.path.join(folder, GOLD_FILE)
    try:
        with open(gold_path, encoding="utf-8") as f:
            data = json.load(f)
    except json.JSONDecodeError as e:
        raise GoldError(gold_path, f"not valid JSON ({e.msg} at line {e.lineno})") from None
    except (OSError, UnicodeDecodeError) as e:
        raise GoldError(gold_path, f"cannot be read ({getattr(e, 'strerror', None) or e})") from None
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, dict):
        raise GoldError(gold_path, 'needs an "articles" object: {"FILE": {"quotes": [...], ...}}')
    out = []
    for name, g in articles.items():
        _check_answers(gold_path, name, g)
        path = os.path.abspath(os.path.join(folder, name))
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except FileNotFoundError:
            raise GoldError(gold_path, f"answers {name!r}, which is not in the folder") from None
        except (OSError, UnicodeDecodeError) as e:
            raise GoldError(path, f"cannot be read as UTF-8 text ({getattr(e, 'strerror', None) or e})") from None
        out.append(GoldArticle(name, path, text, g))
    return out


def _metadata(art: GoldArticle, rec: dict, report: GoldReport) -> None:
    g = art.answers
    checks = {"title": lambda: norm(rec.get("title")) == norm(g["title"]),
              "dek": lambda: norm(rec.get("dek")) == norm(g["dek"]),
              "authors": lambda: sorted(map(norm, rec.get("authors") or [])) == sorted(map(norm, g["authors"])),
              "published": lambda: str(rec.get("published") or "").startswith(g["published"] or "")}
    for what in METADATA:
        if what in g:
            ok = checks[what]()
            report.metadata.add(ok)
            if not ok:
                report.problems.append(Problem(art.name, f"{what} is {rec.get(what)!r}, want {g.get(what)!r}"))


def _boilerplate(art: GoldArticle, rec: dict, report: GoldReport) -> None:
    text = art.text
    paras = [(p["start"], p["end"]) for p in rec.get("paragraphs") or []]
    for nb in art.answers.get("not_body", []):
        i = text.find(nb)
        if any(s < i + len(nb) and i < e for s, e in paras):
            report.boilerplate += 1
            report.problems.append(Problem(art.name, f"boilerplate kept as body: {nb!r}"))


def _speaker_ok(said: str | None, want: list) -> bool:
    return (said is None and None in want) or (said is not None and any(w is not None and norm(said) == norm(w)
                                                                        for w in want))


def _quotes(art: GoldArticle, rec: dict, report: GoldReport) -> None:
    """Each gold quote to the predicted quote of its kind group covering the most of it (at least half), once."""
    text, g = art.text, art.answers
    preds = rec.get("quotes") or []
    used: set[int] = set()
    for q in g.get("quotes", []):
        gs = text.find(q["text"])
        ge = gs + len(q["text"])
        group = GROUP[q["kind"]]
        score = report.by_kind[group]
        best = None
        for k, p in enumerate(preds):
            ov = max(0, min(ge, p["end"]) - max(gs, p["start"]))
            if (ov >= 0.5 * (ge - gs) and GROUP.get(p.get("kind")) == group and k not in used
                    and (best is None or ov > best[0])):
                best = (ov, k)
        report.quotes.total += 1
        score.gold += 1
        if best is None:
            report.problems.append(Problem(art.name, f"missed {q['kind']} quote {q['text'][:60]!r}"))
            continue
        used.add(best[1])
        report.quotes.right += 1
        score.found += 1
        said = (preds[best[1]].get("speaker") or {}).get("name")
        want = q.get("speaker") if isinstance(q.get("speaker"), list) else [q.get("speaker")]
        ok = _speaker_ok(said, want)
        report.speakers.add(ok)
        score.speakers_right += ok
        if not ok:
            report.problems.append(Problem(art.name, f"{q['text'][:50]!r} said by {said!r}, want {q.get('speaker')!r}"))
    # a predicted quote made of several gold pieces may cover more than one: only one touching none is false
    spans = [q["text"] for q in g.get("quotes", [])] + g.get("ignore", [])
    for k, p in enumerate(preds):
        if k in used:
            continue
        covered = any(max(0, min(p["end"], text.find(x) + len(x)) - max(p["start"], text.find(x))) > 0 for x in spans)
        if not covered:
            report.false_quotes += 1
            kind = p.get("kind")
            report.by_kind.setdefault(GROUP.get(kind, str(kind)), QuoteKindScore()).false_quotes += 1
            report.problems.append(Problem(art.name, f"not a quote: {text[p['start']:p['end']][:60]!r}"))


def _entities(art: GoldArticle, rec: dict, report: GoldReport) -> None:
    """The people, works, characters and organisations the article names, each once, by its fullest name."""
    g = art.answers
    if "entities" not in g:
        return
    skip = {norm(x) for x in g.get("entities_ignore", [])}
    for typ in ENTITY_TYPES:
        want = [[norm(n) for n in (x if isinstance(x, list) else [x])] for x in g["entities"].get(typ, [])]
        got = [norm(e.get("name")) for e in rec.get("entities") or [] if e.get("type") == typ]
        got = [n for n in got if n not in skip]
        hit = [any(n in alts for n in got) for alts in want]
        good = [any(n in alts for alts in want) for n in got]
        t = report.entities.setdefault(typ, EntityScore())
        t.good += sum(good)
        t.got += len(got)
        t.hit += sum(hit)
        t.want += len(want)
        report.problems += [Problem(art.name, f"{typ} {n!r} is not one the article names")
                            for n, ok in zip(got, good) if not ok]
        report.problems += [Problem(art.name, f"missed {typ} {alts[0]!r}") for alts, ok in zip(want, hit) if not ok]


def _relations(art: GoldArticle, rec: dict, report: GoldReport) -> None:
    rels = rec.get("relations") or []
    for subj, pred, obj, qual in art.answers.get("relations", []):
        ok = any(same_name(r.get("subject"), subj) and norm(r.get("predicate")) == norm(pred)
                 and same_name(r.get("object"), obj) and (qual is None or same_name(r.get("qualifier"), qual))
                 for r in rels)
        report.relations.add(ok)
        if not ok:
            report.problems.append(Problem(art.name, f"missing relation {subj} | {pred} | {obj} | {qual}"))


def score_gold(folder: str, articles: list[GoldArticle], records: dict[str, dict]) -> GoldReport:
    """Score one folder's extraction records (the JSON form of ArticleResult, by article path) against its answers."""
    report = GoldReport(path=folder, articles=len(articles), by_kind={k: QuoteKindScore() for k in KIND_GROUPS})
    for art in articles:
        rec = records[art.path]
        _metadata(art, rec, report)
        _boilerplate(art, rec, report)
        _quotes(art, rec, report)
        _entities(art, rec, report)
        _relations(art, rec, report)
    return report
