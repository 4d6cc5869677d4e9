"""Forward computation (derive) and round-half-up (rounding)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from claim_making import made, percent, quantity

from peelmodel import datasets
from peelmodel.analysis.reproduction import compare, known_values, reproduce
from peelmodel.arithmetic import (
    band,
    percentage_change,
    places,
    publish,
    rate,
    round_half_up,
    share,
)
from peelmodel.catalogues import areas
from peelmodel.claims import Formula, Quantity, claims_of
from peelmodel.model.figure import Basis

CLAIMS = claims_of(datasets.load("hampshire-2015"))
HAMPSHIRE = areas.get("hampshire")


class TestForward:
    def test_rate(self):
        """17,420 outcomes of 121,000 offences is 14.396... per 100."""
        assert rate(17_420, 121_000, per=100) == Fraction(1742, 121)
        assert publish(rate(17_420, 121_000, per=100), 1) == Decimal("14.4")

    def test_rate_per_thousand(self):
        """121,000 crimes among 1,936,000 people is 62.5 per 1,000."""
        assert rate(121_000, 1_936_000, per=1000) == Fraction(125, 2)

    def test_share(self):
        """35 of 62 OCGs is 56 percent."""
        assert share(35, 62) == Fraction(1750, 31)
        assert publish(share(35, 62), 0) == Decimal(56)

    def test_percentage_change(self):
        """A fall from 60,580 to 56,337 is -7 percent."""
        assert percentage_change(56_337, 60_580) == Fraction(56_337 * 100, 60_580) - 100
        assert publish(percentage_change(56_337, 60_580), 0) == Decimal(-7)
        assert percentage_change(118, 100) == 18

    def test_publish_keeps_places(self):
        """publish() writes the published number of places, trailing zeros included."""
        assert str(publish(Fraction(2), 1)) == "2.0"
        assert str(publish(Fraction(629, 10), 0)) == "63"


class TestRoundHalfUp:
    @pytest.mark.parametrize(
        ("value", "digits", "expected"),
        [
            (Fraction(145, 10), 0, "15"),
            (Fraction(-145, 10), 0, "-15"),
            (Fraction(1445, 100), 1, "14.5"),
            (Fraction(-1445, 100), 1, "-14.5"),
            (Fraction(1444999, 100000), 1, "14.4"),
            (Fraction(25, 10), 0, "3"),
            (Fraction(35, 10), 0, "4"),
            (Fraction(5, 1000), 2, "0.01"),
            (Fraction(0), 1, "0.0"),
            (7, 0, "7"),
        ],
    )
    def test_halves_away_from_zero(self, value, digits, expected):
        """Halves go away from zero (not to even, as Python's round() does)."""
        assert round_half_up(value, digits) == Decimal(expected)
        assert str(round_half_up(value, digits)) == expected

    def test_differs_from_bankers_rounding(self):
        """2.5 rounds to 3 where round() gives 2."""
        assert round(2.5) == 2
        assert round_half_up(Fraction(5, 2), 0) == 3

    def test_places(self):
        """places() counts written decimal places."""
        assert places(Decimal("14.4")) == 1
        assert places(Decimal("2.0")) == 1
        assert places(Decimal(56)) == 0


class TestBand:
    def test_positive_band_closed_below_open_above(self):
        """14.4 stands for [14.35, 14.45)."""
        found = band(Decimal("14.4"))
        assert (found.low, found.high) == (Fraction(1435, 100), Fraction(1445, 100))
        assert Fraction(1435, 100) in found
        assert Fraction(1445, 100) not in found
        assert str(found) == "[287/20, 289/20)"

    def test_negative_band_open_below_closed_above(self):
        """-7 stands for (-7.5, -6.5]: -7.5 rounds to -8."""
        found = band(Decimal(-7))
        assert Fraction(-15, 2) not in found
        assert Fraction(-13, 2) in found
        assert round_half_up(Fraction(-13, 2), 0) == -7

    def test_zero_band_open_both_ends(self):
        """0.0 stands for (-0.05, 0.05)."""
        found = band(Decimal("0.0"))
        assert Fraction(1, 20) not in found
        assert Fraction(-1, 20) not in found
        assert 0 in found

    def test_more_than(self):
        """'More than 600' is (600, infinity)."""
        found = band(Decimal(600), more_than=True)
        assert 600 not in found
        assert 601 in found
        assert found.high is None
        assert str(found) == "(600, inf]"

    @pytest.mark.parametrize("text", ["14.4", "0.3", "-11", "62.5", "4"])
    def test_band_ends_round_as_stated(self, text):
        """The closed end rounds to the figure; the open end rounds away from it."""
        published = Decimal(text)
        found = band(published)
        digits = places(published)
        closed, open_ = (found.low, found.high) if published > 0 else (found.high, found.low)
        assert round_half_up(closed, digits) == published
        assert round_half_up(open_, digits) != published


class TestKnownValuesAndReproduce:
    def test_known_values_are_published_counts(self):
        """Published exact counts define their quantities; 'more than 600' does not."""
        known = {q.id: v for q, v in known_values(CLAIMS.values()).items()}
        assert known["hampshire.outcomes.type-2.12m-to-2015-06-30"] == 691
        assert known["hampshire.ocgs.at-2015-06-30"] == 62
        assert not any("neighbourhood-excellence" in key for key in known)

    def test_clashing_definitions_keep_neither(self):
        """Two different published values for one count define nothing."""
        count = Quantity(area=HAMPSHIRE, measure="ocgs")
        claims = [
            made("hampshire.a", Decimal(62), Formula(numerator=(count,)), HAMPSHIRE),
            made("hampshire.b", Decimal(63), Formula(numerator=(count,)), HAMPSHIRE),
        ]
        assert known_values(claims) == {}

    def test_reproduce_group_totals(self):
        """Out-of-court (formal) 4,395 = 691 + 2,938 + 766."""
        known = known_values(CLAIMS.values())
        claim = CLAIMS["hampshire.outcomes.out-of-court-formal.count"]
        assert reproduce(claim, known) == Decimal(691 + 2938 + 766)
        informal = CLAIMS["england-and-wales.outcomes.out-of-court-informal.count"]
        assert reproduce(informal, known) == Decimal(41_964 + 117_951)

    def test_reproduce_needs_every_input(self):
        """A rate whose denominator is unpublished is not reproduced."""
        known = known_values(CLAIMS.values())
        assert reproduce(CLAIMS["hampshire.outcomes.type-1.rate"], known) is None

    def test_plain_count_is_an_input(self):
        """A count that defines its quantity is not a derived figure."""
        known = known_values(CLAIMS.values())
        assert reproduce(CLAIMS["hampshire.outcomes.type-1.count"], known) is None

    def test_reproduce_rounds_to_published_places(self):
        """With a known denominator, the rate is rounded half up to one place."""
        count = Quantity(area=HAMPSHIRE, measure="crimes")
        people = Quantity(area=HAMPSHIRE, measure="population")
        rate = Formula(numerator=(count,), denominator=people, scale=Fraction(1000))
        claim = made(
            "hampshire.c", Decimal("62.5"), rate, HAMPSHIRE, basis=Basis.PER_1000_POPULATION
        )
        assert reproduce(claim, {count: 121_000, people: 1_936_000}) == Decimal("62.5")
        assert reproduce(claim, {count: 121_001, people: 1_936_000}) == Decimal("62.5")
        assert reproduce(claim, {count: 120_900, people: 1_936_000}) == Decimal("62.4")


class TestCompare:
    def by_id(self) -> dict[str, object]:
        """Comparisons of the dataset by the force figure's id."""
        found = compare(CLAIMS.values(), "hampshire", "england-and-wales")
        return {comparison.force.id: comparison for comparison in found}

    def test_recorded_crime_rate(self):
        """62.5 against 63.0: difference -0.5, ratio 125/126, exactly."""
        comparison = self.by_id()["hampshire.recorded-crime.per-1000-population"]
        assert comparison.comparator.id == "england-and-wales.recorded-crime.per-1000-population"
        assert comparison.difference == Decimal("-0.5")
        assert comparison.ratio == Fraction(125, 126)

    def test_charge_rate(self):
        """14.4 against 16.0: difference -1.6, ratio 9/10."""
        comparison = self.by_id()["hampshire.outcomes.type-1.rate"]
        assert comparison.difference == Decimal("-1.6")
        assert comparison.ratio == Fraction(9, 10)

    def test_change_since_2010(self):
        """-11 against -13: difference 2, ratio 11/13."""
        comparison = self.by_id()["hampshire.recorded-crime.change-since-2010"]
        assert comparison.difference == 2
        assert comparison.ratio == Fraction(11, 13)

    def test_only_pairs_with_a_comparator(self):
        """Figures published for Hampshire only are not compared."""
        found = self.by_id()
        assert "hampshire.local-policing-areas.count" not in found
        assert "hampshire.ocgs.count" not in found
        assert all(
            comparison.comparator.area.id == "england-and-wales" for comparison in found.values()
        )


def test_a_figure_over_a_published_zero_is_not_reproduced():
    """56 percent of 0 groups: no value to give, and no division by zero."""
    groups, drugs = quantity("groups"), quantity("drugs")
    known = {groups: 0, drugs: 35}
    assert reproduce(percent("share", drugs, groups, 56), known) is None
