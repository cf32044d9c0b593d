"""Putting one of our components in the place of a spaCy component, when ours gives the same annotations."""
from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc


class DocByDoc:
    """A component whose pipe() is its __call__ over each doc, as spaCy's non-trainable components."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def swap_component(nlp: Language, name: str, factory: str, accepts: Callable[[Any], bool]) -> tuple[Any, Any] | None:
    """Replace the enabled component `name` by a new one from `factory` when `accepts(old)`:
    (old, new), for the caller to hand the old one's data to the new; None when nothing changed."""
    if name not in nlp.pipe_names or name in nlp.disabled:
        return None
    old = nlp.get_pipe(name)
    if not accepts(old):
        return None
    return old, nlp.replace_pipe(name, factory)
