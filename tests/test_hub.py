"""A hub: many rates per 1,000 of one unpublished population.

Every rate reads the population, so anything that moves it wakes every
rule. The engine answers such a report without a search over the whole
hub for each figure: the least population is found first and propagated,
one solution of the system under the doubled ceiling takes every measure
past its end, a figure's searches start from its own rule alone, and a
measure published only through its rate reaches past any value with the
ceiling doubled by construction. The answers are those the searches give.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from claim_making import HAMPSHIRE, made, percent, quantity
from counting import calls_of

from peelmodel.analysis import _extremes, _intervals, _propagation, _query
from peelmodel.analysis._query import Query
from peelmodel.analysis.reconciliation import reconcile
from peelmodel.analysis.scrutiny import Scrutiny
from peelmodel.arithmetic import round_half_up
from peelmodel.claims import Claim, Formula, claims_of
from peelmodel.model.figure import Basis, Qualifier

MORE = Qualifier.MORE_THAN

PEOPLE = quantity("population")
#: Counts of each measure, published only as rates per 1,000 of the population.
COUNTS = (1_234, 56_789, 4_321, 98_765, 11_111, 2_468, 13_579, 80_000, 5_555, 31_416)


def rates(population: int = 1_900_000) -> list[Claim]:
    """One rate per 1,000 people (one place) of each measure of :data:`COUNTS`."""
    found = []
    for number, counted in enumerate(COUNTS):
        formula = Formula(
            numerator=(quantity(f"measure-{number}"),), denominator=PEOPLE, scale=Fraction(1000)
        )
        published = round(Decimal(1000 * counted) / population, 1)
        found.append(
            made(f"r{number}", published, formula, HAMPSHIRE, basis=Basis.PER_1000_POPULATION)
        )
    return found


def _narrowings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the rule narrowings of propagation from now on (one entry each)."""
    return calls_of(monkeypatch, _propagation, "_narrow")


def _searches_under_the_doubled_ceiling(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record, for each search of a query from now on, whether it is under the doubled ceiling."""
    searched: list[bool] = []
    with_ = Query._with

    def counted(self, value, **options):  # type: ignore[no-untyped-def]
        searched.append(options.get("wider", False))
        return with_(self, value, **options)

    monkeypatch.setattr(Query, "_with", counted)
    return searched


def _searches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record each search a query makes from now on (one entry each)."""
    return calls_of(monkeypatch, _query, "solve_within")


def test_the_least_population_is_propagated_to_every_measure(monkeypatch):
    """Each measure's least is attained at the least population: no search per measure."""
    searched = calls_of(monkeypatch, _extremes, "improve")
    claims = rates()
    result = reconcile(claims)
    least = result.interval_of(PEOPLE).low
    for claim in claims:
        (counted_quantity,) = claim.formula.numerator
        interval = result.interval_of(counted_quantity)
        assert interval.witness_low is not None
        assert interval.witness_low[PEOPLE.id] == least
        # The least count whose rate, over the least population, rounds as published.
        expected = next(
            count
            for count in range(10**6)
            if round_half_up(Fraction(1000 * count, least), 1) == claim.published
        )
        assert interval.low == interval.witness_low[counted_quantity.id] == expected
    assert len(searched) <= 2


def test_one_solution_takes_every_measure_past_its_end(monkeypatch):
    """Under the doubled ceiling, one solution shows every measure unbounded."""
    asked: list[int] = []
    fixed_above = _intervals._fixed_above

    def counted(extremes, unknown, value):  # type: ignore[no-untyped-def]
        asked.append(unknown)
        return fixed_above(extremes, unknown, value)

    monkeypatch.setattr(_intervals, "_fixed_above", counted)
    result = reconcile(rates())
    assert not any(result.interval_of(quantity(f"measure-{n}")).is_bounded for n in range(10))
    assert len(asked) <= 1


def test_a_figure_s_searches_start_from_its_own_rule(monkeypatch):
    """Asking for a rate's least wakes its own rule, not every rate of the hub."""
    claims = rates()
    scrutiny = Scrutiny(reconcile(claims))
    query = scrutiny._query(claims[3])
    assert query.bounds  # the others' bounds, found on first use: not part of the search
    calls = _narrowings(monkeypatch)
    assert query.least() == Decimal("0.0")
    assert len(calls) < len(COUNTS)


@pytest.mark.parametrize("population", [1_900_000, 200_000])
def test_a_measure_published_only_through_its_rate_reaches_past_by_construction(
    monkeypatch, population
):
    """No search under the doubled ceiling: the measure at that ceiling is a solution past any end.

    From the least population known: over 200,000 people the first solution
    found has 10¹², over which no measure at the doubled ceiling goes past.
    """
    claims = rates(population)
    scrutiny = Scrutiny(reconcile(claims))
    searched = _searches_under_the_doubled_ceiling(monkeypatch)
    for claim in claims:
        assert scrutiny.implied(claim).high is None
        assert not scrutiny.is_checked(claim)
    assert not any(searched)


def test_the_answers_are_those_the_searches_give(monkeypatch):
    """With no shortcut (no free measure is stretched), every range and status is the same."""
    claims = [*rates(), made("p", Decimal(1_900_000), Formula(numerator=(PEOPLE,)), HAMPSHIRE)]
    quick = Scrutiny(reconcile(claims))
    found = [(str(quick.implied(c)), quick.is_checked(c), quick.caught(c)) for c in claims]
    monkeypatch.setattr(Query, "_stretched", lambda *_: None)
    slow = Scrutiny(reconcile(claims))
    assert found == [(str(slow.implied(c)), slow.is_checked(c), slow.caught(c)) for c in claims]


def test_a_count_published_once_reaches_past_by_construction(monkeypatch):
    """A count no other figure reads: at the doubled ceiling it is a solution past any end."""
    groups = made("n", Decimal(62), Formula(numerator=(quantity("groups"),)), HAMPSHIRE)
    scrutiny = Scrutiny(reconcile([groups]))
    searched = _searches_under_the_doubled_ceiling(monkeypatch)
    assert str(scrutiny.implied(groups)) == "0 to unbounded"
    assert not any(searched)


def test_a_least_at_a_corner_of_the_bounds_takes_no_search(monkeypatch):
    """Each rate's least, over the others or the limits alone, is at a corner: no search.

    With the corner left untried, the searches give the same ends.
    """
    claims = rates()
    scrutiny = Scrutiny(reconcile(claims))
    searched = _searches(monkeypatch)
    quick = [(scrutiny._implied_range(c).low, scrutiny._domain_range(c).low) for c in claims]
    assert not searched
    monkeypatch.setattr(Query, "_least_corner", lambda _: False)
    slow = Scrutiny(reconcile(claims))
    assert quick == [(slow._implied_range(c).low, slow._domain_range(c).low) for c in claims]
    assert searched


def test_a_greatest_the_usual_ceiling_bounds_takes_no_search_under_the_doubled_one(
    monkeypatch, report
):
    """Where the bounds under the doubled ceiling keep every count below the usual one, no search.

    The solutions under both ceilings are then the same, so the greatest
    found is bounded (Hampshire's rates per 1,000 population and its counts
    of organised crime groups); searching under the doubled ceiling anyway
    gives the same ranges.
    """
    claims = [c for c in claims_of(report).values() if c.published is not None]
    searched = _searches_under_the_doubled_ceiling(monkeypatch)
    quick = [str(s.implied(c)) for s in [Scrutiny(reconcile(claims))] for c in claims]
    quickly = searched.count(True)
    monkeypatch.setattr(Query, "_within_ceiling", lambda _: False)
    assert [str(s.implied(c)) for s in [Scrutiny(reconcile(claims))] for c in claims] == quick
    assert searched.count(True) - quickly > quickly


def test_a_least_at_the_corner_has_the_denominator_at_its_greatest(monkeypatch):
    """More than 4 of more than 50: the least share is at the least part and the greatest whole.

    Found with no search, where the corners of the part at its greatest or
    the whole at its least hold too but give more.
    """
    part, whole = quantity("part"), quantity("base")  # the whole numbered first, as 0
    claims = [
        attrs.evolve(made(name, Decimal(value), Formula(numerator=(q,)), HAMPSHIRE), qualifier=MORE)
        for name, value, q in (("n", 4, part), ("m", 50, whole))
    ]
    claims.append(percent("p", part, whole, 1))
    scrutiny = Scrutiny(reconcile(claims))
    searched = _searches(monkeypatch)
    assert scrutiny._implied_range(claims[2]).low == 0
    assert not searched
