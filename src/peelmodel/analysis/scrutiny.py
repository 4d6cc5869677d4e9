"""Whether the other figures of a report would have caught a wrong value of one figure.

A figure is only *consistent* when something else checks it: some value it
could have been published with, within the domain limits, that the other
published figures would have caught. :func:`caught_value` finds such a value,
or shows that none exists, and :func:`~peelmodel.analysis.assessment.assess` calls a
figure without one *unverifiable*, however plausible it looks.

>>> from peelmodel import datasets
>>> from peelmodel.claims import claims_of
>>> claims = list(claims_of(datasets.load("hampshire-2015")).values())
>>> caught_value(next(c for c in claims if c.id == "hampshire.victim-based-crime.per-1000-population"), claims)
Decimal('61.3')
>>> caught_value(next(c for c in claims if c.id == "hampshire.asb-incidents.change-on-previous-year"), claims)
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from peelmodel._typecheck import checked
from peelmodel._validators import MAX_COUNT
from peelmodel.analysis.reconciliation import Reconciliation, reconcile
from peelmodel.arithmetic import Band, band, places, round_half_up
from peelmodel.claims import Claim, Quantity
from peelmodel.limits import Limit, limits_of
from peelmodel.model.figure import Qualifier

__all__ = ["Scrutiny", "caught_value"]

#: At most this many combinations of the quantities' values are enumerated to
#: find values of a figure that no whole numbers give.
_MAX_COMBINATIONS = 4096

#: At most this many candidate values are tried against the other figures.
_MAX_TRIES = 24

#: Steps away from the published value tried last, once the likelier values fail.
_PROBES = (1, 2, 5, 10, 100, 1000)


class Scrutiny:
    """The caught values of the figures of one report, each found on first use and kept.

    *claims* are the report's claims that hold together; *limits* its domain limits.
    """

    def __init__(self, claims: Iterable[Claim], limits: Iterable[Limit]) -> None:
        self._claims = list(claims)
        self._limits = tuple(limits)
        self._found: dict[str, Decimal | None] = {}

    def caught(self, claim: Claim) -> Decimal | None:
        """The :func:`caught_value` of *claim* against the other claims."""
        if claim.id not in self._found:
            self._found[claim.id] = caught_value(claim, self._claims, self._limits)
        return self._found[claim.id]


@checked
def caught_value(
    claim: Claim, claims: Iterable[Claim], limits: Iterable[Limit] | None = None
) -> Decimal | None:
    """A value *claim* could have been published with that the other *claims* would catch.

    The value lies within what the domain *limits* (by default those of the
    claims) allow the figure, and the engine finds it inconsistent with the
    other published claims. ``None`` when no such value exists: nothing else
    in the report bears on the figure. The other claims must hold together.
    """
    if claim.published is None:
        return None
    everything = list(claims)
    rules = tuple(limits_of(everything) if limits is None else limits)
    others, near_limits = _component(claim, everything, rules)
    if not any(other.published is not None for other in others):
        return None
    passive = attrs.evolve(claim, published=None)
    allowed = _allowed(claim, near_limits)
    implied = reconcile([*others, passive], limits=near_limits)
    for value in itertools.islice(_candidates(claim, implied, allowed), _MAX_TRIES):
        if not implied.admits(attrs.evolve(claim, published=value)):
            return value
    return None


def _component(
    claim: Claim, claims: Sequence[Claim], limits: Sequence[Limit]
) -> tuple[list[Claim], tuple[Limit, ...]]:
    """The other claims and the limits linked to *claim* through shared quantities."""
    reached: set[Quantity] = set(claim.formula.quantities)
    others = [other for other in claims if other.id != claim.id]
    linked_claims: list[Claim] = []
    linked_limits: list[Limit] = []
    pending_claims, pending_limits = others, list(limits)
    grew = True
    while grew:
        grew = False
        for group, pending, quantities_of in (
            (linked_claims, pending_claims, _claim_quantities),
            (linked_limits, pending_limits, _limit_quantities),
        ):
            still: list[Claim | Limit] = []
            for item in pending:
                quantities = quantities_of(item)  # type: ignore[arg-type]
                if reached.isdisjoint(quantities):
                    still.append(item)
                else:
                    group.append(item)  # type: ignore[arg-type]
                    reached.update(quantities)
                    grew = True
            pending[:] = still  # type: ignore[assignment]
    return linked_claims, tuple(linked_limits)


def _allowed(claim: Claim, limits: tuple[Limit, ...]) -> tuple[Fraction, Fraction]:
    """The least and greatest values the domain alone allows the claim's formula.

    Counts lie between 0 and the engine's ceiling, a denominator is at least
    1, and a share of a whole (its numerator among a limit's parts, its
    denominator that limit's whole) lies between none and all of it.
    """
    formula = claim.formula
    numerator = set(formula.numerator)
    share = formula.denominator is not None and any(
        limit.whole == formula.denominator and numerator <= set(limit.parts) for limit in limits
    )
    most = 1 if share else MAX_COUNT * len(formula.numerator)
    return formula.offset, formula.offset + formula.scale * most


def _claim_quantities(claim: Claim) -> tuple[Quantity, ...]:
    return claim.formula.quantities


def _limit_quantities(limit: Limit) -> tuple[Quantity, ...]:
    return (*limit.parts, limit.whole)


def _candidates(
    claim: Claim, implied: Reconciliation, allowed: tuple[Fraction, Fraction]
) -> Iterator[Decimal]:
    """Values of the figure, at its precision and within *allowed*, most likely caught first.

    First the nearest values beyond what the other claims imply, then values
    inside it that no whole numbers give.
    """
    assert claim.published is not None  # noqa: S101 - only published claims are checked
    digits = places(claim.published)
    step = Decimal(1).scaleb(-digits)
    more_than = claim.qualifier is Qualifier.MORE_THAN
    low, high = implied.range_of(claim)
    # Beyond the greatest value only where it rests on published figures, not on the
    # engine's ceiling for counts or the bare "a denominator is at least 1".
    denominator = claim.formula.denominator
    bounded = all(
        implied.interval_of(quantity).is_bounded for quantity in claim.formula.numerator
    ) and (denominator is None or bool(implied.interval_of(denominator).low_because))

    def values_of(value: Decimal) -> Band:
        return band(value, more_than=more_than)

    def valid(value: Decimal) -> bool:
        span = values_of(value)
        return (span.high is None or span.high > allowed[0]) and (
            span.low is None or span.low < allowed[1]
        )

    if bounded:
        above = round_half_up(high, digits)
        while not _above(values_of(above), high):
            above += step
        if valid(above):
            yield above
    if not more_than:
        below = round_half_up(low, digits)
        while not _below(values_of(below), low):
            below -= step
        if valid(below):
            yield below
    yield from (value for value in _unreachable(claim, implied, digits) if valid(value))
    published = claim.published
    for offset in _PROBES:
        for value in (published + offset * step, published - offset * step):
            if valid(value) and (value >= 0 or claim.formula.offset < 0):
                yield value


def _above(span: Band, value: Fraction) -> bool:
    return span.low is not None and (span.low > value or (span.low == value and span.low_open))


def _below(span: Band, value: Fraction) -> bool:
    return span.high is not None and (span.high < value or (span.high == value and span.high_open))


def _unreachable(claim: Claim, implied: Reconciliation, digits: int) -> Iterator[Decimal]:
    """Values between the figure's least and greatest that no whole numbers give.

    Only where the quantities' intervals are small enough to enumerate.
    """
    formula = claim.formula
    ranges = [
        range(interval.low, interval.high + 1)
        for interval in map(implied.interval_of, formula.quantities)
    ]
    if math.prod(map(len, ranges)) > _MAX_COMBINATIONS:
        return
    reachable: set[Decimal] = set()
    for values in itertools.product(*ranges):
        assignment = dict(zip(formula.quantities, values, strict=True))
        if formula.denominator is not None and assignment[formula.denominator] == 0:
            continue
        reachable.add(round_half_up(formula.evaluate(assignment), digits))
    if not reachable:
        return
    step = Decimal(1).scaleb(-digits)
    value = min(reachable)
    while value < max(reachable):
        if value not in reachable:
            yield value
        value += step
