"""The store in Datasette: full-text search on quotes (_search), the quotes_with_sources view, and the
metadata `quotegraph datasette-metadata` writes, through Datasette's own test client on a seeds store."""
from __future__ import annotations

import asyncio

import pytest
import yaml

from quotegraph.ingest import ingest
from quotegraph.kb import open_kb

datasette_app = pytest.importorskip("datasette.app", reason="pip install -e '.[dev]' installs datasette")


@pytest.fixture(scope="module")
def seeds_store(shared, tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("datasette")
    db = folder / "quotegraph.db"
    with open_kb(str(db)) as kb:
        assert ingest(kb, [str(shared / "data" / "seeds")]).new >= 2
    return folder, db


@pytest.fixture(scope="module")
def metadata(seeds_store):
    from typer.testing import CliRunner

    from quotegraph.cli import app

    folder, db = seeds_store
    out = folder / "metadata.yaml"
    result = CliRunner().invoke(app, ["datasette-metadata", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return yaml.safe_load(out.read_text(encoding="utf-8"))


def _get(db, metadata, path: str):
    ds = datasette_app.Datasette([str(db)], metadata=metadata)

    async def fetch():
        return await ds.client.get(path)

    return asyncio.run(fetch())


def test_search_on_quotes_finds_the_escapism_quote_with_ashley_parks_name(seeds_store, metadata):
    _, db = seeds_store
    r = _get(db, metadata, "/quotegraph/quotes.json?_search=escapism&_shape=objects")
    assert r.status_code == 200, r.text[:500]
    rows = r.json()["rows"]
    assert len(rows) == 1 and "escapism" in rows[0]["text"] and rows[0]["speaker_name"] == "Ashley Park"
    plain = _get(db, metadata, "/quotegraph/quotes.json?_search=escapism")  # the address as written in the README
    assert plain.status_code == 200 and "escapism" in plain.text and "Ashley Park" in plain.text


def test_datasette_offers_search_without_the_metadata_too(seeds_store):
    _, db = seeds_store
    r = _get(db, None, "/quotegraph/quotes.json?_search=escapism&_shape=objects")
    assert r.status_code == 200 and len(r.json()["rows"]) == 1


def test_view_reads_quotes_with_names_titles_outlets_dates_and_urls(seeds_store, metadata):
    _, db = seeds_store
    r = _get(db, metadata, "/quotegraph/quotes_with_sources.json?_shape=objects&text__contains=escapism")
    row = r.json()["rows"][0]
    assert row["speaker"] == "Ashley Park" and row["article_title"] and row["published"].startswith("2021-01-02")
    assert set(row) >= {"speaker", "article_title", "outlet", "published", "url", "text"}


def test_metadata_describes_tables_and_canned_queries_run(seeds_store, metadata):
    _, db = seeds_store
    tables = metadata["databases"]["quotegraph"]["tables"]
    assert "Full-text search" in tables["quotes"]["description"]
    r = _get(db, metadata, "/quotegraph/most_quoted_people.json?_shape=objects")
    assert r.status_code == 200 and r.json()["rows"][0]["quotes"] >= 1
    r = _get(db, metadata, "/quotegraph/person_quotes_over_time.json?_shape=objects&name=Ashley+Park")
    assert r.status_code == 200 and r.json()["rows"] and r.json()["rows"][0]["month"] == "2021-01"
    r = _get(db, metadata, "/quotegraph.json")
    assert r.status_code == 200
