"""Tests of the reconcile engine on hand-made claims and on the Hampshire 2015 report."""

from __future__ import annotations

import math
import time
from decimal import Decimal
from fractions import Fraction

import pytest
from claim_making import made

from peelmodel import datasets
from peelmodel.analysis import reconciliation
from peelmodel.analysis.assessment import assess
from peelmodel.analysis.reconciliation import Conflict, reconcile
from peelmodel.analysis.status import Status
from peelmodel.catalogues import areas
from peelmodel.claims import Claim, Formula, Quantity, claims_of
from peelmodel.errors import PeelModelError
from peelmodel.model.area import Area, AreaKind
from peelmodel.model.figure import Basis, Qualifier
from peelmodel.model.period import Period

AREA = Area(id="x", name="Area x", ons_code="E99999999", kind=AreaKind.FORCE)
YEAR = Period.parse("2014-07-01/2015-06-30")

GROUPS = Quantity(area=AREA, measure="groups")
DRUGS = Quantity(area=AREA, measure="drug-groups")
CRIME = Quantity(area=AREA, measure="crime")
CHARGED = Quantity(area=AREA, measure="charged")
PEOPLE = Quantity(area=AREA, measure="population")
NOW = Quantity(area=AREA, measure="now")
BEFORE = Quantity(area=AREA, measure="before")


def _claim(
    claim_id: str,
    published: str | None,
    formula: Formula,
    basis: Basis,
    *,
    qualifier: Qualifier = Qualifier.EXACTLY,
) -> Claim:
    value = None if published is None else Decimal(published)
    return made(claim_id, value, formula, AREA, basis=basis, qualifier=qualifier)


def count(claim_id: str, quantity: Quantity, published: str, **kwargs: Qualifier) -> Claim:
    return _claim(claim_id, published, Formula(numerator=(quantity,)), Basis.COUNT, **kwargs)


def ratio(
    claim_id: str,
    numerator: Quantity,
    denominator: Quantity,
    published: str | None,
    scale: int,
    **kwargs: Qualifier,
) -> Claim:
    formula = Formula(numerator=(numerator,), denominator=denominator, scale=Fraction(scale))
    return _claim(claim_id, published, formula, Basis.PERCENT, **kwargs)


def change(claim_id: str, published: str) -> Claim:
    formula = Formula(
        numerator=(NOW,), denominator=BEFORE, scale=Fraction(100), offset=Fraction(-100)
    )
    return _claim(claim_id, published, formula, Basis.PERCENTAGE_CHANGE)


def bounds(result, quantity: Quantity) -> tuple[int, int]:
    interval = result.interval(quantity.id)
    return interval.low, interval.high


class TestIntervals:
    def test_share_of_a_known_whole_is_exact(self):
        """56 percent of 62 groups is exactly 35 groups: 34.41 <= n < 35.03."""
        result = reconcile(
            [count("groups", GROUPS, "62"), ratio("share", DRUGS, GROUPS, "56", 100)]
        )
        assert result.conflicts == ()
        assert bounds(result, DRUGS) == (35, 35)

    def test_count_and_rate_bound_the_denominator(self):
        """17,420 charges at 14.4 per 100 offences: 1,742,000/14.45 < offences <= 1,742,000/14.35."""
        result = reconcile(
            [count("charged", CHARGED, "17420"), ratio("rate", CHARGED, CRIME, "14.4", 100)]
        )
        # 1,742,000 / 14.45 = 120,553.6...; 1,742,000 / 14.35 = 121,393.7...
        assert bounds(result, CRIME) == (120_554, 121_393)
        assert result.interval(CRIME.id).low_because == {"charged", "rate"}

    def test_negative_change_bounds_the_baseline(self):
        """A change of -11 percent to 121,000: 0.885 < 121,000/baseline <= 0.895."""
        result = reconcile([count("now", NOW, "121000"), change("change", "-11")])
        # 121,000 / 0.895 = 135,195.5...; 121,000 / 0.885 = 136,723.1...
        assert bounds(result, BEFORE) == (135_196, 136_723)

    def test_negative_band_is_closed_at_its_upper_end(self):
        """181 after 200 is a change of exactly -9.5, which rounds half away from zero to -10."""
        facts = [count("now", NOW, "181"), count("before", BEFORE, "200")]
        assert reconcile([*facts, change("change", "-10")]).conflicts == ()
        assert reconcile([*facts, change("change", "-9")]).conflicts != ()

    def test_positive_band_is_closed_at_its_lower_end(self):
        """219 after 200 is a change of exactly +9.5, which rounds up to 10, not 9."""
        facts = [count("now", NOW, "219"), count("before", BEFORE, "200")]
        assert reconcile([*facts, change("change", "10")]).conflicts == ()
        assert reconcile([*facts, change("change", "9")]).conflicts != ()

    def test_open_band_end_excludes_the_boundary_integer(self):
        """1 of 8 is exactly 12.5 percent: it rounds to 13, and 12 excludes it."""
        facts = [count("groups", GROUPS, "8"), count("drugs", DRUGS, "1")]
        assert reconcile([*facts, ratio("share", DRUGS, GROUPS, "13", 100)]).conflicts == ()
        assert reconcile([*facts, ratio("share", DRUGS, GROUPS, "12", 100)]).conflicts != ()

    def test_zero_rate_forces_a_zero_count(self):
        """A rate of 0.0 per 100 of 1,000 offences leaves fewer than 0.5 outcomes: none."""
        result = reconcile(
            [count("crime", CRIME, "1000"), ratio("rate", CHARGED, CRIME, "0.0", 100)]
        )
        assert bounds(result, CHARGED) == (0, 0)

    def test_zero_count_is_exact(self):
        """A count published as 0 stands for the interval (-0.5, 0.5): exactly 0."""
        assert bounds(reconcile([count("none", GROUPS, "0")]), GROUPS) == (0, 0)

    def test_more_than_is_a_strict_lower_bound(self):
        """'More than 600' is at least 601, with no upper bound from the figure."""
        result = reconcile([count("trained", GROUPS, "600", qualifier=Qualifier.MORE_THAN)])
        interval = result.interval(GROUPS.id)
        assert (interval.low, interval.is_bounded) == (601, False)

    def test_more_than_a_share_bounds_the_part(self):
        """More than 50 percent of 9 groups is at least 5 groups."""
        share = ratio("share", DRUGS, GROUPS, "50", 100, qualifier=Qualifier.MORE_THAN)
        result = reconcile([count("groups", GROUPS, "9"), share])
        assert result.interval(DRUGS.id).low == 5

    def test_denominator_is_at_least_one(self):
        """A quantity a figure divides by starts at 1; one no figure divides by starts at 0."""
        result = reconcile([ratio("rate", CHARGED, CRIME, "14.4", 100)])
        assert result.interval(CRIME.id).low >= 1
        assert result.interval(CHARGED.id).low >= 1
        assert not result.interval(CRIME.id).is_bounded

    def test_two_unknowns_creep_to_the_least_solution(self):
        """84.1 percent of an unknown number of victims: at least 37 of 44 (37/44 = 84.09 percent)."""
        least = next(
            (s, n)
            for n in range(1, 100)
            for s in range(n + 1)
            if Fraction(8405, 100) <= Fraction(100 * s, n) < Fraction(8415, 100)
        )
        result = reconcile([ratio("satisfied", DRUGS, GROUPS, "84.1", 100)])
        assert (result.interval(DRUGS.id).low, result.interval(GROUPS.id).low) == least

    def test_fine_precision_terminates_soundly(self):
        """Three decimal places on two unknowns stops quickly and keeps a true solution."""
        start = time.perf_counter()
        result = reconcile([ratio("share", DRUGS, GROUPS, "33.333", 100)])
        assert time.perf_counter() - start < 1
        assert result.conflicts == ()
        low, high = bounds(result, GROUPS)
        assert low <= 30_000 <= high
        assert result.interval(DRUGS.id).low <= 10_000 <= result.interval(DRUGS.id).high

    def test_lost_figures_are_bounded_but_do_not_constrain(self):
        """A figure with no published value gets a range from the others, never a conflict."""
        lost = ratio("lost", CHARGED, CRIME, None, 100)
        result = reconcile([count("crime", CRIME, "200"), count("charged", CHARGED, "50"), lost])
        assert result.conflicts == ()
        assert result.range_of(lost) == (25, 25)

    def test_unknown_quantity_is_a_lookup_error(self):
        """Asking for a quantity no claim mentions raises a LookupError naming it."""
        with pytest.raises(LookupError, match="nothing"):
            reconcile([count("groups", GROUPS, "1")]).interval("x.nothing")

    def test_unknown_quantity_error_is_a_peelmodel_error(self):
        """The lookup error belongs to the library's exception tree."""
        with pytest.raises(PeelModelError):
            reconcile([]).interval("x.nothing")


class TestConflicts:
    def test_conflict_names_every_claim_it_rests_on(self):
        """62 groups in a million people is 62 per million, not 32: all three figures conflict."""
        claims = [
            count("groups", GROUPS, "62"),
            count("people", PEOPLE, "1000000"),
            ratio("per-million", GROUPS, PEOPLE, "32", 1_000_000),
        ]
        result = reconcile(claims)
        assert [c.claims for c in result.conflicts] == [{"groups", "people", "per-million"}]
        assert result.conflicting("per-million") == {"groups", "people"}
        assert result.conflicting("groups") == {"people", "per-million"}

    def test_conflict_leaves_out_unrelated_claims(self):
        """A bad share of groups does not implicate an unrelated count."""
        claims = [
            count("groups", GROUPS, "62"),
            count("drugs", DRUGS, "10"),
            ratio("share", DRUGS, GROUPS, "56", 100),
            count("charged", CHARGED, "17420"),
        ]
        result = reconcile(claims)
        assert [c.claims for c in result.conflicts] == [{"groups", "drugs", "share"}]
        assert result.conflicting("charged") == frozenset()

    def test_independent_errors_are_all_found(self):
        """Two unrelated contradictions give two conflicts."""
        claims = [
            count("groups", GROUPS, "62"),
            count("drugs", DRUGS, "10"),
            ratio("share", DRUGS, GROUPS, "56", 100),
            count("crime", CRIME, "1000"),
            count("charged", CHARGED, "500"),
            ratio("rate", CHARGED, CRIME, "14.4", 100),
        ]
        found = {c.claims for c in reconcile(claims).conflicts}
        assert found == {
            frozenset({"groups", "drugs", "share"}),
            frozenset({"crime", "charged", "rate"}),
        }

    @pytest.mark.parametrize("order", [1, -1], ids=["count-first", "rate-first"])
    def test_zero_denominator_conflicts_with_the_figure_dividing_by_it(self, order):
        """Zero offences and a rate per 100 offences conflict, whatever the order."""
        claims = [count("crime", CRIME, "0"), ratio("rate", CHARGED, CRIME, "0.0", 100)][::order]
        assert [c.claims for c in reconcile(claims).conflicts] == [{"crime", "rate"}]

    def test_zero_denominator_of_a_lost_figure_names_it(self):
        """A figure whose value was lost still divides by its denominator: it is named."""
        lost = ratio("lost", CHARGED, CRIME, None, 100)
        result = reconcile([count("crime", CRIME, "0"), lost])
        assert [c.claims for c in result.conflicts] == [{"crime", "lost"}]

    def test_zero_denominator_names_published_figures_before_lost_ones(self):
        """When published figures divide by the quantity, lost ones are left out."""
        claims = [
            ratio("lost", CHARGED, CRIME, None, 100),
            count("crime", CRIME, "0"),
            ratio("rate", GROUPS, CRIME, "0.0", 100),
        ]
        assert [c.claims for c in reconcile(claims).conflicts] == [{"crime", "rate"}]

    def test_impossible_change_conflicts_with_itself(self):
        """A fall of more than 100 percent needs a negative count: the figure alone is wrong."""
        result = reconcile([count("before", BEFORE, "50"), change("change", "-101")])
        assert [c.claims for c in result.conflicts] == [{"change"}]
        assert result.interval(BEFORE.id).low == 50

    def test_conflict_names_the_quantity(self):
        """A conflict says which quantity the claims disagree on."""
        result = reconcile([count("a", GROUPS, "3"), count("b", GROUPS, "4")])
        assert result.conflicts == (Conflict(frozenset({"a", "b"}), GROUPS),)
        assert "x.groups" in str(result.conflicts[0])


def _band(published: str) -> tuple[Fraction, Fraction]:
    """The half-open band [p - h, p + h) of a positive published value."""
    digits = len(published.partition(".")[2])
    half = Fraction(1, 2 * 10**digits)
    return Fraction(published) - half, Fraction(published) + half


#: Figure 4 for Hampshire: (count, rate per 100 offences).
FIGURE_4 = {
    "type-1": (17420, "14.4"),
    "type-4": (367, "0.3"),
    "out-of-court-formal": (4395, "3.6"),
    "type-2": (691, "0.6"),
    "type-3": (2938, "2.4"),
    "type-6": (766, "0.6"),
    "out-of-court-informal": (5504, "4.5"),
    "type-7": (1370, "1.1"),
    "type-8": (4134, "3.4"),
}


def _population_alone() -> tuple[int, int]:
    """Population from 56,337 ASB incidents at 29.0 per 1,000 and 62 OCGs at 32 per million."""
    asb_low, asb_high = _band("29.0")
    ocg_low, ocg_high = _band("32")
    # rate = 1,000 × incidents / population lies in [low, high): population in (n/high, n/low].
    low = max(
        math.floor(Fraction(56_337_000) / asb_high) + 1,
        math.floor(Fraction(62_000_000) / ocg_high) + 1,
    )
    high = min(
        math.floor(Fraction(56_337_000) / asb_low), math.floor(Fraction(62_000_000) / ocg_low)
    )
    return low, high


def _crime_from_rates() -> tuple[int, int]:
    """Recorded crime from the nine Figure 4 rates: 100 × count / crime in [low, high)."""
    lows, highs = [], []
    for number, rate in FIGURE_4.values():
        low, high = _band(rate)
        lows.append(math.floor(Fraction(100 * number) / high) + 1)
        highs.append(math.floor(Fraction(100 * number) / low))
    return max(lows), min(highs)


def _hampshire_by_hand() -> tuple[tuple[int, int], tuple[int, int]]:
    """Population and recorded crime after joining them by the 62.5 per 1,000 rate."""
    people_low, people_high = _population_alone()
    crime_low, crime_high = _crime_from_rates()
    rate_low, rate_high = _band("62.5")
    # 1,000 × crime / population in [62.45, 62.55).
    for _ in range(10):
        crime_low = max(crime_low, math.ceil(rate_low * people_low / 1000))
        crime_high = min(crime_high, math.ceil(rate_high * people_high / 1000) - 1)
        people_low = max(people_low, math.floor(1000 * crime_low / rate_high) + 1)
        people_high = min(people_high, math.floor(1000 * crime_high / rate_low))
    return (people_low, people_high), (crime_low, crime_high)


@pytest.fixture(scope="module")
def hampshire():
    return reconcile(claims_of(datasets.load("hampshire-2015")).values())


class TestHampshire:
    def test_no_conflicts(self, hampshire):
        """The published report is consistent."""
        assert hampshire.conflicts == ()

    def test_figures_no_other_figure_touches_are_unverifiable(self):
        """A figure whose quantities no other figure or limit reads is never consistent."""
        assessment = assess(datasets.load("hampshire-2015"))
        claims = [r.claim for r in assessment.figures]
        linked = {
            q for limit in assessment.reconciliation.limits for q in (*limit.parts, limit.whole)
        }
        alone = [
            r
            for r in assessment.figures
            if not any(
                q in other.formula.quantities or q in linked
                for q in r.claim.formula.quantities
                for other in claims
                if other.id != r.id
            )
        ]
        assert len(alone) >= 8
        assert {r.status for r in alone} == {Status.UNVERIFIABLE}

    def test_drug_activity_groups_are_exactly_35(self, hampshire):
        """56 percent of 62 organised crime groups is 35 groups (34.72 to 35.03 is 35 only)."""
        interval = hampshire.interval("hampshire.ocgs-drug-activity.at-2015-06-30")
        assert (interval.low, interval.high) == (35, 35)
        assert interval.low_because == {
            "hampshire.ocgs.count",
            "hampshire.ocgs-drug-activity.percent",
        }

    def test_population_alone_by_hand(self):
        """The ASB and OCG rates alone put the population in [1,939,312, 1,946,010]."""
        assert _population_alone() == (1_939_312, 1_946_010)

    def test_recorded_crime_from_rates_by_hand(self):
        """The nine Figure 4 rates alone put recorded crime in [120,968, 121,393]."""
        assert _crime_from_rates() == (120_968, 121_393)

    def test_population(self, hampshire):
        """Hampshire's population is the hand-computed [1,939,312, 1,943,843]."""
        (expected, _) = _hampshire_by_hand()
        assert expected == (1_939_312, 1_943_843)
        assert (
            bounds(hampshire, Quantity(area=areas.get("hampshire"), measure="population"))
            == expected
        )

    def test_recorded_crime(self, hampshire):
        """Hampshire's recorded crime is the hand-computed [121,111, 121,393]."""
        (_, expected) = _hampshire_by_hand()
        assert expected == (121_111, 121_393)
        interval = hampshire.interval("hampshire.recorded-crime.12m-to-2015-06-30")
        assert (interval.low, interval.high) == expected

    def test_recorded_crime_in_2010(self, hampshire):
        """A fall of 11 percent since 2010 puts 2010's crime in [121,111/0.895, 121,393/0.885)."""
        interval = hampshire.interval("hampshire.recorded-crime.12m-to-2010-06-30")
        low = math.ceil(Fraction(121_111) / Fraction("0.895"))
        high = math.ceil(Fraction(121_393) / Fraction("0.885")) - 1
        assert (interval.low, interval.high) == (low, high) == (135_320, 137_167)

    def test_every_interval_holds_a_value(self, hampshire):
        """No interval is empty."""
        assert all(i.low <= i.high for i in hampshire.intervals)

    def test_prior_only_quantities_are_unbounded(self, hampshire):
        """Victims surveyed, behind only a satisfaction share, have no upper bound from any figure."""
        assert not hampshire.interval("hampshire.victims-surveyed.12m-to-2015-03-31").is_bounded
        # Households are bounded: burglaries are part of victim-based crime, which is bounded.
        assert hampshire.interval("hampshire.households").is_bounded
        assert hampshire.interval("hampshire.population").is_bounded


def test_only_figures_without_a_solution_are_set_aside(monkeypatch):
    """Another error while solving a component is not taken for figures that cannot all hold."""
    solved = reconciliation.Extremes

    def failing_once(_system):  # type: ignore[no-untyped-def]
        monkeypatch.setattr(reconciliation, "Extremes", solved)
        raise ValueError("not a conflict")

    monkeypatch.setattr(reconciliation, "Extremes", failing_once)
    with pytest.raises(ValueError, match=r"^not a conflict$"):
        reconcile(claims_of(datasets.load("hampshire-2015")).values())
