"""Property tests of the record strategies: valid values, round trips, proportions like the record's."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peelmodel import (
    EarlierGrade,
    FindingCount,
    FindingEntry,
    FindingKind,
    FindingsRecord,
    GradeEntry,
    GradesRecord,
    Inference,
    RecordState,
    SourceConflict,
    SourceKind,
    datasets,
    dumps,
    loads,
    questions,
)
from peelmodel import strategies as pst
from peelmodel.model.grade import FIVE_GRADE
from peelmodel.strategies import _proportions

#: The three areas of the test catalogue: drawn from without the registry holding them.
TEST_AREAS = questions.areas_of(
    json.loads(
        (
            Path(__file__).resolve().parent / "data" / "five-grade" / "questions-peel-2021-22.json"
        ).read_text(encoding="utf-8")
    )
)


class TestGradeEntries:
    @given(st.from_type(GradeEntry))
    def test_round_trip(self, entry):
        """Every drawn entry is written and read back as it was."""
        assert loads(dumps(entry), GradeEntry) == entry

    @given(pst.grade_entries(question=st.sampled_from(TEST_AREAS)))
    def test_areas_carry_provenance(self, entry):
        """An entry of an area names its kind of source when known, and quotes a grade it states."""
        assert entry.programme.scale == FIVE_GRADE
        assert (entry.source_kind is None) is (entry.state is RecordState.UNKNOWN)
        if entry.grade is not None:
            assert entry.grade.label.lower() in (entry.quote or "").lower()
        for earlier in entry.history:
            assert earlier.grade in FIVE_GRADE
        assert all(conflict.grade is not entry.grade for conflict in entry.conflicts)

    @settings(max_examples=50)
    @given(st.from_type(GradesRecord))
    def test_record_round_trip(self, record):
        """Drawn records round trip too."""
        assert loads(dumps(record), GradesRecord) == record


class TestFindings:
    @given(st.from_type(FindingEntry))
    def test_round_trip(self, entry):
        """Every drawn finding is written and read back as it was."""
        assert loads(dumps(entry), FindingEntry) == entry

    @settings(max_examples=50)
    @given(st.from_type(FindingsRecord))
    def test_record_round_trip(self, record):
        """Drawn findings records round trip."""
        assert loads(dumps(record), FindingsRecord) == record

    @given(pst.finding_counts())
    def test_counts_quote_their_number(self, count):
        """A drawn count's quote gives its number."""
        assert str(count.count) in count.quote


class TestFromType:
    @given(
        st.one_of(
            st.from_type(EarlierGrade),
            st.from_type(Inference),
            st.from_type(SourceConflict),
            st.from_type(FindingCount),
        )
    )
    def test_provenance_round_trips(self, value):
        """Earlier grades, inferences, conflicts and counts from from_type round trip."""
        assert loads(dumps(value), type(value)) == value

    @given(st.from_type(SourceKind), st.from_type(FindingKind))
    def test_enums(self, source_kind, kind):
        """The kinds of source and of finding are drawn by from_type."""
        assert isinstance(source_kind, SourceKind)
        assert isinstance(kind, FindingKind)


class TestProportions:
    def test_states_as_in_the_record(self):
        """Entries of each scale are drawn in states about as often as the record holds them."""
        for scale in ("four-grade", "five-grade"):
            table = _proportions.grades_table(scale)
            drawn = Counter(_proportions.pool(tuple(RecordState), table.values["state"]))
            for state in RecordState:
                held = table.values["state"][state] / table.total if table.total else 0.25
                assert abs(drawn[state] / drawn.total() - held) <= 0.03, (scale, state)

    def test_source_kinds_as_in_the_record(self):
        """Kinds of source come as often as the five-grade entries name them; none is left out."""
        table = _proportions.grades_table(FIVE_GRADE.id)
        drawn = Counter(_proportions.pool(tuple(SourceKind), table.values["source_kind"]))
        assert set(drawn) == set(SourceKind)
        named = sum(table.values["source_kind"][kind] for kind in SourceKind)
        for kind in SourceKind:
            held = table.values["source_kind"][kind] / named if named else 1 / len(SourceKind)
            assert abs(drawn[kind] / drawn.total() - held) <= 0.03, kind

    def test_tables_count_the_shipped_record(self):
        """The tables count the entries of the shipped record, scale by scale."""
        record = datasets.grades_record()
        for scale in ("four-grade", "five-grade"):
            held = [e for e in record.entries if e.programme.scale.id == scale]
            assert _proportions.grades_table(scale).total == len(held)
        assert _proportions.findings_table().total == len(datasets.findings_record().findings)

    @given(st.lists(st.integers(0, 50), min_size=1, max_size=5))
    def test_pool_keeps_every_option(self, counts):
        """Every option is in the pool, and an option never held is there once at most."""
        options = tuple(range(len(counts)))
        found = Counter(_proportions.pool(options, Counter(dict(enumerate(counts)))))
        assert set(found) == set(options)
        if sum(counts):
            assert all(found[i] == 1 for i, count in enumerate(counts) if count == 0)
