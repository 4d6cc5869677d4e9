"""Reason backwards from rounded figures to the numbers a report leaves out.

Every published figure is a constraint: its formula, rounded half up to the
published precision, equals the published value. Every quantity is a whole
number (a count, a population), at least 0, at least 1 where a figure
divides by it, and at most 10¹², the largest count the model accepts (a prior, not
a fact: an end that rests on it is reported as unbounded). :func:`reconcile`
narrows the interval of each quantity, constraint by constraint, with exact
rational arithmetic and integer rounding of every bound, until nothing changes
(bounds consistency). Each bound remembers the claims it rests on, so when an
interval becomes empty the claims behind its two ends are a set of figures
that cannot all be true; a figure no whole numbers can give (a fall of more
than 100 percent) conflicts with itself alone.

It is sound: a value is only excluded when some figure rules it out, so the
true values of a consistent report always lie in the inferred intervals. It
is not complete: figures can pass bounds consistency and still have no common
solution.

>>> from peelmodel import datasets
>>> from peelmodel.claims import claims_of
>>> result = reconcile(claims_of(datasets.load("hampshire-2015")).values())
>>> result.conflicts
()
>>> drugs = result.interval("hampshire.ocgs-drug-activity.at-2015-06-30")
>>> drugs.low, drugs.high
(35, 35)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs

from peelmodel import _html
from peelmodel._typecheck import checked
from peelmodel.analysis._propagation import (
    Engine,
    Infeasible,
    Interval,
    by_id,
    dividers_of,
    exceeds_whole,
    find_infeasible,
    solvable_ratio,
)
from peelmodel.claims import Claim, Quantity
from peelmodel.errors import UnknownReferenceError
from peelmodel.limits import Limit, limits_of

__all__ = ["Conflict", "Interval", "Reconciliation", "holds_together", "reconcile"]


@attrs.frozen
class Conflict:
    """Claims that no values of the quantities can satisfy together.

    ``limits`` names the domain limits the disagreement also rests on.
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
    """The result of :func:`reconcile`: intervals of every quantity, and conflicts."""

    intervals: tuple[Interval, ...]
    conflicts: tuple[Conflict, ...]
    limits: tuple[Limit, ...] = ()
    # The engine reconcile() ran, which admits() goes on from; None when built by hand.
    _engine: Engine | None = attrs.field(default=None, init=False, eq=False, repr=False)
    _by_quantity: dict[Quantity, Interval] = attrs.field(init=False, eq=False, repr=False)

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

    def admits(self, claim: Claim) -> bool:
        """Whether one more published *claim* passes bounds consistency with the reconciled ones.

        The engine goes on from the intervals already inferred, so this costs
        a few steps rather than a whole reconciliation.

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
        if _conflict_alone(claim, _shares(self.limits)) is not None:
            return False
        if self._engine is None:  # built by hand: there is nothing to go on from
            return holds_together([claim], self.limits)
        try:
            engine, index = self._engine.with_claim(claim)
            engine.run([index])
        except Infeasible:
            return False
        return True

    def interval(self, quantity_id: str) -> Interval:
        """The interval of the quantity with this id."""
        for quantity, interval in self._by_quantity.items():
            if quantity.id == quantity_id:
                return interval
        raise UnknownReferenceError("quantity", quantity_id, (q.id for q in self._by_quantity))

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
        """The least and greatest exact values the claim's formula can take.

        Every quantity ranges over its interval; a denominator is taken to be
        at least 1, since a figure that divides by it is defined.

        >>> from peelmodel import datasets
        >>> from peelmodel.claims import claims_of
        >>> claims = claims_of(datasets.load("hampshire-2015"))
        >>> share = claims["hampshire.ocgs-drug-activity.percent"]
        >>> [str(value) for value in reconcile(claims.values()).range_of(share)]
        ['1750/31', '1750/31']
        """
        interval = self.interval_of
        formula = claim.formula
        low = Fraction(sum(interval(q).low for q in formula.numerator))
        high = Fraction(sum(interval(q).high for q in formula.numerator))
        if formula.denominator is not None:
            denominator = interval(formula.denominator)
            low, high = low / max(denominator.high, 1), high / max(denominator.low, 1)
        ends = sorted((formula.scale * low + formula.offset, formula.scale * high + formula.offset))
        return ends[0], ends[1]

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
def holds_together(claims: Iterable[Claim], limits: Iterable[Limit]) -> bool:
    """Whether the published *claims* pass bounds consistency together under *limits*.

    One pass of the engine, without naming the claims that disagree: the
    quick question :func:`reconcile` answers in full.
    """
    everything = list(claims)
    rules = tuple(limits)
    shares = _shares(rules)
    active = [claim for claim in everything if claim.published is not None]
    if any(_conflict_alone(claim, shares) is not None for claim in active):
        return False
    passive = [claim for claim in everything if claim.published is None]
    return find_infeasible(active, passive, rules) is None


def _shares(limits: Iterable[Limit]) -> dict[tuple[tuple[Quantity, ...], Quantity], str]:
    """The limits by their parts and whole, to find claims that are shares of a whole."""
    return {(limit.parts, limit.whole): limit.id for limit in limits}


def _conflict_alone(
    claim: Claim, shares: dict[tuple[tuple[Quantity, ...], Quantity], str]
) -> Conflict | None:
    """The conflict of a published claim that no whole numbers can give, if it is one.

    That is a figure no counts give at all (a fall of more than 100 percent),
    or a share of a whole said to be more than all of it.
    """
    formula = claim.formula
    ratio = solvable_ratio(claim)
    if ratio is None:
        return Conflict(frozenset({claim.id}), formula.quantities[0])
    if formula.denominator is not None and exceeds_whole(ratio):
        share = shares.get((formula.numerator, formula.denominator))
        if share is not None:
            return Conflict(frozenset({claim.id}), formula.quantities[0], frozenset({share}))
    return None


def _minimal_conflict(
    found: Infeasible,
    everything: list[Claim],
    active: list[str],
    limits: tuple[Limit, ...],
    dividers: Mapping[Quantity, frozenset[str]],
) -> Conflict:
    """Shrink the claims behind *found* to a set of which no claim can be spared.

    Each claim, in the order of their ids, is left out in turn and stays out
    if the others still cannot all hold; domain limits always hold.
    """
    by_id = {claim.id: claim for claim in everything}
    kept = sorted(found.because & set(active))
    for suspect in list(kept):
        trial = [by_id[claim_id] for claim_id in kept if claim_id != suspect]
        if find_infeasible(trial, _passive(everything, trial), limits, dividers) is not None:
            kept.remove(suspect)
    chosen = [by_id[claim_id] for claim_id in kept]
    final = find_infeasible(chosen, _passive(everything, chosen), limits, dividers)
    assert final is not None  # noqa: S101 - kept is infeasible by construction
    names = {limit.id for limit in limits}
    # The engine also names the figures that divide by a quantity it found to be 0.
    return Conflict(
        frozenset(kept) | (final.because - names), final.quantity, final.because & names
    )


@checked
def reconcile(claims: Iterable[Claim], *, limits: Iterable[Limit] | None = None) -> Reconciliation:
    """Infer the interval of every quantity, and find the claims that cannot all hold.

    *limits* are the domain limits to respect (by default :func:`~peelmodel.limits.limits_of`
    the claims). When claims conflict, the conflict is shrunk to claims none of
    which can be spared, recorded, set aside, and the rest reconciled again, so
    that independent errors are all found. Claims without a published value
    take no part, but their quantities are reported too, so that
    :meth:`Reconciliation.range_of` can bound them. The answer depends only on
    the claims, never on their order.
    """
    everything = sorted(claims, key=by_id)
    rules = tuple(limits_of(everything) if limits is None else sorted(limits, key=by_id))
    conflicts: list[Conflict] = []
    remaining: list[Claim] = []
    shares = _shares(rules)
    dividers = dividers_of(everything)
    for claim in everything:
        if claim.published is None:
            continue
        alone = _conflict_alone(claim, shares)
        if alone is None:
            remaining.append(claim)
        else:
            conflicts.append(alone)
    wrong_alone = {claim_id for conflict in conflicts for claim_id in conflict.claims}
    while True:
        engine = Engine(remaining, _passive(everything, remaining), rules, dividers)
        try:
            engine.run()
            break
        except Infeasible as infeasible:
            active = [claim.id for claim in remaining]
            conflict = _minimal_conflict(infeasible, everything, active, rules, dividers)
            conflicts.append(conflict)
            remaining = [claim for claim in remaining if claim.id not in conflict.claims]
    # A claim set aside may disagree with the rest in other ways too: find each way.
    for claim in everything:
        if claim.published is None or claim in remaining or claim.id in wrong_alone:
            continue
        rest = remaining
        while (
            found := find_infeasible(
                [*rest, claim], _passive(everything, [*rest, claim]), rules, dividers
            )
        ) is not None:
            active = [other.id for other in (*rest, claim)]
            conflict = _minimal_conflict(found, everything, active, rules, dividers)
            conflicts.append(conflict)
            shrunk = [other for other in rest if other.id not in conflict.claims]
            if len(shrunk) == len(rest):
                break
            rest = shrunk
    unique = {(tuple(sorted(c.claims)), c.quantity.id): c for c in conflicts}
    named = tuple(unique[key] for key in sorted(unique))
    result = Reconciliation(engine.intervals(), named, rules)
    object.__setattr__(result, "_engine", engine)
    return result


def _passive(everything: list[Claim], active: list[Claim]) -> list[Claim]:
    """Every claim not in *active*, without its published value."""
    ids = {claim.id for claim in active}
    return [attrs.evolve(claim, published=None) for claim in everything if claim.id not in ids]
