"""Laws of the grades record, over generated records and the shipped one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peelmodel
from peelmodel import GradeEntry, GradesRecord, NationalStatement, RecordState, grades
from peelmodel import strategies as pst
from peelmodel.analysis.status import Status
from peelmodel.catalogues import forces

PROGRAMME_ORDER = {p.id: i for i, p in enumerate(peelmodel.catalogues.programmes.all())}
FORCE_IDS = [force.id for force in forces.all()]


class TestStrategies:
    @given(pst.grade_entries())
    def test_entries_are_valid(self, entry):
        """Generated entries are valid: a grade exactly when graded, a source unless unknown."""
        assert isinstance(entry, GradeEntry)
        assert (entry.grade is not None) is (entry.state is RecordState.GRADED)
        assert entry.source is not None or entry.state is RecordState.UNKNOWN

    @given(pst.grade_entries(state=RecordState.NOT_INSPECTED))
    def test_fixed_state(self, entry):
        """state= fixes the state drawn."""
        assert entry.state is RecordState.NOT_INSPECTED

    @given(pst.national_statements())
    def test_statements(self, statement):
        """Generated statements are on their programme's scale, with a count of 0 to 43."""
        assert isinstance(statement, NationalStatement)
        assert statement.grade in statement.programme.scale
        assert 0 <= statement.count <= 43


class TestRoundTrip:
    @given(pst.grades_records())
    def test_record_round_trips(self, record):
        """A generated record reads back from its document unchanged."""
        assert peelmodel.loads(peelmodel.dumps(record), GradesRecord) == record

    @given(pst.grades_records())
    def test_indented_round_trip(self, record):
        """An indented document reads back as the same record."""
        assert peelmodel.loads(peelmodel.dumps(record, indent=2), GradesRecord) == record

    def test_shipped_record_round_trips(self):
        """The shipped record writes and reads back unchanged."""
        record = grades.record()
        assert peelmodel.loads(peelmodel.dumps(record), GradesRecord) == record


@st.composite
def records_and_questions(draw: st.DrawFn) -> tuple[GradesRecord, peelmodel.InspectionQuestion]:
    """A generated record with at least one entry, and one of its questions."""
    record = draw(pst.grades_records().filter(lambda r: bool(r.entries)))
    return record, draw(st.sampled_from([entry.question for entry in record.entries]))


class TestDistributions:
    @given(records_and_questions(), st.lists(st.sampled_from(FORCE_IDS), unique=True))
    def test_counts_sum_to_the_forces_graded(self, drawn, members):
        """The counts add up to the members with a grade; every member is in one group."""
        record, question = drawn
        found = grades.distribution(question, forces=members, record=record)
        graded = [
            e
            for e in record.entries
            if e.question == question and e.force.id in members and e.grade is not None
        ]
        assert sum(found.counts.values()) == found.graded == len(graded)
        groups = [
            *(f for _, held in found.by_grade for f in held),
            *found.not_graded,
            *found.undetermined,
        ]
        assert sorted(groups) == sorted(members)

    @given(records_and_questions())
    def test_regions_add_up_to_national(self, drawn):
        """Region by region, the counts add up to the national counts."""
        record, question = drawn
        national = grades.distribution(question, record=record)
        regional = grades.by_region(question, record=record)
        for grade, count in national.counts.items():
            assert sum(region.counts[grade] for region in regional) == count

    @pytest.mark.parametrize("question", ["peel-2015.efficiency", "peel-2017.legitimacy"])
    def test_shipped_counts_sum(self, question):
        """On the shipped record, counts add up to the forces graded."""
        found = grades.distribution(question)
        assert sum(found.counts.values()) == found.graded
        assert found.graded + len(found.not_graded) + len(found.undetermined) == 43


class TestHistory:
    @given(pst.grades_records(max_forces=2, max_questions=8))
    def test_history_is_ordered_by_programme(self, record):
        """A force's history never goes back to an earlier programme."""
        for force in {entry.force.id for entry in record.entries}:
            found = grades.history(force, core=True, record=record)
            order = [PROGRAMME_ORDER[e.programme.id] for e in found.entries]
            assert order == sorted(order)
            assert all(e.force.id == force for e in found.entries)

    @pytest.mark.parametrize("force", FORCE_IDS)
    def test_shipped_history_is_ordered(self, force):
        """Each force's shipped history is ordered by programme and holds its pillar grades."""
        found = grades.history(force)
        order = [PROGRAMME_ORDER[e.programme.id] for e in found.entries]
        assert order == sorted(order)
        assert len(found.entries) == 15

    @given(pst.grades_records(max_forces=2, max_questions=8))
    def test_changes_are_consecutive(self, record):
        """A change pairs a pillar grade with the next programme's, for one force and pillar."""
        for change in grades.changes(record=record):
            assert PROGRAMME_ORDER[change.after.programme.id] == (
                PROGRAMME_ORDER[change.before.programme.id] + 1
            )
            assert change.before.force == change.after.force
            assert change.before.pillar is change.after.pillar
            if change.direction is not None:
                assert change.comparable


class TestStatements:
    @given(pst.grades_records())
    def test_statements_the_entries_allow_are_never_inconsistent(self, record):
        """A count between the record's count and that plus its gaps is never inconsistent."""
        for check in grades.check_statements(record=record):
            assert check.status is not Status.INCONSISTENT
            assert check.low <= check.statement.count <= check.high

    @given(pst.grades_records())
    def test_reproduced_only_without_gaps(self, record):
        """A statement is reproduced only when every force's grade is settled and the count equal."""
        for check in grades.check_statements(record=record):
            if check.status is Status.REPRODUCED:
                assert check.undetermined == ()
                assert check.low == check.statement.count

    @given(pst.grades_records(), st.randoms(use_true_random=False))
    def test_order_does_not_matter(self, record, random):
        """Reordering the entries changes no check."""
        entries = list(record.entries)
        random.shuffle(entries)
        shuffled = GradesRecord(entries=tuple(entries), statements=record.statements)
        before = [(c.status, c.counted) for c in grades.check_statements(record=record)]
        after = [(c.status, c.counted) for c in grades.check_statements(record=shuffled)]
        assert before == after


class TestSelect:
    @given(pst.grades_records(), st.sampled_from(FORCE_IDS))
    def test_select_by_force(self, record, force):
        """Selecting by force keeps exactly that force's entries, in record order."""
        found = grades.select(force=force, record=record)
        assert found == tuple(e for e in record.entries if e.force.id == force)
