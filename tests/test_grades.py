"""The PEEL grades record: its model, the shipped dataset, the query API and its documentation."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

import peelmodel
from peelmodel import (
    DocumentError,
    Grade,
    GradeEntry,
    GradesRecord,
    InvalidValueError,
    NationalStatement,
    Pillar,
    QuestionLevel,
    RecordState,
    UnknownReferenceError,
    datasets,
    grades,
)
from peelmodel.analysis.status import Status
from peelmodel.catalogues import forces, programmes, questions

ROOT = Path(__file__).resolve().parent.parent
RECORD = datasets.grades_record()
#: The entries of PEEL 2014 to 2018/19 (the peel-grades document), whose figures these tests state.
EARLIER = tuple(e for e in RECORD.entries if e.programme.scale.id == "four-grade")
SOURCE = "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2015/kent/"
#: Programmes whose pillar grades must be held for every force: PEEL 2014 efficiency only.
MUST_HAVE = {
    "peel-2014": (Pillar.EFFICIENCY,),
    "peel-2015": (Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY),
    "peel-2016": (Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY),
    "peel-2017": (Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY),
}


def entry(**changes: object) -> GradeEntry:
    """A valid entry (Kent, PEEL 2015 effectiveness, good) with *changes*."""
    fields: dict[str, object] = {
        "force": forces.get("kent"),
        "question": questions.get("peel-2015.effectiveness"),
        "state": RecordState.GRADED,
        "grade": Grade.GOOD,
        "last_updated": date(2016, 2, 18),
        "source": SOURCE,
    }
    return GradeEntry(**{**fields, **changes})  # type: ignore[arg-type]


def statement(**changes: object) -> NationalStatement:
    """A valid national statement with *changes*."""
    fields: dict[str, object] = {
        "question": questions.get("peel-2015.effectiveness"),
        "grade": Grade.GOOD,
        "count": 24,
        "source": SOURCE,
    }
    return NationalStatement(**{**fields, **changes})  # type: ignore[arg-type]


class TestGradeEntry:
    def test_valid(self):
        """A graded entry keeps its fields and knows its programme and pillar."""
        made = entry()
        assert (made.programme.id, made.pillar, made.key) == (
            "peel-2015",
            Pillar.EFFECTIVENESS,
            ("kent", "peel-2015.effectiveness"),
        )

    @pytest.mark.parametrize(
        ("changes", "field", "fragment"),
        [
            ({"grade": None}, "grade", "is required when the state is graded"),
            ({"state": RecordState.UNKNOWN}, "grade", "must be null unless the state is graded"),
            ({"state": RecordState.NOT_INSPECTED}, "grade", "must be null"),
            ({"grade": Grade.ADEQUATE}, "grade", "is not on the four-grade scale of PEEL 2015"),
            ({"grade": "good"}, "grade", "must be a Grade"),
            (
                {"question": questions.get("peel-2015.legitimacy.2")},
                "question",
                "is not a graded question",
            ),
            ({"source": None}, "source", "is required unless the state is unknown"),
            ({"source": "hmicfrs.justiceinspectorates.gov.uk/x"}, "source", "web address"),
            ({"source": "https://exa mple.org/"}, "source", "web address"),
            ({"source": " https://example.org/"}, "source", "surrounding spaces"),
            ({"last_updated": date(1899, 12, 31)}, "last_updated", "must be from"),
            ({"force": forces.get("kent").region}, "force", "must be a Force"),
            ({"question": "peel-2015.effectiveness"}, "question", "must be an InspectionQuestion"),
            ({"state": "graded"}, "state", "must be a RecordState"),
        ],
    )
    def test_invalid(self, changes, field, fragment):
        """Each broken rule names its field and what is wrong."""
        with pytest.raises(InvalidValueError, match=fragment) as caught:
            entry(**changes)
        assert caught.value.field == field

    @pytest.mark.parametrize("state", [RecordState.NOT_GRADED, RecordState.NOT_INSPECTED])
    def test_ungraded_states_need_a_source(self, state):
        """Not graded and not inspected are facts from a page: they carry its address."""
        made = entry(state=state, grade=None)
        assert made.grade is None
        assert made.source == SOURCE

    def test_unknown_needs_nothing(self):
        """An unknown entry has no grade, and may have no source or date."""
        made = entry(state=RecordState.UNKNOWN, grade=None, source=None, last_updated=None)
        assert (made.grade, made.source, made.last_updated) == (None, None, None)

    def test_not_graded_on_an_ungraded_question(self):
        """An ungraded question can be recorded as not graded."""
        made = entry(
            question=questions.get("peel-2015.legitimacy.2"),
            state=RecordState.NOT_GRADED,
            grade=None,
        )
        assert not made.question.graded


class TestNationalStatement:
    def test_valid(self):
        """A statement knows its programme."""
        assert statement().programme.id == "peel-2015"

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"count": -1}, "count"),
            ({"count": 44}, "count"),
            ({"count": True}, "count"),
            ({"grade": Grade.ADEQUATE}, "grade"),
            ({"question": questions.get("peel-2015.legitimacy.2")}, "question"),
            ({"source": "nowhere"}, "source"),
        ],
    )
    def test_invalid(self, changes, field):
        """Counts run from 0 to 43, grades fit the scale, questions are graded."""
        with pytest.raises(InvalidValueError) as caught:
            statement(**changes)
        assert caught.value.field == field


class TestGradesRecord:
    def test_duplicate_entry(self):
        """A record holds one entry per force and question."""
        with pytest.raises(InvalidValueError, match="recorded more than once for kent"):
            GradesRecord(entries=(entry(), entry(grade=Grade.OUTSTANDING)))

    def test_duplicate_statement(self):
        """A record holds one statement per question and grade."""
        with pytest.raises(InvalidValueError, match="stated more than once"):
            GradesRecord(entries=(), statements=(statement(), statement(count=23)))

    def test_tuples_of_the_right_class(self):
        """Entries and statements are tuples of their classes."""
        with pytest.raises(InvalidValueError, match="must be a tuple"):
            GradesRecord(entries=[entry()])  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="must be GradeEntry"):
            GradesRecord(entries=(statement(),))  # type: ignore[arg-type]

    def test_round_trip(self):
        """A record reads back from its document unchanged."""
        made = GradesRecord(entries=(entry(),), statements=(statement(),), notes=("A note.",))
        assert peelmodel.loads(peelmodel.dumps(made), GradesRecord) == made

    def test_grade_null_is_written(self):
        """An entry's grade, date and source are always written, null when empty."""
        made = entry(state=RecordState.UNKNOWN, grade=None, source=None, last_updated=None)
        document = json.loads(peelmodel.dumps(made))
        assert document["grade"] is None
        assert {"grade", "last_updated", "source"} <= set(document)


class TestDocument:
    def text(self) -> dict[str, object]:
        """The shipped document, as it is."""
        document = json.loads(datasets.text(datasets.GRADES))
        assert isinstance(document, dict)
        return document

    def test_header(self):
        """The record is a versioned GradesRecord document."""
        document = self.text()
        assert (document["format"], document["version"], document["kind"]) == (
            "peelmodel",
            1,
            "GradesRecord",
        )

    def test_not_an_inspection_dataset(self):
        """The record is not among the inspection datasets."""
        assert datasets.GRADES not in datasets.names()
        with pytest.raises(UnknownReferenceError):
            datasets.text("peel-grades-2099")

    def test_every_problem_with_its_path(self):
        """Loading is strict: every bad value is reported at once, with its path."""
        document = self.text()
        entries = document["entries"]
        assert isinstance(entries, list)
        entries[0]["grade"] = "good"  # a not-graded entry given a grade
        entries[1]["force"] = "atlantis"
        entries[2]["question"] = "peel-2015.effectiveness.9"
        entries[3]["extra"] = 1
        entries[4]["last_updated"] = "2014-13-01"
        with pytest.raises(DocumentError) as caught:
            peelmodel.loads(json.dumps(document), GradesRecord)
        paths = [problem.path for problem in caught.value.problems]
        assert paths == [
            "$.entries[0].grade",
            "$.entries[1].force",
            "$.entries[2].question",
            "$.entries[3].extra",
            "$.entries[4].last_updated",
        ]

    def test_duplicate_entry_path(self):
        """A second entry for the same force and question is refused where it stands."""
        document = self.text()
        entries = document["entries"]
        assert isinstance(entries, list)
        entries.append(dict(entries[0]))
        with pytest.raises(DocumentError) as caught:
            peelmodel.loads(json.dumps(document), GradesRecord)
        assert [p.path for p in caught.value.problems] == [
            f"$.entries[{len(entries) - 1}].question"
        ]

    def test_sorted(self):
        """Entries are ordered by programme, force and catalogue question."""
        order = {p.id: i for i, p in enumerate(programmes.all())}
        position = {q.id: i for i, q in enumerate(questions.all())}
        keys = [
            (order[e.programme.id], e.force.id, position[e.question.id]) for e in RECORD.entries
        ]
        assert keys == sorted(keys)


class TestCoverage:
    @pytest.mark.parametrize(
        ("programme", "pillar"),
        [(p, pillar) for p, pillars in MUST_HAVE.items() for pillar in pillars],
    )
    def test_must_have_pillar_grades(self, programme, pillar):
        """Every force has an entry for the must-have pillar grades."""
        held = grades.select(programme=programme, pillar=pillar, headline=True)
        assert sorted(e.force.id for e in held) == [f.id for f in forces.all()]

    def test_must_have_grades_complete(self):
        """Every must-have pillar grade is graded, but for one unknown and GMP in 2017."""
        unsettled = [
            e.key
            for p, pillars in MUST_HAVE.items()
            for pillar in pillars
            for e in grades.select(programme=p, pillar=pillar, headline=True)
            if e.state is not RecordState.GRADED
        ]
        assert unsettled == [
            ("derbyshire", "peel-2017.effectiveness"),
            ("greater-manchester", "peel-2017.efficiency"),
            ("greater-manchester", "peel-2017.legitimacy"),
        ]

    def test_every_pillar_of_2018_19(self):
        """Every force has an entry for each PEEL 2018/19 pillar."""
        for pillar in (Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY):
            assert len(grades.select(programme="peel-2018-19", pillar=pillar, headline=True)) == 43

    def test_a_source_on_every_grade(self):
        """Every entry that is not unknown has a source; every grade is on its scale."""
        for held in RECORD.entries:
            if held.state is not RecordState.UNKNOWN:
                assert held.source
            if held.grade is not None:
                assert held.grade in held.programme.scale

    def test_unknown_is_null(self):
        """Unknown entries have no grade, source or date."""
        unknown = [e for e in RECORD.entries if e.state is RecordState.UNKNOWN]
        assert len([e for e in unknown if e in EARLIER]) == 1
        assert all((e.grade, e.source, e.last_updated) == (None, None, None) for e in unknown)

    def test_states(self):
        """The entries of PEEL 2014 to 2018/19 by state."""
        assert Counter(e.state.value for e in EARLIER) == {
            "graded": 1133,
            "not-graded": 174,
            "not-inspected": 68,
            "unknown": 1,
        }

    def test_2014_pillars_without_an_overall_grade(self):
        """PEEL 2014 effectiveness and legitimacy had no overall grade, for any force."""
        for pillar in (Pillar.EFFECTIVENESS, Pillar.LEGITIMACY):
            held = grades.select(programme="peel-2014", pillar=pillar, headline=True)
            assert {e.state for e in held} == {RecordState.NOT_GRADED}
            assert not held[0].question.graded

    def test_coverage_rows(self):
        """Coverage counts add up to the 43 forces, and grades to the graded."""
        for row in grades.coverage():
            assert row.graded + row.not_inspected + row.not_graded + row.unknown + row.missing == 43
            assert sum(count for _, count in row.grades) == row.graded

    def test_docs_tables_are_current(self):
        """The coverage and catalogue tables in the docs are what the data gives."""
        done = subprocess.run(  # noqa: S603 - runs the project's own docs script
            [sys.executable, str(ROOT / "docs" / "grades_tables.py"), "--check"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr

    def test_docs_table_holds_the_coverage(self):
        """The committed coverage block is exactly grades.coverage_table()."""
        page = (ROOT / "docs" / "grades-record.md").read_text(encoding="utf-8")
        block = page.split("<!-- coverage: start -->\n")[1].split("\n<!-- coverage: end -->")[0]
        assert block == grades.coverage_table()


class TestHampshire:
    def test_agrees_with_the_report(self):
        """The record agrees with the Hampshire 2015 report on every question both hold."""
        report = datasets.load("hampshire-2015")
        held = {e.question.id: e for e in grades.select(force="hampshire", programme="peel-2015")}
        shared = [j for j in report.judgments if j.question.id in held]
        assert [j.question.id for j in shared] == [
            "peel-2015.effectiveness",
            "peel-2015.effectiveness.1",
        ]
        for judgment in shared:
            assert held[judgment.question.id].grade is judgment.grade


class TestNationalStatements:
    def test_statuses(self):
        """Twenty-two statements are reproduced and four cannot be decided; none is contradicted."""
        checks = grades.check_statements()
        assert len(checks) == len(RECORD.statements) == 26
        found = Counter(check.status for check in checks)
        assert found == {Status.REPRODUCED: 22, Status.UNVERIFIABLE: 4}

    def test_reproduced_programmes(self):
        """The pillar counts are reproduced: 2014 to 2017 efficiency, 2015 effectiveness, 2017 legitimacy."""
        reproduced = {
            c.statement.question.id
            for c in grades.check_statements()
            if c.status is Status.REPRODUCED
        }
        assert reproduced == {
            "peel-2014.efficiency",
            "peel-2015.effectiveness",
            "peel-2015.efficiency",
            "peel-2016.efficiency",
            "peel-2017.efficiency",
            "peel-2017.legitimacy",
        }

    def test_unverifiable_names_the_gap(self):
        """The 2017 count of one outstanding force cannot be decided: Derbyshire is unknown."""
        check = grades.check_statements(question="peel-2017.effectiveness")[0]
        assert (check.statement.grade, check.statement.count) == (Grade.OUTSTANDING, 1)
        assert (check.low, check.high, check.undetermined) == (1, 2, ("derbyshire",))
        assert check.status is Status.UNVERIFIABLE
        assert "derbyshire" in check.explanation

    def test_inconsistent_lists_the_forces(self):
        """A count no undetermined force can make up is inconsistent, with the forces counted."""
        changed = GradesRecord(
            entries=RECORD.entries,
            statements=(statement(question=questions.get("peel-2015.efficiency"), count=28),),
        )
        check = grades.check_statements(record=changed)[0]
        assert check.status is Status.INCONSISTENT
        assert len(check.counted) == 29
        assert check.undetermined == ()

    def test_too_many_for_the_gaps(self):
        """A count beyond what every undetermined force could add is inconsistent."""
        changed = GradesRecord(
            entries=RECORD.entries,
            statements=(statement(question=questions.get("peel-2017.legitimacy"), count=37),),
        )
        check = grades.check_statements(record=changed)[0]
        assert (check.low, check.high, check.status) == (35, 35, Status.INCONSISTENT)


class TestSelect:
    def test_filters(self):
        """Every filter narrows the entries; names are found ignoring case."""
        found = grades.select(
            force="Kent Police", programme="PEEL 2016", pillar=Pillar.EFFICIENCY, headline=True
        )
        assert [e.question.id for e in found] == ["peel-2016.efficiency"]
        assert all(e.force.region.id == "wales-region" for e in grades.select(region="Wales"))
        assert all(
            e.question.level in (QuestionLevel.CORE, QuestionLevel.AREA)
            for e in grades.select(headline=False)
        )
        assert len([e for e in grades.select(state="unknown") if e in EARLIER]) == 1

    @pytest.mark.parametrize(
        ("name", "value"),
        [
            ("force", "atlantis"),
            ("programme", "peel-1999"),
            ("pillar", "leadershiply"),
            ("question", "peel-2015.effectiveness.9"),
            ("region", "hampshire"),
            ("state", "graded-ish"),
        ],
    )
    def test_unknown_names(self, name, value):
        """An unknown name raises UnknownReferenceError, a LookupError."""
        with pytest.raises(UnknownReferenceError):
            grades.select(**{name: value})

    def test_rows(self):
        """Rows carry ids and values only."""
        row = grades.rows(grades.select(force="kent", question="peel-2016.efficiency"))[0]
        assert list(row) == [
            "force",
            "programme",
            "question",
            "state",
            "grade",
            "last_updated",
            "source",
            "source_kind",
        ]
        assert all(value is None or isinstance(value, str) for value in row.values())


class TestHistory:
    def test_ordered_by_programme(self):
        """A force's history runs from PEEL 2014 to 2018/19, pillar by pillar."""
        found = grades.history("durham")
        assert [p.id for p in found.programmes] == [
            "peel-2014",
            "peel-2015",
            "peel-2016",
            "peel-2017",
            "peel-2018-19",
        ]
        assert len(found.entries) == 15
        assert found.comparable
        assert found.warning is None

    def test_spanning_both_scales_warns(self):
        """A history with a five-grade programme carries the warning."""
        later = five_grade_question()
        record = GradesRecord(
            entries=(
                entry(question=questions.get("peel-2018-19.effectiveness")),
                entry(question=later, grade=Grade.ADEQUATE),
            ),
        )
        found = grades.history("kent", record=record)
        assert not found.comparable
        assert found.warning == grades.SCALES_WARNING
        change = grades.changes(force="kent", record=record)[0]
        assert change.direction is None
        assert change.warning == grades.SCALES_WARNING


def five_grade_question() -> peelmodel.InspectionQuestion:
    """The effectiveness headline question of PEEL 2021/22, which the catalogues do not hold."""
    return peelmodel.InspectionQuestion(
        programme=programmes.get("peel-2021-22"),
        pillar=Pillar.EFFECTIVENESS,
        number="",
        text="How effective is the force at keeping people safe and reducing crime?",
        graded=True,
    )


class TestChanges:
    def test_directions(self):
        """Consecutive pillar grades have a direction when both are grades."""
        found = grades.changes(force="humberside", pillar="efficiency")
        assert [(c.before.programme.id, c.after.programme.id, c.direction) for c in found] == [
            ("peel-2014", "peel-2015", "declined"),
            ("peel-2015", "peel-2016", "improved"),
            ("peel-2016", "peel-2017", "unchanged"),
            ("peel-2017", "peel-2018-19", "improved"),
        ]

    def test_every_force_and_pillar(self):
        """Each force has four changes per pillar from PEEL 2014 to 2018/19."""
        found = grades.changes()
        assert len(found) == 43 * 3 * 4
        assert Counter(c.direction for c in found)["unchanged"] > 0


class TestDistributions:
    def test_national(self):
        """The national distribution of PEEL 2015 effectiveness is HMIC's: 1, 24, 18, 0."""
        found = grades.distribution("peel-2015.effectiveness")
        assert list(found.counts.values()) == [1, 24, 18, 0]
        assert found.forces_with(Grade.OUTSTANDING) == ("durham",)
        assert found.graded == 43
        assert found.undetermined == ()

    def test_by_region_adds_up_to_national(self):
        """The regions' counts add up to the national counts."""
        question = "peel-2017.effectiveness"
        national = grades.distribution(question)
        regional = grades.by_region(question)
        assert len(regional) == 10
        for grade, count in national.counts.items():
            assert sum(region.counts[grade] for region in regional) == count
        assert sum(len(r.unknown) for r in regional) == len(national.unknown) == 1

    def test_most_similar_group(self):
        """A most similar group counts the forces named, reporting those the record lacks."""
        found = grades.most_similar_group("peel-2015.effectiveness.3", ["hampshire", "kent"])
        assert found.area == "most-similar-group"
        assert found.members == ("hampshire", "kent")
        assert found.missing == ("hampshire", "kent")
        assert found.graded == 0

    def test_not_inspected_is_undetermined(self):
        """Forces whose earlier grade stands are not counted, but listed."""
        found = grades.distribution("peel-2017.effectiveness.1")
        assert len(found.not_inspected) == 14
        assert set(found.not_inspected) <= set(found.undetermined)


class TestCatalogues:
    @pytest.mark.parametrize("programme", ["peel-2014", "peel-2016", "peel-2017", "peel-2018-19"])
    def test_every_pillar_headline(self, programme):
        """Each four-grade programme has the headline questions of its three pillars."""
        for pillar in (Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY):
            assert questions.headline(programme, pillar).level is QuestionLevel.HEADLINE

    def test_every_recorded_question_is_catalogued(self):
        """Every question of the record is in the catalogue of its programme."""
        assert {e.question.id for e in RECORD.entries} <= {q.id for q in questions.all()}

    def test_graded_as_published(self):
        """2014 efficiency was the only graded pillar; 2018/19 specialist capabilities was not graded."""
        assert [q.graded for q in questions.all(programme="peel-2014") if q.number == ""] == [
            False,
            True,
            False,
        ]
        assert not questions.get("peel-2018-19.effectiveness.5").graded

    def test_lookup_by_shared_text_finds_the_earliest(self):
        """A text several programmes ask finds the earliest programme's question."""
        found = questions.lookup(
            "How efficient is the force at keeping people safe and reducing crime?"
        )
        assert found.id == "peel-2015.efficiency"
