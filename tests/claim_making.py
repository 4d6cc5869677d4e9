"""Claims made by hand for the engine's tests: a formula, a published value, an area."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from peelmodel.catalogues import areas
from peelmodel.claims import Claim, Formula, Quantity
from peelmodel.model.area import Area
from peelmodel.model.figure import Basis, Qualifier
from peelmodel.model.period import Period

#: The period of every claim made here.
YEAR = Period.parse("2014-07-01/2015-06-30")
#: The area of the claims made by :func:`count` and :func:`percent`.
HAMPSHIRE = areas.get("hampshire")


def made(  # noqa: PLR0913 - the fields of a claim, most with defaults
    claim_id: str,
    published: Decimal | None,
    formula: Formula,
    area: Area,
    *,
    basis: Basis | None = None,
    qualifier: Qualifier = Qualifier.EXACTLY,
    source: str = "test",
) -> Claim:
    """The claim *claim_id* of *formula* in *area*: a count, or a percentage where it divides."""
    if basis is None:
        basis = Basis.COUNT if formula.denominator is None else Basis.PERCENT
    return Claim(
        id=claim_id,
        label=claim_id,
        area=area,
        measure=formula.numerator[0].measure,
        basis=basis,
        period=YEAR,
        source=source,
        published=published,
        formula=formula,
        qualifier=qualifier,
    )


def quantity(measure: str) -> Quantity:
    """*measure* in Hampshire over :data:`YEAR`."""
    return Quantity(area=HAMPSHIRE, measure=measure, period=YEAR)


def count(claim_id: str, counted: Quantity, published: int) -> Claim:
    """A published count of *counted*, in Hampshire."""
    return made(claim_id, Decimal(published), Formula(numerator=(counted,)), HAMPSHIRE)


def percent(claim_id: str, part: Quantity, whole: Quantity, published: int) -> Claim:
    """*part* published as a whole percentage of *whole*, in Hampshire."""
    formula = Formula(numerator=(part,), denominator=whole, scale=Fraction(100))
    return made(claim_id, Decimal(published), formula, HAMPSHIRE)
