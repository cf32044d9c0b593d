"""brat standoff of our own: discontinuous and multi-line spans load, the two folder layouts, and the scoring rules."""
from __future__ import annotations

import pytest

import quotegraph
from quotegraph.evaluate import folder_kind
from quotegraph.evaluate.brat import (BratError, fragments, is_direct, load_ann, load_brat_folder, match,
                                      score_brat, speaker_right)

TEXT = ('Bridge To Close For Repairs\n\nThe mayor, Jane Doe, said the bridge would close in June. '
        '"It is old," Doe told reporters.\n\n\u201cWe cannot wait.\n\nIt must be rebuilt,\u201d she added.\n')
DOE = (TEXT.index("Doe told"), TEXT.index("Doe told") + 3)   # the second Doe


def at(s, text=TEXT):
    i = text.index(s)
    return i, i + len(s)


def ann_line(tid, typ, *pieces):
    ranges = [at(p) for p in pieces]
    return f"{tid}\t{typ} {';'.join(f'{s} {e}' for s, e in ranges)}\t{' '.join(pieces)}"


OPENING, CLOSING = "\u201cWe cannot wait.", "It must be rebuilt,\u201d"


def write_ann(path):
    """Three attributions: an indirect one, a direct one, and a direct one whose content is a discontinuous span
    whose text runs over a blank line (as in three PolNeAR train files), with an annotator note and a role digit."""
    lines = [
        ann_line("T1", "Source", "Jane Doe"), ann_line("T2", "Cue", "said"),
        ann_line("T3", "Content", "the bridge would close in June"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tSource {DOE[0]} {DOE[1]}\tDoe", ann_line("T6", "Cue", "told"), ann_line("T7", "Content", '"It is old,"'),
        "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
        "#1\tAnnotatorNotes T7\tshort",
        f"T9\tContent {at(OPENING)[0]} {at(OPENING)[1]};{at(CLOSING)[0]} {at(CLOSING)[1]}\t{OPENING}\n\n{CLOSING}",
        ann_line("T10", "Source", "she"), ann_line("T11", "Cue", "added"),
        "E3\tAttribution:T12 Content:T9 Cue:T11 Source2:T10",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_discontinuous_and_multi_line_spans_load(tmp_path):
    write_ann(tmp_path / "bridge.ann")
    gold = load_ann(str(tmp_path / "bridge.ann"))
    assert len(gold) == 3
    third = gold[2]
    assert [TEXT[s:e] for s, e in third.content] == [OPENING, CLOSING]
    assert [TEXT[s:e] for s, e in third.source] == ["she"]         # Source2 is a Source
    assert [TEXT[s:e] for s, e in gold[0].cue] == ["said"]
    assert not is_direct(TEXT, gold[0]) and is_direct(TEXT, gold[1]) and is_direct(TEXT, third)
    # each quoted piece of a direct content is a gold unit; a quote left open runs to the end of its range
    assert [TEXT[s:e] for f in fragments(TEXT, third) for s, e in f.content] == [OPENING, CLOSING]


def test_a_line_of_span_text_that_looks_like_an_annotation_is_text(tmp_path):
    p = tmp_path / "x.ann"
    p.write_text(f"T1\tContent {at('the bridge')[0]} {at('June')[1]}\tthe bridge would\nThe rest, on its own line\n"
                 "E1\tAttribution:T2 Content:T1\n", encoding="utf-8")
    gold, = load_ann(str(p))
    assert gold.content == [(at("the bridge")[0], at("June")[1])] and gold.source == []


@pytest.mark.parametrize("lines, reason", [
    (["T1\tContent ten 20\tx"], r"line 1: span 'ten 20' is not START END"),
    (["T1\tContent 1 5\tx", "E1\tContent:T1 Source:T7"], r"line 2: Source T7 is not a text-bound annotation"),
    (["E1\tContent=T1"], r"line 1: event argument 'Content=T1' is not ROLE:ID"),
])
def test_a_broken_ann_file_names_its_line(tmp_path, lines, reason):
    p = tmp_path / "bad.ann"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BratError, match=reason):
        load_ann(str(p))


def test_both_folder_layouts(tmp_path):
    flat = tmp_path / "flat"
    flat.mkdir()
    (flat / "bridge.txt").write_text(TEXT, encoding="utf-8")
    (flat / "unanswered.txt").write_text("No answers here.", encoding="utf-8")
    write_ann(flat / "bridge.ann")
    assert folder_kind(str(flat)) == "brat"
    arts = load_brat_folder(str(flat))
    assert [a.name for a in arts] == ["bridge.txt"] and len(arts[0].gold) == 3

    polnear = tmp_path / "dev"
    (polnear / "text").mkdir(parents=True)
    (polnear / "attributions").mkdir()
    (polnear / "text" / "bridge.txt").write_text(TEXT, encoding="utf-8")
    write_ann(polnear / "attributions" / "bridge_b2.ann")
    (polnear / "attributions" / "bridge_a1.ann").write_text("", encoding="utf-8")   # the first annotator's is used
    assert folder_kind(str(polnear)) == "brat"
    arts = load_brat_folder(str(polnear))
    assert [a.name for a in arts] == ["text/bridge.txt"] and arts[0].gold == []


def test_spans_outside_the_text_are_refused(tmp_path):
    (tmp_path / "short.txt").write_text("Too short.", encoding="utf-8")
    write_ann(tmp_path / "short.ann")
    with pytest.raises(BratError, match=r"short\.ann: span \d+ \d+ is outside short\.txt"):
        load_brat_folder(str(tmp_path))


def pred(kind, s, speaker=None, mention=(None, None)):
    start, end = at(s)
    m = mention
    return {"kind": kind, "start": start, "end": end, "speaker": speaker, "speaker_start": m[0], "speaker_end": m[1]}


def test_matching_and_speakers(tmp_path):
    write_ann(tmp_path / "bridge.ann")
    gold = load_ann(str(tmp_path / "bridge.ann"))
    direct = [f for g in gold if is_direct(TEXT, g) for f in fragments(TEXT, g)]
    # direct: half of the shorter span is enough; one prediction takes one gold unit
    preds = [pred("direct", "It is old"), pred("direct", "We cannot"), pred("direct", "We cannot wait.")]
    assert sorted(match(preds, direct, direct=True)) == [(0, 0), (2, 1)]
    # indirect: half the prediction and a quarter of the gold content
    indirect = [g for g in gold if not is_direct(TEXT, g)]
    assert match([pred("indirect", "the bridge would")], indirect, direct=False) == [(0, 0)]
    assert match([pred("indirect", "The mayor, Jane Doe, said the bridge")], indirect, direct=False) == []
    # speaker: the mention overlaps the source; without a mention, a word of the name in the source
    assert speaker_right(pred("direct", "It is old", "Jane Doe", mention=DOE), direct[0], TEXT)
    assert not speaker_right(pred("direct", "It is old", "Jane Doe", mention=at("Jane Doe")), direct[0], TEXT)
    assert speaker_right(pred("direct", "It is old", "Jane Doe"), direct[0], TEXT)


def test_score_brat_counts_and_errors(tmp_path):
    (tmp_path / "bridge.txt").write_text(TEXT, encoding="utf-8")
    write_ann(tmp_path / "bridge.ann")
    arts = load_brat_folder(str(tmp_path))
    def quote(kind, s, m=None):
        speaker = {"name": "Jane Doe", "mention": {"start": m[0], "end": m[1]}} if m else None
        return {"kind": kind, "start": at(s)[0], "end": at(s)[1], "speaker": speaker}

    jane = at("Jane Doe")
    rec = {"quotes": [quote("direct", "It is old,", DOE), quote("partial", "We cannot wait.", jane),
                      quote("indirect", "the bridge would close in June", jane),
                      quote("nested", "It must"), quote("indirect", "told reporters")]}
    r = score_brat(str(tmp_path), arts, {arts[0].path: rec})
    d, i = r.by_kind["direct"], r.by_kind["indirect"]
    assert (d.pred, d.gold, d.found, d.attributed) == (2, 3, 2, 1)     # partial counts as direct; nested is not scored
    assert (i.pred, i.gold, i.found, i.attributed) == (2, 1, 1, 1)
    assert d.extract_prf == (1.0, 0.667, 0.8) and d.attrib_prf == (0.5, 0.333, 0.4)
    assert d.speaker_acc_on_found == 0.5
    assert (r.docs, r.chars) == (1, len(TEXT))
    assert r.summary() == "direct attribution F1 0.4 (extraction 0.8); indirect attribution F1 0.667 (extraction 0.667)"
    errors = [str(p) for p in r.problems]
    assert f"bridge.txt: missed direct quote {CLOSING!r} by 'she'" in errors
    assert "bridge.txt: not an indirect quote: 'told reporters'" in errors
    assert "bridge.txt: 'We cannot wait.' said by \"Jane Doe ('Jane Doe')\", want 'she'" in errors


def test_evaluate_runs_extraction_on_a_brat_folder(tmp_path, nlp):
    (tmp_path / "bridge.txt").write_text(TEXT, encoding="utf-8")
    write_ann(tmp_path / "bridge.ann")
    r, = quotegraph.evaluate(str(tmp_path)).folders
    assert r.kind == "brat" and r.docs == 1
    assert r.by_kind["direct"].gold == 3 and r.by_kind["indirect"].gold == 1
    assert r.by_kind["direct"].found >= 1          # '"It is old," Doe told reporters' at least
    assert all(str(p).startswith("bridge.txt: ") for p in r.problems)


def test_polnear_train_loads_whole(shared):
    """The train compartment, with its three files of multi-line spans, loads without a crash."""
    arts = load_brat_folder(str(shared / "data" / "polnear" / "train"))
    assert len(arts) > 800 and all(a.gold for a in arts[:10])
