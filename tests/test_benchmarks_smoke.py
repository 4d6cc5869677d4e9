"""The benchmark runner still runs: once, at a tiny size, without judging its timings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "benchmarks" / "run.py"


def _run(script: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run one of the project's benchmarks; fail the test with its output if it fails."""
    done = subprocess.run(  # noqa: S603 - runs the project's own benchmark
        [sys.executable, str(script), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


class TestBenchmarkRunner:
    def test_tiny_run(self):
        """The runner checks its peers' equivalence, times every case and prints the table."""
        pytest.importorskip("pydantic")
        pytest.importorskip("msgspec")
        done = _run(RUNNER, "--scale", "0.002", "--repeats", "1", "--import-runs", "1")
        assert "equivalence checks passed" in done.stdout
        for case in (
            "JSON -> objects",
            "dicts -> objects",
            "objects -> JSON",
            "reconcile",
            "import peelmodel",
        ):
            assert case in done.stdout, done.stdout


class TestRefusalBenchmark:
    def test_tiny_run(self):
        """The refusal benchmark runs at a tiny size; its timings are not judged here."""
        done = _run(ROOT / "benchmarks" / "bench_refusal.py", "--mib", "0.1", "--repeats", "1")
        assert "slowest refusal" in done.stdout
        for kind in (
            "deep",
            "duplicate key",
            "bad rows",
            "bad items",
            "unknown keys",
            "duplicate ids",
        ):
            assert kind in done.stdout


class TestEngineScaling:
    def test_tiny_run(self):
        """The scaling benchmark builds every shape, checks it holds, and prints each case."""
        done = _run(
            ROOT / "benchmarks" / "bench_engine_scaling.py", "--sizes", "6", "--repeats", "1"
        )
        for shape in ("chained shares", "many rates", "many changes"):
            assert shape in done.stdout, done.stdout


class TestReconcileBenchmark:
    def test_tiny_run(self):
        """The Hampshire benchmark agrees with its brute-force peer and prints every case."""
        done = _run(
            ROOT / "benchmarks" / "bench_reconcile.py",
            "--repeats",
            "1",
            "--brute-force-repeats",
            "1",
        )
        header = done.stdout.splitlines()[1].split()
        assert header[2:5] == ["median", "ms", "least"], done.stdout
        for case in ("json.loads", "claims_of", "reconcile", "assess", "statuses", "implied"):
            assert f"\n{case} " in done.stdout, done.stdout
        assert "brute force" in done.stdout
