"""Implied ranges against enumeration, on small systems of counts, shares, rates and changes.

Each case hides whole numbers for three quantities, publishes up to four
figures of them (a sum of one or two quantities, over another or over
nothing, times 1, 100 or 1,000, less 100 for a change; exactly, or "more
than" a value below the truth) and perhaps a limit, then asks the engine,
with a ceiling of 6 on counts, for every figure's implied range. The
oracle enumerates every whole-number assignment of the quantities: the
range runs from the least to the greatest value the figure rounds to
over those that satisfy the other figures (for "more than", the greatest
value below the figure's), and its greatest end is open where a ceiling
twice as high (13) reaches further.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from claim_making import HAMPSHIRE, made, quantity
from hypothesis import example, given
from hypothesis import strategies as st

from peelmodel.analysis import reconcile
from peelmodel.analysis.scrutiny import Implied, Scrutiny
from peelmodel.arithmetic import round_half_up, unchecked_places
from peelmodel.claims import Claim, Formula
from peelmodel.limits import Limit
from peelmodel.model.figure import Basis, Qualifier

CEILING = 6
UNKNOWNS = tuple(quantity(name) for name in ("a", "b", "c"))


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[Claim], list[Limit]]:
    """Figures published from hidden whole numbers (from 1 to 6), and perhaps a limit they keep."""
    truth = dict(
        zip(UNKNOWNS, draw(st.lists(st.integers(1, CEILING), min_size=3, max_size=3)), strict=True)
    )
    claims = []
    for number in range(draw(st.integers(1, 4))):
        numerator = tuple(draw(st.lists(st.sampled_from(UNKNOWNS), min_size=1, max_size=2)))
        denominator = draw(st.none() | st.sampled_from(UNKNOWNS))
        scale = Fraction(draw(st.sampled_from([1, 100, 1000])))
        offset = Fraction(-100) if denominator is not None and draw(st.booleans()) else Fraction(0)
        if offset:
            scale = Fraction(100)
        formula = Formula(numerator=numerator, denominator=denominator, scale=scale, offset=offset)
        value = scale * sum(truth[q] for q in numerator) + offset * (
            1 if denominator is None else truth[denominator]
        )
        value /= 1 if denominator is None else truth[denominator]
        places = draw(st.integers(0, 1))
        published = round_half_up(value, places)
        qualifier = Qualifier.EXACTLY
        if draw(st.booleans()):
            qualifier = Qualifier.MORE_THAN
            step = Decimal(1).scaleb(-places)
            below = Decimal(math.ceil(value / Fraction(step)) - 1) * step
            published = (below - draw(st.integers(0, 2)) * step).quantize(step)
        basis = Basis.COUNT if denominator is None else Basis.PERCENT
        claims.append(
            made(f"f{number}", published, formula, HAMPSHIRE, basis=basis, qualifier=qualifier)
        )
    limits = []
    if draw(st.booleans()):
        part, whole = draw(st.permutations(UNKNOWNS))[:2]
        if truth[part] <= truth[whole]:
            limits.append(Limit(parts=(part,), whole=whole))
    return claims, limits


def _value(claim: Claim, point: dict) -> Fraction | None:
    formula = claim.formula
    total = Fraction(sum(point[q] for q in formula.numerator))
    if formula.denominator is not None:
        if point[formula.denominator] == 0:
            return None
        total /= point[formula.denominator]
    return formula.scale * total + formula.offset


def _points(claims: Sequence[Claim], limits: Sequence[Limit], ceiling: int):
    """Every assignment within *ceiling* that keeps *claims* and *limits*; divisors at least 1."""
    divisors = {
        claim.formula.denominator for claim in claims if claim.formula.denominator is not None
    }
    for values in itertools.product(range(ceiling + 1), repeat=len(UNKNOWNS)):
        point = dict(zip(UNKNOWNS, values, strict=True))
        if any(point[q] == 0 for q in divisors):
            continue
        if any(sum(point[p] for p in limit.parts) > point[limit.whole] for limit in limits):
            continue
        yield point


def _published(claim: Claim, value: Fraction) -> Decimal:
    """The greatest value *claim* can be published with: rounded, or the greatest step below."""
    assert claim.published is not None
    places = unchecked_places(claim.published)
    if claim.qualifier is Qualifier.MORE_THAN:
        step = Decimal(1).scaleb(-places)
        return Decimal(math.ceil(value / Fraction(step)) - 1) * step
    return round_half_up(value, places)


def oracle(claims: Sequence[Claim], limits: Sequence[Limit]) -> dict[str, Implied]:
    """Every figure's implied range, by enumeration."""
    published: dict[int, dict[str, list[Fraction]]] = {}
    for ceiling in (CEILING, 2 * CEILING + 1):
        found: dict[str, list[Fraction]] = {claim.id: [] for claim in claims}
        for point in _points(claims, limits, ceiling):
            values = [_value(claim, point) for claim in claims]
            holding = [
                value is not None and value in claim.band  # type: ignore[operator]
                for claim, value in zip(claims, values, strict=True)
            ]
            failing = holding.count(False)
            for claim, value, holds in zip(claims, values, holding, strict=True):
                if value is not None and failing == (0 if holds else 1):
                    found[claim.id].append(value)
        published[ceiling] = found
    return {
        claim.id: _range(claim, published[CEILING][claim.id], published[2 * CEILING + 1][claim.id])
        for claim in claims
    }


def _range(claim: Claim, within: list[Fraction], wider: list[Fraction]) -> Implied:
    """The published values of the values *within* the ceiling, open above where *wider* go further.

    Rounding never reverses an order, so the ends are those of the least and greatest values.
    """
    low = None if claim.qualifier is Qualifier.MORE_THAN else _published(claim, min(within))
    high, further = _published(claim, max(within)), _published(claim, max(wider))
    return Implied(low, None if further > high else high)


def domain_oracle(claims: Sequence[Claim], limits: Sequence[Limit]) -> dict[str, Implied]:
    """Every figure's domain by enumeration: the limits alone, each divisor of *claims* at least 1."""
    published: list[dict[str, list[Fraction]]] = []
    for ceiling in (CEILING, 2 * CEILING + 1):
        found: dict[str, list[Fraction]] = {claim.id: [] for claim in claims}
        for point in _points(claims, limits, ceiling):
            for claim in claims:
                value = _value(claim, point)
                if value is not None:
                    found[claim.id].append(value)
        published.append(found)
    return {
        claim.id: _range(claim, published[0][claim.id], published[1][claim.id]) for claim in claims
    }


def _figure(
    claim_id: str,
    published: str,
    numerator: tuple[int, ...],
    denominator: int | None = None,
    *,
    offset: int = 0,
) -> Claim:
    """A figure of the unknowns numbered: a count, or a percentage plus *offset* where it divides."""
    formula = Formula(
        numerator=tuple(UNKNOWNS[n] for n in numerator),
        denominator=None if denominator is None else UNKNOWNS[denominator],
        scale=Fraction(1 if denominator is None else 100),
        offset=Fraction(offset),
    )
    return made(claim_id, Decimal(published), formula, HAMPSHIRE)


A, B, C = UNKNOWNS


@given(cases())
# 4 of 2 is 200 percent: the limit keeps a within c, not within b, so nothing caps a ÷ b at 1.
@example(([_figure("f0", "4", (0,)), _figure("f1", "200", (0,), 1)], [Limit(parts=(A,), whole=C)]))
# (3 + 3) ÷ 3 is 200 percent: a within b caps a ÷ b at 1, but not a sum of a with itself.
@example(
    ([_figure("f0", "3", (0,)), _figure("f1", "200", (0, 0), 1)], [Limit(parts=(A,), whole=B)])
)
# a + b = 5, a + c = 3 and a within b: a is at most 2, one below what propagation leaves (3).
@example(
    (
        [_figure("f0", "1", (0,)), _figure("f1", "5", (0, 1)), _figure("f2", "3", (0, 2))],
        [Limit(parts=(A,), whole=B)],
    )
)
# a + b = 5 and a within b: a is at most 2, where propagation leaves 5. c is in no other
# figure, so the greatest a ÷ c, 200 percent, is searched for as the greatest a over c = 1.
@example(([_figure("f0", "5", (0, 1)), _figure("f1", "50", (0,), 2)], [Limit(parts=(A,), whole=B)]))
# As above, but a is a quarter of c, so c = 4 and a = 1: the greatest a the reconciliation
# found is 1, and the search for the greatest change from c to a goes up from there to 2.
@example(
    (
        [_figure("f0", "5", (0, 1)), _figure("f1", "-75", (0,), 2, offset=-100)],
        [Limit(parts=(A,), whole=B)],
    )
)
# The same over a sum: (a + b) ÷ c is greatest at c = 1, searched for from a solution of
# every figure, as no one quantity's greatest value is at hand.
@example(([_figure("f0", "5", (0, 1)), _figure("f1", "250", (0, 1), 2)], []))
# An offset above 0: 100 + 2 ÷ b percent, from 133 (b = 6) to 300 (b = 1).
@example(([_figure("f0", "2", (0,)), _figure("f1", "150", (0,), 1, offset=100)], []))
def test_implied_ranges_are_those_enumerated(case):
    claims, limits = case
    result = reconcile(claims, limits=limits, ceiling=CEILING)
    assert not result.set_aside
    scrutiny = Scrutiny(result)
    expected = oracle(claims, limits)
    for claim in claims:
        assert scrutiny.implied(claim) == expected[claim.id], claim.id


@given(cases())
def test_statuses_asked_first_are_those_enumerated(case):
    """A figure is checked exactly where its implied range is narrower than its domain.

    Each asked first of a scrutiny of its own, so that no range found for
    another figure, nor the value caught, answers it.
    """
    claims, limits = case
    result = reconcile(claims, limits=limits, ceiling=CEILING)
    implied, domains = oracle(claims, limits), domain_oracle(claims, limits)
    for claim in claims:
        checked = implied[claim.id] != domains[claim.id]
        assert Scrutiny(result).is_checked(claim) == checked, claim.id
