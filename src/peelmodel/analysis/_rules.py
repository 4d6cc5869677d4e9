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
    if rule.low is not None:
        least = rule.low * whole
        if total < least or (rule.low_open and total == least):
            return False
    if rule.high is not None:
        most = rule.high * whole
        if total > most or (rule.high_open and total == most):
            return False
    return True
