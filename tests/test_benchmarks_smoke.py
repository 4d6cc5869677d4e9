"""The benchmark runner still runs: once, at a tiny size, without judging its timings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "benchmarks" / "run.py"


class TestBenchmarkRunner:
    def test_tiny_run(self):
        """The runner checks its peers' equivalence, times every case and prints the table."""
        pytest.importorskip("pydantic")
        pytest.importorskip("msgspec")
        done = subprocess.run(  # noqa: S603 - runs the project's own benchmark
            [
                sys.executable,
                str(RUNNER),
                "--scale",
                "0.002",
                "--repeats",
                "1",
                "--import-runs",
                "1",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "equivalence checks passed" in done.stdout
        for case in (
            "JSON -> objects",
            "dicts -> objects",
            "objects -> JSON",
            "reconcile",
            "import peelmodel",
        ):
            assert case in done.stdout, done.stdout


SCALING = ROOT / "benchmarks" / "bench_engine_scaling.py"


class TestEngineScaling:
    def test_tiny_run(self):
        """The scaling benchmark builds every shape, checks it holds, and prints each case."""
        done = subprocess.run(  # noqa: S603 - runs the project's own benchmark
            [sys.executable, str(SCALING), "--sizes", "6", "--repeats", "1"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        for shape in ("chained shares", "many rates", "many changes"):
            assert shape in done.stdout, done.stdout
