"""brat standoff folders (PolNeAR): attributions as Source, Cue and Content spans tied by an event, scored as
../shared/eval/polnear.py scores them.

A folder holds NAME.txt beside NAME.ann, or PolNeAR's layout: text/NAME.txt and attributions/NAME_ANNOTATOR.ann
(the first annotator's file, by name, is used; an article without one is not scored). In the .ann:

    T3<TAB>Content 115 290<TAB>that Hillary Clinton's team avoided ...
    T9<TAB>Content 315 448;463 553<TAB>...              a discontinuous span: ranges joined by ';'
    E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1   an attribution (role digits, as in Source2, are dropped)

A span's text may run over several lines (PolNeAR has a few); only lines opening with an id and a tab start an
annotation, so those lines are read as part of the text before them.
"""
from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass

from ..errors import InputError
from .report import AttributionScore, BratReport, Problem

QMARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
OPEN, CLOSE = "\u201c\u201e\u00ab", "\u201d\u00bb"
KINDS = ("direct", "indirect")
_ANNOTATION = re.compile(r"[TERAMN*#][0-9]*\t")
_RANGE = re.compile(r"\s*(\d+)\s+(\d+)\s*")

Ranges = list[tuple[int, int]]


class BratError(InputError):
    """A brat file that cannot be read; says which file, which line and why."""


@dataclass
class Attribution:
    """One gold attribution: its content, source and cue as character ranges of the article's text."""

    content: Ranges
    source: Ranges
    cue: Ranges


@dataclass
class BratArticle:
    name: str        # the article's file name, relative to the folder
    path: str        # absolute path of its text, given to the extractor
    text: str        # as read (universal newlines), which the offsets index
    gold: list[Attribution]


def _ranges(path: str, lineno: int, spec: str) -> Ranges:
    out = []
    for part in spec.split(";"):
        m = _RANGE.fullmatch(part)
        if not m:
            raise BratError(path, f"line {lineno}: span {spec!r} is not START END[;START END...]")
        out.append((int(m.group(1)), int(m.group(2))))
    return out


def load_ann(path: str) -> list[Attribution]:
    """The attributions of one .ann file, in the file's order; events without a Content are skipped."""
    spans: dict[str, Ranges] = {}
    events: list[tuple[int, dict[str, list[str]]]] = []
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except (OSError, UnicodeDecodeError) as e:
        raise BratError(path, f"cannot be read as UTF-8 text ({getattr(e, 'strerror', None) or e})") from None
    for lineno, line in enumerate(lines, 1):
        if not _ANNOTATION.match(line):
            continue   # blank, or the rest of a span's text that ran over a line
        if line.startswith("T"):
            parts = line.split("\t", 2)
            if len(parts) < 2 or " " not in parts[1]:
                raise BratError(path, f"line {lineno}: a text-bound annotation is ID<TAB>TYPE START END<TAB>TEXT")
            _typ, rng = parts[1].split(" ", 1)
            spans[parts[0]] = _ranges(path, lineno, rng)
        elif line.startswith("E"):
            _eid, args = line.split("\t", 1)
            ev: dict[str, list[str]] = {}
            for a in args.split():
                role, sep, tid = a.partition(":")
                if not sep:
                    raise BratError(path, f"line {lineno}: event argument {a!r} is not ROLE:ID")
                ev.setdefault(re.sub(r"\d+$", "", role), []).append(tid)
            events.append((lineno, ev))
    def ranges_of(lineno: int, ev: dict[str, list[str]], role: str) -> Ranges:
        out: Ranges = []
        for tid in ev.get(role, []):
            if tid not in spans:
                raise BratError(path, f"line {lineno}: {role} {tid} is not a text-bound annotation of the file")
            out.extend(spans[tid])
        return out

    gold = []
    for lineno, ev in events:
        content = ranges_of(lineno, ev, "Content")
        if content:
            gold.append(Attribution(content=content, source=ranges_of(lineno, ev, "Source"),
                                    cue=ranges_of(lineno, ev, "Cue")))
    return gold


def is_brat_folder(folder: str) -> bool:
    return bool(glob.glob(os.path.join(folder, "*.ann")) or glob.glob(os.path.join(folder, "attributions", "*.ann")))


def load_brat_folder(folder: str) -> list[BratArticle]:
    """Every article of the folder that has an annotation file, sorted by name."""
    if os.path.isdir(os.path.join(folder, "attributions")):
        text_dir, ann_dir = os.path.join(folder, "text"), os.path.join(folder, "attributions")
    else:
        text_dir = ann_dir = folder
    texts = sorted(glob.glob(os.path.join(text_dir, "*.txt")))
    anns = sorted(glob.glob(os.path.join(ann_dir, "*.ann")))
    if not texts:
        raise BratError(folder, f"has .ann files but no .txt articles in {text_dir}")
    out = []
    for t in texts:
        base = os.path.basename(t)[:-4]
        mine = [a for a in anns if os.path.basename(a) == base + ".ann"]
        mine = mine or [a for a in anns if os.path.basename(a).startswith(base + "_")]
        if not mine:
            continue
        try:
            with open(t, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as e:
            raise BratError(t, f"cannot be read as UTF-8 text ({getattr(e, 'strerror', None) or e})") from None
        gold = load_ann(mine[0])
        for g in gold:
            for lo, hi in g.content + g.source + g.cue:
                if not 0 <= lo <= hi <= len(text):
                    raise BratError(mine[0], f"span {lo} {hi} is outside {os.path.basename(t)} "
                                             f"({len(text):,} characters): is it that article's file?")
        out.append(BratArticle(os.path.relpath(t, folder), os.path.abspath(t), text, gold))
    if not out:
        raise BratError(folder, "no .txt article has a matching .ann (NAME.txt beside NAME.ann or NAME_*.ann)")
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def is_direct(text: str, g: Attribution) -> bool:
    """An attribution is direct when its content holds a quotation mark."""
    return any(any(c in QMARKS for c in text[s:e]) for s, e in g.content)


def fragments(text: str, g: Attribution) -> list[Attribution]:
    """The quoted fragments of one direct attribution, each a gold unit with the attribution's source and cue."""
    out = []
    for s, e in g.content:
        marks = [i for i in range(s, e) if text[i] in QMARKS]
        start = None
        for m in marks:
            ch = text[m]
            if start is None:
                if ch in CLOSE:            # content starts mid-quote
                    out.append((s, m + 1))
                else:
                    start = m
            elif ch in OPEN and ch != '"':
                start = m                  # reopened without closing: keep the newest
            else:
                out.append((start, m + 1))
                start = None
        if start is not None:              # the quote runs on past the content range
            out.append((start, e))
    return [Attribution(content=[f], source=g.source, cue=g.cue) for f in out if f[1] - f[0] > 2]


def match(preds: list[dict], golds: list[Attribution], direct: bool) -> list[tuple[int, int]]:
    """One to one, greedy by overlap. Direct: half the shorter span; indirect: half the prediction and a quarter
    of the gold content's range."""
    pairs = []
    for i, p in enumerate(preds):
        ps = (p["start"], p["end"])
        plen = max(1, ps[1] - ps[0])
        for j, g in enumerate(golds):
            lo, hi = min(s for s, _ in g.content), max(e for _, e in g.content)
            ov = sum(_overlap(ps, r) for r in g.content)
            glen = max(1, hi - lo)
            if (ov >= 0.5 * min(plen, glen)) if direct else (ov >= 0.5 * plen and ov >= 0.25 * glen):
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _ov, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def speaker_right(p: dict, g: Attribution, text: str) -> bool:
    """The predicted speaker mention overlaps a gold Source span, or there is neither; without a mention,
    a word of the predicted name (three letters or more) in the source's text."""
    ss, se = p.get("speaker_start"), p.get("speaker_end")
    if not g.source:
        return ss is None and not p.get("speaker")
    if ss is not None and se is not None:
        return any(_overlap((ss, se), r) > 0 for r in g.source)
    name = (p.get("speaker") or "").lower()
    gold = " ".join(text[s:e] for s, e in g.source).lower()
    toks = {t for t in re.findall(r"[a-z][a-z'-]+", name) if len(t) > 2}
    return bool(toks & set(re.findall(r"[a-z][a-z'-]+", gold)))


def predictions(rec: dict) -> list[dict]:
    """An extraction record's quotes as the scorer sees them: partial counts as direct, nested is not scored."""
    preds = []
    for q in rec.get("quotes") or []:
        kind = {"partial": "direct"}.get(q.get("kind"), q.get("kind"))
        if kind not in KINDS:
            continue
        sp = q.get("speaker") or {}
        m = sp.get("mention") or {}
        preds.append({"start": q["start"], "end": q["end"], "kind": kind, "speaker": sp.get("name"),
                      "speaker_start": m.get("start"), "speaker_end": m.get("end")})
    return preds


def _clip(text: str, ranges: Ranges, n: int = 60) -> str:
    return " ".join(text[s:e] for s, e in ranges)[:n]


def score_brat(folder: str, articles: list[BratArticle], records: dict[str, dict]) -> BratReport:
    """Score one folder's extraction records (by article path) against its attributions."""
    report = BratReport(path=folder, docs=len(articles), by_kind={k: AttributionScore() for k in KINDS})
    for art in articles:
        text, preds = art.text, predictions(records[art.path])
        report.chars += len(text)
        for k in KINDS:
            direct = k == "direct"
            if direct:
                gk = [f for g in art.gold if is_direct(text, g) for f in fragments(text, g)]
            else:
                gk = [g for g in art.gold if not is_direct(text, g)]
            pk = [p for p in preds if p.get("kind", "direct") == k]
            pairs = match(pk, gk, direct=direct)
            score = report.by_kind[k]
            score.pred += len(pk)
            score.gold += len(gk)
            score.found += len(pairs)
            right = [speaker_right(pk[i], gk[j], text) for i, j in pairs]
            score.attributed += sum(right)
            _problems(report, art, k, pk, gk, pairs, right)
    return report


def _problems(report: BratReport, art: BratArticle, kind: str, pk: list[dict], gk: list[Attribution],
              pairs: list[tuple[int, int]], right: list[bool]) -> None:
    text = art.text
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    for j, g in enumerate(gk):
        if j not in matched_g:
            by = _clip(text, g.source, 40) or None
            report.problems.append(Problem(art.name, f"missed {kind} quote {_clip(text, g.content)!r} by {by!r}"))
    for i, p in enumerate(pk):
        if i not in matched_p:
            a = "an" if kind == "indirect" else "a"
            report.problems.append(Problem(art.name, f"not {a} {kind} quote: {text[p['start']:p['end']][:60]!r}"))
    for (i, j), ok in sorted(zip(pairs, right)):
        if not ok:
            p, g = pk[i], gk[j]
            said = p.get("speaker")
            if p.get("speaker_start") is not None and p.get("speaker_end") is not None:
                said = f"{said} ({text[p['speaker_start']:p['speaker_end']]!r})"
            want = _clip(text, g.source, 40) or None
            report.problems.append(Problem(art.name, f"{text[p['start']:p['end']][:50]!r} said by {said!r}, "
                                                     f"want {want!r}"))
