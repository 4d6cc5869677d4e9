"""What a report claims: each published number and the formula it must equal.

Every figure of an :class:`~peelmodel.Inspection` becomes a :class:`Claim`:
*published* equals *formula*, evaluated over :class:`Quantity` values and
rounded half up to the published precision. Quantities are the numbers behind
the figures, most of which a report never prints: offences recorded, the
population, a count behind a share. Figures that share a quantity share it by
construction: one population per area behind every rate per 1,000 population
and per million, one recorded-crime total per area and period behind the
crime rate and every outcome rate.

>>> from peelmodel import datasets
>>> claim = claims_of(datasets.load("hampshire-2015"))["hampshire.outcomes.type-1.rate"]
>>> str(claim.formula)
'100 × hampshire.outcomes.type-1.12m-to-2015-06-30 ÷ hampshire.recorded-crime.12m-to-2015-06-30'
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from . import outcomes
from ._figures import Basis, Figure, Qualifier
from ._inspection import Inspection
from ._outcomes import OutcomeGroup, OutcomeRate
from ._periods import Period
from .rounding import Band, band

__all__ = [
    "STOCK_MEASURES",
    "Claim",
    "Formula",
    "Quantity",
    "claims_of",
    "figure_claim",
    "outcome_claims",
]

#: Measures that are stocks of an area rather than counts over a period: one
#: value per area stands behind every rate per 1,000 or per million.
STOCK_MEASURES = frozenset({"population", "households"})


@attrs.frozen(order=True)
class Quantity:
    """A whole number behind published figures: a count of something in an area and period.

    >>> Quantity("hampshire", "population").id
    'hampshire.population'
    """

    area: str
    measure: str
    period: Period | None = None
    excluding: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """A stable dotted name: ``area.measure[.period][.excluding-areas]``."""
        parts = [self.area, self.measure]
        if self.period is not None:
            parts.append(self.period.slug)
        if self.excluding:
            parts.append("excluding-" + "-and-".join(self.excluding))
        return ".".join(parts)

    def __str__(self) -> str:
        return self.id


@attrs.frozen
class Formula:
    """``scale × (sum of numerator) ÷ denominator + offset``, over quantities.

    Counts, shares, rates and percentage changes all take this one form, which
    is what lets one engine derive, reconcile and aggregate them.

    >>> crime = Quantity("hampshire", "recorded-crime")
    >>> people = Quantity("hampshire", "population")
    >>> Formula((crime,), people, Fraction(1000)).evaluate({crime: 121_000, people: 1_936_000})
    Fraction(125, 2)
    """

    numerator: tuple[Quantity, ...]
    denominator: Quantity | None = None
    scale: Fraction = Fraction(1)
    offset: Fraction = Fraction(0)

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        """Every quantity the formula reads, numerator first."""
        return (*self.numerator, self.denominator) if self.denominator else self.numerator

    @property
    def is_identity(self) -> bool:
        """Whether the formula is one quantity itself: the claim *defines* that quantity."""
        return (
            len(self.numerator) == 1
            and self.denominator is None
            and self.scale == 1
            and self.offset == 0
        )

    def evaluate(self, values: Mapping[Quantity, Fraction | int]) -> Fraction:
        """The exact value for the given quantity values."""
        total = Fraction(sum(values[q] for q in self.numerator))
        if self.denominator is not None:
            total /= values[self.denominator]
        return self.scale * total + self.offset

    def __str__(self) -> str:
        text = " + ".join(q.id for q in self.numerator)
        if len(self.numerator) > 1 and (self.denominator or self.scale != 1):
            text = f"({text})"
        if self.scale != 1:
            text = f"{self.scale} × {text}"
        if self.denominator is not None:
            text = f"{text} ÷ {self.denominator.id}"
        if self.offset:
            text = f"{text} {'-' if self.offset < 0 else '+'} {abs(self.offset)}"
        return text


@attrs.frozen
class Claim:
    """A published number and the formula whose rounded value it must be.

    ``published`` is ``None`` for a figure the report names but whose value was lost.
    """

    id: str
    label: str
    area: str
    source: str
    published: Decimal | None
    formula: Formula
    qualifier: Qualifier = Qualifier.EXACTLY

    @property
    def band(self) -> Band | None:
        """The exact values the published number stands for."""
        if self.published is None:
            return None
        return band(self.published, more_than=self.qualifier is Qualifier.MORE_THAN)


def figure_claim(figure: Figure) -> Claim:
    """The claim of one :class:`~peelmodel.Figure`."""
    excluding = tuple(area.id for area in figure.excluding)

    def quantity(measure: str, period: Period | None = figure.period) -> Quantity:
        if measure in STOCK_MEASURES:
            return Quantity(figure.area.id, measure, None, excluding)
        return Quantity(figure.area.id, measure, period, excluding)

    subject = quantity(figure.measure)
    basis = figure.basis
    if basis is Basis.COUNT:
        formula = Formula((subject,))
    elif basis is Basis.PERCENT:
        assert figure.of is not None  # noqa: S101 - Figure requires it for percent
        formula = Formula((subject,), quantity(figure.of), basis.scale)
    elif basis is Basis.PERCENTAGE_CHANGE:
        formula = Formula(
            (subject,), quantity(figure.measure, figure.baseline), basis.scale, -basis.scale
        )
    else:
        assert basis.denominator is not None  # noqa: S101 - every other basis is a rate
        formula = Formula((subject,), quantity(basis.denominator), basis.scale)
    return Claim(
        id=figure.id,
        label=figure.label,
        area=figure.area.id,
        source=figure.source,
        published=figure.published,
        formula=formula,
        qualifier=figure.qualifier,
    )


def outcome_claims(row: OutcomeRate) -> tuple[Claim, ...]:
    """The claims of one outcome row: its count, its rate, and its offences when given.

    A group's count is the sum of its member types in use during the period.
    """
    area, period = row.area.id, row.period
    if isinstance(row.outcome, OutcomeGroup):
        members = tuple(
            Quantity(area, f"outcomes.type-{n}", period)
            for n in row.outcome.members
            if outcomes.type(n).exists_during(period)
        )
    else:
        members = (Quantity(area, f"outcomes.{row.outcome_id}", period),)
    offences = Quantity(area, "recorded-crime", period)
    label, source = row.outcome.name, row.source or "Outcome rates"
    found: list[Claim] = []
    if row.count is not None:
        found.append(
            Claim(
                f"{row.id}.count",
                f"{label}: number",
                area,
                source,
                Decimal(row.count),
                Formula(members),
            )
        )
    if row.rate is not None:
        found.append(
            Claim(
                f"{row.id}.rate",
                f"{label}: rate per 100 offences",
                area,
                source,
                row.rate,
                Formula(members, offences, Fraction(100)),
            )
        )
    if row.offences is not None:
        found.append(
            Claim(
                f"{row.id}.offences",
                f"{label}: offences recorded",
                area,
                source,
                Decimal(row.offences),
                Formula((offences,)),
            )
        )
    return tuple(found)


def claims_of(inspection: Inspection) -> dict[str, Claim]:
    """Every claim of an inspection by id: its figures in order, then its outcome rows."""
    found = {claim.id: claim for claim in map(figure_claim, inspection.figures)}
    for row in inspection.outcome_rates:
        found.update((claim.id, claim) for claim in outcome_claims(row))
    return found
