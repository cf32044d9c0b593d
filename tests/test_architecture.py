"""The layers of ARCHITECTURE.md, checked from the code's own imports (read with ast, nothing is run).

Every `import` and `from ... import` in src/quotegraph counts, at module level or inside a function,
except those under `if TYPE_CHECKING:` (annotations only). A name imported from a package counts as
its submodule when there is one (`from . import api` is quotegraph.web.api).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "quotegraph"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted((SRC / PACKAGE).rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_nodes(tree: ast.AST):
    """Import nodes anywhere in the tree, leaving out `if TYPE_CHECKING:` bodies."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _owner(name: str) -> str | None:
    """The module of ours that `name` is, or the nearest package of ours holding it."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(module: str) -> set[str]:
    """The modules of quotegraph that `module` imports."""
    path = MODULES[module]
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in MODULES else source
                       for alias in node.names]
        for target in targets:
            if target == PACKAGE or target.startswith(PACKAGE + "."):
                owner = _owner(target)
                if owner and owner != module:
                    found.add(owner)
    return found


GRAPH = {m: imports_of(m) for m in MODULES}


def _in(module: str, layer: str) -> bool:
    full = f"{PACKAGE}.{layer}"
    return module == full or module.startswith(full + ".")


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return found


def test_the_import_reader_sees_the_imports_it_should():
    assert "quotegraph.web.api" in GRAPH["quotegraph.web.app"]  # from . import api, pages
    assert "quotegraph.kb" in GRAPH["quotegraph.ingest"]  # from ..kb import KnowledgeBase
    assert "quotegraph.pipeline" in GRAPH["quotegraph.spark"]  # absolute: from quotegraph.pipeline import ...
    assert "quotegraph.readers.parquet" in GRAPH["quotegraph.readers.walk"]  # inside a function


def test_no_import_cycle_between_modules():
    assert _cycles() == []


@pytest.mark.parametrize("layer, forbidden", [
    ("kb", ("readers", "pipeline", "nlp", "ingest", "cli", "web", "spark")),
    ("readers", ("article", "kb", "pipeline", "nlp", "ingest", "cli", "web", "spark")),
    ("spark", ("cli", "web", "kb", "ingest")),
    ("pipeline", ("kb", "ingest", "cli", "web", "spark")),
    ("ingest", ("cli", "web", "spark")),
    ("web", ("cli", "spark")),
    ("settings", ("article", "readers", "nlp", "pipeline", "kb", "ingest", "cli", "web", "spark")),
])
def test_layers_import_only_downwards(layer, forbidden):
    wrong = sorted(f"{m} imports {t}" for m, targets in GRAPH.items() if _in(m, layer)
                   for t in targets for f in forbidden if _in(t, f))
    assert wrong == []


def test_nothing_below_the_shells_imports_cli_or_web():
    shells = ("cli", "web", "__main__")  # __main__: `python -m quotegraph` runs the CLI
    wrong = sorted(f"{m} imports {t}" for m, targets in GRAPH.items() if not any(_in(m, s) for s in shells)
                   for t in targets if _in(t, "cli") or _in(t, "web"))
    assert wrong == []


BASE = ("errors", "settings", "result", "sorts", "wordlists", "limits", "tables")


def test_the_base_imports_only_the_base():
    wrong = sorted(f"{m} imports {t}" for m, targets in GRAPH.items() if any(_in(m, b) for b in BASE)
                   for t in targets if not any(_in(t, b) for b in BASE))
    assert wrong == []


def test_kb_stands_on_the_base_alone():
    wrong = sorted(f"{m} imports {t}" for m, targets in GRAPH.items() if _in(m, "kb")
                   for t in targets if not (_in(t, "kb") or any(_in(t, b) for b in BASE)))
    assert wrong == []
