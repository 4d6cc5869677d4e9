"""Property tests of the library's laws, over values from peelmodel.strategies."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peelmodel
from peelmodel import Grade, OutcomeGroup
from peelmodel import strategies as pst
from peelmodel._hypothesis_hook import _STRATEGIES, _hypothesis_setup_hook
from peelmodel.analysis.assessment import assess
from peelmodel.analysis.reconciliation import reconcile
from peelmodel.analysis.reproduction import known_values, reproduce
from peelmodel.arithmetic import (
    band,
    percentage_change,
    places,
    publish,
    rate,
    round_half_up,
    share,
)
from peelmodel.claims import claims_of

_hypothesis_setup_hook()

_DOCUMENTED = sorted(name for name in _STRATEGIES if name != "Grade")

fractions = st.fractions(min_value=-(10**9), max_value=10**9, max_denominator=10**6)
digits = st.integers(0, 6)
counts = st.integers(0, 10**9)
denominators = st.integers(1, 10**9)


class TestRoundTrip:
    @pytest.mark.parametrize("class_name", _DOCUMENTED)
    @given(data=st.data())
    def test_from_type_round_trips(self, class_name, data):
        """Every value st.from_type draws survives dumps and loads unchanged."""
        value = data.draw(st.from_type(getattr(peelmodel, class_name)))
        assert peelmodel.loads(peelmodel.dumps(value), type(value)) == value

    @given(st.from_type(Grade))
    def test_grade_round_trips_by_value(self, grade):
        """A grade is written and read back as its value."""
        assert Grade(grade.value) is grade

    @given(pst.inspections())
    def test_inspection_round_trips_indented(self, inspection):
        """An indented document reads back as the same inspection."""
        text = peelmodel.dumps(inspection, indent=2)
        assert peelmodel.loads(text, peelmodel.Inspection) == inspection


class TestRounding:
    @given(fractions, fractions, digits)
    def test_round_half_up_is_monotone(self, a, b, places_):
        """round_half_up never reverses the order of two values."""
        low, high = sorted((a, b))
        assert round_half_up(low, places_) <= round_half_up(high, places_)

    @given(fractions, digits)
    def test_value_lies_in_the_band_of_its_rounding(self, value, places_):
        """The exact value lies in the band of the number it rounds to."""
        published = round_half_up(value, places_)
        assert places(published) == places_
        assert value in band(published)

    @given(fractions, digits)
    def test_rounding_moves_at_most_half_a_unit(self, value, places_):
        """Rounding moves a value by at most half a unit of the last place."""
        assert abs(Fraction(round_half_up(value, places_)) - value) <= Fraction(1, 2 * 10**places_)


class TestDeriveLaws:
    @given(st.lists(counts, max_size=8), denominators, st.sampled_from([100, 1000, 1_000_000]))
    def test_group_rate_is_the_sum_of_member_rates(self, members, denominator, per):
        """A group's exact rate is the sum of its members' exact rates."""
        assert rate(sum(members), denominator, per=per) == sum(
            (rate(count, denominator, per=per) for count in members), Fraction(0)
        )

    @given(counts, denominators, st.sampled_from([100, 1000, 1_000_000]), st.integers(0, 2))
    def test_rate_lies_in_its_published_band(self, count, denominator, per, places_):
        """A rate recomputed from its inputs stays within the band of its published value."""
        assert rate(count, denominator, per=per) in band(
            publish(rate(count, denominator, per=per), places_)
        )

    @given(counts, denominators)
    def test_percentage_change_is_share_less_100(self, current, baseline):
        """A percentage change is the share of the baseline, less 100."""
        assert percentage_change(current, baseline) == share(current, baseline) - 100

    @given(pst.inspections_with_truth())
    def test_groups_equal_the_sum_of_their_members(self, drawn):
        """Every published group count is the sum of its members' true counts."""
        inspection, truth = drawn
        for row in inspection.outcome_rates:
            if isinstance(row.outcome, OutcomeGroup) and row.count is not None:
                members = [
                    truth[f"{row.area.id}.outcomes.type-{n}.{row.period.slug}"]
                    for n in row.outcome.members
                    if peelmodel.catalogues.outcomes.type(n).exists_during(row.period)
                ]
                assert row.count == sum(members)

    @given(pst.inspections_with_truth())
    def test_every_figure_rounds_from_the_truth(self, drawn):
        """Each published figure's formula, at the true values, lies in the figure's band."""
        inspection, truth = drawn
        for claim in claims_of(inspection).values():
            published = claim.band
            assert published is not None
            values = {q: truth[q.id] for q in claim.formula.quantities}
            assert claim.formula.evaluate(values) in published

    @given(pst.inspections())
    def test_reproduced_figures_equal_their_published_value(self, inspection):
        """Whatever the published counts reproduce is exactly what was published."""
        claims = claims_of(inspection).values()
        known = known_values(claims)
        for claim in claims:
            derived = reproduce(claim, known)
            assert derived is None or derived == claim.published


class TestReconcile:
    @given(pst.inspections_with_truth())
    def test_true_values_lie_in_the_inferred_intervals(self, drawn):
        """reconcile never excludes the hidden true value of any quantity."""
        inspection, truth = drawn
        result = reconcile(claims_of(inspection).values())
        assert result.conflicts == ()
        for interval in result.intervals:
            assert interval.low <= truth[interval.quantity.id] <= interval.high

    @given(pst.inspections())
    def test_generated_inspections_are_consistent(self, inspection):
        """assess finds no inconsistent figure in a generated inspection."""
        assessment = assess(inspection)
        assert [r.id for r in assessment.figures if r.is_inconsistent] == []
        assert all(isinstance(r.claim.published, Decimal) for r in assessment.figures)
