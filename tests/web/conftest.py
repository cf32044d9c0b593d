"""Fixtures for the web tests: small stores built from ArticleResults written by hand, and clients over them.

`make_article` finds every span by its words in the text, so a test says what the engine would
have found ("Ada Lovelace said ...") without counting offsets and without depending on the
engine's accuracy.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from quotegraph.kb import open_kb
from quotegraph.result import ArticleResult, Entity, Mention, Quote, Relation, Span, Speaker



def pytest_configure(config):
    # starlette's TestClient nudges towards the httpx2 package; httpx is what the project uses
    config.addinivalue_line("filterwarnings", "ignore:.*httpx2.*")

TOKEN = "test-token-5b1f0e7c2d"


def _find(text: str, words: str, after: int = 0) -> Span:
    """The first `words` at or after `after` (else anywhere); "she told|told" finds "she told" and keeps "told"."""
    context, _, part = words.partition("|")
    part = part or context
    i = text.find(context, after)
    if i < 0:
        i = text.find(context)
    assert i >= 0, f"{context!r} is not in the text"
    i += context.index(part)
    return Span(i, i + len(part), part)


def _paragraphs(text: str) -> list[Mention]:
    out, pos = [], 0
    for block in text.split("\n\n"):
        if block.strip():
            out.append(Mention(pos, pos + len(block)))
        pos += len(block) + 2
    return out


def make_article(text: str, source: str, *, title: str | None = None, dek: str | None = None,
                 published: str | None = None, outlet: str | None = None, url: str | None = None,
                 authors: list[str] | None = None, entities: list[tuple] = (), quotes: list[dict] = (),
                 relations: list[tuple] = ()) -> ArticleResult:
    """entities: (name, type, [surface forms]); quotes: dicts with words, speaker, mention, cue, kind, nested_in;
    relations: (subject, predicate, object, qualifier)."""
    ents = []
    for i, (name, typ, *rest) in enumerate(entities):
        forms = rest[0] if rest else [name]
        found = {(m.start(), m.start() + len(f)) for f in forms for m in _finditer(text, f)}
        spans = sorted(s for s in found if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in found))
        ents.append(Entity(id=f"e{i + 1}", name=name, type=typ, mentions=[Mention(s, e) for s, e in spans],
                           aliases=[f for f in forms if f != name]))
    by_name = {e.name: e.id for e in ents}
    qs = []
    for i, q in enumerate(quotes):
        span = _find(text, q["words"])
        speaker = None
        if q.get("speaker"):
            mention = _find(text, q["mention"], span.end) if q.get("mention") else None
            speaker = Speaker(name=q["speaker"], entity=by_name.get(q["speaker"]), mention=mention)
        cue = _find(text, q["cue"], span.end) if q.get("cue") else None
        qs.append(Quote(id=q.get("id", f"q{i + 1}"), kind=q.get("kind", "direct"), text=q["words"], start=span.start,
                        end=span.end, speaker=speaker, cue=cue, nested_in=q.get("nested_in")))
    rels = []
    paragraphs = _paragraphs(text)
    for subject, predicate, obj, qualifier in relations:
        holding = [p for p in paragraphs if subject in text[p.start:p.end] and obj in text[p.start:p.end]]
        rels.append(Relation(subject=subject, predicate=predicate, object=obj, qualifier=qualifier,
                             evidence=holding[0] if holding else Mention(0, len(text)),
                             subject_entity=by_name.get(subject), object_entity=by_name.get(obj)))
    return ArticleResult(source=source, text=text, title=title, dek=dek, published=published, outlet=outlet, url=url,
                         authors=list(authors or []), paragraphs=paragraphs, quotes=qs, entities=ents,
                         relations=rels)


def _finditer(text: str, words: str):
    import re

    found = list(re.finditer(re.escape(words), text))
    assert found, f"{words!r} is not in the text"
    return found


ENGINE_TEXT = """Ada Lovelace said the machine would one day compose music. "The engine might compose elaborate pieces of music," Lovelace wrote in her notes.

Charles Babbage disagreed. "It only does what we order it to perform," Babbage said, "and Ada knows it: 'we order it,' she told me once."

Lovelace plays the Countess in The Difference Engine, a series on Channel Nine created by William Gibson."""

SECOND_TEXT = """Babbage returned to the subject a year later. "The Difference Engine is the finest thing on television," Babbage said.

An unnamed viewer added: "Nobody I know watches it."

"Music is the least of it," Lovelace told the Evening Star."""


def engine_article() -> ArticleResult:
    """Two speakers, a nested quote, a cue for each, a work with network, creator and cast."""
    return make_article(
        ENGINE_TEXT, "notes/engine.txt", title="The engine that would compose", dek="Two inventors on music and machines",
        published="2021-03-05", outlet="Daily Planet", url="https://planet.example/engine", authors=["Lois Lane"],
        entities=[("Ada Lovelace", "person", ["Ada Lovelace", "Lovelace", "Ada"]),
                  ("Charles Babbage", "person", ["Charles Babbage", "Babbage"]),
                  ("The Difference Engine", "work", ["The Difference Engine"]),
                  ("the Countess", "character", ["the Countess"]),
                  ("Channel Nine", "organization", ["Channel Nine"]),
                  ("William Gibson", "person", ["William Gibson"])],
        quotes=[{"words": "the machine would one day compose music", "speaker": "Ada Lovelace", "mention": "Ada Lovelace",
                 "cue": "Lovelace said the|said", "kind": "indirect"},
                {"words": "The engine might compose elaborate pieces of music,", "speaker": "Ada Lovelace",
                 "mention": "Lovelace wrote|Lovelace", "cue": "Lovelace wrote|wrote"},
                {"words": "It only does what we order it to perform,", "speaker": "Charles Babbage",
                 "mention": 'Babbage said, "and|Babbage', "cue": 'Babbage said, "and|said'},
                {"words": "and Ada knows it: 'we order it,' she told me once.", "speaker": "Charles Babbage",
                 "mention": 'Babbage said, "and|Babbage', "cue": 'Babbage said, "and|said'},
                {"words": "we order it,", "speaker": "Ada Lovelace", "mention": "she told|she", "cue": "she told|told",
                 "kind": "nested", "nested_in": "q4"}],
        relations=[("Ada Lovelace", "plays", "the Countess", "The Difference Engine"),
                   ("The Difference Engine", "airs on", "Channel Nine", None),
                   ("William Gibson", "created", "The Difference Engine", None)])


def second_article() -> ArticleResult:
    """A later article from another outlet: a quote about the work, one without a speaker."""
    return make_article(
        SECOND_TEXT, "notes/second.txt", title="A year of the Engine", published="2022-07-01", outlet="Evening Star",
        entities=[("Charles Babbage", "person", ["Babbage"]), ("Ada Lovelace", "person", ["Lovelace"]),
                  ("The Difference Engine", "work", ["The Difference Engine"])],
        quotes=[{"words": "The Difference Engine is the finest thing on television,", "speaker": "Charles Babbage",
                 "mention": "Babbage said.|Babbage", "cue": "Babbage said.|said"},
                {"words": "Nobody I know watches it."},
                {"words": "Music is the least of it,", "speaker": "Ada Lovelace", "mention": "Lovelace told|Lovelace",
                 "cue": "Lovelace told|told"}])


def build_store(path: str) -> str:
    with open_kb(path) as kb:
        kb.add_result(engine_article(), engine="test")
        kb.add_result(second_article(), engine="test")
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    """A store holding the two articles above, shared by a module's read-only tests."""
    return build_store(str(tmp_path_factory.mktemp("web") / "web.db"))


@pytest.fixture
def fresh_store(tmp_path: Path) -> str:
    """The same store, of this test's own (for tests that write)."""
    return build_store(str(tmp_path / "web.db"))


def _client(path: str, **settings):
    from fastapi.testclient import TestClient

    from quotegraph.settings import Settings
    from quotegraph.web import create_app

    return TestClient(create_app(Settings(db=path, **settings)))


@pytest.fixture(scope="module")
def client(store: str):
    """Read-only: no token configured."""
    with _client(store) as c:
        yield c


@pytest.fixture
def writer(fresh_store: str):
    """A server that accepts writes with TOKEN."""
    with _client(fresh_store, token=TOKEN) as c:
        yield c


@pytest.fixture
def make_client():
    clients = []

    def make(path: str, **settings):
        c = _client(path, **settings)
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()


@pytest.fixture(scope="module")
def ids(store: str) -> dict[str, int]:
    """Record ids by name in the store above."""
    with open_kb(store, readonly=True) as kb:
        out = {}
        for name in ("Ada Lovelace", "Charles Babbage", "William Gibson"):
            out[name] = kb.find(name, ("person",))[0].id
        out["The Difference Engine"] = kb.find("The Difference Engine", ("work",))[0].id
        return out
