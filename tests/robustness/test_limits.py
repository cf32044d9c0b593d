"""Limits a user can raise: bytes per file, characters per article, seconds per article; and inputs that
used to take quadratic time in spaCy's tokenizer (long runs of quote marks or emoji)."""
from __future__ import annotations

import threading
import time

import pytest

from quotegraph.errors import QuotegraphError
from quotegraph.limits import (ArticleTimeout, Budget, LimitError, Limits, RunSplittingTokenizer, guard_pipeline,
                               time_limit)
from quotegraph.readers import RawDocument


def raw_text(text: str, source: str = "x.txt") -> RawDocument:
    return RawDocument(source=source, data=text.encode("utf-8"), media_type="text/plain")


def extract_one(nlp, raw: RawDocument, limits: Limits | None = None):
    from quotegraph.pipeline import extract_documents

    ((_, res),) = extract_documents([raw], nlp, limits=limits)
    return res


def long_sentence(n: int) -> str:
    words = "the council said on Monday that members of the town board would build a bridge over the river".split()
    out, size, i = [], 0, 0
    while size < n:
        out.append(words[i % len(words)])
        size += len(out[-1]) + 1
        i += 1
    return " ".join(out)[: n - 1] + "."


# -- the tokenizer guard ------------------------------------------------------------------------

@pytest.mark.parametrize("run", ['"' * 50_000, "\U0001F600" * 20_000, "\u201c\u201d" * 20_000, ".,!?" * 10_000],
                         ids=["quote marks", "emoji", "curly quotes", "punctuation"])
def test_long_runs_without_whitespace_tokenize_in_linear_time_and_keep_the_text(nlp, run):
    tokenizer = RunSplittingTokenizer(nlp.tokenizer)
    text = "Before the run " + run + " and after it."
    started = time.perf_counter()
    doc = tokenizer(text)
    assert time.perf_counter() - started < 10  # unguarded: minutes (quadratic suffix search)
    assert doc.text == text
    assert [t.text for t in doc[:3]] == ["Before", "the", "run"] and doc[-1].text == "."


def test_ordinary_text_tokenizes_exactly_as_before(nlp):
    text = 'She said: "We will win," and left. Visit https://example.com/a/very/long/path?x=1 today.'
    assert [t.text for t in RunSplittingTokenizer(nlp.tokenizer)(text)] == [t.text for t in nlp.tokenizer(text)]


def test_guard_is_installed_once_and_lets_the_parser_take_max_chars(nlp):
    guard_pipeline(nlp, Limits())
    inner = nlp.tokenizer
    guard_pipeline(nlp, Limits(max_chars=3_000_000))
    assert nlp.tokenizer is inner and isinstance(inner, RunSplittingTokenizer)
    assert nlp.max_length >= 3_000_000


# -- characters per article ---------------------------------------------------------------------

def test_an_article_over_max_chars_is_refused_with_the_option_to_raise(nlp):
    text = "Title\n\n" + ("A sentence of prose. " * 2000)
    res = extract_one(nlp, raw_text(text), Limits(max_chars=20_000))
    assert isinstance(res, LimitError)
    assert str(res).startswith("x.txt: article text is 42,007 characters, over the limit of 20,000")
    assert "--max-chars" in str(res)
    assert not isinstance(extract_one(nlp, raw_text(text), Limits(max_chars=0)), QuotegraphError)


def test_text_too_large_for_max_chars_is_refused_before_it_is_decoded(nlp, monkeypatch):
    import quotegraph.pipeline as pipeline

    def must_not_read(raw):
        raise AssertionError("decoded and laid out a text that could never fit")

    monkeypatch.setattr(pipeline, "read_article", must_not_read)
    res = extract_one(nlp, raw_text("x" * 50_000), Limits(max_chars=10_000))
    assert isinstance(res, LimitError) and "--max-chars" in str(res)


@pytest.fixture(scope="module")
def long_sentence_run(nlp):
    """A 100,000-character sentence through the pipeline's stages, each timed: (result, seconds by stage)."""
    from quotegraph.article import read_article
    from quotegraph.nlp import parse_articles
    from quotegraph.pipeline import build_result

    text = "A Long Sentence\n\nJane Doe said that " + long_sentence(100_000) + "\n"
    guard_pipeline(nlp, Limits())
    seconds = {}
    started = time.perf_counter()
    article = read_article(raw_text(text))
    seconds["read"] = time.perf_counter() - started
    ((parsed,),) = [list(parse_articles([article], nlp))]
    seconds["parse"] = time.perf_counter() - started - seconds["read"]
    result = build_result(parsed)
    seconds["analysis"] = time.perf_counter() - started - seconds["read"] - seconds["parse"]
    return text, result, seconds


@pytest.mark.slow
def test_a_sentence_of_100000_characters_is_extracted_with_offsets_inside(long_sentence_run, helpers, capsys):
    text, res, seconds = long_sentence_run
    assert len(res.text) == len(text)
    helpers.check_offsets(res.to_dict())
    with capsys.disabled():
        print("\n100,000-character sentence: " + ", ".join(f"{k} {v:.1f} s" for k, v in seconds.items())
              + f"; {len(res.quotes)} quotes")
    assert sum(seconds.values()) < 180


@pytest.mark.slow
def test_analysis_of_a_long_sentence_takes_no_longer_than_its_parse(long_sentence_run):
    _, _, seconds = long_sentence_run
    assert seconds["analysis"] < seconds["parse"]


@pytest.mark.slow
def test_a_50_mb_text_file_is_refused_at_once_by_extract_and_ingest(tmp_path, helpers):
    path = tmp_path / "huge.txt"
    line = ("The council met again today and said the plan was sound. " * 20 + "\n\n").encode()
    with open(path, "wb") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    assert path.stat().st_size > 50 * 1024 * 1024
    started = time.perf_counter()
    p = helpers.quotegraph("extract", str(path), timeout=300)
    assert p.returncode == 1 and p.stdout == ""
    assert p.stderr.strip() == (f"quotegraph: error: {path}: text is {path.stat().st_size:,} bytes, more than the "
                                f"limit of 1,000,000 characters can hold (raise it with --max-chars)")
    p = helpers.quotegraph("extract", "--max-bytes", "1000000", str(path), timeout=300)
    assert p.returncode == 1 and "over the limit of 1,000,000 (raise it with --max-bytes)" in p.stderr
    db = tmp_path / "kb.db"
    p = helpers.quotegraph("ingest", "--db", str(db), "--quiet", str(path), timeout=300)
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert len(helpers.error_lines(p.stderr)) == 1 and "--max-chars" in p.stderr
    assert time.perf_counter() - started < 120


def test_max_chars_and_time_limit_options_reach_the_pipeline_from_extract(tmp_path, helpers):
    path = tmp_path / "a.txt"
    path.write_text(helpers.ARTICLE, encoding="utf-8")
    p = helpers.quotegraph("extract", "--max-chars", "100", "--time-limit", "0", str(path))
    assert p.returncode == 1
    assert p.stderr == f"quotegraph: error: {path}: article text is {len(helpers.ARTICLE)} characters, over the " \
                       f"limit of 100 (raise it with --max-chars)\n"
    p = helpers.quotegraph("extract", "--time-limit", "0.000001", str(path))
    assert p.returncode == 1
    assert p.stderr == f"quotegraph: error: {path}: gave up after 1e-06 s reading and analysing this article " \
                       f"(raise it with --time-limit)\n"


def test_ingest_takes_the_same_limits(tmp_path, helpers):
    folder = tmp_path / "in"
    helpers.write_corpus(folder, 2)
    db = tmp_path / "kb.db"
    p = helpers.quotegraph("ingest", "--db", str(db), "--quiet", "--max-chars", "100", str(folder))
    assert p.returncode == 1
    lines = helpers.error_lines(p.stderr)
    assert len(lines) == 2 and all("--max-chars" in line for line in lines)
    p = helpers.quotegraph("ingest", "--db", str(db), "--quiet", "--json", "--time-limit", "0.000001", str(folder))
    assert p.returncode == 1 and all("--time-limit" in line for line in helpers.error_lines(p.stderr))


# -- seconds per article ------------------------------------------------------------------------

def spin(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def test_time_limit_interrupts_python_code_and_names_the_source():
    started = time.perf_counter()
    with pytest.raises(ArticleTimeout, match=r"^slow\.txt: gave up after 0\.2 s .* --time-limit"):
        with time_limit(0.2, "slow.txt"):
            spin(10)
    assert time.perf_counter() - started < 2


def test_time_limit_cannot_be_swallowed_by_except_exception():
    with pytest.raises(ArticleTimeout):
        with time_limit(0.1, "x.txt"):
            for _ in range(100):
                try:
                    spin(1)
                except Exception:  # library code that catches everything it knows
                    pass


def test_time_limit_restores_the_previous_handler_and_stops_its_timer():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5, "x.txt"):
        pass
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_time_limit_outside_the_main_thread_lets_the_work_finish():
    done = []

    def work():
        with time_limit(0.01, "x.txt"):
            spin(0.1)
        done.append(True)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert done == [True]


def test_budget_is_shared_by_an_articles_stages():
    budget = Budget(0.3)
    with budget.stage("x.txt"):
        spin(0.2)
    with pytest.raises(ArticleTimeout, match="after 0.3 s"):
        with budget.stage("x.txt"):
            spin(5)


def test_an_article_that_runs_too_long_fails_alone(nlp, monkeypatch, helpers):
    import quotegraph.pipeline as pipeline

    real = pipeline.build_result

    def build(parsed):
        if parsed.article.source == "slow.txt":
            spin(30)
        return real(parsed)

    monkeypatch.setattr(pipeline, "build_result", build)
    raws = [raw_text(helpers.article("one"), "one.txt"), raw_text(helpers.article("slow"), "slow.txt"),
            raw_text(helpers.article("two"), "two.txt")]
    started = time.perf_counter()
    out = {raw.source: res for raw, res in pipeline.extract_documents(raws, nlp, limits=Limits(time_limit=0.5))}
    assert time.perf_counter() - started < 15
    assert isinstance(out["slow.txt"], ArticleTimeout)
    assert not isinstance(out["one.txt"], QuotegraphError) and not isinstance(out["two.txt"], QuotegraphError)


def test_an_unexpected_exception_is_that_articles_error_and_the_run_goes_on(nlp, monkeypatch, helpers):
    import quotegraph.pipeline as pipeline

    real = pipeline.build_result

    def build(parsed):
        if parsed.article.source == "bug.txt":
            raise ValueError("a bug")
        return real(parsed)

    monkeypatch.setattr(pipeline, "build_result", build)
    raws = [raw_text(helpers.article("bug"), "bug.txt"), raw_text(helpers.article("fine"), "fine.txt")]
    out = dict((raw.source, res) for raw, res in pipeline.extract_documents(raws, nlp))
    assert isinstance(out["bug.txt"], pipeline.ExtractionError)
    assert str(out["bug.txt"]) == "bug.txt: internal error while extracting (ValueError: a bug); please report it"
    assert isinstance(out["bug.txt"].__cause__, ValueError)
    assert out["fine.txt"].quotes
