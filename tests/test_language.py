"""Language detection: an ingest skips, with its reason, an article the English pipeline cannot read."""
from __future__ import annotations

import re

import pytest

from quotegraph.ingest import ingest
from quotegraph.kb import open_kb
from quotegraph.language import LanguageSkipped, check_language, detect_language

ENGLISH = """Harbour plan approved after long debate

The council approved the harbour plan on Tuesday after a long debate about its cost to residents.

"We will start building in the spring," said Mayor Jane Holloway, who has backed the plan since 2019.

Opponents said the cost would fall on families who already pay too much for water and for rent.
"""

INDONESIAN = """Dewan kota menyetujui rencana pelabuhan

Dewan kota menyetujui rencana pembangunan pelabuhan baru pada hari Selasa setelah perdebatan panjang.

"Kami akan mulai membangun pada musim semi," kata Wali Kota Jane Holloway, yang mendukung rencana itu.

Para penentang mengatakan biayanya akan ditanggung oleh keluarga yang sudah membayar terlalu mahal untuk air.
"""


def test_detects_the_language_of_a_text():
    assert detect_language(ENGLISH)[0] == "en"
    assert detect_language(INDONESIAN)[0] in ("id", "ms")


def test_check_skips_only_a_confident_verdict_on_enough_text():
    with pytest.raises(LanguageSkipped, match="cannot read; --language en reads it anyway"):
        check_language("x.txt", INDONESIAN, "en", "auto")
    check_language("x.txt", ENGLISH, "en", "auto")
    check_language("x.txt", "Kata menteri: kami setuju.", "en", "auto")  # too short to judge: read
    check_language("x.txt", INDONESIAN, "en", "en")  # the user says what it is
    check_language("x.txt", INDONESIAN, "en", None)  # no check asked for


def test_ingest_skips_what_the_model_cannot_read_with_the_reason(tmp_path, nlp):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "harbour.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "in" / "pelabuhan.txt").write_text(INDONESIAN, encoding="utf-8")
    with open_kb(str(tmp_path / "kb.db")) as kb:
        summary = ingest(kb, [str(tmp_path / "in")])
        assert (summary.new, summary.skipped, summary.failed) == (1, 1, 0)
        assert len(summary.skipped_reasons) == 1 and "pelabuhan.txt" in summary.skipped_reasons[0]
        assert "written in language" in summary.skipped_reasons[0]
        assert summary.to_dict()["skipped"] == 1
        assert [a.title for a in kb.articles().items] == ["Harbour plan approved after long debate"]
    with open_kb(str(tmp_path / "all.db")) as kb:
        summary = ingest(kb, [str(tmp_path / "in")], language="en")  # --language: read it all
        assert (summary.new, summary.skipped) == (2, 0)


def test_ingest_cli_prints_the_skip_and_exits_1(tmp_path, nlp):
    from typer.testing import CliRunner

    from quotegraph.cli import app

    page = tmp_path / "pelabuhan.txt"
    page.write_text(INDONESIAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "--quiet", "--db", str(tmp_path / "kb.db"), str(page)],
                                terminal_width=200)
    assert result.exit_code == 1, result.output  # something given was not stored, as for any skipped input
    assert "quotegraph: skipped: " in result.stderr and "pelabuhan.txt" in result.stderr
    assert re.search(r"inputs skipped\s+1\b", result.stdout) and "--language en reads it anyway" in result.stdout
