"""The package's shape, guarded: dependencies point one way, no cycles, small modules.

Imports are read from the source with ``ast`` (every ``import`` and ``from ... import``,
at module level or inside a function, since a deferred import is still a dependency), so
the guard sees what a reader sees. The layer order is the one ``docs/architecture.md``
draws: front ends over evaluation over the gold set over scoring, extractors and the
contract, all over core.
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.support import REPO

PACKAGE = REPO / "src" / "figdate"


def _layout_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "figdate_docs_layout", REPO / "docs" / "layout.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LAYOUT = _layout_script()
LAYERS: tuple[tuple[str, ...], ...] = tuple(reversed(LAYOUT.LAYERS))
"""Bottom to top, as ``docs/layout.py`` draws them (one definition). A package may import
modules of its own package and of any lower layer; never of a layer above, nor of a peer
in its own layer."""
RANK = {name: rank for rank, layer in enumerate(LAYERS) for name in layer}
FACADES = {"__init__"} | {"gold", "schemas", "validation", "expectations", "tables", "model",
                          "values"}  # fmt: skip
"""Top-level modules that only hand names on: the public API and the deprecated aliases.
They may import anything; nothing inside a package may import them."""
SCORER_INTERNALS = ("figdate.scoring.prepare", "figdate.scoring.matching")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def _imports(name: str, path: Path) -> Iterator[str]:
    """Every figdate module ``path`` imports (``from figdate.x import y`` counts as x.y where
    y is a module, else x)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("figdate"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if not node.module.startswith("figdate"):
                continue
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                yield candidate if candidate in MODULES else node.module


MODULES = dict(_modules())
GRAPH = {name: sorted(set(_imports(name, path)) - {name}) for name, path in MODULES.items()}


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_the_guard_sees_every_package() -> None:
    found = {_package(m) for m in MODULES} - FACADES
    assert found == set(RANK), f"packages without a layer: {found - set(RANK)}"


def _upward(graph: dict[str, list[str]]) -> list[str]:
    wrong = []
    for module, targets in graph.items():
        here = _package(module)
        if here in FACADES:
            continue
        for target in targets:
            there = _package(target)
            if there in FACADES:
                if target != "figdate":  # the package itself is imported to reach a submodule
                    wrong.append(f"{module} imports the facade {target}")
                continue
            if there != here and RANK[there] >= RANK[here]:
                wrong.append(f"{module} ({here}) imports {target} ({there})")
    return wrong


def test_no_import_points_up_the_layers_or_across_a_layer() -> None:
    assert _upward(GRAPH) == []


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, []):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_there_is_no_import_cycle() -> None:
    inner = {m: [t for t in ts if _package(t) not in FACADES] for m, ts in GRAPH.items()}
    assert _cycles(inner) == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"figdate.core.a": ["figdate.scoring.b"], "figdate.scoring.b": []}, 1),
        ({"figdate.scoring.a": ["figdate.extractors.b"], "figdate.extractors.b": []}, 1),
        ({"figdate.cli.a": ["figdate.core.b"], "figdate.core.b": []}, 0),
    ],
)
def test_the_layer_rule_can_fail(graph: dict[str, list[str]], expected: int) -> None:
    assert len(_upward(graph)) == expected


def test_the_cycle_finder_can_fail() -> None:
    loop = {"figdate.core.a": ["figdate.core.b"], "figdate.core.b": ["figdate.core.a"]}
    assert _cycles(loop) == [["figdate.core.a", "figdate.core.b"]]


def test_nobody_outside_scoring_reaches_into_the_matcher() -> None:
    leaks = [
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if target in SCORER_INTERNALS and _package(module) != "scoring"
    ]
    assert leaks == []


def test_no_module_is_over_400_lines() -> None:
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_function_is_over_80_lines() -> None:
    long = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    long.append(f"{name}.{node.name}: {size} lines")
    assert long == []


def test_the_layout_in_docs_is_generated() -> None:
    text = LAYOUT.DOC.read_text(encoding="utf-8")
    assert LAYOUT.fresh(text) == text, "run `python docs/layout.py`"
