"""The distributions: the sdist's own tests pass unpacked, and a wheel built from it runs the tutorials.

The wheel test makes a virtual environment and installs the wheel's
dependencies and extras from the package index, which takes half a minute or
more, so it runs only when ``PEELMODEL_TEST_WHEEL=1`` is set, as
``python3 tasks.py test`` sets it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Quick tests that read the files around the package: the set-up commands,
#: CI's script, the architecture page and the sources.
SDIST_TESTS = ("tests/test_project.py", "tests/test_architecture.py")
#: Files the tests read beside the package, which the sdist must ship.
SHIPPED = (
    "tasks.py",
    ".ci/run",
    "LICENSE",
    "CHANGELOG.md",
    "README.md",
    "benchmarks/run.py",
    "docs/architecture.md",
    "docs/tutorial.md",
    "examples/reproduce_hampshire.py",
)


def run(command: list[str], cwd: Path) -> str:
    """Run *command* in *cwd*; fail the test with its output if it fails."""
    done = subprocess.run(  # noqa: S603 - runs fixed commands on the project's own files
        command, capture_output=True, text=True, timeout=600, check=False, cwd=cwd
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    return done.stdout


def build(kind: str, source: Path, out: Path) -> Path:
    """Build the distribution *kind* (``sdist`` or ``wheel``) of *source* into *out*."""
    pytest.importorskip("build")
    run([sys.executable, "-m", "build", f"--{kind}", "--outdir", str(out), str(source)], cwd=out)
    (built,) = out.iterdir()
    return built


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory):
    """The sdist, built and unpacked: its one top-level folder."""
    archive = build("sdist", ROOT, tmp_path_factory.mktemp("sdist"))
    into = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    (folder,) = into.iterdir()
    return folder


class TestSdist:
    @pytest.mark.parametrize("name", SHIPPED)
    def test_ships_what_the_tests_read(self, unpacked, name):
        """The archive holds the files beside the package that the tests read."""
        assert (unpacked / name).is_file()

    def test_ships_no_generated_files(self, unpacked):
        """The archive holds no build output, caches or mutation-testing copies."""
        names = {path.name for path in unpacked.rglob("*")}
        assert not names & {"_build", "__pycache__", "mutants", ".mutation", "dist", ".venv"}

    def test_quick_tests_pass_unpacked(self, unpacked):
        """A quick subset of the archive's own tests passes there, against the installed package."""
        output = run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SDIST_TESTS],
            cwd=unpacked,
        )
        assert " passed" in output


class TestWheel:
    def test_tutorial_runs_from_the_wheel(self, unpacked, tmp_path):
        """A wheel built from the sdist installs with the tabular and plot extras and runs the tutorials."""
        if os.environ.get("PEELMODEL_TEST_WHEEL") != "1":
            pytest.skip("set PEELMODEL_TEST_WHEEL=1: this installs packages from the index")
        wheels = tmp_path / "wheel"
        wheels.mkdir()
        wheel = build("wheel", unpacked, wheels)
        environment = tmp_path / "venv"
        venv.EnvBuilder(with_pip=True).create(environment)
        python = environment / ("Scripts" if sys.platform == "win32" else "bin") / "python"
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        run([*pip, "--no-compile", f"{wheel}[tabular,plot]", "pytest"], cwd=tmp_path)
        pages = tmp_path / "pages"
        pages.mkdir()
        for page in ("tutorial.md", "frames-and-charts.md"):
            shutil.copy(unpacked / "docs" / page, pages)
        output = run(
            [
                str(python),
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "-o",
                "doctest_optionflags=NORMALIZE_WHITESPACE ELLIPSIS",
                "--doctest-glob=*.md",
                "tutorial.md",
                "frames-and-charts.md",
            ],
            cwd=pages,
        )
        assert "2 passed" in output
