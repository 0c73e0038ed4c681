"""No import cycle between the pipeline and its stages, nor through the ontology or the package.

The graph is read from the source (every ``import``, at module level, in a function or
under ``TYPE_CHECKING``): the stages share :class:`milinc.context.ExtractionContext`,
never :mod:`milinc.pipeline`, which imports them; the ontology imports no exporter.
"""

from __future__ import annotations

import ast
from pathlib import Path

import milinc

SRC = Path(milinc.__file__).resolve().parent
STAGE_PACKAGES = ("milinc.dates", "milinc.weapons", "milinc.quantities", "milinc.events")
KEPT_OUT_OF_CYCLES = (
    "milinc.pipeline", "milinc.context", "milinc.ontology", "milinc.normalize", "milinc.segment",
    # the package and what it hands out lazily: batch reached the package back for its default parser
    "milinc", "milinc.batch", "milinc.shared_parser", "milinc.export", "milinc.serialization", "milinc.cli",
)


def _modules() -> dict[str, tuple[Path, list[str]]]:
    found: dict[str, tuple[Path, list[str]]] = {}
    for path in SRC.rglob("*.py"):
        parts = ["milinc", *path.relative_to(SRC).with_suffix("").parts]
        package = parts[:-1]
        if parts[-1] == "__init__":
            parts = package = parts[:-1]
        found[".".join(parts)] = (path, package)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module → the milinc modules it imports (a ``from .. import x`` counts as importing ``x``)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, (path, package) in modules.items():
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1] if node.level else []
                target = ".".join(base + (node.module.split(".") if node.module else []))
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    edges.add(sub if sub in modules else target)
            elif isinstance(node, ast.Import):
                edges.update(alias.name for alias in node.names)
        graph[name] = {e for e in edges if e in modules and e != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_lazy_and_type_checking_imports() -> None:
    graph = import_graph()
    assert "milinc.context" in graph["milinc.events.slots"]  # under TYPE_CHECKING
    assert "milinc.events" in graph["milinc.pipeline"]  # inside Parser.__init__


def test_no_cycle_holds_the_pipeline_the_context_the_ontology_or_a_stage() -> None:
    offending = [
        sorted(component)
        for component in cycles(import_graph())
        if any(m in KEPT_OUT_OF_CYCLES or m.startswith(STAGE_PACKAGES) for m in component)
    ]
    assert offending == []


def test_the_batch_machinery_reaches_the_default_parser_without_the_package() -> None:
    graph = import_graph()
    assert "milinc" not in graph["milinc.batch"]
    assert "milinc.shared_parser" in graph["milinc.batch"]


def test_no_stage_imports_the_pipeline() -> None:
    graph = import_graph()
    assert [m for m, edges in graph.items() if m.startswith(STAGE_PACKAGES) and "milinc.pipeline" in edges] == []
