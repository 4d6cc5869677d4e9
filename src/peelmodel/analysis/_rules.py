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
    total = sum(values[unknown] for unknown in rule.numerator)
    whole = 1 if rule.denominator < 0 else values[rule.denominator]
    # p/q × whole against the sum, in whole numbers: q × sum against p × whole.
    if rule.low is not None:
        scaled, least = rule.low.denominator * total, rule.low.numerator * whole
        if scaled < least or (rule.low_open and scaled == least):
            return False
    if rule.high is not None:
        scaled, most = rule.high.denominator * total, rule.high.numerator * whole
        if scaled > most or (rule.high_open and scaled == most):
            return False
    return True
