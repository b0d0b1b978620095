"""The package's layers, read from its imports: no cycle, no upward import, small modules.

Every module of ``src/analysis`` is parsed (not imported); each ``import`` or
``from … import`` of the package, at any depth of the module (a late import
inside a function counts too), is an edge. The layers follow the data flow:

    base (0) < text (1) < records (2) < compute (3) < charts (4) < book (5) < cli (6)

The book layer is ``analysis.book``: the Sphinx extension, the site helpers
and the catalogue of published files.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "analysis"
LAYERS = {"base": 0, "text": 1, "records": 2, "compute": 3, "charts": 4, "book": 5,
          "cli": 6, "__main__": 6}  # fmt: skip
MAX_LINES = 400
# what the Sphinx extension loads on every build must stay light
LIGHT = ("base", "text")
HEAVY = ("pandas", "matplotlib", "numpy", "statsmodels")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = module.split(".")
    if MODULES[module].name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(module: str) -> set[str]:
    """Package modules (and third-party top-level names) a module imports."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, node)
            submodules = {f"{target}.{a.name}" for a in node.names} & set(MODULES)
            # ``from . import report`` imports the module report, not a name of the package
            found |= submodules
            if len(submodules) < len(node.names):
                found.add(target)
    return found


def internal(module: str) -> set[str]:
    return {m for m in imports(module) if m in MODULES and m != module and m != "analysis"}


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_the_checker_sees_relative_and_late_imports():
    assert "analysis.records.lookup" in internal("analysis.compute.derive")
    assert "analysis.text.report" in internal("analysis.records.figures")
    assert "analysis.compute.derive" in internal("analysis.cli")  # imported inside a function


def test_at_least_four_subpackages_that_are_layers():
    subpackages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert len(subpackages & set(LAYERS)) >= 4, subpackages


def test_every_module_belongs_to_a_layer():
    assert [m for m in MODULES if m != "analysis" and layer(m) is None] == []


def test_no_upward_import():
    upward = [
        f"{module} (layer {layer(module)}) imports {target} (layer {layer(target)})"
        for module in MODULES
        if module != "analysis"
        for target in internal(module)
        if layer(target) is not None and layer(target) > layer(module)
    ]
    assert upward == []


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle a depth-first walk of the import graph meets, as a list of modules."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return cycles


def test_no_import_cycle():
    assert find_cycles({module: internal(module) for module in MODULES}) == []


def test_a_cycle_would_be_found():
    # the one the issue found: context imported paths_table, which imported context
    graph = {"a.context": {"a.paths_table"}, "a.paths_table": {"a.context"}, "a.x": set()}
    assert find_cycles(graph) == [["a.context", "a.paths_table", "a.context"]]


@pytest.mark.parametrize("module", sorted(MODULES), ids=str)
def test_no_module_over_400_lines(module):
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{MODULES[module]} has {lines} lines"


def test_light_layers_import_no_heavy_library_at_module_level():
    """base and text stay cheap to import: the Sphinx extension and the CLI load them."""
    offenders = []
    for module, path in MODULES.items():
        if layer(module) is None or module.split(".")[1] not in LIGHT:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # module level only; an import inside a function is lazy
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            offenders += [f"{module}: {n}" for n in names if n.split(".")[0] in HEAVY]
    # analysis.base.io is the one CSV reader and writer: pandas is its job
    assert offenders == ["analysis.base.io: pandas"]


# Issue 13 cut the Sphinx extension to what readers and maintainers need and set it a
# budget of 600 lines (it closed at 599). Issue 16 then added the site features readers
# asked for, each in its own module (numbers linked to records and tables numbered as
# tables: pages; figure data: figures; per-page fonts and slimmer icons: webfont; lighter
# pages and meta descriptions: page_html). The machinery that talks to Sphinx, MyST-NB
# and jupyter-cache (setup, freshness, execution) keeps a budget of its own, and the
# whole layer one that stops it from sprawling.
MACHINERY = ("analysis.book", "analysis.book.freshness", "analysis.book.execute")
MACHINERY_BUDGET = 400
BOOK_BUDGET = 1100


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_the_book_layer_stays_within_its_budget():
    assert all(name in MODULES for name in MACHINERY)
    machinery = sum(_lines(MODULES[name]) for name in MACHINERY)
    assert machinery <= MACHINERY_BUDGET, f"{machinery} lines of build machinery"
    talks_to_sphinx = {
        name: path
        for name, path in MODULES.items()
        if name.startswith("analysis.book") or "sphinx" in path.read_text(encoding="utf-8")
    }
    lines = sum(_lines(p) for p in talks_to_sphinx.values())
    assert lines <= BOOK_BUDGET, f"{lines} lines in {sorted(talks_to_sphinx)}"
    # nothing outside the book layer talks to Sphinx (no budget dodged by moving code)
    assert all(name.startswith("analysis.book") for name in talks_to_sphinx), sorted(
        talks_to_sphinx
    )
