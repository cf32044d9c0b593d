"""The pipeline multiplies through numpy's BLAS on one thread, and parses exactly as with blis."""
from __future__ import annotations

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, TAG
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_info

from quotegraph.nlp import _one_blas_thread, model_name, use_numpy_blas

COLUMNS = [TAG, HEAD, DEP, ENT_IOB, ENT_TYPE]


def _layers(nlp):
    models = [getattr(proc, "model", None) for _, proc in nlp.components]
    return [layer for m in models if isinstance(m, Model) for layer in m.walk()]


def test_loaded_pipeline_multiplies_with_numpy_blas_not_blis(nlp):
    ops = {id(layer.ops): layer.ops for layer in _layers(nlp)}
    assert ops and all(isinstance(o, NumpyOps) and not o.use_blis for o in ops.values())


def test_numpy_blas_parses_real_articles_exactly_as_blis(shared):
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "data" / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "data" / "polnear" / "dev" / "text").glob("*.txt"))[:10]]
    stock, switched = spacy.load(model_name()), spacy.load(model_name())
    use_numpy_blas(switched)
    assert all(layer.ops.use_blis for layer in _layers(stock))
    with _one_blas_thread():
        pairs = zip(stock.pipe(texts), switched.pipe(texts))
        differing = [i for i, (a, b) in enumerate(pairs) if not (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all()]
    assert differing == []


def test_blas_runs_on_one_thread_during_the_parse_and_is_restored_after():
    before = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    with _one_blas_thread():
        inside = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert inside and set(inside) == {1}
    assert [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"] == before
