"""What the other figures of a report allow each figure to be: its implied range.

A figure's *implied* range is every value it could have been published with,
at its own precision, that the other kept figures of the report allow: from
the least to the greatest value, rounded half up, that its formula takes over
the whole numbers satisfying them (for a "more than" figure, the greatest
value below the greatest its formula takes; any less is allowed too). Its
*domain* is the same range with no other figure, only the domain limits. A
figure is checked (*consistent*) exactly when its implied range is narrower
than its domain: some value it could have had would have been caught.

Both are exact: each end is attained by whole numbers (found by
a search over whole numbers), and an end beyond which no whole numbers
reach is shown to be one by search, never assumed.

>>> from peelmodel import datasets
>>> from peelmodel.analysis.reconciliation import reconcile
>>> from peelmodel.claims import claims_of
>>> claims = claims_of(datasets.load("hampshire-2015"))
>>> scrutiny = Scrutiny(reconcile(claims.values()))
>>> str(scrutiny.implied(claims["hampshire.ocgs.count"]))
'62 to 63'
>>> scrutiny.caught(claims["hampshire.ocgs.count"])
Decimal('64')
>>> share = claims["hampshire.ocgs-drug-activity.percent"]
>>> str(scrutiny.implied(share)), str(scrutiny.domain(share)), scrutiny.is_checked(share)
('0 to 100', '0 to 100', False)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from peelmodel._typecheck import checked
from peelmodel.analysis._components import Component
from peelmodel.analysis._propagation import Rule, System, holds, ratio_band
from peelmodel.analysis._search import Solution, improve, root, solve
from peelmodel.analysis._shapes import around
from peelmodel.analysis.reconciliation import Reconciliation
from peelmodel.arithmetic import Band, places, round_half_up, unchecked_round_half_up
from peelmodel.arithmetic import unchecked_band as band
from peelmodel.claims import Claim, Quantity
from peelmodel.model.figure import Qualifier

__all__ = ["Implied", "Scrutiny", "caught_value"]


@attrs.frozen
class Implied:
    """A range of published values, at one precision: ``None`` for an end nothing bounds.

    >>> str(Implied(Decimal("1.5"), None)), Decimal(2) in Implied(Decimal("1.5"), None)
    ('1.5 to unbounded', True)
    """

    low: Decimal | None
    high: Decimal | None

    def as_strings(self) -> dict[str, str | None]:
        """The two ends as JSON gives them: strings, ``None`` for an open end.

        >>> Implied(Decimal("0.5"), None).as_strings()
        {'low': '0.5', 'high': None}
        """
        return {
            "low": None if self.low is None else str(self.low),
            "high": None if self.high is None else str(self.high),
        }

    def __contains__(self, value: Decimal) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)

    def __str__(self) -> str:
        low = "unbounded" if self.low is None else str(self.low)
        return f"{low} to {'unbounded' if self.high is None else self.high}"


class Scrutiny:
    """The implied range and domain of each figure of one reconciliation, found on first use and kept."""

    def __init__(self, reconciliation: Reconciliation) -> None:
        self._reconciliation = reconciliation
        self._implied: dict[str, Implied] = {}
        self._domain: dict[str, Implied] = {}
        self._caught: dict[str, Decimal | None] = {}
        self._queries: dict[str, _Query] = {}
        self._shapes: dict[Hashable, Implied] = {}

    def implied(self, claim: Claim) -> Implied:
        """What the kept figures other than *claim* allow its published value to be."""
        if claim.id not in self._implied:
            self._implied[claim.id] = _range(claim, lambda: self._query(claim))
        return self._implied[claim.id]

    def domain(self, claim: Claim) -> Implied:
        """What the domain limits alone allow *claim*'s published value to be."""
        if claim.id not in self._domain:
            linked, shape = around(claim, self._linked(claim)[0])
            if shape not in self._shapes:
                ceiling = self._reconciliation.ceiling
                seed = self._reconciliation._base_of(linked.quantities)
                system = linked.system([], ceiling)
                query = lambda: _Query(claim, linked, [], system, seed)  # noqa: E731 - made if needed
                self._shapes[shape] = _range(claim, query, limits_only=True)
            self._domain[claim.id] = self._shapes[shape]
        return self._domain[claim.id]

    def is_checked(self, claim: Claim) -> bool:
        """Whether the other figures rule out some value the domain allows *claim*.

        That is, whether its implied range is narrower than its domain at
        either end (a value inside the range that no whole numbers give, a
        *hole*, does not count).
        """
        if claim.id in self._caught:
            return self._caught[claim.id] is not None
        if self._outside_domain(claim):
            return True
        return self.caught(claim) is not None

    def caught(self, claim: Claim) -> Decimal | None:
        """The nearest value the domain allows *claim* that the other figures rule out, if any.

        One step above the implied range where the range ends below the
        domain, else one step below it where it starts above the domain.
        """
        if claim.id not in self._caught:
            self._caught[claim.id] = self._find_caught(claim)
        return self._caught[claim.id]

    def _find_caught(self, claim: Claim) -> Decimal | None:
        implied, domain = self.implied(claim), self.domain(claim)
        assert claim.published is not None  # noqa: S101 - only published figures are scrutinised
        step = Decimal(1).scaleb(-places(claim.published))
        if implied.high is not None and (domain.high is None or implied.high < domain.high):
            return implied.high + step
        if implied.low is not None and domain.low is not None and implied.low > domain.low:
            return implied.low - step
        return None

    def _outside_domain(self, claim: Claim) -> bool:
        """Whether the bounds of the others alone already keep *claim* above its domain's low end.

        (Not its high end: a greatest value that moves with the ceiling on
        counts is no end at all, however far below the domain's it lies.)
        """
        formula = claim.formula
        if formula.scale == 0 or not formula.quantities or claim.qualifier is Qualifier.MORE_THAN:
            return False
        domain = self.domain(claim)
        query = self._query(claim)
        low = query.value_bounds()[0]
        return domain.low is not None and query.steps(low) > query.steps(Fraction(domain.low))

    def _query(self, claim: Claim) -> _Query:
        """The searches over the kept figures linked to *claim*, but *claim* itself."""
        if claim.id not in self._queries:
            component, others = self._linked(claim)
            ceiling = self._reconciliation.ceiling
            seed = self._reconciliation._base_of(component.quantities)
            system = component.system(others, ceiling)
            self._queries[claim.id] = _Query(claim, component, others, system, seed)
        return self._queries[claim.id]

    def _linked(self, claim: Claim) -> tuple[Component, list[Claim]]:
        """The components of *claim*'s quantities, merged, and their kept figures but *claim*."""
        quantities: dict[Quantity, None] = {}
        claims: dict[str, Claim] = {}
        limits: dict[str, object] = {}
        positive: set[Quantity] = set()
        for quantity in claim.formula.quantities:
            found = self._reconciliation._kept_of(quantity)
            if found is None:
                quantities[quantity] = None
                continue
            component, kept = found
            quantities.update(dict.fromkeys(component.quantities))
            claims.update((other.id, other) for other in kept if other.id != claim.id)
            limits.update((limit.id, limit) for limit in component.limits)
            positive |= component.positive
        merged = Component(list(quantities), [], list(limits.values()), positive)  # type: ignore[arg-type]
        return merged, sorted(claims.values(), key=lambda other: other.id)


@checked
def caught_value(claim: Claim, reconciliation: Reconciliation) -> Decimal | None:
    """A value *claim* could have been published with that the other kept figures rule out."""
    if claim.published is None:
        return None
    return Scrutiny(reconciliation).caught(claim)


def _range(claim: Claim, query: Callable[[], _Query], *, limits_only: bool = False) -> Implied:
    """The published values of *claim* that the figures of the *query* allow, exactly.

    Under the limits alone, twice any solution is a solution with the
    ceiling twice as high (limits compare sums, and doubling keeps a count
    at least 1), so a growing sum of counts is unbounded without a search.
    """
    assert claim.published is not None  # noqa: S101 - only published figures have a precision
    digits = places(claim.published)
    formula = claim.formula
    if formula.scale == 0 or not formula.quantities:
        value = round_half_up(formula.offset, digits)
        return Implied(value, value)
    found = query()
    above = claim.qualifier is Qualifier.MORE_THAN
    low = None if above else found.least()
    if limits_only and formula.denominator is None and formula.scale > 0:
        return Implied(low, None)
    return Implied(low, found.greatest_bounded(above=above))


class _Query:
    """Searches for the values of one figure's formula over a system, at the figure's precision."""

    def __init__(
        self,
        claim: Claim,
        component: Component,
        others: Sequence[Claim],
        system: System,
        seed: Solution | None = None,
    ) -> None:
        self.claim, self.component, self.others = claim, component, others
        formula = claim.formula
        number = component.number
        self.numerator = tuple(number[q] for q in formula.numerator)
        self.denominator = -1 if formula.denominator is None else number[formula.denominator]
        assert claim.published is not None  # noqa: S101 - only published figures have a precision
        self.digits = places(claim.published)
        self.step = Fraction(1, 10**self.digits)
        self.system = system
        self.slot = _add_slot(system, self._rule(_ANY))
        bounds = root(system)
        assert bounds is not None  # noqa: S101 - kept figures hold together
        self.bounds = bounds
        if seed is None or not all(holds(rule, seed) for rule in system.rules):
            seed = solve(system, None, bounds, ())
        assert seed is not None  # noqa: S101 - kept figures hold together
        self.seed = seed
        self._wider: tuple[System, tuple[list[int], list[int]]] | None = None
        #: Whether a domain limit keeps the numerator within the denominator: a share.
        self.within_whole = len(set(formula.numerator)) == len(formula.numerator) and any(
            limit.whole == formula.denominator and set(formula.numerator) <= set(limit.parts)
            for limit in component.limits
        )

    def _rule(self, ratio: Band) -> Rule:
        return Rule(
            "",
            self.numerator,
            self.denominator,
            ratio.low,
            ratio.low_open,
            ratio.high,
            ratio.high_open,
        )

    def _with(self, value: Band, *, wider: bool = False) -> Solution | None:
        """A solution whose formula value lies in *value*, or ``None``.

        With *wider*, a solution under the ceiling on counts twice as high.
        """
        target, bounds = self._wider_system() if wider else (self.system, self.bounds)
        formula = self.claim.formula
        ratio = ratio_band(value, formula.scale, formula.offset)
        assert ratio is not None  # noqa: S101 - the scale is not 0
        target.rules[self.slot] = self._rule(ratio)
        # Lean the formula towards the far end of the band: the solution goes further.
        up = (value.low is not None and value.high is None) == (formula.scale > 0)
        lean = dict.fromkeys(self.numerator, up)
        if self.denominator >= 0:
            lean[self.denominator] = not up
        found = solve(target, None, bounds, target.rules[self.slot].unknowns, lean)
        target.rules[self.slot] = self._rule(_ANY)
        return found

    def _wider_system(self) -> tuple[System, tuple[list[int], list[int]]]:
        """The system under the ceiling on counts twice as high, and its propagated bounds."""
        if self._wider is None:
            wider = self.component.system(self.others, 2 * self.system.ceiling + 1)
            _add_slot(wider, self._rule(_ANY))
            bounds = root(wider)
            assert bounds is not None  # noqa: S101 - a higher ceiling only adds solutions
            self._wider = wider, bounds
        return self._wider

    def _value_of(self, solution: Solution) -> Fraction:
        formula = self.claim.formula
        total = Fraction(sum(solution[u] for u in self.numerator))
        if self.denominator >= 0:
            total /= solution[self.denominator]
        return formula.scale * total + formula.offset

    def steps(self, value: Fraction) -> int:
        """*value* rounded half up at the figure's precision, in steps."""
        return int(unchecked_round_half_up(value / self.step, 0))

    def _decimal(self, steps: int) -> Decimal:
        return unchecked_round_half_up(steps * self.step, self.digits)

    def least(self) -> Decimal:
        """The least published value some solution rounds to."""
        start = self.steps(self.value_bounds()[0])

        def at_most(steps: int) -> Solution | None:
            end = band(self._decimal(steps))
            return self._with(Band(None, end.high, high_open=end.high_open))

        if at_most(start) is not None:  # propagation's bound is attained
            return self._decimal(start)
        mine = self.steps(self._value_of(self.seed))
        found = improve(
            lambda score: at_most(-score),
            lambda solution: -self.steps(self._value_of(solution)),
            (-mine, self.seed),
            -start - 1,
        )
        return self._decimal(-found[0])

    def greatest_bounded(self, *, above: bool) -> Decimal | None:
        """The greatest published value, or ``None`` where only the ceiling on counts bounds it.

        That is where it moves with the ceiling (it is greater with a ceiling
        twice as high).
        """
        top = self.steps(self.value_bounds()[1]) + 1
        if self.reaches_past(top, above=above):
            return None
        steps = self._greatest(above=above)
        if self.reaches_past(steps, above=above):
            return None
        return self._decimal(steps)

    def _greatest(self, *, above: bool) -> int:
        """The greatest value, in steps, some solution rounds to (or is more than)."""
        top = self.steps(self.value_bounds()[1])

        def beyond(steps: int) -> Solution | None:
            return self._with(self._beyond(steps, above=above))

        def score(solution: Solution) -> int:
            value = self._value_of(solution)
            # Above: the greatest multiple of the step below the value.
            return math.ceil(value / self.step) - 1 if above else self.steps(value)

        if beyond(top) is not None:  # propagation's bound is attained
            return top
        return improve(beyond, score, (score(self.seed), self.seed), top - 1)[0]

    def _beyond(self, steps: int, *, above: bool) -> Band:
        """The formula values that round to at least (or, *above*, are more than) *steps*."""
        value = self._decimal(steps)
        if above:
            return Band(Fraction(value), None, low_open=True)
        end = band(value)
        return Band(end.low, None, low_open=end.low_open)

    def reaches_past(self, steps: int, *, above: bool) -> bool:
        """Whether, with the ceiling on counts twice as high, the formula goes past *steps*."""
        return self._with(self._beyond(steps + 1, above=above), wider=True) is not None

    def value_bounds(self) -> tuple[Fraction, Fraction]:
        """Bounds of the formula's value over the propagated bounds of the unknowns."""
        low, high = self.bounds
        formula = self.claim.formula
        least_sum = Fraction(sum(low[u] for u in self.numerator))
        most_sum = Fraction(sum(high[u] for u in self.numerator))
        if self.denominator >= 0:
            least_sum /= max(high[self.denominator], 1)
            most_sum /= max(low[self.denominator], 1)
            if self.within_whole:
                most_sum = min(most_sum, Fraction(1))
        ends = sorted(
            (formula.scale * least_sum + formula.offset, formula.scale * most_sum + formula.offset)
        )
        return ends[0], ends[1]


#: A band every value is in.
_ANY = Band(None, None)


def _add_slot(system: System, rule: Rule) -> int:
    """Add *rule* to *system* as its last rule, with its users; its index."""
    slot = len(system.rules)
    system.rules.append(rule)
    for unknown in dict.fromkeys(rule.unknowns):
        system.users[unknown].append(slot)
    return slot
