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

from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from functools import cache

import attrs

from peelmodel.arithmetic import Band, band
from peelmodel.catalogues import outcomes
from peelmodel.catalogues._registry import read_data
from peelmodel.model.figure import Basis, Figure, Qualifier
from peelmodel.model.inspection import Inspection
from peelmodel.model.outcome import OutcomeGroup, OutcomeRate
from peelmodel.model.period import Period

__all__ = [
    "STOCK_MEASURES",
    "Claim",
    "Formula",
    "Limit",
    "Quantity",
    "claims_of",
    "figure_claim",
    "limits_of",
    "outcome_claims",
]

#: Measures that are stocks of an area rather than counts over a period: one
#: value per area stands behind every rate per 1,000 or per million.
STOCK_MEASURES = frozenset({"population", "households"})


@attrs.frozen(order=True, cache_hash=True)
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
    ``part_of`` is the quantity the claim's subject is a part of, where the
    figure says so (a share *of* a count, "9 of those 21").
    """

    id: str
    label: str
    area: str
    source: str
    published: Decimal | None
    formula: Formula
    qualifier: Qualifier = Qualifier.EXACTLY
    part_of: Quantity | None = None

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
    part_of = None if figure.of is None else quantity(figure.of)
    if basis is Basis.COUNT:
        formula = Formula((subject,))
    elif basis is Basis.PERCENT:
        formula = Formula((subject,), part_of, basis.scale)
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
        part_of=part_of,
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


@attrs.frozen
class Limit:
    """A domain limit: the *parts* add up to no more than the *whole*.

    Limits are not published figures: they hold for any report, so the
    engines apply them to every quantity they infer.

    >>> crime = Quantity("hampshire", "recorded-crime")
    >>> str(Limit((Quantity("hampshire", "victim-based-crime"),), crime))
    'hampshire.victim-based-crime ≤ hampshire.recorded-crime'
    """

    parts: tuple[Quantity, ...]
    whole: Quantity

    @property
    def id(self) -> str:
        """A stable name: the parts, ``≤``, the whole."""
        return f"{' + '.join(part.id for part in self.parts)} ≤ {self.whole.id}"

    def __str__(self) -> str:
        return self.id


@cache
def _measure_parts() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The catalogue ``measure-parts.json``: (whole, parts) measures, ``*`` a wildcard end."""
    return tuple(
        (entry["whole"], tuple(entry["parts"]))
        for entry in read_data("measure-parts.json")["parts"]
    )


def _matches(measure: str, pattern: str) -> bool:
    return measure.startswith(pattern[:-1]) if pattern.endswith("*") else measure == pattern


def limits_of(claims: Iterable[Claim]) -> tuple[Limit, ...]:
    """The domain limits on the quantities of *claims*, in a canonical order.

    A figure that is a part *of* another measure keeps its subject within
    it; and where the catalogue of measure parts names a whole and some of its
    parts for the same area, period and exclusions, their sum stays within it.

    >>> from peelmodel import datasets
    >>> limits = limits_of(claims_of(datasets.load("hampshire-2015")).values())
    >>> any(limit.whole.measure == "recorded-crime" for limit in limits)
    True
    """
    found: set[Limit] = set()
    places: dict[tuple[str, Period | None, tuple[str, ...]], set[Quantity]] = defaultdict(set)
    for claim in claims:
        if claim.part_of is not None:
            found.add(Limit(claim.formula.numerator, claim.part_of))
        for quantity in claim.formula.quantities:
            places[quantity.area, quantity.period, quantity.excluding].add(quantity)
    for present in places.values():
        by_measure = {quantity.measure: quantity for quantity in present}
        for whole, patterns in _measure_parts():
            if whole not in by_measure:
                continue
            parts = sorted(
                quantity
                for quantity in present
                if any(_matches(quantity.measure, pattern) for pattern in patterns)
            )
            if parts:
                found.add(Limit(tuple(parts), by_measure[whole]))
    return tuple(sorted(found, key=lambda limit: limit.id))
