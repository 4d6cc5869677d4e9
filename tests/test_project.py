"""The project's own promises: the README's set-up commands and CI's use of them."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.match(r"# peelmodel\n\n```sh\n(.*?)\n```", text, re.DOTALL)
    assert block, "the README must open with a shell block of set-up commands"
    return block.group(1).splitlines()


class TestReadme:
    def test_opens_with_exactly_two_commands(self):
        """The README starts with exactly two commands: the main job and the test suite."""
        assert readme_commands() == ["python3 tasks.py report", "python3 tasks.py test"]

    def test_ci_runs_the_readme_test_command(self):
        """.ci/run runs the README's test command as written, and fails on any failure."""
        script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
        assert "set -euo pipefail" in script
        assert readme_commands()[1] in script.splitlines()

    def test_tasks_runs_every_check(self):
        """The test command runs ruff, mypy --strict, the docs build and pytest."""
        tasks = (ROOT / "tasks.py").read_text(encoding="utf-8")
        for step in (
            '"ruff", "check"',
            '"mypy", "--strict", "src"',
            '"sphinx-build", "-W"',
            '"pytest"',
        ):
            assert step in tasks
