"""ArticleResult.to_dict is dataclasses.asdict written for speed: the same dict, key order included."""
from __future__ import annotations

import json
from dataclasses import asdict

from quotegraph.result import ArticleResult, Entity, Mention, Quote, QuoteKind, Relation, Span, Speaker


def test_to_dict_equals_asdict():
    res = ArticleResult(
        source="a.txt", text="Jane Roe said \u201cHi.\u201d", title="T", authors=["A B"],
        paragraphs=[Mention(0, 19)],
        quotes=[Quote(id="q1", kind=QuoteKind.direct, text="\u201cHi.\u201d", start=14, end=19,
                      speaker=Speaker("Jane Roe", "e1", Span(0, 8, "Jane Roe")), cue=Span(9, 13, "said")),
                Quote(id="q2", kind="indirect", text="x", start=1, end=2)],
        entities=[Entity(id="e1", name="Jane Roe", type="person", mentions=[Mention(0, 8)], aliases=["Roe"])],
        relations=[Relation("Jane Roe", "plays", "X", None, Mention(0, 8), subject_entity="e1")],
    )
    d = res.to_dict()
    assert d == asdict(res)
    assert json.dumps(d, ensure_ascii=False) == json.dumps(asdict(res), ensure_ascii=False)
    assert d["quotes"][0]["speaker"]["mention"] is not res.quotes[0].speaker.mention  # a copy, as asdict makes
    assert ArticleResult.from_dict(d) == res
