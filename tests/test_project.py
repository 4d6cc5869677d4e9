"""The project's own promises: the set-up commands, CI's use of them, and the extras."""

from __future__ import annotations

import ast
import re
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "peelmodel"
#: The extras that add a feature of the package, each by the libraries it needs.
FEATURE_EXTRAS = ("strategies", "fast", "plot", "tabular")


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.match(r"# peelmodel\n\n```sh\n(.*?)\n```", text, re.DOTALL)
    assert block, "the README must open with a shell block of set-up commands"
    return block.group(1).splitlines()


def task_commands() -> list[list[str]]:
    """The commands that ``tasks.py test`` runs, each as its words (``BIN / "ruff"`` is ``ruff``)."""
    tree = ast.parse((ROOT / "tasks.py").read_text(encoding="utf-8"))
    (function,) = (
        node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "test"
    )
    commands = []
    for call in ast.walk(function):
        if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "run":
            words = [arg.right if isinstance(arg, ast.BinOp) else arg for arg in call.args]
            commands.append([word.value for word in words if isinstance(word, ast.Constant)])
    return commands


def requirements() -> dict[str | None, set[str]]:
    """The installed peelmodel's requirements, as import names, by extra (``None``: always)."""
    found: dict[str | None, set[str]] = {}
    for requirement in metadata.requires("peelmodel") or ():
        name = re.match(r"[A-Za-z0-9_.-]+", requirement)
        extra = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", requirement)
        assert name
        key = extra.group(1) if extra else None
        found.setdefault(key, set()).add(name.group(0).lower().replace("-", "_"))
    return found


def third_party_imports() -> set[str]:
    """The top-level names of the libraries that the package's source imports."""
    found = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"peelmodel", "__future__"}


class TestReadme:
    def test_opens_with_exactly_two_commands(self):
        """The README starts with exactly two commands: the main job and the test suite."""
        assert readme_commands() == ["python3 tasks.py report", "python3 tasks.py test"]

    def test_ci_runs_the_readme_test_command(self):
        """.ci/run runs the README's test command as written, and fails on any failure."""
        script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
        assert "set -euo pipefail" in script
        assert readme_commands()[1] in script.splitlines()

    @pytest.mark.parametrize(
        "step",
        [
            ["ruff", "check"],
            ["ruff", "format", "--check"],
            ["mypy", "--strict", "src"],
            ["sphinx-build", "-W", "-n", "--keep-going"],
            ["python", "-m", "pytest"],
        ],
        ids=" ".join,
    )
    def test_tasks_runs_every_check(self, step):
        """The test command runs ruff, mypy --strict, the nitpicky docs build and pytest."""
        assert any(
            command[0] == step[0] and set(step) <= set(command) for command in task_commands()
        )


class TestExtras:
    @pytest.mark.parametrize("extra", FEATURE_EXTRAS)
    def test_extra_is_used(self, extra):
        """Every library a feature extra installs is imported by the package's source."""
        assert requirements()[extra] <= third_party_imports()

    def test_optional_imports_are_declared(self):
        """Every library the package's source imports is a dependency or in a feature extra."""
        found = requirements()
        declared = found[None].union(*(found[extra] for extra in FEATURE_EXTRAS))
        assert third_party_imports() <= declared


def tasks_module():
    """``tasks.py``, imported from the repository root."""
    sys.path.insert(0, str(ROOT))
    try:
        import tasks  # noqa: PLC0415 - a script beside the package, not part of it
    finally:
        sys.path.remove(str(ROOT))
    return tasks


class TestMutationSources:
    """The mutation run mutates decorated functions too: their decorators move after them."""

    def test_decorators_become_assignments(self):
        source = "class C:\n    @property\n    def x(self):\n        return 1\n\n@a\n@b(1)\ndef f():\n    pass\n"
        assert tasks_module().undecorated(source) == (
            "class C:\n    def x(self):\n        return 1\n    x = property(x)\n\n"
            "def f():\n    pass\nf = a(b(1)(f))\n"
        )

    def test_static_and_class_methods_are_kept(self):
        source = "class C:\n    @staticmethod\n    def f():\n        pass\n"
        assert tasks_module().undecorated(source) == source

    @pytest.mark.parametrize("module", ["analysis.judging", "analysis.assessment", "claims"])
    def test_engine_modules_keep_their_names(self, module):
        """Every function and property of the module is still defined, and none is decorated."""
        tasks = tasks_module()
        assert module in tasks.ENGINES
        path = SRC / f"{module.replace('.', '/')}.py"
        before = ast.parse(path.read_text(encoding="utf-8"))
        after = ast.parse(tasks.undecorated(path.read_text(encoding="utf-8")))

        def names(tree):
            return sorted(node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef))

        assert names(after) == names(before)
        assert not any(
            node.decorator_list for node in ast.walk(after) if isinstance(node, ast.FunctionDef)
        )
