"""The ``peelmodel grades`` command: JSON, CSV and table output, filters and errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from peelmodel import Grade, GradesRecord, NationalStatement, SourceKind, cli, datasets
from peelmodel.catalogues import questions

GRADES = {"outstanding", "good", "adequate", "requires-improvement", "inadequate", None}
STATUSES = {"reproduced", "inconsistent", "unverifiable"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``peelmodel grades`` in-process; return its exit code, stdout and stderr."""
    code = cli.main(["grades", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def as_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    code, out, err = run(capsys, *argv, "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


class TestJson:
    def test_contract(self, capsys):
        """One object; "grades" has force, programme, question, grade and source for every entry."""
        data = as_json(capsys)
        rows = data["grades"]
        assert isinstance(rows, list)
        assert len(rows) == len(datasets.grades_record().entries)
        for row in rows:
            assert {"force", "programme", "question", "grade", "source"} <= set(row)
            assert row["question"].startswith(f"{row['programme']}.")
            assert row["grade"] in GRADES
            assert (row["grade"] is not None) is (row["state"] == "graded")
            if row["state"] != "unknown":
                assert row["source"].startswith(("http://", "https://"))

    def test_pillar_grade_is_the_headline_question(self, capsys):
        """A pillar grade is its headline question, such as peel-2015.effectiveness."""
        data = as_json(capsys, "--force", "hampshire", "--programme", "peel-2015")
        row = data["grades"][0]
        assert {key: row[key] for key in list(row)[:7]} == {
            "force": "hampshire",
            "programme": "peel-2015",
            "question": "peel-2015.effectiveness",
            "state": "graded",
            "grade": "good",
            "last_updated": None,
            "source": "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2015/hampshire/effectiveness/",
        }
        assert row["source_kind"] in {None, *(kind.value for kind in SourceKind)}

    def test_unknown_grade_is_null(self, capsys):
        """An unknown entry has grade null and no source."""
        data = as_json(capsys, "--force", "derbyshire", "--programme", "peel-2017")
        found = next(r for r in data["grades"] if r["question"] == "peel-2017.effectiveness")
        assert (found["state"], found["grade"], found["source"]) == ("unknown", None, None)

    def test_statements(self, capsys):
        """National statements are listed with their status and the forces counted."""
        data = as_json(capsys, "--programme", "peel-2015")
        statements = data["statements"]
        assert isinstance(statements, list)
        assert all(s["status"] in STATUSES for s in statements)
        outstanding = statements[0]
        assert (outstanding["question"], outstanding["grade"], outstanding["published"]) == (
            "peel-2015.effectiveness",
            "outstanding",
            1,
        )
        assert (outstanding["status"], outstanding["forces"]) == ("reproduced", ["durham"])

    def test_by_grade(self, capsys):
        """--by grade adds a national distribution for each graded question shown."""
        data = as_json(capsys, "--by", "grade", "--question", "peel-2015.effectiveness")
        assert data["by"] == "grade"
        (found,) = data["distribution"]
        assert found["area"] == "england-and-wales"
        assert found["counts"] == {
            "outstanding": 1,
            "good": 24,
            "requires-improvement": 18,
            "inadequate": 0,
        }
        assert found["graded"] == sum(found["counts"].values())

    def test_by_region(self, capsys):
        """--by region gives one distribution per region, adding up to the national one."""
        data = as_json(capsys, "--by", "region", "--question", "peel-2016.efficiency")
        regions = data["distribution"]
        assert len(regions) == 10
        assert sum(r["counts"]["good"] for r in regions) == 33

    def test_by_region_of_one_region(self, capsys):
        """--region narrows the distribution to that region."""
        data = as_json(
            capsys, "--by", "region", "--region", "wales", "--question", "peel-2016.efficiency"
        )
        assert [d["area"] for d in data["distribution"]] == ["wales-region"]
        assert data["distribution"][0]["graded"] == 4


class TestTableAndCsv:
    def test_table(self, capsys):
        """With --statements, the table lists entries, then the national statements and a summary."""
        code, out, err = run(
            capsys, "--force", "durham", "--programme", "peel-2015", "--statements"
        )
        assert (code, err) == (0, "")
        assert "peel-2015.effectiveness" in out
        assert "Outstanding" in out
        assert "National statements" in out
        assert out.rstrip().endswith("9 national statements: 8 reproduced, 1 unverifiable.")

    def test_table_by_grade(self, capsys):
        """--by grade prints counts per grade."""
        code, out, _ = run(capsys, "--by", "grade", "--question", "peel-2014.efficiency")
        assert code == 0
        assert "england-and-wales" in out
        assert "Requires improvement" in out

    def test_csv(self, capsys):
        """--format csv writes one row per entry."""
        code, out, _ = run(capsys, "--programme", "peel-2014", "--format", "csv")
        assert code == 0
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == 255
        assert list(rows[0]) == [
            "force",
            "programme",
            "question",
            "state",
            "grade",
            "last_updated",
            "source",
            "source_kind",
            "quote",
            "published",
            "inferred",
            "history",
            "conflicts",
        ]

    def test_csv_by_grade(self, capsys):
        """--format csv with --by writes one row per area, question and grade."""
        code, out, _ = run(
            capsys, "--by", "grade", "--question", "peel-2014.efficiency", "--format", "csv"
        )
        assert code == 0
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [(r["grade"], r["count"]) for r in rows] == [
            ("outstanding", "5"),
            ("good", "35"),
            ("requires-improvement", "3"),
            ("inadequate", "0"),
        ]


class TestExitCodes:
    @pytest.fixture
    def contradicted(self, monkeypatch):
        """A record whose one national statement, 28 forces good in PEEL 2015 efficiency, it contradicts."""
        record = datasets.grades_record()
        statement = NationalStatement(
            question=questions.get("peel-2015.efficiency"),
            grade=Grade.GOOD,
            count=28,
            source=record.statements[0].source,
        )
        changed = GradesRecord(entries=record.entries, statements=(statement,))
        monkeypatch.setattr("peelmodel.datasets.grades_record", lambda: changed)

    @pytest.mark.usefixtures("contradicted")
    def test_inconsistent_statement_exits_1(self, capsys):
        """A national statement shown that the record contradicts exits 1, with nothing on stderr."""
        code, out, err = run(capsys, "--programme", "peel-2015")
        assert (code, err) == (1, "")
        assert "inconsistent" in out

    @pytest.mark.usefixtures("contradicted")
    def test_inconsistent_in_red_on_a_terminal(self, capsys, monkeypatch):
        """On a terminal the status of a contradicted statement is red."""
        monkeypatch.setattr("peelmodel.cli.app.colour_wanted", lambda _stream: True)
        code, out, _ = run(capsys, "--programme", "peel-2015")
        assert code == 1
        assert "\x1b[31minconsistent\x1b[0m" in out

    def test_consistent_exits_0(self, capsys):
        """The shipped record reproduces or cannot decide every statement: exit 0."""
        assert run(capsys, "--format", "csv")[0] == 0


class TestErrors:
    @pytest.mark.parametrize(
        "argv",
        [
            ["--force", "atlantis"],
            ["--programme", "peel-1999"],
            ["--question", "peel-2015.effectiveness.9"],
            ["--region", "hampshire"],
            ["--format", "xml"],
            ["--by", "msg"],
            ["--pillar", "leadershiply"],
            ["surplus"],
        ],
    )
    def test_exit_2_with_one_line(self, capsys, argv):
        """Unknown ids and invalid options exit 2 with one line starting peelmodel: on stderr."""
        code, out, err = run(capsys, *argv)
        assert code == 2
        assert out == ""
        assert err.startswith("peelmodel:")
        assert err.count("\n") == 1

    def test_names_are_looked_up(self, capsys):
        """Forces and programmes may be given by name, ignoring case."""
        data = as_json(capsys, "--force", "KENT POLICE", "--programme", "PEEL 2016")
        assert {r["force"] for r in data["grades"]} == {"kent"}

    def test_closed_pipe(self):
        """A reader that closes the pipe early is not an error."""
        process = subprocess.Popen(
            [sys.executable, "-m", "peelmodel", "grades"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None
        process.stdout.readline()
        process.stdout.close()
        _, err = process.communicate(timeout=120)
        assert (process.returncode, err) == (0, b"")
