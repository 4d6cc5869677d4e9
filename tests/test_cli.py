"""The peelmodel command: report, check, help, error lines, tables, colour and exit codes."""

from __future__ import annotations

import argparse
import json
import os
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import peelmodel
from peelmodel import cli, datasets
from peelmodel.cli import app, output, table
from peelmodel.documents.numbers import display

STATUSES = {"reproduced", "consistent", "inconsistent", "unverifiable"}
#: The fewest figures whose removal lets the rest hold: the tampered rate alone.
TAMPERED_IDS = ["hampshire.outcomes.type-1.rate"]
#: A number as tables show it: thousands grouped, at most three places.
NUMBER = r"-?\d{1,3}(?:,\d{3})*(?:\.\d{1,3})?"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command in-process; return its exit code, stdout and stderr."""
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def spawn(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m peelmodel`` in a child process with UTF-8 output."""
    return subprocess.run(  # noqa: S603 - the project's own command
        [sys.executable, "-m", "peelmodel", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
    )


def on_terminal(*argv: str, env: dict[str, str]) -> str:
    """Run ``python -m peelmodel`` with standard output on a pseudo-terminal; return what it wrote."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | env
    with subprocess.Popen(  # noqa: S603 - the project's own command
        [sys.executable, "-m", "peelmodel", *argv],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=environment,
    ) as process:
        os.close(follower)
        chunks = []
        while select.select([leader], [], [], 120)[0]:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is gone once the child has exited
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        assert process.wait(timeout=120) in {0, 1}
    return b"".join(chunks).decode("utf-8")


def tampered(path: Path, old: str = '"rate": "14.4"', new: str = '"rate": "19.4"') -> Path:
    """Write the dataset with one published value changed and return the file."""
    text = datasets.text("hampshire-2015")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def with_problems(path: Path, count: int) -> Path:
    """Write the dataset with *count* figures published as JSON numbers, one problem each."""
    document = json.loads(datasets.text("hampshire-2015"))
    for figure in document["figures"][:count]:
        figure["published"] = 1.5
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def cells(out: str, column: str) -> list[str]:
    """The cells of *column* in every table of *out* that has it."""
    found: list[str] = []
    lines = out.splitlines()
    for at, rule in enumerate(lines):
        if not rule or set(rule) - {"-", " "} or at == 0:
            continue
        spans = [match.span() for match in re.finditer(r"-+", rule)]
        header = lines[at - 1]
        names = [header[start:end].strip() for start, end in spans]
        if column not in names:
            continue
        start, end = spans[names.index(column)]
        for line in lines[at + 1 :]:
            if not line:
                break
            found.append(line[start:end].strip())
    return found


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
        assert "\x1b[" not in out

    def test_named_dataset(self, capsys):
        """The dataset can be named explicitly."""
        assert run(capsys, "report", "hampshire-2015")[0] == 0

    def test_unknown_dataset_lists_the_known(self, capsys):
        """A name that is neither a file nor a dataset exits 2, listing the datasets."""
        code, out, err = run(capsys, "report", "kent-2015")
        assert (code, out) == (2, "")
        known = ", ".join(datasets.names())
        assert err == (
            "peelmodel: kent-2015: no such file, nor an embedded dataset "
            f"(embedded datasets: {known})\n"
        )

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


class TestNumberColumns:
    @pytest.mark.parametrize(
        ("column", "pattern"),
        [
            ("published", NUMBER),
            ("derived", rf"{NUMBER}( to {NUMBER})?|-"),
            ("implied", rf"{NUMBER}( to {NUMBER})?|-"),
            ("low", NUMBER),
            ("high", rf"{NUMBER}|unbounded"),
        ],
    )
    def test_one_format_per_column(self, capsys, column, pattern):
        """Every number in a column of the report is grouped and rounded the same way."""
        found = cells(run(capsys, "report")[1], column)
        assert found
        assert [cell for cell in found if not re.fullmatch(pattern, cell)] == []

    def test_published_as_published_but_grouped(self, capsys):
        """A published count is grouped like the derived one; a published decimal keeps its places."""
        out = run(capsys, "report")[1]
        rows = [line.split() for line in out.splitlines() if "hampshire" in line.split()]
        count = next(row for row in rows if row[:2] == ["Charged/summonsed:", "number"])
        first = count.index("17,420")
        assert count[first : first + 2] == ["17,420", "17,420"]
        rate = next(row for row in rows if row[:2] == ["Charged/summonsed:", "rate"])
        assert "14.4" in rate

    def test_grades_counts(self, capsys):
        """The counts of grades tables are formatted as numbers."""
        out = run(capsys, "grades", "--by", "grade", "--question", "peel-2015.effectiveness")[1]
        assert cells(out, "Good") == [display(24)]
        assert cells(out, "published")[:2] == ["1", "24"]


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
        path = tampered(tmp_path / "tampered.json")
        code, out, _ = run(capsys, "check", str(path), "--format", "json")
        assert code == 1
        data = json.loads(out)
        statuses = {f["id"]: f["status"] for f in data["figures"]}
        assert statuses["hampshire.outcomes.type-1.rate"] == "inconsistent"
        assert data["consistent"] is False

    def test_tampered_rate_table(self, capsys, tmp_path):
        """The table of a tampered copy shows the inconsistency."""
        path = tampered(tmp_path / "tampered.json")
        code, out, _ = run(capsys, "check", str(path))
        assert code == 1
        line = next(line for line in out.splitlines() if "19.4" in line)
        assert "inconsistent" in line
        assert "the report is INCONSISTENT." in out

    @pytest.mark.parametrize(
        ("content", "fragment"),
        [
            ("this is not JSON", "$: not JSON"),
            ('{"format": "peelmodel"}', "$.version"),
            ("[]", "$: expected an object"),
        ],
    )
    def test_invalid_file(self, capsys, tmp_path, content, fragment):
        """An invalid document exits 2 with one line, peelmodel: and the file first, no traceback."""
        path = tmp_path / "bad.json"
        path.write_text(content, encoding="utf-8")
        code, out, err = run(capsys, "check", str(path))
        assert code == 2
        assert out == ""
        assert err.startswith(f"peelmodel: {path}: ")
        assert fragment in err
        assert "Traceback" not in err

    def test_invalid_value_in_document(self, capsys, tmp_path):
        """A document with a bad value names the path on its one line."""
        path = tampered(tmp_path / "bad.json", '"rate": "14.4"', '"rate": 14.4')
        code, _, err = run(capsys, "check", str(path))
        assert code == 2
        assert "$.outcome_rates[0].rate" in err
        assert len(err.splitlines()) == 1

    def test_missing_file(self, capsys, tmp_path):
        """A missing file exits 2 with one line naming it."""
        missing = tmp_path / "missing.json"
        code, out, err = run(capsys, "check", str(missing))
        assert (code, out) == (2, "")
        assert len(err.splitlines()) == 1
        assert err.startswith(f"peelmodel: {missing}: no such file")

    def test_directory(self, capsys, tmp_path):
        """A directory is unreadable as a document: exit 2."""
        code, _, err = run(capsys, "check", str(tmp_path))
        assert code == 2
        assert len(err.splitlines()) == 1

    def test_check_needs_a_file(self, capsys):
        """check without a file is a usage error: exit 2, one line naming the command."""
        code, _, err = run(capsys, "check")
        assert code == 2
        assert err == "peelmodel: check: the following arguments are required: FILE\n"

    def test_unknown_command(self, capsys):
        """An unknown command exits 2 with one line."""
        code, _, err = run(capsys, "reconcile-everything")
        assert code == 2
        assert len(err.splitlines()) == 1
        assert err.startswith("peelmodel: ")

    def test_bad_format_option(self, capsys):
        """--format takes table or json only."""
        code, _, err = run(capsys, "report", "--format", "xml")
        assert code == 2
        assert err.startswith("peelmodel: report: argument --format")
        assert "xml" in err


class TestQuiet:
    def test_inconsistent_figures_only(self, capsys, tmp_path):
        """check --quiet prints the inconsistent figures' ids, one a line, and nothing else."""
        code, out, err = run(capsys, "check", "--quiet", str(tampered(tmp_path / "t.json")))
        assert (code, err) == (1, "")
        assert out.splitlines() == TAMPERED_IDS

    def test_nothing_when_consistent(self, capsys):
        """check -q of a consistent document prints nothing and exits 0."""
        assert run(capsys, "check", "-q", "hampshire-2015") == (0, "", "")

    def test_not_with_format(self, capsys):
        """--quiet and --format together are a usage error."""
        code, out, err = run(capsys, "check", "-q", "--format", "json", "hampshire-2015")
        assert (code, out) == (2, "")
        assert err.startswith("peelmodel: check: argument --format: not allowed with")

    def test_through_the_command(self, tmp_path):
        """The installed command prints the same ids and exit code."""
        done = spawn("check", "--quiet", str(tampered(tmp_path / "t.json")))
        assert (done.returncode, done.stderr) == (1, "")
        assert done.stdout.splitlines() == TAMPERED_IDS


class TestErrorLines:
    def test_problems_capped(self, capsys, tmp_path):
        """A document with many problems prints the first ten, one a line, and counts the rest."""
        path = with_problems(tmp_path / "many.json", 53)
        code, out, err = run(capsys, "check", str(path))
        assert (code, out) == (2, "")
        lines = err.splitlines()
        assert len(lines) == output.MAX_PROBLEMS + 1
        assert all(line.startswith(f"peelmodel: {path}: $.figures[") for line in lines[:-1])
        assert lines[-1] == f"peelmodel: {path}: ... and 43 more problems"

    def test_one_more_problem(self, capsys, tmp_path):
        """One problem over the cap is counted in the singular."""
        path = with_problems(tmp_path / "eleven.json", 11)
        err = run(capsys, "check", str(path))[2]
        assert err.splitlines()[-1] == f"peelmodel: {path}: ... and 1 more problem"

    def test_ten_problems_all_shown(self, capsys, tmp_path):
        """Up to the cap, every problem has its line and there is no count."""
        err = run(capsys, "check", str(with_problems(tmp_path / "ten.json", 10)))[2]
        assert len(err.splitlines()) == 10
        assert "more problem" not in err

    @pytest.mark.parametrize(
        "argv",
        [
            ["check"],
            ["check", "{many}"],
            ["check", "/nonexistent/missing.json"],
            ["report", "kent-2015"],
            ["report", "--format", "xml"],
            ["grades", "--force", "atlantis"],
            ["aggregate", "hampshire-2015", "hampshire-2015"],
            ["aggregate", "-", "-"],
        ],
    )
    def test_every_line_starts_peelmodel(self, tmp_path, argv):
        """Through the real command, every line on stderr starts peelmodel:, and exit is 2."""
        many = str(with_problems(tmp_path / "many.json", 30))
        done = spawn(*(many if arg == "{many}" else arg for arg in argv))
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr
        assert all(line.startswith("peelmodel: ") for line in done.stderr.splitlines())
        assert "Traceback" not in done.stderr


class TestHelp:
    def commands(self) -> dict[str, argparse.ArgumentParser]:
        """The parser of each command."""
        top = app.parser()
        (action,) = (a for a in top._actions if isinstance(a, argparse._SubParsersAction))
        return dict(action.choices)

    def test_every_option_has_help_and_a_default(self):
        """Every option has help, and every option that takes a value states its default."""
        for name, command in self.commands().items():
            for action in command._actions:
                assert action.help, (name, action.dest)
                takes_value = action.nargs not in {0, "+"} and action.dest != "source"
                if takes_value or action.nargs == "?":
                    assert "(default: " in action.help, (name, action.dest)

    @pytest.mark.parametrize(
        ("command", "codes"),
        [
            ("report", ("0", "1", "2", "3")),
            ("check", ("0", "1", "2", "3")),
            ("aggregate", ("0", "1", "2", "3")),
            ("grades", ("0", "1", "2", "3")),
        ],
    )
    def test_exit_codes_in_help(self, command, codes):
        """Each command's --help ends with the exit codes it uses."""
        done = spawn(command, "--help")
        assert (done.returncode, done.stderr) == (0, "")
        epilog = done.stdout.split("exit codes:\n")[1]
        assert [line.split()[0] for line in epilog.splitlines()] == list(codes)
        assert "(default: table)" in done.stdout


class TestColour:
    def test_status_on_a_terminal(self, tmp_path):
        """On a terminal, inconsistent is red and consistent green."""
        out = on_terminal("check", str(tampered(tmp_path / "t.json")), env={})
        assert "\x1b[31minconsistent" in out
        assert "\x1b[32mconsistent\x1b[0m" in out

    @pytest.mark.parametrize("value", ["1", "0", "false"])
    def test_no_color(self, value):
        """NO_COLOR of any non-empty value turns colour off."""
        assert "\x1b[" not in on_terminal("report", env={"NO_COLOR": value})

    def test_empty_no_color_is_unset(self):
        """An empty NO_COLOR leaves colour on."""
        assert "\x1b[32m" in on_terminal("report", env={"NO_COLOR": ""})

    @pytest.mark.parametrize(
        "argv",
        [
            ["report", "--format", "json"],
            ["grades", "--format", "csv", "--programme", "peel-2015"],
            ["grades", "--format", "json", "--programme", "peel-2015"],
            ["aggregate", "hampshire-2015", "--format", "csv"],
        ],
    )
    def test_never_in_json_or_csv(self, argv):
        """JSON and CSV have no colour, even on a terminal."""
        out = on_terminal(*argv, env={})
        assert out
        assert "\x1b[" not in out

    def test_not_in_a_pipe(self):
        """Output to a pipe has no colour."""
        assert "\x1b[" not in spawn("grades", "--programme", "peel-2015").stdout

    def test_aligned(self):
        """Coloured cells are padded by their visible width."""
        rows = [[table.Styled("inconsistent", table.RED), "1"], ["ok", "22"]]
        plain = table.render(("status", "n"), rows)
        coloured = table.render(("status", "n"), rows, colour=True)
        assert coloured.replace("\x1b[31m", "").replace("\x1b[0m", "") == plain

    def test_wanted(self, monkeypatch):
        """Colour is wanted on a terminal without NO_COLOR, and nowhere else."""

        class Terminal:
            def __init__(self, tty: bool) -> None:
                self.tty = tty

            def isatty(self) -> bool:
                return self.tty

        monkeypatch.delenv("NO_COLOR", raising=False)
        assert output.colour_wanted(Terminal(tty=True))
        assert not output.colour_wanted(Terminal(tty=False))
        monkeypatch.setenv("NO_COLOR", "1")
        assert not output.colour_wanted(Terminal(tty=True))


class TestVersion:
    def test_version(self, capsys):
        """--version prints the package version and exits 0."""
        with pytest.raises(SystemExit) as caught:
            cli.main(["--version"])
        assert caught.value.code == 0
        assert capsys.readouterr().out.strip() == f"peelmodel {peelmodel.__version__}"


class TestSubprocess:
    def test_python_m_peelmodel(self):
        """python -m peelmodel report works and exits 0."""
        done = spawn("report", "--format", "json")
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
        environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        done = subprocess.run(  # noqa: S603 - fixed arguments, the project's own script
            [found, "check", str(bad)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env=environment,
        )
        assert done.returncode == 2
        assert done.stdout == ""
        assert len(done.stderr.splitlines()) == 1
        assert done.stderr.startswith(f"peelmodel: {bad}: ")
        ok = subprocess.run(  # noqa: S603 - fixed arguments, the project's own script
            [found, "--version"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env=environment,
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
