"""A rule over numbered whole-number unknowns: ``low ⊲ sum(numerator) ÷ denominator ⊲ high``."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import NamedTuple

__all__ = ["Rule", "holds"]


class Rule(NamedTuple):
    """``low ⊲ sum(numerator) ÷ denominator ⊲ high`` over numbered unknowns.

    ``denominator`` is -1 for none (the sum itself is bounded); a missing end is ``None``.
    """

    id: str
    numerator: tuple[int, ...]
    denominator: int
    low: Fraction | None
    low_open: bool
    high: Fraction | None
    high_open: bool

    @property
    def unknowns(self) -> tuple[int, ...]:
        """The unknowns the rule reads, numerator first."""
        if self.denominator < 0:
            return self.numerator
        return (*self.numerator, self.denominator)


def holds(rule: Rule, values: Sequence[int]) -> bool:
    """Whether whole-number *values* satisfy *rule* exactly, in its linear form.

    ``low × denominator ⊲ sum ⊲ high × denominator``: a denominator's being
    at least 1 is a bound of the system, not of the rule.
    """
    _, numerator, denominator, low, low_open, high, high_open = rule
    total = 0
    for unknown in numerator:
        total += values[unknown]
    whole = 1 if denominator < 0 else values[denominator]
    # p/q × whole against the sum, in whole numbers: q × sum against p × whole.
    if low is not None:
        scaled, least = low.denominator * total, low.numerator * whole
        if scaled < least or (low_open and scaled == least):
            return False
    if high is not None:
        scaled, most = high.denominator * total, high.numerator * whole
        if scaled > most or (high_open and scaled == most):
            return False
    return True
