"""Reproduction: whether a published figure follows from the other published numbers.

:func:`reproduce` decides whether a claim's published value follows from the
other published numbers alone: the Out-of-court (formal) count is reproduced
from its three member types, for example.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from peelmodel import _html
from peelmodel._typecheck import checked
from peelmodel.arithmetic import unchecked_places, unchecked_round_half_up
from peelmodel.claims import Claim, Quantity
from peelmodel.model.figure import Qualifier

__all__ = ["Comparison", "compare", "known_values", "reproduce"]


@checked
def known_values(claims: Iterable[Claim]) -> dict[Quantity, int]:
    """The quantities that published counts give exactly.

    A claim whose formula is one quantity, published as an exact whole number,
    defines that quantity. Conflicting definitions keep neither.
    """
    found: dict[Quantity, int] = {}
    clashing: set[Quantity] = set()
    for claim in claims:
        if (
            claim.published is None
            or not claim.formula.is_identity
            or claim.qualifier is not Qualifier.EXACTLY
        ):
            continue
        quantity, value = claim.formula.numerator[0], int(claim.published)
        if found.setdefault(quantity, value) != value:
            clashing.add(quantity)
    return {q: v for q, v in found.items() if q not in clashing}


@checked
def reproduce(claim: Claim, known: Mapping[Quantity, int]) -> Decimal | None:
    """The value the claim's inputs give, rounded as published; ``None`` if an input is unknown.

    A claim that only defines a quantity (a plain count) is an input, not a
    derived figure, and gives ``None``.
    """
    return unchecked_reproduce(claim, known)


def unchecked_reproduce(claim: Claim, known: Mapping[Quantity, int]) -> Decimal | None:
    """:func:`reproduce` without checking its arguments, for the engines' loops."""
    if (
        claim.published is None
        or claim.formula.is_identity
        or claim.qualifier is not Qualifier.EXACTLY
    ):
        return None
    if not all(q in known for q in claim.formula.quantities):
        return None
    denominator = claim.formula.denominator
    if denominator is not None and known[denominator] == 0:
        return None
    value = claim.formula.evaluate(known)
    return unchecked_round_half_up(value, unchecked_places(claim.published))


@attrs.frozen
class Comparison:
    """A figure the report gives for the force and for a comparator area, compared exactly.

    ``difference`` is force minus comparator; ``ratio`` is force over comparator
    (``None`` when the comparator is zero).
    """

    force: Claim
    comparator: Claim
    difference: Decimal
    ratio: Fraction | None

    def __repr__(self) -> str:
        return (
            f"<Comparison {self.force.id}: {self.force.published} against "
            f"{self.comparator.published} ({self.comparator.area.id}), difference {self.difference}>"
        )

    def _repr_html_(self) -> str:
        """The two published values and their difference, for notebooks."""
        row = (
            self.force.id,
            self.force.published,
            self.comparator.id,
            self.comparator.published,
            self.difference,
            _html.number(self.ratio),
        )
        headers = ("figure", "published", "comparator", "published", "difference", "ratio")
        return _html.table(headers, [row])


@checked
def compare(claims: Iterable[Claim], force: str, comparator: str) -> tuple[Comparison, ...]:
    """Pair each published figure of *force* with the same figure for *comparator*.

    Two claims are the same figure when their formulas differ only in area.
    """
    by_shape: dict[tuple[object, ...], Claim] = {}
    ordered = [claim for claim in claims if claim.published is not None]
    for claim in ordered:
        if claim.area.id == comparator:
            by_shape[_shape(claim)] = claim
    found: list[Comparison] = []
    for claim in ordered:
        other = by_shape.get(_shape(claim)) if claim.area.id == force else None
        if other is None or claim.published is None or other.published is None:
            continue
        ratio = Fraction(claim.published) / Fraction(other.published) if other.published else None
        found.append(Comparison(claim, other, claim.published - other.published, ratio))
    return tuple(found)


def _shape(claim: Claim) -> tuple[object, ...]:
    formula = claim.formula

    def strip(quantity: Quantity | None) -> object:
        return None if quantity is None else (quantity.measure, quantity.period)

    return (
        tuple(strip(q) for q in formula.numerator),
        strip(formula.denominator),
        formula.scale,
        formula.offset,
    )
