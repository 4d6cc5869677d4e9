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

import functools
import threading
from collections.abc import Callable, Hashable, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from peelmodel._typecheck import checked
from peelmodel.analysis._components import Component, least_counts
from peelmodel.analysis._extremes import Witness
from peelmodel.analysis._leave_one_out import LeftOut
from peelmodel.analysis._propagation import System
from peelmodel.analysis._query import Query
from peelmodel.analysis._ranges import Floored, Range
from peelmodel.analysis._search import Solution
from peelmodel.analysis._shapes import around
from peelmodel.analysis.reconciliation import Reconciliation
from peelmodel.arithmetic import unchecked_places, unchecked_round_half_up
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
    """The implied range and domain of each figure of one reconciliation, found on first use and kept.

    Safe to share between threads: the searches of a component's figures
    share its systems, so one thread searches at a time.
    """

    def __init__(self, reconciliation: Reconciliation) -> None:
        self._reconciliation = reconciliation
        self._lock = threading.RLock()
        self._implied: dict[str, Range | Floored] = {}
        self._domain: dict[str, Range | Floored] = {}
        self._caught: dict[str, Decimal | None] = {}
        self._queries: dict[str, Query] = {}
        self._shapes: dict[Hashable, Range] = {}
        self._least_counts: dict[Component, dict[Quantity, int] | None] = {}
        self._shared: dict[Component, LeftOut] = {}
        self._seeds: dict[Component, Solution | None] = {}
        self._links: dict[str, tuple[Component, Sequence[Claim]]] = {}

    def implied(self, claim: Claim) -> Implied:
        """What the kept figures other than *claim* allow its published value to be."""
        with self._lock:
            found = self._implied_range(claim)
            return Implied(found.low, found.high)

    def domain(self, claim: Claim) -> Implied:
        """What the domain limits alone allow *claim*'s published value to be."""
        with self._lock:
            found = self._domain_range(claim)
            return Implied(found.low, found.high)

    def _implied_range(self, claim: Claim) -> Range | Floored:
        if claim.id not in self._implied:
            if self._alone(claim):  # no other figure: what the limits alone allow
                self._implied[claim.id] = self._domain_range(claim)
            else:
                self._implied[claim.id] = Range(claim, lambda: self._query(claim))
        return self._implied[claim.id]

    def _alone(self, claim: Claim) -> bool:
        """Whether no kept figure but *claim* itself is linked to *claim*'s quantities.

        Then its implied range is its domain: the kept figures of other
        components, which hold together, read none of the quantities linked to it.
        """
        return all(other.id == claim.id for other in self._linked(claim)[1])

    def _domain_range(self, claim: Claim) -> Range | Floored:
        if claim.id not in self._domain:
            floor = self._floor(claim)
            shape = functools.partial(self._shape_range, claim)
            self._domain[claim.id] = shape() if floor is None else Floored(floor, shape)
        return self._domain[claim.id]

    def _shape_range(self, claim: Claim) -> Range:
        """The domain of *claim*, shared by every figure of its shape (see :func:`around`)."""
        make, shape = around(claim, self._linked(claim)[0])
        if shape not in self._shapes:
            linked = make()
            ceiling = self._reconciliation.ceiling
            seed = self._reconciliation._base_of(linked.ids)
            widen = functools.partial(linked.system, [])
            query = lambda: Query(claim, linked, widen(ceiling), widen=widen, seed=seed)  # noqa: E731 - made if needed
            self._shapes[shape] = Range(claim, query, limits_only=True)
        return self._shapes[shape]

    def _floor(self, claim: Claim) -> Decimal | None:
        """The least value of *claim*'s domain, where it is at a corner of the limits.

        So it is where the formula grows with its numerator and its
        denominator (if any) is part of no limit, so that it can be at the
        ceiling: every other count at its least under the limits (see
        :meth:`_lows`) is then a solution, with the least numerator. ``None``
        elsewhere: the search finds the least.
        """
        formula = claim.formula
        if formula.scale <= 0 or not formula.quantities or claim.qualifier is Qualifier.MORE_THAN:
            return None
        component = self._linked(claim)[0]
        lows, divisor = self._lows(component), formula.denominator
        if lows is None or divisor in formula.numerator:
            return None
        least = Fraction(sum(lows[quantity] for quantity in formula.numerator))
        if divisor is not None:
            if any(divisor in limit.parts for limit in component.touching.get(divisor, ())):
                return None
            least /= self._reconciliation.ceiling
        assert claim.published is not None  # noqa: S101 - only published figures have a domain
        return unchecked_round_half_up(
            formula.scale * least + formula.offset, unchecked_places(claim.published)
        )

    def _lows(self, component: Component) -> dict[Quantity, int] | None:
        """:func:`least_counts` of *component*, found once."""
        if component not in self._least_counts:
            self._least_counts[component] = least_counts(component)
        return self._least_counts[component]

    def is_checked(self, claim: Claim) -> bool:
        """Whether the other figures rule out some value the domain allows *claim*.

        That is, whether its implied range is narrower than its domain at
        either end (a value inside the range that no whole numbers give, a
        *hole*, does not count).
        """
        with self._lock:
            if claim.id in self._caught:
                return self._caught[claim.id] is not None
            if self._alone(claim):
                return False
            if self._outside_domain(claim):
                return True
            implied, domain = self._implied_range(claim), self._domain_range(claim)
            if implied.unbounded() is False and domain.unbounded():
                return True  # caught above the range, with no search for its greatest value
            return self.caught(claim) is not None

    def caught(self, claim: Claim) -> Decimal | None:
        """The nearest value the domain allows *claim* that the other figures rule out, if any.

        One step above the implied range where the range ends below the
        domain, else one step below it where it starts above the domain.
        """
        with self._lock:
            if claim.id not in self._caught:
                self._caught[claim.id] = self._find_caught(claim)
            return self._caught[claim.id]

    def _find_caught(self, claim: Claim) -> Decimal | None:
        implied, domain = self._implied_range(claim), self._domain_range(claim)
        assert claim.published is not None  # noqa: S101 - only published figures are scrutinised
        step = Decimal(1).scaleb(-unchecked_places(claim.published))
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
        least = self._domain_range(claim).low
        if least is None:
            return False
        query = self._query(claim)
        floor = query.values.steps(Fraction(least))
        if query.left_out is None:
            return query.values.steps(query.value_bounds()[0]) > floor
        # Bounds wider than the others' own often show it already, and cost less to find.
        return any(
            bounds is not None and query.values.steps(query.value_bounds(bounds)[0]) > floor
            for bounds in query.left_out.towards(claim, self._reconciliation.ceiling)
        )

    def _query(self, claim: Claim) -> Query:
        """The searches over the kept figures linked to *claim*, but *claim* itself."""
        if claim.id not in self._queries:
            component, kept = self._linked(claim)
            ceiling = self._reconciliation.ceiling
            left_out = self._shared.get(component)
            widen: Callable[[int], System]
            if left_out is not None and claim in left_out:  # kept: its component's systems
                widen = left_out.system
            else:  # set aside, or over more than one component: a system of its own
                left_out = None
                widen = functools.partial(component.system, [c for c in kept if c.id != claim.id])
            if component not in self._seeds:
                self._seeds[component] = self._reconciliation._base_of(component.ids)
            numerator, divisor = claim.formula.numerator, claim.formula.denominator
            witness = functools.partial(self._witness, component=component)
            query = Query(
                claim,
                component,
                widen(ceiling),
                widen=widen,
                seed=self._seeds[component],
                highest=functools.partial(witness, numerator[0]) if len(numerator) == 1 else None,
                lowest=None if divisor is None else functools.partial(witness, divisor, high=False),
                left_out=left_out,
            )
            self._queries[claim.id] = query
        return self._queries[claim.id]

    def _witness(
        self, quantity: Quantity, component: Component, *, high: bool = True
    ) -> Solution | None:
        """The witness of *quantity*'s greatest (or least) value, over *component*'s quantities.

        It satisfies every kept figure, so every figure but the one asked about too.
        """
        if self._reconciliation._kept_of(quantity) is None:
            return None
        interval = self._reconciliation.interval_of(quantity)
        witness = interval.witness_high if high else interval.witness_low
        if witness is None:
            return None  # unbounded
        assert isinstance(witness, Witness)  # noqa: S101 - the reconciliation's own
        try:
            return witness.over(component.positions)
        except KeyError:  # a figure from outside, over a quantity never reconciled
            return None

    def _linked(self, claim: Claim) -> tuple[Component, Sequence[Claim]]:
        """The components of *claim*'s quantities, merged, and their kept figures (found once).

        What *claim* divides by is at least 1, even where no figure of the
        reconciliation divides by it (a figure from outside).
        """
        if claim.id not in self._links:
            self._links[claim.id] = self._link(claim)
        return self._links[claim.id]

    def _link(self, claim: Claim) -> tuple[Component, Sequence[Claim]]:
        found = [self._reconciliation._kept_of(quantity) for quantity in claim.formula.quantities]
        first = found[0] if found else None
        divisor = claim.formula.denominator
        if (
            first is not None
            and all(other is not None and other[0] is first[0] for other in found)
            and (divisor is None or divisor in first[0].positive)
        ):
            component, kept = first  # one component: its own rules, made once, and shared bounds
            if component not in self._shared:
                self._shared[component] = LeftOut(component, kept)
            return component, kept
        quantities: dict[Quantity, None] = {}
        claims: dict[str, Claim] = {}
        limits: dict[str, object] = {}
        positive: set[Quantity] = set() if divisor is None else {divisor}
        for quantity, linked in zip(claim.formula.quantities, found, strict=True):
            if linked is None:
                quantities[quantity] = None
                continue
            component, kept = linked
            quantities.update(dict.fromkeys(component.quantities))
            claims.update((other.id, other) for other in kept)
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
