"""The language an article is written in, found by py3langid (the identifier trafilatura uses), so that an
ingest skips what the English pipeline cannot read instead of reading it as English: an Indonesian
sentence parsed as English turns its words into "speakers" and "people".

Only a confident verdict on enough text skips an article (the model's own language all but ruled out):
short texts (a headline and a line) and close calls are read as the model's language, since a wrongly skipped English article is lost
while a wrongly read foreign one only adds noise. The model is loaded once per process.
"""
from __future__ import annotations

from functools import lru_cache

from .errors import Skipped

MIN_CHARS = 200  # below this, py3langid's verdict is too often wrong to act on
MAX_READABLE_PROBABILITY = 0.05  # skip only when the pipeline's own language is this unlikely
MIN_TOP_PROBABILITY = 0.5  # and some language (or a pair of neighbours' better one) is likely: not noise
SAMPLE_CHARS = 5000  # the start of an article says its language as well as the whole of it


class LanguageSkipped(Skipped):
    """An article in a language the pipeline cannot read, skipped (not failed): ingest counts it apart."""


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def language_probabilities(text: str) -> dict[str, float]:
    """Every language's probability for the text (they sum to 1)."""
    return {str(lang): float(p) for lang, p in _identifier().rank(text[:SAMPLE_CHARS])}


def check_language(source: str, text: str, readable: str, wanted: str | None) -> None:
    """Raise LanguageSkipped when `wanted` is "auto" and the text is confidently in a language other than
    `readable` (the pipeline's). None (no check) and a language code (the user's word for it) read everything."""
    if wanted != "auto" or len(text.strip()) < MIN_CHARS:
        return
    probs = language_probabilities(text)
    lang = max(probs, key=probs.__getitem__)
    # the pipeline's language must be unlikely, not merely second: close neighbours (Indonesian and Malay)
    # share the top probability between them
    if (lang != readable and probs.get(readable, 0.0) <= MAX_READABLE_PROBABILITY
            and probs[lang] >= MIN_TOP_PROBABILITY):
        raise LanguageSkipped(source, f"written in language {lang!r} (probability {probs[lang]:.2f}), which the "
                                      f"{readable!r} pipeline cannot read; --language {readable} reads it anyway")
