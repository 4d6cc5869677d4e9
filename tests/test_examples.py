"""The runnable examples run, and so do the downstream examples' own tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
ENVIRONMENT = {**os.environ, "MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8"}


class TestExamples:
    def test_examples_exist(self):
        """The two documented examples are present."""
        names = {script.name for script in SCRIPTS}
        assert {"validate_document.py", "reproduce_hampshire.py"} <= names

    @pytest.mark.parametrize("script", SCRIPTS, ids=[script.name for script in SCRIPTS])
    def test_example_runs(self, script, tmp_path):
        """The example runs to completion (its own asserts pass) and prints something."""
        done = subprocess.run(  # noqa: S603 - runs the project's own example scripts
            [sys.executable, str(script)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=tmp_path,
            env=ENVIRONMENT,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert done.stdout.strip()

    def test_downstream(self):
        """The downstream examples' tests pass, if that directory exists."""
        downstream = EXAMPLES / "downstream"
        if not downstream.is_dir():
            pytest.skip("examples/downstream does not exist")
        done = subprocess.run(  # noqa: S603 - runs pytest on the project's own examples
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(downstream)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            cwd=ROOT,
            env=ENVIRONMENT,
        )
        assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
