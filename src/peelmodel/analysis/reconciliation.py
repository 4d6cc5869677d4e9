"""Reason backwards from rounded figures to the numbers a report leaves out.

Every published figure is a constraint: its formula, rounded half up to the
published precision, equals the published value. Every quantity is a whole
number (a count, a population), at least 0, at least 1 where a figure
divides by it, and at most a ceiling (10¹², the largest count the model
accepts: a prior, not a fact; an end that moves with the ceiling is reported
as unbounded). Domain limits hold too: parts add up to no more than their whole.

:func:`reconcile` is exact. When the figures cannot all hold, it sets aside
the fewest figures that lets the rest hold (ties: the set that keeps the
smallest id where two differ; the methodology page states the rule), and
names for each the smallest sets of kept figures it conflicts with. Over the
kept figures, each quantity's interval runs from the least to the greatest
value some whole numbers satisfying every kept figure give it, and each end
comes with those numbers: a *witness*.

>>> from peelmodel import datasets
>>> from peelmodel.claims import claims_of
>>> result = reconcile(claims_of(datasets.load("hampshire-2015")).values())
>>> result.conflicts
()
>>> drugs = result.interval("hampshire.ocgs-drug-activity.at-2015-06-30")
>>> drugs.low, drugs.high, drugs.witness_low["hampshire.ocgs.at-2015-06-30"]
(35, 35, 62)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import attrs

from peelmodel import _html
from peelmodel._typecheck import checked
from peelmodel._validators import MAX_COUNT
from peelmodel.analysis._blame import conflicts_of, impossible_limits, set_aside
from peelmodel.analysis._components import Component, components_of
from peelmodel.analysis._extremes import Extremes, UnsolvableError
from peelmodel.analysis._intervals import Interval, intervals_of
from peelmodel.analysis._propagation import INFEASIBLE, propagate
from peelmodel.analysis._rules import by_id, dividers_of, solvable_ratio
from peelmodel.analysis._search import solve
from peelmodel.arithmetic import unchecked_affine_range
from peelmodel.claims import Claim, Quantity
from peelmodel.errors import UnknownReferenceError
from peelmodel.limits import Limit, limits_of

__all__ = ["Conflict", "Interval", "Reconciliation", "holds_together", "reconcile"]


@attrs.frozen
class Conflict:
    """Claims that no values of the quantities can satisfy together.

    ``limits`` names the domain limits the disagreement also rests on. Where
    it rests on a quantity being at least 1 because figures divide by it,
    those figures are named too.
    """

    claims: frozenset[str]
    quantity: Quantity
    limits: frozenset[str] = frozenset()

    def __str__(self) -> str:
        text = (
            f"{', '.join(sorted(self.claims))} cannot all hold (they disagree on {self.quantity.id}"
        )
        if self.limits:
            text += f", given {'; '.join(sorted(self.limits))}"
        return text + ")"

    def __repr__(self) -> str:
        limits = f", {len(self.limits)} limits" if self.limits else ""
        return f"<Conflict on {self.quantity.id}: {len(self.claims)} claims{limits}>"

    def _repr_html_(self) -> str:
        """The claims that disagree, and on what, for notebooks."""
        row = (", ".join(sorted(self.claims)), self.quantity.id, "; ".join(sorted(self.limits)))
        return _html.table(("claims", "quantity", "limits"), [row])


@attrs.frozen
class Reconciliation:
    """The result of :func:`reconcile`: intervals of every quantity, conflicts, figures set aside.

    ``set_aside`` holds the ids of the figures blamed: the rest hold together.
    """

    intervals: tuple[Interval, ...]
    conflicts: tuple[Conflict, ...]
    limits: tuple[Limit, ...] = ()
    set_aside: frozenset[str] = frozenset()
    ceiling: int = MAX_COUNT
    _by_quantity: dict[Quantity, Interval] = attrs.field(init=False, eq=False, repr=False)
    _components: dict[Quantity, tuple[Component, tuple[Claim, ...]]] = attrs.field(
        init=False, eq=False, repr=False, factory=dict
    )
    _bases: dict[str, int] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        index = {interval.quantity: interval for interval in self.intervals}
        object.__setattr__(self, "_by_quantity", index)

    def interval_of(self, quantity: Quantity) -> Interval:
        """The interval of *quantity*."""
        try:
            return self._by_quantity[quantity]
        except KeyError:
            raise UnknownReferenceError(
                "quantity", quantity.id, (q.id for q in self._by_quantity)
            ) from None

    def interval(self, quantity_id: str) -> Interval:
        """The interval of the quantity with this id."""
        for quantity, interval in self._by_quantity.items():
            if quantity.id == quantity_id:
                return interval
        raise UnknownReferenceError("quantity", quantity_id, (q.id for q in self._by_quantity))

    def _kept_of(self, quantity: Quantity) -> tuple[Component, tuple[Claim, ...]] | None:
        """The component of *quantity* and its kept figures (``None``: not reconciled here)."""
        return self._components.get(quantity)

    def _base_of(self, ids: Sequence[str]) -> list[int] | None:
        """Values of the quantities with *ids* that satisfy every kept figure (``None``: one not reconciled)."""
        try:
            return [self._bases[name] for name in ids]
        except KeyError:
            return None

    def admits(self, claim: Claim) -> bool:
        """Whether one more published *claim* holds together with the kept figures, exactly.

        >>> from decimal import Decimal
        >>> from peelmodel import datasets
        >>> from peelmodel.claims import claims_of
        >>> claims = claims_of(datasets.load("hampshire-2015"))
        >>> again = attrs.evolve(claims["hampshire.ocgs.count"], id="again", published=Decimal(63))
        >>> reconcile(claims.values()).admits(again)
        False
        """
        if claim.published is None:
            return True
        everything: list[Claim] = [claim]
        for quantity in claim.formula.quantities:
            found = self._components.get(quantity)
            if found is not None:
                everything += [other for other in found[1] if other not in everything]
        return holds_together(
            everything, self.limits, ceiling=self.ceiling, divided=self._divided()
        )

    def _divided(self) -> set[Quantity]:
        return {q for component, _ in self._components.values() for q in component.positive}

    def conflicting(self, claim_id: str) -> frozenset[str]:
        """The claims that conflict with *claim_id* (empty when it is in no conflict).

        A claim that no whole numbers can satisfy on its own (a fall of more
        than 100 percent) conflicts with itself.

        >>> from decimal import Decimal
        >>> from peelmodel import datasets
        >>> from peelmodel.claims import claims_of
        >>> claims = claims_of(datasets.load("hampshire-2015"))
        >>> change = claims["hampshire.asb-incidents.change-on-previous-year"]
        >>> reconcile([attrs.evolve(change, published=Decimal(-101))]).conflicting(change.id)
        frozenset({'hampshire.asb-incidents.change-on-previous-year'})
        """
        found: set[str] = set()
        for conflict in self.conflicts:
            if claim_id in conflict.claims:
                found |= conflict.claims
        if found != {claim_id}:
            found.discard(claim_id)
        return frozenset(found)

    def range_of(self, claim: Claim) -> tuple[Fraction, Fraction]:
        """Bounds of the exact values the claim's formula can take over the intervals.

        Every quantity ranges over its interval on its own; a denominator is
        taken to be at least 1, since a figure that divides by it is defined.

        >>> from peelmodel import datasets
        >>> from peelmodel.claims import claims_of
        >>> claims = claims_of(datasets.load("hampshire-2015"))
        >>> share = claims["hampshire.ocgs-drug-activity.percent"]
        >>> [str(value) for value in reconcile(claims.values()).range_of(share)]
        ['1750/31', '1750/31']
        """
        interval = self.interval_of
        formula = claim.formula
        least = most = 0
        for quantity in formula.numerator:
            found = interval(quantity)
            least += found.low
            most += found.high
        least_of = most_of = 1  # what the sums are divided by
        if formula.denominator is not None:
            denominator = interval(formula.denominator)
            least_of, most_of = max(denominator.high, 1), max(denominator.low, 1)
        return unchecked_affine_range(
            formula.scale, formula.offset, (least, least_of), (most, most_of)
        )

    def __repr__(self) -> str:
        exact = sum(interval.is_exact for interval in self.intervals)
        unbounded = sum(not interval.is_bounded for interval in self.intervals)
        return (
            f"<Reconciliation: {len(self.intervals)} quantities ({exact} exact, "
            f"{unbounded} unbounded), {len(self.conflicts)} conflicts, {len(self.limits)} limits>"
        )

    def _repr_html_(self) -> str:
        """Every inferred quantity and every conflict, for notebooks."""
        intervals = _html.table(
            ("quantity", "low", "high", "exact"),
            [
                (
                    i.quantity.id,
                    i.low,
                    i.high if i.is_bounded else None,
                    "yes" if i.is_exact else "",
                )
                for i in self.intervals
            ],
            caption="Inferred quantities (no high: unbounded)",
        )
        conflicts = _html.table(
            ("claims", "quantity", "limits"),
            [
                (", ".join(sorted(c.claims)), c.quantity.id, "; ".join(sorted(c.limits)))
                for c in self.conflicts
            ],
            caption="Conflicts",
        )
        return _html.block(repr(self)[1:-1], intervals, conflicts if self.conflicts else "")


@checked
def holds_together(
    claims: Iterable[Claim],
    limits: Iterable[Limit],
    *,
    ceiling: int = MAX_COUNT,
    divided: Iterable[Quantity] = (),
) -> bool:
    """Whether some whole numbers satisfy every published claim of *claims* and the *limits*.

    Exact: the quick question :func:`reconcile` answers in full. *divided*
    names more quantities that are at least 1.
    """
    everything = sorted(claims, key=by_id)
    if any(c.published is not None and solvable_ratio(c) is None for c in everything):
        return False
    if any(not _constant_holds(claim) for claim in everything):
        return False
    rules = tuple(limits)
    extra = set(divided)
    for component in components_of(everything, rules):
        component.positive |= extra & set(component.quantities)
        if component.solution(component.claims, ceiling) is None:
            return False
    return True


def _constant_holds(claim: Claim) -> bool:
    """Whether a published claim over no quantity (an empty group) holds: its sum is 0."""
    if claim.published is None or claim.formula.quantities:
        return True
    ratio = solvable_ratio(claim)
    return ratio is not None and 0 in ratio


@checked
def reconcile(
    claims: Iterable[Claim], *, limits: Iterable[Limit] | None = None, ceiling: int = MAX_COUNT
) -> Reconciliation:
    """Infer the exact interval of every quantity, and find the figures that cannot all hold.

    *limits* are the domain limits to respect (by default :func:`~peelmodel.limits.limits_of`
    the claims); *ceiling* the largest value of a quantity. Claims without a
    published value take no part, but their quantities are reported too, and
    their denominators are at least 1. The answer depends only on the claims,
    never on their order.
    """
    everything = sorted(claims, key=by_id)
    rules = tuple(limits_of(everything) if limits is None else sorted(limits, key=by_id))
    dividers = dividers_of(everything)
    conflicts: list[Conflict] = []
    blamed: set[str] = set()
    for claim in everything:
        if claim.published is None:
            continue
        if solvable_ratio(claim) is None or not _constant_holds(claim):
            quantities = claim.formula.quantities
            quantity = quantities[0] if quantities else _empty_group(claim)
            conflicts.append(Conflict(frozenset({claim.id}), quantity))
            blamed.add(claim.id)
    parts = components_of(everything, rules)
    result = Reconciliation((), (), rules, frozenset(), ceiling)
    intervals: list[Interval] = []
    bases: dict[str, int] = {}
    found: list[tuple[Component, tuple[Claim, ...], Extremes]] = []
    for component in parts:
        kept = tuple(component.claims)
        try:  # figures that hold together are all kept
            extremes = Extremes(component.system(kept, ceiling))
        except UnsolvableError:
            if component.solution([], ceiling) is None:  # no figure to blame: the limits fail
                raise impossible_limits(component, ceiling) from None
            wrong = set_aside(component, ceiling)
            kept = tuple(claim for claim in component.claims if claim not in wrong)
            for claim in wrong:
                blamed.add(claim.id)
                conflicts.extend(
                    _conflict(component, members, dividers, ceiling)
                    for members in conflicts_of(component, kept, claim, ceiling)
                )
            extremes = Extremes(component.system(kept, ceiling))
        bases.update(zip(component.ids, extremes.base, strict=True))
        found.append((component, kept, extremes))
        for quantity in component.quantities:
            result._components[quantity] = (component, kept)
    for component, kept, extremes in found:
        intervals += intervals_of(component, kept, extremes, bases, ceiling)
    unique = {(tuple(sorted(c.claims)), c.quantity.id): c for c in conflicts}
    named = tuple(unique[key] for key in sorted(unique))
    intervals.sort(key=lambda interval: interval.quantity.id)
    final = attrs.evolve(
        result, intervals=tuple(intervals), conflicts=named, set_aside=frozenset(blamed)
    )
    object.__setattr__(final, "_components", result._components)
    object.__setattr__(final, "_bases", bases)
    return final


def _empty_group(claim: Claim) -> Quantity:
    """The quantity a claim over no quantity is about: its measure in its area and period."""
    return Quantity(area=claim.area, measure=claim.measure, period=claim.period)


def _conflict(
    component: Component,
    members: Sequence[Claim],
    dividers: Mapping[Quantity, frozenset[str]],
    ceiling: int,
) -> Conflict:
    """A conflict over *members*, naming the limits and the dividers it rests on."""
    ids = {claim.id for claim in members}
    own = {claim.formula.denominator for claim in members}
    outside = sorted(component.positive - own, key=lambda q: q.id)

    def holds_without(positive: set[Quantity], limits: Sequence[Limit]) -> bool:
        probe = Component(component.quantities, [], list(limits), positive)
        return solve(probe.system(members, ceiling)) is not None

    if outside and holds_without(component.positive - set(outside), component.limits):
        for quantity in outside:
            if holds_without(component.positive - {quantity}, component.limits):
                ids |= dividers.get(quantity, frozenset())
    needed = frozenset(
        limit.id
        for limit in component.limits
        if holds_without(
            component.positive, [other for other in component.limits if other != limit]
        )
    )
    system = component.system(members, ceiling)
    low, high = list(system.low), list(system.high)
    if propagate(system, low, high, range(len(system.rules))) == INFEASIBLE:
        quantity = component.quantities[system.failed]
    else:
        quantity = members[0].formula.quantities[0]
    return Conflict(frozenset(ids), quantity, needed)
