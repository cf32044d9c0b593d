"""A metadata.yaml for Datasette (`datasette quotegraph.db -m metadata.yaml`): what each table and view
holds, the label to show for a record, and canned queries a data journalist starts from.

The store needs nothing else: quotes_fts is tied to quotes as external content, so Datasette offers
full-text search (`?_search=`) on quotes, and the quotes_with_sources view reads without ids.
"""
from __future__ import annotations

import os

TABLES = {
    "articles": "One row per article: its URL or path, title, dek, authors (JSON), date, outlet and the text "
                "every offset in the store indexes.",
    "quotes": "Every quotation found: its words, kind (direct, partial, indirect, nested), character span in "
              "its article's text, the speaker as the article names them and the record they resolved to "
              "(speaker_id), the cue word. Full-text search (Porter stems) over the words.",
    "quotes_with_sources": "Each quote with its speaker's name, its article's title, outlet, date and URL.",
    "entities": "One record per person, work, character, organisation or place across articles, with how "
                "often each is quoted, quoted about and mentioned.",
    "entity_names": "Every name a record goes by (aliases), as written and normalised.",
    "article_entities": "Each article's own mentions of a record, with their character spans.",
    "quote_about": "Which records a quote's words or sentence name.",
    "relations": "Facts stated in articles (plays, created, streams on, ...) with the sentence stating them.",
}

QUERIES = {
    "most_quoted_people": {
        "title": "Most quoted people",
        "sql": "SELECT e.id, e.name, e.quote_count AS quotes, e.article_count AS articles\n"
               "FROM entities e\n"
               "WHERE e.type = 'person' AND e.merged_into IS NULL AND e.quote_count > 0\n"
               "ORDER BY e.quote_count DESC, e.name\nLIMIT 100",
    },
    "person_quotes_over_time": {
        "title": "A person's quotes over time (by month)",
        "sql": "SELECT substr(q.published, 1, 7) AS month, count(*) AS quotes\n"
               "FROM quotes_with_sources q\n"
               "WHERE q.speaker = :name\n"
               "GROUP BY month ORDER BY month",
    },
    "person_quotes": {
        "title": "A person's quotes, newest first",
        "sql": "SELECT published, text, kind, outlet, article_title, url\n"
               "FROM quotes_with_sources\n"
               "WHERE speaker = :name\n"
               "ORDER BY id DESC",
    },
    "outlets": {
        "title": "Outlets by quotes",
        "sql": "SELECT outlet, count(*) AS quotes, count(DISTINCT article_key) AS articles\n"
               "FROM quotes_with_sources GROUP BY outlet ORDER BY quotes DESC",
    },
}


def metadata(db_path: str) -> dict:
    """Datasette's metadata for the store at `db_path` (its database name is the file's name)."""
    name = os.path.splitext(os.path.basename(db_path))[0]
    tables: dict[str, dict] = {t: {"description": d} for t, d in TABLES.items()}
    tables["entities"]["label_column"] = "name"
    tables["quotes"]["fts_table"] = "quotes_fts"
    tables["quotes"]["fts_pk"] = "id"
    for shadow in ("quotes_fts", "quotes_fts_data", "quotes_fts_idx", "quotes_fts_docsize", "quotes_fts_config"):
        tables[shadow] = {"hidden": True}
    return {"title": "quotegraph", "description": "Who said what, about whom, when and where: quotes from news "
                                                  "articles, attributed and linked to their sources.",
            "databases": {name: {"tables": tables, "queries": QUERIES}}}


def to_yaml(value, indent: int = 0) -> str:
    """YAML for metadata's plain dicts, strings, numbers and booleans (multi-line strings as block scalars)."""
    pad = "  " * indent
    lines = []
    for key, v in value.items():
        if isinstance(v, dict):
            lines.append(f"{pad}{key}:")
            lines.append(to_yaml(v, indent + 1))
        elif isinstance(v, bool):
            lines.append(f"{pad}{key}: {'true' if v else 'false'}")
        elif isinstance(v, str) and "\n" in v:
            lines.append(f"{pad}{key}: |-")
            lines.extend(f"{pad}  {line}" for line in v.splitlines())
        else:
            text = str(v).replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'{pad}{key}: "{text}"')
    return "\n".join(lines)


def write_metadata(db_path: str, out: str) -> str:
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# Datasette metadata for {os.path.basename(db_path)}: datasette {db_path} -m {out}\n")
        f.write(to_yaml(metadata(db_path)) + "\n")
    return out
