"""The command line as analysts use it: names in options, empty answers that say why, CSV everywhere."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from peelmodel import cli, datasets, grades, programmes
from peelmodel.analysis import assess
from peelmodel.cli import csv_output

TAMPERED = ('"rate": "14.4"', '"rate": "19.4"')


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command in-process; return its exit code, stdout and stderr."""
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def spawn(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m peelmodel`` in a child process with UTF-8 output."""
    return subprocess.run(  # noqa: S603 - the project's own command
        [sys.executable, "-m", "peelmodel", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def rows(text: str) -> list[dict[str, str]]:
    """The rows of CSV text."""
    return list(csv.DictReader(io.StringIO(text)))


class TestNamesInOptions:
    @pytest.mark.parametrize(
        ("written", "force_id"),
        [
            ("thames valley", "thames-valley"),
            ("Avon and Somerset", "avon-and-somerset"),
            ("devon and cornwall", "devon-and-cornwall"),
            ("north yorkshire", "north-yorkshire"),
            ("Greater Manchester", "greater-manchester"),
            ("South Wales", "south-wales"),
            ("City of London", "city-of-london"),
            ("met", "metropolitan"),
            ("hants", "hampshire"),
        ],
    )
    def test_force(self, capsys, written, force_id):
        """--force takes a force as people write it."""
        code, out, err = run(capsys, "grades", "--force", written, "--format", "json")
        assert (code, err) == (0, "")
        found = {row["force"] for row in json.loads(out)["grades"]}
        assert found == {force_id}

    def test_region_pillar_programme_and_choices(self, capsys):
        """--region, --pillar, --programme take names; --by and --format ignore case."""
        code, out, err = run(
            capsys,
            "grades",
            "--region",
            "south-east",
            "--pillar",
            "Effectiveness",
            "--programme",
            "PEEL 2015",
            "--by",
            "Region",
            "--format",
            "JSON",
        )
        assert (code, err) == (0, "")
        data = json.loads(out)
        assert data["grades"]
        assert all(row["question"].startswith("peel-2015.effectiveness") for row in data["grades"])
        assert {d["area"] for d in data["distribution"]} == {"south-east-region"}

    def test_unknown_name_suggests(self, capsys):
        """An unknown force exits 2 with one line suggesting the closest, not a list of ids."""
        code, out, err = run(capsys, "grades", "--force", "thames vally")
        assert (code, out) == (2, "")
        assert err == (
            "peelmodel: grades: argument --force: unknown force 'thames vally'; "
            "did you mean thames-valley (Thames Valley Police)?\n"
        )

    def test_unknown_region_is_named_a_region(self, capsys):
        """A force's name given as a region is refused as a region, in one line."""
        code, _, err = run(capsys, "grades", "--region", "hampshire")
        assert code == 2
        assert "unknown region 'hampshire'" in err
        assert err.count("\n") == 1

    def test_through_the_command(self):
        """python -m peelmodel takes names and explains an empty answer, exit 0 both times."""
        done = spawn(
            "grades", "--force", "thames valley", "--pillar", "Effectiveness", "--format", "csv"
        )
        assert (done.returncode, done.stderr) == (0, "")
        assert {row["force"] for row in rows(done.stdout)} == {"thames-valley"}
        done = spawn(
            "grades",
            "--force",
            "met",
            "--programme",
            "2014",
            "--question",
            "peel-2015.effectiveness",
        )
        assert done.returncode == 0
        assert done.stderr.startswith(
            "peelmodel: note: no grades recorded for Metropolitan Police Service"
        )

    def test_msg_by_name(self, capsys):
        """aggregate --msg takes force names, comma-separated."""
        code, out, err = run(
            capsys,
            "aggregate",
            "hampshire-2015",
            "--by",
            "msg",
            "--msg",
            "Hants, Kent Police",
            "--format",
            "json",
        )
        assert (code, err) == (0, "")
        assert json.loads(out)["groups"][0]["members"] == ["hampshire", "kent"]


class TestEmptyAnswers:
    def test_not_together(self, capsys):
        """Filters that match apart but not together: exit 0, a note, an empty table."""
        code, out, err = run(
            capsys,
            "grades",
            "--force",
            "durham",
            "--programme",
            "2014",
            "--question",
            "peel-2015.effectiveness",
        )
        assert code == 0
        assert err == (
            "peelmodel: note: no grades recorded for Durham Constabulary in PEEL 2014, "
            "question peel-2015.effectiveness: each matches entries, but not together\n"
        )
        assert out.rstrip().endswith("0 entries.")

    @pytest.mark.parametrize("fmt", ["json", "csv", "table"])
    def test_programme_without_entries(self, capsys, monkeypatch, fmt):
        """A programme that holds no entries yet is named as the reason, in every format."""
        held = grades.select

        def select(**filters):
            return () if filters.get("programme") == "peel-2023-25" else held(**filters)

        monkeypatch.setattr(grades, "select", select)
        code, out, err = run(
            capsys, "grades", "--force", "kent", "--programme", "2023-25", "--format", fmt
        )
        assert code == 0
        assert err == (
            "peelmodel: note: no grades recorded for Kent Police in PEEL 2023-25: "
            "PEEL 2023-25 holds no entries yet\n"
        )
        if fmt == "json":
            assert json.loads(out) == {"grades": [], "statements": []}
        elif fmt == "csv":
            assert out == (
                "force,programme,question,state,grade,last_updated,source,"
                "source_kind,quote,published,inferred,history,conflicts\n"
            )

    @pytest.mark.parametrize("programme", programmes.all(), ids=lambda p: p.id)
    def test_record_without_a_programme(self, capsys, monkeypatch, programme):
        """A record that holds nothing of a programme names the programme as the reason."""
        shipped = datasets.grades_record()
        kept = tuple(e for e in shipped.entries if e.programme != programme)
        statements = tuple(s for s in shipped.statements if s.programme != programme)
        record = attrs.evolve(shipped, entries=kept, statements=statements)
        monkeypatch.setattr(datasets, "grades_record", lambda: record)
        code, _, err = run(capsys, "grades", "--programme", programme.id)
        assert code == 0
        assert err == (
            f"peelmodel: note: no grades recorded for {programme.name}: "
            f"{programme.name} holds no entries yet\n"
        )

    def test_aggregate_group_of_absent_forces(self, capsys):
        """An MSG none of whose forces is an input: exit 0, a note, valid empty JSON and CSV."""
        argv = ("aggregate", "hampshire-2015", "--by", "msg", "--msg", "kent,essex")
        note = (
            "peelmodel: note: most-similar-group: no figures: none of its 2 forces "
            "(essex, kent) is among the inputs\n"
        )
        code, out, err = run(capsys, *argv, "--format", "json")
        assert (code, err) == (0, note)
        assert json.loads(out)["groups"][0]["figures"] == []
        code, out, err = run(capsys, *argv, "--format", "csv")
        assert (code, err) == (0, note)
        assert rows(out) == []
        assert out.startswith("id,area,label,")

    def test_nothing_to_count(self, capsys):
        """--by over entries of an ungraded question: exit 0, a note, the CSV header alone."""
        code, out, err = run(
            capsys,
            "grades",
            "--by",
            "grade",
            "--question",
            "peel-2015.legitimacy.2",
            "--format",
            "csv",
        )
        assert (code, out) == (0, "area,programme,question,grade,count,forces\n")
        assert err == (
            "peelmodel: note: nothing to count by grade: no graded question among the entries\n"
        )

    def test_answers_are_silent(self, capsys):
        """A query that matches something prints no note."""
        code, _, err = run(capsys, "grades", "--force", "kent", "--programme", "2015")
        assert (code, err) == (0, "")


class TestAggregateSummary:
    def test_one_force(self, capsys):
        """A group of one force is 'of 1 force', not '1 forces'."""
        _, out, _ = run(capsys, "aggregate", "hampshire-2015", "--by", "msg", "--msg", "hants")
        assert "mean over 1 of 1 force\n" in out


class TestGradesSummary:
    def test_one_entry(self, capsys):
        """One entry is '1 entry', not '1 entries'."""
        _, out, _ = run(
            capsys, "grades", "--force", "durham", "--question", "peel-2015.effectiveness"
        )
        assert out.rstrip().endswith("\n1 entry.")

    def test_force_history_without_statements(self, capsys):
        """A force's history lists its entries only; --statements adds the national statements."""
        code, out, _ = run(capsys, "grades", "--force", "kent", "--format", "json")
        assert code == 0
        assert json.loads(out)["statements"] == []
        _, table, _ = run(capsys, "grades", "--force", "kent")
        assert "National statements" not in table
        _, out, _ = run(capsys, "grades", "--force", "kent", "--statements", "--format", "json")
        assert json.loads(out)["statements"]

    def test_national_query_keeps_statements(self, capsys):
        """Without a force or region, the statements are shown; --no-statements leaves them out."""
        _, out, _ = run(capsys, "grades", "--programme", "2015", "--format", "json")
        assert json.loads(out)["statements"]
        _, out, _ = run(
            capsys, "grades", "--programme", "2015", "--no-statements", "--format", "json"
        )
        assert json.loads(out)["statements"] == []


class TestReportCsv:
    def test_rows_are_the_json_figures(self, capsys):
        """report --format csv: one row per figure and lost figure, with the JSON's values."""
        code, out, err = run(capsys, "report", "--format", "csv")
        assert (code, err) == (0, "")
        _, text, _ = run(capsys, "report", "--format", "json")
        data = json.loads(text)
        found = rows(out)
        expected = [*data["figures"], *data["lost"]]
        assert [row["id"] for row in found] == [figure["id"] for figure in expected]
        assert list(found[0])[:5] == ["id", "label", "area", "published", "status"]
        for row, figure in zip(found, expected, strict=True):
            assert row["status"] == figure["status"]
            assert row["published"] == (figure["published"] or "")
            assert row["low"] == str(figure["low"])
            assert row["high"] == ("" if figure["high"] is None else str(figure["high"]))

    def test_check_names_conflicts(self, capsys, tmp_path):
        """check --format csv of a tampered document exits 1 and names the conflicting figures."""
        path = tmp_path / "tampered.json"
        text = datasets.text("hampshire-2015")
        path.write_text(text.replace(*TAMPERED), encoding="utf-8")
        code, out, err = run(capsys, "check", str(path), "--format", "csv")
        assert (code, err) == (1, "")
        bad = [row for row in rows(out) if row["status"] == "inconsistent"]
        assert bad
        assert all(row["conflicts_with"] for row in bad)
        assert "hampshire.outcomes.type-1.rate" in {row["id"] for row in bad}

    def test_through_the_command(self, tmp_path: Path):
        """python -m peelmodel check FILE --format csv writes the same CSV as in-process."""
        path = tmp_path / "copy.json"
        path.write_text(datasets.text("hampshire-2015"), encoding="utf-8")
        done = spawn("check", str(path), "--format", "csv")
        assert (done.returncode, done.stderr) == (0, "")
        found = rows(done.stdout)
        assessment = assess(datasets.load("hampshire-2015"))
        assert [row["id"] for row in found] == [
            result.id for result in (*assessment.figures, *assessment.lost)
        ]
        assert done.stdout == csv_output.assessment_csv(assessment) + "\n"


class TestCsvOutput:
    def test_nested_and_listed_values(self):
        """Objects become one column per key, lists one cell, None an empty cell."""
        text = csv_output.render(
            [{"id": "a", "implied": {"low": "1", "high": None}, "conflicts_with": ["b", "c"]}],
            ("id", "status"),
        )
        assert rows(text) == [
            {
                "id": "a",
                "status": "",
                "implied_low": "1",
                "implied_high": "",
                "conflicts_with": "b,c",
            }
        ]

    def test_empty_is_the_header(self):
        """No rows: the header alone."""
        assert csv_output.render([], csv_output.FIGURE_FIELDS) == ",".join(csv_output.FIGURE_FIELDS)
