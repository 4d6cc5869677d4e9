"""A figure's formula over the numbered unknowns of its component, at the figure's precision.

:class:`Values` gives the formula's value at a solution, its least and
greatest value over bounds of the unknowns, and the published values those
round to, counted in steps of the figure's last place.

>>> from decimal import Decimal
>>> from fractions import Fraction
>>> from peelmodel import datasets
>>> from peelmodel.analysis.reconciliation import reconcile
>>> from peelmodel.claims import claims_of
>>> claims = claims_of(datasets.load("hampshire-2015"))
>>> share = claims["hampshire.ocgs-drug-activity.percent"]
>>> component = reconcile(claims.values())._kept_of(share.formula.numerator[0])[0]
>>> values = Values(share, component)
>>> low, high = [0] * len(component.quantities), [62] * len(component.quantities)
>>> values.over((low, high))  # a share of its whole: never above it
(Fraction(0, 1), Fraction(100, 1))
>>> values.steps(Fraction(113, 2)), values.decimal(57)
(57, Decimal('57'))
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from peelmodel.analysis._components import Component
from peelmodel.arithmetic import (
    unchecked_affine_range,
    unchecked_decimal,
    unchecked_places,
    unchecked_steps,
)
from peelmodel.claims import Claim

__all__ = ["Values"]


class Values:
    """``scale × sum(numerator) ÷ denominator + offset`` over numbered unknowns, as *claim* rounds it."""

    def __init__(self, claim: Claim, component: Component) -> None:
        formula = self.formula = claim.formula
        number = component.number
        self.numerator = tuple(number[q] for q in formula.numerator)
        #: The denominator's number, -1 for none.
        self.denominator = -1 if formula.denominator is None else number[formula.denominator]
        assert claim.published is not None  # noqa: S101 - only published figures have a precision
        self.digits = unchecked_places(claim.published)
        #: Whether a domain limit keeps the numerator within the denominator: a share.
        self.within_whole = component.within_whole(formula)

    def at(self, solution: Sequence[int]) -> Fraction:
        """The formula's value at *solution*."""
        total = Fraction(sum(solution[u] for u in self.numerator))
        if self.denominator >= 0:
            total /= solution[self.denominator]
        return self.formula.scale * total + self.formula.offset

    def over(self, bounds: tuple[Sequence[int], Sequence[int]]) -> tuple[Fraction, Fraction]:
        """The least and greatest value over *bounds*: sums at their ends, each over the other end."""
        low, high = bounds
        least_sum = most_sum = 0
        for unknown in self.numerator:
            least_sum += low[unknown]
            most_sum += high[unknown]
        least_of = most_of = 1  # what the sums are divided by
        if self.denominator >= 0:
            least_of, most_of = max(high[self.denominator], 1), max(low[self.denominator], 1)
            if self.within_whole and most_sum > most_of:
                most_sum = most_of = 1
        formula = self.formula
        return unchecked_affine_range(
            formula.scale, formula.offset, (least_sum, least_of), (most_sum, most_of)
        )

    def steps(self, value: Fraction) -> int:
        """*value* rounded half up at the figure's precision, in steps of its last place."""
        return unchecked_steps(value, self.digits)

    def decimal(self, steps: int) -> Decimal:
        """The published value *steps* steps of the last place from 0."""
        return unchecked_decimal(steps, self.digits)
