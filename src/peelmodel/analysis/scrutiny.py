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
>>> share = claims["hampshire.ocgs-drug-activity.percent"]
>>> str(scrutiny.implied(share)), str(scrutiny.domain(share)), scrutiny.caught(share)
('0 to 100', '0 to 100', Decimal('1'))
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from peelmodel.analysis._components import Component
from peelmodel.analysis._propagation import INFEASIBLE, Rule, System, propagate, ratio_band
from peelmodel.analysis._search import Solution, least, root, solve
from peelmodel.analysis.reconciliation import Reconciliation
from peelmodel.arithmetic import Band, band, places, round_half_up
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

    def implied(self, claim: Claim) -> Implied:
        """What the kept figures other than *claim* allow its published value to be."""
        if claim.id not in self._implied:
            component, others = self._linked(claim)
            ceiling = self._reconciliation.ceiling
            self._implied[claim.id] = _range(claim, component, others, ceiling)
        return self._implied[claim.id]

    def domain(self, claim: Claim) -> Implied:
        """What the domain limits alone allow *claim*'s published value to be."""
        if claim.id not in self._domain:
            component, _ = self._linked(claim)
            self._domain[claim.id] = _range(claim, component, [], self._reconciliation.ceiling)
        return self._domain[claim.id]

    def is_checked(self, claim: Claim) -> bool:
        """Whether the other figures rule out some value the domain allows *claim*."""
        return self.caught(claim) is not None

    def caught(self, claim: Claim) -> Decimal | None:
        """The nearest value the domain allows *claim* that the other figures rule out, if any.

        Above the implied range first, then below it, then the least value
        inside it that no whole numbers give (a *hole*: 1 percent of 62).
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
        return self._hole(claim, implied)

    def _hole(self, claim: Claim, implied: Implied) -> Decimal | None:
        """The least value inside *implied* that the others rule out and the domain allows.

        Only a figure that divides by a quantity the others allow below
        ``scale ÷ step`` can have one: for a denominator at least that, its
        consecutive values are at most one step apart.
        """
        formula = claim.formula
        if formula.denominator is None or implied.low is None or implied.high is None:
            return None
        component, others = self._linked(claim)
        ceiling = self._reconciliation.ceiling
        query = _Query(claim, component, others, component.system(others, ceiling))
        steps = query.steps_of(implied.low), query.steps_of(implied.high)
        if query.bounds[0][query.denominator] * query.step >= abs(formula.scale):
            return None
        domain = _Query(claim, component, [], component.system([], ceiling))
        for value in range(steps[0] + 1, steps[1]):
            if query.rounds_to(value) is None and domain.rounds_to(value) is not None:
                return query.decimal(value)
        return None

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


def caught_value(claim: Claim, reconciliation: Reconciliation) -> Decimal | None:
    """A value *claim* could have been published with that the other kept figures rule out."""
    if claim.published is None:
        return None
    return Scrutiny(reconciliation).caught(claim)


def _range(claim: Claim, component: Component, others: Sequence[Claim], ceiling: int) -> Implied:
    """The published values of *claim* that *others* (with the limits) allow, exactly."""
    assert claim.published is not None  # noqa: S101 - only published figures have a precision
    digits = places(claim.published)
    formula = claim.formula
    if formula.scale == 0 or not formula.quantities:
        value = round_half_up(formula.offset, digits)
        return Implied(value, value)
    query = _Query(claim, component, others, component.system(others, ceiling))
    above = claim.qualifier is Qualifier.MORE_THAN
    return Implied(None if above else query.least(), query.greatest_bounded(above=above))


class _Query:
    """Searches for the values of one figure's formula over a system, at the figure's precision."""

    def __init__(
        self, claim: Claim, component: Component, others: Sequence[Claim], system: System
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
        seed = solve(system, None, bounds, ())
        assert seed is not None  # noqa: S101 - kept figures hold together
        self.seed = seed
        self._wider: System | None = None

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

    def _with(
        self,
        value: Band,
        system: System | None = None,
        bounds: tuple[list[int], list[int]] | None = None,
    ) -> Solution | None:
        """A solution whose formula value lies in *value* (within *bounds*), or ``None``."""
        target = self.system if system is None else system
        formula = self.claim.formula
        ratio = ratio_band(value, formula.scale, formula.offset)
        assert ratio is not None  # noqa: S101 - the scale is not 0
        target.rules[self.slot] = self._rule(ratio)
        if system is None:
            start = self.bounds if bounds is None else bounds
            found = solve(target, None, start, target.rules[self.slot].unknowns)
        else:
            found = solve(target)
        target.rules[self.slot] = self._rule(_ANY)
        return found

    def _value_of(self, solution: Solution) -> Fraction:
        formula = self.claim.formula
        total = Fraction(sum(solution[u] for u in self.numerator))
        if self.denominator >= 0:
            total /= solution[self.denominator]
        return formula.scale * total + formula.offset

    def _steps(self, value: Fraction) -> int:
        """*value* rounded half up at the figure's precision, in steps."""
        return int(round_half_up(value / self.step, 0))

    def _decimal(self, steps: int) -> Decimal:
        return round_half_up(steps * self.step, self.digits)

    def decimal(self, steps: int) -> Decimal:
        """The published value *steps* steps above 0."""
        return self._decimal(steps)

    def steps_of(self, value: Decimal) -> int:
        """A published value in steps."""
        return self._steps(Fraction(value))

    def rounds_to(self, steps: int) -> Solution | None:
        """A solution whose formula value rounds to *steps* steps, or ``None``."""
        return self._with(band(self._decimal(steps)))

    def least(self) -> Decimal:
        """The least published value some solution rounds to."""
        start = self._steps(self._bounds_of(self.bounds)[0])

        def at_most(steps: int) -> Solution | None:
            end = band(self._decimal(steps))
            return self._with(Band(None, end.high, high_open=end.high_open))

        mine = max(start, self._steps(self._value_of(self.seed)))
        found = least(at_most, start, (mine, self.seed))
        assert found is not None  # noqa: S101 - the seed is a solution
        return self._decimal(found[0])

    def greatest_bounded(self, *, above: bool) -> Decimal | None:
        """The greatest published value, or ``None`` where only the model's limits bound it.

        That is where it moves with the ceiling on counts (it is greater with
        a ceiling twice as high), or where only a denominator of 1 reaches it
        (the figure divides by a quantity nothing else keeps above 1).
        """
        top = self._steps(self._bounds_of(self.bounds)[1]) + 1
        if self.reaches_past(top, above=above):
            return None
        bounds = self.bounds
        if self.denominator >= 0 and bounds[0][self.denominator] < 2:
            low, high = list(bounds[0]), list(bounds[1])
            low[self.denominator] = 2
            users = self.system.users[self.denominator]
            if propagate(self.system, low, high, users) == INFEASIBLE:
                return None
            bounds = (low, high)
        steps = self._greatest(bounds, above=above)
        if steps is None or (
            bounds is not self.bounds
            and self._with(self._beyond(steps + 1, above=above)) is not None
        ):
            return None
        if self.reaches_past(steps, above=above):
            return None
        return self._decimal(steps)

    def _greatest(self, bounds: tuple[list[int], list[int]], *, above: bool) -> int | None:
        """The greatest value, in steps, some solution within *bounds* rounds to (or is more than)."""
        top = self._steps(self._bounds_of(bounds)[1]) + 1
        seed = solve(self.system, None, bounds, ())
        if seed is None:
            return None
        value = self._value_of(seed)
        # Above: the greatest multiple of the step below the seed's value.
        mine = math.ceil(value / self.step) - 1 if above else self._steps(value)
        found = least(
            lambda below_top: self._with(self._beyond(top - below_top, above=above), bounds=bounds),
            0,
            (top - mine, seed),
        )
        assert found is not None  # noqa: S101 - the seed is a solution
        return top - found[0]

    def _beyond(self, steps: int, *, above: bool) -> Band:
        """The formula values that round to at least (or, *above*, are more than) *steps*."""
        value = self._decimal(steps)
        if above:
            return Band(Fraction(value), None, low_open=True)
        end = band(value)
        return Band(end.low, None, low_open=end.low_open)

    def reaches_past(self, steps: int, *, above: bool) -> bool:
        """Whether, with the ceiling on counts twice as high, the formula goes past *steps*."""
        if self._wider is None:
            self._wider = self.component.system(self.others, 2 * self.system.ceiling + 1)
            _add_slot(self._wider, self._rule(_ANY))
        wider = self._wider
        return self._with(self._beyond(steps + 1, above=above), wider) is not None

    def _bounds_of(self, bounds: tuple[list[int], list[int]]) -> tuple[Fraction, Fraction]:
        low, high = bounds
        formula = self.claim.formula
        least_sum = Fraction(sum(low[u] for u in self.numerator))
        most_sum = Fraction(sum(high[u] for u in self.numerator))
        if self.denominator >= 0:
            least_sum /= max(high[self.denominator], 1)
            most_sum /= max(low[self.denominator], 1)
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
