"""Tests of a downstream project that uses peelmodel's registered strategies.

A project that depends on ``peelmodel[strategies]`` asks Hypothesis for
values with ``st.from_type``: peelmodel registers its strategies through
Hypothesis' entry point, so there is nothing to import or set up.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import peelmodel
from peelmodel.analysis.assessment import assess


def outcome_table(inspection: peelmodel.Inspection) -> dict[str, Decimal]:
    """The force's published outcome rates by outcome id, as a dashboard shows them."""
    return {
        row.outcome_id: row.rate
        for row in inspection.outcome_rates
        if row.area == inspection.force and row.rate is not None
    }


class TestGeneratedInspections:
    """Properties of whole generated inspections."""

    @given(st.from_type(peelmodel.Inspection))
    def test_valid_and_round_trips(self, inspection: peelmodel.Inspection) -> None:
        """Every generated inspection is valid and survives dumps and loads."""
        assert isinstance(inspection, peelmodel.Inspection)
        assert peelmodel.loads(peelmodel.dumps(inspection), peelmodel.Inspection) == inspection

    # assess() searches whole numbers: a large generated report can take longer
    # than Hypothesis's default deadline of 200 ms.
    @settings(deadline=None)
    @given(st.from_type(peelmodel.Inspection))
    def test_consistent(self, inspection: peelmodel.Inspection) -> None:
        """Every figure of a generated inspection is consistent."""
        assert assess(inspection).is_consistent

    @given(st.from_type(peelmodel.Inspection))
    def test_outcome_table(self, inspection: peelmodel.Inspection) -> None:
        """The dashboard table has one non-negative rate per force outcome row with a rate."""
        table = outcome_table(inspection)
        rows = [
            r for r in inspection.outcome_rates if r.area == inspection.force and r.rate is not None
        ]
        assert len(table) == len(rows)
        assert all(rate >= 0 for rate in table.values())


class TestOtherClasses:
    """Properties of the other generated classes."""

    @given(st.from_type(peelmodel.Figure))
    def test_figure_round_trips(self, figure: peelmodel.Figure) -> None:
        """A generated figure survives dumps and loads."""
        assert peelmodel.loads(peelmodel.dumps(figure), peelmodel.Figure) == figure

    @given(st.from_type(peelmodel.Judgment))
    def test_judgment_on_scale(self, judgment: peelmodel.Judgment) -> None:
        """A generated judgment's grade is on its programme's scale."""
        assert judgment.grade in judgment.question.programme.scale

    @given(st.from_type(peelmodel.OutcomeRate))
    def test_outcome_rate_round_trips(self, row: peelmodel.OutcomeRate) -> None:
        """A generated outcome row survives dumps and loads."""
        assert peelmodel.loads(peelmodel.dumps(row), peelmodel.OutcomeRate) == row
