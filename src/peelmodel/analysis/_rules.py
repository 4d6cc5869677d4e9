"""A rule over numbered whole-number unknowns: ``low ⊲ sum(numerator) ÷ denominator ⊲ high``.

Every published claim ``scale × sum(numerator) ÷ denominator + offset``
within its band is such a rule (:func:`claim_rule`), and so is a domain
limit, ``0 ≤ sum(parts) ÷ whole ≤ 1`` (:func:`limit_rule`).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from peelmodel.arithmetic import Band, unchecked_band, unchecked_places
from peelmodel.claims import Claim, Formula, Quantity
from peelmodel.limits import Limit
from peelmodel.model.figure import Qualifier

__all__ = [
    "Rule",
    "admits_non_negative",
    "by_id",
    "claim_rule",
    "dividers_of",
    "exceeds_whole",
    "holds",
    "limit_rule",
    "ratio_band",
    "solvable_ratio",
]


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


def ratio_band(published: Band, scale: Fraction, offset: Fraction) -> Band | None:
    """Where ``sum ÷ denominator`` must lie for ``scale × it + offset`` to be in *published*.

    ``None`` when no value can: a formula with scale 0 is the constant *offset*.

    >>> from decimal import Decimal
    >>> from peelmodel.arithmetic import band
    >>> ratio_band(band(Decimal("-11")), Fraction(100), Fraction(-100))
    Band(low=Fraction(177, 200), high=Fraction(179, 200), low_open=True, high_open=False)
    """
    if scale == 0:
        return Band(None, None) if offset in published else None

    def solve(value: Fraction | None) -> Fraction | None:
        return None if value is None else (value - offset) / scale

    if scale > 0:
        return Band(
            solve(published.low), solve(published.high), published.low_open, published.high_open
        )
    return Band(
        solve(published.high), solve(published.low), published.high_open, published.low_open
    )


def exceeds_whole(ratio: Band) -> bool:
    """Whether every value of *ratio* is above 1: a part larger than its whole."""
    return ratio.low is not None and (ratio.low > 1 or (ratio.low == 1 and ratio.low_open))


def admits_non_negative(ratio: Band) -> bool:
    """Whether some value at least 0 lies in *ratio* (a sum of counts over a count is one)."""
    if ratio.high is None:
        return True
    if ratio.low is not None and (
        ratio.low > ratio.high or (ratio.low == ratio.high and (ratio.low_open or ratio.high_open))
    ):
        return False
    return ratio.high > 0 or (ratio.high == 0 and not ratio.high_open)


def dividers_of(claims: Iterable[Claim]) -> dict[Quantity, frozenset[str]]:
    """The claims that divide by each quantity, named when it is found to be 0.

    Published figures only, where any divides by it; otherwise the lost ones.
    """
    published: dict[Quantity, set[str]] = defaultdict(set)
    lost: dict[Quantity, set[str]] = defaultdict(set)
    for claim in claims:
        denominator = claim.formula.denominator
        if denominator is not None:
            (lost if claim.published is None else published)[denominator].add(claim.id)
    return {
        quantity: frozenset(published.get(quantity) or lost[quantity])
        for quantity in published.keys() | lost.keys()
    }


def by_id(item: Claim | Limit | Rule) -> str:
    """The id of a claim, limit or rule: the canonical order of the engines."""
    return item.id


def claim_rule(claim: Claim, number: dict[Quantity, int], ratio: Band | None = None) -> Rule:
    """The rule of a published claim (or of *ratio* over its formula), over numbered unknowns."""
    formula = claim.formula
    if ratio is None:
        ratio = solvable_ratio(claim)
        assert ratio is not None  # noqa: S101 - claims no whole numbers give are set aside first
    denominator = -1 if formula.denominator is None else number[formula.denominator]
    return Rule(
        claim.id,
        tuple(number[quantity] for quantity in formula.numerator),
        denominator,
        ratio.low,
        ratio.low_open,
        ratio.high,
        ratio.high_open,
    )


def limit_rule(limit: Limit, number: dict[Quantity, int]) -> Rule:
    """The rule of a domain limit: its parts make up between none and all of its whole."""
    parts = tuple(number[part] for part in limit.parts)
    whole = number[limit.whole]
    return Rule(
        limit.id, parts, whole, Fraction(0), low_open=False, high=Fraction(1), high_open=False
    )


def solvable_ratio(claim: Claim) -> Band | None:
    """Where ``sum ÷ denominator`` must lie for *claim*, or ``None`` if no whole numbers can."""
    published = claim.published
    assert published is not None  # noqa: S101 - only published claims constrain
    more_than = claim.qualifier is Qualifier.MORE_THAN
    # Decimal("1.0") == Decimal("1.00"): the places are part of the key.
    return _solvable_band(published, unchecked_places(published), more_than, claim.formula)


@functools.lru_cache(maxsize=4096)
def _solvable_band(
    published: Decimal,
    digits: int,  # noqa: ARG001 - a part of the key
    more_than: bool,  # noqa: FBT001 - cached by position
    formula: Formula,
) -> Band | None:
    ratio = ratio_band(unchecked_band(published, more_than), formula.scale, formula.offset)
    return ratio if ratio is not None and admits_non_negative(ratio) else None
