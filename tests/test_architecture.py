"""The package's architecture, read from its source: layers, cycles, module size, exports.

``docs/architecture.md`` explains the layers; :data:`LAYERS` is their one
definition, and the page's diagram is checked against it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "peelmodel"
ARCHITECTURE = ROOT / "docs" / "architecture.md"

#: The layers, lowest first. A module may import the peelmodel modules of the
#: layers below its own, and the other modules of its own package; nothing else.
#: Each name is a top-level module or package of ``peelmodel``; ``__init__`` is
#: the package itself (``import peelmodel``).
LAYERS = (
    ("_html", "_version", "errors"),
    ("_typecheck", "_validators"),
    ("arithmetic",),
    ("model",),
    ("catalogues",),
    ("claims",),
    ("limits",),
    ("analysis",),
    ("documents",),
    ("datasets",),
    ("findings", "grades"),
    ("_tabular",),
    ("tabular",),
    ("plot",),
    ("strategies",),
    ("cli",),
    ("__init__",),
    ("__main__", "_hypothesis_hook"),
)
RANK = {unit: rank for rank, layer in enumerate(LAYERS) for unit in layer}
#: The one module allowed an import inside a function: Hypothesis imports it,
#: and it imports peelmodel only when Hypothesis asks for a strategy.
FUNCTION_IMPORTS_ALLOWED = {"peelmodel._hypothesis_hook"}
MAX_LINES = 400


def module_name(path: Path) -> str:
    """The dotted name of the module at *path*, under ``src``."""
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


PATHS = {module_name(path): path for path in sorted(SRC.rglob("*.py"))}
MODULES = sorted(PATHS)
TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in PATHS.items()}


def unit(module: str) -> str:
    """The layer entry a module belongs to: its top-level module or package."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def is_package(module: str) -> bool:
    return PATHS[module].name == "__init__.py"


def existing(name: str) -> str:
    """The longest prefix of dotted *name* that is a module of the package."""
    parts = name.split(".")
    while ".".join(parts) not in PATHS:
        parts.pop()
    return ".".join(parts)


def source_of(module: str, node: ast.ImportFrom) -> str:
    """The absolute name of the module that *node*, in *module*, imports from."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if is_package(module) else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def imports(module: str) -> set[str]:
    """Every peelmodel module that *module* imports, anywhere in its source."""
    found = set()
    for node in ast.walk(TREES[module]):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = source_of(module, node)
            # `from package import name`: the submodule `name` if there is one, else the package.
            found.update(f"{source}.{alias.name}" for alias in node.names)
    return {existing(name) for name in found if name.split(".")[0] == "peelmodel"}


def function_imports(module: str) -> list[int]:
    """The line numbers of the import statements inside functions of *module*."""
    functions = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
    return sorted(
        inner.lineno
        for node in ast.walk(TREES[module])
        if isinstance(node, functions)
        for inner in ast.walk(node)
        if isinstance(inner, (ast.Import, ast.ImportFrom))
    )


def cycles() -> list[list[str]]:
    """The import cycles among the package's modules, each as a closed path of names."""
    graph = {module: sorted(imports(module) - {module}) for module in MODULES}
    found: list[list[str]] = []
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        for target in graph[module]:
            if target in path:
                found.append([*path[path.index(target) :], target])
            elif target not in done:
                visit(target, [*path, target])
        done.add(module)

    for module in MODULES:
        if module not in done:
            visit(module, [module])
    return found


class TestLayers:
    @pytest.mark.parametrize("module", MODULES)
    def test_module_has_a_layer(self, module):
        """Every module belongs to a layer, so a new top-level module is placed on purpose."""
        assert unit(module) in RANK, f"add {unit(module)!r} to LAYERS and docs/architecture.md"

    @pytest.mark.parametrize("module", MODULES)
    def test_imports_point_down(self, module):
        """A module imports only lower layers and its own package's modules."""
        upward = sorted(
            target
            for target in imports(module)
            if unit(target) != unit(module)
            and RANK.get(unit(target), len(LAYERS)) >= RANK.get(unit(module), len(LAYERS))
        )
        assert not upward, f"{module} imports its own layer or a higher one: {upward}"

    @pytest.mark.parametrize("module", [module for module in MODULES if unit(module) == "model"])
    def test_model_imports_no_catalogue(self, module):
        """The model builds on its own values: a catalogue builds model objects, never the reverse."""
        catalogues = sorted(target for target in imports(module) if unit(target) == "catalogues")
        assert not catalogues, f"{module} imports {catalogues}"

    def test_no_cycles(self):
        """No chain of imports among the package's modules leads back to where it starts."""
        assert cycles() == []


class TestFunctionImports:
    @pytest.mark.parametrize("module", sorted(set(MODULES) - FUNCTION_IMPORTS_ALLOWED))
    def test_imports_at_module_level(self, module):
        """Imports are at the top of the module, where a reader and the layer check see them."""
        assert function_imports(module) == [], f"{module}: imports inside functions"

    def test_the_hook_defers_its_imports(self):
        """The Hypothesis hook, the one exception, does import inside a function."""
        assert function_imports("peelmodel._hypothesis_hook")


class TestModuleSize:
    @pytest.mark.parametrize("module", MODULES)
    def test_at_most_400_lines(self, module):
        """No module is over 400 lines: split it by what it does."""
        lines = len(PATHS[module].read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_LINES, f"{module} has {lines} lines"


class TestExports:
    @pytest.mark.parametrize("module", MODULES)
    def test_declares_all(self, module):
        """Every module lists its public names in ``__all__``, even when there are none."""
        assigned = {
            target.id
            for node in TREES[module].body
            if isinstance(node, (ast.Assign, ast.AnnAssign))
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)
        }
        assert "__all__" in assigned


class TestArchitecturePage:
    def test_diagram_draws_the_layers(self):
        """The diagram in docs/architecture.md stacks the layers of LAYERS, highest first."""
        text = ARCHITECTURE.read_text(encoding="utf-8")
        diagram = re.search(r"```text\n(.*?)```", text, re.DOTALL)
        assert diagram, "docs/architecture.md must draw the layers in a ```text block"
        rows = []
        for line in diagram.group(1).splitlines():
            names = re.findall(r"(?<![\w./])(_*[a-z][a-z_]*)(?:/|\.py)(?=\s|$)", line)
            if names:
                rows.append(tuple(sorted(names)))
        assert rows[::-1] == [tuple(sorted(layer)) for layer in LAYERS]
