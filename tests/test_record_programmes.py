"""The grades record of the five-grade programmes: areas, provenance, the programme files, counts.

Most tests read the test data of ``tests/data/five-grade`` (the ``five_grade``
fixture puts it in place of any shipped PEEL 2021/22 data); the tests of the
shipped files read whatever ships.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from peelmodel import (
    EarlierGrade,
    Grade,
    GradeEntry,
    GradesRecord,
    Inference,
    InspectionQuestion,
    QuestionLevel,
    RecordState,
    SourceConflict,
    SourceKind,
    cli,
    datasets,
    dumps,
    forces,
    grades,
    loads,
    programmes,
    questions,
)
from peelmodel.analysis.status import Status
from peelmodel.errors import DocumentError, InvalidValueError
from peelmodel.model.grade import FIVE_GRADE

#: The test data of PEEL 2021/22 (the ``five_grade`` fixture of conftest reads it too).
FIVE_GRADE_DATA = Path(__file__).resolve().parent / "data" / "five-grade"
#: The fixture's value: the test areas, grades record and findings record.
FiveGrade = Any
GRADES_FILE = FIVE_GRADE_DATA / "grades-peel-2021-22.json"
CATALOGUE = FIVE_GRADE_DATA / "questions-peel-2021-22.json"


def grades_document() -> dict[str, Any]:
    """The test grades file, parsed, to change."""
    document: dict[str, Any] = json.loads(GRADES_FILE.read_text(encoding="utf-8"))
    return document


def problems(document: object) -> list[str]:
    """The problems reading *document* as a grades file reports."""
    with pytest.raises(DocumentError) as raised:
        datasets.read_grades(json.dumps(document))
    return [str(problem) for problem in raised.value.problems]


class TestAreaQuestion:
    @pytest.mark.usefixtures("five_grade")
    def test_id_and_level(self):
        """An area's id is programme.area, its level AREA, with no pillar, number or parent."""
        area = questions.get("peel-2021-22.investigating-crime")
        assert (area.id, area.level, area.pillar, area.number, area.parent_id) == (
            "peel-2021-22.investigating-crime",
            QuestionLevel.AREA,
            None,
            "",
            None,
        )
        assert area.local_id == "investigating-crime"

    def test_a_pillar_or_an_area(self):
        """A question needs a pillar or an area, and an area takes neither pillar nor number."""
        programme = programmes.get("peel-2021-22")
        with pytest.raises(InvalidValueError, match="must be a Pillar"):
            InspectionQuestion(programme=programme, text="Investigating crime", graded=True)
        with pytest.raises(InvalidValueError, match="must be '' for an area"):
            InspectionQuestion(
                programme=programme, area="investigating-crime", number="2", text="x", graded=True
            )
        with pytest.raises(InvalidValueError, match="lower-case slug"):
            InspectionQuestion(programme=programme, area="Investigating", text="x", graded=True)

    def test_existing_ids_unchanged(self):
        """Every question of PEEL 2014 to 2018/19 keeps its id, level and parent."""
        question = questions.get("peel-2015.effectiveness.2.2.1")
        assert (question.level, question.parent_id) == (
            QuestionLevel.DIAGNOSTIC,
            "peel-2015.effectiveness.2.2",
        )
        assert all(q.pillar is not None for q in questions.all() if q.programme.scale != FIVE_GRADE)


class TestAreaCatalogue:
    def test_reads_the_areas(self):
        """A catalogue document gives one question per area, in its order, graded or not."""
        areas = questions.areas_of(json.loads(CATALOGUE.read_text(encoding="utf-8")))
        assert [(a.local_id, a.graded) for a in areas] == [
            ("investigating-crime", True),
            ("responding-to-the-public", True),
            ("victim-service-assessment", False),
        ]

    def test_every_problem_with_its_path(self):
        """Unknown keys, bad values and a four-grade programme are all reported at once."""
        document = json.loads(CATALOGUE.read_text(encoding="utf-8"))
        document["programme"] = "peel-2016"
        document["colour"] = "blue"
        document["areas"][0]["graded"] = "yes"
        document["areas"][1]["source"] = "example.org"
        document["areas"][2]["id"] = "Victims"
        with pytest.raises(DocumentError) as raised:
            questions.areas_of(document)
        found = {problem.path for problem in raised.value.problems}
        assert found == {
            "$.programme",
            "$['colour']",
            "$.areas[0].graded",
            "$.areas[1].source",
            "$.areas[2].id",
        }

    def test_bad_area_id(self):
        """An area id that is not a slug is reported at the area's id."""
        document = json.loads(CATALOGUE.read_text(encoding="utf-8"))
        document["areas"][2]["id"] = "Victims"
        document["areas"].append(dict(document["areas"][0]))
        with pytest.raises(DocumentError) as raised:
            questions.areas_of(document)
        assert [p.path for p in raised.value.problems] == ["$.areas[2].id", "$.areas[3].id"]

    def test_shipped_catalogues(self):
        """Each five-grade programme's shipped catalogue (if any) has graded areas, ids programme.area."""
        for programme in programmes.all():
            if programme.scale != FIVE_GRADE:
                continue
            for area in questions.areas(programme.id):
                assert area.id == f"{programme.id}.{area.area}"
                assert area.text


def entry(**changes: Any) -> GradeEntry:
    """A graded PEEL 2015 entry with provenance, changed as given."""
    fields: dict[str, Any] = {
        "force": forces.get("kent"),
        "question": questions.get("peel-2015.effectiveness"),
        "state": RecordState.GRADED,
        "grade": Grade.GOOD,
        "last_updated": None,
        "source": "https://example.org/kent/",
        "source_kind": SourceKind.HMICFRS_REPORT,
        "quote": "Kent Police is good",
    }
    return GradeEntry(**{**fields, **changes})


EARLIER = EarlierGrade(
    grade=Grade.REQUIRES_IMPROVEMENT,
    since=date(2016, 1, 1),
    until=date(2016, 6, 1),
    source="https://example.org/earlier/",
    source_kind=SourceKind.HMICFRS_NEWS,
    quote="requires improvement",
)
CONFLICT = SourceConflict(
    grade=Grade.OUTSTANDING,
    source="https://example.org/press/",
    source_kind=SourceKind.PRESS,
    quote="outstanding",
    why_not_followed="the report states good",
)


class TestProvenance:
    def test_valid_entry(self):
        """An entry with every provenance field is valid and keeps them."""
        found = entry(
            published=date(2016, 2, 1),
            inferred=Inference(statement="https://example.org/kent/", arithmetic="1 of 1"),
            history=(EARLIER,),
            conflicts=(CONFLICT,),
        )
        assert found.history == (EARLIER,)
        assert found.conflicts == (CONFLICT,)

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"source_kind": "press"}, "GradeEntry.source_kind: must be a SourceKind"),
            ({"quote": "x" * 301}, "GradeEntry.quote: must be at most 300 characters"),
            ({"quote": " good"}, "GradeEntry.quote: must be non-blank"),
            (
                {"state": RecordState.UNKNOWN, "grade": None, "source": None},
                "GradeEntry.source_kind: needs a source",
            ),
            (
                {"inferred": Inference(statement="https://example.org/other/", arithmetic="1")},
                "GradeEntry.source: must be the inferred statement's address",
            ),
            (
                {"history": (EARLIER, EARLIER)},
                r"GradeEntry.history\[1\].from: must not be before the until",
            ),
            (
                {"history": (attrs.evolve(EARLIER, grade=Grade.ADEQUATE),)},
                r"GradeEntry.history\[0\].grade: is not on the four-grade scale",
            ),
            (
                {"conflicts": (attrs.evolve(CONFLICT, grade=Grade.GOOD),)},
                r"GradeEntry.conflicts\[0\].grade: is the grade recorded",
            ),
            (
                {"state": RecordState.NOT_GRADED, "grade": None, "history": (EARLIER,)},
                "GradeEntry.history: is only for a graded entry",
            ),
            ({"published": date(1800, 1, 1)}, "GradeEntry.published: must be from 1900-01-01"),
        ],
    )
    def test_invalid(self, changes: dict[str, Any], message: str):
        """Each broken rule raises InvalidValueError naming the field."""
        with pytest.raises(InvalidValueError, match=message):
            entry(**changes)

    def test_earlier_grade_dates(self):
        """An earlier grade's until is not before its from; from may be unknown."""
        with pytest.raises(InvalidValueError, match=r"EarlierGrade\.until"):
            attrs.evolve(EARLIER, until=date(2015, 1, 1))
        assert attrs.evolve(EARLIER, since=None).since is None

    def test_round_trip_keeps_from(self):
        """A history's start is written under "from" and read back."""
        found = entry(history=(EARLIER,), conflicts=(CONFLICT,))
        text = dumps(found)
        assert '"from":"2016-01-01"' in text
        assert loads(text, GradeEntry) == found

    def test_problems_name_from(self):
        """A history's problems are reported at its "from" key, as the document writes it."""
        text = dumps(entry(history=(EARLIER,)))
        with pytest.raises(DocumentError) as raised:
            loads(text.replace('"from":"2016-01-01"', '"fro":"2016-01-01"'), GradeEntry)
        assert [str(p) for p in raised.value.problems] == [
            "$.history[0].from: required key missing",
            "$.history[0].fro: unknown key",
        ]
        with pytest.raises(DocumentError, match=r"\$\.history\[0\]\.from: expected a real date"):
            loads(text.replace("2016-01-01", "2016-02-30"), GradeEntry)

    def test_entry_without_provenance_writes_as_before(self):
        """An entry without the optional fields is written with the keys it always had."""
        found = attrs.evolve(
            grades.select(force="kent", question="peel-2016.efficiency")[0],
            source_kind=None,
            quote=None,
            published=None,
            inferred=None,
            history=(),
            conflicts=(),
        )
        written = json.loads(dumps(found))
        assert set(written) == {
            *("format", "version", "kind", "force", "question", "state", "grade"),
            *("last_updated", "source"),
        }


class TestGradesFile:
    def test_reads(self, five_grade: FiveGrade):
        """The test file gives one entry per force and area, and its two statements."""
        record = five_grade.grades
        assert len(record.entries) == 9
        assert {e.programme.id for e in record.entries} == {"peel-2021-22"}
        kent = grades.select(force="kent", question="peel-2021-22.responding-to-the-public")[0]
        assert kent.grade is Grade.REQUIRES_IMPROVEMENT
        assert [h.grade for h in kent.history] == [Grade.ADEQUATE]
        assert kent.conflicts[0].source_kind is SourceKind.PRESS

    @pytest.mark.usefixtures("five_grade")
    def test_required_keys(self):
        """Every key of the schema is required in every entry and statement; unknown keys are refused."""
        document = grades_document()
        del document["entries"][0]["quote"]
        del document["entries"][1]["history"]
        document["entries"][2]["colour"] = "red"
        del document["statements"][0]["source_kind"]
        assert problems(document) == [
            "$.entries[0].quote: required key missing",
            "$.entries[1].history: required key missing",
            "$.entries[2]['colour']: unknown key",
            "$.statements[0].source_kind: required key missing",
        ]

    @pytest.mark.usefixtures("five_grade")
    def test_paths_name_the_area(self):
        """A bad area is reported at the entry's area, as the file calls it."""
        document = grades_document()
        document["entries"][0]["area"] = "atlantis"
        document["entries"][1]["grade"] = "excellent"
        found = problems(document)
        assert found[0].startswith("$.entries[0].area: unknown question 'peel-2021-22.atlantis'")
        assert found[1].startswith("$.entries[1].grade: expected one of")

    @pytest.mark.usefixtures("five_grade")
    def test_file_rules(self):
        """A graded entry needs a kind of source and a quote; an unknown one has neither."""
        document = grades_document()
        document["entries"][0]["quote"] = None
        document["entries"][2]["source_kind"] = None
        document["entries"][4]["source"] = "https://example.org/x/"
        assert problems(document) == [
            "$.entries[0].quote: is required for a graded entry",
            "$.entries[2].source_kind: is required where a source is given",
            "$.entries[4].source: must be null when the state is unknown",
        ]

    def test_unknown_programme(self):
        """An unknown programme is the one problem reported."""
        assert problems({"programme": "peel-2099", "notes": [], "entries": [], "statements": []})[
            0
        ].startswith("$.programme: unknown programme 'peel-2099'")

    def test_not_json(self):
        """Text that is not JSON is a DocumentError naming the source."""
        with pytest.raises(DocumentError, match=r"grades-x\.json: invalid document"):
            datasets.read_grades("{", source="grades-x.json")

    @pytest.mark.usefixtures("five_grade")
    def test_one_record(self):
        """The record holds the earlier programmes and the new one together."""
        held = {e.programme.id for e in grades.record().entries}
        assert {"peel-2014", "peel-2018-19", "peel-2021-22"} <= held


class TestShippedFiles:
    def test_one_entry_per_force_and_area(self):
        """Each shipped programme file has an entry for each of the 43 forces and each catalogued area."""
        for name in datasets.record_files("grades"):
            record = datasets.read_grades(datasets.text(name), source=name)
            programme = name.removeprefix("grades-")
            expected = {(f.id, a.id) for f in forces.all() for a in questions.areas(programme)}
            assert {e.key for e in record.entries} == expected, name

    def test_every_five_grade_programme_with_grades_has_a_catalogue(self):
        """A programme whose grades ship has its catalogue of areas shipped too."""
        for name in datasets.record_files("grades"):
            assert questions.areas(name.removeprefix("grades-")), name

    def test_names_are_not_inspections(self):
        """The record files are not among the inspection datasets."""
        assert not any(n.startswith(("grades-", "findings-")) for n in datasets.names())
        assert "findings-peel-2015" in datasets.record_files("findings")


class TestNationalStatements:
    @pytest.mark.usefixtures("five_grade")
    def test_reproduced_where_the_record_allows(self):
        """The good count can be made up by the forces the test record lacks: unverifiable."""
        checks = grades.check_statements(programme="peel-2021-22")
        found = {c.statement.grade: c for c in checks}
        assert found[Grade.GOOD].status is Status.UNVERIFIABLE
        assert found[Grade.GOOD].counted == ("hampshire", "kent")

    @pytest.mark.usefixtures("five_grade")
    def test_inconsistent_count(self):
        """A published 0 outstanding, with Durham recorded outstanding, is inconsistent."""
        checks = grades.check_statements(question="peel-2021-22.investigating-crime")
        outstanding = next(c for c in checks if c.statement.grade is Grade.OUTSTANDING)
        assert outstanding.status is Status.INCONSISTENT
        assert outstanding.counted == ("durham",)

    def test_reproduced_when_every_force_is_recorded(self, five_grade: FiveGrade):
        """With all 43 forces recorded, the count is reproduced exactly or found inconsistent."""
        question = questions.get("peel-2021-22.investigating-crime")
        entries = [
            GradeEntry(
                force=force,
                question=question,
                state=RecordState.GRADED,
                grade=Grade.ADEQUATE if force.id != "kent" else Grade.GOOD,
                last_updated=None,
                source="https://example.org/report/",
                source_kind=SourceKind.HMICFRS_REPORT,
                quote="adequate",
            )
            for force in forces.all()
        ]
        statements = tuple(
            attrs.evolve(five_grade.grades.statements[0], grade=Grade.ADEQUATE, count=count)
            for count in (42,)
        )
        record = GradesRecord(entries=tuple(entries), statements=statements)
        assert [c.status for c in grades.check_statements(record=record)] == [Status.REPRODUCED]
        wrong = GradesRecord(
            entries=tuple(entries), statements=(attrs.evolve(statements[0], count=41),)
        )
        assert [c.status for c in grades.check_statements(record=wrong)] == [Status.INCONSISTENT]

    @pytest.mark.usefixtures("five_grade")
    def test_distribution_on_five_grades(self):
        """A distribution of an area counts on the five-grade scale, adequate included."""
        found = grades.distribution("peel-2021-22.responding-to-the-public")
        assert list(found.counts) == list(FIVE_GRADE.grades)
        assert found.counts[Grade.ADEQUATE] == 1
        assert "hampshire" in found.unknown


class TestCoverage:
    @pytest.mark.usefixtures("five_grade")
    def test_area_rows(self):
        """Coverage has a row per area of the programme, with its states counted."""
        rows = {r.question.local_id: r for r in grades.coverage(programme="peel-2021-22")}
        assert set(rows) == {
            "investigating-crime",
            "responding-to-the-public",
            "victim-service-assessment",
        }
        responding = rows["responding-to-the-public"]
        assert (responding.graded, responding.unknown, responding.missing) == (2, 1, 40)
        assert rows["victim-service-assessment"].not_graded == 3

    @pytest.mark.usefixtures("five_grade")
    def test_table_has_every_programme(self):
        """The Markdown coverage shows the areas of PEEL 2021/22 in a table of their own."""
        table = grades.coverage_table()
        assert "PEEL 2021/22, areas of policing, of the 43 forces:" in table
        assert "| Investigating crime (`investigating-crime`) | yes | 3 | 0 | 0 | 0 | 40 |" in table
        assert "Not recorded yet: PEEL 2021/22" not in table

    @pytest.mark.usefixtures("five_grade")
    def test_history_includes_areas(self):
        """With areas, a force's history lists its area grades after its pillar grades."""
        assert all(e.pillar is not None for e in grades.history("kent").entries)
        found = grades.history("kent", areas=True)
        assert found.entries[-1].question.level is QuestionLevel.AREA
        assert "peel-2021-22" in {p.id for p in found.programmes}
        assert found.warning == grades.SCALES_WARNING


def run_grades(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """Run ``peelmodel grades`` in process: exit code, standard output, standard error."""
    code = cli.main(["grades", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class TestGradesCommand:
    @pytest.mark.usefixtures("five_grade")
    def test_json_of_a_five_grade_programme(self, capsys):
        """The JSON contract holds: the area's id is the question, adequate a grade, provenance kept."""
        code, out, err = run_grades(
            capsys,
            *("--programme", "peel-2021-22", "--force", "kent", "--statements", "--format", "json"),
        )
        assert code == 1, err  # the programme's statements are shown: one is inconsistent
        assert "inconsistent" in {s["status"] for s in json.loads(out)["statements"]}
        rows = {row["question"]: row for row in json.loads(out)["grades"]}
        assert set(rows) == {
            "peel-2021-22.investigating-crime",
            "peel-2021-22.responding-to-the-public",
            "peel-2021-22.victim-service-assessment",
        }
        responding = rows["peel-2021-22.responding-to-the-public"]
        assert responding["grade"] == "requires-improvement"
        assert responding["source_kind"] == "hmicfrs-report"
        assert responding["history"][0] == {
            "grade": "adequate",
            "from": "2022-05-12",
            "until": "2023-01-10",
            "source": "https://example.org/news/kent-peel/",
            "source_kind": "hmicfrs-news",
            "quote": "Kent Police was adequate at responding to the public",
        }
        assert responding["conflicts"][0]["why_not_followed"]
        assert "quote" not in rows["peel-2021-22.victim-service-assessment"]

    @pytest.mark.usefixtures("five_grade")
    def test_adequate_and_inference(self, capsys):
        """Grades include adequate; an inferred entry shows its statement and arithmetic."""
        code, out, _ = run_grades(capsys, "--programme", "peel-2021-22", "--format", "json")
        rows = json.loads(out)["grades"]
        assert "adequate" in {row["grade"] for row in rows}
        inferred = [row for row in rows if "inferred" in row]
        assert [row["force"] for row in inferred] == ["hampshire"]
        assert inferred[0]["inferred"]["statement"] == inferred[0]["source"]
        assert code == 1  # the test data's 0 outstanding is inconsistent with Durham's grade

    @pytest.mark.usefixtures("five_grade")
    def test_table_and_csv(self, capsys):
        """The table and CSV show the areas; CSV has the provenance columns."""
        code, out, _ = run_grades(
            capsys, "--question", "peel-2021-22.responding-to-the-public", "--format", "csv"
        )
        assert code == 0
        lines = out.splitlines()
        assert lines[0].endswith("source_kind,quote,published,inferred,history,conflicts")
        assert len(lines) == 4
        code, out, _ = run_grades(capsys, "--programme", "peel-2021-22", "--by", "grade")
        assert "Adequate" in out
        assert "peel-2021-22.investigating-crime" in out

    def test_nothing_recorded_says_so(self, capsys):
        """A selection the record holds nothing for exits 0 and says why on stderr."""
        # A PEEL 2016 question is never in PEEL 2015: empty whatever the record holds.
        code, _, err = run_grades(
            capsys, "--programme", "peel-2015", "--question", "peel-2016.efficiency"
        )
        assert code == 0
        assert err.strip() == (
            "peelmodel: note: no grades recorded for PEEL 2015, question peel-2016.efficiency: "
            "each matches entries, but not together"
        )

    @pytest.mark.parametrize("programme", ["peel-2021-22", "peel-2023-25"])
    def test_real_command(self, programme: str):
        """python -m peelmodel grades --programme ... --format json works for both programmes."""
        done = subprocess.run(  # noqa: S603 - fixed command
            [
                sys.executable,
                "-m",
                "peelmodel",
                "grades",
                "--programme",
                programme,
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        rows = json.loads(done.stdout)["grades"]
        assert len(rows) == len(grades.select(programme=programme))
        for row in rows:
            assert row["question"].startswith(f"{programme}.")
            assert row["grade"] in {None, *(g.value for g in FIVE_GRADE.grades)}
            assert "source_kind" in row
        if not rows:
            assert "holds no entries yet" in done.stderr
