"""Claims made by hand for the engine's tests: a formula, a published value, an area."""

from __future__ import annotations

from decimal import Decimal

from peelmodel.claims import Claim, Formula
from peelmodel.model.area import Area
from peelmodel.model.figure import Basis, Qualifier
from peelmodel.model.period import Period

#: The period of every claim made here.
YEAR = Period.parse("2014-07-01/2015-06-30")


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
