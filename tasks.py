"""Set up a virtual environment and run peelmodel's main job or its whole test suite.

    python3 tasks.py report   # install peelmodel in .venv, run `peelmodel report`
    python3 tasks.py test     # install the dev extras, run ruff, mypy, the docs build and pytest

Only the standard library is used, so this runs on a fresh Python 3.10+.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if sys.platform == "win32" else "bin")


def run(*command: str | Path) -> None:
    """Run one step; stop with its exit code if it fails."""
    print("$", " ".join(str(part) for part in command), flush=True)
    code = subprocess.call([str(part) for part in command], cwd=ROOT)
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
    run(BIN / "sphinx-build", "-W", "--keep-going", "-q", "-b", "html", "docs", "docs/_build/html")
    run(BIN / "python", "-m", "pytest")


if __name__ == "__main__":
    tasks = {"report": report, "test": test}
    if len(sys.argv) != 2 or sys.argv[1] not in tasks:
        sys.exit(f"usage: python3 tasks.py {{{'|'.join(tasks)}}}")
    tasks[sys.argv[1]]()
