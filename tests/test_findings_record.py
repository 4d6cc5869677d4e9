"""The findings record: its model, its files, its queries, frames and the ``findings`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

from peelmodel import (
    FindingCount,
    FindingEntry,
    FindingKind,
    FindingsRecord,
    SourceKind,
    cli,
    datasets,
    findings,
    forces,
    programmes,
    questions,
)
from peelmodel.analysis.status import Status
from peelmodel.documents import dumps, loads
from peelmodel.errors import DocumentError, InvalidValueError, UnknownReferenceError

FIVE_GRADE_DATA = Path(__file__).resolve().parent / "data" / "five-grade"
#: The Hampshire 2015 report's text, in the shared folder beside the repository.
REPORT_TEXT = (
    Path(__file__).parents[2] / "shared" / "seed" / "peel-effectiveness-2015-hampshire.txt"
)
FINDINGS_FILE = FIVE_GRADE_DATA / "findings-peel-2021-22.json"
#: The fixture's value: the test areas, grades record and findings record.
FiveGrade = Any


def finding(**changes: Any) -> FindingEntry:
    """Hampshire's first PEEL 2015 area for improvement, changed as given."""
    return attrs.evolve(datasets.findings_record().findings[0], **changes)


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """Run ``peelmodel findings`` in process: exit code, standard output, standard error."""
    code = cli.main(["findings", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class TestFindingEntry:
    def test_ties_to_a_question_of_its_programme(self):
        """A finding's question must be of its own programme."""
        with pytest.raises(InvalidValueError, match="is not a question of peel-2016"):
            finding(programme=programmes.get("peel-2016"))

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"kind": "area-for-improvement"}, "FindingEntry.kind: must be a FindingKind"),
            ({"text": ""}, "FindingEntry.text: must be non-blank"),
            ({"source": "report"}, "FindingEntry.source: must be a web address"),
            ({"source_kind": None}, "FindingEntry.source_kind: must be a SourceKind"),
            ({"force": "hampshire"}, "FindingEntry.force: must be a Force"),
        ],
    )
    def test_invalid(self, changes: dict[str, Any], message: str):
        """Each broken rule raises InvalidValueError naming the field."""
        with pytest.raises(InvalidValueError, match=message):
            finding(**changes)

    def test_as_area_for_improvement(self):
        """An area for improvement tied to a question is the model's AreaForImprovement."""
        found = finding()
        assert found.area_for_improvement is not None
        assert found.area_for_improvement.question is found.question
        assert finding(question=None).area_for_improvement is None

    def test_round_trip(self):
        """A findings record is written and read back as it was."""
        record = datasets.findings_record()
        assert loads(dumps(record), FindingsRecord) == record


class TestFindingCount:
    def test_count_and_quote(self):
        """A count is a non-negative integer with a short quote."""
        count = FindingCount(
            force=forces.get("kent"),
            programme=programmes.get("peel-2015"),
            question=None,
            kind=FindingKind.CAUSE_OF_CONCERN,
            count=2,
            source="https://example.org/kent/",
            source_kind=SourceKind.HMICFRS_REPORT,
            quote="2 causes of concern",
        )
        assert count.area is None
        with pytest.raises(InvalidValueError, match=r"FindingCount\.count: must be an integer"):
            attrs.evolve(count, count=True)
        with pytest.raises(InvalidValueError, match=r"FindingCount\.quote: must be at most 300"):
            attrs.evolve(count, quote="x" * 301)


class TestFindingsRecord:
    def test_no_finding_twice(self):
        """The same finding recorded twice is refused."""
        found = finding()
        with pytest.raises(InvalidValueError, match=r"findings\[1\]: is recorded more than once"):
            FindingsRecord(findings=(found, found))

    def test_hampshire_2015_ties_to_the_report(self, report):
        """The shipped Hampshire 2015 findings are the report's areas for improvement, word for word."""
        shipped = findings.select(force="hampshire", programme="peel-2015")
        assert [f.area_for_improvement for f in shipped] == list(report.areas_for_improvement)
        assert {f.source_kind for f in shipped} == {SourceKind.HMICFRS_REPORT}

    def test_hampshire_2015_texts_stand_in_the_report(self):
        """Every Hampshire 2015 finding's text stands word for word in the report as published."""
        if not REPORT_TEXT.is_file():
            pytest.skip(f"the report's text is not at {REPORT_TEXT} (the shared folder is absent)")
        text = " ".join(REPORT_TEXT.read_text(encoding="utf-8").split())
        shipped = findings.select(force="hampshire", programme="peel-2015")
        assert shipped
        for found in shipped:
            assert found.text in text


class TestFindingsFile:
    def test_reads(self, five_grade: FiveGrade):
        """The test file gives its findings, one without an area, and its count."""
        record = five_grade.findings
        assert [f.area for f in record.findings] == ["investigating-crime", None]
        assert record.counts[0].count == 5

    def test_every_problem(self):
        """Missing and unknown keys and bad values are all reported, at the file's paths."""
        document = json.loads(FINDINGS_FILE.read_text(encoding="utf-8"))
        document["programme"] = "peel-2015"
        document["findings"][0]["area"] = "nowhere"
        del document["findings"][1]["date"]
        document["counts"][0]["count"] = -1
        document["counts"][0]["programme"] = "peel-2015"
        with pytest.raises(DocumentError) as raised:
            datasets.read_findings(json.dumps(document))
        paths = [p.path for p in raised.value.problems]
        assert paths == [
            "$.findings[1].date",
            "$.counts[0]['programme']",
            "$.findings[0].area",
            "$.counts[0].count",
        ]

    def test_unknown_programme(self):
        """A file of an unknown programme is refused at its programme."""
        with pytest.raises(DocumentError, match=r"\$.programme: unknown programme"):
            datasets.read_findings('{"programme": "peel-1999", "findings": [], "counts": []}')


class TestQuery:
    @pytest.mark.usefixtures("five_grade")
    def test_filters(self):
        """Force, programme, kind and area filter findings and counts alike."""
        assert [f.kind for f in findings.select(force="Kent Police", programme="PEEL 2021/22")] == [
            FindingKind.AREA_FOR_IMPROVEMENT,
            FindingKind.CAUSE_OF_CONCERN,
        ]
        assert (
            findings.select(kind="cause-of-concern", force="kent", programme="peel-2021-22")[0].area
            is None
        )
        assert findings.select(programme="peel-2021-22", area="investigating-crime")[
            0
        ].force.id == ("kent")
        assert [
            c.force.id
            for c in findings.counts(
                kind=FindingKind.AREA_FOR_IMPROVEMENT, programme="peel-2021-22"
            )
        ] == ["durham"]
        assert findings.query(force="durham").findings == ()
        anywhere = findings.select(area="investigating-crime")
        assert {f.area for f in anywhere} == {"investigating-crime"}
        assert set(findings.select(programme="peel-2021-22", area="investigating-crime")) <= set(
            anywhere
        )

    def test_unknown_names(self):
        """Unknown forces, programmes, kinds and areas raise UnknownReferenceError."""
        for arguments in (
            {"force": "atlantis"},
            {"programme": "peel-1999"},
            {"kind": "praise"},
            {"area": "nowhere"},
        ):
            with pytest.raises(UnknownReferenceError):
                findings.select(**arguments)

    def test_rows(self):
        """Rows carry the contract's keys."""
        row = findings.rows(findings.select(force="hampshire"))[0]
        assert {
            "force",
            "programme",
            "kind",
            "area",
            "text",
            "source",
            "date",
            "source_kind",
        } <= set(row)


class TestCountChecks:
    def test_statuses(self, five_grade: FiveGrade):
        """A count is reproduced by as many texts, inconsistent with more, unverifiable with fewer."""
        durham = five_grade.findings.counts[0]
        assert findings.check_counts(force="durham")[0].status is Status.UNVERIFIABLE
        kent = attrs.evolve(
            durham,
            force=forces.get("kent"),
            kind=FindingKind.CAUSE_OF_CONCERN,
            count=1,
            quote="a cause of concern",
        )
        with pytest.raises(InvalidValueError, match="recorded more than once"):
            attrs.evolve(five_grade.findings, counts=(kent, attrs.evolve(kent, count=0)))
        for count, status in ((1, Status.REPRODUCED), (0, Status.INCONSISTENT)):
            checked = attrs.evolve(five_grade.findings, counts=(attrs.evolve(kent, count=count),))
            [check] = findings.check_counts(record=checked)
            assert check.status is status
            assert [f.kind for f in check.recorded] == [FindingKind.CAUSE_OF_CONCERN]
            assert check.explanation == f"published {count}, the record holds 1 texts"

    def test_area_narrows(self, five_grade: FiveGrade):
        """A count of one area counts only that area's texts."""
        kent = attrs.evolve(
            five_grade.findings.counts[0],
            force=forces.get("kent"),
            question=questions.get("peel-2021-22.responding-to-the-public"),
            count=0,
            quote="0 areas for improvement",
        )
        checked = attrs.evolve(five_grade.findings, counts=(kent,))
        assert findings.check_counts(record=checked)[0].status is Status.REPRODUCED


class TestFrames:
    @pytest.mark.usefixtures("five_grade")
    def test_pandas_one_row_per_finding(self):
        """A findings record is one row per finding; counts are one row per count."""
        pytest.importorskip("pandas")
        from peelmodel.tabular import to_pandas  # noqa: PLC0415 - needs the tabular extra

        record = datasets.findings_record()
        frame = to_pandas(record)
        assert len(frame) == len(record.findings)
        assert set(frame["kind"]) == {"area-for-improvement", "cause-of-concern"}
        counts = to_pandas(findings.counts(programme="peel-2021-22"))
        assert int(counts["count"].iloc[0]) == 5

    def test_polars(self):
        """to_polars gives the same rows, the date a Date column."""
        pytest.importorskip("polars")
        from peelmodel.tabular import to_polars  # noqa: PLC0415 - needs the tabular extra

        frame = to_polars(datasets.findings_record())
        assert frame.height == len(datasets.findings_record().findings)
        assert str(frame.schema["date"]) == "Date"


class TestCommand:
    def test_json_contract(self, capsys):
        """--format json prints findings and counts with the contract's keys."""
        code, out, _ = run(capsys, "--force", "hampshire", "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert set(data) == {"findings", "counts"}
        for row in data["findings"]:
            assert {"force", "programme", "kind", "area", "text", "source"} <= set(row)
            assert row["kind"] in {"area-for-improvement", "cause-of-concern"}
        assert [row["area"] for row in data["findings"]] == ["effectiveness.2", "effectiveness.4"]

    @pytest.mark.usefixtures("five_grade")
    def test_counts_in_json(self, capsys):
        """Counts carry force, programme, kind, count and source."""
        code, out, _ = run(capsys, "--programme", "peel-2021-22", "--format", "json")
        assert code == 0
        count = json.loads(out)["counts"][0]
        assert (count["force"], count["kind"], count["count"]) == (
            "durham",
            "area-for-improvement",
            5,
        )
        assert count["source"].startswith("https://")
        assert (count["recorded"], count["status"]) == (0, "unverifiable")

    def test_nothing_matches(self, capsys, monkeypatch):
        """A query that matches nothing exits 0 and says why on stderr, as grades does."""
        kent = finding(force=forces.get("kent"))
        concern = finding(kind=FindingKind.CAUSE_OF_CONCERN)
        record = FindingsRecord(findings=(kent, concern))
        monkeypatch.setattr(datasets, "findings_record", lambda: record)
        code, out, err = run(capsys, "--force", "Kent", "--kind", "cause-of-concern")
        assert code == 0
        assert "0 findings; 0 counts." in out
        assert err == (
            "peelmodel: note: no findings recorded for Kent Police in kind cause-of-concern: "
            "each matches findings, but not together\n"
        )
        code, out, err = run(capsys, "--programme", "2023-25", "--format", "json")
        assert (code, json.loads(out)) == (0, {"findings": [], "counts": []})
        assert err == (
            "peelmodel: note: no findings recorded for PEEL 2023-25: "
            "PEEL 2023-25 holds no findings yet\n"
        )
        code, _, err = run(capsys, "--area", "peel-2016.efficiency")
        assert err == (
            "peelmodel: note: no findings recorded for area peel-2016.efficiency: "
            "area peel-2016.efficiency matched no findings\n"
        )

    @pytest.mark.parametrize(
        "arguments", [("--force", "atlantis"), ("--kind", "praise"), ("--format", "xml")]
    )
    def test_bad_arguments(self, capsys, arguments: tuple[str, ...]):
        """A bad argument exits 2 with one line on stderr."""
        code, out, err = run(capsys, *arguments)
        assert code == 2
        assert out == ""
        assert len(err.strip().splitlines()) == 1
        assert err.startswith("peelmodel: ")

    @pytest.mark.usefixtures("five_grade")
    def test_table_and_csv(self, capsys):
        """The table lists findings and counts; CSV has one row per finding or count."""
        code, out, _ = run(capsys, "--programme", "peel-2021-22")
        assert code == 0
        assert "Counts of findings" in out
        assert out.rstrip().endswith("2 findings; 1 counts.")
        code, out, _ = run(capsys, "--programme", "peel-2021-22", "--format", "csv")
        lines = out.splitlines()
        assert lines[0].startswith("record,force,programme,kind,area,count,text")
        assert [line.split(",")[0] for line in lines[1:]] == ["finding", "finding", "count"]

    def test_real_command(self):
        """python -m peelmodel findings --format json runs as a program."""
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "peelmodel",
                "findings",
                "--programme",
                "peel-2015",
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        assert len(data["findings"]) == len(findings.select(programme="peel-2015"))

    def test_real_command_bad_kind(self):
        """A bad --kind exits 2 with one line and no traceback."""
        done = subprocess.run(
            [sys.executable, "-m", "peelmodel", "findings", "--kind", "praise"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2
        assert len(done.stderr.strip().splitlines()) == 1
        assert "Traceback" not in done.stderr


class TestQuestionsRegistry:
    def test_areas_listed(self, five_grade: FiveGrade):
        """questions.areas lists the areas of the five-grade programmes only."""
        assert [a.local_id for a in questions.areas("peel-2021-22")] == [
            a.local_id for a in five_grade.areas
        ]
        assert questions.areas("peel-2015") == ()
