"""`quotegraph ingest` and the query commands end to end, through the command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from quotegraph.ingest import ingest, add_document


def run(*args, db, cwd=None):
    env = dict(os.environ, QUOTEGRAPH_DB=str(db))
    return subprocess.run([sys.executable, "-m", "quotegraph", *args], capture_output=True, text=True, env=env, cwd=cwd)


def _json(p):
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def cli(*args, db, with_stderr=False):
    """The same command in this process (fast, and the spaCy pipeline is loaded once): (exit code, stdout)."""
    from typer.testing import CliRunner

    from quotegraph.cli import app

    result = CliRunner().invoke(app, [*args, "--db", str(db)])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    if with_stderr:
        return result.exit_code, result.stdout, result.stderr
    return result.exit_code, result.stdout


def cli_json(*args, db):
    code, out = cli(*args, "--json", db=db)
    assert code == 0, out
    return json.loads(out)


@pytest.fixture(scope="module")
def seeded(nlp, shared, tmp_path_factory):
    """The example articles ingested twice through the CLI: (db path, first run, second run, stats after each)."""
    db = tmp_path_factory.mktemp("seeds") / "kb.db"
    first = cli("ingest", "--json", str(shared / "data" / "seeds"), db=db)
    stats1 = cli_json("stats", db=db)
    second = cli("ingest", "--json", str(shared / "data" / "seeds"), db=db)
    stats2 = cli_json("stats", db=db)
    return db, first, second, stats1, stats2


def test_ingest_of_the_seeds_reads_both_articles_and_not_gold_json(seeded):
    db, (code, out), *_ = seeded
    assert code == 0
    summary = json.loads(out)
    assert (summary["new"], summary["failed"]) == (2, 0)
    assert summary["quotes"] > 0 and summary["people"] > 0


def test_a_second_ingest_leaves_every_count_unchanged(seeded):
    db, _, (code, out), stats1, stats2 = seeded
    assert code == 0
    summary = json.loads(out)
    assert (summary["new"], summary["updated"], summary["unchanged"]) == (0, 0, 2)
    assert stats1 == stats2


def test_quotes_text_finds_the_escapism_quote(seeded):
    db = seeded[0]
    out = _json(run("quotes", "--text", "escapism", "--json", db=db))
    assert len(out["quotes"]) == 1
    q = out["quotes"][0]
    assert "escapism" in q["text"]
    assert q["published"].startswith("2021-01-02")
    assert set(q) >= {"id", "text", "kind", "speaker", "article", "published"}


def test_query_commands_print_json_and_text(seeded):
    db = seeded[0]
    people = cli_json("people", db=db)["people"]
    assert people
    person = cli_json("person", f"#{people[0]['id']}", db=db)
    assert set(person) >= {"name", "aliases", "roles", "quotes"}
    works = cli_json("works", db=db)["works"]
    if works:
        work = cli_json("work", f"#{works[0]['id']}", db=db)
        assert set(work) >= {"title", "created_by", "network", "cast"}
    qid = cli_json("quotes", "--text", "escapism", db=db)["quotes"][0]["id"]
    shown = cli_json("show", str(qid), db=db)
    assert "escapism" in shown["excerpt"]["text"]
    code, text = cli("show", str(qid), db=db)
    assert code == 0 and "escapism" in text
    for cmd in (["people"], ["works"], ["quotes", "--limit", "3"], ["person", f"#{people[0]['id']}"], ["stats"]):
        code, out = cli(*cmd, db=db)
        assert code == 0 and out.strip(), cmd


def test_unknown_names_and_missing_stores_are_one_line_errors(seeded, tmp_path):
    db = seeded[0]
    p = run("person", "Nobody At All", db=db)
    assert p.returncode == 1 and p.stderr.count("\n") == 1 and "no person called" in p.stderr
    p = run("quotes", db=tmp_path / "none.db")
    assert p.returncode == 1 and "quotegraph ingest" in p.stderr and "Traceback" not in p.stderr
    p = run("show", "99999", db=db)
    assert p.returncode == 1 and "no quote" in p.stderr


def test_export_writes_every_table(seeded, tmp_path):
    db = seeded[0]
    code, out = cli("export", "--format", "jsonl", "--out", str(tmp_path / "out"), db=db)
    assert code == 0, out
    assert sorted(os.listdir(tmp_path / "out")) == ["articles.jsonl", "entities.jsonl", "kb_entities.jsonl", "quote_clusters.jsonl",
                                                  "quotes.jsonl", "relations.jsonl"]


def test_a_bad_file_is_reported_the_run_goes_on_and_the_status_says_so(nlp, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text('A Good Story\n\n"We won," Jane Roe said after the match.\n', encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "kb.db"
    code, out, err = cli("ingest", "--json", str(folder), str(tmp_path / "missing.txt"), db=db, with_stderr=True)
    assert code == 1
    summary = json.loads(out)
    assert (summary["new"], summary["failed"]) == (1, 3)
    errors = [line for line in err.splitlines() if line.startswith("quotegraph: error:")]
    assert len(errors) == 3 and any("missing.txt" in e for e in errors) and any("binary.txt" in e for e in errors)


def test_jobs_2_stores_the_same_as_jobs_1(nlp, shared, tmp_path):
    from quotegraph.kb import open_kb

    seeds = str(shared / "data" / "seeds")
    stores = {}
    for jobs in (1, 2):
        with open_kb(str(tmp_path / f"{jobs}.db")) as kb:
            summary = ingest(kb, [seeds], jobs=jobs)
            assert (summary.new, summary.failed) == (2, 0)
            stores[jobs] = (sorted((q.article.id, q.start, q.end, q.speaker.name if q.speaker else None)
                                   for q in kb.quotes(limit=1000).items), kb.stats().to_dict() | {"path": ""})
    assert stores[1] == stores[2]


def test_workers_are_replaced_as_they_go_and_every_article_is_stored_once_in_order(nlp, tmp_path, monkeypatch):
    import importlib

    from quotegraph.kb import open_kb

    ingest_module = importlib.import_module("quotegraph.ingest")  # the module, not its ingest function
    monkeypatch.setattr(ingest_module, "RECYCLE_BATCHES_PER_WORKER", 1)  # new workers every 2 batches of 8
    pools = []
    real_pool = ingest_module.ProcessPoolExecutor
    monkeypatch.setattr(ingest_module, "ProcessPoolExecutor", lambda *a, **k: pools.append(1) or real_pool(*a, **k))
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(40):
        (folder / f"{k:02d}.txt").write_text(f'Story {k}\n\n"We won game {k}," Jane Roe said after the match.\n',
                                           encoding="utf-8")
    events = []
    with open_kb(str(tmp_path / "kb.db")) as kb:
        summary = ingest(kb, [str(folder)], jobs=2, on_event=events.append)
        assert (summary.new, summary.failed) == (40, 0)
        assert [e.source for e in events] == sorted(str(f) for f in folder.iterdir())
        quotes = kb.quotes(limit=100).items
        assert len(quotes) == 40 and {q.speaker.name for q in quotes} == {"Jane Roe"}
        assert sorted(q.text.strip(" ,") for q in quotes) == sorted(f"We won game {k}" for k in range(40))
        assert kb.conn.execute("PRAGMA cache_size").fetchone()[0] == -65536  # the store's own cache again
    assert len(pools) == 3  # 5 batches: workers replaced after the 2nd and the 4th


def test_merge_and_split_commands(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text('Story One\n\n"We won," Jane Roe said after the match.\n', encoding="utf-8")
    (folder / "b.txt").write_text('Story Two\n\n"We lost," Janie Roe said after the final.\n', encoding="utf-8")
    db = tmp_path / "kb.db"
    assert cli("ingest", "-q", str(folder), db=db)[0] == 0
    people = {p["name"]: p["id"] for p in cli_json("people", db=db)["people"]}
    if not {"Jane Roe", "Janie Roe"} <= set(people):
        pytest.skip(f"the engine did not name both speakers yet: {sorted(people)}")
    merged = cli_json("merge", "Jane Roe", "Janie Roe", db=db)
    assert merged["entity"] == people["Jane Roe"]
    assert len(cli_json("quotes", "--speaker", "Jane Roe", db=db)["quotes"]) == 2
    assert cli("ingest", "-q", "--force", str(folder), db=db)[0] == 0
    assert len(cli_json("quotes", "--speaker", "Jane Roe", db=db)["quotes"]) == 2
    split = cli_json("split", "Jane Roe", "Janie Roe", db=db)
    assert split["other"] == people["Janie Roe"]
    assert len(cli_json("quotes", "--speaker", "Jane Roe", db=db)["quotes"]) == 1
    assert len(cli_json("quotes", "--speaker", "Janie Roe", db=db)["quotes"]) == 1


def test_add_document_extracts_and_stores_one_upload(nlp, tmp_path):
    from quotegraph.errors import InputError
    from quotegraph.kb import open_kb
    from quotegraph.readers import RawDocument

    with open_kb(str(tmp_path / "kb.db")) as kb:
        page = b'<html><head><title>Win</title></head><body><article><p>The team won the final on Sunday after ' \
               b'a long season of close games and late goals.</p><p>"We never gave up," Jane Roe said after the ' \
               b'match, holding the trophy above her head.</p></article></body></html>'
        raw = RawDocument(source="upload", data=page, media_type="text/html", url="https://example.com/win")
        assert add_document(kb, raw).status == "new"
        assert add_document(kb, raw).status == "unchanged"
        assert kb.articles().items[0].url == "https://example.com/win"
        with pytest.raises(InputError):
            add_document(kb, RawDocument(source="empty", data=b"", media_type="text/plain"))
