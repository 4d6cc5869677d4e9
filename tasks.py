"""Set up a virtual environment and run peelmodel's main job or its whole test suite.

    python3 tasks.py report   # install peelmodel in .venv, run `peelmodel report`
    python3 tasks.py test     # install the dev extras, run ruff, mypy, the docs build and pytest,
                              # then the model and document tests on the oldest supported versions
    python3 tasks.py mutation # mutation-test the engine modules, one at a time, and print
                              # each one's score and surviving mutants (see docs/testing.md)

Only the standard library is used, so this runs on a fresh Python 3.10+.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if sys.platform == "win32" else "bin")
FLOOR_VENV = ROOT / ".venv-floor"
FLOOR_BIN = FLOOR_VENV / ("Scripts" if sys.platform == "win32" else "bin")
#: The tests repeated on the oldest versions: the model, its documents and the command line.
FLOOR_TESTS = (
    "tests/test_model.py",
    "tests/test_serialization.py",
    "tests/test_bad_documents.py",
    "tests/test_registries.py",
    "tests/test_text_rules.py",
    "tests/test_cli.py",
    "tests/test_cli_io.py",
)
#: The engine modules the mutation run mutates; [tool.mutmut] in pyproject.toml names their tests.
ENGINES = (
    "arithmetic",
    "analysis.reproduction",
    "claims",
    "limits",
    "analysis._propagation",
    "analysis._blame",
    "analysis._components",
    "analysis._elimination",
    "analysis._extremes",
    "analysis._intervals",
    "analysis._leave_one_out",
    "analysis._linear",
    "analysis._pairs",
    "analysis._query",
    "analysis._ranges",
    "analysis._rules",
    "analysis._search",
    "analysis._shapes",
    "analysis._values",
    "analysis.reconciliation",
    "analysis.scrutiny",
    "analysis.assessment",
    "analysis.judging",
    "analysis._aggregate_engine",
    "analysis.aggregation",
)
#: mutmut's exit codes of a mutant that the tests caught: failed, errored or timed out.
CAUGHT = {1, 3, 24, -24, 36, 152, 255}


def run(*command: str | Path, cwd: Path = ROOT) -> None:
    """Run one step (in *cwd*); stop with its exit code if it fails."""
    print("$", " ".join(str(part) for part in command), flush=True)
    code = subprocess.call([str(part) for part in command], cwd=cwd)
    if code != 0:
        sys.exit(code)


def install(extras: str) -> None:
    """Create .venv if needed and install peelmodel (editable) with *extras*."""
    if not (BIN / "python").exists() and not (BIN / "python.exe").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extras}]" if extras else "."
    run(
        BIN / "python",
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-e",
        target,
    )


def report() -> None:
    """The main job: every figure of the embedded Hampshire 2015 report, with its status."""
    install("")
    run(BIN / "peelmodel", "report")


def test() -> None:
    """Lint, type-check, build the docs and run every test."""
    install("dev")
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    run(BIN / "mypy", "--strict", "src")
    run(
        BIN / "sphinx-build",
        "-W",
        "-n",
        "--keep-going",
        "-q",
        "-b",
        "html",
        "docs",
        "docs/_build/html",
    )
    # The wheel test installs the built wheel with its extras in a clean environment.
    os.environ["PEELMODEL_TEST_WHEEL"] = "1"
    # One worker per core (pytest-xdist): the property and oracle tests dominate the time.
    run(BIN / "python", "-m", "pytest", "-n", "auto")
    test_floors()


def mutation() -> None:
    """Mutation-test each engine module against the engine tests; print its score and survivors.

    mutmut runs in ``.mutation/``, a copy of the sources whose engine modules
    apply their decorators after each function (:func:`undecorated`): mutmut
    leaves decorated functions alone, and ``f = checked(f)`` is the same code.
    """
    if not (BIN / "mutmut").exists():
        install("mutation")
    work = ROOT / ".mutation"
    shutil.rmtree(work, ignore_errors=True)  # a fresh run: no result is kept from an earlier one
    shutil.copytree(ROOT / "src", work / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests", work / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", work)
    (work / ".gitignore").write_text("*\n", encoding="utf-8")
    for module in ENGINES:
        path = work / "src" / "peelmodel" / f"{module.replace('.', '/')}.py"
        path.write_text(undecorated(path.read_text(encoding="utf-8")), encoding="utf-8")
    # Hypothesis's "ci" profile: a fixed set of examples and no example database, so that
    # the same code and tests always give the same score.
    os.environ["PEELMODEL_HYPOTHESIS_PROFILE"] = "ci"
    scores = []
    for module in ENGINES:
        run(BIN / "mutmut", "run", f"peelmodel.{module}.*", cwd=work)
        meta = work / "mutants" / "src" / "peelmodel" / f"{module.replace('.', '/')}.py.meta"
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        survivors = sorted(name for name, code in codes.items() if code not in CAUGHT)
        caught = len(codes) - len(survivors)
        scores.append(
            f"{module:<24} {caught:>4} / {len(codes):<4} {100 * caught / len(codes):5.1f} %"
        )
        print(f"\n{scores[-1]}", *(f"  survived: {name}" for name in survivors), sep="\n")
    print("\nmutation score (mutants caught / mutants):", *scores, sep="\n")
    print("`cd .mutation && ../.venv/bin/mutmut show NAME` shows a mutant's change.")


def undecorated(source: str) -> str:
    r"""*source* with each decorated function's decorators applied by an assignment after it.

    ``@checked def f(...)`` becomes ``def f(...)`` followed by ``f = checked(f)``,
    at module level and in class bodies; ``staticmethod`` and ``classmethod``,
    which mutmut handles, are kept.

    >>> print(undecorated("@a\n@b(1)\ndef f():\n    pass\n"), end="")
    def f():
        pass
    f = a(b(1)(f))
    """
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    scopes = [tree.body] + [node.body for node in tree.body if isinstance(node, ast.ClassDef)]
    functions = [
        node
        for body in scopes
        for node in body
        if isinstance(node, ast.FunctionDef)
        and node.decorator_list
        and not any(
            isinstance(d, ast.Name) and d.id in {"staticmethod", "classmethod"}
            for d in node.decorator_list
        )
    ]
    for node in sorted(functions, key=lambda node: node.lineno, reverse=True):
        calls = [ast.get_source_segment(source, d) for d in node.decorator_list]
        indent = " " * node.col_offset
        applied = "".join(f"{call}(" for call in calls) + node.name + ")" * len(calls)
        lines.insert(node.end_lineno or node.lineno, f"{indent}{node.name} = {applied}\n")
        first = node.decorator_list[0].lineno - 1
        del lines[first : node.lineno - 1]
    return "".join(lines)


def floors() -> tuple[str, list[str]]:
    """The oldest Python peelmodel supports, and ``name==version`` for each ``name>=version``."""
    script = (
        "import importlib.metadata as m; "
        "print(m.metadata('peelmodel')['Requires-Python']); "
        "print(*(m.requires('peelmodel') or ()), sep='\\n')"
    )
    found = subprocess.run(
        [BIN / "python", "-c", script], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    python = found[0].strip().removeprefix(">=")
    pins = set()
    for requirement in found[1:]:
        floor = re.match(r"([A-Za-z0-9_.-]+)>=([^,;\s]+)", requirement.replace(" ", ""))
        if floor:
            pins.add(f"{floor[1]}=={floor[2]}")
    return python, sorted(pins)


def oldest_python(version: str) -> str:
    """An interpreter of Python *version*, from PATH or pyenv; else the running one."""
    candidates = [shutil.which(f"python{version}")]
    pyenv = shutil.which("pyenv")
    if pyenv:
        prefix = subprocess.run(
            [pyenv, "prefix", version], capture_output=True, text=True, check=False
        ).stdout.strip()
        candidates.append(str(Path(prefix, "bin", "python")) if prefix else None)
    for candidate in filter(None, candidates):
        found = subprocess.run(
            [candidate, "-c", "import sys; print(*sys.version_info[:2], sep='.')"],
            capture_output=True,
            text=True,
            check=False,
        )
        if found.returncode == 0 and found.stdout.strip() == version:
            return candidate
    running = f"{sys.version_info[0]}.{sys.version_info[1]}"
    print(f"note: no Python {version} found: the floor tests run on Python {running}", flush=True)
    return sys.executable


def test_floors() -> None:
    """Run the model and document tests with every dependency at its declared floor."""
    python, pins = floors()
    if not (FLOOR_BIN / "python").exists() and not (FLOOR_BIN / "python.exe").exists():
        run(oldest_python(python), "-m", "venv", FLOOR_VENV)
    constraints = FLOOR_VENV / "floors.txt"
    constraints.write_text("\n".join(pins) + "\n", encoding="utf-8")
    print(f"floors: Python {python}; constraints {', '.join(pins)}", flush=True)
    run(
        FLOOR_BIN / "python",
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--constraint",
        constraints,
        "-e",
        ".[strategies]",
        "pytest",
    )
    run(FLOOR_BIN / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", *FLOOR_TESTS)


if __name__ == "__main__":
    tasks = {"report": report, "test": test, "mutation": mutation}
    if len(sys.argv) != 2 or sys.argv[1] not in tasks:
        sys.exit(f"usage: python3 tasks.py {{{'|'.join(tasks)}}}")
    tasks[sys.argv[1]]()
