"""The peelmodel command: report, check, version and exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import peelmodel
from peelmodel import cli, datasets

STATUSES = {"reproduced", "consistent", "inconsistent", "unverifiable"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command in-process; return its exit code, stdout and stderr."""
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def tampered(path: Path, old: str, new: str) -> Path:
    """Write the dataset with one published value changed and return the file."""
    text = datasets.text("hampshire-2015")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


class TestReport:
    def test_table(self, capsys):
        """The default report prints a table of figures with their statuses."""
        code, out, err = run(capsys, "report")
        assert code == 0
        assert err == ""
        assert out.startswith("PEEL: Police effectiveness 2015 - An inspection of Hampshire")
        for status in ("reproduced", "consistent", "unverifiable"):
            assert status in out
        assert "Figure 4" in out
        assert "Inferred unpublished numbers" in out
        assert out.rstrip().endswith("the report is consistent.")

    def test_named_dataset(self, capsys):
        """The dataset can be named explicitly."""
        assert run(capsys, "report", "hampshire-2015")[0] == 0

    def test_json(self, capsys):
        """--format json prints one object with figures, inferred and judgments."""
        code, out, _ = run(capsys, "report", "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert isinstance(data, dict)
        assert len(data["figures"]) == 77
        for figure in data["figures"]:
            assert isinstance(figure["id"], str)
            assert isinstance(figure["published"], str)
            assert figure["status"] in STATUSES
        for interval in data["inferred"]:
            assert {"id", "low", "high"} <= set(interval)
            assert isinstance(interval["low"], int | str)
        ids = {interval["id"] for interval in data["inferred"]}
        assert "hampshire.population" in ids
        assert data["judgments"]["overall"] == "good"
        assert data["judgments"]["peel-2015.effectiveness.3"] == "requires-improvement"

    def test_json_figure(self, capsys):
        """The JSON of a reproduced figure carries its derived value."""
        data = json.loads(run(capsys, "report", "--format", "json")[1])
        figure = next(
            f for f in data["figures"] if f["id"] == "hampshire.outcomes.out-of-court-formal.count"
        )
        assert (figure["published"], figure["status"], figure["derived"]) == (
            "4395",
            "reproduced",
            "4395",
        )


class TestCheck:
    def test_copy_of_dataset(self, capsys, tmp_path):
        """A faithful copy of the dataset checks out: exit 0."""
        path = tmp_path / "hampshire.json"
        path.write_text(datasets.text("hampshire-2015"), encoding="utf-8")
        code, out, err = run(capsys, "check", str(path))
        assert (code, err) == (0, "")
        assert "0 inconsistent" in out

    def test_tampered_rate(self, capsys, tmp_path):
        """Changing Hampshire's charge rate 14.4 to 19.4 exits 1 and names the figure."""
        path = tampered(tmp_path / "tampered.json", '"rate": "14.4"', '"rate": "19.4"')
        code, out, _ = run(capsys, "check", str(path), "--format", "json")
        assert code == 1
        data = json.loads(out)
        statuses = {f["id"]: f["status"] for f in data["figures"]}
        assert statuses["hampshire.outcomes.type-1.rate"] == "inconsistent"
        assert data["consistent"] is False

    def test_tampered_rate_table(self, capsys, tmp_path):
        """The table of a tampered copy shows the inconsistency."""
        path = tampered(tmp_path / "tampered.json", '"rate": "14.4"', '"rate": "19.4"')
        code, out, _ = run(capsys, "check", str(path))
        assert code == 1
        line = next(line for line in out.splitlines() if "19.4" in line)
        assert "inconsistent" in line
        assert "the report is INCONSISTENT." in out

    @pytest.mark.parametrize(
        ("content", "fragment"),
        [
            ("this is not JSON", "not JSON"),
            ('{"format": "peelmodel"}', "$.version"),
            ("[]", "expected an object"),
        ],
    )
    def test_invalid_file(self, capsys, tmp_path, content, fragment):
        """An invalid document exits 2 with one line on stderr and no traceback."""
        path = tmp_path / "bad.json"
        path.write_text(content, encoding="utf-8")
        code, out, err = run(capsys, "check", str(path))
        assert code == 2
        assert out == ""
        assert len(err.splitlines()) == 1
        assert fragment in err
        assert err.startswith("bad.json: ")
        assert "Traceback" not in err

    def test_invalid_value_in_document(self, capsys, tmp_path):
        """A document with a bad value names the path on its one line."""
        path = tampered(tmp_path / "bad.json", '"rate": "14.4"', '"rate": 14.4')
        code, _, err = run(capsys, "check", str(path))
        assert code == 2
        assert "$.outcome_rates[0].rate" in err
        assert len(err.splitlines()) == 1

    def test_missing_file(self, capsys, tmp_path):
        """A missing file exits 2 with one line on stderr."""
        code, out, err = run(capsys, "check", str(tmp_path / "missing.json"))
        assert (code, out) == (2, "")
        assert len(err.splitlines()) == 1
        assert "cannot read" in err

    def test_directory(self, capsys, tmp_path):
        """A directory is unreadable as a document: exit 2."""
        code, _, err = run(capsys, "check", str(tmp_path))
        assert code == 2
        assert len(err.splitlines()) == 1

    def test_check_needs_a_file(self, capsys):
        """check without a file is a usage error: exit 2, one line."""
        code, _, err = run(capsys, "check")
        assert code == 2
        assert len(err.splitlines()) == 1

    def test_unknown_command(self, capsys):
        """An unknown command exits 2 with one line."""
        code, _, err = run(capsys, "reconcile-everything")
        assert code == 2
        assert len(err.splitlines()) == 1

    def test_bad_format_option(self, capsys):
        """--format takes table or json only."""
        code, _, err = run(capsys, "report", "--format", "xml")
        assert code == 2
        assert "xml" in err


class TestVersion:
    def test_version(self, capsys):
        """--version prints the package version and exits 0."""
        with pytest.raises(SystemExit) as caught:
            cli.main(["--version"])
        assert caught.value.code == 0
        assert capsys.readouterr().out.strip() == f"peelmodel {peelmodel.__version__}"


class TestSubprocess:
    def environment(self) -> dict[str, str]:
        """The environment for a child process, with UTF-8 output."""
        return {**os.environ, "PYTHONIOENCODING": "utf-8"}

    def test_python_m_peelmodel(self):
        """python -m peelmodel report works and exits 0."""
        done = subprocess.run(
            [sys.executable, "-m", "peelmodel", "report", "--format", "json"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env=self.environment(),
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["judgments"]["overall"] == "good"

    def test_console_script(self, tmp_path):
        """The installed peelmodel script reports an invalid file with exit 2 and one line."""
        script = Path(sys.executable).with_name("peelmodel")
        found = str(script) if script.exists() else shutil.which("peelmodel")
        if found is None:
            pytest.skip("the peelmodel console script is not installed")
        bad = tmp_path / "bad.json"
        bad.write_text("{", encoding="utf-8")
        done = subprocess.run(  # noqa: S603 - fixed arguments, the project's own script
            [found, "check", str(bad)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env=self.environment(),
        )
        assert done.returncode == 2
        assert done.stdout == ""
        assert len(done.stderr.splitlines()) == 1
        assert "Traceback" not in done.stderr
        ok = subprocess.run(  # noqa: S603 - fixed arguments, the project's own script
            [found, "--version"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env=self.environment(),
        )
        assert (ok.returncode, ok.stdout.strip()) == (0, f"peelmodel {peelmodel.__version__}")


class TestImpliedRanges:
    def test_unbounded_lost_figure_has_no_range(self, capsys):
        """A lost figure bounded only by the ceiling for counts shows no range, and says so."""
        code, out, _ = run(capsys, "report", "--format", "json")
        assert code == 0
        lost = {entry["id"]: entry for entry in json.loads(out)["lost"]}
        calls = lost["hampshire.in-numbers.calls-for-assistance.per-1000-population"]
        assert calls["bounded"] is False
        charge = lost["hampshire.in-numbers.charge-rate"]
        assert charge["bounded"] is True
        assert (charge["low"], charge["high"]) == ("1742000/121393", "1742000/121111")

    def test_table_shows_a_dash_for_an_unbounded_range(self, capsys):
        """The table shows '-' for an unbounded lost figure and the range for a bounded one."""
        _, out, _ = run(capsys, "report")
        calls = next(line for line in out.splitlines() if line.startswith("Calls for assistance"))
        assert calls.split()[-1] == "-"
        charge = next(line for line in out.splitlines() if line.startswith("Charge rate"))
        assert charge.endswith("14.350 to 14.383")
