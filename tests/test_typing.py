"""The public API type-checks under mypy --strict as its users would write it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "typing" / "public_api.py"


class TestTyping:
    def test_public_api_is_strictly_typed(self, tmp_path):
        """mypy --strict accepts a module that uses the public API with precise types."""
        pytest.importorskip("mypy")
        done = subprocess.run(  # noqa: S603 - runs mypy with fixed arguments
            [
                sys.executable,
                "-m",
                "mypy",
                "--strict",
                "--cache-dir",
                str(tmp_path / "mypy-cache"),
                str(SAMPLE),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Success: no issues found in 1 source file" in done.stdout
